import Link from '@/app/_components/link';

export default function Unauthorized() {
  return (
    <>
      <h1>Connexion nécessaire</h1>
      <p>Cette page est réservée aux personnes connectées (erreur 401).</p>
      <p>
        <Link className="button" href="/connexion">
          Se connecter
        </Link>
      </p>
    </>
  );
}
