import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CaseSummary } from '@/app/_components/case-step';
import { getDb } from '@/db/client';
import { requireAidant } from '@/lib/auth/guards';
import { aidantDraft } from '@/lib/aidants/mandates';
import { CaseError } from '@/lib/procedures/engine/cases';
import { aidantSubmitAction } from '../../../actions';

export const metadata: Metadata = { title: 'Récapitulatif — démarche sous mandat' };

export default async function AidantSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const aidant = await requireAidant();
  const { id } = await params;
  let found;
  try {
    found = aidantDraft(getDb(), aidant, id);
  } catch (error) {
    if (error instanceof CaseError) redirect(`/aidant?refus=${encodeURIComponent(error.message)}`);
    throw error;
  }
  const who = `${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}`;
  return (
    <CaseSummary
      c={found.c}
      persona={found.persona}
      base={`/aidant/dossiers/${id}`}
      submit={aidantSubmitAction.bind(null, id)}
      requester={`${who}, accompagné·e par ${aidant.givenName} ${aidant.familyName} (France Services), sous mandat`}
      banner={`Pour ${who}, sous mandat`}
      heading="Vérifiez la demande avec la personne avant de l’envoyer"
      submitLabel="Envoyer la demande"
    />
  );
}
