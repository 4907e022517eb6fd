import type { Metadata } from 'next';
import { OpenCaseNotice } from '@/app/_components/open-case-notice';
import { newActionKey } from '@/lib/action-keys';
import Link from '@/app/_components/link';
import { parkingProofKinds } from '@/db/schema';
import { requireCitizen } from '@/lib/auth/guards';
import { viewerPreferences } from '@/lib/preferences-store';
import { proofLabels } from '@/lib/procedures/parking-card/proofs';
import { maxProofBytes, tooLargeParam } from '@/lib/uploads/limits';
import { sendProofsAction } from './actions';
import { ProofForm } from './proof-form';

export const metadata: Metadata = { title: 'Vos justificatifs — carte de stationnement' };

export default async function ProofsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const persona = await requireCitizen();
  const { choix, [tooLargeParam]: tooLarge } = await searchParams;
  return (
    <>
      <p>
        <Link href="/citoyen/demarches/carte-stationnement">Retour à la démarche</Link>
      </p>
      <h1>Carte de stationnement : vos justificatifs</h1>
      <OpenCaseNotice persona={persona} procedure="carte-stationnement" />
      {choix === 'sans-accord' && (
        <div className="notice" role="status">
          <p>
            <strong>Vous avez refusé que la ville consulte vos données.</strong> Aucune information n’a été demandée à votre sujet.
          </p>
          <p>Vous pouvez quand même obtenir la carte : envoyez vos justificatifs, un agent de la ville les vérifiera. C’est plus long, mais c’est votre droit.</p>
        </div>
      )}
      {(await viewerPreferences()).simplifie ? (
        <ul className="falc">
          <li>Vous envoyez 3 papiers.</li>
          <li>Votre avis d’impôt.</li>
          <li>La carte grise de votre voiture.</li>
          <li>Une facture à votre adresse, de moins de 3 mois.</li>
          <li>Une personne de la ville les regarde.</li>
          <li>C’est plus long qu’avec votre accord.</li>
        </ul>
      ) : (
        <p className="lead">Un agent de la ville vérifie vos documents à la main. Comptez plus de temps qu’avec la vérification automatique.</p>
      )}
      <p>Dans cette simulation, n’envoyez que des documents fictifs (une photo de votre carte de mission, un PDF d’exemple).</p>
      <ProofForm actionKey={newActionKey()} send={sendProofsAction} proofs={parkingProofKinds.map((kind) => ({ kind, ...proofLabels[kind] }))} maxBytes={maxProofBytes} tooLarge={tooLarge === '1'} />
    </>
  );
}
