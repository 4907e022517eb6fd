'use client';

import { useActionState } from 'react';
import type { FileCheck } from './actions';

export function FileCheckForm({ check }: { check: (state: FileCheck, form: FormData) => Promise<FileCheck> }) {
  const [state, action, pending] = useActionState(check, {});
  return (
    <form action={action}>
      <div className={`field${state.error ? ' field--error' : ''}`}>
        <label htmlFor="fichier">Le fichier PDF que vous avez reçu</label>
        <span className="hint" id="fichier-aide">
          Il est comparé, octet par octet, au document délivré. Il n’est pas conservé.
        </span>
        {state.error && (
          <p className="field__error" id="fichier-erreur">
            {state.error}
          </p>
        )}
        <input id="fichier" name="fichier" type="file" accept="application/pdf" aria-describedby={`fichier-aide${state.error ? ' fichier-erreur' : ''}`} aria-invalid={Boolean(state.error)} />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Comparer le fichier
      </button>
      <div role="status">
        {state.result === 'identique' && <p className="notice notice--success">Ce fichier est exactement le document délivré.</p>}
        {state.result === 'different' && <p className="notice notice--error">Ce fichier a été modifié : il ne correspond pas au document délivré.</p>}
      </div>
    </form>
  );
}
