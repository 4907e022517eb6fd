import type { Metadata } from 'next';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { agencyIds, classSessions, personas, type AgencyId } from '@/db/schema';
import { requireTeacher } from '@/lib/auth/guards';
import Link from 'next/link';
import QRCode from 'qrcode';
import { agentsOfSession, presets, purgeExpiredSessions } from '@/lib/classroom/sessions';
import { env } from '@/lib/env';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { agencyShortName } from '@/lib/platform/consent-text';
import { verifyJournalChain } from '@/lib/platform/journal';
import { currentToken, maskToken } from '@/lib/platform/tokens';
import { createSessionAction, playedBodiesAction, rotateTokenAction } from './actions';
import { FaultPanel } from './fault-panel';
import { TextField } from '../_components/text-field';
import { formatDate } from '@/lib/format';

export const metadata: Metadata = { title: 'Espace enseignant' };

const sessionMessages: Record<string, string> = {
  'seance-creee': 'La séance est créée, avec sa propre copie du monde simulé.',
  'seance-reinitialisee': 'La séance est revenue au monde de départ.',
  'seance-supprimee': 'La séance et toutes ses données sont supprimées.',
};

export default async function TeacherHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const teacher = await requireTeacher();
  const params = await searchParams;
  const { message, organisme } = params;
  const faultValues = { organisme: params.organisme, type: params.type, minutes: params.minutes, latence: params.latence, taux: params.taux };
  const faultErrors = {
    organisme: params['erreur-organisme'],
    type: params['erreur-type'],
    minutes: params['erreur-minutes'],
    latence: params['erreur-latence'],
    taux: params['erreur-taux'],
  };
  const db = getDb();
  const sessions = db.select().from(classSessions).orderBy(asc(classSessions.createdAt)).all();
  purgeExpiredSessions(db);
  const demo = sessions.find((s) => s.isDemo);
  const rows = await Promise.all(
    sessions.map(async (s) => {
      const url = `${env().baseUrl}/rejoindre?code=${s.joinCode}`;
      return { s, url, qr: await QRCode.toDataURL(url, { margin: 1, width: 192 }) };
    }),
  );
  if (demo) await runDueInstruction(db, demo.id);
  const personaCount = demo ? (db.select({ n: count() }).from(personas).where(eq(personas.classSessionId, demo.id)).get()?.n ?? 0) : 0;
  const agentRows = demo ? agentsOfSession(db, demo.id) : [];
  const tokens = demo && demo.teacherId === teacher.id ? agencyIds.map((id) => currentToken(db, demo.id, id)) : [];
  const chain = demo ? verifyJournalChain(db, demo.id) : null;
  return (
    <>
      <p className="badge">Espace enseignant</p>
      <h1>Bonjour</h1>
      <p className="lead">Vous êtes connecté·e avec le compte {teacher.email}.</p>

      <section aria-labelledby="seances">
        <h2 id="seances">Vos séances</h2>
        {message && sessionMessages[message] && (
          <div className="notice notice--success" role="status">
            <p>
              {sessionMessages[message]}
              {message === 'seance-creee' && params.code ? ` Code pour rejoindre : ${params.code}.` : ''}
            </p>
          </div>
        )}
        <table>
          <caption>Séances disponibles</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Code pour rejoindre</th>
              <th scope="col">Pour rejoindre</th>
              <th scope="col">Données</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ s, qr, url }) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  <code>{s.joinCode}</code>
                </td>
                <td>
                  <img src={qr} alt={`Code QR vers ${url}`} width={96} height={96} />
                  <br />
                  <span className="hash">{url}</span>
                </td>
                <td>{s.isDemo ? `${personaCount} personnes fictives, ${agentRows.length} comptes d’agents ; gardées` : s.expiresAt ? `Supprimées automatiquement le ${formatDate(s.expiresAt)}` : '—'}</td>
                <td>
                  {s.teacherId === teacher.id && (
                    <>
                      <Link href={`/enseignant/seances/${s.id}/confirmer?action=reinitialiser`}>
                        Réinitialiser<span className="visually-hidden"> la séance {s.name}</span>
                      </Link>
                      {!s.isDemo && (
                        <>
                          {' · '}
                          <Link href={`/enseignant/seances/${s.id}/confirmer?action=supprimer`}>
                            Supprimer<span className="visually-hidden"> la séance {s.name}</span>
                          </Link>
                        </>
                      )}
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form action={createSessionAction} className="surface" noValidate>
          <h3 id="nouvelle-seance">Créer une séance</h3>
          <p>Elle reçoit sa propre copie du monde simulé : ce que fait une classe ne se voit pas dans une autre.</p>
          <TextField id="seance-nom" name="nom" label="Nom de la séance" error={params['erreur-nom'] || undefined} defaultValue={params.nom ?? ''} maxLength={80} />
          <div className={`field${params['erreur-preset'] ? ' field--error' : ''}`}>
            <label htmlFor="seance-preset">Scénario</label>
            {params['erreur-preset'] && (
              <p className="field__error" id="seance-preset-erreur">
                {params['erreur-preset']}
              </p>
            )}
            <select id="seance-preset" name="preset" defaultValue={params.preset ?? 'tout'} aria-invalid={Boolean(params['erreur-preset'])}>
              {Object.entries(presets).map(([id, label]) => (
                <option key={id} value={id}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            Créer la séance
          </button>
        </form>
      </section>

      {demo && tokens.length > 0 && (
        <section aria-labelledby="jetons">
          <h2 id="jetons">État plateforme de la séance de démonstration</h2>
          {message === 'jeton-remplace' && (
            <div className="notice notice--success" role="status">
              <p>Le jeton de l’organisme « {agencyShortName(organisme as AgencyId)} » est remplacé : l’ancien est refusé dès maintenant.</p>
            </div>
          )}
          {message === 'jeton-invalide' && (
            <div className="notice notice--error" role="status">
              <p>Ce jeton ne peut pas être remplacé : la séance ou l’organisme est inconnu.</p>
            </div>
          )}
          <p>
            {chain?.valide
              ? `Journal des échanges : intact, ${chain.entrees} ${chain.entrees > 1 ? 'entrées' : 'entrée'}. Empreinte de tête : `
              : `Journal des échanges : ALTÉRÉ à l’entrée n° ${chain && !chain.valide ? chain.premiere_entree_invalide.sequence : '?'}.`}
            {chain?.valide && <code className="hash">{chain.tete}</code>}
          </p>
          <p>
            Chaque organisme appelle la plateforme avec son jeton (en-tête <code>Authorization: Bearer</code>). Un jeton
            remplacé cesse aussitôt de fonctionner.
          </p>
          <table>
            <caption>Jetons d’API des organismes</caption>
            <thead>
              <tr>
                <th scope="col">Organisme</th>
                <th scope="col">Jeton</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.agency}>
                  <td>{agencyShortName(t.agency)}</td>
                  <td>
                    <details>
                      <summary>Afficher le jeton ({maskToken(t.token)})</summary>
                      <code className="hash" data-jeton={t.agency}>
                        {t.token}
                      </code>
                    </details>
                  </td>
                  <td>
                    <form action={rotateTokenAction}>
                      <input type="hidden" name="seance" value={demo.id} />
                      <input type="hidden" name="organisme" value={t.agency} />
                      <button type="submit" className="button button--secondary">
                        Révoquer et remplacer<span className="visually-hidden"> le jeton {agencyShortName(t.agency)}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {demo && tokens.length > 0 && (
        <section aria-labelledby="organismes-joues">
          <h2 id="organismes-joues">Organismes joués par des élèves</h2>
          {message === 'organismes-enregistres' && (
            <div className="notice notice--success" role="status">
              <p>C’est enregistré.</p>
            </div>
          )}
          <form action={playedBodiesAction}>
            <input type="hidden" name="seance" value={demo.id} />
            <fieldset className="field">
              <legend>Les demandes adressées à ces organismes attendent un·e élève agent</legend>
              <span className="hint">Les autres sont traitées automatiquement, selon les règles de chaque démarche.</span>
              {agencyIds.map((id) => (
                <div key={id} className="radio">
                  <input type="checkbox" id={`joue-${id}`} name="organismes" value={id} defaultChecked={demo.bodiesPlayed.includes(id)} />
                  <label htmlFor={`joue-${id}`}>{agencyShortName(id)}</label>
                </div>
              ))}
            </fieldset>
            <TextField
              id="delai"
              name="delai"
              label="Délai du traitement automatique (secondes)"
              hint="De 0 à 3600. Les justificatifs vérifiés « à la main » prennent trois fois plus longtemps."
              error={message === 'delai-invalide' ? 'Indiquez un nombre entier de secondes, de 0 à 3600.' : undefined}
              inputMode="numeric"
              className="input--short"
              defaultValue={message === 'delai-invalide' || message === 'attente-invalide' ? (params.delai ?? '') : String(demo.autoInstructionDelaySeconds)}
            />
            <TextField
              id="attente"
              name="attente"
              label="Attente au guichet (minutes, simulée)"
              hint="De 0 à 240. Notée dans chaque demande saisie au guichet, pour la comparer au temps en ligne."
              error={message === 'attente-invalide' ? 'Indiquez un nombre entier de minutes, de 0 à 240.' : undefined}
              inputMode="numeric"
              className="input--short"
              defaultValue={message === 'attente-invalide' ? (params.attente ?? '') : String(demo.counterWaitMinutes)}
            />
            <button type="submit" className="button">
              Enregistrer
            </button>
          </form>
        </section>
      )}

      {demo && tokens.length > 0 && (
        <section aria-labelledby="pannes">
          <h2 id="pannes">Pannes simulées</h2>
          {message === 'panne-injectee' && (
            <div className="notice notice--success" role="status">
              <p>La panne est lancée sur « {agencyShortName(organisme as AgencyId)} ». Les prochains échanges avec cet organisme en subiront les effets.</p>
            </div>
          )}
          {message === 'panne-terminee' && (
            <div className="notice notice--success" role="status">
              <p>L’organisme répond de nouveau normalement.</p>
            </div>
          )}
          <FaultPanel classSessionId={demo.id} values={faultValues} errors={faultErrors} />
        </section>
      )}

      <section aria-labelledby="agents">
        <h2 id="agents">Comptes d’agents de la séance de démonstration</h2>
        <p>Les élèves qui jouent un agent se connectent avec ProConnect (simulé) et choisissent l’un de ces comptes.</p>
        <table>
          <caption>Agents par organisme</caption>
          <thead>
            <tr>
              <th scope="col">Organisme</th>
              <th scope="col">Agent</th>
              <th scope="col">Identifiant</th>
            </tr>
          </thead>
          <tbody>
            {agentRows.map(({ agent, agencyName }) => (
              <tr key={agent.id}>
                <td>{agencyName}</td>
                <td>
                  {agent.givenName} {agent.familyName}, {agent.jobTitle.toLowerCase()}
                </td>
                <td>
                  <code>{agent.email}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
