import { database } from '@/db/engine';
import { appointmentOf, counterName } from '@/lib/appointments/appointments';
import { newActionKey } from '@/lib/action-keys';
import { eq } from 'drizzle-orm';
import { fiscalStamps } from '@/db/tables';
import { formatDateTime, formatEuros } from '@/lib/format';
import { formatStampNumber } from '@/lib/payments/fiscal-stamps';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import type { CaseRow } from '@/lib/procedures/engine/types';
import { counterChecks } from '@/lib/procedures/identity-document/counter';
import { atThe, readyAt } from '@/lib/procedures/identity-document/definition';
import { counterAction } from './counter-actions';
import { CounterForm } from './counter-form';

/** The town hall's counter for a pre-request: the appointment, the check with the person, the hand-over. */
export async function CounterDesk({ c }: { c: CaseRow }) {
  const db = database();
  const appointment = await appointmentOf(db, c.id);
  if (!appointment) return <p>La personne n’a pas encore pris rendez-vous : sa pré-demande arrivera ici avec son créneau.</p>;
  const place = await counterName(db, appointment.place);
  const stamp = await db.select().from(fiscalStamps).where(eq(fiscalStamps.usedByCaseId, c.id)).get();
  const scale = await timeScaleOfSession(db, c.classSessionId);
  return (
    <>
      <p>
        Rendez-vous {atThe(place)}, dans cette séance le {formatDateTime(appointment.startsAt)}.
      </p>
      <p>{stamp ? `Timbre fiscal n° ${formatStampNumber(stamp.number)} : ${formatEuros(stamp.amountCents)}, payé, utilisé pour cette pré-demande.` : 'Pas de timbre fiscal : ce titre est gratuit.'}</p>
      {!appointment.checkedAt && c.state === 'depose' && (
        <CounterForm actionKey={newActionKey()} send={counterAction.bind(null, c.id, 'verifier')} checks={counterChecks} label="Valider le dépôt" />
      )}
      {appointment.checkedAt && c.state !== 'accepte' && (
        <p>
          Dépôt vérifié le {formatDateTime(appointment.checkedAt)} : le titre est en fabrication, prêt vers le {formatDateTime(readyAt(appointment.checkedAt, scale))}. La
          personne est prévenue quand il arrive.
        </p>
      )}
      {c.state === 'accepte' && !appointment.collectionAskedAt && <p>Le titre est arrivé à la mairie : la personne est prévenue, elle viendra le chercher.</p>}
      {appointment.collectionAskedAt && !appointment.collectedAt && (
        <>
          <p role="status">La personne est au guichet pour retirer son titre. Vérifiez son identité, puis remettez-le-lui.</p>
          <CounterForm actionKey={newActionKey()} send={counterAction.bind(null, c.id, 'remettre')} label="Remettre le titre" />
        </>
      )}
      {appointment.collectedAt && <p>Titre remis le {formatDateTime(appointment.collectedAt)}.</p>}
    </>
  );
}
