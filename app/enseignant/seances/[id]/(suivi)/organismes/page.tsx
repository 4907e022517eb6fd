import { database, getEngine } from '@/db/engine';
import type { Metadata } from 'next';
import { after } from 'next/server';
import { agencyIds, participantRoles } from '@/db/schema';
import { roleLabels } from '@/lib/classroom/roles';
import { agentsOfSession } from '@/lib/classroom/sessions';
import { lowerFirst } from '@/lib/format';
import { exchangesUrl } from '@/lib/platform/gateway';
import { agencyShortName } from '@/lib/platform/consent-text';
import { checkJournal } from '@/lib/platform/journal';
import { JournalState } from '@/app/_components/journal-state';
import { currentToken, maskToken } from '@/lib/platform/tokens';
import { rotateTokenAction } from '../../../../actions';
import { teacherSession } from '../../session';
import { FlashNotice } from '@/app/_components/flash-notice';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Organismes, jetons et comptes — espace enseignant' };

/** The bodies' platform tokens (shown on demand, revoked in one click), the journal's state and the agents' accounts. */
export default async function BodiesPage({ params }: { params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const db = database();
  const tokens = await Promise.all(agencyIds.map((a) => currentToken(getEngine(), session.id, a)));
  const journal = await checkJournal(db, session.id, undefined, after);
  const agentRows = await agentsOfSession(db, session.id);
  return (
    <>
      <SessionBar session={session} current="/organismes" />
      <h1>Organismes, jetons et comptes</h1>
      <FlashNotice />
      <section aria-labelledby="journal">
        <h2 id="journal">Journal des échanges</h2>
        <JournalState check={journal} />
      </section>

      <section aria-labelledby="jetons">
        <h2 id="jetons">Jetons d’API des organismes</h2>
        <p>
          Chaque organisme demande des données à la plateforme à l’adresse <code className="hash">{exchangesUrl()}</code>, avec son jeton (en-tête{' '}
          <code>Authorization: Bearer</code>). Un jeton remplacé cesse aussitôt de fonctionner.
        </p>
        <table className="stack">
          <caption>Jetons d’API des organismes de la séance</caption>
          <thead>
            <tr>
              <th scope="col">Organisme</th>
              <th scope="col">Jeton</th>
              <th scope="col">Action</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.agency}>
                <td data-label="Organisme">{agencyShortName(t.agency)}</td>
                <td data-label="Jeton">
                  <details>
                    <summary>
                      Afficher le jeton (<code>{maskToken(t.token)}</code>)
                    </summary>
                    <code className="hash" data-jeton={t.agency}>
                      {t.token}
                    </code>
                  </details>
                </td>
                <td data-label="Action">
                  <form action={rotateTokenAction}>
                    <ActionKeyField value={newActionKey()} />
                    <input type="hidden" name="seance" value={session.id} />
                    <input type="hidden" name="organisme" value={t.agency} />
                    <button type="submit" className="button button--secondary">
                      Révoquer et remplacer<span className="visually-hidden"> le jeton {agencyShortName(t.agency)}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="agents">
        <h2 id="agents">Comptes du monde simulé</h2>
        <details>
          <summary>Comptes d’agents de la séance ({agentRows.length})</summary>
          <p>Un·e élève qui joue un agent reçoit l’un de ces comptes ; il est déjà choisi sur la page de ProConnect (simulé).</p>
          <table className="stack">
            <caption>Agents par organisme</caption>
            <thead>
              <tr>
                <th scope="col">Organisme</th>
                <th scope="col">Agent</th>
                <th scope="col">Identifiant</th>
              </tr>
            </thead>
            <tbody>
              {agentRows.map(({ agent, agencyName }) => (
                <tr key={agent.id}>
                  <td data-label="Organisme">{agencyName}</td>
                  <td data-label="Agent">
                    {agent.givenName} {agent.familyName}, {lowerFirst(agent.jobTitle)}
                  </td>
                  <td data-label="Identifiant">
                    <code>{agent.email}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <p className="hint">Rôles possibles : {participantRoles.map((r) => lowerFirst(roleLabels[r])).join(', ')}.</p>
      </section>
    </>
  );
}
