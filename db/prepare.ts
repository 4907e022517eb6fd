import { registerAppClients } from '../lib/auth/idp/clients';
import { ensureTeacher } from '../lib/auth/teacher';
import { env } from '../lib/env';
import { purgeExpiredSessions } from '../lib/classroom/sessions';
import { purgeRateLimits } from '../lib/rate-limit';
import { ensurePlatformTokens } from '../lib/platform/tokens';
import { secrets } from '../lib/secrets';
import { applyMigrations, type Db } from './client';
import pg from 'pg';
import { engineFor, postgresEngine, type Engine } from './engine';
import { migratePostgres } from './pg/migrate';
import { classSessions } from './tables';
import { ensureAidants, seedIfEmpty } from './seed';

/**
 * Everything a first start needs, and nothing a later start would redo:
 * migrations, the teacher's account, the reference world and demonstration séance, the OIDC clients,
 * the bodies' platform tokens.
 */
export async function prepareDatabase(db: Db) {
  applyMigrations(db);
  return prepareData(engineFor(db));
}

/** The same on either engine, once its migrations have run (PostgreSQL: db/pg/migrate.ts). */
export async function prepareData(engine: Engine) {
  const teacher = await ensureTeacher(engine.db, env());
  const demo = await seedIfEmpty(engine, teacher.id);
  await registerAppClients(engine.db, env().baseUrl, secrets().oidcClientSecrets);
  await ensureAidants(engine);
  await purgeExpiredSessions(engine);
  await purgeRateLimits(engine);
  for (const { id } of await engine.db.select({ id: classSessions.id }).from(classSessions)) await ensurePlatformTokens(engine, id);
  return { teacher, demo };
}

/**
 * A start on PostgreSQL: the migrations, then the first start, each under an advisory lock, so that app servers started
 * together wait for the first one and then find everything done (the first start alone is not safe to run twice at
 * once: two teachers' accounts, two demonstration séances).
 */
export async function preparePostgres(url: string) {
  await migratePostgres(url);
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', ['e-guichet:premier-demarrage']);
    const engine = postgresEngine(url, { max: 2 });
    try {
      return await prepareData(engine);
    } finally {
      await engine.close();
    }
  } finally {
    await lock.end(); // the session's end releases its lock
  }
}
