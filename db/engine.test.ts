import { and, asc, desc, eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { textsSent, tripsOf } from '../test/db';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../test/postgres';
import { applyMigrations, openDatabase } from './client';
import { postgresEngine, sqliteEngine, shortcut, tablesFor, transaction, writeTogether, writeWithCommit, type AsyncExecutor, type Engine, type EngineName } from './engine';
import { migratePostgres } from './pg/migrate';
import { prepared } from './prepared';
import { statementName } from './statement-name';
import { proofKinds } from './schema';
import type * as sqliteSchema from './schema';

// The asynchronous data layer, the same code on both engines: rows come back with the same JavaScript values (dates,
// booleans, JSON, numbers, bytes), transactions commit or roll back whole, and a named lock keeps a per-séance
// sequence gapless under concurrent writers — on PostgreSQL from two pools, as two app servers would.

let server: TestPostgres;
let database = 0;

async function freshPostgres(): Promise<string> {
  const url = await createTestDatabase(server, `engine_${process.pid}_${++database}`);
  await migratePostgres(url);
  return url;
}

beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(() => server?.stop());

const opened: Engine[] = [];
afterAll(async () => {
  for (const engine of opened) await engine.close();
});

/** Where each PostgreSQL engine points, so that a test can open a second pool on the same database. */
const urls = new Map<Engine, string>();

async function open(name: EngineName): Promise<Engine> {
  let engine: Engine;
  if (name === 'sqlite') {
    const db = openDatabase(':memory:');
    applyMigrations(db);
    engine = sqliteEngine(db);
  } else {
    const url = await freshPostgres();
    engine = postgresEngine(url);
    urls.set(engine, url);
  }
  opened.push(engine);
  return engine;
}

describe.each(['sqlite', 'postgres'] as const)('the data layer on %s', (name) => {
  const t = tablesFor(name);

  async function session(db: AsyncExecutor, id: string) {
    await db.insert(t.classSessions).values({ id, name: `Séance ${id}`, joinCode: id.toUpperCase().padEnd(6, 'X').slice(0, 6) });
  }

  it('gives back the same JavaScript values: dates, booleans, JSON, numbers, bytes', async () => {
    const { db } = await open(name);
    const expiresAt = new Date('2026-12-02T10:11:12.345Z');
    await db.insert(t.classSessions).values({ id: 's1', name: 'Séance « une »', joinCode: 'ABCDEF', isDemo: true, expiresAt, bodiesPlayed: ['caf', 'ville'], expectedStudents: 2_000_000_000 });
    const row = await db.select().from(t.classSessions).where(eq(t.classSessions.id, 's1')).get();
    expect(row).toMatchObject({ name: 'Séance « une »', isDemo: true, simulateNetwork: true, preset: 'tout', bodiesPlayed: ['caf', 'ville'], expectedStudents: 2_000_000_000, patienceMinutes: 5 });
    expect(row!.expiresAt).toEqual(expiresAt);
    expect(row!.createdAt).toBeInstanceOf(Date);
    await db.insert(t.platformFaults).values({ id: 'f1', classSessionId: 's1', agency: 'caf', kind: 'erratique', failureRate: 0.25, startsAt: expiresAt, endsAt: new Date(expiresAt.getTime() + 60_000) });
    expect(await db.select({ rate: t.platformFaults.failureRate, ends: t.platformFaults.endsAt }).from(t.platformFaults).get()).toEqual({ rate: 0.25, ends: new Date(expiresAt.getTime() + 60_000) });
    // A raw comparison with a time: each engine's own form of it.
    const engine = opened.at(-1)!;
    const later = await db.select({ id: t.platformFaults.id }).from(t.platformFaults).where(sql`${t.platformFaults.endsAt} > ${engine.time(expiresAt)}`);
    expect(later).toEqual([{ id: 'f1' }]);
    await db.insert(t.personas).values(personaRow('p1', 's1'));
    await db.insert(t.cases).values({ id: 'c1', classSessionId: 's1', personaId: 'p1', procedure: 'acte-naissance', agency: 'etat-civil', answers: { qui: { lien: 'moi' } }, updatedAt: expiresAt });
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await db.insert(t.caseFiles).values({ id: 'x1', caseId: 'c1', classSessionId: 's1', kind: proofKinds[0], originalName: 'a.pdf', mime: 'application/pdf', size: 5, sha256: 'h', content: bytes, uploadedAt: expiresAt });
    const file = await db.select().from(t.caseFiles).get();
    expect(Buffer.compare(Buffer.from(file!.content), bytes)).toBe(0);
    expect((await db.select().from(t.cases).get())!.answers).toEqual({ qui: { lien: 'moi' } });
  });

  it('commits a transaction whole, or nothing of it', async () => {
    const engine = await open(name);
    await engine.transaction(async (tx) => {
      await session(tx, 'ok1');
      await session(tx, 'ok2');
    });
    await expect(
      engine.transaction(async (tx) => {
        await session(tx, 'ko1');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    // A constraint broken half-way rolls back what came before it.
    await expect(
      engine.transaction(async (tx) => {
        await session(tx, 'ko2');
        await session(tx, 'ok1');
      }),
    ).rejects.toThrow();
    const ids = (await engine.db.select({ id: t.classSessions.id }).from(t.classSessions).orderBy(asc(t.classSessions.id))).map((r) => r.id);
    expect(ids).toEqual(['ok1', 'ok2']);
  });

  it('a shortcut is made when the database can take it, its answer given back; a séance deleted meanwhile leaves it; anything else is thrown', async () => {
    const { db } = await open(name);
    await session(db, 's1');
    expect(await shortcut(db, async (tx) => tx.update(t.classSessions).set({ name: 'Raccourci' }).where(eq(t.classSessions.id, 's1')).returning({ id: t.classSessions.id }))).toEqual([{ id: 's1' }]);
    expect((await db.select({ name: t.classSessions.name }).from(t.classSessions).get())?.name).toBe('Raccourci');
    // A row of a séance that is no longer there (its foreign key refused): nothing to keep.
    expect(await shortcut(db, (tx) => tx.insert(t.personas).values(personaRow('p1', 'partie')).run())).toBeNull();
    await expect(shortcut(db, (tx) => session(tx, 's1'))).rejects.toThrow(); // the same séance twice: a real error
  });

  it('keeps a per-séance sequence gapless under 200 concurrent writers (two app servers on PostgreSQL)', async () => {
    const engine = await open(name);
    await session(engine.db, 'seq');
    // PostgreSQL: a second pool on the same database, as a second app server has; SQLite: one process's writers.
    const second = name === 'postgres' ? postgresEngine(urls.get(engine)!) : engine;
    if (second !== engine) opened.push(second);
    const append = (via: Engine, n: number) =>
      via.transaction(
        async (tx) => {
          const head = await tx.select({ sequence: t.journalEntries.sequence }).from(t.journalEntries).where(eq(t.journalEntries.classSessionId, 'seq')).orderBy(desc(t.journalEntries.sequence)).get();
          const sequence = (head?.sequence ?? 0) + 1;
          await tx.insert(t.journalEntries).values({ id: `e${n}`, classSessionId: 'seq', sequence, recordedAt: new Date().toISOString(), consumer: 'caf', provider: 'dgfip', items: ['dgfip.revenu_fiscal_reference'], purpose: 'calcul_prestations', result: 'accorde', hash: `h${n}`, previousHash: `p${n}` });
          return sequence;
        },
        { lock: 'journal:seq' },
      );
    const sequences = await Promise.all(Array.from({ length: 200 }, (_, n) => append(n % 2 ? second : engine, n)));
    expect([...sequences].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    const stored = await engine.db.select({ sequence: t.journalEntries.sequence }).from(t.journalEntries).where(and(eq(t.journalEntries.classSessionId, 'seq'))).orderBy(asc(t.journalEntries.sequence));
    expect(stored.map((r) => r.sequence)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  }, 60_000);


  it('two servers that each check "not there yet" and insert the same key: the second one finds the first one’s row', async () => {
    const engine = await open(name);
    const second = name === 'postgres' ? postgresEngine(urls.get(engine)!) : engine;
    if (second !== engine) opened.push(second);
    // Both pass the check before either inserts (on SQLite the second waits for the first: write transactions queue).
    let checked = 0;
    const bothChecked = async () => {
      for (let i = 0; i < 40 && checked < 2; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    const claim = (via: Engine) =>
      via.transaction(async (tx) => {
        const row = await tx.select().from(t.actionKeys).where(eq(t.actionKeys.key, 'double-clic')).get();
        if (row) return 'déjà là';
        checked++;
        await bothChecked();
        await tx.insert(t.actionKeys).values({ key: 'double-clic', actor: 'a', action: 'envoyer', result: null, createdAt: new Date() });
        return 'inséré';
      });
    expect((await Promise.all([claim(engine), claim(second)])).sort()).toEqual(['déjà là', 'inséré']);
    // A real duplicate outside any race is still refused.
    await expect(engine.transaction((tx) => tx.insert(t.actionKeys).values({ key: 'double-clic', actor: 'b', action: 'x', result: null, createdAt: new Date() }))).rejects.toThrow();
  });
  it('a statement from outside an open transaction waits for its end and never joins it (not even when it rolls back)', async () => {
    const engine = await open(name);
    let release!: () => void;
    const paused = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const started = new Promise<void>((resolve) => (entered = resolve));
    const held = engine.transaction(async (tx) => {
      await session(tx, 'a');
      entered();
      await paused; // a real wait (another request's turn), between two of its statements
      throw new Error('rolled back');
    });
    await started;
    const outside = session(engine.db, 'b');
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await expect(held).rejects.toThrow('rolled back');
    await outside;
    expect(await engine.db.select({ id: t.classSessions.id }).from(t.classSessions)).toEqual([{ id: 'b' }]);
  });

  it.skipIf(name !== 'sqlite')('refuses a statement a transaction runs through the connection instead of its tx (it would wait for itself)', async () => {
    const engine = await open(name);
    await expect(engine.transaction(async (tx) => {
      await session(tx, 'a');
      await session(engine.db, 'b');
    })).rejects.toMatchObject({ cause: { message: expect.stringMatching(/must use the transaction/) } });
    expect(await engine.db.select().from(t.classSessions).all()).toEqual([]);
  });

  it.skipIf(name !== 'sqlite')('runs the transactions queued together as one group: each learns its outcome once the group has committed, and one that fails is rolled back alone', async () => {
    const engine = await open(name);
    const order: string[] = [];
    const write = (id: string, fail = false) =>
      engine
        .transaction(async (tx) => {
          await session(tx, id);
          order.push(`écrit ${id}`);
          if (fail) throw new Error(`refusé ${id}`);
          return id;
        })
        .then(
          (value) => order.push(`validé ${value}`),
          (error: Error) => order.push(error.message),
        );
    await Promise.all([write('g1'), write('g2', true), write('g3')]);
    expect(order).toEqual(['écrit g1', 'écrit g2', 'écrit g3', 'validé g1', 'refusé g2', 'validé g3']);
    expect((await engine.db.select({ id: t.classSessions.id }).from(t.classSessions).orderBy(asc(t.classSessions.id))).map((r) => r.id)).toEqual(['g1', 'g3']);
    // One that ends the whole transaction (SQLite does on some errors): the others of its group run again, once each.
    const runs: string[] = [];
    const results = await Promise.allSettled([
      engine.transaction(async (tx) => {
        runs.push('h1');
        await session(tx, 'h1');
      }),
      engine.transaction(async (tx) => {
        await session(tx, 'h2');
        await tx.run(sql`ROLLBACK`);
        throw new Error('tout annulé');
      }),
      engine.transaction(async (tx) => {
        runs.push('h3');
        await session(tx, 'h3');
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(runs).toEqual(['h1', 'h1', 'h3']);
    expect((await engine.db.select({ id: t.classSessions.id }).from(t.classSessions).orderBy(asc(t.classSessions.id))).map((r) => r.id)).toEqual(['g1', 'g3', 'h1', 'h3']);
  });

  it('nested transaction() calls run in the caller’s transaction; builders end in .all(), .get(), .run() on both engines', async () => {
    const engine = await open(name);
    await expect(
      transaction(engine.db, async (tx) => {
        await session(tx, 'n1');
        await transaction(tx, (inner) => session(inner, 'n2'));
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await engine.db.select().from(t.classSessions).all()).toEqual([]);
    await transaction(engine.db, async (tx) => {
      await session(tx, 'n1');
      await transaction(tx, (inner) => session(inner, 'n2'));
    });
    expect((await engine.db.select({ id: t.classSessions.id }).from(t.classSessions).orderBy(asc(t.classSessions.id)).all()).map((r) => r.id)).toEqual(['n1', 'n2']);
    expect(await engine.db.select({ id: t.classSessions.id }).from(t.classSessions).orderBy(desc(t.classSessions.id)).get()).toEqual({ id: 'n2' });
    expect(await engine.db.select().from(t.classSessions).where(eq(t.classSessions.id, 'none')).get()).toBeUndefined();
    expect(await engine.db.update(t.classSessions).set({ name: 'N' }).where(eq(t.classSessions.id, 'n1')).returning({ id: t.classSessions.id }).get()).toEqual({ id: 'n1' });
    await engine.db.delete(t.classSessions).where(eq(t.classSessions.id, 'n2')).run();
    expect(await engine.db.select({ name: t.classSessions.name }).from(t.classSessions).all()).toEqual([{ name: 'N' }]);
  });

  it('a prepared statement answers the same through the connection and in transactions; on PostgreSQL every statement is named after its SQL, parsed once per connection', async () => {
    // PostgreSQL: one connection per pool, so that the server's list of this session's statements is the pool's.
    const engine = name === 'sqlite' ? await open(name) : postgresEngine(await freshPostgres(), { max: 1 });
    if (name === 'postgres') opened.push(engine);
    const byIdQuery = (db: AsyncExecutor) => db.select({ name: t.classSessions.name }).from(t.classSessions).where(eq(t.classSessions.id, sql.placeholder('id'))).limit(1);
    const byId = prepared(byIdQuery);
    const byCode = prepared((db) => db.select({ id: t.classSessions.id }).from(t.classSessions).where(eq(t.classSessions.joinCode, sql.placeholder('code'))).limit(1));
    await session(engine.db, 'p1');
    expect(await byId(engine.db).get({ id: 'p1' })).toEqual({ name: 'Séance p1' });
    expect(await byId(engine.db).get({ id: 'none' })).toBeUndefined();
    expect(await byCode(engine.db).get({ code: 'P1XXXX' })).toEqual({ id: 'p1' });
    for (let i = 0; i < 3; i++) expect(await transaction(engine.db, (tx) => byId(tx).get({ id: 'p1' }))).toEqual({ name: 'Séance p1' });
    if (name === 'postgres') {
      type Raw = { execute(query: ReturnType<typeof sql>): Promise<{ rows: { name: string; statement: string }[] }> };
      const list = sql`SELECT name, statement FROM pg_prepared_statements ORDER BY name`;
      const onConnection = (await (engine.db as unknown as Raw).execute(list)).rows;
      const inTransactions = (await transaction(engine.db, (tx) => (tx as unknown as Raw).execute(list))).rows;
      const byIdSql = byIdQuery(engine.db).toSQL().sql;
      // The prepared read, once on each connection, under the name of its text — three transactions, each a new
      // executor, one statement on the server; and the insert, built by drizzle each time, named too.
      expect(onConnection.filter((r) => r.statement === byIdSql).map((r) => r.name)).toEqual([statementName(byIdSql)]);
      expect(inTransactions.filter((r) => r.statement === byIdSql).map((r) => r.name)).toEqual([statementName(byIdSql)]);
      expect(onConnection.some((r) => r.statement.startsWith('insert into "class_sessions"') && r.name === statementName(r.statement))).toBe(true);
    }
  });
});

describe('PostgreSQL gathers the work of one key that arrives together', () => {
  it('one transaction for those that wait, each its own result; a group that fails fails its own callers only', async () => {
    const engine = await open('postgres');
    const t = tablesFor('postgres');
    await engine.db.insert(t.classSessions).values({ id: 'g', name: 'Séance g', joinCode: 'GGGGGG' });
    const groups: number[][] = [];
    const run = async (tx: AsyncExecutor, items: number[]) => {
      groups.push(items);
      // Seen inside one transaction: the rows of the group's earlier items.
      for (const n of items) await tx.insert(t.actionKeys).values(keyRow(n)).run();
      if (items.includes(13)) throw new Error('refusé');
      const seen = (await tx.select().from(t.actionKeys).all()).length;
      return items.map((n) => seen * 1000 + n);
    };
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => engine.gather!('cle', n, run, { lock: 'journal:g' })));
    // The first runs alone; the others arrived meanwhile and went together (up to 64).
    expect(groups[0]).toEqual([0]);
    expect(groups.flat()).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(groups.length).toBeLessThan(20);
    const failed = groups.find((g) => g.includes(13))!;
    outcomes.forEach((o, n) => {
      if (failed.includes(n)) expect(o).toMatchObject({ status: 'rejected', reason: { message: 'refusé' } });
      else expect(o).toMatchObject({ status: 'fulfilled', value: expect.any(Number) });
      if (o.status === 'fulfilled') expect(o.value % 1000).toBe(n);
    });
    // The failed group left nothing; the others are all there.
    const stored = (await engine.db.select().from(t.actionKeys).all()).map((r) => Number(r.key)).sort((a, b) => a - b);
    expect(stored).toEqual(Array.from({ length: 20 }, (_, n) => n).filter((n) => !failed.includes(n)));
  });
});

describe.each(['sqlite', 'postgres'] as const)('writes sent together on %s', (name) => {
  it('a row and the rows that refer to it, in one statement on PostgreSQL; one part refused, nothing written', async () => {
    const engine = await open(name);
    const t = tablesFor(name);
    const sent = await textsSent(() =>
      engine.transaction((tx) =>
        writeTogether(tx, [
          tx.insert(t.classSessions).values({ id: 'w', name: 'Séance w', joinCode: 'WWWWWW' }),
          tx.insert(t.actionKeys).values({ ...keyRow(1), classSessionId: 'w' }),
          tx.insert(t.actionKeys).values({ ...keyRow(2), classSessionId: 'w' }),
        ]),
      ),
    );
    // The foreign keys of the later parts hold: their séance was inserted in the same statement.
    expect((await engine.db.select().from(t.actionKeys).where(eq(t.actionKeys.classSessionId, 'w')).all()).map((r) => r.key).sort()).toEqual(['1', '2']);
    if (name === 'postgres') expect(sent.filter((q) => !/^(BEGIN|COMMIT)/.test(q)).map((q) => q.slice(0, 40))).toEqual(['WITH w0 AS (insert into "class_sessions"']);
    // A part refused (a key that exists) and the whole is refused: the séance before it is not there either.
    await expect(
      engine.transaction((tx) => writeTogether(tx, [tx.insert(t.classSessions).values({ id: 'w2', name: 'Séance w2', joinCode: 'WWWWW2' }), tx.insert(t.actionKeys).values({ ...keyRow(1), classSessionId: 'w' })])),
    ).rejects.toThrow();
    expect(await engine.db.select().from(t.classSessions).where(eq(t.classSessions.id, 'w2')).all()).toEqual([]);
  });
});

describe('PostgreSQL write transactions plan for the tables as they are now', () => {
  it('a foreign key checked against a table that grew keeps using its index (it scanned the table on a connection that planned once)', async () => {
    const engine = await open('postgres');
    const url = urls.get(engine)!;
    type Rows = Record<string, unknown>[];
    type Raw = { execute(query: ReturnType<typeof sql>): Promise<{ rows: Rows }> };
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    for (const t of ['ours', 'plain']) {
      await setup.query(`CREATE TABLE parent_${t} (id text PRIMARY KEY, pad text)`);
      await setup.query(`CREATE TABLE child_${t} (parent_id text REFERENCES parent_${t} (id))`);
    }
    await setup.end();
    // In one transaction on one connection: the check planned on a table of a few rows, as autovacuum last measured it
    // (ten times: after five PostgreSQL may keep one plan), the table grown to 20 000 rows, one more check; what it
    // scanned, by the transaction's counts.
    const scansAfterGrowth = async (t: string, query: (text: string) => Promise<Rows>) => {
      for (let i = 0; i < 6; i++) await query(`INSERT INTO parent_${t} VALUES ('p${i}', 'x')`);
      await query(`ANALYZE parent_${t}`);
      for (let i = 0; i < 10; i++) await query(`INSERT INTO child_${t} VALUES ('p${i % 6}')`);
      await query(`INSERT INTO parent_${t} SELECT 'g' || g, repeat('x', 200) FROM generate_series(1, 20000) g`);
      const counts = async () => (await query(`SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'parent_${t}'`))[0]!;
      const before = await counts();
      await query(`INSERT INTO child_${t} VALUES ('g20000')`);
      const after = await counts();
      return { seq: Number(after.seq_scan) - Number(before.seq_scan), idx: Number(after.idx_scan) - Number(before.idx_scan) };
    };
    // The engine's write transactions: a custom plan each time, the check is one index lookup. (Rolled back.)
    let ours: unknown;
    await transaction(engine.db, async (tx) => {
      const query = async (text: string) => (await (tx as unknown as Raw).execute(sql.raw(text))).rows;
      expect(await query('SHOW plan_cache_mode')).toEqual([{ plan_cache_mode: 'force_custom_plan' }]);
      ours = await scansAfterGrowth('ours', query);
      throw new Error('rolled back');
    }).catch((error: Error) => expect(error.message).toBe('rolled back'));
    expect(ours).toEqual({ seq: 0, idx: 1 });
    // PostgreSQL's default, as the engine's writes had it: the plan made on the small table reads it all.
    const plain = new pg.Client({ connectionString: url });
    await plain.connect();
    try {
      await plain.query('BEGIN');
      expect((await plain.query('SHOW plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }]);
      expect(await scansAfterGrowth('plain', async (text) => (await plain.query(text)).rows)).toEqual({ seq: 1, idx: 0 });
      await plain.query('ROLLBACK');
    } finally {
      await plain.end();
    }
  });
});

describe('PostgreSQL transactions with a named lock', () => {
  it('send BEGIN and the lock in one round trip; a name with quotes is one lock; a failed one leaves its connection clean', async () => {
    const engine = await open('postgres');
    const t = tablesFor('postgres');
    await engine.db.insert(t.classSessions).values({ id: 'g', name: 'Séance g', joinCode: 'GGGGGG' });
    const sent = await textsSent(() => engine.transaction((tx) => tx.insert(t.actionKeys).values(keyRow(1)).run(), { lock: "journal:l'a\\b" }));
    expect(sent.map((q) => q.replace(/\s+/g, ' ').slice(0, 40))).toEqual([
      "BEGIN; SELECT pg_advisory_xact_lock(hash",
      'insert into "action_keys" ("key", "actor',
      'COMMIT',
    ]);
    expect(sent[0]).toContain(`hashtextextended('journal:l''a\\b', 0)`);

    // The same name (quotes and all) is one lock: the second waits for the first; another name does not.
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = engine.transaction(async () => {
      order.push('premier');
      await held;
      order.push('premier fini');
    }, { lock: "journal:l'a\\b" });
    await new Promise((r) => setTimeout(r, 50));
    const other = engine.transaction(async () => void order.push('autre nom'), { lock: 'journal:l' });
    const second = engine.transaction(async () => void order.push('second'), { lock: "journal:l'a\\b" });
    await other;
    await new Promise((r) => setTimeout(r, 50));
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['premier', 'autre nom', 'premier fini', 'second']);

    // A transaction that fails rolls back and frees its lock and its connection (a pool of one: the next one runs).
    const single = postgresEngine(urls.get(engine)!, { max: 1 });
    opened.push(single);
    await expect(single.transaction(async (tx) => {
      await tx.insert(t.actionKeys).values(keyRow(2)).run();
      throw new Error('refusé');
    }, { lock: 'journal:l' })).rejects.toThrow('refusé');
    await expect(single.transaction(async (tx) => tx.insert(t.actionKeys).values(keyRow(2)).run().then(() => 'ok'), { lock: 'journal:l' })).resolves.toBe('ok');
    // A statement that fails inside (a duplicate key, run again then thrown) leaves no transaction open either.
    await expect(single.transaction((tx) => tx.insert(t.actionKeys).values(keyRow(2)).run(), { lock: 'journal:l' })).rejects.toThrow();
    await expect(single.transaction(async (tx) => tx.insert(t.actionKeys).values(keyRow(3)).run().then(() => 'ok'), { lock: 'journal:l' })).resolves.toBe('ok');
    expect((await engine.db.select().from(t.actionKeys).all()).map((r) => r.key).sort()).toEqual(['1', '2', '3']);
  });
});

describe('PostgreSQL sends a transaction’s statements without waiting where it may', () => {
  it('BEGIN, the lock and the transaction’s first read in one round trip, the last writes and COMMIT in another; the read still sees what the lock’s previous holder committed', async () => {
    const engine = await open('postgres');
    const t = tablesFor('postgres');
    await engine.db.insert(t.classSessions).values({ id: 'g', name: 'Séance g', joinCode: 'GGGGGG' });
    // Each reads how many keys there are and writes the next, as an append to a séance's journal reads its heads.
    let runs = 0;
    const next = (on: Engine) =>
      on.transaction(
        async (tx, n) => {
          runs += 1;
          await writeWithCommit(tx, [tx.insert(t.actionKeys).values(keyRow(n + 1))]);
          return n + 1;
        },
        { lock: 'journal:g', read: async (tx: AsyncExecutor) => (await tx.select({ n: sql<number>`count(*)::int` }).from(t.actionKeys).where(eq(t.actionKeys.classSessionId, 'g')).all())[0]!.n },
      );
    const trips = await tripsOf(() => next(engine));
    expect(trips.map(({ text, trip }) => [text.replace(/\s+/g, ' ').slice(0, 36), trip])).toEqual([
      ['BEGIN; SELECT pg_advisory_xact_lock(', 1],
      ['select count(*)::int from "action_ke', 1],
      ['insert into "action_keys" ("key", "a', 2],
      ['COMMIT', 2],
    ]);
    // Twenty at once, from two pools (two app servers): each read, sent behind the lock, sees the commit of the one
    // before it — every number once, and no transaction refused and run again.
    const other = postgresEngine(urls.get(engine)!);
    opened.push(other);
    runs = 0;
    const numbers = await Promise.all(Array.from({ length: 20 }, (_, i) => next(i % 2 ? other : engine)));
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect(runs).toBe(20);
  });

  it('a write sent with the COMMIT that is refused fails the transaction whole, with its own error; later statements see it', async () => {
    const engine = await open('postgres');
    const t = tablesFor('postgres');
    await engine.db.insert(t.classSessions).values({ id: 'g', name: 'Séance g', joinCode: 'GGGGGG' });
    // Statements after it, in the same transaction, see its row.
    const seen = await engine.transaction(async (tx) => {
      await writeWithCommit(tx, [tx.insert(t.actionKeys).values(keyRow(1))]);
      return (await tx.select().from(t.actionKeys).where(eq(t.actionKeys.key, '1')).all()).length;
    });
    expect(seen).toBe(1);
    // A key that exists: refused when the COMMIT is answered, run again as any refused unique key (five times), then
    // thrown with the driver's error; the séance written before it in the transaction is not there.
    let runs = 0;
    await expect(engine.transaction(async (tx) => {
      runs += 1;
      await tx.insert(t.classSessions).values({ id: 'h', name: 'Séance h', joinCode: 'HHHHHH' }).run();
      await writeWithCommit(tx, [tx.insert(t.actionKeys).values(keyRow(1))]);
    })).rejects.toMatchObject({ cause: { code: '23505' } });
    expect(runs).toBe(5);
    expect(await engine.db.select().from(t.classSessions).where(eq(t.classSessions.id, 'h')).all()).toEqual([]);
    // The connection is clean afterwards (a pool of one).
    const single = postgresEngine(urls.get(engine)!, { max: 1 });
    opened.push(single);
    await expect(single.transaction(async (tx) => writeWithCommit(tx, [tx.insert(t.actionKeys).values(keyRow(1))]))).rejects.toMatchObject({ cause: { code: '23505' } });
    await expect(single.transaction(async (tx) => writeWithCommit(tx, [tx.insert(t.actionKeys).values(keyRow(2))]).then(() => 'ok'))).resolves.toBe('ok');
    expect((await engine.db.select().from(t.actionKeys).all()).map((r) => r.key).sort()).toEqual(['1', '2']);
  });

  it('a lock that fails: the transaction fails with the lock’s error, not with what the statements sent behind it were told', async () => {
    const engine = await open('postgres');
    const url = urls.get(engine)!;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    const canceller = new pg.Client({ connectionString: url });
    await canceller.connect();
    try {
      await holder.query("BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('journal:k', 0))");
      let ran = false;
      let read = false;
      const waiting = engine.transaction(async () => void (ran = true), {
        lock: 'journal:k',
        read: async (tx) => void (read = true, await tx.select().from(tablesFor('postgres').actionKeys).all()),
      });
      // It fails as soon as the cancel lands, while this test still awaits the canceller's answer: handled from now on.
      waiting.catch(() => undefined);
      // The transaction's lock waits; cancelled, as a statement timeout or an operator would.
      let pid: number | undefined;
      for (let i = 0; i < 100 && !pid; i++) {
        pid = (await canceller.query("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'BEGIN; SELECT pg_advisory_xact_lock%'")).rows[0]?.pid;
        if (!pid) await new Promise((r) => setTimeout(r, 20));
      }
      expect(pid).toBeDefined();
      await canceller.query('SELECT pg_cancel_backend($1)', [pid]);
      await expect(waiting).rejects.toMatchObject({ code: '57014' });
      expect(read).toBe(true); // its read was sent behind the lock (and refused: the transaction had failed)
      expect(ran).toBe(false);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
      await canceller.end();
    }
  });
});

const keyRow = (n: number): typeof sqliteSchema.actionKeys.$inferInsert => ({ key: String(n), actor: 'test', action: 'test', classSessionId: 'g', createdAt: new Date() });

function personaRow(id: string, classSessionId: string): typeof sqliteSchema.personas.$inferInsert {
  return {
    id,
    classSessionId,
    key: `personne-${id}`,
    givenNames: 'Karim',
    familyName: 'Benali',
    gender: 'male',
    birthdate: '1991-07-02',
    birthplaceName: 'Villeneuve-sur-Brenne',
    birthcountryCode: '99100',
    birthcountryName: 'France',
    email: `${id}@exemple.test`,
    phone: '0600000000',
    addressLine: '24 rue des Tanneurs',
    postalCode: '99100',
    city: 'Villeneuve-sur-Brenne',
    occupation: 'Technicien',
    digitalProfile: 'autonome',
    scenarioTitle: 'Un scénario',
    situation: 'Une situation',
    goal: 'Un but',
    constraints: 'Aucune',
  };
}
