import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/client';
import { prepareDatabase } from '../db/prepare';
import { readEnv, type Env } from '../lib/env';
import { loadOrCreateSecrets } from '../lib/secrets';

/** Deletes the database file and its WAL companions (the secrets are kept). */
export function removeDatabase(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
}

/** Secrets, migrations, first seed: what every entry point does before serving. */
export function prepare(options: { resetDatabase?: boolean } = {}): { env: Env; db: Db; result: ReturnType<typeof prepareDatabase> } {
  const env = readEnv();
  fs.mkdirSync(env.dataDir, { recursive: true });
  loadOrCreateSecrets(env.dataDir);
  if (options.resetDatabase && env.dbPath !== ':memory:') removeDatabase(env.dbPath);
  const db = openDatabase(env.dbPath);
  const result = prepareDatabase(db);
  return { env, db, result };
}

export const projectRoot = path.resolve(__dirname, '..');
