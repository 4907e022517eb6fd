import type { Metadata } from 'next';
import { SignInButton } from '../_components/sign-in-button';
import { TeacherSignInForm } from './teacher-form';

export const metadata: Metadata = { title: 'Se connecter' };

// next-auth sends errors back here as ?error=<code>.
const errorMessages: Record<string, string> = {
  AccessDenied: 'La connexion a été annulée.',
  OAuthCallback: 'Le fournisseur d’identité a refusé la connexion. Recommencez.',
  OAuthSignin: 'Le fournisseur d’identité ne répond pas. Recommencez dans un instant.',
  Callback: 'La connexion a été annulée ou n’a pas pu être terminée. Recommencez.',
  SessionRequired: 'Connectez-vous pour accéder à cette page.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string; callbackUrl?: string }> }) {
  const { error } = await searchParams;
  const message = error ? (errorMessages[error] ?? 'La connexion n’a pas abouti. Recommencez.') : null;
  return (
    <>
      <h1>Se connecter</h1>
      {message && (
        <div className="error-summary" role="alert">
          <h2>Connexion impossible</h2>
          <p>{message}</p>
        </div>
      )}
      <ul className="cards">
        <li className="card">
          <h2>Citoyen·ne</h2>
          <p>Vous jouez une personne fictive. FranceConnect (simulé) vous identifie et transmet votre identité au service.</p>
          <SignInButton provider="franceconnect" callbackUrl="/citoyen">
            Se connecter avec FranceConnect (simulé)
          </SignInButton>
        </li>
        <li className="card">
          <h2>Agent d’un organisme</h2>
          <p>Vous traitez les demandes d’un organisme (mairie, CAF, impôts…). ProConnect (simulé) vous identifie.</p>
          <SignInButton provider="proconnect" callbackUrl="/agent" secondary>
            Se connecter avec ProConnect (simulé)
          </SignInButton>
        </li>
      </ul>
      <section aria-labelledby="enseignant" className="surface">
        <h2 id="enseignant">Enseignant·e</h2>
        <p>Votre identifiant et votre mot de passe s’affichent dans le terminal au démarrage d’e-Guichet.</p>
        <TeacherSignInForm />
      </section>
    </>
  );
}
