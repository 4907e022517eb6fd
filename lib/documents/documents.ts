import crypto from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { type AgencyId } from '../../db/schema';
import { documents } from '../../db/tables';
import { env } from '../env';
import { renderDocumentPdf, type DocumentField } from './pdf';
import { checkSeal, sealDocument, type PrintedData } from './seal';

// Issued documents: prepared (sealed and rendered) outside any transaction, then stored inside the caller's.

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentContent = { champs: DocumentField[]; donnees: Record<string, unknown> };
export type NewDocument = {
  classSessionId: string;
  personaId: string;
  caseId: string | null;
  kind: string;
  title: string;
  issuer: AgencyId | null;
  issuerLabel: string;
  content: DocumentContent;
  issuedAt?: Date;
};

export const verifyPath = (id: string) => `/verifier/${id}`;

/** Seals the content and renders the PDF: the row to insert (async work, outside the transaction). */
export async function prepareDocument(input: NewDocument): Promise<DocumentRow> {
  const id = crypto.randomUUID();
  const issuedAt = input.issuedAt ?? new Date();
  const { jws, contentHash } = await sealDocument({ id, kind: input.kind, issuer: input.issuer ?? 'e-guichet', issuedAt, content: input.content, title: input.title, issuerLabel: input.issuerLabel });
  const pdf = await renderDocumentPdf({ id, title: input.title, issuerLabel: input.issuerLabel, issuedAt, fields: input.content.champs, verifyUrl: `${env().baseUrl}${verifyPath(id)}`, jws });
  return {
    id,
    classSessionId: input.classSessionId,
    personaId: input.personaId,
    caseId: input.caseId,
    kind: input.kind,
    title: input.title,
    issuer: input.issuer,
    issuerLabel: input.issuerLabel,
    issuedAt,
    content: input.content,
    contentHash,
    jws,
    pdf: Buffer.from(pdf).toString('base64'),
    pdfHash: crypto.createHash('sha256').update(pdf).digest('hex'),
    revokedAt: null,
    createdAt: issuedAt,
  };
}

export async function storeDocument(tx: AsyncExecutor, row: DocumentRow): Promise<DocumentRow> {
  await tx.insert(documents).values(row).run();
  return row;
}

export async function documentsOf(db: AsyncExecutor, personaId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(eq(documents.personaId, personaId)).orderBy(desc(documents.issuedAt)).all();
}

export async function documentOf(db: AsyncExecutor, personaId: string, id: string): Promise<DocumentRow | null> {
  return await db.select().from(documents).where(and(eq(documents.id, id), eq(documents.personaId, personaId))).get() ?? null;
}

export type Verification = {
  authentique: boolean;
  type: string;
  titre: string;
  emis_le: string;
  emetteur: string;
  revoque: boolean;
  empreinte_contenu: string;
  raison?: string;
  /** What the seal carries (the data printed on the paper), read from the verified signature: to compare with the paper. */
  donnees_scellees?: PrintedData;
};

/** The public check of a document by its id (QR target): signature, content, revocation. */
export async function verifyDocument(db: AsyncExecutor, id: string): Promise<Verification | null> {
  const doc = await db.select().from(documents).where(eq(documents.id, id)).get();
  if (!doc) return null;
  const seal = await checkSeal(doc);
  return {
    authentique: seal.ok && !doc.revokedAt,
    type: doc.kind,
    titre: doc.title,
    emis_le: doc.issuedAt.toISOString(),
    emetteur: doc.issuerLabel,
    revoque: Boolean(doc.revokedAt),
    empreinte_contenu: doc.contentHash,
    ...(seal.ok ? (doc.revokedAt ? { raison: 'Ce document a été révoqué par son émetteur.' } : {}) : { raison: seal.raison }),
    ...(seal.claims?.imprime ? { donnees_scellees: seal.claims.imprime } : {}),
  };
}

/** A PDF someone holds: is it, byte for byte, the one e-Guichet issued under this id? */
export function samePdf(doc: DocumentRow, bytes: Uint8Array): boolean {
  return crypto.createHash('sha256').update(bytes).digest('hex') === doc.pdfHash;
}

export async function documentsOfCase(db: AsyncExecutor, personaId: string, caseId: string): Promise<DocumentRow[]> {
  return db.select().from(documents).where(and(eq(documents.personaId, personaId), eq(documents.caseId, caseId))).orderBy(desc(documents.issuedAt)).all();
}
