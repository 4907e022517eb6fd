'use client';

import { useEffect, useRef } from 'react';

/** The list of errors at the top of a form; it takes the focus when it appears (RGAA 11.10, GOV.UK pattern). */
export function ErrorSummary({ title, errors, idPrefix, version }: { title: string; errors: Record<string, string>; idPrefix: string; version?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length > 0) ref.current?.focus();
  }, [entries.length, version]);
  if (entries.length === 0) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={`${idPrefix}-resume`}>
      <h2 id={`${idPrefix}-resume`}>{title}</h2>
      <ul>
        {entries.map(([name, message]) => (
          <li key={name}>
            <a href={`#${idPrefix}-${name}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
