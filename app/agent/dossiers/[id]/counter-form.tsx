'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import type { CounterState } from './counter-actions';

type Props = { actionKey: string; send: (state: CounterState, form: FormData) => Promise<CounterState>; checks?: readonly { value: string; label: string; hint: string }[]; label: string };

/** The counter's check (its boxes) or its hand-over: the error beside the boxes and in a summary that takes the focus. */
export function CounterForm({ actionKey, send, checks, label }: Props) {
  const [state, action, pending] = useActionState(send, {});
  const errors: Record<string, string> = state.error ? { verifie: state.error } : {};
  return (
    <form action={action} noValidate>
      <ActionKeyField value={state.key ?? actionKey} />
      <ErrorSummary title="Ce n’est pas enregistré" errors={errors} idPrefix="guichet" version={state.error ?? ''} />
      {checks ? (
        <fieldset className={`field${state.error ? ' field--error' : ''}`} aria-describedby={state.error ? 'guichet-verifie-erreur' : undefined}>
          <legend>Au guichet, avec la personne</legend>
          {state.error && (
            <p className="field__error" id="guichet-verifie-erreur">
              {state.error}
            </p>
          )}
          {checks.map((k, i) => {
            const id = i === 0 ? 'guichet-verifie' : `guichet-verifie-${k.value}`;
            return (
              <div key={k.value} className="radio">
                <input type="checkbox" id={id} name="verifie" value={k.value} defaultChecked={state.ticked?.includes(k.value)} aria-describedby={`${id}-aide`} />
                <label htmlFor={id}>
                  {k.label}
                  <span className="hint" id={`${id}-aide`}>
                    {k.hint}
                  </span>
                </label>
              </div>
            );
          })}
        </fieldset>
      ) : (
        state.error && (
          <p className="field__error" id="guichet-verifie-erreur">
            {state.error}
          </p>
        )
      )}
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Enregistrement…' : label}
      </button>
    </form>
  );
}
