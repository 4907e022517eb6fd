import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { IdeaCard } from '@/app/_components/idea-card';
import { IdeaForm } from '@/app/_components/idea-form';
import { SubmitButton } from '@/app/_components/submit-button';
import { newActionKey } from '@/lib/action-keys';
import { getViewer } from '@/lib/auth/guards';
import { sessionOfReader } from '@/lib/classroom/reader-session';
import { ideasOf } from '@/lib/ideas';
import { procedures } from '@/lib/procedures/registry';
import { proposeIdeaAction, voteAction } from './actions';

export const metadata: Metadata = { title: 'Boîte à idées' };

/** The ideas box: propose an improvement to a procedure, vote for the others' ideas (co-construction). */
export default async function IdeasPage() {
  const viewer = await getViewer();
  const session = await sessionOfReader();
  const me = viewer?.role === 'citoyen' ? viewer.persona.id : viewer?.role === 'agent' ? viewer.agent.id : viewer?.role === 'aidant' ? viewer.aidant.id : null;
  const list = session ? await ideasOf(database(), session.id, me) : [];
  return (
    <>
      <p>
        <Link href="/seance">Retour à ma séance</Link>
      </p>
      <h1>Boîte à idées</h1>
      <p className="lead">
        Les services publics se construisent de plus en plus avec leurs usagers et leurs agents : chacun propose une amélioration, les autres votent,
        et le service retient les meilleures idées. Ici, c’est votre enseignant·e qui les retient.
      </p>
      {!session ? (
        <p>
          Rejoignez d’abord une séance : <Link href="/rejoindre">rejoindre avec le code donné par l’enseignant·e</Link>.
        </p>
      ) : (
        <>
          <section aria-labelledby="proposer">
            <h2 id="proposer">Proposer une idée</h2>
            {me ? (
              <IdeaForm propose={proposeIdeaAction} actionKey={newActionKey()} procedures={Object.values(procedures).map((p) => ({ id: p.id, title: p.title }))} />
            ) : (
              <p>Connectez-vous avec le rôle que vous jouez (usager, agent ou aidant·e) pour proposer une idée et voter.</p>
            )}
          </section>
          <section aria-labelledby="liste">
            <h2 id="liste">Les idées de la classe</h2>
            {list.length === 0 ? (
              <p>Aucune idée pour l’instant : soyez la première personne à en proposer une.</p>
            ) : (
              <ol className="ideas">
                {list.map((idea) => (
                  <IdeaCard key={idea.id} idea={idea} retainedLabel="Retenue par l’enseignant·e">
                    {me && !idea.mine && !idea.voted && (
                      <form action={voteAction.bind(null, idea.id)}>
                        <SubmitButton className="button button--secondary">
                          Voter pour cette idée<span className="visually-hidden"> : {idea.text}</span>
                        </SubmitButton>
                      </form>
                    )}
                    {idea.mine && <p className="hint">C’est votre idée.</p>}
                    {idea.voted && <p className="hint">Vous avez voté pour cette idée.</p>}
                  </IdeaCard>
                ))}
              </ol>
            )}
          </section>
        </>
      )}
    </>
  );
}
