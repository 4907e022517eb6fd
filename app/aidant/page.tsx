import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { LiveRefresh } from '@/app/_components/live-refresh';
import { updatesEventText } from '@/lib/live-version';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import { asc, eq, inArray } from 'drizzle-orm';
import { database } from '@/db/engine';
import { cases, personas } from '@/db/tables';
import { requireAidant } from '@/lib/auth/guards';
import { mandateDurations, mandateProcedures, mandatesOfAidant, statusOf } from '@/lib/aidants/mandates';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { procedures } from '@/lib/procedures/registry';
import { createMandateAction, startUnderMandateAction } from './actions';
import { formatDateTime, lowerFirst } from '@/lib/format';
import { FlashNotice } from '@/app/_components/flash-notice';

export const metadata: Metadata = { title: 'Espace aidant France Services' };

const statusLabels = { a_confirmer: 'À confirmer par la personne', actif: 'Actif', expire: 'Expiré', revoque: 'Révoqué par la personne' } as const;

export default async function AidantHome({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const aidant = await requireAidant();
  const params = await searchParams;
  const one = (key: string) => (Array.isArray(params[key]) ? params[key][0] : params[key]) as string | undefined;
  const chosen = ([] as string[]).concat(params.demarches ?? []);
  const db = database();
  await runDueInstruction(db, aidant.classSessionId);
  const rendered = await updatesEventText(db, { kind: 'aidant', aidant }); // before what it shows: see LiveRefresh
  const people = await db.select().from(personas).where(eq(personas.classSessionId, aidant.classSessionId)).orderBy(asc(personas.familyName)).all();
  const mine = await mandatesOfAidant(db, aidant);
  const filed = mine.length ? await db.select().from(cases).where(inArray(cases.mandateId, mine.map(({ m }) => m.id))).all() : [];
  const error = one('erreur') ? { field: one('erreur')!, message: one('message') ?? '' } : null;
  const fieldError = (field: string) => (error?.field === field ? error.message : undefined);
  return (
    <>
      <LiveRefresh url="/api/mises-a-jour/flux" event="mise-a-jour" rendered={rendered} />
      <p className="badge">Espace aidant</p>
      <h1>
        Bonjour {aidant.givenName} {aidant.familyName}
      </h1>
      <p className="lead">{aidant.structure}. Vous faites des démarches pour des personnes qui ne peuvent pas les faire seules, avec leur mandat.</p>
      {one('refus') && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>Action refusée.</strong> {one('refus')}
          </p>
        </div>
      )}
      <FlashNotice path="/aidant" />

      <section aria-labelledby="mandats">
        <h2 id="mandats">Vos mandats</h2>
        {mine.length === 0 ? (
          <div className="empty-state">
            <p>Vous n’avez encore aucun mandat.</p>
          </div>
        ) : (
          <ul className="consent-list">
            {mine.map(({ m, persona }) => {
              const status = statusOf(m);
              const who = `${persona.givenNames} ${persona.preferredName ?? persona.familyName}`;
              return (
                <li key={m.id} id={`mandat-${m.id}`}>
                  <h3>
                    {who} — {statusLabels[status]}
                  </h3>
                  <p>
                    Démarches : {m.procedures.map((p) => procedures[p].title).join(', ')}. Jusqu’au {formatDateTime(m.endsAt)}.
                  </p>
                  {status === 'actif' && (
                    <div className="actions">
                      {m.procedures.map((p) => (
                        <form key={p} action={startUnderMandateAction}>
                          <ActionKeyField value={newActionKey()} />
                          <input type="hidden" name="mandat" value={m.id} />
                          <input type="hidden" name="demarche" value={p} />
                          <SubmitButton>
                            {procedures[p].title} pour {who}
                          </SubmitButton>
                        </form>
                      ))}
                    </div>
                  )}
                  {filed.filter((c) => c.mandateId === m.id && c.receiptNumber).length > 0 && (
                    <ul>
                      {filed
                        .filter((c) => c.mandateId === m.id && c.receiptNumber)
                        .map((c) => (
                          <li key={c.id}>
                            {procedures[c.procedure].title} {c.receiptNumber} : {lowerFirst(stateLabels[c.state])}
                          </li>
                        ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="nouveau-mandat">
        <h2 id="nouveau-mandat">Créer un mandat, avec la personne à côté de vous</h2>
        {error && (
          <div className="error-summary" role="alert" aria-labelledby="mandat-erreur">
            <h3 id="mandat-erreur">Le mandat n’a pas été créé</h3>
            <p>
              <a href={`#mandat-${error.field}`}>{error.message}</a>
            </p>
          </div>
        )}
        <form action={createMandateAction}>
          <ActionKeyField value={newActionKey()} />
          <div className={`field${fieldError('personne') ? ' field--error' : ''}`}>
            <label htmlFor="mandat-personne">La personne</label>
            {fieldError('personne') && <p className="field__error">{fieldError('personne')}</p>}
            <select id="mandat-personne" name="personne" defaultValue={one('personne') ?? ''}>
              <option value="">Choisir…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.familyName.toUpperCase()} {p.givenNames}
                </option>
              ))}
            </select>
          </div>
          <fieldset className={`field${fieldError('demarches') ? ' field--error' : ''}`} id="mandat-demarches">
            <legend>Les démarches que vous ferez pour elle</legend>
            {fieldError('demarches') && <p className="field__error">{fieldError('demarches')}</p>}
            {mandateProcedures.map((p) => (
              <div key={p} className="radio">
                <input type="checkbox" id={`mandat-demarche-${p}`} name="demarches" value={p} defaultChecked={chosen.includes(p)} />
                <label htmlFor={`mandat-demarche-${p}`}>{procedures[p].title}</label>
              </div>
            ))}
          </fieldset>
          <fieldset className={`field${fieldError('duree') ? ' field--error' : ''}`} id="mandat-duree">
            <legend>Durée du mandat</legend>
            {fieldError('duree') && <p className="field__error">{fieldError('duree')}</p>}
            {Object.entries(mandateDurations).map(([days, label]) => (
              <div key={days} className="radio">
                <input type="radio" id={`mandat-duree-${days}`} name="duree" value={days} defaultChecked={one('duree') === days} />
                <label htmlFor={`mandat-duree-${days}`}>{label}</label>
              </div>
            ))}
          </fieldset>
          <SubmitButton>
            Créer le mandat
          </SubmitButton>
        </form>
      </section>
      <aside className="en-vrai" aria-labelledby="en-vrai">
        <h2 id="en-vrai">En vrai</h2>
        <p>
          Avec Aidants Connect, l’aidant habilité crée le mandat sur son poste ; la personne le valide en se connectant avec
          FranceConnect. Le mandat dure un jour ou jusqu’à un an, et la personne peut le révoquer à tout moment.
        </p>
      </aside>
    </>
  );
}
