import type { Metadata } from 'next';
import { CounterPanel } from './counter-panel';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { CaseTimeline } from '@/app/_components/case-timeline';
import { ExchangeList } from '@/app/_components/exchange-list';
import { MessageForm } from '@/app/_components/message-form';
import { newActionKey } from '@/lib/action-keys';
import { database } from '@/db/engine';
import { documentsOfCase } from '@/lib/documents/documents';
import { agencyName, agencyShortName } from '@/lib/platform/consent-text';
import { exchangesOfCase } from '@/lib/platform/journal-view';
import { unavailable } from '@/lib/platform/errors';
import { noticesOf } from '@/lib/procedures/address-change/definition';
import { citizenCase, stepContext } from '@/lib/procedures/citizen';
import { proofLabels, proofsOf } from '@/lib/uploads/proof-files';
import { caseOf, timelineOf } from '@/lib/procedures/engine/cases';
import { lookUpProviders, runDueInstruction } from '@/lib/procedures/engine/run';
import { finalStates, isOpen, stateLabels } from '@/lib/procedures/engine/state-machine';
import { OpinionForm } from '@/app/_components/opinion-form';
import { opinionOf } from '@/lib/opinions';
import { firstInvalidStep, procedures } from '@/lib/procedures/registry';
import { answerComplementAction, giveOpinionAction, sendMessageAction, withdrawCaseAction } from '../actions';
import { formatDateTime, formatDateTimeSeconds, agreed, countOf, formatSize } from '@/lib/format';
import { addScaled } from '@/lib/procedures/engine/time-scale';
import { timeScaleOfSession } from '@/lib/procedures/engine/session-clock';
import { FlashNotice } from '@/app/_components/flash-notice';

export const metadata: Metadata = { title: 'Ma demande' };

const noticeLabels = { a_traiter: 'En attente', appliquee: 'Adresse mise à jour', rejetee: 'Rejeté' } as const;

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await citizenCase(id);
  if (!found) notFound();
  const { persona } = found;
  const db = database();
  await runDueInstruction(db, persona.classSessionId);
  const rendered = await updatesEventText(db, { kind: 'usager', persona }); // before what it shows: see LiveRefresh
  const c = (await caseOf(db, persona.id, id))!;
  const def = procedures[c.procedure];
  const events = await timelineOf(db, c.id);
  const finished = finalStates.includes(c.state);
  const opinion = finished ? await opinionOf(db, c.id) : null;
  const docs = await documentsOfCase(db, persona.id, c.id);
  const notices = c.procedure === 'changement-adresse' ? await noticesOf(db, c.id) : [];
  const exchanges = await exchangesOfCase(db, { kind: 'usager', classSessionId: c.classSessionId, personaId: persona.id }, c);
  const proofs = await proofsOf(db, c.id);
  const resume = c.state === 'brouillon' ? await firstInvalidStep(def, stepContext(persona, c)) : null;
  // A body the case waits for (its instruction asks it) that did not answer (outage, too slow): said plainly while the
  // case waits. Each body's latest answer counts (exchanges are newest first). Not a body that answered « unknown
  // person », nor one a draft's pre-filling asked: nothing waits for those.
  const latestByBody = new Map<string, (typeof exchanges)[number]>();
  for (const x of exchanges) if (!latestByBody.has(x.entry.provider)) latestByBody.set(x.entry.provider, x);
  const waitedFor = lookUpProviders(c);
  const failing = [...latestByBody.values()].filter((x) => x.entry.result === 'echec' && unavailable(x.entry.reason) && waitedFor.includes(x.entry.provider)).map((x) => x.entry.provider);
  // The law's time (a month for a document), on the séance's clock: when the body's silence will be a refusal.
  const scale = await timeScaleOfSession(db, c.classSessionId);
  const silenceAt = def.silence && c.submittedAt && (c.state === 'depose' || c.state === 'en_instruction') ? addScaled(c.submittedAt, def.silence.after, scale) : null;
  const followUp = def.followUp?.(c) ?? null;
  const unanswered = isOpen(c.state) && failing.length > 0 ? failing.map((p) => agencyName(p)).join(' et ') : null;
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>{def.title}</h1>
      <p>
        État : <span className={`state state--${c.state}`}>{stateLabels[c.state]}</span>
        {c.receiptNumber && (
          <>
            {' '}
            — numéro de dossier <strong>{c.receiptNumber}</strong>
          </>
        )}
      </p>
      <FlashNotice path={`/citoyen/dossiers/${id}`} />
      {c.state === 'brouillon' && (
        <div className="notice">
          <p>Cette demande n’est pas encore envoyée. Vos réponses sont enregistrées.</p>
          <p>
            <Link className="button" href={resume ? `/citoyen/dossiers/${c.id}/etapes/${resume.step.id}` : `/citoyen/dossiers/${c.id}/recapitulatif`}>
              Reprendre ma demande
            </Link>
          </p>
        </div>
      )}
      {c.procedure === 'titre-identite' && c.state !== 'brouillon' && <CounterPanel c={c} persona={persona} />}
      {isOpen(c.state) && c.procedure !== 'titre-identite' && (
        <div className="notice" role="status">
          <p>
            {c.state === 'complement_demande'
              ? 'L’organisme vous demande un complément : lisez son message ci-dessous et répondez-lui.'
              : c.state === 'depose'
                ? `Votre demande est déposée. Elle attend d’être prise en charge${c.agency ? ` par ${agencyName(c.agency)}` : ' par les organismes choisis'}. Dans cette simulation, la réponse arrive en général en quelques minutes.`
                : `Votre demande est en cours d’instruction${c.agency ? ` par ${agencyName(c.agency)}` : ''}. Dans cette simulation, la réponse arrive en général en quelques minutes.`}
          </p>
          {silenceAt && (
            <p>
              {def.silence?.says ? def.silence.says.pending(formatDateTime(silenceAt)) : <>Sans réponse le {formatDateTime(silenceAt)}, votre demande sera refusée : c’est un <strong>refus implicite</strong>.</>}{' '}
              Dans cette séance, un mois de la vraie vie dure {countOf(scale.minutesPerMonth, 'minute', 'minutes')}.
            </p>
          )}
          {unanswered && (
            <p>
              <strong>{unanswered} ne {agreed(failing.length, 'répond', 'répondent')} pas pour l’instant.</strong> Votre demande attend sa réponse : elle sera vérifiée de nouveau dès que le service reviendra. Vous n’avez rien à refaire.
            </p>
          )}
          <p>
            <Link href={`/citoyen/dossiers/${c.id}`}>Actualiser la page</Link>
          </p>
        </div>
      )}
      {c.state === 'accepte' && (
        <div className="notice notice--success">
          <p>
            <strong>{def.accepted?.title ?? 'Votre demande est acceptée.'}</strong>
            {def.accepted ? ` ${def.accepted.text}` : docs.some((d) => d.kind !== 'accuse_reception') ? ' Votre document est ci-dessous et dans votre coffre-fort.' : ''}
          </p>
        </div>
      )}
      {c.state === 'refuse' && c.outcome && (
        <div className="notice notice--error">
          <p>
            <strong>{c.outcome.implicite ? (def.silence?.says?.refused ?? 'Votre demande est refusée implicitement.') : 'Votre demande est refusée.'}</strong> {c.outcome.motif}
          </p>
          {c.outcome.solution && <p>Que faire : {c.outcome.solution}</p>}
          {followUp && (
            <>
              <p>{followUp.hint}</p>
              <p>
                <Link className="button" href={`/citoyen/demarches/${followUp.procedure}`}>
                  {followUp.label}
                </Link>
              </p>
            </>
          )}
          <p>
            <Link href={`/citoyen/demarches/${c.procedure}`}>Refaire une demande</Link>
          </p>
        </div>
      )}

      {notices.length > 0 && (
        <section aria-labelledby="organismes">
          <h2 id="organismes">Où en est chaque organisme</h2>
          <table className="stack">
            <caption>Avis de changement d’adresse envoyés</caption>
            <thead>
              <tr>
                <th scope="col">Organisme</th>
                <th scope="col">État</th>
                <th scope="col">Détail</th>
              </tr>
            </thead>
            <tbody>
              {notices.map((n) => (
                <tr key={n.id}>
                  <td data-label="Organisme">{agencyName(n.agency)}</td>
                  <td data-label="État">{noticeLabels[n.state]}</td>
                  <td data-label="Détail">{n.reason ?? (n.decidedAt ? `Le ${formatDateTimeSeconds(n.decidedAt)}` : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      {proofs.length > 0 && (
        <section aria-labelledby="justificatifs">
          <h2 id="justificatifs">Vos justificatifs</h2>
          <ul>
            {proofs.map((p) => (
              <li key={p.id}>
                {proofLabels[p.kind].label} : {p.originalName} ({formatSize(p.size)})
              </li>
            ))}
          </ul>
        </section>
      )}

      {docs.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">Documents</h2>
          <ul>
            {docs.map((d) => (
              <li key={d.id}>
                <strong>{d.title}</strong>, délivré le {formatDateTimeSeconds(d.issuedAt)} —{' '}
                <a href={`/citoyen/coffre-fort/${d.id}/pdf`} download>
                  Télécharger le PDF<span className="visually-hidden"> : {d.title}</span>
                </a>{' '}
                · <Link href={`/verifier/${d.id}`}>Vérifier<span className="visually-hidden"> : {d.title}</span></Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {exchanges.length > 0 && (
        <section aria-labelledby="echanges">
          <h2 id="echanges">Les données demandées pour ce dossier</h2>
          <ExchangeList reader="personne" rows={exchanges} expertHref={(id) => `/citoyen/mes-donnees/echanges/${id}`} />
        </section>
      )}

      {c.state !== 'brouillon' && (
        <section aria-labelledby="historique">
          <h2 id="historique">Historique</h2>
          <CaseTimeline events={events} />
        </section>
      )}

      {c.state === 'complement_demande' && (
        <section aria-labelledby="complement">
          <h2 id="complement">Répondre à la demande de complément</h2>
          <p>Dernière demande de l’organisme : « {[...events].reverse().find((e) => e.toState === 'complement_demande')?.text} »</p>
          <MessageForm actionKey={newActionKey()} send={answerComplementAction.bind(null, c.id)} label="Votre réponse" button="Envoyer ma réponse" id="reponse" />
        </section>
      )}

      {c.state !== 'brouillon' && c.agency && (
        <section aria-labelledby="messages">
          <h2 id="messages">Écrire à {agencyShortName(c.agency)}</h2>
          <MessageForm actionKey={newActionKey()} send={sendMessageAction.bind(null, c.id)} />
        </section>
      )}

      {finished && (
        <section aria-labelledby="avis" className="panel">
          <h2 id="avis">Je donne mon avis</h2>
          {opinion ? (
            <p role="status">
              Merci pour votre avis. Il compte dans l’<Link href="/seance/observatoire">observatoire des démarches de la séance</Link>, sans votre nom.{' '}
              Une idée pour améliorer cette démarche ? Proposez-la dans la <Link href="/seance/idees">boîte à idées</Link>.
            </p>
          ) : (
            <>
              <p>Votre démarche est terminée. Dites-nous comment elle s’est passée : toutes les questions sont facultatives, et votre avis est compté sans votre nom.</p>
              <OpinionForm give={giveOpinionAction.bind(null, c.id)} actionKey={newActionKey()} />
            </>
          )}
        </section>
      )}

      {(c.state === 'brouillon' || isOpen(c.state)) && (
        <form action={withdrawCaseAction.bind(null, c.id)}>
          <button type="submit" className="button button--secondary">
            Abandonner cette demande
          </button>
        </form>
      )}
    </>
  );
}
