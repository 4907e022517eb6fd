import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { OpenCaseNotice } from '@/app/_components/open-case-notice';
import { newActionKey } from '@/lib/action-keys';
import Link from '@/app/_components/link';
import { requireCitizen } from '@/lib/auth/guards';
import { dataItems } from '@/lib/platform/catalogue';
import { agencyName, purposeLabel } from '@/lib/platform/consent-text';
import { parkingConsentDays, parkingPurpose } from '@/lib/procedures/parking-card/check';
import { parkingConsentRequests } from '@/lib/procedures/parking-card/start';
import { ErrorSummary } from '@/app/_components/error-summary';
import { parkingConsentAction } from './actions';
import { viewerPreferences } from '@/lib/preferences-store';

export const metadata: Metadata = { title: 'Votre accord — carte de stationnement' };

export default async function ParkingConsent({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const persona = await requireCitizen();
  const { erreur } = await searchParams;
  const error = erreur === 'choix' ? 'Choisissez « J’accepte » ou « Je refuse » pour continuer.' : undefined;
  const asked = parkingConsentRequests;
  const { simplifie } = await viewerPreferences();
  return (
    <>
      <p>
        <Link href="/citoyen/demarches/carte-stationnement">Retour à la démarche</Link>
      </p>
      <h1>Acceptez-vous que la ville consulte ces informations ?</h1>
      <OpenCaseNotice persona={persona} procedure="carte-stationnement" />
      <ErrorSummary title="Il manque une réponse" errors={error ? { accepter: error } : {}} idPrefix="decision" />
      {simplifie ? (
        <ul className="falc">
          <li>La ville peut vérifier vos informations elle-même.</li>
          <li>Elle demande votre adresse aux impôts.</li>
          <li>Elle demande vos voitures au registre des cartes grises.</li>
          <li>Pour cela, elle a besoin de votre accord.</li>
          <li>Vous pouvez dire oui ou non.</li>
          <li>Si vous dites non, vous envoyez vos papiers vous-même.</li>
          <li>Vous pouvez changer d’avis plus tard, dans « Mes données ».</li>
        </ul>
      ) : (
        <p className="lead">Pour vérifier vos droits sans vous demander de papiers, la ville a besoin de votre accord.</p>
      )}
      <table className="stack">
        <caption>Ce qui sera transmis, par qui, à qui</caption>
        <thead>
          <tr>
            <th scope="col">Information</th>
            <th scope="col">Qui la détient</th>
            <th scope="col">Qui la reçoit</th>
          </tr>
        </thead>
        <tbody>
          {asked.flatMap((h) =>
            h.donnees.map((item) => {
              const d = dataItems.find((x) => x.id === item);
              return (
                <tr key={item}>
                  <td data-label="Information">
                    <strong>{d?.libelle}</strong>
                    <br />
                    {d?.detail}
                  </td>
                  <td data-label="Qui la détient">{agencyName(h.fournisseur)}</td>
                  <td data-label="Qui la reçoit">{agencyName(h.consommateur)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Pourquoi</dt>
        <dd>{purposeLabel(parkingPurpose)}, et seulement pour cela.</dd>
        <dt>Pour combien de temps</dt>
        <dd>{parkingConsentDays} jours. Ensuite, l’accord prend fin tout seul.</dd>
        <dt>Par où</dt>
        <dd>Par l’État plateforme, qui vérifie le droit de la ville et inscrit chaque demande dans votre journal « Mes données ».</dd>
        <dt>Et après</dt>
        <dd>Vous pouvez retirer votre accord à tout moment, en un clic, dans « Mes données ».</dd>
      </dl>
      <form action={parkingConsentAction} noValidate>
        <ActionKeyField value={newActionKey()} />
        <fieldset className={`field${error ? ' field--error' : ''}`} id="decision" aria-describedby={error ? 'decision-erreur' : undefined}>
          <legend>Votre réponse</legend>
          {error && (
            <p className="field__error" id="decision-erreur">
              {error}
            </p>
          )}
          <div className="radio">
            <input type="radio" id="decision-accepter" name="decision" value="accepter" aria-invalid={Boolean(error)} />
            <label htmlFor="decision-accepter">J’accepte que la ville obtienne ces informations, pour {parkingConsentDays} jours.</label>
          </div>
          <div className="radio">
            <input type="radio" id="decision-refuser" name="decision" value="refuser" aria-invalid={Boolean(error)} />
            <label htmlFor="decision-refuser">Je refuse : je fournirai mes justificatifs.</label>
          </div>
        </fieldset>
        <SubmitButton>
          Valider ma réponse
        </SubmitButton>
      </form>
    </>
  );
}
