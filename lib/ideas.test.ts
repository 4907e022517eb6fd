import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../db/engine';
import { agents, ideas, ideaVotes, personas, teachers } from '../db/tables';
import { freshDb } from '../test/db';
import { createSession } from './classroom/sessions';
import { ideasOf, proposeIdea, retainIdea, voteForIdea, type IdeaAuthor } from './ideas';

async function setup() {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Idées', preset: 'tout' });
  const other = await createSession(getEngine(), teacher.id, { name: 'Autre', preset: 'tout' });
  const citizen = async (s: string, i = 0): Promise<IdeaAuthor> => ({ kind: 'usager', id: (await db.select().from(personas).where(eq(personas.classSessionId, s)).all())[i]!.id, classSessionId: s });
  const agent: IdeaAuthor = { kind: 'agent', id: (await db.select().from(agents).where(and(eq(agents.classSessionId, session.id), eq(agents.agencyId, 'ville'))).get())!.id, classSessionId: session.id };
  return { db, teacher, session, other, citizen, agent };
}

describe('the ideas box', () => {
  it('takes an idea once, said in French when the procedure or the text is missing', async () => {
    const { db, session, citizen } = await setup();
    const me = await citizen(session.id);
    await expect(proposeIdea(db, me, 'inconnue', 'Une idée')).rejects.toMatchObject({ field: 'demarche' });
    await expect(proposeIdea(db, me, 'acte-naissance', '   ')).rejects.toMatchObject({ field: 'idee', message: 'Écrivez votre idée.' });
    await expect(proposeIdea(db, me, 'acte-naissance', 'x'.repeat(501))).rejects.toMatchObject({ code: 'trop_longue' });
    const a = await proposeIdea(db, me, 'acte-naissance', ' Envoyer l’acte  par courriel ');
    const b = await proposeIdea(db, me, 'acte-naissance', 'Envoyer l’acte par courriel');
    expect(b).toBe(a);
    expect(await db.select().from(ideas).all()).toMatchObject([{ text: 'Envoyer l’acte par courriel', authorKind: 'usager' }]);
    // Sent from two tabs at the same instant: one idea too.
    const [x, y] = await Promise.all([proposeIdea(db, me, 'carte-stationnement', 'Un rappel avant la fin'), proposeIdea(db, me, 'carte-stationnement', 'Un rappel avant la fin')]);
    expect(x).toBe(y);
    expect(await db.select().from(ideas).all()).toHaveLength(2);
  });

  it('counts one vote per person, never one’s own, never from another séance; the retained idea comes first', async () => {
    const { db, teacher, session, other, citizen, agent } = await setup();
    const author = await citizen(session.id, 0);
    const neighbour = await citizen(session.id, 1);
    const outsider = await citizen(other.id, 0);
    const first = await proposeIdea(db, author, 'carte-stationnement', 'Dire tout de suite si la rue est dans une zone');
    const second = await proposeIdea(db, agent, 'carte-stationnement', 'Montrer la carte des zones sur la page');
    await voteForIdea(db, neighbour, first);
    await voteForIdea(db, neighbour, first); // a double-click
    await voteForIdea(db, agent, first);
    await expect(voteForIdea(db, author, first)).rejects.toMatchObject({ code: 'la_sienne' });
    await expect(voteForIdea(db, outsider, first)).rejects.toMatchObject({ code: 'introuvable' });
    expect(await db.select().from(ideaVotes).all()).toHaveLength(2);
    let list = await ideasOf(db, session.id, neighbour.id);
    expect(list.map((l) => [l.id, l.votes, l.voted, l.mine])).toEqual([
      [first, 2, true, false],
      [second, 0, false, false],
    ]);
    await retainIdea(db, teacher.id, second, true);
    list = await ideasOf(db, session.id, agent.id);
    expect(list.map((l) => [l.id, l.retained, l.mine])).toEqual([
      [second, true, true],
      [first, false, false],
    ]);
    await expect(retainIdea(db, 'un-autre-enseignant', first, true)).rejects.toMatchObject({ code: 'introuvable' });
    expect(await ideasOf(db, other.id, outsider.id)).toEqual([]);
  });
});
