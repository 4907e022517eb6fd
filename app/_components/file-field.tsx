'use client';

import { useState, type InputHTMLAttributes } from 'react';
import { formatSize } from '@/lib/format';

export type FileFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange'> & {
  id: string;
  /** What is wrong with a chosen file ('' when nothing): kept as the input's validity message, which a form reads on sending. */
  check?: (file: File) => string;
};

/**
 * A file input styled as a button, that says which file is chosen and its size (announced politely). The input stays
 * the browser's own: keyboard, screen readers and the file dialog behave as everywhere.
 */
export function FileField({ check, ...props }: FileFieldProps) {
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  return (
    <div className="file-field">
      <input
        {...props}
        type="file"
        className="file-field__input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0] ?? null;
          setChosen(file);
          if (check) e.currentTarget.setCustomValidity(file ? check(file) : '');
        }}
      />
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
