import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * What an action tells the person on the next page ("Le message est envoyé."): kept here, not in the URL, so that a
 * reload does not say it again. It belongs to the signed-in person (`owner`), or, for a visitor, to the browser whose
 * cookie holds its id; the first page that shows the message deletes the row.
 */
export const flashMessages = sqliteTable(
  'flash_messages',
  {
    id: text('id').primaryKey(),
    /** "citoyen:<persona>", "agent:<agent>", "aidant:<aidant>", "enseignant:<teacher>"; null for a visitor (cookie). */
    owner: text('owner'),
    text: text('text').notNull(),
    tone: text('tone', { enum: ['succes', 'erreur'] }).notNull(),
    /** A part of the text to stand out (a receipt number the person must keep). */
    emphasis: text('emphasis'),
    /** The page it is for (a pathname), when the action said where it sends the person; null: the next page of theirs. */
    path: text('path'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('flash_messages_created_at').on(t.createdAt), index('flash_messages_owner').on(t.owner)],
);
