import { integer, text } from 'drizzle-orm/sqlite-core';

// Column builders shared by every context, so that each table reads the same way.
// This file imports no table: schema files form a chain without cycles
// (columns → reference → identity → classroom → world → agencies, agents, idp).

export const id = () => text('id').primaryKey();

/** A postal address as a body stores it; each body keeps its own copy, possibly out of date. */
export const postalAddress = () => ({
  addressLine: text('address_line').notNull(),
  postalCode: text('postal_code').notNull(),
  city: text('city').notNull(),
});

export const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date());
