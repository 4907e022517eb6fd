import { engineFor } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { Db } from '../../db/client';
import { agents, classSessions, flashMessages, personas, teachers } from '../../db/schema';
import { readJournal } from '../platform/journal-view';
import { agentQueue } from '../procedures/agent';
import { fileParkingCardWithConsent } from '../procedures/parking-card/start';
import { sendClassroomMessage } from './messages';
import { deviceHash, joinSession, newDeviceSecret } from './participants';
import { createSession, deleteSession, demoSession, purgeExpiredSessions, resetSession } from './sessions';

/** Rows of one séance in every table that has a class_session_id column. */
function rowsOf(db: Db, classSessionId: string): Record<string, number> {
  const tables = db.$client
    .prepare("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'class_session_id') ORDER BY m.name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.$client.prepare(`SELECT count(*) FROM "${t}" WHERE class_session_id = ?`).pluck().get(classSessionId) as number]));
}

async function activity(db: Db, classSessionId: string) {
  // Students join, the teacher writes to one of them, someone is rate-limited (not tied to a séance).
  const session = db.select().from(classSessions).where(eq(classSessions.id, classSessionId)).get()!;
  const joined = joinSession(db, session, 'Renard', deviceHash(newDeviceSecret()));
  if (joined.ok) sendClassroomMessage(db, { classSessionId, participantId: joined.participant.id, kind: 'indice', title: 'Indice', body: 'Regardez le journal.' });
  joinSession(db, session, 'Hibou', deviceHash(newDeviceSecret()));
  const karim = db.select().from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, classSessionId))).get()!;
  return fileParkingCardWithConsent(db, karim, { kind: 'usager', id: karim.id, label: 'Karim' });
}

async function setup() {
  const db = await freshDb();
  const teacher = db.select().from(teachers).get()!;
  return { db, teacher };
}

describe('séances', async () => {
  it('each get their own world, join code and deletion date', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(engineFor(db), teacher.id, { name: 'BTS 1', preset: 'tout' });
    const b = await createSession(engineFor(db), teacher.id, { name: 'BTS 2', preset: 'stationnement' });
    expect(a.joinCode).not.toBe(b.joinCode);
    expect(a.expiresAt!.getTime() - a.createdAt.getTime()).toBe(30 * 86_400_000);
    const demo = rowsOf(db, demoSession(db)!.id);
    expect(rowsOf(db, a.id)).toEqual(demo);
    expect(rowsOf(db, a.id).personas).toBe(26);
    expect(rowsOf(db, a.id).platform_tokens).toBe(9);
  });

  it('run side by side without seeing each other’s data', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(engineFor(db), teacher.id, { name: 'A', preset: 'tout' });
    const b = await createSession(engineFor(db), teacher.id, { name: 'B', preset: 'tout' });
    db.update(classSessions).set({ bodiesPlayed: ['ville'] }).where(eq(classSessions.id, b.id)).run();
    const filed = await activity(db, a.id);
    expect(filed.state).toBe('accepte');
    const cityOf = (s: string) => db.select().from(agents).where(and(eq(agents.agencyId, 'ville'), eq(agents.classSessionId, s))).get()!;
    expect(agentQueue(db, cityOf(a.id)).map((r) => r.c.id)).toEqual([filed.id]);
    expect(agentQueue(db, cityOf(b.id))).toEqual([]);
    expect(readJournal(db, { kind: 'enseignant', classSessionId: a.id })).toHaveLength(2);
    expect(readJournal(db, { kind: 'enseignant', classSessionId: b.id })).toEqual([]);
    const karimB = db.select().from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, b.id))).get()!;
    expect(readJournal(db, { kind: 'usager', classSessionId: b.id, personaId: karimB.id })).toEqual([]);
    const rowsB = rowsOf(db, b.id);
    expect(rowsB.cases).toBe(0);
    expect(rowsB.documents).toBe(0);
    expect(rowsB.consents).toBe(0);
    expect(rowsB.participants).toBe(0);
    expect(rowsOf(db, a.id).participants).toBe(2);
  });

  it('reset leaves only the seed, delete leaves no row; the other séance is untouched', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(engineFor(db), teacher.id, { name: 'A', preset: 'tout' });
    const b = await createSession(engineFor(db), teacher.id, { name: 'B', preset: 'tout' });
    const seeded = rowsOf(db, a.id);
    await activity(db, a.id);
    await activity(db, b.id);
    const bBefore = rowsOf(db, b.id);
    expect(rowsOf(db, a.id)).not.toEqual(seeded); // cases, journal, consents, documents, the city's card…

    const again = await resetSession(engineFor(db), a.id);
    expect(again).toMatchObject({ id: a.id, joinCode: a.joinCode, name: 'A' });
    expect(rowsOf(db, a.id)).toEqual(seeded);
    expect(rowsOf(db, b.id)).toEqual(bBefore);

    await deleteSession(engineFor(db), a.id);
    expect(Object.entries(rowsOf(db, a.id)).filter(([, n]) => n > 0)).toEqual([]);
    expect(db.select().from(classSessions).where(eq(classSessions.id, a.id)).get()).toBeUndefined();
    expect(rowsOf(db, b.id)).toEqual(bBefore);
  });

  it('are deleted automatically after their retention date; the demonstration séance stays', async () => {
    const { db, teacher } = await setup();
    const a = await createSession(engineFor(db), teacher.id, { name: 'A', preset: 'tout' }, new Date('2026-01-01T00:00:00Z'));
    expect(await purgeExpiredSessions(engineFor(db), new Date('2026-01-30T00:00:00Z'))).toBe(0);
    expect(await purgeExpiredSessions(engineFor(db), new Date('2026-02-01T00:00:00Z'))).toBe(1);
    expect(Object.values(rowsOf(db, a.id)).every((n) => n === 0)).toBe(true);
    expect(demoSession(db)).not.toBeNull();
  });

  it('drop the messages nobody came to read after ten minutes (lib/flash.ts), keep the fresh ones', async () => {
    const { db } = await setup();
    const now = new Date('2026-03-01T12:00:00Z');
    db.insert(flashMessages).values({ id: 'ancien', text: 'Le message est envoyé.', tone: 'succes', createdAt: new Date(now.getTime() - 11 * 60_000) }).run();
    db.insert(flashMessages).values({ id: 'recent', text: 'C’est enregistré.', tone: 'succes', createdAt: new Date(now.getTime() - 60_000) }).run();
    await purgeExpiredSessions(engineFor(db), now);
    expect(db.select().from(flashMessages).all().map((m) => m.id)).toEqual(['recent']);
  });
});
