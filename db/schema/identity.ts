import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';

export const teachers = sqliteTable('teachers', {
  id: id(),
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  /** scrypt$N$r$p$salt$hash (lib/auth/password.ts) */
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});
