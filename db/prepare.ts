import { registerAppClients } from '../lib/auth/idp/clients';
import { ensureTeacher } from '../lib/auth/teacher';
import { env } from '../lib/env';
import { purgeExpiredSessions } from '../lib/classroom/sessions';
import { purgeRateLimits } from '../lib/rate-limit';
import { ensurePlatformTokens } from '../lib/platform/tokens';
import { secrets } from '../lib/secrets';
import { applyMigrations, type Db } from './client';
import { classSessions } from './schema';
import { ensureAidants, seedIfEmpty } from './seed';

/**
 * Everything a first start needs, and nothing a later start would redo:
 * migrations, the teacher's account, the reference world and demonstration séance, the OIDC clients,
 * the bodies' platform tokens.
 */
export function prepareDatabase(db: Db) {
  applyMigrations(db);
  const teacher = ensureTeacher(db, env());
  const demo = seedIfEmpty(db, teacher.id);
  registerAppClients(db, env().baseUrl, secrets().oidcClientSecrets);
  ensureAidants(db);
  purgeExpiredSessions(db);
  purgeRateLimits(db);
  for (const { id } of db.select({ id: classSessions.id }).from(classSessions).all()) ensurePlatformTokens(db, id);
  return { teacher, demo };
}
