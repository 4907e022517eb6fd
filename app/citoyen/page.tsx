import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { requireCitizen } from '@/lib/auth/guards';
import { countOf, formatIsoDate, lowerFirst } from '@/lib/format';

import { database } from '@/db/engine';

import { casesOf } from '@/lib/procedures/engine/cases';
import { mandatesOfPerson, statusOf } from '@/lib/aidants/mandates';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { procedures } from '@/lib/procedures/registry';
import { hasBadNetwork } from '@/lib/procedures/network';
import { noticesOf } from '@/lib/procedures/fines/notices';
import { sessionById } from '@/lib/classroom/session-by-id';
import { citizenCard } from '@/lib/classroom/cards';
import { ScenarioCardView } from '@/app/_components/scenario-card';

export const metadata: Metadata = { title: 'Mon tableau de bord' };

export default async function CitizenDashboard() {
  const persona = await requireCitizen();
  const db = database();
  await runDueInstruction(db, persona.classSessionId);
  const myCases = await casesOf(db, persona.id);
  const session = await sessionById(db, persona.classSessionId);
  const pendingMandates = (await mandatesOfPerson(db, persona.id)).filter((m) => statusOf(m) === 'a_confirmer');
  const finesToPay = (await noticesOf(db, persona)).filter((n) => n.state === 'a_payer').length;
  const usualName = persona.preferredName ?? persona.familyName;
  const card = await citizenCard(db, persona);
  return (
    <>
      <h1>
        Bonjour {persona.givenNames} {usualName}
      </h1>
      <p className="lead">Voici votre espace personnel. Vous y suivez vos démarches.</p>
      <p>Séance : {session?.name ?? '—'}</p>
      {await hasBadNetwork(db, persona) && (
        <div className="notice">
          <p>
            <strong>Vous vivez dans une zone blanche :</strong> le réseau est mauvais chez vous. Dans cette simulation, les pages sont lentes et une
            demande sur deux est coupée. Ce que vous écrivez reste gardé : il suffit de réessayer.
          </p>
        </div>
      )}

      {pendingMandates.length > 0 && (
        <div className="notice" role="status">
          <p>
            <strong>Un aidant France Services vous demande un mandat</strong> pour faire des démarches à votre place.
          </p>
          <p>
            <Link href="/citoyen/mes-donnees#mandats">Lire et confirmer (ou refuser) le mandat</Link>
          </p>
        </div>
      )}
      {finesToPay > 0 && (
        <div className="notice" role="status">
          <p>
            <strong>Vous avez reçu {finesToPay === 1 ? 'un avis de contravention' : `${countOf(finesToPay, 'avis', 'avis')} de contravention`}.</strong> Plus vous payez tôt,
            moins vous payez.
          </p>
          <p>
            <Link href="/citoyen/amendes">Voir et payer mes amendes</Link>
          </p>
        </div>
      )}
      <ScenarioCardView card={card} heading={`Votre carte de mission : « ${card.title} »`} className="scenario-card--first" />

      <section aria-labelledby="demarches">
        <h2 id="demarches">Mes démarches</h2>
        {myCases.length === 0 ? (
          <div className="empty-state">
            <p>Vous n’avez encore aucune démarche en cours.</p>
            <p>Quand vous ferez une demande, elle apparaîtra ici avec son état et son historique.</p>
          </div>
        ) : (
          <ul className="case-list" aria-label="Mes demandes">
            {myCases.map((c) => (
              <li key={c.id} className="case-list__item">
                <Link href={`/citoyen/dossiers/${c.id}`}>{procedures[c.procedure].title}</Link>
                {c.receiptNumber ? <span className="case-list__number">{c.receiptNumber}</span> : <span>Pas encore envoyée</span>}
                <span className={`state state--${c.state}`}>{stateLabels[c.state]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="faire">
        <h2 id="faire">Faire une démarche</h2>
        <ul className="cards procedure-cards">
          {Object.values(procedures).map((p) => {
            const open = myCases.find((c) => c.procedure === p.id && !['accepte', 'refuse', 'sans_suite'].includes(c.state));
            return (
              <li key={p.id} className="card procedure-card">
                <h3>
                  <Link href={`/citoyen/demarches/${p.id}`} className="procedure-card__link">
                    {p.title}
                  </Link>
                </h3>
                <p>{p.description}</p>
                {open && <p className="procedure-card__state">Une demande est en cours : {lowerFirst(stateLabels[open.state])}.</p>}
              </li>
            );
          })}
        </ul>
        <p>
          <Link href="/citoyen/coffre-fort">Mon coffre-fort</Link> : vos documents et accusés de réception.
        </p>
        <p>
          <Link href="/citoyen/timbres">Acheter un timbre fiscal</Link> : un passeport, ou une carte d’identité perdue, se paie ainsi avant la pré-demande.
        </p>
      </section>

      <section aria-labelledby="donnees">
        <h2 id="donnees">Mes données</h2>
        <p>Qui a demandé des informations sur vous, vos accords, et ce que chaque organisme sait de vous.</p>
        <p>
          <Link href="/citoyen/mes-donnees">Voir mes données</Link>
        </p>
      </section>

      <section aria-labelledby="identite">
        <h2 id="identite">L’identité transmise par FranceConnect (simulé)</h2>
        <p>
          En vous connectant, vous avez autorisé FranceConnect à transmettre ces informations à e-Guichet. Le service ne
          les saisit pas : il les reçoit du fournisseur d’identité.
        </p>
        <dl className="facts">
          <dt>Nom de naissance</dt>
          <dd>{persona.familyName}</dd>
          <dt>Nom d’usage</dt>
          <dd>{persona.preferredName ?? 'Aucun'}</dd>
          <dt>Prénoms</dt>
          <dd>{persona.givenNames}</dd>
          <dt>Sexe</dt>
          <dd>{persona.gender === 'female' ? 'Féminin' : 'Masculin'}</dd>
          <dt>Date de naissance</dt>
          <dd>{formatIsoDate(persona.birthdate)}</dd>
          <dt>Lieu de naissance</dt>
          <dd>
            {persona.birthplaceName} ({persona.birthcountryName})
          </dd>
          <dt>Adresse e-mail</dt>
          <dd>{persona.email}</dd>
        </dl>
      </section>
    </>
  );
}
