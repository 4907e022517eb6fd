import { and, count, eq, inArray, isNotNull, max, ne, type SQL } from 'drizzle-orm';
import type { AsyncExecutor } from '../db/engine';
import { addressNotices, assistantConversations, assistantMessages, caseEvents, cases, mandates } from '../db/tables';
import type { Agent, Aidant } from './auth/guards';
import type { Viewer } from './auth/viewer';
import type { Persona } from './procedures/engine/types';

// Live where it matters (issue 16): a small fingerprint of what a page shows, read from the database. The page's
// stream sends it when it changes and the page re-renders itself (app/_components/live-refresh.tsx): the case page,
// the agent's queue and the aidant's page follow a decision, a new case or a confirmed mandate without a reload.

export type LiveViewer = { kind: 'usager'; persona: Persona } | { kind: 'agent'; agent: Agent } | { kind: 'aidant'; aidant: Aidant };

const stamp = (row: { n: number; at: Date | null } | undefined) => `${row?.n ?? 0}@${row?.at?.getTime() ?? 0}`;

/** The messages of the conversations with the assistant and the advisers that this condition picks (issue 23). */
const conversationStamp = (db: AsyncExecutor, which: SQL | undefined) =>
  db.select({ n: count(), at: max(assistantMessages.createdAt) }).from(assistantMessages).innerJoin(assistantConversations, eq(assistantConversations.id, assistantMessages.conversationId)).where(which).get();

export async function liveVersion(db: AsyncExecutor, v: LiveViewer): Promise<string> {
  if (v.kind === 'usager') {
    const mine = eq(cases.personaId, v.persona.id);
    // At once, not one after the other: on a busy server each await waits its turn (lib/classroom/live.ts).
    const rows = await Promise.all([
      db.select({ n: count(), at: max(cases.updatedAt) }).from(cases).where(mine).get(),
      db.select({ n: count(), at: max(caseEvents.at) }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(mine).get(),
      db.select({ n: count(), at: max(addressNotices.decidedAt) }).from(addressNotices).innerJoin(cases, eq(cases.id, addressNotices.caseId)).where(and(mine, ne(addressNotices.state, 'a_traiter'))).get(),
      conversationStamp(db, eq(assistantConversations.personaId, v.persona.id)),
    ]);
    return rows.map(stamp).join(';');
  }
  if (v.kind === 'agent') {
    const a = v.agent;
    const scope = and(eq(cases.classSessionId, a.classSessionId), eq(cases.agency, a.agencyId), ne(cases.state, 'brouillon'), a.agencyId === 'etat-civil' && a.unit ? eq(cases.unit, a.unit) : undefined);
    const rows = await Promise.all([
      db.select({ n: count(), at: max(cases.updatedAt) }).from(cases).where(scope).get(),
      db.select({ n: count(), at: max(caseEvents.at) }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId)).where(scope).get(),
      db.select({ n: count(), at: max(addressNotices.decidedAt) }).from(addressNotices).where(and(eq(addressNotices.classSessionId, a.classSessionId), eq(addressNotices.agency, a.agencyId))).get(),
      conversationStamp(db, and(eq(assistantConversations.classSessionId, a.classSessionId), eq(assistantConversations.agency, a.agencyId), isNotNull(assistantConversations.handedOffAt))),
    ]);
    return rows.map(stamp).join(';');
  }
  const ids = (await db.select({ id: mandates.id }).from(mandates).where(eq(mandates.aidantId, v.aidant.id)).all()).map((m) => m.id);
  const states = await db.select({ c: mandates.confirmedAt, r: mandates.revokedAt }).from(mandates).where(eq(mandates.aidantId, v.aidant.id)).all();
  return [
    `${ids.length}:${states.map((s) => `${s.c?.getTime() ?? 0}/${s.r?.getTime() ?? 0}`).join(',')}`,
    ids.length ? stamp(await db.select({ n: count(), at: max(cases.updatedAt) }).from(cases).where(inArray(cases.mandateId, ids)).get()) : '0@0',
    stamp(await conversationStamp(db, eq(assistantConversations.aidantId, v.aidant.id))),
  ].join(';');
}

/** The person whose pages follow their updates (citizens, agents, aidants), as the updates stream reads them. */
export function liveViewerOf(viewer: Viewer | null): LiveViewer | null {
  if (viewer?.role === 'citoyen') return { kind: 'usager', persona: viewer.persona };
  if (viewer?.role === 'agent') return { kind: 'agent', agent: viewer.agent };
  if (viewer?.role === 'aidant') return { kind: 'aidant', aidant: viewer.aidant };
  return null;
}

/** What the updates stream sends for this person now (a page renders it too: app/_components/live-refresh.tsx). */
export async function updatesEventText(db: AsyncExecutor, v: LiveViewer): Promise<string> {
  return JSON.stringify(await liveVersion(db, v));
}

/** What a student's séance stream sends: their role, how many messages they have, the journal's length for an observer. */
export function seanceEventText(participant: { role: string; subjectId: string | null }, messages: number, journal: number | null): string {
  return JSON.stringify({ role: participant.role, subject: participant.subjectId, messages, journal });
}
