import type { Metadata } from 'next';
import { after } from 'next/server';
import Link from '@/app/_components/link';
import { forbidden } from 'next/navigation';
import { database } from '@/db/engine';
import { currentDeviceHash } from '@/lib/classroom/device';
import { latestParticipation, touchParticipant } from '@/lib/classroom/participants';
import { checkJournal, journalHead } from '@/lib/platform/journal';
import { messagesFor } from '@/lib/classroom/messages';
import { seanceEventText } from '@/lib/live-version';
import { JournalState } from '@/app/_components/journal-state';
import { exchangesOf } from '@/lib/platform/journal-view';
import { ExchangeList } from '../../_components/exchange-list';
import { LiveRefresh } from '../../_components/live-refresh';

export const metadata: Metadata = { title: 'Journal de la séance (audit)' };

/** The observer's view: every exchange of the séance, who asked what and on which basis — never the data itself. */
export default async function AuditJournalPage() {
  const device = await currentDeviceHash();
  const db = database();
  const mine = device ? await latestParticipation(db, device) : null;
  if (!mine || mine.participant.role !== 'observateur') forbidden();
  await touchParticipant(db, mine.participant);
  // What its stream would send now, read before the journal: an exchange made before the stream opens shows too.
  const rendered = seanceEventText(mine.participant, (await messagesFor(db, mine.session.id, mine.participant.id)).length, await journalHead(db, mine.session.id));
  const rows = await exchangesOf(db, { kind: 'enseignant', classSessionId: mine.session.id }, { limit: 200 });
  const journal = await checkJournal(db, mine.session.id, undefined, after);
  return (
    <>
      <LiveRefresh url="/api/seance/flux" event="seance" rendered={rendered} />
      <p className="badge">Séance : {mine.session.name} — audit</p>
      <h1>Journal des échanges de la séance</h1>
      <p className="lead">
        Chaque demande de données passée par la plateforme, acceptée ou refusée. Vous voyez qui a demandé quoi, pourquoi et sur quelle base, mais pas les données elles-mêmes.
      </p>
      <JournalState check={journal} />
      <p>
        <Link href="/plateforme">Comparer avec le catalogue des habilitations</Link> · <Link href="/seance">Ma carte de scénario</Link> · Cette page se met à jour toute seule.
      </p>
      {rows.length === 0 ? <p>Aucun échange pour l’instant.</p> : <ExchangeList reader="tiers" rows={rows} headingLevel={2} />}
    </>
  );
}
