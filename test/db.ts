import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { applyMigrations, openDatabase, setDb, type Db } from '../db/client';
import { prepareDatabase } from '../db/prepare';

// One data folder (secrets, first login) per test worker: workers run in parallel, files within one do not.
process.env.EGUICHET_DATA_DIR ??= path.join(os.tmpdir(), `e-guichet-vitest-${process.pid}-${threadId}`);

/**
 * A fresh in-memory database built from the real migrations and seeded like a first start,
 * installed as the process's connection (each test file runs in its own module graph).
 */
export async function freshDb(): Promise<Db> {
  const db = openDatabase(':memory:');
  applyMigrations(db);
  setDb(db);
  await prepareDatabase(db);
  return db;
}
