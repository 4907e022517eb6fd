import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from './classroom';
import { createdAt, id } from './columns';
import { agencyIds } from './reference';
import { personaRef } from './world';

// Cases (dossiers): one citizen's request in a procedure, its life-cycle, history and messages (docs/PROCEDURES.md).

export const caseStates = ['brouillon', 'depose', 'en_instruction', 'complement_demande', 'accepte', 'refuse', 'sans_suite'] as const;
export type CaseState = (typeof caseStates)[number];
export const procedureIds = ['acte-naissance', 'changement-adresse', 'carte-stationnement', 'acces-document', 'saisine-cada', 'prime-activite', 'contestation-amende', 'titre-identite'] as const;
export type ProcedureId = (typeof procedureIds)[number];
export const caseChannels = ['en_ligne', 'guichet', 'papier'] as const;
export const actorKinds = ['usager', 'agent', 'systeme', 'aidant'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const cases = sqliteTable(
  'cases',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    procedure: text('procedure', { enum: procedureIds }).notNull(),
    /** The body that instructs the case (for a change of address: none, each body gets its notice). */
    agency: text('agency', { enum: agencyIds }),
    /** For état civil: the register (commune code or `scec`). */
    unit: text('unit'),
    state: text('state', { enum: caseStates }).notNull().default('brouillon'),
    /** The answers, step by step, saved as typed (the draft). */
    answers: text('answers', { mode: 'json' }).$type<Record<string, Record<string, string | string[]>>>().notNull(),
    receiptNumber: text('receipt_number'),
    channel: text('channel', { enum: caseChannels }).notNull().default('en_ligne'),
    /** The agent who keyed in a paper or counter request on the person's behalf. */
    enteredBy: text('entered_by'),
    /** The mandate under which an aidant filed the request for the person. */
    mandateId: text('mandate_id'),
    /** Why it was refused and what the person can do, when refused. */
    outcome: text('outcome', { mode: 'json' }).$type<{ motif: string; solution?: string; implicite?: true } | null>(),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    index('cases_person').on(t.personaId),
    index('cases_agency').on(t.classSessionId, t.agency, t.state),
    uniqueIndex('cases_receipt').on(t.classSessionId, t.receiptNumber),
    // Every action happens once (issue 16): one draft per person, procedure and channel, which a second start resumes…
    uniqueIndex('cases_one_draft').on(t.personaId, t.procedure, t.channel).where(sql`state = 'brouillon'`),
    // …and one open request per person for a card or a change of address (a second one is the same request twice).
    uniqueIndex('cases_one_open').on(t.personaId, t.procedure).where(sql`state in ('depose', 'en_instruction', 'complement_demande') and procedure in ('carte-stationnement', 'changement-adresse')`),
  ],
);

/** Every transition and message of a case, with its actor: the timeline. Append-only. */
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: id(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    classSessionId: classSessionRef(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    actorKind: text('actor_kind', { enum: actorKinds }).notNull(),
    actorId: text('actor_id'),
    actorLabel: text('actor_label').notNull(),
    kind: text('kind', { enum: ['transition', 'message', 'avis'] }).notNull(),
    fromState: text('from_state', { enum: caseStates }),
    toState: text('to_state', { enum: caseStates }),
    text: text('text'),
  },
  (t) => [index('case_events_case').on(t.caseId, t.at)],
);

export const noticeStates = ['a_traiter', 'appliquee', 'rejetee'] as const;
export type NoticeState = (typeof noticeStates)[number];

/** A change-of-address notice to one body: each body applies or rejects it in its own records. */
export const addressNotices = sqliteTable(
  'address_notices',
  {
    id: id(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    classSessionId: classSessionRef(),
    agency: text('agency', { enum: agencyIds }).notNull(),
    state: text('state', { enum: noticeStates }).notNull().default('a_traiter'),
    reason: text('reason'),
    decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('address_notices_case_agency').on(t.caseId, t.agency), index('address_notices_inbox').on(t.classSessionId, t.agency, t.state)],
);

/** Issued documents: their data, the JWS that seals it, and the PDF as issued. */
export const documents = sqliteTable(
  'documents',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    caseId: text('case_id').references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer', { enum: agencyIds }),
    issuerLabel: text('issuer_label').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
    content: text('content', { mode: 'json' }).$type<{ champs: { libelle: string; valeur: string }[]; donnees: Record<string, unknown> }>().notNull(),
    contentHash: text('content_hash').notNull(),
    jws: text('jws').notNull(),
    pdf: text('pdf_base64').notNull(),
    pdfHash: text('pdf_hash').notNull(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [index('documents_person').on(t.personaId)],
);

/** The parking card's three proofs (without consent), then the proof joined to a fine's contestation. */
export const parkingProofKinds = ['avis_imposition', 'certificat_immatriculation', 'justificatif_domicile'] as const;
export const proofKinds = [...parkingProofKinds, 'piece_contestation'] as const;
export type ProofKind = (typeof proofKinds)[number];

/**
 * Proofs uploaded with a case (path without consent). Kept in the database, never under the web root:
 * they are served only to the person and the instructing body, and go with their séance.
 */
export const caseFiles = sqliteTable(
  'case_files',
  {
    id: id(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    classSessionId: classSessionRef(),
    kind: text('kind', { enum: proofKinds }).notNull(),
    originalName: text('original_name').notNull(),
    mime: text('mime', { enum: ['application/pdf', 'image/jpeg', 'image/png'] }).notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    uploadedAt: integer('uploaded_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('case_files_kind').on(t.caseId, t.kind)],
);

/** Up to when each person has read their notifications (the badge counts what came after). */
export const notificationReads = sqliteTable('notification_reads', {
  viewer: text('viewer').primaryKey(), // "usager:<persona id>" or "agent:<agent id>"
  classSessionId: classSessionRef(),
  lastReadAt: integer('last_read_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * Appointments at a counter (lib/appointments): a slot of a place on a day of the séance's calendar, booked for a case
 * (a passport's pre-request). One live booking per slot and one per case — the partial unique indexes are what make
 * two bookings at the same instant fail whole, on every server. A cancelled or moved booking keeps its row.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: id(),
    classSessionId: classSessionRef(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The counter: the commune whose town hall has the equipment. */
    place: text('place').notNull(),
    /** Days after the séance began, on its calendar; and the slot of that day (0, 1, …). */
    day: integer('day').notNull(),
    slot: integer('slot').notNull(),
    /** When it happens in the séance (the calendar scaled by the séance's clock). */
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    bookedAt: integer('booked_at', { mode: 'timestamp_ms' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
    /** When the agent at the counter checked the pre-request, the documents and the fingerprints. */
    checkedAt: integer('checked_at', { mode: 'timestamp_ms' }),
    /** When the person came back for what was produced, then when the counter handed it over. */
    collectionAskedAt: integer('collection_asked_at', { mode: 'timestamp_ms' }),
    collectedAt: integer('collected_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('appointments_slot').on(t.classSessionId, t.place, t.day, t.slot).where(sql`cancelled_at is null`),
    uniqueIndex('appointments_case').on(t.caseId).where(sql`cancelled_at is null`),
  ],
);

/**
 * Timbres fiscaux électroniques (lib/payments/fiscal-stamps.ts): bought online with the simulated card, each with its
 * 16-digit number; a pre-request that needs one uses it, once (the partial unique index: one case per stamp).
 */
export const fiscalStamps = sqliteTable(
  'fiscal_stamps',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    number: text('number').notNull(),
    kind: text('kind').notNull(),
    amountCents: integer('amount_cents').notNull(),
    cardLast4: text('card_last4').notNull(),
    boughtAt: integer('bought_at', { mode: 'timestamp_ms' }).notNull(),
    usedByCaseId: text('used_by_case_id').references(() => cases.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('fiscal_stamps_number').on(t.classSessionId, t.number), uniqueIndex('fiscal_stamps_case').on(t.usedByCaseId).where(sql`used_by_case_id is not null`)],
);
