import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, setDb, type Db } from '../db/client';
import { engineFor, shortcut, transaction, type AsyncExecutor } from '../db/engine';
import { prepareDatabase } from '../db/prepare';
import { cases, personas } from '../db/tables';
import { demoSession } from '../lib/classroom/sessions';
import { requestExchange } from '../lib/platform/gateway';
import { apiHandler } from '../lib/platform/http';
import { verifyJournalChain } from '../lib/platform/journal';
import { currentToken } from '../lib/platform/tokens';
import { createCase } from '../lib/procedures/engine/cases';

// Several processes write to one database file at the same moment, as the server and a script would:
// every submission and every exchange must be recorded exactly once, the journal chain must hold,
// and no process may see SQLite's "database is locked".

const workers = 4;
const draftCount = 1000; // each submitted by two processes at once: one wins, the other is told it changed
const exchangesPerWorker = 250; // 1 000 exchange calls in all

type WorkerResult = { submitted: number; conflicts: number; exchanges: Record<string, number>; errors: string[] };

let dir: string;
let connection: Db;
let db: AsyncExecutor;
let session: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-concurrency-'));
  connection = openDatabase(path.join(dir, 'e-guichet.db'));
  setDb(connection);
  await prepareDatabase(connection);
  db = engineFor(connection).db;
  session = (await demoSession(db))!.id;
});

afterAll(() => {
  connection.$client.close();
  setDb(undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

function runWorker(plan: object): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'stress-worker.ts'), JSON.stringify(plan)], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, EGUICHET_DB: path.join(dir, 'e-guichet.db') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as WorkerResult) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

describe('concurrent writers on one database', () => {
  it('records each of 1 000 submissions and 1 000 exchange calls exactly once, with an intact journal chain', { timeout: 240_000 }, async () => {
    const citizens = await db.select().from(personas).where(and(eq(personas.classSessionId, session), eq(personas.digitalProfile, 'autonome'))).all();
    expect(citizens.length).toBeGreaterThan(3);
    // A person has one draft of a procedure at a time (issue 16): 1 000 drafts need 1 000 people, copies of the seed's.
    const people = [];
    for (let i = 0; i < draftCount; i++) {
      const model = citizens[i % citizens.length]!;
      people.push((await db.insert(personas).values({ ...model, id: crypto.randomUUID(), key: `${model.key}-${i}` }).returning().get())!);
    }
    const drafts = [];
    for (let i = 0; i < draftCount; i++)
      drafts.push(await createCase(db, {
        classSessionId: session,
        personaId: people[i]!.id,
        procedure: 'acte-naissance',
        answers: { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } },
      }));
    const ids = drafts.map((c) => c.id);
    const target = (await db.select().from(personas).where(and(eq(personas.classSessionId, session), eq(personas.key, 'karim-benali'))).get())!;
    const exchange = { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: target.id, finalite: 'calcul_prestations' };
    const caller = { classSessionId: session, agency: 'caf', token: (await currentToken(engineFor(connection), session, 'caf')).token };
    const journalBefore = (await verifyJournalChain(db, session)).entrees;

    // Workers 0 and 2 take the even drafts, 1 and 3 the odd ones, in opposite orders so that they meet.
    const results = await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const share = ids.filter((_, i) => i % 2 === w % 2);
        return runWorker({ dbPath: path.join(dir, 'e-guichet.db'), caseIds: w < 2 ? share : share.reverse(), caller, exchange, exchanges: exchangesPerWorker });
      }),
    );

    expect(results.flatMap((r) => r.errors)).toEqual([]);
    expect(results.reduce((n, r) => n + r.submitted, 0)).toBe(draftCount);
    expect(results.reduce((n, r) => n + r.conflicts, 0)).toBe(draftCount);
    expect(results.reduce((n, r) => n + (r.exchanges['200'] ?? 0), 0)).toBe(workers * exchangesPerWorker);

    const count = (query: string, ...params: unknown[]) => (connection.$client.prepare(query).get(...params) as { n: number }).n;
    const placeholders = ids.map(() => '?').join(',');
    expect((await db.select().from(cases).where(inArray(cases.id, ids)).all()).every((c) => c.state !== 'brouillon' && c.receiptNumber)).toBe(true);
    expect(count(`SELECT count(DISTINCT receipt_number) AS n FROM cases WHERE id IN (${placeholders})`, ...ids)).toBe(draftCount);
    // One 'déposé' transition and one acknowledgement of receipt per case, never two.
    expect(count(`SELECT count(*) AS n FROM case_events WHERE kind = 'transition' AND to_state = 'depose' AND case_id IN (${placeholders})`, ...ids)).toBe(draftCount);
    expect(count(`SELECT count(*) AS n FROM documents WHERE kind = 'accuse_reception' AND case_id IN (${placeholders})`, ...ids)).toBe(draftCount);
    expect(count(`SELECT count(*) AS n FROM (SELECT case_id FROM documents WHERE kind = 'accuse_reception' GROUP BY case_id HAVING count(*) > 1)`)).toBe(0);

    // The journal: one entry and one trace per call, a chain without a gap or a fork.
    const chain = await verifyJournalChain(db, session);
    expect(chain).toMatchObject({ valide: true });
    expect(chain.entrees).toBe(journalBefore + workers * exchangesPerWorker);
    expect(count(`SELECT count(*) AS n FROM journal_entries WHERE class_session_id = ? AND consumer = 'caf' AND purpose = 'calcul_prestations'`, session)).toBe(workers * exchangesPerWorker);
    expect(count(`SELECT count(*) AS n FROM exchange_traces WHERE class_session_id = ?`, session)).toBe(count(`SELECT count(*) AS n FROM journal_entries WHERE class_session_id = ?`, session));
    expect(count(`SELECT max(sequence) - min(sequence) + 1 - count(*) AS n FROM journal_entries WHERE class_session_id = ?`, session)).toBe(0);
  });
});

/** Another process takes SQLite's write lock and keeps it `holdMs` (or until killed). */
async function holdWriteLock(holdMs: number) {
  const script = `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));`;
  const child = spawn(process.execPath, ['-e', script, path.join(dir, 'e-guichet.db'), String(holdMs)], { cwd: path.resolve(__dirname, '..'), stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return child;
}

describe('a database locked by another process', () => {
  const call = async () => {
    const caller = { classSessionId: session, agency: 'caf' as const, token: (await currentToken(engineFor(connection), session, 'caf')).token };
    const karim = (await db.select().from(personas).where(and(eq(personas.classSessionId, session), eq(personas.key, 'karim-benali'))).get())!;
    return apiHandler(async () => {
      const outcome = await requestExchange(db, caller, { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: karim.id, finalite: 'calcul_prestations' });
      return Response.json(outcome.body, { status: outcome.status });
    });
  };

  it('waits for a short lock and records the exchange', { timeout: 20_000 }, async () => {
    const before = (await verifyJournalChain(db, session)).entrees;
    const child = await holdWriteLock(700);
    const response = await call();
    expect(response.status).toBe(200);
    expect(await verifyJournalChain(db, session)).toMatchObject({ valide: true, entrees: before + 1 });
    child.kill();
  });

  it('goes on serving while it waits for the lock: reads, and the next turn of the event loop, come before its write', { timeout: 20_000 }, async () => {
    const child = await holdWriteLock(700);
    const order: string[] = [];
    // SQLite's own busy handler would sleep inside the call, and the whole process with it, until the lock is free.
    const write = transaction(db, async (tx) => {
      await tx.select({ id: personas.id }).from(personas).limit(1).all();
      order.push('écriture');
    }).then(() => order.push('écriture validée'));
    const read = db.select({ id: personas.id }).from(personas).where(eq(personas.classSessionId, session)).all().then((rows) => order.push(`lecture (${rows.length > 0})`));
    const turn = new Promise((resolve) => setImmediate(resolve)).then(() => order.push('tour de boucle'));
    await Promise.all([write, read, turn]);
    expect(order).toEqual(['lecture (true)', 'tour de boucle', 'écriture', 'écriture validée']);
    child.kill();
  });

  it('never sleeps while it waits: a timer due long after its first tries fires before a transaction, or a lone write, gets the lock', { timeout: 20_000 }, async () => {
    const child = await holdWriteLock(900);
    const order: string[] = [];
    const someone = (await db.select({ id: personas.id, familyName: personas.familyName }).from(personas).where(eq(personas.classSessionId, session)).limit(1).get())!;
    // Both wait far past the first 20 ms of quick tries; SQLite's busy handler would keep the process asleep until 900.
    const write = transaction(db, async (tx) => {
      await tx.update(personas).set({ familyName: someone.familyName }).where(eq(personas.id, someone.id)).run();
    }).then(() => order.push('transaction validée'));
    const lone = db.update(personas).set({ familyName: someone.familyName }).where(eq(personas.id, someone.id)).run().then(() => order.push('écriture seule validée'));
    const timer = new Promise((resolve) => setTimeout(resolve, 300)).then(() => order.push('minuteur de 300 ms'));
    await Promise.all([write, lone, timer]);
    expect(order[0]).toBe('minuteur de 300 ms');
    expect(order.slice(1).sort()).toEqual(['transaction validée', 'écriture seule validée']);
    child.kill();
  });

  it('a shortcut waits for no one: left at once while the lock is held elsewhere, the patient write beside it still made', { timeout: 20_000 }, async () => {
    const child = await holdWriteLock(60_000);
    const someone = (await db.select({ id: personas.id, familyName: personas.familyName }).from(personas).where(eq(personas.classSessionId, session)).limit(1).get())!;
    const order: string[] = [];
    try {
      const patient = transaction(db, async (tx) => {
        await tx.update(personas).set({ familyName: 'Patient' }).where(eq(personas.id, someone.id)).run();
      }).then(() => order.push('écriture patiente validée'));
      const left = shortcut(db, async (tx) => {
        await tx.update(personas).set({ familyName: 'Raccourci' }).where(eq(personas.id, someone.id)).run();
        return 'fait';
      }).then((outcome) => order.push(`raccourci : ${outcome ?? 'laissé'}`));
      const timer = new Promise((resolve) => setTimeout(resolve, 300)).then(() => order.push('minuteur de 300 ms'));
      await Promise.all([left, timer]);
      expect(order).toEqual(['raccourci : laissé', 'minuteur de 300 ms']);
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      await patient;
      expect(order).toEqual(['raccourci : laissé', 'minuteur de 300 ms', 'écriture patiente validée']);
      expect((await db.select({ familyName: personas.familyName }).from(personas).where(eq(personas.id, someone.id)).get())?.familyName).toBe('Patient');
      // Once the lock is free, a shortcut is made.
      expect(await shortcut(db, async (tx) => (await tx.update(personas).set({ familyName: someone.familyName }).where(eq(personas.id, someone.id)).run(), 'fait'))).toBe('fait');
      expect((await db.select({ familyName: personas.familyName }).from(personas).where(eq(personas.id, someone.id)).get())?.familyName).toBe(someone.familyName);
    } finally {
      child.kill();
    }
  });

  it('answers 503 base_occupee, never a 500, when the lock outlasts every wait; nothing is half-written', { timeout: 20_000 }, async () => {
    const before = (await verifyJournalChain(db, session)).entrees;
    connection.$client.pragma('busy_timeout = 100');
    const child = await holdWriteLock(60_000);
    try {
      const response = await call();
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.json()).toMatchObject({ erreur: 'base_occupee', message: expect.stringContaining('rien n’a été enregistré') });
    } finally {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
      connection.$client.pragma('busy_timeout = 5000');
    }
    expect(await verifyJournalChain(db, session)).toMatchObject({ valide: true, entrees: before });
    expect((await call()).status).toBe(200);
  });
});
