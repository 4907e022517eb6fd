import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { database } from '@/db/engine';
import type { CaseRow, Persona } from '@/lib/procedures/engine/types';
import { procedures, stepsFor } from '@/lib/procedures/registry';
import { StepForm, type StepState } from './step-form';
import { ReadAloud } from './read-aloud';
import { PictogramIcon } from './pictogram';
import { Stepper } from './stepper';
import { CardFacts } from './scenario-card';
import type { CardFact } from '@/lib/classroom/cards';

// One step of a draft: the same page for a citizen online and for an agent keying in a paper or counter request
// (only the links and actions differ). The summary before sending is case-summary.tsx: each page loads only its own
// client code (the step form is 2.7 kB a summary does not need).

type StepProps = {
  c: CaseRow;
  persona: Persona;
  stepId: string;
  verify: boolean;
  base: string;
  firstBack: string;
  save: (state: StepState, form: FormData) => Promise<StepState>;
  autosave: (form: FormData) => Promise<{ savedAt: number } | { error: string }>;
  banner?: string;
  /** Someone else answers for the person (aidant, agent keying a form): their name, for titles written about them. */
  onBehalfOf?: string;
  /** Simplified mode: the step's FALC texts, one question per page (`question` counts from 0). */
  simplified?: { question: number; readAloud: boolean };
  /** The facts of the student's card (a citizen's own steps), folded beside the form. */
  facts?: CardFact[];
};

export async function CaseStep({ c, persona, stepId, verify, base, firstBack, save, autosave, banner, onBehalfOf, simplified, facts = [] }: StepProps) {
  const def = procedures[c.procedure];
  const ctx = { db: database(), persona, answers: c.answers };
  const steps = stepsFor(def, ctx);
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];
  if (!step) notFound();
  const initial = c.answers[step.id] ?? {};
  const check = verify ? await step.validate(initial, ctx) : { ok: true as const };
  const previous = steps[index - 1];
  if (simplified) {
    const fields = (await step.fields(ctx)).map((f) => ({ ...f, ...step.falc.fields[f.name] }));
    const q = Math.min(Math.max(simplified.question, 0), fields.length - 1);
    const shown = fields[q]!;
    const back = q > 0 ? `${base}/etapes/${step.id}?question=${q - 1}` : previous ? `${base}/etapes/${previous.id}` : firstBack;
    const lastQuestion = q + 1 >= fields.length;
    return (
      <>
        <p>
          <Link href={back}>Revenir en arrière</Link>
        </p>
        {banner && <p className="badge">{banner}</p>}
        <Stepper title={def.title} steps={steps.map((s) => s.falc.title)} current={index} detail={fields.length > 1 ? `question ${q + 1} sur ${fields.length}` : undefined} />
        <div className="falc-title">
          <PictogramIcon name={step.falc.picto} />
          <h1>{step.falc.title}</h1>
        </div>
        {q === 0 && (
          <ul className="falc">
            {step.falc.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <CardFacts facts={facts} />
        {simplified.readAloud && <ReadAloud targetId="question" label="Écouter la question" />}
        <div id="question">
          <StepForm
            key={q}
            caseId={c.id}
            stepId={step.id}
            fields={[shown]}
            hidden={fields.filter((f) => f.name !== shown.name).map((f) => ({ name: f.name, value: initial[f.name] ?? '' }))}
            initial={initial}
            initialErrors={check.ok || !check.errors[shown.name] ? {} : { [shown.name]: check.errors[shown.name]! }}
            savedAt={c.updatedAt.getTime()}
            submitLabel={lastQuestion ? (index + 1 < steps.length ? 'Continuer' : 'Voir le récapitulatif') : 'Question suivante'}
            save={save}
            autosave={autosave}
          />
        </div>
      </>
    );
  }
  return (
    <>
      <p>
        <Link href={previous ? `${base}/etapes/${previous.id}` : firstBack}>Étape précédente</Link>
      </p>
      {banner && <p className="badge">{banner}</p>}
      <Stepper title={def.title} steps={steps.map((s) => (onBehalfOf ? s.titleForOther : s.title))} current={index} />
      <h1>{onBehalfOf ? step.titleForOther : step.title}</h1>
      {onBehalfOf && <p className="notice">Les questions s’adressent à la personne : ici, « vous », c’est {onBehalfOf}. Répondez avec ses informations.</p>}
      {step.intro && <p className="lead">{step.intro}</p>}
      <CardFacts facts={facts} />
      <StepForm
        caseId={c.id}
        stepId={step.id}
        fields={await step.fields(ctx)}
        initial={initial}
        initialErrors={check.ok ? {} : check.errors}
        savedAt={c.updatedAt.getTime()}
        submitLabel={index + 1 < steps.length ? 'Continuer' : 'Voir le récapitulatif'}
        save={save}
        autosave={autosave}
      />
    </>
  );
}
