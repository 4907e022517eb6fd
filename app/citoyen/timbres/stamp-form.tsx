'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { CardFields } from '@/app/_components/card-fields';
import { ErrorSummary } from '@/app/_components/error-summary';
import type { StampState } from './actions';

type Props = { actionKey: string; send: (state: StampState, form: FormData) => Promise<StampState>; kinds: { value: string; label: string; price: string }[]; testCard: string };

/** Which stamp, then the simulated card: each error beside its field, in a summary that takes the focus. */
export function StampForm({ actionKey, send, kinds, testCard }: Props) {
  const [state, action, pending] = useActionState(send, { errors: {}, values: { expiration: '', titulaire: '', timbre: '' }, attempt: 0 });
  const errors = state.errors as Record<string, string>;
  return (
    <form action={action} noValidate>
      <ActionKeyField value={actionKey} />
      <ErrorSummary title="Le timbre n’est pas acheté : vérifiez ces éléments" errors={errors} idPrefix="carte" version={state.attempt} />
      <fieldset className={`field${errors.timbre ? ' field--error' : ''}`} aria-describedby={errors.timbre ? 'carte-timbre-erreur' : undefined}>
        <legend>Le timbre</legend>
        {errors.timbre && (
          <p className="field__error" id="carte-timbre-erreur">
            {errors.timbre}
          </p>
        )}
        {kinds.map((k, i) => (
          <div key={k.value} className="radio">
            <input type="radio" id={i === 0 ? 'carte-timbre' : `carte-timbre-${k.value}`} name="timbre" value={k.value} defaultChecked={state.values.timbre === k.value} key={`${k.value}-${state.attempt}`} />
            <label htmlFor={i === 0 ? 'carte-timbre' : `carte-timbre-${k.value}`}>
              {k.label} : {k.price}
            </label>
          </div>
        ))}
      </fieldset>
      <CardFields errors={errors} values={state.values} testCard={testCard} />
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Paiement…' : 'Payer et recevoir le numéro du timbre'}
      </button>
    </form>
  );
}
