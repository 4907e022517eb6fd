import Link from '@/app/_components/link';
import type { Message } from '@/lib/assistant/conversations';
import { formatTime } from '@/lib/format';

export type Reader = { kind: 'demandeur'; href: (message: Message) => string | null; handOff?: string } | { kind: 'conseiller'; askerName: string; adviserNames: Map<string, string> };

/** Who wrote a message, for this reader. */
function author(message: Message, reader: Reader, agencyName: string | null): string {
  switch (message.author) {
    case 'usager':
      return reader.kind === 'demandeur' ? 'Vous' : reader.askerName;
    case 'assistant':
      return 'L’assistant (réponse automatique)';
    case 'automatique':
      return 'Message automatique';
    case 'conseiller':
      return reader.kind === 'conseiller' ? (message.agentId ? (reader.adviserNames.get(message.agentId) ?? 'Un conseiller') : 'Un conseiller') : `Conseiller ou conseillère${agencyName ? ` ${agencyName}` : ''}`;
  }
}

/**
 * A conversation with the assistant and the advisers, oldest first, in a log: a screen reader announces what is added
 * (an answer, an adviser's reply) without moving the focus.
 */
export function AssistantMessages({ messages, reader, agencyName, label, id }: { messages: Message[]; reader: Reader; agencyName: string | null; label: string; id?: string }) {
  return (
    <div role="log" aria-label={label} id={id}>
      <ol className="chat">
      {messages.map((message) => {
        const href = reader.kind === 'demandeur' ? reader.href(message) : null;
        return (
          <li key={message.id} className={`chat__message chat__message--${message.author}`}>
            <p className="chat__who">
              {author(message, reader, agencyName)} <span className="hint">à {formatTime(message.createdAt)}</span>
            </p>
            {message.author === 'assistant' && message.passage ? (
              <>
                <p className="chat__intro">Voici ce que disent les textes d’e-Guichet :</p>
                <blockquote className="chat__quote">{message.text}</blockquote>
                <p className="chat__source">
                  Source : {href ? <Link href={href}>{message.passage.source}</Link> : message.passage.source}
                </p>
              </>
            ) : (
              <p className="chat__text">{message.text}</p>
            )}
            {message.author === 'assistant' && reader.kind === 'demandeur' && reader.handOff && (
              <p className="chat__handoff">
                <Link href={reader.handOff}>Parler à un conseiller</Link>
              </p>
            )}
          </li>
        );
      })}
      </ol>
    </div>
  );
}
