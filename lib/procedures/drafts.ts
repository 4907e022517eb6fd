import { eq } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { cases } from '../../db/tables';
import { whileHolding } from '../action-keys';
import { openCaseOf, reread, saveDraft } from './engine/cases';
import type { CaseRow, FieldDef, Persona, RawValues, StartBlocked } from './engine/types';
import type { ProcedureId } from '../../db/schema';
import { formatSize } from '../format';
import { checkProof, chosenFile, storeProof } from '../uploads/proof-files';
import { procedures, stepsFor } from './registry';

// Saving a step of a draft, the same for a citizen online and for an agent keying in a paper request.

export async function formValuesFor(c: CaseRow, persona: Persona, stepId: string, form: FormData, db: AsyncExecutor): Promise<RawValues | null> {
  const step = procedures[c.procedure].steps.find((s) => s.id === stepId);
  if (!step) return null;
  return valuesOf(c, stepId, await step.fields({ db, persona, answers: c.answers }), form);
}

/** The values typed; a file field keeps what was joined before (a new file is stored by `saveStep`, never by autosave). */
function valuesOf(c: CaseRow, stepId: string, fields: FieldDef[], form: FormData): RawValues {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.kind === 'checkboxes' ? form.getAll(f.name).map(String).slice(0, 20) : f.kind === 'file' ? c.answers[stepId]?.[f.name] ?? '' : String(form.get(f.name) ?? '').slice(0, 300)]),
  );
}

/** What a joined file reads as in the answers (summary, receipt, agent's view): its name and size. */
export const fileAnswer = (file: { originalName: string; size: number }) => `${file.originalName} (${formatSize(file.size)})`;

export type StepOutcome = { ok: false; errors: Record<string, string>; values: RawValues } | { ok: true; next: string | null };

/**
 * Saves the step as typed (always), then checks it; on success, the next step that applies (or null: the summary).
 * A file chosen in a file field is checked (type by its first bytes, size) and stored with the draft, replacing the
 * one joined before; a wrong one comes back beside its field and the one joined before stays.
 */
export async function saveStep(db: AsyncExecutor, c: CaseRow, persona: Persona, stepId: string, form: FormData): Promise<StepOutcome | null> {
  const def = procedures[c.procedure];
  const step = def.steps.find((s) => s.id === stepId);
  if (!step || c.state !== 'brouillon') return null;
  const fields = await step.fields({ db, persona, answers: c.answers });
  const values = valuesOf(c, stepId, fields, form);
  const fileErrors: Record<string, string> = {};
  for (const f of fields) {
    if (f.kind !== 'file') continue;
    const chosen = await chosenFile(form.get(f.name));
    if (!chosen) continue;
    const error = checkProof(chosen);
    if (error) fileErrors[f.name] = error;
    else values[f.name] = fileAnswer(await transaction(db, (tx) => storeProof(tx, c, f.proof, chosen)));
  }
  const saved = await saveDraft(db, c, stepId, values);
  const ctx = { db, persona, answers: saved.answers };
  const result = await step.validate(values, ctx);
  if (!result.ok || Object.keys(fileErrors).length > 0) return { ok: false, errors: { ...(result.ok ? {} : result.errors), ...fileErrors }, values };
  const steps = stepsFor(def, ctx);
  return { ok: true, next: steps[steps.findIndex((s) => s.id === stepId) + 1]?.id ?? null };
}

export async function autosaveStep(db: AsyncExecutor, c: CaseRow, persona: Persona, stepId: string, form: FormData): Promise<{ savedAt: number } | { error: string }> {
  const values = await formValuesFor(c, persona, stepId, form, db);
  if (!values || c.state !== 'brouillon') return { error: 'Cette demande est déjà envoyée : elle ne peut plus être modifiée.' };
  return { savedAt: (await saveDraft(db, c, stepId, values)).updatedAt.getTime() };
}

/** Why the person cannot begin this procedure now (nothing to contest…); null when they can, or have one open to resume. */
export async function startBlocked(db: AsyncExecutor, persona: Persona, procedure: ProcedureId, channel: CaseRow['channel'] = 'en_ligne'): Promise<StartBlocked | null> {
  const cannotStart = procedures[procedure].cannotStart;
  if (!cannotStart || (await openCaseOf(db, persona.id, procedure, channel))) return null;
  return cannotStart(db, persona);
}

/**
 * Writes what the body already knows into a new draft, once, whoever starts it (the person, an aidant, an agent at the
 * counter) and however often (two tabs, a retry): under a lease, and only while the draft has no answers yet.
 */
export async function prefillOnce(db: AsyncExecutor, c: CaseRow, persona: Persona): Promise<CaseRow> {
  const def = procedures[c.procedure];
  if (!def.prefill || c.state !== 'brouillon' || Object.keys(c.answers).length > 0) return c;
  const run = await whileHolding(db, { key: `preremplissage:${c.id}`, actor: 'systeme', action: 'preremplissage', classSessionId: c.classSessionId }, 60_000, async () => {
    const current = await reread(db, c);
    if (current.state !== 'brouillon' || Object.keys(current.answers).length > 0) return current;
    const answers = await def.prefill!(db, persona, current);
    return transaction(db, async (tx) => tx.update(cases).set({ answers, updatedAt: new Date() }).where(eq(cases.id, c.id)).returning().get());
  });
  return run.held ? run.result : reread(db, c);
}
