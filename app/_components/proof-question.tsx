'use client';

import { maxProofBytes, proofTooLarge } from '@/lib/uploads/limits';
import { FileField } from './file-field';

/**
 * A step's question that asks for a proof (PDF, JPEG or PNG, 2 Mo at most). A file over the limit is marked at once
 * (the input's validity message) and the step form says so beside the field without sending anything; the server
 * checks again. Its own module: the step form loads it only on the steps that have a file (most have none).
 */
export default function ProofQuestion({ name, label, hint, joined, error }: { name: string; label: string; hint?: string; joined: string; error?: string }) {
  const id = `champ-${name}`;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <span className="hint" id={`${id}-aide`}>
        {hint ? `${hint} ` : ''}PDF, JPEG ou PNG, 2 Mo au plus.{joined ? ` Déjà joint : ${joined}. Choisissez un autre fichier pour le remplacer.` : ''}
      </span>
      {error && (
        <p className="field__error" id={`${id}-erreur`}>
          {error}
        </p>
      )}
      <FileField
        id={id}
        name={name}
        accept="application/pdf,image/jpeg,image/png"
        aria-invalid={Boolean(error)}
        aria-describedby={[`${id}-aide`, error && `${id}-erreur`].filter(Boolean).join(' ')}
        check={(file) => (file.size > maxProofBytes ? proofTooLarge(file.name) : '')}
      />
    </div>
  );
}
