import QRCode from 'qrcode';
import Link from '@/app/_components/link';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { FalcBlock } from '@/app/_components/falc-block';
import { SubmitButton } from '@/app/_components/submit-button';
import { database } from '@/db/engine';
import { appointmentOf, counterName } from '@/lib/appointments/appointments';
import { newActionKey } from '@/lib/action-keys';
import { formatDateTime, formatEuros, lowerFirst } from '@/lib/format';
import { formatStampNumber, stampDigits } from '@/lib/payments/fiscal-stamps';
import { text } from '@/lib/procedures/fields';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import type { CaseRow, Persona } from '@/lib/procedures/engine/types';
import { readyAt, stampDue, titleOf } from '@/lib/procedures/identity-document/definition';
import { identityFalc } from '@/lib/procedures/identity-document/falc';
import { collectAction } from './counter-actions';

/** A pre-request's way to the counter: its number and QR code, the appointment, the production, the collection. */
export async function CounterPanel({ c, persona }: { c: CaseRow; persona: Persona }) {
  const db = database();
  const appointment = await appointmentOf(db, c.id);
  const name = appointment ? await counterName(db, appointment.place) : '';
  // "la mairie de X", within a sentence.
  const place = lowerFirst(name);
  const scale = await timeScaleOfSession(db, c.classSessionId);
  const qr = c.receiptNumber ? await QRCode.toString(c.receiptNumber, { type: 'svg', margin: 1, width: 160 }) : null;
  const due = stampDue(c.answers, persona);
  return (
    <section aria-labelledby="guichet" className="surface">
      <h2 id="guichet">Votre pré-demande et votre rendez-vous</h2>
      {c.state === 'depose' && <FalcBlock lines={identityFalc.waiting} />}
      {qr && (
        <div className="predemande">
          <div role="img" aria-label={`Code QR de la pré-demande n° ${c.receiptNumber}`} dangerouslySetInnerHTML={{ __html: qr }} />
          <p>
            Pré-demande n° <strong>{c.receiptNumber}</strong>. Montrez ce numéro ou ce code au guichet : l’agent y lit vos réponses, vous n’avez rien à remplir
            de nouveau.
          </p>
        </div>
      )}
      {due > 0 && <p>Payé par le timbre fiscal n° {formatStampNumber(stampDigits(text(c.answers.timbre, 'numero')))} ({formatEuros(due)}).</p>}
      {!appointment && c.state === 'depose' && (
        <p>
          <Link className="button" href={`/citoyen/dossiers/${c.id}/rendez-vous`}>
            Prendre rendez-vous en mairie
          </Link>
        </p>
      )}
      {appointment && !appointment.checkedAt && (
        <>
          <p>
            Rendez-vous à la <strong>{place}</strong>, dans cette séance le {formatDateTime(appointment.startsAt)}. Apportez une photo d’identité de moins de
            six mois, un justificatif de domicile et votre ancien titre (ou la déclaration de perte ou de vol).
          </p>
          <p>
            <Link href={`/citoyen/dossiers/${c.id}/rendez-vous`}>Changer de créneau</Link>
          </p>
        </>
      )}
      {appointment?.checkedAt && c.state !== 'accepte' && (
        <p>
          Votre dépôt est vérifié : {titleOf(c).toLowerCase()} est en fabrication. Il devrait être prêt vers le {formatDateTime(readyAt(appointment.checkedAt, scale))} ;
          vous serez prévenu·e.
        </p>
      )}
      {c.state === 'accepte' && appointment && !appointment.collectionAskedAt && (
        <form action={collectAction.bind(null, c.id)}>
          <ActionKeyField value={newActionKey()} />
          <p>Votre titre vous attend à la {place}. Il vous est remis en main propre.</p>
          <SubmitButton>Aller chercher mon titre</SubmitButton>
        </form>
      )}
      {appointment?.collectionAskedAt && !appointment.collectedAt && <p role="status">Vous êtes au guichet de la {place} : l’agent vous remet votre titre.</p>}
      {appointment?.collectedAt && <p>Titre remis le {formatDateTime(appointment.collectedAt)}, à la {place}. La démarche est terminée.</p>}
    </section>
  );
}
