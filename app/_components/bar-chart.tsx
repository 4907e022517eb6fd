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

export function BarChart({ id, title, measure, bars, category }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="chart" aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`} className="chart__title">
        {title}
      </figcaption>
      {/* The bars repeat the table below: hidden from screen readers, who read the table. Each label sits above its
          bar and wraps on a phone (its figure is what the teacher reads); each bar scales with the width. */}
      <ol className="chart__rows" aria-hidden="true">
        {bars.map((b) => (
          <li key={b.label}>
            {b.label} — <strong>{b.shown}</strong>
            <svg className="chart__bar" viewBox="0 0 100 22" preserveAspectRatio="none" focusable="false">
              <rect x={0} y={0} width={Math.max(0.5, (b.value / max) * 100)} height={22} className={`chart__bar--${b.tone ?? 'neutral'}`} />
            </svg>
          </li>
        ))}
      </ol>
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
