'use client';

import { FileField } from '@/app/_components/file-field';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import type { FileCheck } from './actions';
import { verifiedPdfTooLarge } from '@/lib/uploads/limits';

export function FileCheckForm({ check, maxBytes, tooLarge }: { check: (state: FileCheck, form: FormData) => Promise<FileCheck>; maxBytes: number; tooLarge?: boolean }) {
  const [served, action, pending] = useActionState(check, tooLarge ? { error: 'Le fichier était trop lourd pour être lu : un document e-Guichet fait moins de 1 Mo.' } : {});
  // The size is checked before sending; the type (the file's first bytes) by the server.
  const [local, setLocal] = useState<string | null>(null);
  const state: FileCheck = local ? { error: local } : served;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const file = data.get('fichier');
    const tooBig = file instanceof File && file.size > maxBytes ? verifiedPdfTooLarge : null;
    setLocal(tooBig);
    if (!tooBig) startTransition(() => action(data));
  }
  return (
    <form action={action} onSubmit={onSubmit} encType="multipart/form-data">
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
        <FileField id="fichier" name="fichier" accept="application/pdf" aria-describedby={`fichier-aide${state.error ? ' fichier-erreur' : ''}`} aria-invalid={Boolean(state.error)} />
      </div>
      <button type="submit" className="button button--secondary" disabled={pending}>
        Comparer le fichier
      </button>
      <div role="status">
        {state.result === 'identique' && <p className="notice notice--success">Ce fichier est exactement le document délivré.</p>}
        {state.result === 'different' && <p className="notice notice--error">Ce fichier a été modifié : il ne correspond pas au document délivré.</p>}
      </div>
    </form>
  );
}
