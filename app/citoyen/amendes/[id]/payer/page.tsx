import type { Metadata } from 'next';
import { FalcBlock } from '@/app/_components/falc-block';
import { finesFalc } from '@/lib/procedures/fines/falc';
import Link from '@/app/_components/link';
import { notFound, redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import { requireCitizen } from '@/lib/auth/guards';
import { newActionKey } from '@/lib/action-keys';
import { formatDateTime, formatEuros } from '@/lib/format';
import { testCardNumber } from '@/lib/payments/card';
import { noticeOf, noticeStatus } from '@/lib/procedures/fines/notices';
import { payNoticeAction } from './actions';
import { PaymentForm } from './payment-form';

export const metadata: Metadata = { title: 'Payer une amende' };

export default async function PayFinePage({ params }: { params: Promise<{ id: string }> }) {
  const persona = await requireCitizen();
  const { id } = await params;
  const db = database();
  const n = await noticeOf(db, persona, id);
  if (!n) notFound();
  // Paid, contested, passed on: nothing to pay here; the notice says why.
  if (n.state !== 'a_payer') redirect(`/citoyen/amendes#avis-${n.id}`);
  const { due, label } = noticeStatus(n, await timeScaleOfSession(db, n.classSessionId));
  return (
    <>
      <p>
        <Link href={`/citoyen/amendes#avis-${n.id}`}>Retour à l’avis de contravention</Link>
      </p>
      <h1>Payer l’amende</h1>
      <FalcBlock lines={finesFalc.pay} />
      <dl className="facts">
        <dt>Avis</dt>
        <dd>n° {n.number}</dd>
        <dt>Infraction</dt>
        <dd>
          {n.offence}, le {formatDateTime(n.offenceAt)}
        </dd>
        <dt>Montant</dt>
        <dd>
          <strong>{formatEuros(due.cents)}</strong> ({label.toLowerCase()}
          {due.until ? `, jusqu’au ${formatDateTime(due.until)}` : ''})
        </dd>
      </dl>
      <div className="notice">
        <p>
          <strong>Paiement simulé.</strong> Aucune vraie carte n’est demandée ni acceptée : utilisez la carte de test ci-dessous. Le montant est
          celui du moment où vous validez.
        </p>
      </div>
      <PaymentForm actionKey={newActionKey()} send={payNoticeAction.bind(null, n.id)} amount={formatEuros(due.cents)} testCard={testCardNumber} />
    </>
  );
}
