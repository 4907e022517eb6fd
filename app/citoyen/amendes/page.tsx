import type { Metadata } from 'next';
import { FalcBlock } from '@/app/_components/falc-block';
import { finesFalc } from '@/lib/procedures/fines/falc';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { FlashNotice } from '@/app/_components/flash-notice';
import { countOf, formatDateTime, formatEuros } from '@/lib/format';
import { EnVrai } from '@/app/_components/en-vrai';
import { finesEnVrai, fineStateLabels, noticesOf, noticeStatus } from '@/lib/procedures/fines/notices';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import { fictitiousProofOf } from '@/lib/procedures/fines/fictitious-proofs';
import { inArray } from 'drizzle-orm';
import { cases } from '@/db/tables';

export const metadata: Metadata = { title: 'Mes avis de contravention' };

export default async function FinesPage() {
  const persona = await requireCitizen();
  const db = database();
  const notices = await noticesOf(db, persona);
  const now = new Date();
  const scale = await timeScaleOfSession(db, persona.classSessionId);
  const rows = notices.map((n) => ({ n, status: noticeStatus(n, scale, now) }));
  const contestIds = notices.flatMap((n) => (n.contestCaseId ? [n.contestCaseId] : []));
  const contests = new Map(contestIds.length === 0 ? [] : (await db.select().from(cases).where(inArray(cases.id, contestIds)).all()).map((c) => [c.id, c]));
  const home = `${persona.addressLine}, ${persona.postalCode} ${persona.city}`;
  const proof = fictitiousProofOf(persona);
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>Mes avis de contravention</h1>
      <FalcBlock lines={finesFalc.notices} />
      <FlashNotice path="/citoyen/amendes" />
      <p className="lead">
        {notices.length === 0 ? 'Vous n’avez reçu aucun avis de contravention.' : `Vous avez reçu ${countOf(notices.length, 'avis', 'avis')} de l’ANTAI. Payez en ligne ; si vous ne conduisiez pas, désignez la personne qui conduisait ; si vous n’êtes pas d’accord, contestez.`}
      </p>
      {rows.map(({ n, status }) => {
        const { amounts, deadlines } = status;
        const contest = n.contestCaseId ? contests.get(n.contestCaseId) : undefined;
        const mailedTo = `${n.addressLine}, ${n.postalCode} ${n.city}`;
        return (
          <section key={n.id} id={`avis-${n.id}`} className="surface" aria-labelledby={`avis-${n.id}-titre`}>
            <h2 id={`avis-${n.id}-titre`}>Avis de contravention n° {n.number}</h2>
            <dl className="facts">
              <dt>Infraction</dt>
              <dd>{n.offence}</dd>
              <dt>Date et lieu</dt>
              <dd>
                {formatDateTime(n.offenceAt)}, {n.place}
              </dd>
              <dt>Véhicule</dt>
              <dd>{n.registration}</dd>
              <dt>Envoyé à</dt>
              <dd>
                {n.holderName}, {mailedTo}
              </dd>
              <dt>État</dt>
              <dd>{n.state === 'payee' && n.paidCents !== null ? `Payée : ${formatEuros(n.paidCents)}, le ${formatDateTime(n.paidAt!)}` : fineStateLabels[n.state]}</dd>
            </dl>
            {n.holderKind === 'personne' && mailedTo !== home && (
              <div className="notice">
                <p>
                  <strong>Cet avis est parti à l’adresse de la carte grise, qui n’est plus la vôtre.</strong> Dans la vraie vie, il ne vous serait
                  peut-être pas parvenu, et l’amende aurait été majorée sans que vous le sachiez. Une carte grise se met à jour dans le mois qui suit
                  un déménagement.
                </p>
              </div>
            )}
            {n.holderKind === 'societe' && n.state === 'a_payer' && (
              <div className="notice">
                <p>
                  <strong>Cet avis est adressé à votre société.</strong> Elle doit désigner la personne qui conduisait, dans les 45 jours ; sinon elle paie
                  en plus une amende pour non-désignation (article L121-6 du code de la route).
                </p>
              </div>
            )}
            {n.state === 'a_payer' && n.reopenedAt && (
              <div className="notice">
                <p>
                  <strong>Votre contestation a été rejetée le {formatDateTime(n.reopenedAt)}.</strong> L’amende est de nouveau à payer, au montant
                  forfaitaire : la réduction pour paiement rapide n’est plus possible.
                </p>
              </div>
            )}
            {n.state === 'a_payer' && status.due.stage === 'majoree' && (
              <div className="notice notice--error">
                <p>
                  <strong>L’amende est majorée.</strong> Elle n’a été ni payée ni contestée à temps : le Trésor public envoie un avis d’amende
                  forfaitaire majorée, et peut prélever la somme sur votre compte ou votre salaire.
                </p>
              </div>
            )}
            {n.state === 'a_payer' && (
              <>
                <p>
                  <strong>
                    À payer aujourd’hui : {formatEuros(status.due.cents)} ({status.label.toLowerCase()})
                  </strong>
                  {status.due.until ? `, jusqu’au ${formatDateTime(status.due.until)}.` : '.'}
                </p>
                <ul>
                  {deadlines.minoreeUntil && (
                    <li>
                      {formatEuros(amounts.minoree)} si vous payez en ligne avant le {formatDateTime(deadlines.minoreeUntil)} (amende minorée) ;
                    </li>
                  )}
                  <li>
                    {formatEuros(amounts.forfaitaire)} avant le {formatDateTime(deadlines.forfaitaireUntil)} (amende forfaitaire) ;
                  </li>
                  <li>{formatEuros(amounts.majoree)} ensuite (amende majorée).</li>
                </ul>
                <p>
                  Dans cette séance, un mois de la vraie vie dure {countOf(status.scale.minutesPerMonth, 'minute', 'minutes')} : les délais passent vite.
                </p>
                <p className="actions">
                  <Link className="button" href={`/citoyen/amendes/${n.id}/payer`}>
                    Payer {formatEuros(status.due.cents)} en ligne
                  </Link>
                  {status.contestable && (
                    <>
                      <Link className="button button--secondary" href={`/citoyen/amendes/${n.id}/designer`}>
                        Désigner le conducteur
                      </Link>
                      <Link className="button button--secondary" href="/citoyen/demarches/contestation-amende">
                        Contester
                      </Link>
                    </>
                  )}
                </p>
                {status.contestable && <p>Vous pouvez désigner la personne qui conduisait, ou contester l’amende, jusqu’au {formatDateTime(status.contestUntil)}.</p>}
                {status.contestable && proof && (
                  <p>
                    Pour la simulation, votre carte vous donne {proof.title} : <a href="/citoyen/amendes/piece-fictive" download>télécharger {proof.fileName} (PDF fictif)</a>,
                    puis joignez-le à votre contestation.
                  </p>
                )}
              </>
            )}
            {contest && n.state === 'contestee' && (
              <p>
                L’officier du ministère public examine votre contestation :{' '}
                <Link href={`/citoyen/dossiers/${contest.id}`}>dossier n° {contest.receiptNumber}</Link>. Vous n’avez rien à payer tant qu’il n’a pas
                décidé.
              </p>
            )}
            {contest && n.state === 'classee' && (
              <p>
                Votre contestation est acceptée : l’amende est classée sans suite. La décision est dans le{' '}
                <Link href={`/citoyen/dossiers/${contest.id}`}>dossier n° {contest.receiptNumber}</Link>.
              </p>
            )}
            {n.state === 'payee' && (
              <p>
                La quittance est dans votre <Link href="/citoyen/coffre-fort">coffre-fort</Link>.
              </p>
            )}
          </section>
        );
      })}
      <EnVrai paragraphs={finesEnVrai} />
    </>
  );
}
