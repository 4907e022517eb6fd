import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { inArray } from 'drizzle-orm';
import { database } from '@/db/engine';
import { agents } from '@/db/tables';
import { AssistantMessages } from '@/app/_components/assistant-messages';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import { MessageForm } from '@/app/_components/message-form';
import { newActionKey } from '@/lib/action-keys';
import { conversationForAdviser, maxReplyLength, messagesOf } from '@/lib/assistant/conversations';
import { askerNames } from '@/lib/assistant/names';
import { requireAgent } from '@/lib/auth/guards';
import { procedures } from '@/lib/procedures/registry';
import { replyAction } from '@/app/assistant/actions';
import { elidedDe } from '@/lib/format';

export const metadata: Metadata = { title: 'Répondre à une question' };

/** One conversation handed to the agent's body: what the person asked, what the assistant answered, and the reply. */
export default async function AdviserConversation({ params }: { params: Promise<{ id: string }> }) {
  const agent = await requireAgent();
  const db = database();
  const rendered = await updatesEventText(db, { kind: 'agent', agent }); // before what it shows: see LiveRefresh
  const conversation = await conversationForAdviser(db, { id: agent.id, classSessionId: agent.classSessionId, agencyId: agent.agencyId }, (await params).id);
  if (!conversation) notFound();
  const messages = await messagesOf(db, conversation.id);
  const asker = (await askerNames(db, [conversation])).get(conversation.id);
  const name = asker ?? 'Une personne';
  const adviserIds = [...new Set(messages.map((m) => m.agentId).filter((id): id is string => Boolean(id)))];
  const advisers = adviserIds.length ? await db.select().from(agents).where(inArray(agents.id, adviserIds)).all() : [];
  const adviserNames = new Map(advisers.map((a) => [a.id, a.id === agent.id ? 'Vous' : `${a.givenName} ${a.familyName} (votre service)`]));
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p>
        <Link href="/agent/conseil">Retour aux questions des usagers</Link>
      </p>
      <h1>Question {asker ? elidedDe(asker) : 'd’une personne'}</h1>
      {conversation.procedure && <p className="lead">Au sujet de la démarche : {procedures[conversation.procedure].title}.</p>}
      <p>
        Lisez ce que la personne a demandé et ce que l’assistant lui a répondu. Répondez simplement, en vous adressant à elle. Vous ne voyez
        pas ses dossiers ici : s’il le faut, cherchez-les dans votre file de dossiers.
      </p>
      <AssistantMessages messages={messages} reader={{ kind: 'conseiller', askerName: name, adviserNames }} agencyName={null} label={`Conversation avec ${name}`} />
      <MessageForm send={replyAction.bind(null, conversation.id)} actionKey={newActionKey()} label="Votre réponse" button="Envoyer la réponse" id="reponse" maxLength={maxReplyLength} rows={4} />
    </>
  );
}
