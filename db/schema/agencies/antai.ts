import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

export const fineKinds = ['stationnement', 'vitesse'] as const;
/** A notice is to be paid, paid, contested (an officer decides), passed on to the designated driver, or dropped. */
export const fineStates = ['a_payer', 'payee', 'contestee', 'designee', 'classee'] as const;
export type FineState = (typeof fineStates)[number];

/**
 * ANTAI: the notices of fines (avis de contravention). `personaId` is who receives it: the vehicle's holder, found
 * through the platform from the registration (the SIV), or the driver the holder designated.
 */
export const antaiNotices = sqliteTable(
  'antai_notices',
  {
    ...personaRecordColumns(),
    number: text('number').notNull(),
    /** The recorded offence this notice is about: the radar's notice is sent once; a designation sends a new one. */
    offenceKey: text('offence_key').notNull(),
    kind: text('kind', { enum: fineKinds }).notNull(),
    fineClass: integer('fine_class').notNull(),
    offence: text('offence').notNull(),
    place: text('place').notNull(),
    offenceAt: integer('offence_at', { mode: 'timestamp_ms' }).notNull(),
    registration: text('registration').notNull(),
    /** To whom and where it was mailed: the certificate's holder and address (a company; an old address). */
    holderName: text('holder_name').notNull(),
    holderKind: text('holder_kind', { enum: ['personne', 'societe'] }).notNull(),
    ...postalAddress(),
    /** When the person first saw it (their student opened their space): every period runs from there. */
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    state: text('state', { enum: fineStates }).notNull().default('a_payer'),
    paidAt: integer('paid_at', { mode: 'timestamp_ms' }),
    paidCents: integer('paid_cents'),
    /** The platform exchange that named the holder (the person reads it in "Mes données"). */
    journalEntryId: text('journal_entry_id'),
    /** The person's contestation (a case for the ANTAI's officer); while it is open the notice cannot be paid. */
    contestCaseId: text('contest_case_id'),
    /** When a rejected or withdrawn contestation gave the notice back to pay: the forfait, counted again from there. */
    reopenedAt: integer('reopened_at', { mode: 'timestamp_ms' }),
    /** The notice this one replaces, when the holder designated this person as the driver. */
    designatedFrom: text('designated_from'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('antai_notices_number').on(t.classSessionId, t.number), uniqueIndex('antai_notices_offence').on(t.classSessionId, t.offenceKey).where(sql`designated_from is null`)],
);
