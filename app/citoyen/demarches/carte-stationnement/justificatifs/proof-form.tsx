'use client';

import { FileField } from '@/app/_components/file-field';
import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { ErrorSummary } from '@/app/_components/error-summary';
import { TextField } from '@/app/_components/text-field';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { proofTooLarge } from '@/lib/uploads/limits';
import type { ProofKind } from '@/db/schema';
import type { ProofState } from './actions';

type Props = {
  actionKey: string;
  send: (state: ProofState, form: FormData) => Promise<ProofState>;
  proofs: { kind: ProofKind; label: string; hint: string }[];
  maxBytes: number;
  /** Set when proxy.ts turned away a form too large to read (browser without JavaScript). */
  tooLarge?: boolean;
};

/** The proofs form: errors beside each file, in a summary that takes the focus; chosen files and typed text stay. */
export function ProofForm({ actionKey, send, proofs, maxBytes, tooLarge }: Props) {
  const [state, action, pending] = useActionState(send, { errors: tooLarge ? { [proofs[0]!.kind]: 'L’envoi était trop lourd pour être lu : chaque fichier doit faire 2 Mo au plus. Choisissez des fichiers plus petits.' } : {}, immatriculation: '', attempt: 0 });
  // Sizes are checked here before anything is sent: a 10 Mo photo gets its error beside the field at once.
  const [local, setLocal] = useState<{ errors: Record<string, string>; attempt: number }>({ errors: {}, attempt: 0 });
  const errors = { ...(state.errors as Record<string, string>), ...local.errors };
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault(); // a plain form action would empty the file fields
    const data = new FormData(event.currentTarget);
    const tooBig: Record<string, string> = {};
    for (const p of proofs) {
      const file = data.get(p.kind);
      if (file instanceof File && file.size > maxBytes) tooBig[p.kind] = proofTooLarge(file.name);
    }
    setLocal((l) => ({ errors: tooBig, attempt: l.attempt + 1 }));
    if (Object.keys(tooBig).length > 0) return;
    startTransition(() => action(data));
  }
  const described = (name: string) => [`champ-${name}-aide`, errors[name] && `champ-${name}-erreur`].filter(Boolean).join(' ');
  return (
    <form action={action} onSubmit={onSubmit} noValidate encType="multipart/form-data">
      <ActionKeyField value={actionKey} />
      <ErrorSummary title="Vérifiez ces éléments" errors={errors} idPrefix="champ" version={`${state.attempt}-${local.attempt}`} />
      <TextField
        id="champ-immatriculation"
        name="immatriculation"
        label="Immatriculation du véhicule"
        hint="Comme sur la carte grise, par exemple AB-123-CD."
        error={errors.immatriculation}
        className="input--short"
        defaultValue={state.immatriculation}
        autoComplete="off"
      />
      {proofs.map((p) => (
        <div key={p.kind} className={`field${errors[p.kind] ? ' field--error' : ''}`}>
          <label htmlFor={`champ-${p.kind}`}>{p.label}</label>
          <span className="hint" id={`champ-${p.kind}-aide`}>
            {p.hint} PDF, JPEG ou PNG, 2 Mo au plus.
          </span>
          {errors[p.kind] && (
            <p className="field__error" id={`champ-${p.kind}-erreur`}>
              {errors[p.kind]}
            </p>
          )}
          <FileField id={`champ-${p.kind}`} name={p.kind} accept="application/pdf,image/jpeg,image/png" aria-invalid={Boolean(errors[p.kind])} aria-describedby={described(p.kind)} />
        </div>
      ))}
      <button type="submit" className="button" disabled={pending} aria-busy={pending}>
        {pending ? 'Envoi…' : 'Envoyer ma demande et mes justificatifs'}
      </button>
    </form>
  );
}
