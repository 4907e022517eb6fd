import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { newActionKey } from '@/lib/action-keys';
import { currentConversation, maxQuestionLength, messagesOf } from '@/lib/assistant/conversations';
import { askerOf, passageHref } from '@/lib/assistant/viewer';
import { getViewer } from '@/lib/auth/guards';
import { askAction } from '@/app/assistant/actions';
import { AssistantMessages } from './assistant-messages';
import { MessageForm } from './message-form';

/** How long the panel stays open after the last message: the person is in the middle of a conversation. */
const openForMs = 15 * 60_000;

/**
 * "Une question ?" at the foot of every page of a citizen and of an aidant: ask, read the answer and its source, and
 * go on to a person. The whole conversation, and the hand-off, are on /assistant.
 */
export async function AssistantPanel() {
  const asker = askerOf(await getViewer());
  if (!asker) return null;
  const db = database();
  const conversation = await currentConversation(db, asker);
  const withAdviser = Boolean(conversation?.handedOffAt);
  // The panel shows the assistant's last answer; a conversation handed to a person goes on on its own page.
  const recent = conversation && !withAdviser ? (await messagesOf(db, conversation.id)).slice(-2) : [];
  const open = Boolean(conversation && Date.now() - conversation.updatedAt.getTime() < openForMs);
  return (
    <section className="assistant-panel" aria-labelledby="assistant-titre">
      <details open={open}>
        <summary>
          <span id="assistant-titre">Une question ?</span> <span className="hint">L’assistant cherche la réponse dans les textes d’e-Guichet.</span>
        </summary>
        <div className="assistant-panel__body">
          {conversation && withAdviser && (
            <p>
              Votre dernière question est avec un conseiller : <Link href={`/assistant?conversation=${conversation.id}#conversation`}>lire la conversation</Link>. Une question posée ici va à
              l’assistant.
            </p>
          )}
          {/* Always there, even empty: a live region announces what is added to it, not a region that appears. */}
          <AssistantMessages
            messages={recent}
            reader={{ kind: 'demandeur', href: (m) => (m.passage ? passageHref(m.passage, asker) : null), handOff: conversation ? `/assistant?conversation=${conversation.id}#conseiller` : undefined }}
            agencyName={null}
            label="Dernière réponse de l’assistant"
          />
          <MessageForm send={askAction.bind(null, { fresh: withAdviser })} actionKey={newActionKey()} label="Votre question" button="Demander" id="question-assistant" maxLength={maxQuestionLength} sentText="Question envoyée." rows={2} />
          <p>
            <Link href="/assistant">Toutes vos questions, et parler à un conseiller</Link>
          </p>
        </div>
      </details>
    </section>
  );
}
