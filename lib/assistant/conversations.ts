import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { prepared } from '../../db/prepared';
import type { AgencyId, AssistantAuthor } from '../../db/schema';
import { agencyData } from '../../db/seed/reference-data';
import { assistantConversations, assistantMessages } from '../../db/tables';
import { sessionById } from '../classroom/session-by-id';
import { corpus, type Passage } from './corpus';
import { findAnswer } from './search';

// "Une question ?" (issue 23): the assistant answers from e-Guichet's texts; "Parler à un conseiller" hands the
// conversation to the body's advisers — the students who play its agents — who answer in their messaging view.

export type Asker = { kind: 'usager'; classSessionId: string; personaId: string } | { kind: 'aidant'; classSessionId: string; aidantId: string };
export type Adviser = { id: string; classSessionId: string; agencyId: AgencyId };

export type Conversation = typeof assistantConversations.$inferSelect;
export type Message = typeof assistantMessages.$inferSelect & { passage: Passage | null };

export class AssistantError extends Error {
  constructor(
    readonly code: 'question_vide' | 'question_trop_longue' | 'introuvable' | 'organisme_inconnu' | 'pas_transmise',
    message: string,
  ) {
    super(message);
  }
}

export const maxQuestionLength = 500;
export const maxReplyLength = 2000;

/** What the assistant says when no passage answers. */
export const unknownAnswer = 'Je ne sais pas répondre à cette question. Essayez avec d’autres mots, ou parlez à un conseiller : une personne vous répondra.';

const askerIs = (asker: Asker) => (asker.kind === 'usager' ? eq(assistantConversations.personaId, asker.personaId) : eq(assistantConversations.aidantId, asker.aidantId));

/** The person's current conversation (the latest), if any. */
export async function currentConversation(db: AsyncExecutor, asker: Asker): Promise<Conversation | null> {
  const values = { session: asker.classSessionId, asker: asker.kind === 'usager' ? asker.personaId : asker.aidantId };
  return (await (asker.kind === 'usager' ? latestOfPersona : latestOfAidant)(db).get(values)) ?? null;
}
// Read on every page of a citizen or an aidant (the "Une question ?" panel): built once (db/prepared.ts).
const latestOf = (column: typeof assistantConversations.personaId | typeof assistantConversations.aidantId) =>
  prepared((db) =>
    db
      .select()
      .from(assistantConversations)
      .where(and(eq(assistantConversations.classSessionId, sql.placeholder('session')), eq(column, sql.placeholder('asker'))))
      .orderBy(desc(assistantConversations.updatedAt))
      .limit(1),
  );
const latestOfPersona = latestOf(assistantConversations.personaId);
const latestOfAidant = latestOf(assistantConversations.aidantId);

/** The person's conversations, the latest first. */
export async function conversationsOf(db: AsyncExecutor, asker: Asker): Promise<Conversation[]> {
  return db.select().from(assistantConversations).where(and(eq(assistantConversations.classSessionId, asker.classSessionId), askerIs(asker))).orderBy(desc(assistantConversations.updatedAt)).all();
}

/** One of the person's conversations (null: not theirs, or none). */
export async function conversationOf(db: AsyncExecutor, asker: Asker, conversationId: string): Promise<Conversation | null> {
  return (await db.select().from(assistantConversations).where(and(eq(assistantConversations.id, conversationId), askerIs(asker))).get()) ?? null;
}

/** A conversation's messages, oldest first, each with the passage it quotes. */
export async function messagesOf(db: AsyncExecutor, conversationId: string): Promise<Message[]> {
  const rows = await db.select().from(assistantMessages).where(eq(assistantMessages.conversationId, conversationId)).orderBy(asc(assistantMessages.position)).all();
  const passages = new Map((await corpus()).map((p) => [p.id, p]));
  return rows.map((row) => ({ ...row, passage: row.passageId ? (passages.get(row.passageId) ?? null) : null }));
}

/**
 * Adds a message after the conversation's last one (inside the caller's transaction). Its position, not its time, says
 * where it goes: a person's question and an adviser's answer may share a millisecond. Two servers adding at once: the
 * unique position refuses the second, whose transaction runs again (db/engine.ts).
 */
async function insertMessage(tx: AsyncExecutor, conversation: Conversation, author: AssistantAuthor, text: string, now: Date, extra: { passageId?: string | null; agentId?: string | null } = {}) {
  const last = await tx.select({ position: max(assistantMessages.position) }).from(assistantMessages).where(eq(assistantMessages.conversationId, conversation.id)).get();
  await tx
    .insert(assistantMessages)
    .values({ id: crypto.randomUUID(), conversationId: conversation.id, classSessionId: conversation.classSessionId, author, text, passageId: extra.passageId ?? null, agentId: extra.agentId ?? null, position: Number(last?.position ?? 0) + 1, createdAt: now })
    .run();
}

/**
 * The person asks, in the conversation named, or else their current one (a new one when `fresh`, or when they have
 * none). The assistant answers at once; once the conversation is with an adviser, the question waits for them instead.
 */
export async function ask(db: AsyncExecutor, asker: Asker, question: string, now = new Date(), options: { fresh?: boolean; conversationId?: string } = {}): Promise<Conversation> {
  const text = question.trim().replace(/\s+/g, ' ');
  if (!text) throw new AssistantError('question_vide', 'Écrivez votre question.');
  if (text.length > maxQuestionLength) throw new AssistantError('question_trop_longue', `Votre question est trop longue : ${maxQuestionLength} caractères au plus.`);
  const found = await findAnswer(text);
  return transaction(db, async (tx) => {
    let conversation = options.fresh ? null : options.conversationId ? await conversationOf(tx, asker, options.conversationId) : await currentConversation(tx, asker);
    if (options.conversationId && !conversation) throw new AssistantError('introuvable', 'Cette conversation n’existe pas, ou ne vous concerne pas.');
    if (!conversation) {
      conversation = {
        id: crypto.randomUUID(),
        classSessionId: asker.classSessionId,
        personaId: asker.kind === 'usager' ? asker.personaId : null,
        aidantId: asker.kind === 'aidant' ? asker.aidantId : null,
        agency: null,
        procedure: null,
        handedOffAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(assistantConversations).values(conversation).run();
    }
    await insertMessage(tx, conversation, 'usager', text, now);
    if (!conversation.handedOffAt) {
      await insertMessage(tx, conversation, 'assistant', found ? found.quote : unknownAnswer, now, { passageId: found?.passage.id ?? null });
    }
    const procedure = conversation.procedure ?? found?.passage.procedure ?? null;
    await tx.update(assistantConversations).set({ updatedAt: now, procedure }).where(eq(assistantConversations.id, conversation.id)).run();
    return { ...conversation, updatedAt: now, procedure };
    // One asker's questions one after the other: two first questions at once would each start a conversation.
  }, { lock: `assistant:${asker.kind === 'usager' ? asker.personaId : asker.aidantId}` });
}

/** Whether students play the body in the séance (a student who joins as its agent marks it; the teacher may too). */
async function someoneAnswers(db: AsyncExecutor, classSessionId: string, agency: AgencyId): Promise<boolean> {
  return (await sessionById(db, classSessionId))?.bodiesPlayed.includes(agency) ?? false;
}

/**
 * "Parler à un conseiller": the conversation goes to the body's advisers. Handed off once: asking again changes
 * nothing. With nobody to play them, an automatic answer says when a person would answer in real life.
 */
export async function handOff(db: AsyncExecutor, asker: Asker, conversationId: string, agency: AgencyId, now = new Date()): Promise<Conversation> {
  if (!agencyData.some((a) => a.id === agency)) throw new AssistantError('organisme_inconnu', 'Choisissez le service auquel vous voulez parler.');
  return transaction(db, async (tx) => {
    const conversation = await conversationOf(tx, asker, conversationId);
    if (!conversation) throw new AssistantError('introuvable', 'Cette conversation n’existe pas, ou ne vous concerne pas.');
    if (conversation.handedOffAt) return conversation;
    const handed = { ...conversation, agency, handedOffAt: now, updatedAt: now };
    await tx.update(assistantConversations).set({ agency, handedOffAt: now, updatedAt: now }).where(eq(assistantConversations.id, conversationId)).run();
    const answered = await someoneAnswers(tx, conversation.classSessionId, agency);
    await insertMessage(
      tx,
      handed,
      'automatique',
      answered
        ? `Votre question est transmise à un conseiller ou une conseillère ${ofAgency(agency)}. La réponse s’affichera ici, sans recharger la page.`
        : `Votre question est transmise ${toAgency(agency)}, mais personne ne joue ce service dans la séance pour l’instant. En vrai, un conseiller ou une conseillère vous répondrait par écrit dans votre espace, en général sous quelques jours ouvrés, ou au téléphone aux heures d’ouverture.`,
      now,
    );
    return handed;
  });
}

/** Each body's name after "de" and "à", with its article ("de l’ANTAI", "au SIV"). */
const bodyNames: Record<AgencyId, [of: string, to: string]> = {
  dgfip: ['de la DGFiP', 'à la DGFiP'],
  siv: ['du SIV', 'au SIV'],
  caf: ['de la CAF', 'à la CAF'],
  cpam: ['de la CPAM', 'à la CPAM'],
  'france-travail': ['de France Travail', 'à France Travail'],
  retraite: ['de la caisse de retraite', 'à la caisse de retraite'],
  'la-poste': ['de La Poste', 'à La Poste'],
  'etat-civil': ['de l’état civil', 'à l’état civil'],
  ville: ['de la mairie', 'à la mairie'],
  antai: ['de l’ANTAI', 'à l’ANTAI'],
  cada: ['de la CADA', 'à la CADA'],
};
export const ofAgency = (agency: AgencyId) => bodyNames[agency][0];
export const toAgency = (agency: AgencyId) => bodyNames[agency][1];

/** The conversations handed to the adviser's body in their séance, the latest first, with whether the person waits. */
export async function conversationsForAdviser(db: AsyncExecutor, adviser: Adviser): Promise<{ conversation: Conversation; last: Message | null; waiting: boolean }[]> {
  const rows = await db
    .select()
    .from(assistantConversations)
    .where(and(eq(assistantConversations.classSessionId, adviser.classSessionId), eq(assistantConversations.agency, adviser.agencyId), isNotNull(assistantConversations.handedOffAt)))
    .orderBy(desc(assistantConversations.updatedAt))
    .all();
  if (rows.length === 0) return [];
  const messages = await db.select().from(assistantMessages).where(inArray(assistantMessages.conversationId, rows.map((r) => r.id))).orderBy(asc(assistantMessages.conversationId), asc(assistantMessages.position)).all();
  return rows.map((conversation) => {
    const own = messages.filter((m) => m.conversationId === conversation.id && m.author !== 'automatique');
    const last = own.at(-1) ?? null;
    return { conversation, last: last ? { ...last, passage: null } : null, waiting: last?.author === 'usager' || last?.author === 'assistant' };
  });
}

/** A conversation as the adviser may read it: handed to their body, in their séance; otherwise null. */
export async function conversationForAdviser(db: AsyncExecutor, adviser: Adviser, conversationId: string): Promise<Conversation | null> {
  return (
    (await db
      .select()
      .from(assistantConversations)
      .where(and(eq(assistantConversations.id, conversationId), eq(assistantConversations.classSessionId, adviser.classSessionId), eq(assistantConversations.agency, adviser.agencyId), isNotNull(assistantConversations.handedOffAt)))
      .get()) ?? null
  );
}

/** The adviser answers. */
export async function reply(db: AsyncExecutor, adviser: Adviser, conversationId: string, answer: string, now = new Date()): Promise<void> {
  const text = answer.trim();
  if (!text) throw new AssistantError('question_vide', 'Écrivez votre réponse.');
  if (text.length > maxReplyLength) throw new AssistantError('question_trop_longue', `Votre réponse est trop longue : ${maxReplyLength} caractères au plus.`);
  await transaction(db, async (tx) => {
    const conversation = await conversationForAdviser(tx, adviser, conversationId);
    if (!conversation) throw new AssistantError('pas_transmise', 'Cette conversation n’a pas été transmise à votre service.');
    await insertMessage(tx, conversation, 'conseiller', text, now, { agentId: adviser.id });
    await tx.update(assistantConversations).set({ updatedAt: now }).where(eq(assistantConversations.id, conversationId)).run();
  });
}
