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

/** One question of the form: its choices, as radios or checkboxes. */
function Choices({ legend, name, type, options, checked }: { legend: string; name: string; type: 'radio' | 'checkbox'; options: { value: string; label: string }[]; checked: (name: string, value: string) => boolean }) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="opinion-choice">
          <input type={type} name={name} value={o.value} defaultChecked={checked(name, o.value)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

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
      <Choices legend="Êtes-vous satisfait·e de cette démarche ?" name="satisfaction" type="radio" options={satisfaction} checked={has} />
      <Choices legend="Était-ce facile ?" name="facilite" type="radio" options={ease} checked={has} />
      <Choices legend="Avez-vous eu besoin d’aide ?" name="aide" type="checkbox" options={help} checked={has} />
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
