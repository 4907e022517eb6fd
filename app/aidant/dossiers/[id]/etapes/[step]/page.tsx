import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CaseStep } from '@/app/_components/case-step';
import { getDb } from '@/db/client';
import { requireAidant } from '@/lib/auth/guards';
import { aidantDraft } from '@/lib/aidants/mandates';
import { CaseError } from '@/lib/procedures/engine/cases';
import { aidantAutosaveStepAction, aidantSaveStepAction } from '../../../../actions';

export const metadata: Metadata = { title: 'Démarche sous mandat — aidant' };

export default async function AidantStepPage({ params, searchParams }: { params: Promise<{ id: string; step: string }>; searchParams: Promise<{ verifier?: string }> }) {
  const aidant = await requireAidant();
  const { id, step } = await params;
  let found;
  try {
    found = aidantDraft(getDb(), aidant, id);
  } catch (error) {
    if (error instanceof CaseError) redirect(`/aidant?refus=${encodeURIComponent(error.message)}`);
    throw error;
  }
  return (
    <CaseStep
      c={found.c}
      persona={found.persona}
      stepId={step}
      verify={(await searchParams).verifier === '1'}
      base={`/aidant/dossiers/${id}`}
      firstBack="/aidant"
      save={aidantSaveStepAction.bind(null, id, step)}
      autosave={aidantAutosaveStepAction.bind(null, id, step)}
      banner={`Pour ${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}, sous mandat`}
    />
  );
}
