import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseSummary } from '@/app/_components/case-summary';
import { database } from '@/db/engine';
import { requireAgent } from '@/lib/auth/guards';
import { agentDraft } from '@/lib/procedures/agent';
import { agentSubmitAction } from '../../actions';

export const metadata: Metadata = { title: 'Récapitulatif de la saisie — espace agent' };

export default async function AgentSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const agent = await requireAgent();
  const { id } = await params;
  const found = await agentDraft(database(), agent, id);
  if (!found) notFound();
  const who = `${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}`;
  return (
    <CaseSummary
      c={found.c}
      persona={found.persona}
      base={`/agent/saisie/${id}`}
      submit={agentSubmitAction.bind(null, id)}
      requester={`${who}, demande ${found.c.channel === 'papier' ? 'sur papier' : 'au guichet'} saisie par ${agent.givenName} ${agent.familyName}`}
      banner={`Saisie pour ${who}`}
      heading="Vérifiez la demande avant de l’envoyer"
      submitLabel="Envoyer la demande"
    />
  );
}
