'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import type { BookingState } from './actions';

export type CounterChoice = { place: string; name: string; distance: string; first: string; slots: { value: string; label: string }[] };
type Props = { actionKey: string; send: (state: BookingState, form: FormData) => Promise<BookingState>; counters: CounterChoice[]; submitLabel: string };

/** The town halls with the equipment, each with its first free slots; one choice, the error beside the list. */
export function BookingForm({ actionKey, send, counters, submitLabel }: Props) {
  const [state, action, pending] = useActionState(send, { error: null, choice: '', attempt: 0 });
  const errors: Record<string, string> = state.error ? { creneau: state.error } : {};
  return (
    <form action={action} noValidate>
      <ActionKeyField value={actionKey} />
      <ErrorSummary title="Le rendez-vous n’est pas pris" errors={errors} idPrefix="champ" version={state.attempt} />
      <fieldset className={`field${state.error ? ' field--error' : ''}`} aria-describedby={state.error ? 'champ-creneau-erreur' : undefined}>
        <legend>Votre créneau</legend>
        {state.error && (
          <p className="field__error" id="champ-creneau-erreur">
            {state.error}
          </p>
        )}
        {counters.map((counter, c) => (
          <fieldset key={counter.place} className="field">
            <legend>
              {counter.name} <span className="hint">({counter.distance} ; premier créneau {counter.first})</span>
            </legend>
            {counter.slots.map((slot, i) => {
              const id = c === 0 && i === 0 ? 'champ-creneau' : `champ-creneau-${slot.value.replaceAll(':', '-')}`;
              return (
                <div key={slot.value} className="radio">
                  <input type="radio" id={id} name="creneau" value={slot.value} defaultChecked={state.choice === slot.value} key={`${slot.value}-${state.attempt}`} />
                  <label htmlFor={id}>{slot.label}</label>
                </div>
              );
            })}
          </fieldset>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Réservation…' : submitLabel}
      </button>
    </form>
  );
}
