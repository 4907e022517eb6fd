'use client';

import { useActionState } from 'react';
import { ActionKeyField } from './action-key-field';

type State = { error?: string; field?: string; values?: { demarche: string; idee: string }; sent?: number; key?: string };

/** Proposes an idea for a procedure; errors beside their field, what was typed kept. */
export function IdeaForm({ propose, actionKey, procedures }: { propose: (state: State, form: FormData) => Promise<State>; actionKey: string; procedures: { id: string; title: string }[] }) {
  const [state, action, pending] = useActionState(propose, {});
  const error = (field: string) => (state.field === field ? state.error : undefined);
  return (
    <form action={action} key={state.sent ?? 0}>
      <ActionKeyField value={state.key ?? actionKey} />
      {state.error && !state.field && (
        <p className="field__error" role="alert">
          {state.error}
        </p>
      )}
      <div className={`field${error('demarche') ? ' field--error' : ''}`}>
        <label htmlFor="idee-demarche">La démarche que votre idée améliore</label>
        {error('demarche') && (
          <p className="field__error" id="idee-demarche-erreur">
            {error('demarche')}
          </p>
        )}
        <select id="idee-demarche" name="demarche" defaultValue={state.values?.demarche ?? ''} aria-invalid={Boolean(error('demarche'))} aria-describedby={error('demarche') ? 'idee-demarche-erreur' : undefined}>
          <option value="">Choisissez une démarche</option>
          {procedures.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${error('idee') ? ' field--error' : ''}`}>
        <label htmlFor="idee-texte">Votre idée</label>
        <p className="hint" id="idee-texte-aide">
          Ce qui vous a gêné·e, et ce que vous changeriez. Votre nom n’est pas affiché.
        </p>
        {error('idee') && (
          <p className="field__error" id="idee-texte-erreur">
            {error('idee')}
          </p>
        )}
        <textarea id="idee-texte" name="idee" rows={3} maxLength={500} defaultValue={state.values?.idee ?? ''} aria-invalid={Boolean(error('idee'))} aria-describedby={error('idee') ? 'idee-texte-aide idee-texte-erreur' : 'idee-texte-aide'} />
      </div>
      <p role="status">{state.sent ? 'Votre idée est proposée à la classe.' : ''}</p>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Proposer mon idée
      </button>
    </form>
  );
}
