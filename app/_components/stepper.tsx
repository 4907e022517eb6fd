// Where the person is in a multi-step procedure: every step named, the done ones ticked, the current one marked for
// screen readers (aria-current="step"), the summary as the last stop. A server component: plain HTML and CSS.

type Props = {
  title: string;
  steps: string[];
  /** Index of the current step; -1 for the summary at the end. */
  current: number;
  /** Added to the progress line ("question 2 sur 3"). */
  detail?: string;
};

export function Stepper({ title, steps, current, detail }: Props) {
  const all = [...steps, 'Récapitulatif'];
  const at = current < 0 ? all.length - 1 : current;
  return (
    <nav className="stepper" aria-label="Étapes de la démarche">
      <p className="steps-progress">
        {/* Counted as the list below shows them: the summary is a stop too (four marks, "sur 4"). */}
        {`${title} — étape ${at + 1} sur ${all.length}${current < 0 ? ', la dernière' : ''}`}
        {detail ? `, ${detail}` : ''}
      </p>
      <ol className="stepper__list">
        {all.map((label, i) => (
          <li key={label} className={`stepper__step stepper__step--${i < at ? 'fait' : i === at ? 'en-cours' : 'a-venir'}`} aria-current={i === at ? 'step' : undefined}>
            <span className="stepper__mark" aria-hidden="true">
              {i < at ? '✓' : i + 1}
            </span>
            <span className="stepper__label">
              {label}
              {i < at && <span className="visually-hidden"> (faite)</span>}
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
