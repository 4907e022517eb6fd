import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ExchangeDetail } from '@/app/_components/exchange-detail';
import { database } from '@/db/engine';
import { requireAgent } from '@/lib/auth/guards';
import { readExchange } from '@/lib/platform/journal-view';

export const metadata: Metadata = { title: 'Un échange en mode expert' };

/** An exchange the agent's body made or answered, with the request and the response. */
export default async function AgentExchangePage({ params }: { params: Promise<{ id: string }> }) {
  const agent = await requireAgent();
  const row = await readExchange(database(), { kind: 'organisme', classSessionId: agent.classSessionId, agency: agent.agencyId }, (await params).id);
  if (!row) notFound();
  return <ExchangeDetail row={row} reader="tiers" back={{ href: '/agent#plateforme', label: 'Retour à l’espace agent' }} />;
}
