'use client';

import { useActionState } from 'react';
import { ActionKeyField } from './action-key-field';

type State = { error?: string; sent?: number; text?: string; key?: string };

/** Writes to the body about a case; the error stays next to the field and the text is kept. */
/** `actionKey` (from the server) makes a double-click send one message; each answer brings the next key. */
export function MessageForm({ send, actionKey, label = 'Votre message', button = 'Envoyer le message', id = 'message', maxLength = 2000, rows, sentText = 'Message envoyé.' }: { send: (state: State, form: FormData) => Promise<State>; actionKey: string; label?: string; button?: string; id?: string; maxLength?: number; rows?: number; sentText?: string }) {
  const [state, action, pending] = useActionState(send, {});
  return (
    <form action={action} key={state.sent ?? 0}>
      <ActionKeyField value={state.key ?? actionKey} />
      <div className={`field${state.error ? ' field--error' : ''}`}>
        <label htmlFor={id}>{label}</label>
        {state.error && (
          <p className="field__error" id={`${id}-erreur`}>
            {state.error}
          </p>
        )}
        <textarea id={id} name="message" defaultValue={state.text ?? ''} aria-invalid={Boolean(state.error)} aria-describedby={state.error ? `${id}-erreur` : undefined} maxLength={maxLength} rows={rows} />
      </div>
      <p role="status">{state.sent ? sentText : ''}</p>
      <button type="submit" className="button button--secondary" disabled={pending}>
        {button}
      </button>
    </form>
  );
}
