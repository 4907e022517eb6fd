import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { notFound } from 'next/navigation';
import { and, asc, eq } from 'drizzle-orm';
import { database } from '@/db/engine';
import { aidants, oidcInteractions, personas } from '@/db/tables';
import { participantsOfSession } from '@/lib/classroom/participants';
import { elidedDe, formatList } from '@/lib/format';
import { idpNameSchema, providers } from '@/lib/auth/idp/config';
import { findInteraction } from '@/lib/auth/idp/provider';
import { agentsOfSession, demoSession } from '@/lib/classroom/sessions';
import { sessionById } from '@/lib/classroom/session-by-id';

export const metadata: Metadata = { title: 'Fournisseur d’identité simulé' };

type Choice = { id: string; label: string; hint: string; group: string; sortKey: string };

async function choicesFor(provider: 'franceconnect' | 'proconnect', classSessionId: string): Promise<Choice[]> {
  const db = database();
  if (provider === 'franceconnect') {
    return (await db
      .select()
      .from(personas)
      .where(eq(personas.classSessionId, classSessionId))
      .orderBy(asc(personas.familyName))
      .all())
      .map((p) => ({ id: p.id, label: `${p.givenNames} ${p.preferredName ?? p.familyName}`, hint: `${p.occupation} — « ${p.scenarioTitle} »`, group: 'Personnes', sortKey: `${p.preferredName ?? p.familyName} ${p.givenNames}` }));
  }
  return [
    ...(await agentsOfSession(db, classSessionId)).map(({ agent, agencyName }) => ({ id: agent.id, label: `${agent.givenName} ${agent.familyName}`, hint: `${agent.jobTitle} — ${agent.email}`, group: agencyName, sortKey: `${agent.familyName} ${agent.givenName}` })),
    ...(await db
      .select()
      .from(aidants)
      .where(eq(aidants.classSessionId, classSessionId))
      .orderBy(asc(aidants.familyName))
      .all())
      .map((a) => ({ id: a.id, label: `${a.givenName} ${a.familyName}`, hint: `Aidant·e — ${a.structure}`, group: 'France Services (aidants)', sortKey: `${a.familyName} ${a.givenName}` })),
  ];
}

/** Who plays each account of the séance (its students' pseudonyms), for a page of that séance. */
async function playedBy(classSessionId: string): Promise<Map<string, string[]>> {
  const played = new Map<string, string[]>();
  for (const { subjectId, pseudonym } of await participantsOfSession(database(), classSessionId)) if (subjectId) played.set(subjectId, [...(played.get(subjectId) ?? []), pseudonym]);
  return played;
}

export default async function IdentityProviderPage({ params, searchParams }: { params: Promise<{ provider: string }>; searchParams: Promise<{ interaction?: string; erreur?: string }> }) {
  const parsed = idpNameSchema.safeParse((await params).provider);
  if (!parsed.success) notFound();
  const provider = parsed.data;
  const { interaction: interactionId = '', erreur } = await searchParams;
  const db = database();
  const interaction = interactionId ? await findInteraction(db, provider, interactionId) : null;
  // The séance named by the join code, or the demonstration séance.
  const session = interaction?.classSessionId ? (await sessionById(db, interaction.classSessionId) ?? null) : await demoSession(db);
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
    // Back to this page once signed in (the browser's « Précédent »): say so, rather than « expired ». Only for this
    // provider's own requests.
    const used = interactionId ? await db.select({ subject: oidcInteractions.subject }).from(oidcInteractions).where(and(eq(oidcInteractions.id, interactionId), eq(oidcInteractions.provider, provider))).get() : undefined;
    if (used?.subject) {
      return (
        <div className="idp">
          {header}
          <h1>Vous êtes déjà connecté·e</h1>
          <p>Cette demande de connexion a déjà servi. Vous pouvez continuer sur e-Guichet.</p>
          <p>
            <Link href="/">Revenir à e-Guichet</Link>
          </p>
        </div>
      );
    }
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

  // The student's own character first, ready to confirm; everyone else behind one click, by family name.
  const all = (await choicesFor(provider, session.id)).sort((x, y) => x.sortKey.localeCompare(y.sortKey, 'fr'));
  const assigned = all.find((c) => c.id === interaction.loginHint) ?? null;
  const others = all.filter((c) => c !== assigned);
  // For a student of the séance (not a visitor of the demonstration): whose role each other account is, so that nobody
  // takes a classmate's character by mistake (still allowed: the teacher may ask for it).
  const played = interaction.classSessionId ? await playedBy(interaction.classSessionId) : new Map<string, string[]>();
  const groups = [...new Set(others.map((c) => c.group))];
  const hasError = erreur === 'choix';
  const who = provider === 'franceconnect' ? 'la personne que vous incarnez' : 'votre compte';
  const buttons = (
    <p className="actions">
      <button type="submit" name="action" value="connecter" className="button">
        Me connecter
      </button>
      <button type="submit" name="action" value="annuler" className="button button--secondary">
        Annuler et revenir au service
      </button>
    </p>
  );
  const list = (
    <fieldset className="field" id="choix-identite" aria-describedby={hasError ? 'choix-erreur' : undefined}>
      <legend>{provider === 'franceconnect' ? 'Personnes fictives, par nom de famille' : 'Comptes, par organisme puis par nom'}</legend>
      {hasError && (
        <p className="field__error" id="choix-erreur">
          Choisissez {who}.
        </p>
      )}
      {groups.map((group) => (
        <div key={group}>
          {groups.length > 1 && <h2 className="choices__group">{group}</h2>}
          <ul className="choices choices--compact">
            {others
              .filter((c) => c.group === group)
              .map((c) => (
                <li key={c.id} className="choice">
                  <input type="radio" name="subject" id={`s-${c.id}`} value={c.id} />
                  <label htmlFor={`s-${c.id}`}>
                    {c.label}
                    <span className="hint">{c.hint}</span>
                    {played.has(c.id) && <span className="hint">C’est le rôle {formatList((played.get(c.id) ?? []).map(elidedDe))} dans la séance.</span>}
                  </label>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );

  return (
    <div className="idp">
      {header}
      <h1>{provider === 'franceconnect' ? 'Choisissez votre identité' : 'Choisissez votre compte professionnel'}</h1>
      <p>
        Le service <strong>{interaction.clientId === config.clientId ? config.clientName : interaction.clientId}</strong> demande à vous identifier.{' '}
        {provider === 'franceconnect'
          ? 'Dans la réalité, vous passeriez par un compte que vous avez déjà (impots.gouv, ameli, La Poste…) et vous saisiriez son identifiant et son mot de passe.'
          : 'Dans la réalité, un agent public se connecte avec son compte professionnel, celui de l’annuaire de son administration ; une aidante France Services, avec son compte d’aidant habilité.'}{' '}
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
        {assigned ? (
          <>
            <fieldset className="field">
              <legend>{provider === 'franceconnect' ? 'Votre personnage dans la séance' : 'Votre rôle dans la séance'}</legend>
              <ul className="choices">
                <li className="choice choice--assigned">
                  <input type="radio" name="subject" id={`s-${assigned.id}`} value={assigned.id} defaultChecked />
                  <label htmlFor={`s-${assigned.id}`}>
                    {assigned.label}
                    <span className="hint">{assigned.hint}</span>
                  </label>
                </li>
              </ul>
            </fieldset>
            {buttons}
            <details className="idp__others" open={hasError}>
              <summary>Choisir une autre identité ({others.length})</summary>
              {list}
            </details>
          </>
        ) : (
          <>
            {list}
            {buttons}
          </>
        )}
      </form>
    </div>
  );
}
