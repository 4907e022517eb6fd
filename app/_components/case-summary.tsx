import Link from '@/app/_components/link';
import { SubmitButton } from '@/app/_components/submit-button';
import { Fragment } from 'react';
import { database } from '@/db/engine';
import type { CaseRow, Persona } from '@/lib/procedures/engine/types';
import { procedures, stepsFor } from '@/lib/procedures/registry';
import { ActionKeyField } from './action-key-field';
import { newActionKey } from '@/lib/action-keys';
import { Stepper } from './stepper';

// The summary before sending a draft, for a citizen online and for an agent keying in a paper or counter request.

/** `reader`: the person sending their own request (« votre coffre-fort »), or an agent or aidant sending it for them. */
type SummaryProps = { c: CaseRow; persona: Persona; base: string; submit: (form: FormData) => Promise<void>; requester: string; reader?: 'personne' | 'tiers'; banner?: string; heading?: string; submitLabel?: string; simplified?: boolean };

export async function CaseSummary({ c, persona, base, submit, requester, reader = 'tiers', banner, heading = 'Vérifiez votre demande avant de l’envoyer', submitLabel = 'Envoyer ma demande', simplified }: SummaryProps) {
  const def = procedures[c.procedure];
  const lines = await def.summary({ db: database(), persona, answers: c.answers });
  return (
    <>
      {banner && <p className="badge">{banner}</p>}
      <Stepper title={def.title} steps={stepsFor(def, { db: database(), persona, answers: c.answers }).map((s) => s.title)} current={-1} />
      <h1>{heading}</h1>
      {simplified && (
        <ul className="falc">
          <li>Voici vos réponses.</li>
          <li>Lisez-les une par une.</li>
          <li>Une réponse est fausse ? Appuyez sur « Modifier » à côté.</li>
          <li>Tout est juste ? Appuyez sur « {submitLabel} » en bas de la page.</li>
        </ul>
      )}
      <dl className="facts recap">
        {lines.map((line) => (
          <Fragment key={line.label}>
            <dt>{line.label}</dt>
            <dd>
              {line.value || 'Non renseigné'}
              {line.step && (
                <>
                  {' '}
                  <Link href={`${base}/etapes/${line.step}`}>
                    Modifier<span className="visually-hidden"> : {line.label}</span>
                  </Link>
                </>
              )}
            </dd>
          </Fragment>
        ))}
        <dt>Demandeur</dt>
        <dd>{requester}</dd>
      </dl>
      <p>
        {reader === 'personne'
          ? 'En envoyant, votre demande reçoit un numéro de dossier et un accusé de réception, rangé dans votre coffre-fort.'
          : 'En envoyant, la demande reçoit un numéro de dossier et un accusé de réception, rangé dans le coffre-fort de la personne.'}
      </p>
      <form action={submit}>
        <ActionKeyField value={newActionKey()} />
        <SubmitButton>
          {submitLabel}
        </SubmitButton>
      </form>
    </>
  );
}
