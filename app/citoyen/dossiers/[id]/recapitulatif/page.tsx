import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { CaseSummary } from '@/app/_components/case-summary';
import { citizenCase } from '@/lib/procedures/citizen';
import { viewerPreferences } from '@/lib/preferences-store';
import { submitCaseAction } from '../../actions';

export const metadata: Metadata = { title: 'Récapitulatif de votre demande' };

export default async function SummaryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ reseau?: string }> }) {
  const { id } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  const { persona, c } = found;
  if (c.state !== 'brouillon') redirect(`/citoyen/dossiers/${id}`);
  const cut = (await searchParams).reseau === 'coupe';
  return (
    <>
      {cut && (
        <div className="notice notice--error" role="alert">
          <p>La connexion a été coupée pendant l’envoi : votre demande n’est pas partie. Rien n’est perdu. Appuyez de nouveau sur « Envoyer ma demande ».</p>
        </div>
      )}
      <CaseSummary
      c={c}
      persona={persona}
      base={`/citoyen/dossiers/${id}`}
      submit={submitCaseAction.bind(null, id)}
      reader="personne"
      simplified={(await viewerPreferences()).simplifie}
      requester={`${persona.givenNames} ${persona.preferredName ?? persona.familyName} (identité transmise par FranceConnect simulé)`}
    />
    </>
  );
}
