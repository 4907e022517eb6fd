import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { newActionKey } from '@/lib/action-keys';
import { FlashNotice } from '@/app/_components/flash-notice';
import { FalcBlock } from '@/app/_components/falc-block';
import { formatDateTime, formatEuros } from '@/lib/format';
import { testCardNumber } from '@/lib/payments/card';
import { formatStampNumber, stampKinds, stampsOf } from '@/lib/payments/fiscal-stamps';
import { identityFalc } from '@/lib/procedures/identity-document/falc';
import { buyStampAction } from './actions';
import { StampForm } from './stamp-form';

export const metadata: Metadata = { title: 'Acheter un timbre fiscal' };

export default async function StampsPage() {
  const persona = await requireCitizen();
  const stamps = await stampsOf(database(), persona);
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>Acheter un timbre fiscal</h1>
      <FalcBlock lines={identityFalc.stamp} />
      <FlashNotice path="/citoyen/timbres" />
      <p className="lead">
        Un passeport, ou une carte d’identité qui remplace une carte perdue ou volée, se paie par un timbre fiscal électronique. Achetez-le ici, puis
        recopiez son numéro dans votre pré-demande.
      </p>
      {stamps.length > 0 && (
        <section aria-labelledby="mes-timbres">
          <h2 id="mes-timbres">Mes timbres</h2>
          <ul>
            {stamps.map((s) => (
              <li key={s.id}>
                n° <strong>{formatStampNumber(s.number)}</strong>, {stampKinds.find((k) => k.value === s.kind)?.label.toLowerCase()}, {formatEuros(s.amountCents)}, acheté le{' '}
                {formatDateTime(s.boughtAt)} : {s.usedByCaseId ? 'utilisé pour une pré-demande' : 'pas encore utilisé'}.
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="notice">
        <p>
          <strong>Paiement simulé.</strong> Aucune vraie carte n’est demandée ni acceptée : utilisez la carte de test ci-dessous.
        </p>
      </div>
      <StampForm actionKey={newActionKey()} send={buyStampAction} kinds={stampKinds.map((k) => ({ value: k.value, label: k.label, price: formatEuros(k.cents) }))} testCard={testCardNumber} />
    </>
  );
}
