import type { Metadata } from 'next';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classSessions } from '@/db/schema';
import { SignInButton } from '../_components/sign-in-button';
import { TextField } from '../_components/text-field';

export const metadata: Metadata = { title: 'Rejoindre une séance' };

const codePattern = /^[A-Z0-9]{6}$/;

/** Checks a join code (a GET form: nothing typed is lost, no script needed). */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const raw = (await searchParams).code;
  const code = raw?.trim().toUpperCase().replace(/[\s-]/g, '') ?? '';
  let error: string | null = null;
  let session: typeof classSessions.$inferSelect | undefined;
  if (raw !== undefined) {
    if (!code) error = 'Saisissez le code donné par votre enseignant·e.';
    else if (!codePattern.test(code)) error = 'Le code comporte 6 caractères, lettres et chiffres, par exemple K7MZ3Q.';
    else {
      session = getDb().select().from(classSessions).where(eq(classSessions.joinCode, code)).get();
      if (!session) error = 'Aucune séance ne correspond à ce code. Vérifiez chaque caractère avec votre enseignant·e.';
    }
  }
  return (
    <>
      <h1>Rejoindre une séance</h1>
      {error && (
        <div className="error-summary" role="alert">
          <h2>Le code n’est pas valable</h2>
          <p>
            <a href="#code">{error}</a>
          </p>
        </div>
      )}
      {session ? (
        <section className="surface" aria-labelledby="trouvee">
          <h2 id="trouvee">Séance trouvée : {session.name}</h2>
          <p>Votre enseignant·e vous indique si vous jouez une personne ou un agent. Connectez-vous ensuite.</p>
          <p className="who">
            <SignInButton provider="franceconnect" callbackUrl="/citoyen" joinCode={session.joinCode}>
              Je joue une personne
            </SignInButton>
            <SignInButton provider="proconnect" callbackUrl="/agent" secondary joinCode={session.joinCode}>
              Je joue un agent
            </SignInButton>
          </p>
        </section>
      ) : (
        <form method="get" action="/rejoindre" noValidate>
          <TextField
            id="code"
            name="code"
            label="Code de la séance"
            hint="6 caractères, affichés au tableau par votre enseignant·e."
            error={error ?? undefined}
            defaultValue={raw ?? ''}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
          />
          <button type="submit" className="button">
            Rejoindre
          </button>
        </form>
      )}
    </>
  );
}
