import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { CaseStep } from '@/app/_components/case-step';
import { citizenCase } from '@/lib/procedures/citizen';
import { database } from '@/db/engine';
import { citizenCard } from '@/lib/classroom/cards';
import { viewerPreferences } from '@/lib/preferences-store';
import { procedures } from '@/lib/procedures/registry';
import { autosaveStepAction, saveStepAction } from '../../../actions';

type Params = { params: Promise<{ id: string; step: string }>; searchParams: Promise<{ verifier?: string; question?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, step } = await params;
  const found = await citizenCase(id);
  const def = found ? procedures[found.c.procedure] : null;
  const current = def?.steps.find((s) => s.id === step);
  return { title: current && def ? `${current.title} — ${def.title}` : 'Démarche' };
}

export default async function StepPage({ params, searchParams }: Params) {
  const { id, step } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  if (found.c.state !== 'brouillon') redirect(`/citoyen/dossiers/${id}`);
  const q = await searchParams;
  // Simplified mode (a preference): FALC texts, one question per page.
  const prefs = await viewerPreferences();
  const question = prefs.simplifie ? Math.max(0, Number.parseInt(q.question ?? '0', 10) || 0) : null;
  return (
    <CaseStep
      c={found.c}
      persona={found.persona}
      stepId={step}
      verify={q.verifier === '1'}
      base={`/citoyen/dossiers/${id}`}
      firstBack={`/citoyen/demarches/${found.c.procedure}`}
      save={saveStepAction.bind(null, id, step, question)}
      simplified={question === null ? undefined : { question, readAloud: prefs.lecture }}
      autosave={autosaveStepAction.bind(null, id, step)}
      facts={(await citizenCard(database(), found.persona)).facts}
    />
  );
}
