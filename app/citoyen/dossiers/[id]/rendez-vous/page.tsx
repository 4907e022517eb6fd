import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound, redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { appointmentOf, counterName, counters, freeSlots } from '@/lib/appointments/appointments';
import { newActionKey } from '@/lib/action-keys';
import { countOf, formatHour } from '@/lib/format';
import { citizenCase } from '@/lib/procedures/citizen';
import { FalcBlock } from '@/app/_components/falc-block';
import { identityFalc } from '@/lib/procedures/identity-document/falc';
import { bookAction } from './actions';
import { BookingForm, type CounterChoice } from './booking-form';

export const metadata: Metadata = { title: 'Prendre rendez-vous en mairie' };

const inDays = (n: number) => (n === 1 ? 'demain' : `dans ${countOf(n, 'jour', 'jours')}`);

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await citizenCase(id);
  if (!found || found.c.procedure !== 'titre-identite') notFound();
  const { c } = found;
  const db = database();
  const current = await appointmentOf(db, c.id);
  // Only a filed pre-request takes an appointment, and not once the counter has checked it.
  if (c.state !== 'depose' || current?.checkedAt) redirect(`/citoyen/dossiers/${c.id}`);
  const choices: CounterChoice[] = await Promise.all(
    counters.map(async (counter) => {
      const slots = (await freeSlots(db, c.classSessionId, counter.place)).slice(0, 4);
      return {
        place: counter.place,
        name: await counterName(db, counter.place),
        distance: counter.distanceKm === 0 ? 'dans votre ville' : `à ${counter.distanceKm} km`,
        first: slots[0] ? inDays(slots[0].inDays) : 'aucun',
        slots: slots.map((s) => ({ value: `${s.place}:${s.day}:${s.slot}`, label: `${inDays(s.inDays).replace(/^./, (l) => l.toUpperCase())}, à ${formatHour(s.hour)}` })),
      };
    }),
  );
  return (
    <>
      <p>
        <Link href={`/citoyen/dossiers/${c.id}`}>Retour à votre pré-demande</Link>
      </p>
      <h1>{current ? 'Changer de rendez-vous' : 'Prendre rendez-vous en mairie'}</h1>
      <FalcBlock lines={identityFalc.booking} />
      <p className="lead">
        Seules les mairies équipées d’une station de recueil des empreintes prennent ces demandes. La plus proche est souvent pleine : une mairie plus
        loin a parfois un créneau plus tôt.
      </p>
      <p>Les jours sont ceux de la vraie vie ; dans cette séance, ils passent en quelques minutes.</p>
      <BookingForm actionKey={newActionKey()} send={bookAction.bind(null, c.id, current?.id ?? null)} counters={choices} submitLabel={current ? 'Déplacer mon rendez-vous' : 'Réserver ce créneau'} />
    </>
  );
}
