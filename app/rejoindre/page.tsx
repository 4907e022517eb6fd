import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import Link from '@/app/_components/link';
import { headers } from 'next/headers';
import { eq } from 'drizzle-orm';
import { database } from '@/db/engine';
import { classSessions } from '@/db/tables';
import { currentDeviceHash } from '@/lib/classroom/device';
import { participantOfDevice } from '@/lib/classroom/participants';
import { roleLabels } from '@/lib/classroom/roles';
import { clientAddress, clientKey, hit, isLimited } from '@/lib/rate-limit';
import { TextField } from '../_components/text-field';
import { joinAction } from './actions';
import { joinLimit } from './limits';
import { countOf, lowerFirst } from '@/lib/format';

export const metadata: Metadata = { title: 'Rejoindre une séance' };

const codePattern = /^[A-Z0-9]{6}$/;

function Problem({ title, message, field }: { title: string; message: string; field: string }) {
  return (
    <div className="error-summary" role="alert">
      <h2>{title}</h2>
      <p>
        <a href={`#${field}`}>{message}</a>
      </p>
    </div>
  );
}

/** Step 1: the code (a GET form, so the projected QR code's link lands here); step 2: a pseudonym. */
export default async function JoinPage({ searchParams }: { searchParams: Promise<{ code?: string; pseudonyme?: string; erreur?: string }> }) {
  const params = await searchParams;
  const raw = params.code;
  const code = raw?.trim().toUpperCase().replace(/[\s-]/g, '') ?? '';
  const db = database();
  let error: string | null = null;
  let session: typeof classSessions.$inferSelect | undefined;
  if (raw !== undefined) {
    const key = clientKey('rejoindre', clientAddress(await headers()));
    const limited = await isLimited(db, key, joinLimit);
    if (!limited.allowed) error = `Trop de codes erronés depuis ce réseau. Réessayez dans ${countOf(Math.ceil(limited.retryAfterSeconds / 60), 'minute', 'minutes')}, ou demandez le code à votre enseignant·e.`;
    else if (!code) error = 'Saisissez le code donné par votre enseignant·e.';
    else if (!codePattern.test(code)) error = 'Le code comporte 6 caractères, lettres et chiffres, par exemple K7MZ3Q.';
    else {
      session = await db.select().from(classSessions).where(eq(classSessions.joinCode, code)).get();
      if (!session) error = 'Aucune séance ne correspond à ce code. Vérifiez chaque caractère avec votre enseignant·e.';
    }
    if (error && limited.allowed && code) await hit(db, key, joinLimit);
  }
  const device = await currentDeviceHash();
  const already = session && device ? await participantOfDevice(db, session.id, device) : null;

  if (session && already) {
    return (
      <>
        <h1>Rejoindre une séance</h1>
        <section className="surface" aria-labelledby="deja">
          <h2 id="deja">Vous êtes déjà dans la séance « {session.name} »</h2>
          <p>
            Sur cet appareil, vous êtes <strong>{already.pseudonym}</strong> ({lowerFirst(roleLabels[already.role])}).
          </p>
          <p>
            <Link href="/seance" className="button">
              Retrouver mon rôle
            </Link>
          </p>
        </section>
      </>
    );
  }

  return (
    <>
      <h1>Rejoindre une séance</h1>
      {session ? (
        <section aria-labelledby="trouvee">
          <h2 id="trouvee">Séance trouvée : {session.name}</h2>
          {params.erreur && <Problem title="Le pseudonyme n’est pas valable" message={params.erreur} field="pseudonyme" />}
          <p>Choisissez un pseudonyme : il suffit pour jouer. Ne donnez ni votre nom, ni votre adresse e-mail.</p>
          <form action={joinAction} noValidate>
            <ActionKeyField value={newActionKey()} />
            <input type="hidden" name="code" value={session.joinCode} />
            <TextField
              id="pseudonyme"
              name="pseudonyme"
              label="Votre pseudonyme"
              hint="De 2 à 24 caractères : lettres, chiffres, espaces ou tirets. Par exemple « Renard bleu »."
              error={params.erreur || undefined}
              defaultValue={params.pseudonyme ?? ''}
              autoComplete="off"
              maxLength={40}
            />
            <SubmitButton>
              Rejoindre la séance
            </SubmitButton>
          </form>
          <p>Vous recevez ensuite un rôle et une carte de scénario.</p>
        </section>
      ) : (
        <>
          {error && <Problem title="Le code n’est pas valable" message={error} field="code" />}
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
        </>
      )}
    </>
  );
}
