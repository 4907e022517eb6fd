import type { Metadata } from 'next';
import { timeScaleBounds } from '@/lib/procedures/engine/time-scale';
import Link from '@/app/_components/link';
import { ErrorSummary } from '@/app/_components/error-summary';
import { TextField } from '@/app/_components/text-field';
import { agencyIds } from '@/db/schema';
import { presets } from '@/lib/classroom/sessions';
import { settingsFields, settingsMessages, type SettingsField } from '@/lib/classroom/settings-form';
import { formatDate } from '@/lib/format';
import { agencyShortName } from '@/lib/platform/consent-text';
import { playedBodiesAction } from '../../../../actions';
import { teacherSession } from '../../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Réglages de la séance — espace enseignant' };

/** Which bodies students play, the automatic instruction's delay, patience and counter wait; reset and delete. */
export default async function SettingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { session } = await teacherSession((await params).id);
  const q = await searchParams;
  // After a refused form, everything as typed (boxes included), each error beside its field.
  const errors: Partial<Record<SettingsField, string>> = Object.fromEntries(settingsFields.flatMap((f) => (q[`erreur-${f}`] ? [[f, settingsMessages[f]]] : [])));
  const refused = Object.keys(errors).length > 0;
  const typed = (field: SettingsField, saved: number) => (refused ? (q[field] ?? '') : String(saved));
  const played = refused ? (q.organismes ?? '').split(',') : session.bodiesPlayed;
  const network = refused ? q.reseau === 'oui' : session.simulateNetwork;
  return (
    <>
      <SessionBar session={session} current="/reglages" />
      <h1>Réglages de la séance</h1>
      <FlashNotice />
      <p>
        Scénario « {presets[session.preset]} ». {session.isDemo ? 'Séance de démonstration, gardée.' : `Données supprimées automatiquement le ${formatDate(session.expiresAt ?? new Date())}.`}
      </p>
      <section aria-labelledby="organismes-joues">
        <h2 id="organismes-joues">Organismes joués par des élèves</h2>
        <form action={playedBodiesAction} noValidate>
          <input type="hidden" name="seance" value={session.id} />
          <ErrorSummary title="Les réglages n’ont pas été enregistrés" errors={errors} idPrefix="reglages" />
          <fieldset className="field">
            <legend>Les demandes adressées à ces organismes attendent un·e élève agent</legend>
            <span className="hint">Un organisme est coché dès qu’un·e élève le joue. Les autres traitent leurs demandes automatiquement, selon les règles de chaque démarche.</span>
            {agencyIds.map((a) => (
              <div key={a} className="radio">
                <input type="checkbox" id={`joue-${a}`} name="organismes" value={a} defaultChecked={played.includes(a)} />
                <label htmlFor={`joue-${a}`}>{agencyShortName(a)}</label>
              </div>
            ))}
          </fieldset>
          <div className="radio field">
            <input type="checkbox" id="reseau" name="reseau" defaultChecked={network} aria-describedby="reseau-aide" />
            <label htmlFor="reseau">
              Réseau de zone blanche simulé{' '}
              <span className="hint" id="reseau-aide">
                Pour les personnes qui vivent dans une zone mal couverte (Lucas Petit) : pages lentes, une demande sur deux coupée. Leurs réponses restent gardées.
              </span>
            </label>
          </div>
          <TextField
            id="reglages-delai"
            name="delai"
            label="Délai du traitement automatique (secondes)"
            hint="De 0 à 3600. Les justificatifs vérifiés « à la main » prennent trois fois plus longtemps."
            error={errors.delai}
            inputMode="numeric"
            className="input--short"
            defaultValue={typed('delai', session.autoInstructionDelaySeconds)}
          />
          <TextField
            id="reglages-patience"
            name="patience"
            label="Patience (minutes)"
            hint="De 1 à 120. Une demande qui attend un·e élève agent plus longtemps est signalée ici et dans l’espace de l’agent."
            error={errors.patience}
            inputMode="numeric"
            className="input--short"
            defaultValue={typed('patience', session.patienceMinutes)}
          />
          <TextField
            id="reglages-attente"
            name="attente"
            label="Attente au guichet (minutes, simulée)"
            hint="De 0 à 240. Notée dans chaque demande saisie au guichet, pour la comparer au temps en ligne."
            error={errors.attente}
            inputMode="numeric"
            className="input--short"
            defaultValue={typed('attente', session.counterWaitMinutes)}
          />
          <TextField
            id="reglages-mois"
            name="mois"
            label="Durée d’un mois de la vraie vie (minutes)"
            hint={`De ${timeScaleBounds.min} à ${timeScaleBounds.max}. Les délais de la loi (un mois sans réponse vaut refus, deux mois pour saisir la CADA) passent à cette vitesse.`}
            error={errors.mois}
            inputMode="numeric"
            className="input--short"
            defaultValue={typed('mois', session.minutesPerMonth)}
          />
          <button type="submit" className="button">
            Enregistrer
          </button>
        </form>
      </section>

      <section aria-labelledby="cycle">
        <h2 id="cycle">Recommencer ou supprimer</h2>
        <ul>
          <li>
            <Link href={`/enseignant/seances/${session.id}/confirmer?action=reinitialiser`}>Réinitialiser la séance</Link> : retour au monde de départ, même code.
          </li>
          {!session.isDemo && (
            <li>
              <Link href={`/enseignant/seances/${session.id}/confirmer?action=supprimer`}>Supprimer la séance</Link> : tout est effacé, définitivement.
            </li>
          )}
        </ul>
      </section>
    </>
  );
}
