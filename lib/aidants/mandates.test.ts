import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { aidants, personas } from '../../db/schema';
import { demoSession } from '../classroom/sessions';
import { caseOf, saveDraft, timelineOf } from '../procedures/engine/cases';
import { submitCase } from '../procedures/engine/run';
import { aidantActor, aidantDraft, confirmMandate, createMandate, doneForMe, revokeMandate, startUnderMandate, usableMandate } from './mandates';

async function setup() {
  const db = await freshDb();
  const session = demoSession(db)!.id;
  const [sarah, thierry] = db.select().from(aidants).where(eq(aidants.classSessionId, session)).all().sort((a, b) => a.givenName.localeCompare(b.givenName));
  const marcel = db.select().from(personas).where(and(eq(personas.key, 'marcel-dupuis'), eq(personas.classSessionId, session))).get()!;
  return { db, session, sarah: sarah!, thierry: thierry!, marcel };
}

describe('mandates', () => {
  it('let the aidant act only once confirmed, only for their procedures, only until the end, and not after revocation', async () => {
    const { db, sarah, thierry, marcel } = await setup();
    const now = new Date();
    const m = createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 1 }, now);
    expect(() => usableMandate(db, sarah, m.id, 'changement-adresse', now)).toThrow(/pas encore confirmé/);
    confirmMandate(db, marcel.id, m.id, now);
    expect(usableMandate(db, sarah, m.id, 'changement-adresse', now).persona.id).toBe(marcel.id);
    expect(() => usableMandate(db, sarah, m.id, 'acte-naissance', now)).toThrow(/ne couvre pas la démarche «\sActe de naissance\s»/);
    expect(() => usableMandate(db, thierry, m.id, 'changement-adresse', now)).toThrow(/Aucun mandat/);
    expect(() => usableMandate(db, sarah, m.id, 'changement-adresse', new Date(now.getTime() + 86_400_001))).toThrow(/terme/);
    revokeMandate(db, marcel.id, m.id, now);
    expect(() => usableMandate(db, sarah, m.id, 'changement-adresse', now)).toThrow(/révoqué/);
    expect(() => startUnderMandate(db, sarah, m.id, 'changement-adresse', now)).toThrow(/révoqué/);
  });

  it('are created for a person of the séance, for listed procedures and durations; only the person confirms or revokes', async () => {
    const { db, sarah, marcel } = await setup();
    expect(() => createMandate(db, sarah, { personaId: 'inconnu', procedures: ['changement-adresse'], days: 1 })).toThrow(/personne/);
    expect(() => createMandate(db, sarah, { personaId: marcel.id, procedures: [], days: 1 })).toThrow(/au moins une démarche/);
    expect(() => createMandate(db, sarah, { personaId: marcel.id, procedures: ['carte-stationnement'], days: 1 })).toThrow(/au moins une démarche/);
    expect(() => createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 400 })).toThrow(/durée/);
    const m = createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 365 });
    const other = db.select().from(personas).where(and(eq(personas.key, 'lea-martin'), eq(personas.classSessionId, marcel.classSessionId))).get()!;
    expect(() => confirmMandate(db, other.id, m.id)).toThrow(/ne vous concerne pas/);
    expect(() => revokeMandate(db, other.id, m.id)).toThrow(/ne vous concerne pas/);
  });

  it('trace what the aidant did, shown to the person as done for them', async () => {
    const { db, sarah, marcel } = await setup();
    const m = createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 7 });
    confirmMandate(db, marcel.id, m.id);
    const draft = startUnderMandate(db, sarah, m.id, 'changement-adresse');
    let c = saveDraft(db, draft, 'adresse', { voie: '5 place du Marché', code_postal: '00100' });
    c = saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = saveDraft(db, c, 'organismes', { organismes: ['retraite'] });
    expect(aidantDraft(db, sarah, c.id).c.mandateId).toBe(m.id);
    const sent = await submitCase(db, c, marcel, aidantActor(sarah, marcel));
    expect(caseOf(db, marcel.id, sent.id)?.state).toBe('depose');
    expect(timelineOf(db, sent.id).map((e) => [e.actorKind, e.kind])).toEqual([['aidant', 'avis'], ['aidant', 'transition']]);
    expect(doneForMe(db, marcel.id)).toHaveLength(2);
    expect(doneForMe(db, marcel.id)[0]?.e.actorLabel).toMatch(/^Sarah Benoît \(France Services\), pour Marcel André Dupuis$/);
    revokeMandate(db, marcel.id, m.id);
    expect(() => aidantDraft(db, sarah, c.id)).toThrow(/révoqué/);
  });
});
