'use client';

import { useActionState } from 'react';
import type { AgentFormState } from '@/app/agent/actions';
import { ActionKeyField } from '@/app/_components/action-key-field';

type Send = (state: AgentFormState, form: FormData) => Promise<AgentFormState>;
type Props = { actionKey: string; send: Send; action: string; label: string; text?: { label: string; hint?: string; required: boolean }; reasons?: readonly string[]; secondary?: boolean };

/** One decision as its own small form: its error stays next to its field, with what was typed. */
export function DecisionForm({ actionKey, send, action, label, text, reasons, secondary }: Props) {
  const [state, formAction, pending] = useActionState(send, {});
  const id = `decision-${action}`;
  const error = state.error;
  return (
    <form action={formAction} className="surface" aria-labelledby={`${id}-titre`}>
      <h3 id={`${id}-titre`}>{label}</h3>
      <input type="hidden" name="action" value={action} />
      <ActionKeyField value={state.key ?? actionKey} />
      {error && !state.field && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {reasons && (
        <div className={`field${state.field === 'motif' ? ' field--error' : ''}`}>
          <label htmlFor={`${id}-motif`}>Motif</label>
          {state.field === 'motif' && (
            <p className="field__error" id={`${id}-motif-erreur`} role="alert">
              {error}
            </p>
          )}
          <select id={`${id}-motif`} name="motif" defaultValue="" aria-invalid={state.field === 'motif'} aria-describedby={state.field === 'motif' ? `${id}-motif-erreur` : undefined}>
            <option value="">Choisir…</option>
            {reasons.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
      )}
      {text && (
        <div className={`field${state.field === 'texte' ? ' field--error' : ''}`}>
          <label htmlFor={`${id}-texte`}>{text.label}</label>
          {text.hint && (
            <span className="hint" id={`${id}-aide`}>
              {text.hint}
            </span>
          )}
          {state.field === 'texte' && (
            <p className="field__error" id={`${id}-texte-erreur`} role="alert">
              {error}
            </p>
          )}
          <textarea
            id={`${id}-texte`}
            name="texte"
            defaultValue={state.text ?? ''}
            aria-invalid={state.field === 'texte'}
            aria-describedby={[text.hint && `${id}-aide`, state.field === 'texte' && `${id}-texte-erreur`].filter(Boolean).join(' ') || undefined}
          />
        </div>
      )}
      <button type="submit" className={`button${secondary ? ' button--secondary' : ''}`} disabled={pending}>
        {label}
      </button>
    </form>
  );
}
