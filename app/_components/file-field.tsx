'use client';

import { useState, type InputHTMLAttributes } from 'react';
import { formatSize } from '@/lib/format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> & { id: string };

/**
 * A file input styled as a button, that says which file is chosen and its size (announced politely). The input stays
 * the browser's own: keyboard, screen readers and the file dialog behave as everywhere.
 */
export function FileField(props: Props) {
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  return (
    <div className="file-field">
      <input {...props} type="file" className="file-field__input" onChange={(e) => setChosen(e.currentTarget.files?.[0] ?? null)} />
      <p className="file-field__chosen" aria-live="polite">
        {chosen ? (
          <>
            Fichier choisi : <strong>{chosen.name}</strong> ({formatSize(chosen.size)})
          </>
        ) : (
          'Aucun fichier choisi.'
        )}
      </p>
    </div>
  );
}
