import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Fragment } from 'react';
import { citizenCase, stepContext } from '@/lib/procedures/citizen';
import { procedures } from '@/lib/procedures/registry';
import { submitCaseAction } from '../../actions';

export const metadata: Metadata = { title: 'Récapitulatif de votre demande' };

export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  const { persona, c } = found;
  if (c.state !== 'brouillon') redirect(`/citoyen/dossiers/${id}`);
  const def = procedures[c.procedure];
  const lines = def.summary(stepContext(persona, c));
  return (
    <>
      <p className="steps-progress">{def.title} — dernière étape</p>
      <h1>Vérifiez votre demande avant de l’envoyer</h1>
      <dl className="facts recap">
        {lines.map((line) => (
          <Fragment key={line.label}>
            <dt>{line.label}</dt>
            <dd>
              {line.value || 'Non renseigné'}{' '}
              <Link href={`/citoyen/dossiers/${id}/etapes/${line.step}`}>
                Modifier<span className="visually-hidden"> : {line.label}</span>
              </Link>
            </dd>
          </Fragment>
        ))}
        <dt>Demandeur</dt>
        <dd>
          {persona.givenNames} {persona.preferredName ?? persona.familyName} (identité transmise par FranceConnect simulé)
        </dd>
      </dl>
      <p>En envoyant, vous recevrez un numéro de dossier et un accusé de réception dans votre coffre-fort.</p>
      <form action={submitCaseAction.bind(null, id)}>
        <button type="submit" className="button">
          Envoyer ma demande
        </button>
      </form>
    </>
  );
}
