import type { Metadata } from 'next';
import { OpenCaseNotice } from '@/app/_components/open-case-notice';
import Link from '@/app/_components/link';
import { requireCitizen } from '@/lib/auth/guards';
import { parkingCard } from '@/lib/procedures/parking-card/definition';
import { EnVrai } from '@/app/_components/en-vrai';
import { OfflineRoutes } from '@/app/_components/offline-routes';
import { cannotGoOnlineAlone } from '@/lib/procedures/citizen';

export const metadata: Metadata = { title: 'Carte de stationnement résidentiel' };

export default async function ParkingCardStart() {
  const persona = await requireCitizen();
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>Carte de stationnement résidentiel</h1>
      <OpenCaseNotice persona={persona} procedure="carte-stationnement" />
      <p className="lead">
        La ville de Villeneuve-sur-Brenne délivre une carte aux habitants des zones A, B et C pour se garer près de chez eux à
        tarif réduit.
      </p>
      <h2>Les conditions</h2>
      <ul>
        <li>habiter dans une zone de stationnement résidentiel, à titre de résidence principale ;</li>
        <li>être titulaire de la carte grise d’un véhicule immatriculé à cette adresse.</li>
      </ul>
      {cannotGoOnlineAlone(persona) ? (
        <OfflineRoutes persona={persona} procedure="carte-stationnement" title="Carte de stationnement résidentiel" />
      ) : (
        <>
      <h2>Deux façons de prouver que vous remplissez ces conditions</h2>
      <div className="cards">
        <section className="card" aria-labelledby="avec-accord">
          <h3 id="avec-accord">Avec votre accord : vérification automatique</h3>
          <p>
            La ville demande, par l’État plateforme, votre adresse fiscale aux impôts et vos véhicules au registre des cartes
            grises. La réponse arrive en quelques secondes. Vous n’avez aucun papier à fournir.
          </p>
          <p>
            <Link className="button" href="/citoyen/demarches/carte-stationnement/accord">
              Voir ce que la ville demandera
            </Link>
          </p>
        </section>
        <section className="card" aria-labelledby="sans-accord">
          <h3 id="sans-accord">Sans votre accord : vos justificatifs</h3>
          <p>Vous fournissez vous-même, en ligne ou au guichet de la mairie :</p>
          <ul>
            <li>votre dernier avis d’imposition ;</li>
            <li>le certificat d’immatriculation (carte grise) du véhicule ;</li>
            <li>un justificatif de domicile de moins de trois mois.</li>
          </ul>
          <p>Un agent de la ville les vérifie à la main : c’est plus long.</p>
          <p>
            <Link className="button button--secondary" href="/citoyen/demarches/carte-stationnement/justificatifs">
              Envoyer mes justificatifs
            </Link>
          </p>
        </section>
      </div>
      <p>
        Vous préférez le papier ?{' '}
        <a href="/formulaires/carte-stationnement" download>
          Télécharger le formulaire à imprimer (PDF)
        </a>
        , à déposer à la mairie avec les copies de vos justificatifs.
      </p>
        </>
      )}
      <EnVrai paragraphs={parkingCard.enVrai} />
    </>
  );
}
