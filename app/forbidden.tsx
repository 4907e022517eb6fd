import Link from '@/app/_components/link';

export default function Forbidden() {
  return (
    <>
      <h1>Accès refusé</h1>
      <p>Votre rôle ne vous permet pas d’ouvrir cette page (erreur 403). Par exemple, un agent ne voit pas l’espace d’un citoyen.</p>
      <p>
        <Link href="/">Revenir à l’accueil</Link>
      </p>
    </>
  );
}
