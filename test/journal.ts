import { freshDb } from './db';
import type { AsyncExecutor } from '../db/engine';
import { classSessions } from '../db/tables';
import type { JournalInput } from '../lib/platform/journal';

/** A fresh database with two bare séances, s1 and s2, for the journal's tests. */
export async function twoSessions(): Promise<AsyncExecutor> {
  const db = await freshDb();
  await db.insert(classSessions).values([
    { id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' },
    { id: 's2', name: 'Séance 2', joinCode: 'BBBBBB' },
  ]).run();
  return db;
}

/** A granted exchange of the city with the SIV in that séance, as the journal takes it. */
export const exchange = (classSessionId: string, overrides: Partial<JournalInput> = {}): JournalInput => ({
  classSessionId,
  consumer: 'ville',
  provider: 'siv',
  items: ['siv.vehicules'],
  purpose: 'carte_stationnement_residentiel',
  legalBasis: 'consentement',
  result: 'accorde',
  reason: null,
  subject: null,
  caseId: null,
  ...overrides,
});
