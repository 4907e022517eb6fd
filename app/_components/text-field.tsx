import type { InputHTMLAttributes } from 'react';

type Props = {
  id: string;
  label: string;
  hint?: string;
  error?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'aria-invalid' | 'aria-describedby'>;

/** A labelled input with its hint and its error right above the field (RGAA 11.1, 11.10, 11.11). */
export function TextField({ id, label, hint, error, type = 'text', ...input }: Props) {
  const describedBy = [hint && `${id}-aide`, error && `${id}-erreur`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="hint" id={`${id}-aide`}>
          {hint}
        </span>
      )}
      {error && (
        <p className="field__error" id={`${id}-erreur`}>
          {error}
        </p>
      )}
      <input id={id} type={type} aria-invalid={Boolean(error)} aria-describedby={describedBy} {...input} />
    </div>
  );
}
