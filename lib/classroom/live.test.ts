import { getEngine, transaction } from '../../db/engine';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { agencyIds, type AgencyId, type ExchangeResult } from '../../db/schema';
import { agents, personas, teachers } from '../../db/tables';
import { eq } from 'drizzle-orm';
import { appendJournalEntry } from '../platform/journal';
import { liveParticipants, liveSnapshot } from './live';
import { deviceHash, joinSession, newDeviceSecret, reassignParticipant } from './participants';
import { startOnBehalf } from '../procedures/agent';
import { stateLabels } from '../procedures/engine/state-machine';
import { createSession } from './sessions';
import { boxTextWidth } from './live-map';

describe('liveSnapshot', () => {
  it('counts every exchange per body and result, draws the 12 latest on the map and puts the 40 latest events in the feed, newest first', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Carte en direct', preset: 'tout' });
    const other = await createSession(getEngine(), teacher.id, { name: 'Une autre classe', preset: 'tout' });
    const pairs: [AgencyId, AgencyId][] = [['caf', 'dgfip'], ['ville', 'siv'], ['ville', 'dgfip'], ['cpam', 'caf']];
    const results: ExchangeResult[] = ['accorde', 'accorde', 'refuse', 'echec', 'accorde', 'inconnu', 'accorde'];
    const expected = new Map(agencyIds.map((id) => [id, { granted: 0, refused: 0, unknown: 0, failed: 0 }]));
    const key = { accorde: 'granted', refuse: 'refused', inconnu: 'unknown', echec: 'failed' } as const;
    for (let i = 0; i < 130; i++) {
      const [consumer, provider] = pairs[i % pairs.length]!;
      const result = results[i % results.length]!;
      const entry = { consumer, provider, items: ['x'], purpose: 'essai', legalBasis: null, result, reason: result === 'accorde' ? null : 'essai', subject: null, caseId: null };
      await transaction(db, async (tx) => appendJournalEntry(tx, { ...entry, classSessionId: session.id }));
      expected.get(consumer)![key[result]]++;
      expected.get(provider)![key[result]]++;
      // Another séance's exchanges never count here.
      if (i % 10 === 0) await transaction(db, async (tx) => appendJournalEntry(tx, { ...entry, classSessionId: other.id }));
    }

    const snapshot = await liveSnapshot(db, session);
    // Each body's line on the map: its counts as signs (« ? » only once a person was unknown to it).
    const line = (c: { granted: number; refused: number; unknown: number; failed: number }) => `✓\u00a0${c.granted}\u2003✗\u00a0${c.refused}\u2003!\u00a0${c.failed}${c.unknown > 0 ? `\u2003?\u00a0${c.unknown}` : ''}`;
    for (const body of snapshot.bodies) expect({ id: body.id, line: body.line }).toEqual({ id: body.id, line: line(expected.get(body.id)!) });
    expect(snapshot.bodies.find((b) => b.id === 'dgfip')).toMatchObject({ line: '✓\u00a037\u2003✗\u00a010\u2003!\u00a09\u2003?\u00a09', fit: boxTextWidth });
    // A body nobody asked writes its three zeros, unsqueezed: « ? » only once a person was unknown to it.
    expect(snapshot.bodies.find((b) => b.id === 'antai')).toMatchObject({ line: '✓\u00a00\u2003✗\u00a00\u2003!\u00a00', fit: null });
    // The map's text alternative counts each exchange once; the latest (sequence 130: Ville → SIV, the 130th result).
    expect(snapshot.summary).toMatch(/^Échanges\s: 74\saccordés, 19\srefusés, 19\sen échec, 18\spersonnes inconnues\. Dernier\s: .+ → .+, en échec\.$/);
    expect(snapshot.announcement).toMatch(/^Nouvel échange\s: .+ vers .+, en échec\.$/);
    expect(snapshot.exchanges.map((e) => e.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => 130 - i));
    expect(snapshot.timeline).toHaveLength(40);
    expect(snapshot.timeline.filter((e) => e.kind === 'echange').map((e) => e.id)).toEqual(Array.from({ length: 40 }, (_, i) => `j${130 - i}`));
  });

  it('the students’ tab reads the students as the cockpit shows them, without the rest of the snapshot', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Les élèves', preset: 'tout' });
    for (const pseudonym of ['Léa', 'Noé', 'Inès', 'Malo', 'Zoé']) expect((await joinSession(db, session, pseudonym, deviceHash(newDeviceSecret()))).ok).toBe(true);
    // Some are doing something: an agent keys in a request at the counter for a citizen played by another student.
    const byName = new Map((await liveParticipants(db, session)).participants.map((p) => [p.pseudonym, p.id]));
    const agentStudent = (await reassignParticipant(db, session, byName.get('Léa')!, { role: 'agent', subject: 'etat-civil' }))!;
    const citizenStudent = (await reassignParticipant(db, session, byName.get('Noé')!, 'citoyen'))!;
    await reassignParticipant(db, session, byName.get('Inès')!, 'observateur');
    const agent = (await db.select().from(agents).where(eq(agents.id, agentStudent.subjectId!)).get())!;
    await startOnBehalf(db, agent, citizenStudent.subjectId!, 'acte-naissance', 'guichet');

    const whole = await liveSnapshot(db, session);
    const students = await liveParticipants(db, session);
    expect(students).toEqual({ participants: whole.participants, joined: 5, expected: whole.expected });
    const doing = Object.fromEntries(students.participants.map((p) => [p.pseudonym, p.doing]));
    expect(doing).toEqual({
      Léa: 'A agi sur Acte de naissance',
      Noé: `Acte de naissance\u00a0: ${stateLabels.brouillon.toLowerCase()}`,
      Inès: 'Lit le journal et le catalogue',
      Malo: 'N’a encore rien fait',
      Zoé: 'N’a encore rien fait',
    });
  });

  it('counts cases by state for the procedures the class has cases in, and only those', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Les dossiers', preset: 'tout' });
    const before = (await liveSnapshot(db, session)).cases;
    for (const row of before) expect(Object.values(row.counts).reduce((a, b) => a + b, 0), row.procedure).toBeGreaterThan(0);
    expect(before.map((r) => r.procedure)).not.toContain('acte-naissance');
    expect((await joinSession(db, session, 'Léa', deviceHash(newDeviceSecret()))).ok).toBe(true);
    const byName = new Map((await liveParticipants(db, session)).participants.map((p) => [p.pseudonym, p.id]));
    const agentStudent = (await reassignParticipant(db, session, byName.get('Léa')!, { role: 'agent', subject: 'etat-civil' }))!;
    const agent = (await db.select().from(agents).where(eq(agents.id, agentStudent.subjectId!)).get())!;
    const persona = (await db.select().from(personas).where(eq(personas.classSessionId, session.id)).get())!;
    await startOnBehalf(db, agent, persona.id, 'acte-naissance', 'guichet');
    const after = (await liveSnapshot(db, session)).cases;
    expect(after.find((r) => r.procedure === 'acte-naissance')?.counts).toMatchObject({ brouillon: 1, depose: 0 });
    expect(after).toHaveLength(before.length + 1);
  });
});
