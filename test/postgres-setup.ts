import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../db/pg/migrate';
import { createTestDatabase, startTestPostgres } from './postgres';

// The unit suite's PostgreSQL run (vitest project "postgres"): one throwaway server for the whole run and one migrated
// database that each test's fresh database is copied from (CREATE DATABASE … TEMPLATE, much faster than migrating).
export default async function setup(project: TestProject) {
  const server = await startTestPostgres();
  const template = await createTestDatabase(server, 'eguichet_modele');
  await migratePostgres(template);
  project.provide('postgresServerUrl', server.url);
  return () => server.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}
