import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { agencyData } from '@/db/seed/reference-data';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { AssistantMessages } from '@/app/_components/assistant-messages';
import { FlashNotice } from '@/app/_components/flash-notice';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { liveViewerOf, updatesEventText } from '@/lib/live-version';
import { MessageForm } from '@/app/_components/message-form';
import { SubmitButton } from '@/app/_components/submit-button';
import { newActionKey } from '@/lib/action-keys';
import { conversationOf, conversationsOf, maxQuestionLength, messagesOf, ofAgency } from '@/lib/assistant/conversations';
import { procedureAgency } from '@/lib/assistant/corpus';
import { askerOf, passageHref } from '@/lib/assistant/viewer';
import { getViewer } from '@/lib/auth/guards';
import { countOf, formatDateTime } from '@/lib/format';
import { askAction, handOffAction } from './actions';

export const metadata: Metadata = { title: 'Une question ?' };

/** The person's conversation with the assistant and, once handed off, with a body's advisers. */
export default async function AssistantPage({ searchParams }: { searchParams: Promise<{ conversation?: string }> }) {
  const viewer = await getViewer();
  if (viewer?.role === 'agent') redirect('/agent/conseil');
  const asker = askerOf(viewer);
  if (!asker) redirect('/connexion');
  const db = database();
  const live = liveViewerOf(viewer);
  const rendered = live ? await updatesEventText(db, live) : undefined; // before what it shows: see LiveRefresh
  const wanted = (await searchParams).conversation;
  const all = await conversationsOf(db, asker);
  const conversation = (wanted ? await conversationOf(db, asker, wanted) : null) ?? all[0] ?? null;
  const messages = conversation ? await messagesOf(db, conversation.id) : [];
  const handedTo = conversation?.handedOffAt && conversation.agency ? conversation.agency : null;
  const home = asker.kind === 'usager' ? '/citoyen' : '/aidant';
  const others = all.filter((c) => c.id !== conversation?.id);
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p>
        <Link href={home}>Retour à votre espace</Link>
      </p>
      <h1>Une question ?</h1>
      <p className="lead">
        L’assistant cherche la réponse dans les textes d’e-Guichet : les démarches, le catalogue de l’État plateforme et la déclaration
        d’accessibilité. Il vous montre le passage et le lien vers la page. Il peut se tromper : une personne peut toujours vous répondre.
      </p>
      <FlashNotice path="/assistant" />

      <section aria-labelledby="conversation">
        <h2 id="conversation">{handedTo ? `Votre conversation avec un conseiller ${ofAgency(handedTo)}` : 'Votre conversation'}</h2>
        {messages.length === 0 && <p>Vous n’avez pas encore posé de question.</p>}
        <AssistantMessages
          messages={messages}
          reader={{ kind: 'demandeur', href: (m) => (m.passage ? passageHref(m.passage, asker) : null), handOff: handedTo || !conversation ? undefined : '#conseiller' }}
          agencyName={handedTo ? ofAgency(handedTo) : null}
          label="Votre conversation"
        />
        {handedTo && <p className="hint">La réponse de la personne s’affiche ici dès qu’elle écrit, sans recharger la page.</p>}
        <MessageForm
          send={askAction.bind(null, conversation ? { conversationId: conversation.id } : { fresh: true })}
          actionKey={newActionKey()}
          label={handedTo ? 'Votre message au conseiller' : 'Votre question'}
          button={handedTo ? 'Envoyer' : 'Demander'}
          id="question"
          maxLength={maxQuestionLength}
          sentText={handedTo ? 'Message envoyé.' : 'Question envoyée.'}
          rows={3}
        />
      </section>

      {conversation && !handedTo && (
        <section aria-labelledby="conseiller" className="panel">
          <h2 id="conseiller">Parler à un conseiller</h2>
          <p>
            Une personne du service lit votre conversation et vous répond ici. Dans la séance, c’est l’élève qui joue ce service ; si personne
            ne le joue, un message vous dit quand une personne répondrait en vrai.
          </p>
          <form action={handOffAction}>
            <ActionKeyField value={newActionKey()} />
            <input type="hidden" name="conversation" value={conversation.id} />
            <div className="field">
              <label htmlFor="organisme">À quel service voulez-vous parler ?</label>
              <select id="organisme" name="organisme" defaultValue={conversation.procedure ? procedureAgency[conversation.procedure] : 'ville'}>
                {agencyData.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <SubmitButton>Parler à un conseiller</SubmitButton>
          </form>
        </section>
      )}

      {others.length > 0 && (
        <section aria-labelledby="autres">
          <h2 id="autres">Vos autres conversations</h2>
          <ul>
            {others.map((c) => (
              <li key={c.id}>
                <Link href={`/assistant?conversation=${c.id}#conversation`}>Conversation du {formatDateTime(c.createdAt)}</Link>
                {c.agency && c.handedOffAt ? ` (avec un conseiller ${ofAgency(c.agency)})` : ''}
              </li>
            ))}
          </ul>
          <p className="hint">{countOf(all.length, 'conversation', 'conversations')} en tout.</p>
        </section>
      )}

      <section aria-labelledby="limites">
        <h2 id="limites">Ce que l’assistant ne sait pas faire</h2>
        <ul>
          <li>Il ne connaît pas votre dossier : il ne peut pas dire où en est votre demande.</li>
          <li>Il ne décide rien : seul le service qui instruit votre demande décide.</li>
          <li>Il cherche des mots, il ne comprend pas une phrase comme une personne : reformulez, ou parlez à un conseiller.</li>
        </ul>
      </section>
    </>
  );
}
