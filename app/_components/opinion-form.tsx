'use client';

import { useActionState } from 'react';
import { ActionKeyField } from './action-key-field';

export type OpinionState = { error?: string; field?: string; values?: Record<string, string | string[]>; key?: string };

const satisfaction = [
  { value: 'bien', label: 'Oui' },
  { value: 'moyen', label: 'Moyennement' },
  { value: 'pas_bien', label: 'Non' },
];
const ease = [
  { value: 'facile', label: 'Facile' },
  { value: 'moyen', label: 'Moyennement facile' },
  { value: 'difficile', label: 'Difficile' },
];
const help = [
  { value: 'personne', label: 'Non, je l’ai faite seul·e' },
  { value: 'proche', label: 'Oui, un proche (famille, ami·e)' },
  { value: 'aidant', label: 'Oui, un·e aidant·e (France Services, association)' },
  { value: 'agent', label: 'Oui, un agent (guichet, téléphone)' },
  { value: 'internet', label: 'Oui, une aide trouvée sur Internet' },
];

/** "Je donne mon avis": every question optional; an error is said where it belongs, and what was chosen stays. */
export function OpinionForm({ give, actionKey }: { give: (state: OpinionState, form: FormData) => Promise<OpinionState>; actionKey: string }) {
  const [state, action, pending] = useActionState(give, {});
  const chosen = (name: string) => state.values?.[name];
  const has = (name: string, value: string) => {
    const v = chosen(name);
    return Array.isArray(v) ? v.includes(value) : v === value;
  };
  const commentError = state.field === 'comment' ? state.error : undefined;
  const generalError = state.error && state.field !== 'comment' ? state.error : undefined;
  return (
    <form action={action} key={state.key}>
      <ActionKeyField value={state.key ?? actionKey} />
      {generalError && (
        <p className="field__error" role="alert">
          {generalError}
        </p>
      )}
      <fieldset className="field">
        <legend>Êtes-vous satisfait·e de cette démarche ?</legend>
        {satisfaction.map((o) => (
          <label key={o.value} className="opinion-choice">
            <input type="radio" name="satisfaction" value={o.value} defaultChecked={has('satisfaction', o.value)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Était-ce facile ?</legend>
        {ease.map((o) => (
          <label key={o.value} className="opinion-choice">
            <input type="radio" name="facilite" value={o.value} defaultChecked={has('facilite', o.value)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Avez-vous eu besoin d’aide ?</legend>
        {help.map((o) => (
          <label key={o.value} className="opinion-choice">
            <input type="checkbox" name="aide" value={o.value} defaultChecked={has('aide', o.value)} /> {o.label}
          </label>
        ))}
      </fieldset>
      <div className={`field${commentError ? ' field--error' : ''}`}>
        <label htmlFor="avis-commentaire">Un commentaire, une idée pour améliorer la démarche (facultatif)</label>
        {commentError && (
          <p className="field__error" id="avis-commentaire-erreur">
            {commentError}
          </p>
        )}
        <textarea
          id="avis-commentaire"
          name="commentaire"
          rows={3}
          defaultValue={typeof chosen('commentaire') === 'string' ? (chosen('commentaire') as string) : ''}
          aria-invalid={Boolean(commentError)}
          aria-describedby={commentError ? 'avis-commentaire-erreur' : undefined}
        />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Envoyer mon avis
      </button>
    </form>
  );
}
