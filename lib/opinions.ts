import crypto from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { AsyncExecutor } from '../db/engine';
import { easeLevels, helpSources, satisfactionLevels, type ProcedureId } from '../db/schema';
import { cases, opinions } from '../db/tables';
import { finalStates } from './procedures/engine/state-machine';
import { procedures } from './procedures/registry';

// "Je donne mon avis" (issue 23): after a procedure, the person says how it went; the observatory shows the séance's
// figures per procedure, shaped like the State's observatory of online procedures. Every answer is optional.

export type Opinion = typeof opinions.$inferSelect;
export const maxCommentLength = 1000;
/** Below this many opinions a procedure's rates are not shown: one person's answer would be read in them. */
export const smallestGroup = 3;

export class OpinionError extends Error {
  constructor(
    readonly code: 'introuvable' | 'pas_terminee' | 'vide' | 'invalide',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const optional = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(values).optional());
export const opinionSchema = z.object({
  satisfaction: optional(satisfactionLevels),
  ease: optional(easeLevels),
  help: z.array(z.enum(helpSources)).max(helpSources.length).default([]),
  comment: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().max(maxCommentLength, `Votre commentaire est trop long : ${maxCommentLength} caractères au plus.`).optional()),
});
export type OpinionInput = z.input<typeof opinionSchema>;

/** The opinion given on this case, if any. */
export async function opinionOf(db: AsyncExecutor, caseId: string): Promise<Opinion | null> {
  return (await db.select().from(opinions).where(eq(opinions.caseId, caseId)).get()) ?? null;
}

/** The person gives their opinion on one of their finished cases: once (a second time returns the first). */
export async function giveOpinion(db: AsyncExecutor, personaId: string, caseId: string, input: OpinionInput, now = new Date()): Promise<Opinion> {
  const c = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.personaId, personaId))).get();
  if (!c) throw new OpinionError('introuvable', 'Cette demande n’existe pas, ou ne vous concerne pas.');
  if (!finalStates.includes(c.state)) throw new OpinionError('pas_terminee', 'Vous pourrez donner votre avis quand la démarche sera terminée.');
  const parsed = opinionSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OpinionError('invalide', issue.path[0] === 'comment' ? issue.message : 'Une réponse ne fait pas partie des choix proposés.', String(issue.path[0] ?? ''));
  }
  const { satisfaction, ease, comment } = parsed.data;
  // "Nobody" and someone at once: someone helped.
  const help = parsed.data.help.length > 1 ? parsed.data.help.filter((h) => h !== 'personne') : parsed.data.help;
  if (!satisfaction && !ease && help.length === 0 && !comment) throw new OpinionError('vide', 'Répondez à au moins une question, ou écrivez un commentaire.');
  await db
    .insert(opinions)
    .values({ id: crypto.randomUUID(), classSessionId: c.classSessionId, caseId, procedure: c.procedure, satisfaction: satisfaction ?? null, ease: ease ?? null, help: [...new Set(help)], comment: comment || null, createdAt: now })
    .onConflictDoNothing()
    .run();
  return (await opinionOf(db, caseId))!;
}

const rate = (part: number, whole: number) => (whole > 0 ? Math.round((100 * part) / whole) : null);

export type ObservatoryLine = {
  procedure: ProcedureId;
  title: string;
  /** Cases filed, and the share filed online by the person themself. */
  filed: number;
  onlineShare: number | null;
  opinions: number;
  /** Shown from `smallestGroup` opinions on: a mark out of 10 (bien 10, moyen 5, pas bien 0), and shares in %. */
  satisfaction: number | null;
  easy: number | null;
  helped: number | null;
};

/** The séance's observatory: per procedure that has cases, what the people said and how they went through it. */
export async function observatory(db: AsyncExecutor, classSessionId: string): Promise<ObservatoryLine[]> {
  const filed = await db.select({ procedure: cases.procedure, channel: cases.channel, mandateId: cases.mandateId }).from(cases).where(and(eq(cases.classSessionId, classSessionId), ne(cases.state, 'brouillon'))).all();
  const given = await db.select().from(opinions).where(eq(opinions.classSessionId, classSessionId)).all();
  return (Object.keys(procedures) as ProcedureId[])
    .filter((id) => filed.some((c) => c.procedure === id) || given.some((o) => o.procedure === id))
    .map((id) => {
      const theirs = filed.filter((c) => c.procedure === id);
      const said = given.filter((o) => o.procedure === id);
      const shown = said.length >= smallestGroup;
      const rated = said.filter((o) => o.satisfaction);
      const eased = said.filter((o) => o.ease);
      const helpAnswered = said.filter((o) => o.help.length > 0);
      const mark = rated.length ? Math.round((rated.reduce((sum, o) => sum + (o.satisfaction === 'bien' ? 10 : o.satisfaction === 'moyen' ? 5 : 0), 0) / rated.length) * 10) / 10 : null;
      return {
        procedure: id,
        title: procedures[id].title,
        filed: theirs.length,
        onlineShare: rate(theirs.filter((c) => c.channel === 'en_ligne' && !c.mandateId).length, theirs.length),
        opinions: said.length,
        satisfaction: shown ? mark : null,
        easy: shown ? rate(eased.filter((o) => o.ease === 'facile').length, eased.length) : null,
        helped: shown ? rate(helpAnswered.filter((o) => !o.help.includes('personne')).length, helpAnswered.length) : null,
      };
    });
}

/** The comments, without who wrote them, the latest first (the teacher's debrief). */
export async function opinionComments(db: AsyncExecutor, classSessionId: string): Promise<{ procedure: ProcedureId; comment: string }[]> {
  return (await db.select({ procedure: opinions.procedure, comment: opinions.comment, at: opinions.createdAt }).from(opinions).where(eq(opinions.classSessionId, classSessionId)).all())
    .filter((o): o is typeof o & { comment: string } => Boolean(o.comment))
    .sort((a, b) => b.at.getTime() - a.at.getTime())
    .map(({ procedure, comment }) => ({ procedure, comment }));
}
