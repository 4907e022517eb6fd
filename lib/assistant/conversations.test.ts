import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../../db/engine';
import { agents, aidants, assistantConversations, assistantMessages, personas, teachers } from '../../db/tables';
import { freshDb } from '../../test/db';
import { deviceHash, joinSession, newDeviceSecret } from '../classroom/participants';
import { createSession, type ClassSession } from '../classroom/sessions';
import { assistantFigures } from './figures';
import { ask, AssistantError, conversationForAdviser, conversationsForAdviser, currentConversation, handOff, messagesOf, reply, unknownAnswer, type Adviser, type Asker } from './conversations';

async function setup() {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Classe', preset: 'prime_activite' });
  const other = await createSession(getEngine(), teacher.id, { name: 'Autre classe', preset: 'prime_activite' });
  const persona = (await db.select().from(personas).where(eq(personas.classSessionId, session.id)).get())!;
  const adviserOf = async (s: ClassSession, agency: 'caf' | 'dgfip'): Promise<Adviser> => {
    const a = (await db.select().from(agents).where(and(eq(agents.classSessionId, s.id), eq(agents.agencyId, agency))).get())!;
    return { id: a.id, classSessionId: s.id, agencyId: a.agencyId };
  };
  const asker: Asker = { kind: 'usager', classSessionId: session.id, personaId: persona.id };
  return { db, session, other, asker, adviserOf };
}

describe('the assistant’s conversations', () => {
  it('keeps one conversation when the person’s first two questions arrive at the same instant (two tabs)', async () => {
    const { db, asker } = await setup();
    const [a, b] = await Promise.all([ask(db, asker, 'Qui a droit à la prime d’activité ?'), ask(db, asker, 'Où acheter le timbre fiscal ?')]);
    expect(a.id).toBe(b.id);
    expect((await messagesOf(db, a.id)).map((m) => m.author)).toEqual(['usager', 'assistant', 'usager', 'assistant']);
  });

  it('answers from a passage, or says it does not know, and keeps the conversation', async () => {
    const { db, asker } = await setup();
    const t0 = new Date('2026-12-03T10:00:00Z');
    const conversation = await ask(db, asker, '  Qui a droit à la prime d’activité ?  ', t0);
    await ask(db, asker, 'Quelle est la capitale de l’Australie ?', new Date(t0.getTime() + 60_000));
    expect((await currentConversation(db, asker))?.id).toBe(conversation.id);
    const messages = await messagesOf(db, conversation.id);
    expect(messages.map((m) => [m.author, m.passageId])).toEqual([
      ['usager', null],
      ['assistant', 'demarche:prime-activite'],
      ['usager', null],
      ['assistant', null],
    ]);
    expect(messages[0]?.text).toBe('Qui a droit à la prime d’activité ?');
    expect(messages[1]?.passage?.href).toBe('/citoyen/demarches/prime-activite');
    expect(messages[3]?.text).toBe(unknownAnswer);
    expect(conversation.procedure).toBe('prime-activite');
    // A new conversation when the person asks for one.
    const fresh = await ask(db, asker, 'Où acheter le timbre fiscal ?', new Date(t0.getTime() + 120_000), { fresh: true });
    expect(fresh.id).not.toBe(conversation.id);
    expect((await currentConversation(db, asker))?.id).toBe(fresh.id);
  });

  it('refuses an empty or too long question with a French message', async () => {
    const { db, asker } = await setup();
    await expect(ask(db, asker, '   ')).rejects.toMatchObject({ code: 'question_vide', message: 'Écrivez votre question.' });
    await expect(ask(db, asker, 'a'.repeat(501))).rejects.toBeInstanceOf(AssistantError);
    expect(await db.select().from(assistantConversations).all()).toHaveLength(0);
  });

  it('hands off once, to the chosen body only: other bodies and other séances do not see it', async () => {
    const { db, session, other, asker, adviserOf } = await setup();
    const conversation = await ask(db, asker, 'Pourquoi ma demande de prime est déjà remplie ?');
    const caf = await adviserOf(session, 'caf');
    const dgfip = await adviserOf(session, 'dgfip');
    const cafElsewhere = await adviserOf(other, 'caf');
    expect(await conversationsForAdviser(db, caf)).toEqual([]); // not handed off yet

    await handOff(db, asker, conversation.id, 'caf');
    await handOff(db, asker, conversation.id, 'dgfip'); // a second click changes nothing
    expect((await db.select().from(assistantConversations).all()).map((c) => c.agency)).toEqual(['caf']);

    const list = await conversationsForAdviser(db, caf);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ conversation: { id: conversation.id }, waiting: true });
    expect(await conversationForAdviser(db, caf, conversation.id)).not.toBeNull();
    for (const outsider of [dgfip, cafElsewhere]) {
      expect(await conversationsForAdviser(db, outsider)).toEqual([]);
      expect(await conversationForAdviser(db, outsider, conversation.id)).toBeNull();
      await expect(reply(db, outsider, conversation.id, 'Bonjour')).rejects.toMatchObject({ code: 'pas_transmise' });
    }
    // Nobody plays the CAF: the automatic answer says when a person would answer in real life.
    const automatic = (await messagesOf(db, conversation.id)).filter((m) => m.author === 'automatique');
    expect(automatic).toHaveLength(1);
    expect(automatic[0]?.text).toMatch(/personne ne joue ce service.*En vrai/);

    // Someone else's conversation cannot be handed off by another person.
    const someoneElse = (await db.select().from(personas).where(eq(personas.classSessionId, session.id)).all())[1]!;
    await expect(handOff(db, { kind: 'usager', classSessionId: session.id, personaId: someoneElse.id }, conversation.id, 'caf')).rejects.toMatchObject({ code: 'introuvable' });

    await reply(db, caf, conversation.id, 'La CAF reçoit vos revenus des impôts : vérifiez-les.');
    expect((await conversationsForAdviser(db, caf))[0]?.waiting).toBe(false);
    const last = (await messagesOf(db, conversation.id)).at(-1)!;
    expect(last).toMatchObject({ author: 'conseiller', agentId: caf.id });
    // Once with a person, the assistant no longer answers: the question waits for the adviser.
    await ask(db, asker, 'Merci, et pour France Travail ?');
    expect((await messagesOf(db, conversation.id)).at(-1)?.author).toBe('usager');
    expect((await conversationsForAdviser(db, caf))[0]?.waiting).toBe(true);
  });

  it('shows messages in the order they were written, even within one millisecond', async () => {
    const { db, session, asker, adviserOf } = await setup();
    const instant = new Date('2026-12-04T09:00:00Z');
    const conversation = await ask(db, asker, 'Pourquoi ma demande est déjà remplie ?', instant);
    await handOff(db, asker, conversation.id, 'caf', instant);
    const caf = await adviserOf(session, 'caf');
    // Twenty turns at the same instant: the time cannot tell them apart, and the message ids are random.
    for (let turn = 1; turn <= 10; turn++) {
      await reply(db, caf, conversation.id, `Réponse ${turn}`, instant);
      await ask(db, asker, `Question ${turn}`, instant);
    }
    const messages = await messagesOf(db, conversation.id);
    expect(messages.map((m) => m.position)).toEqual(messages.map((_, i) => i + 1));
    expect(messages.slice(3).map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => [`Réponse ${i + 1}`, `Question ${i + 1}`]).flat());
    expect((await conversationsForAdviser(db, caf))[0]).toMatchObject({ waiting: true, last: { text: 'Question 10' } });
  });

  it('says the question goes to a person when a student plays the body', async () => {
    const { db, session, asker } = await setup();
    // Students join until one plays the CAF (the prime d’activité's plan gives it the first agent).
    for (let i = 0; i < 4; i++) await joinSession(db, session, `Élève ${i}`, deviceHash(newDeviceSecret()));
    const conversation = await ask(db, asker, 'Qui a droit à la prime d’activité ?');
    await handOff(db, asker, conversation.id, 'caf');
    const automatic = (await messagesOf(db, conversation.id)).find((m) => m.author === 'automatique');
    expect(automatic?.text).toMatch(/^Votre question est transmise à un conseiller ou une conseillère de la CAF/);
  });

  it('lets an aidant ask too, in a conversation of their own', async () => {
    const { db, session, asker } = await setup();
    const aidant = (await db.select().from(aidants).where(eq(aidants.classSessionId, session.id)).get())!;
    const theirs: Asker = { kind: 'aidant', classSessionId: session.id, aidantId: aidant.id };
    const a = await ask(db, theirs, 'Où acheter le timbre fiscal ?');
    const b = await ask(db, asker, 'Où acheter le timbre fiscal ?');
    expect(a.id).not.toBe(b.id);
    expect((await currentConversation(db, theirs))?.id).toBe(a.id);
    expect(await db.select().from(assistantMessages).where(eq(assistantMessages.conversationId, a.id)).all()).toHaveLength(2);
  });

  it('counts for the debrief: questions, answered by the assistant or not, handed to a person, time to a person’s answer', async () => {
    const { db, session, other, asker, adviserOf } = await setup();
    const t0 = new Date('2026-12-03T10:00:00Z');
    const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
    const first = await ask(db, asker, 'Qui a droit à la prime d’activité ?', at(0));
    await ask(db, asker, 'Raconte-moi une blague', at(1));
    await handOff(db, asker, first.id, 'caf', at(2));
    await reply(db, await adviserOf(session, 'caf'), first.id, 'Bonjour, je regarde.', at(5));
    await reply(db, await adviserOf(session, 'caf'), first.id, 'Voici la réponse.', at(9));
    const second = await ask(db, asker, 'Où acheter le timbre fiscal ?', at(10), { fresh: true });
    await handOff(db, asker, second.id, 'ville', at(11));
    expect(await assistantFigures(db, session.id)).toEqual({ questions: 3, answeredByAssistant: 2, unknown: 1, handedOff: 2, answeredByPerson: 1, medianMinutesToPerson: 3 });
    expect(await assistantFigures(db, other.id)).toMatchObject({ questions: 0, handedOff: 0, medianMinutesToPerson: null });
  });
});
