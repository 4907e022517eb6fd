import type { Metadata } from 'next';
import { CaseSummary } from '@/app/_components/case-summary';
import { aidantDraftOrRefuse } from '../../../draft';
import { requireAidant } from '@/lib/auth/guards';
import { aidantSubmitAction } from '../../../actions';

export const metadata: Metadata = { title: 'Récapitulatif — démarche sous mandat' };

export default async function AidantSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const aidant = await requireAidant();
  const { id } = await params;
  const found = await aidantDraftOrRefuse(aidant, id);
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
