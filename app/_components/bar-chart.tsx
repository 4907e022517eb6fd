// A horizontal bar chart drawn on the server (SVG, no client code). The picture is for the eye; its data table,
// right under it, is the text alternative for everyone else (screen readers, print, copy into a spreadsheet).

export type Bar = { label: string; value: number; shown: string; tone?: 'ok' | 'refused' | 'failed' | 'neutral' };

type Props = {
  id: string;
  title: string;
  /** What the numbers are, for the table's column heading ("Durée médiane", "Demandes"). */
  measure: string;
  bars: Bar[];
  /** The heading of the table's first column ("Parcours", "Étape"). */
  category: string;
};

const rowHeight = 22;
const gap = 10;
const labelHeight = 20;

export function BarChart({ id, title, measure, bars, category }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = bars.length * (labelHeight + rowHeight + gap);
  return (
    <figure className="chart" aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`} className="chart__title">
        {title}
      </figcaption>
      {/* The bars repeat the table below: hidden from screen readers, who read the table. Labels sit above their
          bar so that a phone keeps them legible; the drawing scales with the width. */}
      <div className="chart__plot">
      <svg className="chart__bars" viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" aria-hidden="true" focusable="false" style={{ height: `${height}px` }}>
        {bars.map((b, i) => {
          const y = i * (labelHeight + rowHeight + gap) + labelHeight;
          return <rect key={b.label} x={0} y={y} width={Math.max(0.5, (b.value / max) * 100)} height={rowHeight} className={`chart__bar chart__bar--${b.tone ?? 'neutral'}`} />;
        })}
      </svg>
      <ol className="chart__labels" aria-hidden="true" style={{ height: `${height}px` }}>
        {bars.map((b, i) => (
          <li key={b.label} style={{ top: `${i * (labelHeight + rowHeight + gap)}px` }}>
            {b.label} — <strong>{b.shown}</strong>
          </li>
        ))}
      </ol>
      </div>
      <details className="chart__data">
        <summary>Voir les données du graphique</summary>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col">{measure}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.shown}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
