import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type AsyncExecutor } from '../../db/engine';
import { teachers } from '../../db/tables';
import type { Env } from '../env';
import { hashPassword, newReadablePassword, verifyPassword } from './password';
import { clientKey, hit, isLimited, type RateLimit } from '../rate-limit';

/** File where the teacher's first password is kept until they change it (git-ignored data folder). */
export const firstLoginFile = (dataDir: string) => path.join(dataDir, 'premier-acces-enseignant.txt');

export type Teacher = typeof teachers.$inferSelect;

/**
 * Creates the teacher's account on first start. The password comes from EGUICHET_TEACHER_PASSWORD,
 * or is generated and written to data/ so that `npm start` can print it.
 */
export async function ensureTeacher(db: AsyncExecutor, config: Pick<Env, 'teacherEmail' | 'teacherPassword' | 'dataDir'>): Promise<Teacher> {
  const existing = await db.select().from(teachers).where(eq(teachers.email, config.teacherEmail)).get();
  if (existing) return existing;
  const password = config.teacherPassword ?? newReadablePassword();
  if (!config.teacherPassword) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(firstLoginFile(config.dataDir), `${config.teacherEmail}\n${password}\n`, { mode: 0o600 });
  }
  const [created] = await db
    .insert(teachers)
    .values({ id: crypto.randomUUID(), email: config.teacherEmail.toLowerCase(), displayName: 'Enseignant·e', passwordHash: hashPassword(password) })
    .returning();
  return created!;
}

/** The first login as printed by `npm start`, while the generated password has not been changed. */
export function readFirstLogin(dataDir: string): { email: string; password: string } | null {
  try {
    const [email, password] = fs.readFileSync(firstLoginFile(dataDir), 'utf8').split('\n');
    return email && password ? { email, password } : null;
  } catch {
    return null;
  }
}

export async function authenticateTeacher(db: AsyncExecutor, email: string, password: string): Promise<Teacher | null> {
  const teacher = await db.select().from(teachers).where(eq(teachers.email, email.trim().toLowerCase())).get();
  // Hash anyway when the account is unknown, so that timing does not reveal which e-mails exist.
  const ok = verifyPassword(password, teacher?.passwordHash ?? hashPassword('compte-inconnu'));
  return teacher && ok ? teacher : null;
}

/** Wrong passwords per client address before the sign-in is refused for a while (RFC 9700 / ASVS: slow down guessing). */
export const teacherSignInLimit: RateLimit = { limit: 10, windowMs: 15 * 60_000 };

/** The teacher's sign-in with its rate limit: failures are counted per address; over the limit, even a right password waits. */
export async function teacherSignIn(db: AsyncExecutor, email: string, password: string, address: string): Promise<{ teacher: Teacher } | { error: 'identifiants' | 'trop_essais' }> {
  const key = clientKey('connexion-enseignant', address);
  if (!(await isLimited(db, key, teacherSignInLimit)).allowed) return { error: 'trop_essais' };
  const teacher = await authenticateTeacher(db, email, password);
  if (teacher) return { teacher };
  await hit(db, key, teacherSignInLimit);
  return { error: 'identifiants' };
}
