import type { Metadata } from 'next';
import { CaseStep } from '@/app/_components/case-step';
import { aidantDraftOrRefuse } from '../../../../draft';
import { requireAidant } from '@/lib/auth/guards';
import { aidantAutosaveStepAction, aidantSaveStepAction } from '../../../../actions';

export const metadata: Metadata = { title: 'Démarche sous mandat — aidant' };

export default async function AidantStepPage({ params, searchParams }: { params: Promise<{ id: string; step: string }>; searchParams: Promise<{ verifier?: string }> }) {
  const aidant = await requireAidant();
  const { id, step } = await params;
  const found = await aidantDraftOrRefuse(aidant, id);
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
      onBehalfOf={`${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}`}
      banner={`Pour ${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}, sous mandat`}
    />
  );
}
