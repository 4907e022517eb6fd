import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { StepForm } from '@/app/_components/step-form';
import { citizenCase, stepContext } from '@/lib/procedures/citizen';
import { procedures, stepsFor } from '@/lib/procedures/registry';
import { autosaveStepAction, saveStepAction } from '../../../actions';

type Params = { params: Promise<{ id: string; step: string }>; searchParams: Promise<{ verifier?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id, step } = await params;
  const found = await citizenCase(id);
  const def = found ? procedures[found.c.procedure] : null;
  const current = def?.steps.find((s) => s.id === step);
  return { title: current && def ? `${current.title} — ${def.title}` : 'Démarche' };
}

export default async function StepPage({ params, searchParams }: Params) {
  const { id, step: stepId } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  const { persona, c } = found;
  if (c.state !== 'brouillon') redirect(`/citoyen/dossiers/${id}`);
  const def = procedures[c.procedure];
  const ctx = stepContext(persona, c);
  const steps = stepsFor(def, ctx);
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];
  if (!step) notFound();
  const fields = step.fields(ctx);
  const initial = c.answers[step.id] ?? {};
  const verify = (await searchParams).verifier === '1';
  const check = verify ? step.validate(initial, ctx) : { ok: true as const };
  const previous = steps[index - 1];
  return (
    <>
      <p>
        <Link href={previous ? `/citoyen/dossiers/${id}/etapes/${previous.id}` : `/citoyen/demarches/${def.id}`}>Étape précédente</Link>
      </p>
      <p className="steps-progress">
        {def.title} — étape {index + 1} sur {steps.length}
      </p>
      <h1>{step.title}</h1>
      {step.intro && <p className="lead">{step.intro}</p>}
      <StepForm
        caseId={id}
        stepId={step.id}
        fields={fields}
        initial={initial}
        initialErrors={check.ok ? {} : check.errors}
        savedAt={c.updatedAt.getTime()}
        submitLabel={index + 1 < steps.length ? 'Continuer' : 'Voir le récapitulatif'}
        save={saveStepAction.bind(null, id, step.id)}
        autosave={autosaveStepAction.bind(null, id, step.id)}
      />
    </>
  );
}
