import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AsyncExecutor, connectionEngine, engineNameOf, transaction } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { agencyIds, type AgencyId, type ExchangeResult, type TraceRequest } from '../../db/schema';
import { exchangeTraces, personas, platformFaults, platformTokens } from '../../db/tables';
import { agencyModules } from '../agencies';
import { env } from '../env';
import { dataItems, findHabilitation, type Habilitation } from './catalogue';
import { activeConsentFor } from './consents';
import { PlatformError, type PlatformErrorBody } from './errors';
import { activeFault, inForceAtNow, type Fault } from './faults';
import { appendAll, readJournalHeads, type JournalEntry, type JournalHeads, type JournalInput, type JournalReceipt } from './journal';
import { authenticateToken, hashToken, isTokenShaped, maskToken } from './tokens';

// The État plateforme gateway (docs/API.md, "Exchanges"): the one way a body gets another body's data.
// Order of checks: request shape → habilitation → person → consent → provider faults → provider's handler.
// Every call that names a valid exchange is journaled, granted or not, in the same transaction as its trace.

export const exchangesPath = '/api/plateforme/v1/echanges';
/** Where the bodies' systems call it: the platform's door when it has one (EGUICHET_PLATFORM_PORT), else the site. */
export const exchangesUrl = () => `${env().platformUrl}${exchangesPath}`;
/** How long the platform waits for a provider before answering 504. */
export const gatewayTimeoutMs = 4000;

const subjectMessage = 'Indiquez soit la personne concernée (« usager »), soit une immatriculation.';
export const exchangeRequestSchema = z.strictObject({
  fournisseur: z.enum(agencyIds, { error: 'Organisme fournisseur inconnu.' }),
  donnees: z.array(z.string().min(1).max(80), { error: 'Donnez la liste des données demandées.' }).min(1, 'Demandez au moins une donnée.').max(20),
  usager: z.string({ error: 'Indiquez la personne concernée (son identifiant « sub »).' }).min(1).max(100).optional(),
  /** Instead of the person: a vehicle's registration, for a body the law lets look up a vehicle's holder (the SIV). */
  immatriculation: z.string().regex(/^[A-Z]{2}-\d{3}-[A-Z]{2}$/, 'Écrivez l’immatriculation sous la forme AB-123-CD.').optional(),
  finalite: z.string({ error: 'Indiquez la finalité de la demande.' }).min(1).max(100),
  dossier: z.string().min(1).max(100).optional(),
}).refine((r) => (r.usager === undefined) !== (r.immatriculation === undefined), { error: subjectMessage, path: ['usager'] });
export type ExchangeRequest = z.infer<typeof exchangeRequestSchema>;

/** The body that asks, in its séance, with the token it presented. */
export type Caller = { classSessionId: string; agency: AgencyId; token: string };

export type GatewayDeps = { now: () => Date; sleep: (ms: number) => Promise<void>; random: () => number };
export const defaultGatewayDeps: GatewayDeps = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export type ExchangeOutcome =
  | { ok: true; status: 200; body: { echange: string; donnees: Record<string, unknown>; recu: JournalReceipt }; entry: JournalEntry }
  | { ok: false; status: number; body: PlatformErrorBody; entry: JournalEntry | null };

/** `refuse`: the platform said no (rules); `inconnu`: the provider knows nothing of the person; `echec`: no answer. */
const resultOf = (error: PlatformError): ExchangeResult =>
  error.code === 'habilitation_absente' || error.code === 'consentement_absent' ? 'refuse' : error.code === 'usager_inconnu' ? 'inconnu' : 'echec';

type Checked = { habilitation: Habilitation; personaId: string };

// The statements of every exchange, built once (db/prepared.ts).
const personInSession = prepared((db) =>
  db
    .select({ id: personas.id })
    .from(personas)
    .where(and(eq(personas.id, sql.placeholder('id')), eq(personas.classSessionId, sql.placeholder('seance'))))
    .limit(1),
);
const insertTrace = prepared((db) =>
  db.insert(exchangeTraces).values({
    journalEntryId: sql.placeholder('journalEntryId'),
    classSessionId: sql.placeholder('classSessionId'),
    request: sql.placeholder('request'),
    response: sql.placeholder('response'),
    durationMs: sql.placeholder('durationMs'),
  }),
);

/**
 * An exchange asked over HTTP first reads who asks (its token), the person it names and the provider's state as the
 * teacher set it — one statement for the three (on PostgreSQL each statement is a round trip: these were three of the
 * four reads before the append, two of them one after the other). No row: the token is unknown or revoked.
 */
const callerPersonFault = prepared((db) =>
  db
    .select({ classSessionId: platformTokens.classSessionId, agency: platformTokens.agency, personaId: personas.id, fault: platformFaults })
    .from(platformTokens)
    .leftJoin(personas, and(eq(personas.id, sql.placeholder('usager')), eq(personas.classSessionId, platformTokens.classSessionId)))
    // The faults in force on the provider, the latest first (as activeFault): one row without any.
    .leftJoin(platformFaults, and(eq(platformFaults.classSessionId, platformTokens.classSessionId), eq(platformFaults.agency, sql.placeholder('fournisseur')), inForceAtNow()))
    .where(and(eq(platformTokens.tokenHash, sql.placeholder('hash')), isNull(platformTokens.revokedAt)))
    .orderBy(desc(platformFaults.createdAt))
    .limit(1),
);

/** What was read before the checks: the person (undefined: to look up) and the provider's fault in force. */
type ReadFirst = { personaId: string | null | undefined; fault: Fault | null };

/** The platform's own checks, run before the provider is called and again right before it is read. */
async function check(db: AsyncExecutor, caller: Caller, req: ExchangeRequest, now: Date, known?: string | null): Promise<Checked | { error: PlatformError; habilitation: Habilitation | null; personaId: string | null }> {
  // The person is looked up first so that even a refused attempt is journaled under their name: they see it in "Mes données".
  // A vehicle's registration names its holder, as the provider's own register says.
  const personaId = known !== undefined
    ? known
    : req.usager !== undefined
      ? ((await personInSession(db).get({ id: req.usager, seance: caller.classSessionId }))?.id ?? null)
      : ((await agencyModules[req.fournisseur].holderOf?.(db, caller.classSessionId, { immatriculation: req.immatriculation! })) ?? null);
  const habilitation = findHabilitation(caller.agency, req.fournisseur, req.donnees, req.finalite);
  if (!habilitation) return { error: new PlatformError('habilitation_absente'), habilitation: null, personaId };
  if (!personaId) return { error: new PlatformError('usager_inconnu'), habilitation, personaId };
  if (habilitation.base_legale === 'consentement') {
    const consent = await activeConsentFor(
      db,
      { classSessionId: caller.classSessionId, personaId, consumer: caller.agency, provider: req.fournisseur, items: req.donnees, purpose: req.finalite },
      now,
    );
    if (!consent) return { error: new PlatformError('consentement_absent'), habilitation, personaId };
  }
  return { habilitation, personaId };
}

function parseRequest(input: unknown): ExchangeRequest | PlatformError {
  const parsed = exchangeRequestSchema.safeParse(input);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ champ: issue.path.join('.') || '(corps)', message: issue.message }));
    // Zod runs the object's refinement only once its fields parse: the missing person is said with the other errors.
    const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
    if ((raw.usager === undefined) === (raw.immatriculation === undefined) && !details.some((d) => d.champ === 'usager')) details.push({ champ: 'usager', message: subjectMessage });
    return new PlatformError('requete_invalide', undefined, details);
  }
  const unknown = parsed.data.donnees.filter((item) => !dataItems.some((d) => d.id === item && d.fournisseur === parsed.data.fournisseur));
  if (unknown.length > 0) {
    return new PlatformError('requete_invalide', undefined, unknown.map((item) => ({ champ: 'donnees', message: `« ${item} » n’est pas une donnée de cet organisme (voir le catalogue).` })));
  }
  return { ...parsed.data, donnees: [...new Set(parsed.data.donnees)] };
}

/** An exchange's journal entry to append, and what to make of it once appended: the answer's body and the trace. */
type Recorded = {
  input: JournalInput;
  now: Date;
  finish: (entry: JournalEntry, receipt: JournalReceipt) => { responseBody: object; trace: typeof exchangeTraces.$inferInsert };
};

/** What the provider's read decided: the data to send, or the error to journal instead. */
type Decided = { error: PlatformError } | { donnees: Record<string, unknown> };
type Written = { entry: JournalEntry; responseBody: object };

/**
 * A gathered group's append, once each exchange's provider has answered (their reads overlap the lock's round trip):
 * an exchange whose read failed is left out and fails alone; the others are appended together.
 */
async function appendWhenReady(tx: AsyncExecutor, pending: Promise<Recorded>[], heads: JournalHeads): Promise<(Written | { failed: unknown })[]> {
  const settled = await Promise.allSettled(pending);
  const ready = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const written = ready.length > 0 ? await appendExchanges(tx, ready, heads) : [];
  let next = 0;
  return settled.map((s) => (s.status === 'fulfilled' ? written[next++]! : { failed: s.reason }));
}

/**
 * Appends exchanges of one séance, in order, with their traces: a few statements for the group (journal.ts, appendAll),
 * from the journal's heads the transaction read with its lock.
 */
async function appendExchanges(tx: AsyncExecutor, items: Recorded[], heads: JournalHeads): Promise<Written[]> {
  let done: ({ entry: JournalEntry } & ReturnType<Recorded['finish']>)[] = [];
  // The traces are written with the entries (on PostgreSQL in the same statement); on SQLite one trace goes through its
  // prepared statement (drizzle would build its SQL each time).
  await appendAll(tx, items[0]!.input.classSessionId, items, (appended) => {
    done = appended.map(({ entry, receipt }, i) => ({ entry, ...items[i]!.finish(entry, receipt) }));
    const traces = done.map((d) => d.trace);
    return traces.length === 1 && engineNameOf(tx) === 'sqlite' ? { run: () => insertTrace(tx).run(traces[0]!) } : tx.insert(exchangeTraces).values(traces);
  }, { heads });
  return done.map(({ entry, responseBody }) => ({ entry, responseBody }));
}

/**
 * Asks a provider body for data items about a person, on behalf of the calling body (the procedures, whose caller is
 * known; the HTTP API asks through requestExchangeWithToken below).
 */
export async function requestExchange(db: AsyncExecutor, caller: Caller, input: unknown, deps: GatewayDeps = defaultGatewayDeps): Promise<ExchangeOutcome> {
  const startedAt = deps.now().getTime();
  const req = parseRequest(input);
  if (req instanceof PlatformError) return { ok: false, status: req.status, body: req.body(), entry: null };
  return exchange(db, caller, req, input, startedAt, deps);
}

/**
 * The same, asked over HTTP with a body's bearer token (lib/platform/exchange-endpoint.ts): the token, the person and
 * the provider's state read in one statement. Null when the token is unknown or revoked, whatever the request.
 */
export async function requestExchangeWithToken(db: AsyncExecutor, token: string, input: unknown, deps: GatewayDeps = defaultGatewayDeps): Promise<ExchangeOutcome | null> {
  const startedAt = deps.now().getTime();
  if (!isTokenShaped(token)) return null;
  const req = parseRequest(input);
  if (req instanceof PlatformError) return (await authenticateToken(db, token)) ? { ok: false, status: req.status, body: req.body(), entry: null } : null;
  const row = await callerPersonFault(db).get({ hash: hashToken(token), usager: req.usager ?? null, fournisseur: req.fournisseur, now: deps.now() });
  if (!row) return null;
  const caller: Caller = { classSessionId: row.classSessionId, agency: row.agency, token };
  return exchange(db, caller, req, input, startedAt, deps, { personaId: req.usager !== undefined ? row.personaId : undefined, fault: row.fault });
}

/** Both doors' exchange, once the request is valid; `readFirst`: what the token's statement already read. */
async function exchange(db: AsyncExecutor, caller: Caller, req: ExchangeRequest, input: unknown, startedAt: number, deps: GatewayDeps, readFirst?: ReadFirst): Promise<ExchangeOutcome> {
  const request: TraceRequest = {
    methode: 'POST',
    url: exchangesPath,
    entetes: { authorization: `Bearer ${maskToken(caller.token)}`, 'content-type': 'application/json' },
    corps: input,
  };

  // One chain per séance: its appends are serialised across every app server. On PostgreSQL the advisory lock is taken
  // just before the append (held until the transaction ends): the checks and the provider's reads before it run beside
  // the séance's other exchanges. (SQLite's BEGIN IMMEDIATE already serialises every writer.) Called on the connection
  // (the platform's HTTP API), PostgreSQL gathers the séance's exchanges that arrive together into one append: one
  // lock, one commit for the group (`Engine.gather`); called inside a transaction (a procedure's step), the append
  // belongs to that transaction.
  const lock = `journal:${caller.classSessionId}`;
  // The journal's heads, read once the lock is granted (on PostgreSQL sent with it: one round trip for both).
  const locked = { lock, read: (tx: AsyncExecutor) => readJournalHeads(tx, caller.classSessionId) };
  const engine = connectionEngine(db);
  const gather = engine?.gather?.bind(engine);
  const write = <T,>(work: (tx: AsyncExecutor) => Promise<T>): Promise<T> => (gather ? work(db) : transaction(db, work));
  const itemOf = (decided: Decided, personaId: string | null, habilitation: Habilitation | null): Recorded => {
    const error = 'error' in decided ? decided.error : null;
    const answer = (id: string) => ('error' in decided ? { ...decided.error.body(), echange: id } : { echange: id, donnees: decided.donnees });
    return {
      input: { classSessionId: caller.classSessionId, consumer: caller.agency, provider: req.fournisseur, items: req.donnees, purpose: req.finalite, legalBasis: habilitation?.base_legale ?? null, result: error ? resultOf(error) : 'accorde', reason: error?.code ?? null, subject: personaId, caseId: req.dossier ?? null },
      now: deps.now(),
      finish: (entry, receipt) => {
        const responseBody = { ...answer(entry.id), recu: receipt };
        return { responseBody, trace: { journalEntryId: entry.id, classSessionId: caller.classSessionId, request, response: { statut: error?.status ?? 200, corps: responseBody }, durationMs: deps.now().getTime() - startedAt } };
      },
    };
  };
  /**
   * Journals the exchange as decided and answers it. Gathered (PostgreSQL, on the connection), the append is asked for
   * while the provider's read may still be on its way: the séance's lock and the journal's heads come back in the same
   * round trip as the provider's data, instead of one after the other (docs/performance-history.md, "Session 42").
   */
  const journal = async (tx: AsyncExecutor, decided: Promise<Decided>, personaId: string | null, habilitation: Habilitation | null): Promise<ExchangeOutcome> => {
    let written: Written;
    if (gather) {
      const item = decided.then((d) => itemOf(d, personaId, habilitation));
      item.catch(() => undefined); // its failure is this exchange's alone: appendWhenReady leaves it out of the group
      const out = await gather(lock, item, appendWhenReady, locked);
      if ('failed' in out) throw out.failed;
      written = out;
    } else {
      const item = itemOf(await decided, personaId, habilitation);
      written = (await transaction(tx, (inLock, heads) => appendExchanges(inLock, [item], heads), locked))[0]!;
    }
    const d = await decided;
    return 'error' in d
      ? { ok: false, status: d.error.status, body: written.responseBody as PlatformErrorBody, entry: written.entry }
      : { ok: true, status: 200, body: written.responseBody as { echange: string; donnees: Record<string, unknown>; recu: JournalReceipt }, entry: written.entry };
  };
  const failIn = (tx: AsyncExecutor, error: PlatformError, personaId: string | null, habilitation: Habilitation | null): Promise<ExchangeOutcome> =>
    journal(tx, Promise.resolve({ error }), personaId, habilitation);
  const fail = (error: PlatformError, personaId: string | null, habilitation: Habilitation | null) => write((tx) => failIn(tx, error, personaId, habilitation));

  // 1. The platform's own rules: refused at once, the provider is never called. 2. The provider's state, as the
  // teacher set it: read beside the checks (on PostgreSQL two round trips at once instead of one after the other).
  const [first, fault] = readFirst
    ? [await check(db, caller, req, deps.now(), readFirst.personaId), readFirst.fault]
    : await Promise.all([check(db, caller, req, deps.now()), activeFault(db, caller.classSessionId, req.fournisseur, deps.now())]);
  if ('error' in first) return fail(first.error, first.personaId, first.habilitation);
  if (fault?.kind === 'panne' || (fault?.kind === 'erratique' && deps.random() < fault.failureRate)) {
    return fail(new PlatformError('organisme_indisponible'), first.personaId, first.habilitation);
  }
  const slowed = fault?.kind === 'lenteur' && fault.latencyMs > 0;
  if (slowed) {
    await deps.sleep(Math.min(fault.latencyMs, gatewayTimeoutMs));
    if (fault.latencyMs >= gatewayTimeoutMs) return fail(new PlatformError('delai_depasse'), first.personaId, first.habilitation);
  }

  // 3. Checked again, then the provider's handler: inside the write transaction, where the check and the append are one
  // (SQLite: no other writer between them); outside one (gathered appends), again only after the provider's latency
  // — a consent withdrawn meanwhile is honoured — since nothing else waited since the first check.
  return write(async (tx): Promise<ExchangeOutcome> => {
    const again = gather && !slowed ? first : await check(tx, caller, req, deps.now());
    if ('error' in again) return failIn(tx, again.error, again.personaId, again.habilitation);
    const provider = agencyModules[req.fournisseur];
    const scope = { classSessionId: caller.classSessionId, personaId: again.personaId, ...(req.immatriculation ? { immatriculation: req.immatriculation } : {}) };
    // Minimisation: only the items asked, each from its own handler. Not awaited here: journal() asks for the séance's
    // lock meanwhile when the append is gathered.
    const decided = (async (): Promise<Decided> => {
      const donnees: Record<string, unknown> = {};
      for (const item of req.donnees) donnees[item] = (await provider.items[item]?.(tx, scope)) ?? null;
      if (Object.values(donnees).every((value) => value === null)) return { error: new PlatformError('usager_inconnu', 'L’organisme fournisseur ne connaît pas cette personne.') };
      return { donnees };
    })();
    return journal(tx, decided, again.personaId, again.habilitation);
  });
}
