import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { env } from '../env';
import { hashPassword, newReadablePassword, verifyPassword } from './password';
import { authenticateTeacher, readFirstLogin } from './teacher';

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

  it('creates the teacher on first start with a password printed once in data/', () => {
    const db = freshDb();
    const login = readFirstLogin(env().dataDir);
    expect(login?.email).toBe('enseignant@e-guichet.test');
    expect(authenticateTeacher(db, 'Enseignant@e-guichet.test ', login?.password ?? '')).not.toBeNull();
    expect(authenticateTeacher(db, 'enseignant@e-guichet.test', 'faux')).toBeNull();
    expect(authenticateTeacher(db, 'inconnu@e-guichet.test', login?.password ?? '')).toBeNull();
  });
});
