import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { aidants, personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { caseOf, saveDraft, timelineOf } from '../procedures/engine/cases';
import { submitCase } from '../procedures/engine/run';
import { aidantActor, aidantDraft, confirmMandate, createMandate, doneForMe, revokeMandate, startUnderMandate, usableMandate } from './mandates';

async function setup() {
  const db = await freshDb();
  const session = (await demoSession(db))!.id;
  const [sarah, thierry] = (await db.select().from(aidants).where(eq(aidants.classSessionId, session)).all()).sort((a, b) => a.givenName.localeCompare(b.givenName));
  const marcel = (await db.select().from(personas).where(and(eq(personas.key, 'marcel-dupuis'), eq(personas.classSessionId, session))).get())!;
  return { db, session, sarah: sarah!, thierry: thierry!, marcel };
}

describe('mandates', () => {
  it('let the aidant act only once confirmed, only for their procedures, only until the end, and not after revocation', async () => {
    const { db, sarah, thierry, marcel } = await setup();
    const now = new Date();
    const m = await createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 1 }, now);
    await expect((async () => usableMandate(db, sarah, m.id, 'changement-adresse', now))()).rejects.toThrow(/pas encore confirmé/);
    await confirmMandate(db, marcel.id, m.id, now);
    expect((await usableMandate(db, sarah, m.id, 'changement-adresse', now)).persona.id).toBe(marcel.id);
    await expect((async () => usableMandate(db, sarah, m.id, 'acte-naissance', now))()).rejects.toThrow(/ne couvre pas la démarche «\sActe de naissance\s»/);
    await expect((async () => usableMandate(db, thierry, m.id, 'changement-adresse', now))()).rejects.toThrow(/Aucun mandat/);
    await expect((async () => usableMandate(db, sarah, m.id, 'changement-adresse', new Date(now.getTime() + 86_400_001)))()).rejects.toThrow(/terme/);
    await revokeMandate(db, marcel.id, m.id, now);
    await expect((async () => usableMandate(db, sarah, m.id, 'changement-adresse', now))()).rejects.toThrow(/révoqué/);
    await expect((async () => startUnderMandate(db, sarah, m.id, 'changement-adresse', now))()).rejects.toThrow(/révoqué/);
  });

  it('are created for a person of the séance, for listed procedures and durations; only the person confirms or revokes', async () => {
    const { db, sarah, marcel } = await setup();
    await expect((async () => createMandate(db, sarah, { personaId: 'inconnu', procedures: ['changement-adresse'], days: 1 }))()).rejects.toThrow(/personne/);
    await expect((async () => createMandate(db, sarah, { personaId: marcel.id, procedures: [], days: 1 }))()).rejects.toThrow(/au moins une démarche/);
    await expect((async () => createMandate(db, sarah, { personaId: marcel.id, procedures: ['carte-stationnement'], days: 1 }))()).rejects.toThrow(/au moins une démarche/);
    await expect((async () => createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 400 }))()).rejects.toThrow(/durée/);
    const m = await createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 365 });
    const other = (await db.select().from(personas).where(and(eq(personas.key, 'lea-martin'), eq(personas.classSessionId, marcel.classSessionId))).get())!;
    await expect((async () => confirmMandate(db, other.id, m.id))()).rejects.toThrow(/ne vous concerne pas/);
    await expect((async () => revokeMandate(db, other.id, m.id))()).rejects.toThrow(/ne vous concerne pas/);
  });

  it('trace what the aidant did, shown to the person as done for them', async () => {
    const { db, sarah, marcel } = await setup();
    const m = await createMandate(db, sarah, { personaId: marcel.id, procedures: ['changement-adresse'], days: 7 });
    await confirmMandate(db, marcel.id, m.id);
    const draft = await startUnderMandate(db, sarah, m.id, 'changement-adresse');
    let c = await saveDraft(db, draft, 'adresse', { voie: '5 place du Marché', code_postal: '00100' });
    c = await saveDraft(db, c, 'date', { date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/') });
    c = await saveDraft(db, c, 'organismes', { organismes: ['retraite'] });
    expect((await aidantDraft(db, sarah, c.id)).c.mandateId).toBe(m.id);
    const sent = await submitCase(db, c, marcel, aidantActor(sarah, marcel));
    expect((await caseOf(db, marcel.id, sent.id))?.state).toBe('depose');
    expect((await timelineOf(db, sent.id)).map((e) => [e.actorKind, e.kind])).toEqual([['aidant', 'avis'], ['aidant', 'transition']]);
    expect(await doneForMe(db, marcel.id)).toHaveLength(2);
    expect((await doneForMe(db, marcel.id))[0]?.e.actorLabel).toMatch(/^Sarah Benoît \(France Services\), pour Marcel André Dupuis$/);
    await revokeMandate(db, marcel.id, m.id);
    await expect((async () => aidantDraft(db, sarah, c.id))()).rejects.toThrow(/révoqué/);
  });
});
