import { engineFor } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { Db } from '../../db/client';
import { agents, classSessions, documents, personas } from '../../db/schema';
import { seedWorld } from '../../db/seed';
import type { Agent } from '../auth/guards';
import { demoSession } from '../classroom/sessions';
import { agentCase, agentDecide, agentMessage, agentNotice, agentNotices, agentProof, agentQueue } from './agent';
import { applyTransition, caseOf, createCase, saveDraft, timelineOf } from './engine/cases';
import { runDueInstruction, submitCase } from './engine/run';
import type { Persona } from './engine/types';
import { fileParkingCardWithProofs, proofsOf } from './parking-card/proofs';

let db: Db;
let session: string;
const persona = (key: string, s = session): Persona => db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, s))).get()!;
const agentOf = (agency: Agent['agencyId'], unit?: string, s = session): Agent =>
  db.select().from(agents).where(and(eq(agents.agencyId, agency), eq(agents.classSessionId, s), unit ? eq(agents.unit, unit) : undefined)).get()!;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const proofs = (['avis_imposition', 'certificat_immatriculation', 'justificatif_domicile'] as const).map((kind) => ({ kind, name: `${kind}.png`, bytes: png }));

async function parkingWithProofs(key: string, s = session) {
  const p = persona(key, s);
  return fileParkingCardWithProofs(db, p, { kind: 'usager', id: p.id, label: p.givenNames }, 'GH-482-KT', proofs);
}
async function birthCertificate(key: string) {
  const p = persona(key);
  let c = createCase(db, { classSessionId: session, personaId: p.id, procedure: 'acte-naissance' });
  c = saveDraft(db, c, 'demandeur', { lien: 'moi' });
  c = saveDraft(db, c, 'type', { type: 'extrait_filiation' });
  return submitCase(db, c, p, { kind: 'usager', id: p.id, label: p.givenNames });
}

beforeEach(async () => {
  db = await freshDb();
  session = demoSession(db)!.id;
  db.update(classSessions).set({ bodiesPlayed: ['ville', 'etat-civil', 'caf'] }).where(eq(classSessions.id, session)).run();
});

describe('the back-office’s authorisation matrix', () => {
  it('an agent sees and acts only on their body’s cases, in their séance', async () => {
    const c = await parkingWithProofs('karim-benali');
    const ville = agentOf('ville');
    const caf = agentOf('caf');
    expect(agentQueue(db, ville).map((r) => r.c.id)).toEqual([c.id]);
    expect(agentQueue(db, caf)).toEqual([]);
    expect(agentCase(db, caf, c.id)).toBeNull();
    await expect(agentDecide(db, caf, c.id, 'prendre', null)).rejects.toThrow(/autre organisme/);
    expect(() => agentMessage(db, caf, c.id, 'bonjour')).toThrow(/autre organisme/);
    const fileId = proofsOf(db, c.id)[0]!.id;
    expect(agentProof(db, ville, fileId)).not.toBeNull();
    expect(agentProof(db, caf, fileId)).toBeNull();

    // Another séance: same body, other séance → nothing.
    db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'QQQQQQ' }).run();
    await seedWorld(engineFor(db), 'autre');
    const otherVille = agentOf('ville', undefined, 'autre');
    expect(agentQueue(db, otherVille)).toEqual([]);
    expect(agentCase(db, otherVille, c.id)).toBeNull();
    await expect(agentDecide(db, otherVille, c.id, 'prendre', null)).rejects.toThrow(/autre organisme/);
    expect(agentProof(db, otherVille, fileId)).toBeNull();
  });

  it('an état civil officer sees only their own register', async () => {
    const c = await birthCertificate('karim-benali'); // born in 00101
    expect(agentCase(db, agentOf('etat-civil', '00101'), c.id)).not.toBeNull();
    expect(agentCase(db, agentOf('etat-civil', '00102'), c.id)).toBeNull();
    expect(agentCase(db, agentOf('etat-civil', 'scec'), c.id)).toBeNull();
  });

  it('a notice is applied only by the body it is addressed to', async () => {
    const lea = persona('lea-martin');
    let c = createCase(db, { classSessionId: session, personaId: lea.id, procedure: 'changement-adresse' });
    c = saveDraft(db, c, 'adresse', { voie: '8 rue du Moulin', code_postal: '00100' });
    c = saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = saveDraft(db, c, 'organismes', { organismes: ['caf'] });
    await submitCase(db, c, lea, { kind: 'usager', id: lea.id, label: 'Léa' });
    const [notice] = agentNotices(db, agentOf('caf'));
    expect(agentNotices(db, agentOf('cpam'))).toEqual([]);
    expect(() => agentNotice(db, agentOf('cpam'), notice!.notice.id, 'appliquer', null)).toThrow(/autre organisme/);
    expect(() => agentNotice(db, agentOf('caf'), notice!.notice.id, 'rejeter', ' ')).toThrow(/pourquoi/);
    agentNotice(db, agentOf('caf'), notice!.notice.id, 'appliquer', null);
    expect(() => agentNotice(db, agentOf('caf'), notice!.notice.id, 'appliquer', null)).toThrow(/déjà été traité/);
    await runDueInstruction(db, session, new Date(Date.now() + 3600_000));
    expect(caseOf(db, lea.id, c.id)?.state).toBe('accepte');
  });
});

describe('an agent’s decisions', () => {
  it('played bodies wait for their agent; the agent takes, asks a complement, then accepts and the card is issued', async () => {
    const c = await parkingWithProofs('karim-benali');
    await runDueInstruction(db, session, new Date(Date.now() + 3600_000));
    expect(caseOf(db, persona('karim-benali').id, c.id)?.state).toBe('depose'); // the city is played: nobody decides for the agent
    const ville = agentOf('ville');
    await agentDecide(db, ville, c.id, 'prendre', null);
    await expect(agentDecide(db, ville, c.id, 'demander_complement', null)).rejects.toThrow(/message ou un motif/);
    await agentDecide(db, ville, c.id, 'demander_complement', 'La facture est illisible.');
    expect(caseOf(db, persona('karim-benali').id, c.id)?.state).toBe('complement_demande');
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow(/Prenez d’abord/);
    applyTransition(db, caseOf(db, persona('karim-benali').id, c.id)!, 'repondre_complement', { kind: 'usager', id: null, label: 'Karim' }, { text: 'Voici une facture lisible.' });
    const done = await agentDecide(db, ville, c.id, 'accepter', 'Justificatifs conformes.');
    expect(done.state).toBe('accepte');
    expect(db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'carte_stationnement'))).all()).toHaveLength(1);
    expect(timelineOf(db, c.id).filter((e) => e.actorKind === 'agent' && e.kind === 'transition').map((e) => e.toState)).toEqual(['en_instruction', 'complement_demande', 'accepte']);
  });

  it('cannot accept what the rules cannot issue; refuses with a reason the person reads', async () => {
    const c = await parkingWithProofs('antoine-mercier'); // lives outside the zones
    const ville = agentOf('ville');
    await agentDecide(db, ville, c.id, 'prendre', null);
    await expect(agentDecide(db, ville, c.id, 'accepter', null)).rejects.toThrow(/Les règles ne permettent pas d’accepter\s: Votre adresse fiscale n’est pas dans une zone/);
    await expect(agentDecide(db, ville, c.id, 'refuser', '')).rejects.toThrow(/motif/);
    const refused = await agentDecide(db, ville, c.id, 'refuser', 'La personne ne remplit pas les conditions.');
    expect(refused).toMatchObject({ state: 'refuse', outcome: { motif: 'La personne ne remplit pas les conditions.' } });
  });
});

describe('the automatic instruction', () => {
  it('runs at once from several views (or processes) without failing, and decides each case once', async () => {
    db.update(classSessions).set({ bodiesPlayed: [] }).where(eq(classSessions.id, session)).run();
    const sent = await Promise.all(['karim-benali', 'julie-fontaine', 'thomas-girard'].map((key) => birthCertificate(key)));
    const later = new Date(Date.now() + 3600_000);
    await expect(Promise.all([runDueInstruction(db, session, later), runDueInstruction(db, session, later), runDueInstruction(db, session, later)])).resolves.toBeDefined();
    for (const c of sent) {
      const transitions = timelineOf(db, c.id).filter((e) => e.kind === 'transition').map((e) => e.toState);
      expect(transitions.filter((s) => s === 'en_instruction')).toHaveLength(1);
      expect(transitions.filter((s) => s === 'accepte')).toHaveLength(1);
    }
  });
});
