import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { playedAccountOf } from '@/lib/auth/viewer';
import { cardOf } from '@/lib/classroom/cards';
import { currentDeviceHash } from '@/lib/classroom/device';
import { messagesFor } from '@/lib/classroom/messages';
import { latestParticipation, touchParticipant } from '@/lib/classroom/participants';
import { roleLabels } from '@/lib/classroom/roles';
import { formatDateTime } from '@/lib/format';
import { LiveRefresh } from '../_components/live-refresh';
import { seanceEventText } from '@/lib/live-version';
import { journalHead } from '@/lib/platform/journal';
import { SignInButton } from '../_components/sign-in-button';
import { ScenarioCardView } from '../_components/scenario-card';

export const metadata: Metadata = { title: 'Ma séance' };

const kindLabels = { message: 'Message', evenement: 'Événement', indice: 'Indice' } as const;

/** A student's place in the séance: role, scenario card, the teacher's messages, and the way to start playing. */
export default async function StudentSessionPage() {
  const device = await currentDeviceHash();
  const db = database();
  const mine = device ? await latestParticipation(db, device) : null;
  if (!mine) {
    return (
      <>
        <h1>Ma séance</h1>
        <p>Sur cet appareil, vous n’avez encore rejoint aucune séance.</p>
        <p>
          <Link href="/rejoindre" className="button">
            Rejoindre avec un code
          </Link>
        </p>
      </>
    );
  }
  const { participant, session } = mine;
  await touchParticipant(db, participant);
  const card = await cardOf(db, participant);
  const messages = await messagesFor(db, session.id, participant.id);
  // What its stream would send now (read with what the page shows): a change before the stream opens shows too.
  const rendered = seanceEventText(participant, messages.length, participant.role === 'observateur' ? await journalHead(db, session.id) : null);
  const viewer = await getViewer();
  const signedInAsRole = viewer && participant.subjectId && playedAccountOf(viewer) === participant.subjectId;
  const start =
    participant.role === 'citoyen'
      ? { provider: 'franceconnect' as const, home: '/citoyen', label: 'Me connecter avec FranceConnect (simulé)' }
      : participant.role === 'agent'
        ? { provider: 'proconnect' as const, home: '/agent', label: 'Me connecter avec ProConnect (simulé)' }
        : participant.role === 'aidant'
          ? { provider: 'proconnect' as const, home: '/aidant', label: 'Me connecter avec ProConnect (simulé)' }
          : null;
  return (
    <>
      <LiveRefresh url="/api/seance/flux" event="seance" rendered={rendered} />
      <p className="badge">Séance : {session.name}</p>
      <h1>Bonjour {participant.pseudonym}</h1>
      <p className="lead">
        Votre rôle : <strong>{roleLabels[participant.role]}</strong>
        {card.playing && (
          <>
            {' '}
            — vous jouez <strong>{card.playing}</strong>
          </>
        )}
        .
      </p>

      <ScenarioCardView card={card} heading={`Votre carte : ${card.title}`} />

      <section aria-labelledby="commencer">
        <h2 id="commencer">Pour commencer</h2>
        {start ? (
          signedInAsRole ? (
            <p>
              <Link href={start.home} className="button">
                Aller à mon espace
              </Link>
            </p>
          ) : (
            <>
              <p>Connectez-vous : sur la page du fournisseur d’identité, votre personnage est déjà choisi.</p>
              <p>
                <SignInButton provider={start.provider} callbackUrl={start.home} joinCode={session.joinCode} loginHint={participant.subjectId ?? undefined}>
                  {start.label}
                </SignInButton>
              </p>
            </>
          )
        ) : (
          <p>
            <Link href="/seance/journal" className="button">
              Lire le journal des échanges de la séance
            </Link>{' '}
            <Link href="/plateforme">Voir le catalogue de la plateforme</Link>
          </p>
        )}
      </section>

      <p>
        <Link href="/seance/observatoire">Observatoire des démarches de la séance</Link> : ce que les personnes disent des démarches.
      </p>

      <section aria-labelledby="messages">
        <h2 id="messages">Messages de votre enseignant·e</h2>
        {messages.length === 0 ? (
          <p>Aucun message pour l’instant. Cette page se met à jour toute seule.</p>
        ) : (
          <ol className="messages">
            {messages.map((m) => (
              <li key={m.id} className={`message message--${m.kind}`}>
                {/* A hint's title already says it is one: « Indice 2 sur 3 ». */}
                <h3>{m.kind === 'indice' ? m.title : `${kindLabels[m.kind]} : ${m.title}`}</h3>
                <p>{m.body}</p>
                <p className="hint">
                  {m.participantId ? 'Pour vous' : 'Pour toute la classe'}, <time dateTime={m.createdAt.toISOString()}>{formatDateTime(m.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
