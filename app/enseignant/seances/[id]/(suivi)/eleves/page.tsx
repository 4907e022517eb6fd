import type { Metadata } from 'next';
import { database } from '@/db/engine';
import { liveParticipants } from '@/lib/classroom/live';
import { currentChoices, reassignChoices } from '@/lib/classroom/participants';
import { roleLabels } from '@/lib/classroom/roles';
import { countOf, elidedDe, formatTime } from '@/lib/format';
import { reassignAction, revealHintAction } from '../../../../actions';
import { teacherSession } from '../../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { SubmitButton } from '@/app/_components/submit-button';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Élèves de la séance — espace enseignant' };

/** Each student, what they play and do, with the teacher's two levers: another role, the next hint of their card. */
export default async function StudentsPage({ params }: { params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const db = database();
  const { participants, joined, expected } = await liveParticipants(db, session);
  const [choices, current] = await Promise.all([reassignChoices(db, session.id), currentChoices(db, session.id)]);
  return (
    <>
      <SessionBar session={session} current="/eleves" />
      <h1>Élèves</h1>
      <FlashNotice path={`/enseignant/seances/${session.id}/eleves`} />
      <p>
        {joined} sur {expected} prévus. Un rôle changé s’affiche aussitôt sur la page de séance de l’élève ; un organisme qu’un·e élève quitte redevient automatique.
      </p>
      {participants.length === 0 ? (
        <p>Personne n’a encore rejoint la séance.</p>
      ) : (
        <ul className="student-cards">
          {participants.map((p) => (
            <li key={p.id} className="student-card" id={`eleve-${p.id}`}>
              <h2 className="student-card__name">{p.pseudonym}</h2>
              <p>
                {roleLabels[p.role]}
                {p.playing ? ` : ${p.playing}` : ''}. {p.doing}, vu à <time dateTime={p.lastSeenAt}>{formatTime(new Date(p.lastSeenAt))}</time>.{' '}
                {p.hintsRevealed === 0 ? 'Aucun indice révélé.' : `${countOf(p.hintsRevealed, 'indice révélé', 'indices révélés')}.`}
              </p>
              <div className="student-card__actions">
                <form action={reassignAction} className="inline-form">
                  <input type="hidden" name="seance" value={session.id} />
                  <input type="hidden" name="participant" value={p.id} />
                  <label htmlFor={`role-${p.id}`}>
                    Nouveau rôle<span className="visually-hidden"> {elidedDe(p.pseudonym)}</span>
                  </label>
                  {/* Keyed by the role held: once it changes, the menu shows it (React resets a form after its action). */}
                  <select key={current.get(p.id)} id={`role-${p.id}`} name="role" defaultValue={current.get(p.id) ?? p.role}>
                    {choices.map((group) => (
                      <optgroup key={group.label} label={group.label}>
                        {group.options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  <button type="submit" className="button button--secondary">
                    Changer<span className="visually-hidden"> le rôle {elidedDe(p.pseudonym)}</span>
                  </button>
                </form>
                <form action={revealHintAction} className="inline-form">
                  <input type="hidden" name="seance" value={session.id} />
                  <input type="hidden" name="participant" value={p.id} />
                  <input type="hidden" name="indice" value={p.hintsRevealed + 1} />
                  <SubmitButton className="button button--secondary">
                    Révéler un indice<span className="visually-hidden"> à {p.pseudonym}</span>
                  </SubmitButton>
                </form>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
