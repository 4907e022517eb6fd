import type { Metadata } from 'next';
import { FalcBlock } from '@/app/_components/falc-block';
import { finesFalc } from '@/lib/procedures/fines/falc';
import Link from '@/app/_components/link';
import { asc, eq } from 'drizzle-orm';
import { notFound, redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import { personas } from '@/db/tables';
import { requireCitizen } from '@/lib/auth/guards';
import { newActionKey } from '@/lib/action-keys';
import { formatDateTime } from '@/lib/format';
import { noticeOf, noticeStatus } from '@/lib/procedures/fines/notices';
import { designateAction } from './actions';
import { DesignationForm } from './designation-form';

export const metadata: Metadata = { title: 'Désigner le conducteur' };

export default async function DesignatePage({ params }: { params: Promise<{ id: string }> }) {
  const persona = await requireCitizen();
  const { id } = await params;
  const db = database();
  const n = await noticeOf(db, persona, id);
  if (!n) notFound();
  if (n.state !== 'a_payer' || !noticeStatus(n, await timeScaleOfSession(db, n.classSessionId)).contestable) redirect(`/citoyen/amendes#avis-${n.id}`);
  const company = n.holderKind === 'societe';
  const people = (await db.select().from(personas).where(eq(personas.classSessionId, persona.classSessionId)).orderBy(asc(personas.familyName), asc(personas.givenNames)).all())
    // A person does not name themself; a company may name its manager.
    .filter((p) => company || p.id !== persona.id)
    .map((p) => ({ id: p.id, label: `${p.familyName.toUpperCase()} ${p.givenNames}${p.id === persona.id ? ' (vous, comme gérant·e de la société)' : ''}, ${p.city}` }));
  return (
    <>
      <p>
        <Link href={`/citoyen/amendes#avis-${n.id}`}>Retour à l’avis de contravention</Link>
      </p>
      <h1>Désigner le conducteur</h1>
      <FalcBlock lines={finesFalc.designate} />
      <p className="lead">
        Avis n° {n.number} : {n.offence.toLowerCase()}, le {formatDateTime(n.offenceAt)}, véhicule {n.registration}.
      </p>
      <p>
        {company
          ? 'Le véhicule est au nom de votre société : elle doit dire qui conduisait, même si c’était vous. L’avis est alors envoyé à cette personne, qui paie l’amende et perd les points.'
          : 'Vous ne conduisiez pas ? Dites qui conduisait : l’avis lui est envoyé, et le vôtre est clos. Désigner quelqu’un à tort est une fausse déclaration.'}
      </p>
      <DesignationForm actionKey={newActionKey()} send={designateAction.bind(null, n.id)} people={people} />
    </>
  );
}
