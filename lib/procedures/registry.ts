import type { ProcedureId } from '../../db/schema';
import { activityBonusProcedure } from './activity-bonus/definition';
import { addressChange } from './address-change/definition';
import { birthCertificate } from './birth-certificate/definition';
import { cadaReferral, documentAccess } from './document-access/definition';
import type { ProcedureDef, StepContext, StepDef } from './engine/types';
import { parkingCard } from './parking-card/definition';
import { fineContestation } from './fines/contest';
import { identityDocument } from './identity-document/definition';

/** Every procedure, by id: adding one is adding its module here (docs/ARCHITECTURE.md, rule 6). */
export const procedures: Record<ProcedureId, ProcedureDef> = {
  'acte-naissance': birthCertificate,
  'changement-adresse': addressChange,
  'carte-stationnement': parkingCard,
  'acces-document': documentAccess,
  'saisine-cada': cadaReferral,
  'prime-activite': activityBonusProcedure,
  'contestation-amende': fineContestation,
  'titre-identite': identityDocument,
};

export function procedureById(id: string): ProcedureDef | null {
  return (procedures as Record<string, ProcedureDef>)[id] ?? null;
}

/** The steps that apply to these answers, in order. */
export function stepsFor(def: ProcedureDef, ctx: StepContext): StepDef[] {
  return def.steps.filter((step) => !step.applies || step.applies(ctx));
}

/** The first step that is not valid yet (the whole case is checked again on submission: no step can be skipped). */
export async function firstInvalidStep(def: ProcedureDef, ctx: StepContext): Promise<{ step: StepDef; errors: Record<string, string> } | null> {
  for (const step of stepsFor(def, ctx)) {
    const result = await step.validate(ctx.answers[step.id] ?? {}, ctx);
    if (!result.ok) return { step, errors: result.errors };
  }
  return null;
}
