import Link from '@/app/_components/link';
import { SignInButton } from './_components/sign-in-button';

export default function HomePage() {
  return (
    <>
      <h1>Bienvenue sur e-Guichet</h1>
      <p className="lead">
        e-Guichet simule les démarches administratives en ligne. Vous jouez une personne qui fait une démarche, ou un agent
        qui la traite. Vous voyez comment les administrations échangent des données, et avec quel accord.
      </p>
      <ul className="cards">
        <li className="card">
          <h2>Je suis enseignant·e</h2>
          <p>Préparez une séance, projetez le code pour la classe et suivez les échanges en direct.</p>
          <Link className="button" href="/connexion#enseignant">
            Espace enseignant
          </Link>
        </li>
        <li className="card">
          <h2>Rejoindre une séance</h2>
          <p>Votre enseignant·e vous donne un code. Vous recevez un rôle et une carte de mission.</p>
          <Link className="button" href="/rejoindre">
            Rejoindre une séance
          </Link>
        </li>
        <li className="card">
          <h2>Faire une démarche</h2>
          <p>Connectez-vous comme une personne fictive, avec un fournisseur d’identité simulé.</p>
          <SignInButton provider="franceconnect" callbackUrl="/citoyen">
            Se connecter avec FranceConnect (simulé)
          </SignInButton>
        </li>
      </ul>
      <h2>Ce que la classe va découvrir</h2>
      <ul>
        <li>Faire une démarche en ligne : acte de naissance, changement d’adresse, carte de stationnement.</li>
        <li>Comment les administrations s’échangent des données, seulement si la loi ou votre accord le permet.</li>
        <li>Ce que chaque organisme sait de vous, et la trace de chaque échange.</li>
        <li>Ce que vivent les personnes qui ne peuvent pas faire leurs démarches seules en ligne.</li>
      </ul>
    </>
  );
}
