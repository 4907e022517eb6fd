import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import Link from '@/app/_components/link';
import { asc, eq } from 'drizzle-orm';
import { database } from '@/db/engine';
import { personas } from '@/db/tables';
import { requireAgent } from '@/lib/auth/guards';
import { procedures } from '@/lib/procedures/registry';
import { startOnBehalfAction } from './actions';
import { startBlocked } from '@/lib/procedures/drafts';
import { FlashNotice } from '@/app/_components/flash-notice';

export const metadata: Metadata = { title: 'Saisir une demande papier ou au guichet' };

export default async function KeyInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const agent = await requireAgent();
  const params = await searchParams;
  const people = await database().select().from(personas).where(eq(personas.classSessionId, agent.classSessionId)).orderBy(asc(personas.familyName)).all();
  const keyable = Object.values(procedures).filter((p) => p.steps.length > 0);
  const errors: Record<string, string> = {
    incomplet: 'Choisissez la personne, la démarche et la façon dont la demande est arrivée.',
    'deja-en-cours': 'Cette personne a déjà une demande de ce type en cours (en ligne ou saisie par un collègue). Ouvrez-la depuis la file d’attente plutôt que d’en saisir une seconde.',
  };
  const chosen = people.find((p) => p.id === params.personne);
  const asked = keyable.find((p) => p.id === params.demarche);
  if (params.erreur === 'rien-a-demander' && chosen && asked) errors['rien-a-demander'] = (await startBlocked(database(), chosen, asked.id))?.forOther ?? errors.incomplet!;
  const error = params.erreur ? (errors[params.erreur] ?? null) : null;
  return (
    <>
      <p>
        <Link href="/agent">Retour à la file d’attente</Link>
      </p>
      <h1>Saisir une demande papier ou au guichet</h1>
      <p className="lead">Pour une personne qui ne peut pas, ou ne veut pas, faire la démarche en ligne : vous saisissez sa demande à sa place.</p>
      <FlashNotice />
      {error && (
        <div className="error-summary" role="alert" aria-labelledby="saisie-erreur">
          <h2 id="saisie-erreur">La saisie n’a pas commencé</h2>
          <p>{error}</p>
        </div>
      )}
      <form action={startOnBehalfAction}>
        <ActionKeyField value={newActionKey()} />
        <div className="field">
          <label htmlFor="personne">La personne</label>
          <select id="personne" name="personne" defaultValue={params.personne ?? ''}>
            <option value="">Choisir…</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.familyName.toUpperCase()} {p.givenNames}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="demarche">La démarche</label>
          <select id="demarche" name="demarche" defaultValue={params.demarche ?? ''}>
            <option value="">Choisir…</option>
            {keyable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Comment la demande est arrivée</legend>
          <div className="radio">
            <input type="radio" id="canal-papier" name="canal" value="papier" defaultChecked />
            <label htmlFor="canal-papier">Formulaire papier (reçu par courrier ou déposé)</label>
          </div>
          <div className="radio">
            <input type="radio" id="canal-guichet" name="canal" value="guichet" />
            <label htmlFor="canal-guichet">La personne est au guichet</label>
          </div>
        </fieldset>
        <SubmitButton>
          Commencer la saisie
        </SubmitButton>
      </form>
      <h2>Formulaires papier à imprimer</h2>
      <ul>
        {Object.values(procedures).map((p) => (
          <li key={p.id}>
            <a href={`/formulaires/${p.id}`} download>
              {p.title} (PDF à remplir)
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
