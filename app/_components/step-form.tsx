'use client';

import { lazy, startTransition, Suspense, useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import type { FieldDef, RawValues } from '@/lib/procedures/engine/types';
import { formatTime } from '@/lib/format';
import { ErrorSummary } from './error-summary';
import { TextField } from './text-field';

export type StepState = { errors: Record<string, string>; values: RawValues; attempt: number; network?: string };
type Props = {
  caseId: string;
  stepId: string;
  fields: FieldDef[];
  /** The step's other answers, carried along when only one question is shown (simplified mode). */
  hidden?: { name: string; value: string | string[] }[];
  initial: RawValues;
  initialErrors?: Record<string, string>;
  savedAt: number;
  submitLabel: string;
  save: (state: StepState, form: FormData) => Promise<StepState>;
  autosave: (form: FormData) => Promise<{ savedAt: number } | { error: string }>;
};

// Most steps have no file: the file input and its size check are fetched only where one is shown.
const ProofQuestion = lazy(() => import('./proof-question'));

const backupKey = (caseId: string, stepId: string) => `e-guichet:brouillon:${caseId}:${stepId}`;

// A file is never kept on the device nor sent by the autosave: only when the step is validated.
const typed = (fields: FieldDef[]) => fields.filter((f) => f.kind !== 'file');

function valuesOf(form: HTMLFormElement, fields: FieldDef[]): RawValues {
  const data = new FormData(form);
  return Object.fromEntries(typed(fields).map((f) => [f.name, f.kind === 'checkboxes' ? data.getAll(f.name).map(String) : String(data.get(f.name) ?? '')]));
}

function withoutFiles(form: HTMLFormElement, fields: FieldDef[]): FormData {
  const data = new FormData(form);
  for (const f of fields) if (f.kind === 'file') data.delete(f.name);
  return data;
}

/**
 * One step of a procedure. Every change is saved as a draft on the server (and on the device, in case the
 * session has expired); errors come back next to each field and in a summary that takes the focus.
 */
export function StepForm({ caseId, stepId, fields, hidden = [], initial, initialErrors = {}, savedAt, submitLabel, save, autosave }: Props) {
  const [state, action, pending] = useActionState(save, { errors: initialErrors, values: initial, attempt: 0 });
  const [status, setStatus] = useState('');
  const [local, setLocal] = useState<{ errors: Record<string, string>; attempt: number }>({ errors: {}, attempt: 0 });
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // A copy kept on this device that is newer than the server's draft (typed after a session expired): put it back.
  useEffect(() => {
    const raw = window.localStorage.getItem(backupKey(caseId, stepId));
    if (!raw || !form.current) return;
    const backup = JSON.parse(raw) as { at: number; values: RawValues };
    if (backup.at <= savedAt) return;
    for (const field of typed(fields)) {
      const value = backup.values[field.name];
      const inputs = form.current.querySelectorAll<HTMLInputElement>(`[name="${field.name}"]`);
      inputs.forEach((input) => {
        if (input.type === 'radio' || input.type === 'checkbox') input.checked = Array.isArray(value) ? value.includes(input.value) : value === input.value;
        else input.value = typeof value === 'string' ? value : '';
      });
    }
    setStatus('Vos réponses gardées sur cet appareil ont été remises.');
  }, [caseId, stepId, savedAt, fields]);

  function onChange() {
    if (!form.current) return;
    const values = valuesOf(form.current, fields);
    window.localStorage.setItem(backupKey(caseId, stepId), JSON.stringify({ at: Date.now(), values }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveDraft(), 500);
  }

  async function saveDraft() {
    if (!form.current) return;
    try {
      const result = await autosave(withoutFiles(form.current, fields));
      setStatus('savedAt' in result ? `Brouillon enregistré à ${formatTime(new Date(result.savedAt))}.` : result.error);
    } catch {
      setStatus('Enregistrement impossible pour le moment (session expirée ?) : vos réponses restent gardées sur cet appareil.');
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault(); // keeps what was typed on screen (a plain form action would reset the fields)
    if (timer.current) clearTimeout(timer.current);
    const data = new FormData(event.currentTarget);
    // Sizes are checked before anything is sent: a 10 Mo photo gets its error beside the field at once (the file
    // input marks it when chosen; the server checks again).
    const inputs = event.currentTarget.elements;
    const tooBig = Object.fromEntries(
      fields.flatMap((f) => {
        const input = f.kind === 'file' ? inputs.namedItem(f.name) : null;
        return input instanceof HTMLInputElement && input.validationMessage ? [[f.name, input.validationMessage]] : [];
      }),
    );
    setLocal((l) => ({ errors: tooBig, attempt: l.attempt + 1 }));
    if (Object.keys(tooBig).length > 0) return;
    startTransition(() => action(data));
  }

  const value = (name: string) => state.values[name] ?? initial[name];
  const errorOf = (name: string) => local.errors[name] ?? state.errors[name];
  const describedBy = (f: FieldDef) => [f.hint && `champ-${f.name}-aide`, errorOf(f.name) && `champ-${f.name}-erreur`].filter(Boolean).join(' ') || undefined;
  const errorLine = (name: string) =>
    errorOf(name) ? (
      <p className="field__error" id={`champ-${name}-erreur`}>
        {errorOf(name)}
      </p>
    ) : null;

  return (
    <form ref={form} action={action} onSubmit={onSubmit} onChange={onChange} noValidate>
      <ErrorSummary title="Vérifiez ces réponses" errors={{ ...state.errors, ...local.errors }} idPrefix="champ" version={`${state.attempt}-${local.attempt}`} />
      {state.network && (
        <div className="notice notice--error" role="alert">
          <p>{state.network}</p>
        </div>
      )}
      {hidden.flatMap((h) => (Array.isArray(h.value) ? h.value : [h.value]).map((v) => <input key={`${h.name}-${v}`} type="hidden" name={h.name} value={v} />))}
      {fields.map((f) => {
        const hasError = Boolean(errorOf(f.name));
        if (f.kind === 'text') {
          return (
            <TextField
              key={f.name}
              id={`champ-${f.name}`}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={errorOf(f.name)}
              className={f.width === 'court' ? 'input--short' : undefined}
              defaultValue={String(value(f.name) ?? '')}
              autoComplete={f.autoComplete}
              inputMode={f.inputMode}
            />
          );
        }
        if (f.kind === 'file') {
          return (
            <Suspense key={f.name} fallback={<p className="field">{f.label} : chargement du champ…</p>}>
              <ProofQuestion name={f.name} label={f.label} hint={f.hint} joined={String(value(f.name) ?? '')} error={errorOf(f.name)} />
            </Suspense>
          );
        }
        const type = f.kind === 'radio' ? 'radio' : 'checkbox';
        const current = value(f.name);
        const checked = (v: string) => (Array.isArray(current) ? current.includes(v) : current === v);
        return (
          <fieldset key={f.name} className={`field${hasError ? ' field--error' : ''}`} aria-describedby={describedBy(f)}>
            <legend>{f.label}</legend>
            {f.hint && (
              <span className="hint" id={`champ-${f.name}-aide`}>
                {f.hint}
              </span>
            )}
            {errorLine(f.name)}
            {f.options.map((option, index) => {
              const id = index === 0 ? `champ-${f.name}` : `champ-${f.name}-${option.value}`;
              return (
                <div key={option.value} className="radio">
                  <input id={id} type={type} name={f.name} value={option.value} defaultChecked={checked(option.value)} aria-invalid={hasError} aria-describedby={option.hint ? `${id}-aide` : undefined} />
                  <label htmlFor={id}>
                    {option.label}
                    {option.hint && (
                      <span className="hint" id={`${id}-aide`}>
                        {option.hint}
                      </span>
                    )}
                  </label>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      <p className="autosave" role="status" aria-live="polite">
        {status}
      </p>
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Enregistrement…' : submitLabel}
      </button>
    </form>
  );
}
