'use client';

import { useActionState } from 'react';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { ErrorSummary } from '@/app/_components/error-summary';
import type { DesignationState } from './actions';

type Props = { actionKey: string; send: (state: DesignationState, form: FormData) => Promise<DesignationState>; people: { id: string; label: string }[] };

/** Who was driving: one list, one certification; the error beside the field and in a summary that takes the focus. */
export function DesignationForm({ actionKey, send, people }: Props) {
  const [state, action, pending] = useActionState(send, { error: null, driver: '', attempt: 0 });
  const errors: Record<string, string> = state.error && state.field ? { [state.field]: state.error } : {};
  const driverError = errors.conducteur;
  const certifyError = errors.certifie;
  return (
    <form action={action} noValidate>
      <ActionKeyField value={actionKey} />
      <ErrorSummary title="La désignation n’est pas envoyée" errors={errors} idPrefix="champ" version={state.attempt} />
      <div className={`field${driverError ? ' field--error' : ''}`}>
        <label htmlFor="champ-conducteur">La personne qui conduisait</label>
        <span className="hint" id="champ-conducteur-aide">
          L’avis lui sera envoyé à son adresse, à son nom.
        </span>
        {driverError && (
          <p className="field__error" id="champ-conducteur-erreur">
            {driverError}
          </p>
        )}
        <select id="champ-conducteur" name="conducteur" defaultValue={state.driver} key={state.attempt} aria-invalid={Boolean(driverError)} aria-describedby={['champ-conducteur-aide', driverError && 'champ-conducteur-erreur'].filter(Boolean).join(' ')}>
          <option value="">Choisir…</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${certifyError ? ' field--error' : ''}`}>
        {certifyError && (
          <p className="field__error" id="champ-certifie-erreur">
            {certifyError}
          </p>
        )}
        <div className="radio">
          <input type="checkbox" id="champ-certifie" name="certifie" value="oui" defaultChecked={state.certified} key={`c-${state.attempt}`} aria-invalid={Boolean(certifyError)} aria-describedby={certifyError ? 'champ-certifie-erreur' : undefined} />
          <label htmlFor="champ-certifie">Je certifie que cette personne conduisait le véhicule au moment de l’infraction.</label>
        </div>
      </div>
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Envoi…' : 'Désigner le conducteur'}
      </button>
    </form>
  );
}
