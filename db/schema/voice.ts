import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agents } from './agents';
import { aidants } from './aidants';
import { cases, procedureIds } from './cases';
import { classSessionRef } from './classroom';
import { createdAt, id } from './columns';
import { agencyIds } from './reference';
import { personas } from './world';

// The user's voice (issue 23): questions to the assistant and to a person.

/**
 * A person's questions: to the assistant first, then, once handed off, to the body's advisers (the students who play
 * its agents). Asked by a citizen (persona) or by an aidant.
 */
export const assistantConversations = sqliteTable(
  'assistant_conversations',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: text('persona_id').references(() => personas.id, { onDelete: 'cascade' }),
    aidantId: text('aidant_id').references(() => aidants.id, { onDelete: 'cascade' }),
    /** The body whose advisers answer, once handed off. */
    agency: text('agency', { enum: agencyIds }),
    /** The procedure it was about, when the person chose one or the assistant quoted one. */
    procedure: text('procedure', { enum: procedureIds }),
    handedOffAt: integer('handed_off_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('assistant_conversations_persona').on(t.personaId, t.updatedAt),
    index('assistant_conversations_aidant').on(t.aidantId, t.updatedAt),
    index('assistant_conversations_agency').on(t.classSessionId, t.agency, t.updatedAt),
  ],
);

export const assistantAuthors = ['usager', 'assistant', 'conseiller', 'automatique'] as const;
export type AssistantAuthor = (typeof assistantAuthors)[number];

export const assistantMessages = sqliteTable(
  'assistant_messages',
  {
    id: id(),
    conversationId: text('conversation_id')
      .notNull()
      .references(() => assistantConversations.id, { onDelete: 'cascade' }),
    classSessionId: classSessionRef(),
    author: text('author', { enum: assistantAuthors }).notNull(),
    text: text('text').notNull(),
    /** The passage the assistant quoted (lib/assistant/corpus.ts); null when it did not know, or a person wrote. */
    passageId: text('passage_id'),
    /** The adviser who answered. */
    agentId: text('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    /** Its place in the conversation (1, 2, …): the order it is shown in, even when two messages share a millisecond. */
    position: integer('position').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('assistant_messages_position').on(t.conversationId, t.position), index('assistant_messages_session').on(t.classSessionId, t.createdAt)],
);

export const satisfactionLevels = ['bien', 'moyen', 'pas_bien'] as const;
export const easeLevels = ['facile', 'moyen', 'difficile'] as const;
export const helpSources = ['personne', 'proche', 'aidant', 'agent', 'internet'] as const;

/**
 * "Je donne mon avis" after a procedure: every answer optional, one opinion per case. The figures (the observatory)
 * count them; they never show who gave which.
 */
export const opinions = sqliteTable(
  'opinions',
  {
    id: id(),
    classSessionId: classSessionRef(),
    /** One per case (the same form sent twice is the first opinion). */
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    procedure: text('procedure', { enum: procedureIds }).notNull(),
    satisfaction: text('satisfaction', { enum: satisfactionLevels }),
    ease: text('ease', { enum: easeLevels }),
    /** Who helped, if anyone ("personne": nobody). */
    help: text('help', { mode: 'json' }).$type<(typeof helpSources)[number][]>().notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('opinions_case').on(t.caseId), index('opinions_session').on(t.classSessionId, t.procedure)],
);

export const ideaAuthorKinds = ['usager', 'agent', 'aidant'] as const;

/** The ideas box (co-construction): an improvement proposed for a procedure, voted by the class, retained by the teacher. */
export const ideas = sqliteTable(
  'ideas',
  {
    id: id(),
    classSessionId: classSessionRef(),
    procedure: text('procedure', { enum: procedureIds }).notNull(),
    authorKind: text('author_kind', { enum: ideaAuthorKinds }).notNull(),
    /** The persona, agent or aidant account that proposed it (never shown with the idea). */
    authorId: text('author_id').notNull(),
    text: text('text').notNull(),
    retainedAt: integer('retained_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('ideas_session').on(t.classSessionId, t.createdAt)],
);

/** One vote per account and idea. */
export const ideaVotes = sqliteTable(
  'idea_votes',
  {
    id: id(),
    ideaId: text('idea_id')
      .notNull()
      .references(() => ideas.id, { onDelete: 'cascade' }),
    classSessionId: classSessionRef(),
    voterId: text('voter_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('idea_votes_one').on(t.ideaId, t.voterId)],
);
