'use client';

import { useRef, useState, type FormEvent } from 'react';
import { useHydrated } from '../_components/hydrated';
import { TextField } from '../_components/text-field';
import { requestSignIn } from '../../lib/auth/sign-in-request';

type Errors = { email?: string; password?: string; form?: string };

/** The teacher's sign-in: errors next to each field and in a summary that takes the focus. */
export function TeacherSignInForm() {
  const [errors, setErrors] = useState<Errors>({});
  const [pending, setPending] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const found: Errors = {};
    if (!email) found.email = 'Saisissez votre adresse e-mail.';
    else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) found.email = 'Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.';
    if (!password) found.password = 'Saisissez votre mot de passe.';
    if (!found.email && !found.password) {
      setPending(true);
      const result = await requestSignIn('callback', 'enseignant', { email, password, callbackUrl: '/enseignant' }).catch(() => null);
      setPending(false);
      if (result && !result.error) {
        window.location.assign('/enseignant');
        return;
      }
      found.form = !result
        ? 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez : ce que vous avez saisi est gardé.'
        : result.error === 'trop_essais'
          ? 'Trop d’essais depuis ce réseau. Attendez 15 minutes avant de réessayer, ou relisez le mot de passe affiché au démarrage du serveur.'
          : 'Adresse e-mail ou mot de passe incorrect. Vérifiez les deux champs et réessayez.';
    }
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  }

  const list = Object.entries(errors) as [keyof Errors, string][];
  return (
    // POST, never GET: sent before the script runs, the password stays out of the address (the button waits anyway).
    <form method="post" onSubmit={(event) => void onSubmit(event)} noValidate aria-describedby="enseignant-aide">
      <div ref={summary} tabIndex={-1} role={list.length ? 'alert' : undefined}>
        {list.length > 0 && (
          <div className="error-summary">
            <h3>La connexion n’a pas abouti</h3>
            <ul>
              {list.map(([field, message]) => (
                <li key={field}>{field === 'form' ? message : <a href={`#enseignant-${field}`}>{message}</a>}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      <p id="enseignant-aide" className="hint">
        Tous les champs sont obligatoires.
      </p>
      <noscript>
        <p className="hint">La connexion a besoin de JavaScript : activez-le dans votre navigateur, puis rechargez la page.</p>
      </noscript>
      <TextField id="enseignant-email" name="email" type="email" label="Adresse e-mail" autoComplete="username" required error={errors.email} />
      <TextField id="enseignant-password" name="password" type="password" label="Mot de passe" autoComplete="current-password" required error={errors.password} />
      <button type="submit" className="button" disabled={pending || !hydrated} aria-busy={pending}>
        {pending ? 'Connexion…' : 'Me connecter'}
      </button>
    </form>
  );
}
