import { database, getEngine } from '@/db/engine';
import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import Link from '@/app/_components/link';
import { count, eq } from 'drizzle-orm';
import { participants } from '@/db/tables';
import { requireTeacher } from '@/lib/auth/guards';
import { presets, purgeExpiredSessions, sessionsOfTeacher } from '@/lib/classroom/sessions';
import { formatDate } from '@/lib/format';
import { ErrorSummary } from '../_components/error-summary';
import { TextField } from '../_components/text-field';
import { FlashNotice } from '../_components/flash-notice';
import { createSessionAction } from './actions';

export const metadata: Metadata = { title: 'Espace enseignant' };

/** The teacher's séances and the form to create one (then the séance's own page takes over). */
export default async function TeacherHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const teacher = await requireTeacher();
  const q = await searchParams;
  const db = database();
  await purgeExpiredSessions(getEngine());
  const sessions = await sessionsOfTeacher(db, teacher.id);
  const joinedCounts = await Promise.all(sessions.map(async (s) => (await db.select({ n: count() }).from(participants).where(eq(participants.classSessionId, s.id)).get())?.n ?? 0));
  const errors = Object.fromEntries((['nom', 'preset', 'eleves'] as const).flatMap((f) => (q[`erreur-${f}`] ? [[f, q[`erreur-${f}`]!]] : [])));
  return (
    <>
      <p className="badge">Espace enseignant</p>
      <h1>Bonjour</h1>
      <p className="lead">Vous êtes connecté·e avec le compte {teacher.email}.</p>

      <section aria-labelledby="nouvelle-seance">
        <h2 id="nouvelle-seance">Créer une séance</h2>
        <form action={createSessionAction} className="surface" noValidate>
          <ActionKeyField value={newActionKey()} />
          <ErrorSummary title="La séance n’a pas été créée" errors={errors} idPrefix="seance" />
          <p>Elle reçoit sa propre copie du monde simulé : ce que fait une classe ne se voit pas dans une autre. Vous obtenez ensuite un code à projeter.</p>
          <TextField id="seance-nom" name="nom" label="Nom de la séance" hint="Par exemple « BTS SAM 1 — mardi »." error={errors.nom} defaultValue={q.nom ?? ''} maxLength={100} />
          <div className={`field${errors.preset ? ' field--error' : ''}`}>
            <label htmlFor="seance-preset">Scénario</label>
            <span className="hint" id="seance-preset-aide">
              Il décide des rôles donnés aux élèves et des personnages joués en premier.
            </span>
            {errors.preset && (
              <p className="field__error" id="seance-preset-erreur">
                {errors.preset}
              </p>
            )}
            <select id="seance-preset" name="preset" defaultValue={q.preset ?? 'tout'} aria-invalid={Boolean(errors.preset)} aria-describedby={['seance-preset-aide', errors.preset && 'seance-preset-erreur'].filter(Boolean).join(' ')}>
              {Object.entries(presets).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <TextField id="seance-eleves" name="eleves" label="Nombre d’élèves" hint="De 1 à 100. Les rôles sont répartis au fur et à mesure des arrivées." error={errors.eleves} inputMode="numeric" className="input--short" defaultValue={q.eleves ?? '30'} />
          <SubmitButton>
            Créer la séance
          </SubmitButton>
        </form>
      </section>

      <section aria-labelledby="seances">
        <h2 id="seances">Vos séances</h2>
        <FlashNotice />
        {sessions.length === 0 ? (
          <p>Vous n’avez pas encore de séance.</p>
        ) : (
          <table className="stack">
            <caption>Vos séances, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Code</th>
                <th scope="col">Scénario</th>
                <th scope="col">Élèves</th>
                <th scope="col">Données</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s, index) => (
                <tr key={s.id}>
                  <th scope="row" data-label="Nom">
                    <Link href={`/enseignant/seances/${s.id}`}>{s.name}</Link>
                  </th>
                  <td data-label="Code">
                    <code>{s.joinCode}</code>
                  </td>
                  <td data-label="Scénario">{presets[s.preset].split(' :')[0]}</td>
                  <td data-label="Élèves">
                    {joinedCounts[index]} / {s.expectedStudents}
                  </td>
                  <td data-label="Données">{s.isDemo ? 'Séance de démonstration, gardée' : `Supprimées automatiquement le ${formatDate(s.expiresAt ?? new Date())}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
