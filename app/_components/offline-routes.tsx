import Link from '@/app/_components/link';
import type { Persona } from '@/lib/auth/guards';

/**
 * For a persona who has never used the Internet: the request cannot be made online alone. The three ways the real
 * world offers instead (seeds: fracture numérique, illectronisme).
 */
export function OfflineRoutes({ persona, procedure, title }: { persona: Persona; procedure: string; title: string }) {
  const name = `${persona.givenNames.split(' ')[0]} ${persona.preferredName ?? persona.familyName}`;
  return (
    <section className="notice offline-routes" aria-labelledby="sans-internet">
      <h2 id="sans-internet">{name} n’utilise pas Internet</h2>
      <p>
        Dans ce scénario, votre personnage n’a jamais utilisé Internet : il ne peut pas faire la démarche « {title} » seul en ligne. Comme
        environ une personne sur quatre de plus de 60 ans en France, il a trois possibilités.
      </p>
      <ol>
        <li>
          <strong>Se faire aider</strong> dans un espace France Services : un·e aidant·e fait la démarche avec lui, après un mandat qu’il accepte. Il
          confirme le mandat ici, dans <Link href="/citoyen">son espace</Link>.
        </li>
        <li>
          <strong>Aller au guichet</strong> de l’organisme : un agent saisit la demande pour lui (dans la séance : l’élève qui joue cet organisme).
        </li>
        <li>
          <strong>Envoyer le formulaire papier</strong> :{' '}
          <a href={`/formulaires/${procedure}`} download>
            télécharger le formulaire à imprimer (PDF, déjà rempli avec son identité)
          </a>
          .
        </li>
      </ol>
    </section>
  );
}
