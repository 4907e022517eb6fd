import type { Metadata } from 'next';
import { after } from 'next/server';
import { SubmitButton } from '@/app/_components/submit-button';
import Link from '@/app/_components/link';
import { Fragment } from 'react';
import { ExchangeList } from '@/app/_components/exchange-list';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { agencyShortName, itemLabel, purposeLabel } from '@/lib/platform/consent-text';
import { consentsOf } from '@/lib/platform/consents';
import { checkJournal } from '@/lib/platform/journal';
import { countExchanges, exchangesWithTraces } from '@/lib/platform/journal-view';
import { holdingsOf } from '@/lib/platform/my-data';
import { eq } from 'drizzle-orm';
import { aidants } from '@/db/tables';
import { doneForMe, mandatesOfPerson, statusOf } from '@/lib/aidants/mandates';
import { procedures } from '@/lib/procedures/registry';
import { confirmMandateAction, revokeMandateAction, withdrawConsentAction } from './actions';
import { countOf, formatDateTime, formatNumber } from '@/lib/format';
import { z } from 'zod';
import { FlashNotice } from '@/app/_components/flash-notice';
import { JournalState } from '@/app/_components/journal-state';

const mandateStatusLabels = { a_confirmer: 'à confirmer', actif: 'actif', expire: 'expiré', revoque: 'terminé' } as const;

export const metadata: Metadata = { title: 'Mes données' };


/**
 * Exchanges shown at a time, newest first; `?avant=<n° d’entrée>` shows those before (a person asked about a thousand
 * times). Twenty: each is a card of seven facts and two links, about 3 kB of HTML; fifty made a 150 kB page to read on a
 * phone, and Next and React alone rendered that much markup at a fifth of the speed of a small page (docs/performance.md).
 */
const exchangesPerPage = 20;
/** Counted no further (a person a body's script asked about thousands of times reads "plus de 1 000"). */
const countedUpTo = 1000;
// An entry's number as the database can compare it (a number typed by hand past that shows the latest).
const pageSchema = z.object({ avant: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined) });

export default async function MyDataPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const persona = await requireCitizen();
  const db = database();
  const { avant } = pageSchema.parse(await searchParams);
  const reader = { kind: 'usager', classSessionId: persona.classSessionId, personaId: persona.id } as const;
  const read = await exchangesWithTraces(db, reader, { limit: exchangesPerPage + 1, before: avant });
  const exchanges = read.slice(0, exchangesPerPage);
  const older = read.length > exchangesPerPage ? exchanges.at(-1)!.entry.sequence : null;
  const total = read.length > exchangesPerPage || avant !== undefined ? await countExchanges(db, reader, countedUpTo) : exchanges.length;
  const totalText = total > countedUpTo ? `plus de ${formatNumber(countedUpTo)}` : formatNumber(total);
  const consents = await consentsOf(db, persona.id);
  const active = consents.filter((c) => c.status === 'actif');
  const past = consents.filter((c) => c.status !== 'actif');
  const holdings = (await holdingsOf(db, persona.classSessionId, persona.id)).filter((b) => b.fiches.length > 0);
  const journal = await checkJournal(db, persona.classSessionId, undefined, after);
  const mandateRows = await Promise.all((await mandatesOfPerson(db, persona.id)).map(async (m) => ({ m, status: statusOf(m), aidant: await db.select().from(aidants).where(eq(aidants.id, m.aidantId)).get() })));
  const doneForYou = await doneForMe(db, persona.id);

  return (
    <>
      <h1>Mes données</h1>
      <p className="lead">
        Ici, vous voyez quelles administrations ont échangé des informations sur vous, les accords que vous avez donnés, et ce
        que chaque organisme sait de vous.
      </p>
      <FlashNotice />
      <nav aria-label="Dans cette page">
        <ul>
          <li>
            <a href="#echanges">Qui a demandé des informations sur vous ({totalText})</a>
          </li>
          <li>
            <a href="#accords">Vos accords ({active.length} en cours)</a>
          </li>
          <li>
            <a href="#mandats">Vos mandats et ce qui a été fait pour vous</a>
          </li>
          <li>
            <a href="#organismes">Ce que chaque organisme sait de vous</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="echanges">
        <h2 id="echanges">Qui a demandé des informations sur vous</h2>
        <p>
          Chaque demande passe par l’État plateforme, qui vérifie que l’organisme en a le droit, puis l’inscrit dans un journal
          que personne ne peut modifier sans que cela se voie. Les demandes refusées y figurent aussi.
        </p>
        {total === 0 ? (
          <div className="empty-state">
            <p>Aucun organisme n’a encore demandé d’information à votre sujet.</p>
          </div>
        ) : (
          <>
            <p>
              Pour chaque demande, l’État plateforme vous remet un reçu signé. Gardez-le : il permet de vérifier plus tard, sans
              faire confiance au serveur, que la demande est toujours dans le journal et n’a pas été modifiée (commande{' '}
              <code>npm run journal:verifier</code>).
            </p>
            {total > exchanges.length && exchanges.length > 0 && (
              <p>
                {avant === undefined ? `Voici les ${formatNumber(exchanges.length)} plus récentes` : `Voici ${countOf(exchanges.length, 'demande plus ancienne', 'demandes plus anciennes')}`} sur{' '}
                {totalText}, de la plus récente à la plus ancienne.
              </p>
            )}
            {exchanges.length === 0 ? (
              <p>Il n’y a pas de demande plus ancienne.</p>
            ) : (
              <ExchangeList reader="personne" rows={exchanges} receiptHref={(id) => `/citoyen/mes-donnees/recus/${id}`} expertHref={(id) => `/citoyen/mes-donnees/echanges/${id}`} />
            )}
            {(older !== null || avant !== undefined) && (
              <nav aria-label="Autres demandes" className="pager">
                <ul>
                  {avant !== undefined && (
                    <li>
                      <Link href="/citoyen/mes-donnees#echanges">Revenir aux demandes les plus récentes</Link>
                    </li>
                  )}
                  {older !== null && (
                    <li>
                      <Link href={`/citoyen/mes-donnees?avant=${older}#echanges`}>Voir les demandes plus anciennes</Link>
                    </li>
                  )}
                </ul>
              </nav>
            )}
          </>
        )}
        <JournalState check={journal} />
      </section>

      <section aria-labelledby="accords">
        <h2 id="accords">Vos accords (consentements)</h2>
        <p>Un accord vaut pour des données précises, un organisme précis et un but précis, pour une durée limitée. Vous pouvez le retirer à tout moment.</p>
        {active.length === 0 ? (
          <div className="empty-state">
            <p>Vous n’avez aucun accord en cours.</p>
          </div>
        ) : (
          <ul className="consent-list">
            {active.map((c) => (
              <li key={c.id}>
                <h3>
                  {agencyShortName(c.provider)} → {agencyShortName(c.consumer)} : {c.items.map(itemLabel).join(', ')}
                </h3>
                <dl className="facts">
                  <dt>Pour</dt>
                  <dd>{purposeLabel(c.purpose)}</dd>
                  <dt>Donné le</dt>
                  <dd>{formatDateTime(c.grantedAt)}</dd>
                  <dt>Valable jusqu’au</dt>
                  <dd>{formatDateTime(c.expiresAt)}</dd>
                  <dt>Texte accepté</dt>
                  <dd>« {c.shownText} »</dd>
                </dl>
                <form action={withdrawConsentAction}>
                  <input type="hidden" name="consentement" value={c.id} />
                  <button type="submit" className="button button--secondary">
                    Retirer mon accord ({agencyShortName(c.provider)} → {agencyShortName(c.consumer)})
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        {past.length > 0 && (
          <>
            <h3>Accords terminés</h3>
            <ul>
              {past.map((c) => (
                <li key={c.id}>
                  {agencyShortName(c.provider)} → {agencyShortName(c.consumer)} ({c.items.map(itemLabel).join(', ')}) :{' '}
                  {c.status === 'retire' && c.withdrawnAt ? `retiré le ${formatDateTime(c.withdrawnAt)}` : `expiré le ${formatDateTime(c.expiresAt)}`}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="mandats">
        <h2 id="mandats">Vos mandats</h2>
        <p>Un mandat permet à un aidant France Services de faire des démarches précises pour vous, pendant un temps limité. Vous pouvez y mettre fin à tout moment.</p>
        {mandateRows.length === 0 ? (
          <div className="empty-state">
            <p>Vous n’avez donné aucun mandat.</p>
          </div>
        ) : (
          <ul className="consent-list">
            {mandateRows.map(({ m, aidant, status }) => (
              <li key={m.id} id={`mandat-${m.id}`}>
                <h3>
                  {aidant ? `${aidant.givenName} ${aidant.familyName}` : 'Aidant'} — {mandateStatusLabels[status]}
                </h3>
                <p>
                  Démarches : {m.procedures.map((p) => procedures[p].title).join(', ')}. {status === 'actif' || status === 'a_confirmer' ? `Jusqu’au ${formatDateTime(m.endsAt)}.` : ''}
                  {aidant ? ` ${aidant.structure}.` : ''}
                </p>
                {(status === 'actif' || status === 'a_confirmer') && (
                  <div className="actions">
                    {status === 'a_confirmer' && (
                      <form action={confirmMandateAction}>
                        <input type="hidden" name="mandat" value={m.id} />
                        <SubmitButton>
                          Confirmer le mandat
                        </SubmitButton>
                      </form>
                    )}
                    <form action={revokeMandateAction}>
                      <input type="hidden" name="mandat" value={m.id} />
                      <button type="submit" className="button button--secondary">
                        {status === 'a_confirmer' ? 'Refuser ce mandat' : 'Mettre fin au mandat'}
                      </button>
                    </form>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
        {doneForYou.length > 0 && (
          <>
            <h3>Fait pour vous par un aidant</h3>
            <ul>
              {doneForYou.map(({ e, c }) => (
                <li key={e.id}>
                  {formatDateTime(e.at)} — {procedures[c.procedure].title} {c.receiptNumber ?? ''} : {e.kind === 'transition' ? `demande ${e.toState === 'depose' ? 'envoyée' : 'mise à jour'}` : 'demande commencée'}, fait par {e.actorLabel.split(', pour')[0]} pour vous.
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="organismes">
        <h2 id="organismes">Ce que chaque organisme sait de vous</h2>
        <p>
          C’est votre droit d’accès : chaque organisme doit vous dire ce qu’il détient sur vous. Les adresses peuvent être
          différentes d’un organisme à l’autre, si l’un d’eux n’a pas été prévenu d’un déménagement.
        </p>
        <p>
          <Link href="/citoyen/mes-donnees/export" download>
            Télécharger toutes mes données (fichier JSON)
          </Link>
        </p>
        {holdings.map((body) => (
          <section key={body.organisme} aria-labelledby={`org-${body.organisme}`} className="surface">
            <h3 id={`org-${body.organisme}`}>{body.nom}</h3>
            {body.fiches.map((fiche) => (
              <div key={fiche.titre}>
                <h4>{fiche.titre}</h4>
                <dl className="facts">
                  {fiche.champs.map((champ) => (
                    <Fragment key={champ.libelle}>
                      <dt>{champ.libelle}</dt>
                      <dd>{champ.valeur}</dd>
                    </Fragment>
                  ))}
                </dl>
              </div>
            ))}
          </section>
        ))}
      </section>
    </>
  );
}
