import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { env } from '../env';
import { hashPassword, newReadablePassword, verifyPassword } from './password';
import { authenticateTeacher, readFirstLogin, teacherSignIn, teacherSignInLimit } from './teacher';
import { teachers } from '../../db/tables';

describe('passwords', () => {
  it('hashes with a salt and verifies only the right password', () => {
    const a = hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hashPassword('correct horse')).not.toBe(a);
    expect(verifyPassword('correct horse', a)).toBe(true);
    expect(verifyPassword('correct hors', a)).toBe(false);
    expect(verifyPassword('x', 'nonsense')).toBe(false);
  });

  it('generates readable first passwords', () => {
    expect(newReadablePassword()).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  });

  it('creates the teacher on first start with a password printed once in data/', async () => {
    const db = await freshDb();
    const login = readFirstLogin(env().dataDir);
    expect(login?.email).toBe('enseignant@e-guichet.test');
    expect(await authenticateTeacher(db, 'Enseignant@e-guichet.test ', login?.password ?? '')).not.toBeNull();
    expect(await authenticateTeacher(db, 'enseignant@e-guichet.test', 'faux')).toBeNull();
    expect(await authenticateTeacher(db, 'inconnu@e-guichet.test', login?.password ?? '')).toBeNull();
  });
});

describe('the teacher’s sign-in', () => {
  // Thirteen scrypt hashes: CPU-bound, and the suite runs on both engines at once (the time asserts nothing here).
  it('is refused for a while after 10 wrong passwords from one address, even with the right one; another address is not affected', { timeout: 20_000 }, async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const password = 'le-bon-mot-de-passe-123';
    await db.update(teachers).set({ passwordHash: hashPassword(password) }).run();
    expect(await teacherSignIn(db, teacher.email, password, '10.0.0.1')).toMatchObject({ teacher: { id: teacher.id } });
    for (let i = 0; i < teacherSignInLimit.limit; i++) expect(await teacherSignIn(db, teacher.email, 'faux', '10.0.0.1')).toEqual({ error: 'identifiants' });
    expect(await teacherSignIn(db, teacher.email, password, '10.0.0.1')).toEqual({ error: 'trop_essais' });
    expect(await teacherSignIn(db, teacher.email, password, '10.0.0.2')).toMatchObject({ teacher: { id: teacher.id } });
  });
});
