import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import { conversationsForAdviser } from '@/lib/assistant/conversations';
import { askerNames } from '@/lib/assistant/names';
import { requireAgent } from '@/lib/auth/guards';
import { countOf, formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Questions des usagers' };

/** The conversations handed to the agent's body ("Parler à un conseiller"), those waiting for an answer first. */
export default async function AdviserInbox() {
  const agent = await requireAgent();
  const db = database();
  const rendered = await updatesEventText(db, { kind: 'agent', agent }); // before what it shows: see LiveRefresh
  const list = await conversationsForAdviser(db, { id: agent.id, classSessionId: agent.classSessionId, agencyId: agent.agencyId });
  const names = await askerNames(db, list.map((l) => l.conversation));
  const sorted = [...list.filter((l) => l.waiting), ...list.filter((l) => !l.waiting)];
  const waiting = list.filter((l) => l.waiting).length;
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p>
        <Link href="/agent">Retour à l’espace agent</Link>
      </p>
      <h1>Questions des usagers</h1>
      <p className="lead">
        Quand l’assistant ne suffit pas, une personne demande à parler à un conseiller de votre service : vous lisez sa conversation avec
        l’assistant et vous lui répondez. Votre réponse s’affiche chez elle sans qu’elle recharge la page.
      </p>
      {list.length === 0 ? (
        <p>Aucune question transmise à votre service pour l’instant. Cette page se met à jour toute seule.</p>
      ) : (
        <>
          <p role="status">{waiting > 0 ? `${countOf(waiting, 'personne attend', 'personnes attendent')} votre réponse.` : 'Personne n’attend de réponse.'}</p>
          <ul className="conversation-list">
            {sorted.map(({ conversation, last, waiting }) => (
              <li key={conversation.id}>
                <Link href={`/agent/conseil/${conversation.id}`}>{names.get(conversation.id) ?? 'Une personne'}</Link>
                {waiting ? <strong> — attend votre réponse</strong> : ' — vous avez répondu'}
                <span className="hint"> · transmise le {formatDateTime(conversation.handedOffAt!)}</span>
                {last && <p className="conversation-list__last">« {last.text.length > 140 ? `${last.text.slice(0, 140)}…` : last.text} »</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
