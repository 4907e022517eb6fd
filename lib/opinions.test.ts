import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../db/engine';
import { cases, opinions, personas, teachers } from '../db/tables';
import { freshDb } from '../test/db';
import { createSession } from './classroom/sessions';
import { fileParkingCardWithConsent } from './procedures/parking-card/start';
import { giveOpinion, observatory, opinionComments, OpinionError } from './opinions';

async function setup() {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Avis', preset: 'stationnement' });
  const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session.id))).get())!;
  const finished = async (key: string) => {
    const p = await person(key);
    const c = await fileParkingCardWithConsent(db, p, { kind: 'usager', id: p.id, label: p.givenNames }, new Date());
    return { persona: p, c: (await db.select().from(cases).where(eq(cases.id, c.id)).get())! };
  };
  return { db, session, person, finished };
}

describe('Je donne mon avis', () => {
  it('takes one opinion per finished case, every answer optional but not all empty, the comment bounded', async () => {
    const { db, finished } = await setup();
    const { persona, c } = await finished('karim-benali');
    expect(['accepte', 'refuse']).toContain(c.state);
    await expect(giveOpinion(db, persona.id, c.id, {})).rejects.toMatchObject({ code: 'vide' });
    await expect(giveOpinion(db, persona.id, c.id, { comment: 'x'.repeat(1001) })).rejects.toMatchObject({ code: 'invalide', field: 'comment', message: expect.stringMatching(/trop long/) });
    await expect(giveOpinion(db, persona.id, c.id, { satisfaction: 'génial' as never })).rejects.toBeInstanceOf(OpinionError);
    const first = await giveOpinion(db, persona.id, c.id, { satisfaction: 'bien', help: ['personne', 'proche'], comment: '  Rapide.  ' });
    expect(first).toMatchObject({ satisfaction: 'bien', ease: null, help: ['proche'], comment: 'Rapide.', procedure: 'carte-stationnement' });
    // Sent again (a double-click, back then resubmit): the first opinion stands.
    const again = await giveOpinion(db, persona.id, c.id, { satisfaction: 'pas_bien' });
    expect(again.id).toBe(first.id);
    expect(await db.select().from(opinions).all()).toHaveLength(1);
  });

  it('refuses an opinion on a case that is not finished, or not the person’s', async () => {
    const { db, finished, person } = await setup();
    const { c } = await finished('karim-benali');
    const other = await person('sophie-lefebvre');
    await expect(giveOpinion(db, other.id, c.id, { satisfaction: 'bien' })).rejects.toMatchObject({ code: 'introuvable' });
    await db.update(cases).set({ state: 'en_instruction' }).where(eq(cases.id, c.id)).run();
    await expect(giveOpinion(db, c.personaId, c.id, { satisfaction: 'bien' })).rejects.toMatchObject({ code: 'pas_terminee' });
  });

  it('shows per procedure a mark, ease and help only from three opinions on, and the comments without names', async () => {
    const { db, session, finished } = await setup();
    const a = await finished('karim-benali');
    await giveOpinion(db, a.persona.id, a.c.id, { satisfaction: 'bien', ease: 'facile', help: ['personne'] });
    let [line] = await observatory(db, session.id);
    expect(line).toMatchObject({ procedure: 'carte-stationnement', filed: 1, onlineShare: 100, opinions: 1, satisfaction: null, easy: null, helped: null });
    const b = await finished('sophie-lefebvre');
    await giveOpinion(db, b.persona.id, b.c.id, { satisfaction: 'pas_bien', ease: 'difficile', help: ['aidant'], comment: 'Je n’ai pas compris le refus.' });
    const c = await finished('julie-fontaine');
    await giveOpinion(db, c.persona.id, c.c.id, { satisfaction: 'moyen', help: ['personne'] });
    [line] = await observatory(db, session.id);
    expect(line).toMatchObject({ filed: 3, opinions: 3, satisfaction: 5, easy: 50, helped: 33 });
    expect(await opinionComments(db, session.id)).toEqual([{ procedure: 'carte-stationnement', comment: 'Je n’ai pas compris le refus.' }]);
  });
});
