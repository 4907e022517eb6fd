import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { CaseSummary } from '@/app/_components/case-step';
import { citizenCase } from '@/lib/procedures/citizen';
import { getViewer } from '@/lib/auth/guards';
import { currentPreferences } from '@/lib/preferences-store';
import { submitCaseAction } from '../../actions';

export const metadata: Metadata = { title: 'Récapitulatif de votre demande' };

export default async function SummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  const { persona, c } = found;
  if (c.state !== 'brouillon') redirect(`/citoyen/dossiers/${id}`);
  return (
    <CaseSummary
      c={c}
      persona={persona}
      base={`/citoyen/dossiers/${id}`}
      submit={submitCaseAction.bind(null, id)}
      simplified={(await currentPreferences(await getViewer())).simplifie}
      requester={`${persona.givenNames} ${persona.preferredName ?? persona.familyName} (identité transmise par FranceConnect simulé)`}
    />
  );
}
