import { type AsyncExecutor, getEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb, rawSql, rowsOfSession, tablesOfSessions } from '../../test/db';
import { agents, classSessions, flashMessages, personas, teachers } from '../../db/tables';
import { readJournal } from '../platform/journal-view';
import { agentQueue } from '../procedures/agent';
import { fileParkingCardWithConsent } from '../procedures/parking-card/start';
import { sendClassroomMessage } from './messages';
import { deviceHash, joinSession, newDeviceSecret } from './participants';
import { createSession, deleteSession, demoSession, purgeExpiredSessions, resetSession } from './sessions';

/** Rows of one séance in every table that has a class_session_id column. */
async function rowsOf(db: AsyncExecutor, classSessionId: string): Promise<Record<string, number>> {
  const tables = await tablesOfSessions();
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rowsOfSession(t, classSessionId)] as const)));
}

async function activity(db: AsyncExecutor, classSessionId: string) {
  // Students join, the teacher writes to one of them, someone is rate-limited (not tied to a séance).
  const session = (await db.select().from(classSessions).where(eq(classSessions.id, classSessionId)).get())!;
  const joined = await joinSession(db, session, 'Renard', deviceHash(newDeviceSecret()));
  if (joined.ok) await sendClassroomMessage(db, { classSessionId, participantId: joined.participant.id, kind: 'indice', title: 'Indice', body: 'Regardez le journal.' });
  await joinSession(db, session, 'Hibou', deviceHash(newDeviceSecret()));
  const karim = (await db.select().from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, classSessionId))).get())!;
  return fileParkingCardWithConsent(db, karim, { kind: 'usager', id: karim.id, label: 'Karim' });
}

async function setup() {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  return { db, teacher };
}

describe('séances', async () => {
  it('each get their own world, join code and deletion date', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(getEngine(), teacher.id, { name: 'BTS 1', preset: 'tout' });
    const b = await createSession(getEngine(), teacher.id, { name: 'BTS 2', preset: 'stationnement' });
    expect(a.joinCode).not.toBe(b.joinCode);
    expect(a.expiresAt!.getTime() - a.createdAt.getTime()).toBe(30 * 86_400_000);
    const demo = (await rowsOf(db, (await demoSession(db))!.id));
    expect((await rowsOf(db, a.id))).toEqual(demo);
    expect((await rowsOf(db, a.id)).personas).toBe(32);
    expect((await rowsOf(db, a.id)).platform_tokens).toBe(11);
  });

  it('run side by side without seeing each other’s data', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(getEngine(), teacher.id, { name: 'A', preset: 'tout' });
    const b = await createSession(getEngine(), teacher.id, { name: 'B', preset: 'tout' });
    await db.update(classSessions).set({ bodiesPlayed: ['ville'] }).where(eq(classSessions.id, b.id)).run();
    const filed = await activity(db, a.id);
    expect(filed.state).toBe('accepte');
    const cityOf = async (s: string) => (await db.select().from(agents).where(and(eq(agents.agencyId, 'ville'), eq(agents.classSessionId, s))).get())!;
    expect((await agentQueue(db, await cityOf(a.id))).rows.map((r) => r.c.id)).toEqual([filed.id]);
    expect((await agentQueue(db, await cityOf(b.id))).rows).toEqual([]);
    expect(await readJournal(db, { kind: 'enseignant', classSessionId: a.id })).toHaveLength(2);
    expect(await readJournal(db, { kind: 'enseignant', classSessionId: b.id })).toEqual([]);
    const karimB = (await db.select().from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, b.id))).get())!;
    expect(await readJournal(db, { kind: 'usager', classSessionId: b.id, personaId: karimB.id })).toEqual([]);
    const rowsB = (await rowsOf(db, b.id));
    expect(rowsB.cases).toBe(0);
    expect(rowsB.documents).toBe(0);
    expect(rowsB.consents).toBe(0);
    expect(rowsB.participants).toBe(0);
    expect((await rowsOf(db, a.id)).participants).toBe(2);
  });

  it('reset leaves only the seed, delete leaves no row; the other séance is untouched', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(getEngine(), teacher.id, { name: 'A', preset: 'tout' });
    const b = await createSession(getEngine(), teacher.id, { name: 'B', preset: 'tout' });
    const seeded = (await rowsOf(db, a.id));
    await activity(db, a.id);
    await activity(db, b.id);
    const bBefore = (await rowsOf(db, b.id));
    expect((await rowsOf(db, a.id))).not.toEqual(seeded); // cases, journal, consents, documents, the city's card…

    const again = await resetSession(getEngine(), a.id);
    expect(again).toMatchObject({ id: a.id, joinCode: a.joinCode, name: 'A' });
    expect((await rowsOf(db, a.id))).toEqual(seeded);
    expect((await rowsOf(db, b.id))).toEqual(bBefore);

    await deleteSession(getEngine(), a.id);
    expect(Object.entries((await rowsOf(db, a.id))).filter(([, n]) => n > 0)).toEqual([]);
    expect(await db.select().from(classSessions).where(eq(classSessions.id, a.id)).get()).toBeUndefined();
    expect((await rowsOf(db, b.id))).toEqual(bBefore);
  });

  it('are deleted automatically after their retention date; the demonstration séance stays', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(getEngine(), teacher.id, { name: 'A', preset: 'tout' }, new Date('2026-01-01T00:00:00Z'));
    expect(await purgeExpiredSessions(getEngine(), new Date('2026-01-30T00:00:00Z'))).toBe(0);
    expect(await purgeExpiredSessions(getEngine(), new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(Object.values((await rowsOf(db, a.id))).every((n) => n === 0)).toBe(true);
    expect(await demoSession(db)).not.toBeNull();
  });

  it('drop the messages nobody came to read after ten minutes (lib/flash.ts), keep the fresh ones', async () => {
    const { db } = await setup();
    const now = new Date('2026-03-01T12:00:00Z');
    await db.insert(flashMessages).values({ id: 'ancien', text: 'Le message est envoyé.', tone: 'succes', createdAt: new Date(now.getTime() - 11 * 60_000) }).run();
    await db.insert(flashMessages).values({ id: 'recent', text: 'C’est enregistré.', tone: 'succes', createdAt: new Date(now.getTime() - 60_000) }).run();
    await purgeExpiredSessions(getEngine(), now);
    expect((await db.select().from(flashMessages).all()).map((m) => m.id)).toEqual(['recent']);
  });
});
