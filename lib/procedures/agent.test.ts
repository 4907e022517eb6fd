import { type AsyncExecutor, getEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { actionKeys, agents, cases, classSessions, documents, personas } from '../../db/tables';
import { seedWorld } from '../../db/seed';
import type { Agent } from '../auth/guards';
import { demoSession } from '../classroom/sessions';
import { agentCase, agentDecide, agentMessage, agentNotice, agentNotices, agentProof, agentQueue, isOtherReason, queueCursor, refusalReasonsFor, type QueueCursor } from './agent';
import { procedureIds } from '../../db/schema';
import { applyTransition, caseOf, createCase, saveDraft, timelineOf } from './engine/cases';
import { runDueInstruction, submitCase } from './engine/run';
import type { Persona } from './engine/types';
import { fileParkingCardWithProofs, proofsOf } from './parking-card/proofs';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string, s = session): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, s))).get())!;
const agentOf = async (agency: Agent['agencyId'], unit?: string, s = session): Promise<Agent> =>
  (await db.select().from(agents).where(and(eq(agents.agencyId, agency), eq(agents.classSessionId, s), unit ? eq(agents.unit, unit) : undefined)).get())!;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const proofs = (['avis_imposition', 'certificat_immatriculation', 'justificatif_domicile'] as const).map((kind) => ({ kind, name: `${kind}.png`, bytes: png }));

async function parkingWithProofs(key: string, s = session) {
  const p = await persona(key, s);
  return fileParkingCardWithProofs(db, p, { kind: 'usager', id: p.id, label: p.givenNames }, 'GH-482-KT', proofs);
}
async function birthCertificate(key: string) {
  const p = await persona(key);
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure: 'acte-naissance' });
  c = await saveDraft(db, c, 'demandeur', { lien: 'moi' });
  c = await saveDraft(db, c, 'type', { type: 'extrait_filiation' });
  return submitCase(db, c, p, { kind: 'usager', id: p.id, label: p.givenNames });
}

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
  await db.update(classSessions).set({ bodiesPlayed: ['ville', 'etat-civil', 'caf'] }).where(eq(classSessions.id, session)).run();
});

describe('the back-office’s authorisation matrix', () => {
  it('an agent sees and acts only on their body’s cases, in their séance', async () => {
    const c = await parkingWithProofs('karim-benali');
    const ville = await agentOf('ville');
    const caf = await agentOf('caf');
    expect((await agentQueue(db, ville)).rows.map((r) => r.c.id)).toEqual([c.id]);
    expect((await agentQueue(db, caf)).rows).toEqual([]);
    expect(await agentCase(db, caf, c.id)).toBeNull();
    await expect(agentDecide(db, caf, c.id, 'prendre', null)).rejects.toThrow(/autre organisme/);
    await expect((async () => agentMessage(db, caf, c.id, 'bonjour'))()).rejects.toThrow(/autre organisme/);
    const fileId = (await proofsOf(db, c.id))[0]!.id;
    expect(await agentProof(db, ville, fileId)).not.toBeNull();
    expect(await agentProof(db, caf, fileId)).toBeNull();

    // Another séance: same body, other séance → nothing.
    await db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'QQQQQQ' }).run();
    await seedWorld(getEngine(), 'autre');
    const otherVille = await agentOf('ville', undefined, 'autre');
    expect((await agentQueue(db, otherVille)).rows).toEqual([]);
    expect(await agentCase(db, otherVille, c.id)).toBeNull();
    await expect(agentDecide(db, otherVille, c.id, 'prendre', null)).rejects.toThrow(/autre organisme/);
    expect(await agentProof(db, otherVille, fileId)).toBeNull();
  });

  it('an état civil officer sees only their own register', async () => {
    const c = await birthCertificate('karim-benali'); // born in 00101
    expect(await agentCase(db, await agentOf('etat-civil', '00101'), c.id)).not.toBeNull();
    expect(await agentCase(db, await agentOf('etat-civil', '00102'), c.id)).toBeNull();
    expect(await agentCase(db, await agentOf('etat-civil', 'scec'), c.id)).toBeNull();
    // Their queue too, first page and filtered.
    expect((await agentQueue(db, await agentOf('etat-civil', '00101'))).rows.map((r) => r.c.id)).toContain(c.id);
    expect((await agentQueue(db, await agentOf('etat-civil', '00102'))).rows.map((r) => r.c.id)).not.toContain(c.id);
    expect((await agentQueue(db, await agentOf('etat-civil', '00102'), { state: c.state })).rows.map((r) => r.c.id)).not.toContain(c.id);
    expect((await agentQueue(db, await agentOf('etat-civil', '00101'), { state: c.state })).rows.map((r) => r.c.id)).toContain(c.id);
  });

  it('a notice is applied only by the body it is addressed to', async () => {
    const lea = await persona('lea-martin');
    let c = await createCase(db, { classSessionId: session, personaId: lea.id, procedure: 'changement-adresse' });
    c = await saveDraft(db, c, 'adresse', { voie: '8 rue du Moulin', code_postal: '00100' });
    c = await saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = await saveDraft(db, c, 'organismes', { organismes: ['caf'] });
    await submitCase(db, c, lea, { kind: 'usager', id: lea.id, label: 'Léa' });
    const [notice] = await agentNotices(db, await agentOf('caf'));
    expect(await agentNotices(db, await agentOf('cpam'))).toEqual([]);
    await expect((async () => agentNotice(db, await agentOf('cpam'), notice!.notice.id, 'appliquer', null))()).rejects.toThrow(/autre organisme/);
    await expect((async () => agentNotice(db, await agentOf('caf'), notice!.notice.id, 'rejeter', ' '))()).rejects.toThrow(/pourquoi/);
    await agentNotice(db, await agentOf('caf'), notice!.notice.id, 'appliquer', null);
    await expect((async () => agentNotice(db, await agentOf('caf'), notice!.notice.id, 'appliquer', null))()).rejects.toThrow(/déjà été traité/);
    await runDueInstruction(db, session, new Date(Date.now() + 3600_000));
    expect((await caseOf(db, lea.id, c.id))?.state).toBe('accepte');
  });

  it('a notice decided twice at the same instant (two agents, two tabs; the rules from two pages) is decided once', async () => {
    const lea = await persona('lea-martin');
    let c = await createCase(db, { classSessionId: session, personaId: lea.id, procedure: 'changement-adresse' });
    c = await saveDraft(db, c, 'adresse', { voie: '8 rue du Moulin', code_postal: '00100' });
    c = await saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = await saveDraft(db, c, 'organismes', { organismes: ['caf', 'cpam'] });
    await submitCase(db, c, lea, { kind: 'usager', id: lea.id, label: 'Léa' });
    const caf = await agentOf('caf');
    const [notice] = await agentNotices(db, caf);
    // One applies, the other rejects: one of them stands, the other is told it was done, and the person reads one note.
    const both = await Promise.allSettled([agentNotice(db, caf, notice!.notice.id, 'appliquer', null), agentNotice(db, caf, notice!.notice.id, 'rejeter', 'Aucun dossier.')]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'etat_incompatible' } });
    const notes = async () => (await timelineOf(db, c.id)).filter((e) => e.kind === 'avis');
    expect(await notes()).toHaveLength(1);
    // The CPAM is nobody's in this séance's rules: two page views run them at once, the person reads its note once.
    await db.update(classSessions).set({ bodiesPlayed: [] }).where(eq(classSessions.id, session)).run();
    const later = new Date(Date.now() + 3600_000);
    await Promise.all([runDueInstruction(db, session, later), runDueInstruction(db, session, later)]);
    const texts = (await notes()).map((n) => n.text);
    expect(texts).toHaveLength(3); // the CAF's, the CPAM's, and the declaration's outcome
    expect(new Set(texts).size).toBe(3);
    // The outcome counts the bodies that updated the address: the CAF did if « appliquer » stood (on PostgreSQL either
    // may reach the case first; on SQLite the first one queued does).
    const applied = both[0].status === 'fulfilled';
    expect(texts.at(-1)).toMatch(applied ? /^2\sorganismes\ssur\s2 ont mis à jour votre adresse\.$/ : /^1\sorganisme\ssur\s2 a mis à jour votre adresse\.$/);
  });
});

describe('an agent’s decisions', () => {
  it('played bodies wait for their agent; the agent takes, asks a complement, then accepts and the card is issued', async () => {
    const c = await parkingWithProofs('karim-benali');
    await runDueInstruction(db, session, new Date(Date.now() + 3600_000));
    expect((await caseOf(db, (await persona('karim-benali')).id, c.id))?.state).toBe('depose'); // the city is played: nobody decides for the agent
    const ville = await agentOf('ville');
    await agentDecide(db, ville, c.id, 'prendre', null);
    await expect(agentDecide(db, ville, c.id, 'demander_complement', null)).rejects.toThrow(/message ou un motif/);
    await agentDecide(db, ville, c.id, 'demander_complement', 'La facture est illisible.');
    expect((await caseOf(db, (await persona('karim-benali')).id, c.id))?.state).toBe('complement_demande');
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow('Le dossier attend le complément demandé à la personne.');
    await applyTransition(db, (await caseOf(db, (await persona('karim-benali')).id, c.id))!, 'repondre_complement', { kind: 'usager', id: null, label: 'Karim' }, { text: 'Voici une facture lisible.' });
    const done = await agentDecide(db, ville, c.id, 'accepter', 'Justificatifs conformes.');
    expect(done.state).toBe('accepte');
    expect(await db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'carte_stationnement'))).all()).toHaveLength(1);
    expect((await timelineOf(db, c.id)).filter((e) => e.actorKind === 'agent' && e.kind === 'transition').map((e) => e.toState)).toEqual(['en_instruction', 'complement_demande', 'accepte']);
  });

  it('does not run the rules while the automatic instruction holds the case, nor on a case already decided', async () => {
    const c = await parkingWithProofs('karim-benali');
    const ville = await agentOf('ville');
    await agentDecide(db, ville, c.id, 'prendre', null);
    // The automatic instruction holds this case (instructCase's lease): the agent's click asks nothing, and says so.
    await db.insert(actionKeys).values({ key: `instruction:${c.id}`, actor: 'systeme', action: 'instruction', classSessionId: session, result: null, createdAt: new Date() }).run();
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow(/en cours de traitement automatique/);
    expect((await caseOf(db, (await persona('karim-benali')).id, c.id))?.state).toBe('en_instruction');
    await db.delete(actionKeys).where(eq(actionKeys.key, `instruction:${c.id}`)).run();
    // Decided meanwhile by someone else: the agent's click (read before) finds it decided and runs nothing.
    expect((await agentDecide(db, ville, c.id, 'accepter', null)).state).toBe('accepte');
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow('Ce dossier est déjà accepté.');
    expect(await db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'carte_stationnement'))).all()).toHaveLength(1);
    expect(await db.select().from(actionKeys).where(eq(actionKeys.key, `instruction:${c.id}`)).all()).toEqual([]);
  });

  it('cannot accept what the rules cannot issue; refuses with a reason the person reads', async () => {
    const c = await parkingWithProofs('antoine-mercier'); // lives outside the zones
    const ville = await agentOf('ville');
    await agentDecide(db, ville, c.id, 'prendre', null);
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow(/Les règles ne permettent pas d’accepter\s: Votre adresse fiscale n’est pas dans une zone/);
    await expect(agentDecide(db, ville, c.id, 'refuser', '')).rejects.toThrow(/motif/);
    const refused = await agentDecide(db, ville, c.id, 'refuser', 'La personne ne remplit pas les conditions.');
    expect(refused).toMatchObject({ state: 'refuse', outcome: { motif: 'La personne ne remplit pas les conditions.' } });
  });
});

describe('the reasons an agent refuses with', () => {
  it('are the procedure’s own, then any body’s, the last asking for the agent’s words', () => {
    expect(refusalReasonsFor('acte-naissance')).toContain('Aucun acte ne correspond dans le registre.');
    expect(refusalReasonsFor('prime-activite')).not.toContain('Aucun acte ne correspond dans le registre.');
    expect(refusalReasonsFor('acces-document')).toContain('Le document prépare une décision qui n’est pas encore prise.');
    for (const procedure of procedureIds) {
      const reasons = refusalReasonsFor(procedure);
      expect(new Set(reasons).size, procedure).toBe(reasons.length);
      expect(reasons).toContain('La personne ne remplit pas les conditions.');
      expect(reasons.filter(isOtherReason), procedure).toEqual([reasons.at(-1)]);
    }
  });
});

describe('the automatic instruction', () => {
  it('runs at once from several views (or processes) without failing, and decides each case once', async () => {
    await db.update(classSessions).set({ bodiesPlayed: [] }).where(eq(classSessions.id, session)).run();
    const sent = await Promise.all(['karim-benali', 'julie-fontaine', 'thomas-girard'].map((key) => birthCertificate(key)));
    const later = new Date(Date.now() + 3600_000);
    await expect(Promise.all([runDueInstruction(db, session, later), runDueInstruction(db, session, later), runDueInstruction(db, session, later)])).resolves.toBeDefined();
    for (const c of sent) {
      const transitions = (await timelineOf(db, c.id)).filter((e) => e.kind === 'transition').map((e) => e.toState);
      expect(transitions.filter((s) => s === 'en_instruction')).toHaveLength(1);
      expect(transitions.filter((s) => s === 'accepte')).toHaveLength(1);
    }
  });
});

describe('the agent’s queue, a page at a time', () => {
  it('goes through every case once, the latest sent first, ties and a draft left included, while new cases arrive', async () => {
    const ville = await agentOf('ville');
    const people = await db.select().from(personas).where(eq(personas.classSessionId, session)).limit(6).all();
    const t = new Date('2026-12-01T10:00:00Z');
    const at = (seconds: number) => new Date(t.getTime() + seconds * 1000);
    const made: string[] = [];
    for (const p of people.slice(0, 5)) made.push((await createCase(db, { classSessionId: session, personaId: p.id, procedure: 'carte-stationnement' })).id);
    const set = (id: string, values: Partial<typeof cases.$inferInsert>) => db.update(cases).set({ agency: 'ville', ...values }).where(eq(cases.id, id)).run();
    // Two sent at the same instant, one decided later, a draft given up (never sent), a draft still open (not shown).
    await set(made[0]!, { state: 'depose', submittedAt: at(0), createdAt: at(-60) });
    await set(made[1]!, { state: 'depose', submittedAt: at(0), createdAt: at(-60) });
    await set(made[2]!, { state: 'accepte', submittedAt: at(60), createdAt: at(-60) });
    await set(made[3]!, { state: 'sans_suite', submittedAt: null, createdAt: at(30) });
    const tie = [made[0]!, made[1]!].sort().reverse();
    const expected = [made[2]!, made[3]!, ...tie];

    const seen: string[] = [];
    let before: QueueCursor | undefined;
    let pages = 0;
    do {
      const page = await agentQueue(db, ville, { before, limit: 2 });
      seen.push(...page.rows.map((r) => r.c.id));
      // A case sent after the first page is on the first page of a new look, not in the pages after.
      if (pages++ === 0) await set((await createCase(db, { classSessionId: session, personaId: people[5]!.id, procedure: 'carte-stationnement' })).id, { state: 'depose', submittedAt: at(120) });
      before = page.next ? queueCursor.read(queueCursor.write(page.next)) : undefined;
    } while (before);
    expect(seen).toEqual(expected);
    expect(pages).toBe(2);
    expect((await agentQueue(db, ville)).rows).toHaveLength(5);
    // Waiting a minute at least, by the sending date: the two sent first.
    expect((await agentQueue(db, ville, { waitingMinutes: 1 }, at(90))).rows.map((r) => r.c.id)).toEqual(tie);
    // A cursor that does not read is no cursor.
    expect(queueCursor.read('1764583200000.pas-un-identifiant')).toBeUndefined();
    expect(queueCursor.read(undefined)).toBeUndefined();
  });
});
