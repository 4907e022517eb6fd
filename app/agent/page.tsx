import { database, getEngine } from '@/db/engine';
import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import { participantOfSubject, touchParticipant } from '@/lib/classroom/participants';
import Link from '@/app/_components/link';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { ApiAccess } from '@/app/_components/api-access';
import { ExchangeList } from '@/app/_components/exchange-list';
import { caseStates, procedureIds } from '@/db/schema';
import { agencies } from '@/db/tables';
import { registryNames } from '@/db/seed/reference-data';
import { redirect } from 'next/navigation';
import { getViewer, requireAgent } from '@/lib/auth/guards';
import { habilitations } from '@/lib/platform/catalogue';
import { exchangesOf } from '@/lib/platform/journal-view';
import { currentToken } from '@/lib/platform/tokens';
import { addressBodies, newAddressesOf } from '@/lib/procedures/address-change/definition';
import { agentCounts, agentNotices, agentQueue, queueCursor, type QueueCursor } from '@/lib/procedures/agent';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { procedures } from '@/lib/procedures/registry';
import { noticeAction } from './actions';
import { FlashNotice } from '@/app/_components/flash-notice';
import { countOf, elidedDe, formatNumber, lowerFirst } from '@/lib/format';
import { conversationsForAdviser } from '@/lib/assistant/conversations';
import { sessionById } from '@/lib/classroom/session-by-id';

export const metadata: Metadata = { title: 'Espace agent' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Paris' });
const filtersSchema = z.object({
  etat: z.enum(caseStates).optional().catch(undefined),
  demarche: z.enum(procedureIds).optional().catch(undefined),
  attente: z.coerce.number().int().min(0).max(600).optional().catch(undefined),
  avant: z.string().optional().catch(undefined),
});

export default async function AgentHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  // ProConnect brings agents and aidants here; aidants have their own space.
  if ((await getViewer())?.role === 'aidant') redirect('/aidant');
  const agent = await requireAgent();
  const params = await searchParams;
  const filters = filtersSchema.parse(params);
  const db = database();
  await runDueInstruction(db, agent.classSessionId);
  const rendered = await updatesEventText(db, { kind: 'agent', agent }); // before what it shows: see LiveRefresh
  const agency = await db.select().from(agencies).where(eq(agencies.id, agent.agencyId)).get();
  const session = await sessionById(db, agent.classSessionId);
  const played = session?.bodiesPlayed.includes(agent.agencyId) ?? false;
  // The student playing this agent is here: the teacher's live view counts on it (nothing stranded).
  const me = await participantOfSubject(db, agent.id);
  if (me) await touchParticipant(db, me);
  const now = Date.now();
  const patienceMs = (session?.patienceMinutes ?? 5) * 60_000;
  const unit = agent.unit ? registryNames[agent.unit] : null;
  const before = queueCursor.read(filters.avant);
  const { rows: queue, next } = await agentQueue(db, agent, { state: filters.etat, procedure: filters.demarche, waitingMinutes: filters.attente, before });
  // The same filters on the other pages of the queue.
  const pageHref = (cursor?: QueueCursor) => {
    const query = new URLSearchParams(Object.entries({ etat: filters.etat, demarche: filters.demarche, attente: filters.attente?.toString(), avant: cursor && queueCursor.write(cursor) }).filter((e): e is [string, string] => !!e[1]));
    return `/agent${query.size ? `?${query}` : ''}#file`;
  };
  const counts = await agentCounts(db, agent);
  const receivesNotices = addressBodies.some((b) => b.id === agent.agencyId);
  const notices = receivesNotices ? await agentNotices(db, agent) : [];
  const noticeAddresses = await newAddressesOf(notices.map(({ c }) => c), db);
  const exchanges = await exchangesOf(db, { kind: 'organisme', classSessionId: agent.classSessionId, agency: agent.agencyId }, { limit: 50 });
  const example = habilitations.find((h) => h.consommateur === agent.agencyId);
  const questions = (await conversationsForAdviser(db, { id: agent.id, classSessionId: agent.classSessionId, agencyId: agent.agencyId })).filter((q) => q.waiting).length;
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p className="badge">Espace agent</p>
      <h1>{agency?.name ?? agent.agencyId}</h1>
      <p className="lead">
        Bonjour {agent.givenName} {agent.familyName}. Vous êtes connecté·e comme {lowerFirst(agent.jobTitle)}
        {unit ? ` (${unit})` : ''}.
      </p>
      <p className={questions > 0 ? 'notice' : undefined}>
        <Link href="/agent/conseil">Questions des usagers</Link>
        {questions > 0 ? ` : ${countOf(questions, 'personne attend', 'personnes attendent')} votre réponse.` : ' : les personnes qui demandent à parler à un conseiller de votre service.'}
      </p>
      {!played && (
        <div className="notice">
          <p>
            <strong>Votre organisme est en traitement automatique</strong> : dans cette séance, ses demandes sont décidées par les règles
            après {session?.autoInstructionDelaySeconds ?? 10} secondes. Pour les traiter vous-même, demandez à l’enseignant·e de cocher
            votre organisme parmi les « organismes joués par des élèves ».
          </p>
        </div>
      )}
      <p>
        <Link href="/agent/saisie">Saisir une demande papier ou au guichet</Link>
      </p>
      <section aria-labelledby="mission" className="surface">
        <h2 id="mission">Le rôle de votre organisme</h2>
        <p>{agency?.mission}</p>
        <p>Vous ne voyez que les dossiers de votre organisme{unit ? ' et de votre registre' : ''}, dans votre séance.</p>
      </section>

      <section aria-labelledby="file">
        <h2 id="file">File d’attente</h2>
        <p>
          {/* Counts of requests (« demandes »): plural, and feminine as the states' own labels. */}
          {(
            [
              ['Déposées', counts.depose],
              ['En cours d’instruction', counts.en_instruction],
              ['Complément demandé', counts.complement_demande],
              ['Terminées', (counts.accepte ?? 0) + (counts.refuse ?? 0) + (counts.sans_suite ?? 0)],
            ] as const
          ).map(([label, n], i) => (
            <span key={label}>
              {`${i > 0 ? ' · ' : ''}${label} : `}
              <strong>{n ?? 0}</strong>
            </span>
          ))}
        </p>
        <form method="get" className="filters" aria-label="Filtrer la file d’attente">
          <div className="field">
            <label htmlFor="filtre-etat">État</label>
            <select id="filtre-etat" name="etat" defaultValue={filters.etat ?? ''}>
              <option value="">Tous</option>
              {caseStates.filter((s) => s !== 'brouillon').map((s) => (
                <option key={s} value={s}>
                  {stateLabels[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-demarche">Démarche</label>
            <select id="filtre-demarche" name="demarche" defaultValue={filters.demarche ?? ''}>
              <option value="">Toutes</option>
              {procedureIds.map((p) => (
                <option key={p} value={p}>
                  {procedures[p].title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filtre-attente">Attente</label>
            <select id="filtre-attente" name="attente" defaultValue={filters.attente ? String(filters.attente) : ''}>
              <option value="">Toutes</option>
              <option value="5">Plus de 5 minutes</option>
              <option value="15">Plus de 15 minutes</option>
              <option value="60">Plus d’une heure</option>
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            Filtrer
          </button>
        </form>
        {queue.length === 0 ? (
          <div className="empty-state">
            <p>{before ? 'Il n’y a pas de dossier plus ancien.' : filters.etat || filters.demarche || filters.attente ? 'Aucun dossier ne correspond à ces filtres.' : 'Aucun dossier à traiter pour le moment.'}</p>
          </div>
        ) : (
          <table className="stack">
            <caption>
              {before || next ? `Dossiers ${before ? 'plus anciens' : 'les plus récents'} (${formatNumber(queue.length)} sur cette page)` : `Dossiers (${formatNumber(queue.length)})`}
            </caption>
            <thead>
              <tr>
                <th scope="col">Dossier</th>
                <th scope="col">Démarche</th>
                <th scope="col">Personne</th>
                <th scope="col">État</th>
                <th scope="col">Déposé le</th>
              </tr>
            </thead>
            <tbody>
              {queue.map(({ c, person }) => (
                <tr key={c.id}>
                  <td data-label="Dossier">
                    <Link href={`/agent/dossiers/${c.id}`}>{c.receiptNumber}</Link>
                  </td>
                  <td data-label="Démarche">{procedures[c.procedure].title}</td>
                  <td data-label="Personne">
                    {person.givenNames} {person.preferredName ?? person.familyName}
                  </td>
                  <td data-label="État">
                    {stateLabels[c.state]}
                    {c.submittedAt && ['depose', 'en_instruction'].includes(c.state) && now - c.submittedAt.getTime() > patienceMs && (
                      <strong className="state state--refuse"> — attend depuis plus de {session?.patienceMinutes} min</strong>
                    )}
                  </td>
                  <td data-label="Déposé le">{c.submittedAt ? when.format(c.submittedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {(before || next) && (
          <nav aria-label="Autres dossiers" className="pager">
            <ul>
              {before && (
                <li>
                  <Link href={pageHref()}>Revenir aux dossiers les plus récents</Link>
                </li>
              )}
              {next && (
                <li>
                  <Link href={pageHref(next)}>Voir les dossiers plus anciens</Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </section>

      {receivesNotices && (
        <section aria-labelledby="avis">
          <h2 id="avis">Avis de changement d’adresse</h2>
          <FlashNotice path="/agent" />
          {notices.length === 0 ? (
            <div className="empty-state">
              <p>Aucun avis reçu.</p>
            </div>
          ) : (
            <ul className="consent-list">
              {notices.map(({ notice: n, c, person }, index) => {
                const address = noticeAddresses[index];
                return (
                  <li key={n.id}>
                    <h3>
                      {person.givenNames} {person.familyName} — {c.receiptNumber}
                    </h3>
                    <p>
                      Nouvelle adresse : {address ? `${address.addressLine}, ${address.postalCode} ${address.city}` : '?'} · état :{' '}
                      <strong>{n.state === 'a_traiter' ? 'à traiter' : n.state === 'appliquee' ? 'appliqué' : `rejeté (${n.reason})`}</strong>
                    </p>
                    {n.state === 'a_traiter' && (
                      <div className="actions">
                        <form action={noticeAction}>
                          <ActionKeyField value={newActionKey()} />
                          <input type="hidden" name="avis" value={n.id} />
                          <input type="hidden" name="decision" value="appliquer" />
                          <SubmitButton>
                            Appliquer<span className="visually-hidden"> l’avis {elidedDe(`${person.givenNames} ${person.familyName}`)}</span>
                          </SubmitButton>
                        </form>
                        <form action={noticeAction} className="actions">
                          <ActionKeyField value={newActionKey()} />
                          <input type="hidden" name="avis" value={n.id} />
                          <input type="hidden" name="decision" value="rejeter" />
                          <div className="field">
                            <label htmlFor={`motif-${n.id}`}>Motif du rejet</label>
                            <input id={`motif-${n.id}`} name="motif" type="text" />
                          </div>
                          <SubmitButton className="button button--secondary">
                            Rejeter<span className="visually-hidden"> l’avis {elidedDe(`${person.givenNames} ${person.familyName}`)}</span>
                          </SubmitButton>
                        </form>
                      </div>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="plateforme">
        <h2 id="plateforme">Échanges de votre organisme par l’État plateforme</h2>
        <p>
          Les demandes que votre organisme a faites ou reçues, acceptées ou refusées. Ouvrez le mode expert pour voir la requête
          HTTP et la réponse.
        </p>
        {exchanges.length === 0 ? (
          <div className="empty-state">
            <p>Aucun échange pour le moment.</p>
          </div>
        ) : (
          <ExchangeList reader="tiers" rows={exchanges} expertHref={(id) => `/agent/echanges/${id}`} />
        )}
        <ApiAccess token={await currentToken(getEngine(), agent.classSessionId, agent.agencyId)} example={example ? { fournisseur: example.fournisseur, donnees: example.donnees, finalite: example.finalite } : null} />
      </section>
    </>
  );
}
