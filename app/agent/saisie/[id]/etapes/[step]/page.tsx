import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CaseStep } from '@/app/_components/case-step';
import { database } from '@/db/engine';
import { requireAgent } from '@/lib/auth/guards';
import { agentDraft } from '@/lib/procedures/agent';
import { agentAutosaveStepAction, agentSaveStepAction } from '../../../actions';

export const metadata: Metadata = { title: 'Saisie d’une demande — espace agent' };

export default async function AgentStepPage({ params, searchParams }: { params: Promise<{ id: string; step: string }>; searchParams: Promise<{ verifier?: string }> }) {
  const agent = await requireAgent();
  const { id, step } = await params;
  const found = await agentDraft(database(), agent, id);
  if (!found) notFound();
  const who = `${found.persona.givenNames} ${found.persona.preferredName ?? found.persona.familyName}`;
  return (
    <CaseStep
      c={found.c}
      persona={found.persona}
      stepId={step}
      verify={(await searchParams).verifier === '1'}
      base={`/agent/saisie/${id}`}
      firstBack="/agent/saisie"
      save={agentSaveStepAction.bind(null, id, step)}
      autosave={agentAutosaveStepAction.bind(null, id, step)}
      onBehalfOf={who}
      banner={`Saisie pour ${who} (${found.c.channel === 'papier' ? 'formulaire papier' : 'au guichet'})`}
    />
  );
}
