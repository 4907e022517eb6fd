import Link from '@/app/_components/link';

export default function NotFound() {
  return (
    <>
      <h1>Page introuvable</h1>
      <p>L’adresse saisie ne correspond à aucune page d’e-Guichet (erreur 404).</p>
      <p>
        <Link href="/">Revenir à l’accueil</Link>
      </p>
    </>
  );
}
