import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { getEngine, postgresEngine, transaction } from '../../../db/engine';
import { actionKeys, addressNotices, caseEvents, classSessions, journalEntries, personas } from '../../../db/tables';
import { freshDb, onPostgres } from '../../../test/db';
import { whileHolding } from '../../action-keys';
import { demoSession, type ClassSession } from '../../classroom/sessions';
import { consentText, consentTextVersion } from '../../platform/consent-text';
import { grantConsent } from '../../platform/consents';
import { parkingConsentRequests } from '../parking-card/start';
import { caseOf, createCase, saveDraft, startCase } from './cases';
import { instructCase, runDueInstruction, submitCase, submitOnce } from './run';

describe('the automatic instruction of a case', () => {
  it('asks the platform once, however many live views and servers run it at the same moment', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const persona = (await db.select().from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, classSessionId))).get())!;
    // A parking card checked through the platform (DGFiP, then SIV) with Karim's consent, sent and not yet taken.
    const draft = await transaction(db, async (tx) => {
      for (const h of parkingConsentRequests) {
        const consent = { consumer: h.consommateur, provider: h.fournisseur, items: h.donnees, purpose: h.finalite, days: 30 };
        await grantConsent(tx, { classSessionId, personaId: persona.id, ...consent, shownText: consentText(h.consommateur, h.fournisseur, h.donnees, h.finalite, 30), textVersion: consentTextVersion });
      }
      return startCase(tx, { classSessionId, personaId: persona.id, procedure: 'carte-stationnement', answers: { mode: { choix: 'avec_accord' } } });
    });
    const sent = await submitOnce(db, draft.c, persona, { kind: 'usager', id: persona.id, label: 'Karim' });
    expect(sent.state).toBe('depose');
    // On PostgreSQL a second pool is what a second app server has; on SQLite, one process with its open views.
    const second = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 4 }) : null;
    try {
      const other = second?.db ?? db;
      const later = new Date(Date.now() + 3600_000);
      await Promise.all([instructCase(db, sent, persona), instructCase(other, sent, persona), runDueInstruction(db, classSessionId, later), runDueInstruction(other, classSessionId, later), runDueInstruction(db, classSessionId, later)]);
    } finally {
      await second?.close();
    }
    const lookUps = await db.select({ provider: journalEntries.provider }).from(journalEntries).where(eq(journalEntries.caseId, sent.receiptNumber!)).all();
    expect(lookUps.map((l) => l.provider).sort()).toEqual(['dgfip', 'siv']);
    const states = (await db.select({ toState: caseEvents.toState }).from(caseEvents).where(and(eq(caseEvents.caseId, sent.id), eq(caseEvents.kind, 'transition'))).all()).map((e) => e.toState);
    expect(states.filter((s) => s === 'en_instruction')).toHaveLength(1);
    expect(states.filter((s) => s === 'accepte')).toHaveLength(1);
    // The lease went with the instruction.
    expect(await db.select().from(actionKeys).where(eq(actionKeys.key, `instruction:${sent.id}`)).all()).toEqual([]);
  });
});

describe('whileHolding', () => {
  it('lets one runner at a time do the work, and takes over the key of one that died', async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const claim = { key: 'instruction:essai', actor: 'systeme', action: 'instruction', classSessionId };
    let release!: () => void;
    const first = whileHolding(db, claim, 60_000, () => new Promise<string>((resolve) => (release = () => resolve('premier'))));
    await new Promise((resolve) => setTimeout(resolve, 50));
    let ran = false;
    expect(await whileHolding(db, claim, 60_000, async () => (ran = true))).toEqual({ held: false });
    expect(ran).toBe(false);
    release();
    expect(await first).toEqual({ held: true, result: 'premier' });
    // Free again once the first is done.
    expect(await whileHolding(db, claim, 60_000, async () => 'deuxième')).toEqual({ held: true, result: 'deuxième' });
    // A holder whose process died left its row: after the lease, the next one takes over.
    const died = new Date(Date.now() - 61_000);
    await db.insert(actionKeys).values({ ...claim, result: null, createdAt: died }).run();
    expect(await whileHolding(db, claim, 60_000, async () => 'repris')).toEqual({ held: true, result: 'repris' });
    expect(await db.select().from(actionKeys).where(eq(actionKeys.key, claim.key)).all()).toEqual([]);
  });

  it('gives the lease to one of thirty-six runners at once, and none fails (a page viewed by a whole class)', { timeout: 60_000 }, async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const claim = { key: 'instruction:foule', actor: 'systeme', action: 'instruction', classSessionId };
    // On PostgreSQL, half of them through a second pool, as from a second server.
    const second = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 4 }) : null;
    try {
      let running = 0;
      let most = 0;
      let held = 0;
      // Each view asks again and again, as pages do twice a second: leases taken and given back all the time.
      const runners = Array.from({ length: 36 }, async (_, i) => {
        for (let round = 0; round < 8; round++) {
          const outcome = await whileHolding(i % 2 && second ? second.db : db, claim, 60_000, async () => {
            most = Math.max(most, ++running);
            await new Promise((resolve) => setTimeout(resolve, 2));
            running--;
          });
          if (outcome.held) held++;
        }
      });
      const outcomes = await Promise.allSettled(runners);
      expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
      expect(most).toBe(1);
      expect(held).toBeGreaterThanOrEqual(1);
    } finally {
      await second?.close();
    }
  });
});

describe('the automatic instruction when students play the bodies', () => {
  it('writes nothing while a change of address waits for the students, and applies the notices of the bodies nobody plays', async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const playing = (bodies: string[]) => db.update(classSessions).set({ bodiesPlayed: bodies as ClassSession['bodiesPlayed'] }).where(eq(classSessions.id, classSessionId)).run();
    await playing(['caf', 'cpam']);
    const lea = (await db.select().from(personas).where(and(eq(personas.key, 'lea-martin'), eq(personas.classSessionId, classSessionId))).get())!;
    let c = await createCase(db, { classSessionId, personaId: lea.id, procedure: 'changement-adresse' });
    c = await saveDraft(db, c, 'adresse', { voie: '8 rue du Moulin', code_postal: '00100' });
    c = await saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = await saveDraft(db, c, 'organismes', { organismes: ['caf', 'cpam'] });
    await submitCase(db, c, lea, { kind: 'usager', id: lea.id, label: 'Léa' });
    const later = new Date(Date.now() + 3600_000);
    await runDueInstruction(db, classSessionId, later); // the platform takes the declaration: once
    const notices = async () => Object.fromEntries((await db.select().from(addressNotices).where(eq(addressNotices.caseId, c.id)).all()).map((n) => [n.agency, n.state]));
    // Every page view of the class runs it: while both notices wait for their students, not one write.
    const writes = vi.spyOn(getEngine(), 'transaction');
    try {
      for (let i = 0; i < 3; i++) await runDueInstruction(db, classSessionId, later);
      expect(writes).not.toHaveBeenCalled();
      expect(await notices()).toEqual({ caf: 'a_traiter', cpam: 'a_traiter' });
      // Nobody plays the CPAM any more: its notice is the rules' to apply, the CAF's still waits for its student.
      await playing(['caf']);
      await runDueInstruction(db, classSessionId, later);
      expect(writes).toHaveBeenCalled();
      expect(await notices()).toEqual({ caf: 'a_traiter', cpam: 'appliquee' });
      expect((await caseOf(db, lea.id, c.id))!.state).toBe('en_instruction');
      // While the CAF's student has not answered, the declaration stays open; once they have, the next run accepts it.
      await runDueInstruction(db, classSessionId, later);
      expect((await caseOf(db, lea.id, c.id))!.state).toBe('en_instruction');
      await db.update(addressNotices).set({ state: 'appliquee' }).where(and(eq(addressNotices.caseId, c.id), eq(addressNotices.agency, 'caf'))).run();
      await runDueInstruction(db, classSessionId, later);
      expect((await caseOf(db, lea.id, c.id))!.state).toBe('accepte');
    } finally {
      writes.mockRestore();
    }
  });
});
