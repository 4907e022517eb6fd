import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { aidants, classSessions, personas } from '@/db/schema';
import { idpNameSchema, providers } from '@/lib/auth/idp/config';
import { findInteraction } from '@/lib/auth/idp/provider';
import { agentsOfSession, demoSession } from '@/lib/classroom/sessions';

export const metadata: Metadata = { title: 'Fournisseur d’identité simulé' };

type Choice = { id: string; label: string; hint: string; group: string };

function choicesFor(provider: 'franceconnect' | 'proconnect', classSessionId: string): Choice[] {
  const db = getDb();
  if (provider === 'franceconnect') {
    return db
      .select()
      .from(personas)
      .where(eq(personas.classSessionId, classSessionId))
      .orderBy(asc(personas.familyName))
      .all()
      .map((p) => ({ id: p.id, label: `${p.givenNames} ${p.preferredName ?? p.familyName}`, hint: `${p.occupation} — « ${p.scenarioTitle} »`, group: 'Personnes' }));
  }
  return [
    ...agentsOfSession(db, classSessionId).map(({ agent, agencyName }) => ({ id: agent.id, label: `${agent.givenName} ${agent.familyName}`, hint: `${agent.jobTitle} — ${agent.email}`, group: agencyName })),
    ...db
      .select()
      .from(aidants)
      .where(eq(aidants.classSessionId, classSessionId))
      .orderBy(asc(aidants.familyName))
      .all()
      .map((a) => ({ id: a.id, label: `${a.givenName} ${a.familyName}`, hint: `Aidant·e — ${a.structure}`, group: 'France Services (aidants)' })),
  ];
}

export default async function IdentityProviderPage({ params, searchParams }: { params: Promise<{ provider: string }>; searchParams: Promise<{ interaction?: string; erreur?: string }> }) {
  const parsed = idpNameSchema.safeParse((await params).provider);
  if (!parsed.success) notFound();
  const provider = parsed.data;
  const { interaction: interactionId = '', erreur } = await searchParams;
  const db = getDb();
  const interaction = interactionId ? findInteraction(db, provider, interactionId) : null;
  // The séance named by the join code, or the demonstration séance.
  const session = interaction?.classSessionId ? (db.select().from(classSessions).where(eq(classSessions.id, interaction.classSessionId)).get() ?? null) : demoSession(db);
  const config = providers[provider];

  const header = (
    <p className="idp__brand">
      <span className="idp__logo" aria-hidden="true">
        {provider === 'franceconnect' ? 'FC' : 'PC'}
      </span>
      {config.displayName} — fournisseur d’identité de démonstration
    </p>
  );

  if (!interaction || !session) {
    return (
      <div className="idp">
        {header}
        <h1>Cette demande de connexion n’est plus valable</h1>
        <p>Elle a expiré ou a déjà servi. Recommencez depuis le service qui vous a envoyé ici.</p>
        <p>
          <Link href="/connexion">Revenir à la page de connexion d’e-Guichet</Link>
        </p>
      </div>
    );
  }

  const choices = choicesFor(provider, session.id);
  const groups = [...new Set(choices.map((c) => c.group))];
  const hasError = erreur === 'choix';
  const who = provider === 'franceconnect' ? 'la personne que vous incarnez' : 'votre compte d’agent';

  return (
    <div className="idp">
      {header}
      <h1>{provider === 'franceconnect' ? 'Choisissez votre identité' : 'Choisissez votre compte d’agent'}</h1>
      <p>
        Le service <strong>{interaction.clientId === config.clientId ? config.clientName : interaction.clientId}</strong> demande à
        vous identifier. Dans la réalité, vous saisiriez ici l’identifiant et le mot de passe d’un compte (impots.gouv, ameli…).
        Dans cette simulation, vous choisissez {who}.
      </p>
      {hasError && (
        <div className="error-summary" role="alert">
          <h2>Aucune identité choisie</h2>
          <p>
            <a href="#choix-identite">Choisissez {who} dans la liste</a>, puis validez.
          </p>
        </div>
      )}
      <form method="post" action={`/api/idp/${provider}/interaction`}>
        <input type="hidden" name="interaction" value={interaction.id} />
        <fieldset className="field" id="choix-identite" aria-describedby={hasError ? 'choix-erreur' : undefined}>
          <legend>{provider === 'franceconnect' ? 'Personne fictive' : 'Compte d’agent'}</legend>
          {hasError && (
            <p className="field__error" id="choix-erreur">
              Choisissez {who}.
            </p>
          )}
          {groups.map((group) => (
            <div key={group}>
              {groups.length > 1 && <h2>{group}</h2>}
              <ul className="choices">
                {choices
                  .filter((c) => c.group === group)
                  .map((c) => (
                    <li key={c.id} className="choice">
                      <input type="radio" name="subject" id={`s-${c.id}`} value={c.id} defaultChecked={interaction.loginHint === c.id} />
                      <label htmlFor={`s-${c.id}`}>
                        {c.label}
                        <span className="hint">
                          {c.hint}
                        </span>
                      </label>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </fieldset>
        <p className="who">
          <button type="submit" name="action" value="connecter" className="button">
            Me connecter
          </button>
          <button type="submit" name="action" value="annuler" className="button button--secondary">
            Annuler et revenir au service
          </button>
        </p>
      </form>
    </div>
  );
}
