import type { Metadata } from 'next';
import { CounterDesk } from './counter-desk';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { eq } from 'drizzle-orm';
import { Fragment } from 'react';
import { CaseTimeline } from '@/app/_components/case-timeline';
import { ExchangeList } from '@/app/_components/exchange-list';
import { MessageForm } from '@/app/_components/message-form';
import { newActionKey } from '@/lib/action-keys';
import { database } from '@/db/engine';
import { personas } from '@/db/tables';
import { requireAgent } from '@/lib/auth/guards';
import { documentsOfCase } from '@/lib/documents/documents';
import { exchangesOfCase } from '@/lib/platform/journal-view';
import { agentCase, agentPassedCase, refusalReasonsFor } from '@/lib/procedures/agent';
import { agencyName } from '@/lib/platform/consent-text';
import { timelineOf } from '@/lib/procedures/engine/cases';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { finalStates, isOpen, stateLabels } from '@/lib/procedures/engine/state-machine';
import { proofLabels, proofsOf } from '@/lib/uploads/proof-files';
import { procedures } from '@/lib/procedures/registry';
import { agentMessageAction, decideAction } from '../../actions';
import { DecisionForm } from './decision-forms';
import { formatDateTimeSeconds, formatSize } from '@/lib/format';

export const metadata: Metadata = { title: 'Dossier — espace agent' };


export default async function AgentCasePage({ params }: { params: Promise<{ id: string }> }) {
  const agent = await requireAgent();
  const { id } = await params;
  const db = database();
  await runDueInstruction(db, agent.classSessionId);
  const rendered = await updatesEventText(db, { kind: 'agent', agent }); // before what it shows: see LiveRefresh
  // A case this body passed on (the CADA's opinion sent back) stays in sight, read only.
  const c = (await agentCase(db, agent, id)) ?? (await agentPassedCase(db, agent, id));
  if (!c) notFound();
  const passedTo = c.agency !== agent.agencyId && c.agency ? agencyName(c.agency) : null;
  const persona = (await db.select().from(personas).where(eq(personas.id, c.personaId)).get())!;
  const def = procedures[c.procedure];
  const lines = await def.summary({ db, persona, answers: c.answers });
  const proofs = await proofsOf(db, c.id);
  const docs = await documentsOfCase(db, c.personaId, c.id);
  const events = await timelineOf(db, c.id);
  const exchanges = await exchangesOfCase(db, { kind: 'organisme', classSessionId: c.classSessionId, agency: agent.agencyId }, c);
  const send = decideAction.bind(null, c.id);
  const accept = def.agentAccept?.(c) ?? null;
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p>
        <Link href="/agent">Retour à la file d’attente</Link>
      </p>
      <h1>
        {def.title} — {c.receiptNumber}
      </h1>
      <p>
        État : <span className={`state state--${c.state}`}>{stateLabels[c.state]}</span> · demandé par {persona.givenNames}{' '}
        {persona.preferredName ?? persona.familyName}
        {c.channel !== 'en_ligne' ? ` (${c.channel === 'guichet' ? 'au guichet' : 'sur papier'})` : ''}, le {c.submittedAt ? formatDateTimeSeconds(c.submittedAt) : '?'}
      </p>
      <section aria-labelledby="demande">
        <h2 id="demande">La demande</h2>
        <dl className="facts">
          {lines.map((l) => (
            <Fragment key={l.label}>
              <dt>{l.label}</dt>
              <dd>{l.value}</dd>
            </Fragment>
          ))}
          {c.procedure === 'carte-stationnement' && (
            <>
              <dt>Parcours</dt>
              <dd>{c.answers.mode?.choix === 'sans_accord' ? 'Sans accord : justificatifs à vérifier' : 'Avec accord : vérification par l’État plateforme'}</dd>
              {c.answers.vehicule?.immatriculation && (
                <>
                  <dt>Immatriculation déclarée</dt>
                  <dd>{String(c.answers.vehicule.immatriculation)}</dd>
                </>
              )}
              <dt>Adresse de la personne</dt>
              <dd>
                {persona.addressLine}, {persona.postalCode} {persona.city}
              </dd>
            </>
          )}
        </dl>
      </section>
      {proofs.length > 0 && (
        <section aria-labelledby="justificatifs">
          <h2 id="justificatifs">Justificatifs</h2>
          <ul>
            {proofs.map((p) => (
              <li key={p.id}>
                {proofLabels[p.kind].label} : <a href={`/agent/justificatifs/${p.id}`}>{p.originalName}</a> ({p.mime}, {formatSize(p.size)})
              </li>
            ))}
          </ul>
        </section>
      )}
      {exchanges.length > 0 && (
        <section aria-labelledby="echanges">
          <h2 id="echanges">Échanges par l’État plateforme pour ce dossier</h2>
          <ExchangeList reader="tiers" rows={exchanges} expertHref={(id) => `/agent/echanges/${id}`} />
        </section>
      )}
      <section aria-labelledby="decider">
        <h2 id="decider">Traiter le dossier</h2>
        {passedTo && (
          <div className="notice notice--success" role="status">
            <p>
              <strong>Le dossier est transmis à {passedTo}, qui décide à son tour.</strong> Votre organisme ne peut plus le modifier ; l’historique
              ci-dessous montre la suite.
            </p>
          </div>
        )}
        {c.procedure === 'titre-identite' && <CounterDesk c={c} />}
        {!passedTo && c.state === 'depose' && !def.rulesDecide && <DecisionForm actionKey={newActionKey()} send={send} action="prendre" label="Prendre en charge" />}
        {!passedTo && c.state === 'en_instruction' && !def.rulesDecide && (
          <>
            <DecisionForm actionKey={newActionKey()} send={send} action="accepter" label={accept?.label ?? 'Accepter'} text={{ label: 'Note (facultative)', hint: accept?.hint, required: false }} />
            <DecisionForm actionKey={newActionKey()} send={send} action="demander_complement" label="Demander un complément" text={{ label: 'Ce que la personne doit fournir ou corriger', required: true }} secondary />
            <DecisionForm actionKey={newActionKey()} send={send} action="refuser" label="Refuser" reasons={refusalReasonsFor(c.procedure)} text={{ label: 'Précisions pour la personne', hint: 'Obligatoire pour « Autre motif ».', required: false }} secondary />
          </>
        )}
        {c.state === 'complement_demande' && <p>En attente de la réponse de la personne.</p>}
        {!passedTo && isOpen(c.state) && (
          <DecisionForm actionKey={newActionKey()} send={send} action="classer_sans_suite" label="Classer sans suite" text={{ label: 'Raison (facultative)', required: false }} secondary />
        )}
        {finalStates.includes(c.state) && <p>Ce dossier est terminé.</p>}
        {docs.length > 0 && (
          <p>
            Documents délivrés : {docs.map((d) => d.title).join(', ')}.
          </p>
        )}
      </section>
      <section aria-labelledby="historique">
        <h2 id="historique">Historique et messages</h2>
        <CaseTimeline events={events} />
        {!passedTo && (
          <>
            <h3>Écrire à la personne</h3>
            <MessageForm actionKey={newActionKey()} send={agentMessageAction.bind(null, c.id)} />
          </>
        )}
      </section>
    </>
  );
}
