import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ExchangeDetail } from '@/app/_components/exchange-detail';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { readExchange } from '@/lib/platform/journal-view';

export const metadata: Metadata = { title: 'Un échange en mode expert' };

/** An exchange about the signed-in citizen, with the request and the response (from Mes données or a case's page). */
export default async function CitizenExchangePage({ params }: { params: Promise<{ id: string }> }) {
  const persona = await requireCitizen();
  const row = await readExchange(database(), { kind: 'usager', classSessionId: persona.classSessionId, personaId: persona.id }, (await params).id);
  if (!row) notFound();
  return <ExchangeDetail row={row} reader="personne" back={{ href: '/citoyen/mes-donnees#echanges', label: 'Retour à Mes données' }} receiptHref={(id) => `/citoyen/mes-donnees/recus/${id}`} />;
}
