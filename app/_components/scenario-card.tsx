import { Fragment } from 'react';
import type { CardFact, ScenarioCard } from '@/lib/classroom/cards';

/**
 * A role's card as the student reads it: the story, then the facts the forms ask for. The same on « Ma séance » and on
 * the citizen's dashboard, so that the card the student is told about is the one they find once signed in.
 */
export function ScenarioCardView({ card, heading, className = '' }: { card: ScenarioCard; heading: string; className?: string }) {
  return (
    <section aria-labelledby="carte" className={`surface scenario-card ${className}`.trim()}>
      <h2 id="carte">{heading}</h2>
      <dl className="facts">
        <dt>La situation</dt>
        <dd>{card.situation}</dd>
        <dt>Votre objectif</dt>
        <dd>{card.goal}</dd>
        <dt>Ce qui peut compliquer</dt>
        <dd>{card.constraints}</dd>
      </dl>
      {card.facts.length > 0 && (
        <>
          <h3 id="carte-faits">Ce que vous savez (pour remplir les formulaires)</h3>
          <FactList facts={card.facts} labelledBy="carte-faits" />
        </>
      )}
    </section>
  );
}

/**
 * The card's facts beside a form (a step of a procedure): folded, one line until opened, so that a student who needs
 * the new address or the plate finds it without leaving what they are typing.
 */
export function CardFacts({ facts }: { facts: CardFact[] }) {
  if (facts.length === 0) return null;
  return (
    <details className="card-facts">
      <summary>Votre carte de mission : ce que vous savez</summary>
      <FactList facts={facts} />
    </details>
  );
}

function FactList({ facts, labelledBy }: { facts: CardFact[]; labelledBy?: string }) {
  return (
    <dl className="facts" aria-labelledby={labelledBy}>
      {facts.map((f) => (
        <Fragment key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
