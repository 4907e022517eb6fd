import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import { TextField } from '@/app/_components/text-field';
import { database } from '@/db/engine';
import { newActionKey } from '@/lib/action-keys';
import { eventCards } from '@/lib/classroom/cards';
import { participantsOfSession } from '@/lib/classroom/participants';
import { roleLabels } from '@/lib/classroom/roles';
import { countOf, lowerFirst } from '@/lib/format';
import { sendFinesAction, sendMessageAction } from '../../../../actions';
import { recordedOffences } from '@/lib/procedures/fines/offences';
import { antaiNotices } from '@/db/tables';
import { and, count, eq, isNull } from 'drizzle-orm';
import { teacherSession } from '../../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Messages et cartes événement — espace enseignant' };

/** A message or an event card, to one student or to the whole class; what was typed comes back with its errors. */
export default async function MessagesPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { session } = await teacherSession((await params).id);
  const q = await searchParams;
  const people = await participantsOfSession(database(), session.id);
  const sentFines = (await database().select({ n: count() }).from(antaiNotices).where(and(eq(antaiNotices.classSessionId, session.id), isNull(antaiNotices.designatedFrom))).get())?.n ?? 0;
  const messageErrors = { destinataire: q['erreur-destinataire'], carte: q['erreur-carte'], titre: q['erreur-titre'], texte: q['erreur-texte'] };
  return (
    <>
      <SessionBar session={session} current="/messages" />
      <h1>Messages et cartes événement</h1>
      <FlashNotice />
      <section aria-labelledby="message">
        <h2 id="message" className="visually-hidden">Envoyer un message ou une carte événement</h2>
        <p>Le message s’affiche sur la page de séance de l’élève, ou de toute la classe. Une carte événement change la situation du scénario.</p>
        <form action={sendMessageAction} noValidate className="surface">
          <ActionKeyField value={newActionKey()} />
          <ErrorSummary title="Le message n’a pas été envoyé" errors={Object.fromEntries(Object.entries(messageErrors).filter((e): e is [string, string] => Boolean(e[1])))} idPrefix="message" />
          <input type="hidden" name="seance" value={session.id} />
          <div className={`field${messageErrors.destinataire ? ' field--error' : ''}`}>
            <label htmlFor="message-destinataire">À qui</label>
            {messageErrors.destinataire && (
              <p className="field__error" id="message-destinataire-erreur">
                {messageErrors.destinataire}
              </p>
            )}
            <select id="message-destinataire" name="destinataire" defaultValue={q.destinataire ?? 'tous'} aria-invalid={Boolean(messageErrors.destinataire)} aria-describedby={messageErrors.destinataire ? 'message-destinataire-erreur' : undefined}>
              <option value="tous">Toute la classe</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.pseudonym} ({lowerFirst(roleLabels[p.role])})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="message-carte">Carte événement</label>
            <span className="hint" id="message-carte-aide">
              Facultatif : son titre et son texte sont envoyés si vous n’écrivez rien.
            </span>
            <select id="message-carte" name="carte" defaultValue={q.carte ?? ''} aria-describedby="message-carte-aide">
              <option value="">Aucune</option>
              {Object.entries(eventCards).map(([cardId, card]) => (
                <option key={cardId} value={cardId}>
                  {card.title} — {card.body.slice(0, 60)}…
                </option>
              ))}
            </select>
          </div>
          <TextField id="message-titre" name="titre" label="Titre (facultatif)" error={messageErrors.titre} defaultValue={q.titre ?? ''} maxLength={100} />
          <div className={`field${messageErrors.texte ? ' field--error' : ''}`}>
            <label htmlFor="message-texte">Message</label>
            {messageErrors.texte && (
              <p className="field__error" id="message-texte-erreur">
                {messageErrors.texte}
              </p>
            )}
            <textarea id="message-texte" name="texte" rows={3} defaultValue={q.texte ?? ''} aria-invalid={Boolean(messageErrors.texte)} aria-describedby={messageErrors.texte ? 'message-texte-erreur' : undefined} />
          </div>
          <SubmitButton>
            Envoyer
          </SubmitButton>
        </form>
      </section>
      <section aria-labelledby="radars" id="radars-section">
        <h2 id="radars">Les radars</h2>
        <p>
          {sentFines === 0
            ? `${countOf(recordedOffences.length, 'infraction a été relevée', 'infractions ont été relevées')} par des radars et des agents avant la séance. Envoyez les avis quand la classe aborde les amendes : l’ANTAI demande à la SIV, par la plateforme, qui est titulaire de chaque véhicule (la carte en direct le montre), puis envoie l’avis à l’adresse de la carte grise. Le délai de paiement de chaque avis court à partir du moment où l’élève l’ouvre.`
            : `${countOf(sentFines, 'avis de contravention est envoyé', 'avis de contravention sont envoyés')}.`}
        </p>
        {sentFines === 0 && (
          <form action={sendFinesAction} className="surface">
            <ActionKeyField value={newActionKey()} />
            <input type="hidden" name="seance" value={session.id} />
            <SubmitButton>Envoyer les avis de contravention</SubmitButton>
          </form>
        )}
      </section>
    </>
  );
}
