import 'server-only';
import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import type { Aidant } from '@/lib/auth/guards';
import { aidantDraft } from '@/lib/aidants/mandates';
import { CaseError } from '@/lib/procedures/engine/cases';

/** A refusal of the mandate's checks sends the aidant back to their page with the reason. */
export function refused(error: unknown): never {
  if (error instanceof CaseError) redirect(`/aidant?refus=${encodeURIComponent(error.message)}`);
  throw error;
}

/** The draft this aidant fills in under a mandate still usable, or back to their page with why not. */
export async function aidantDraftOrRefuse(aidant: Aidant, caseId: string) {
  try {
    return await aidantDraft(database(), aidant, caseId);
  } catch (error) {
    refused(error);
  }
}
