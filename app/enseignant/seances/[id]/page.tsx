import type { Metadata } from 'next';
import { SubmitButton } from '@/app/_components/submit-button';
import { ActionKeyField } from '@/app/_components/action-key-field';
import { newActionKey } from '@/lib/action-keys';
import Link from 'next/link';
import QRCode from 'qrcode';
import { agencyIds, participantRoles, type AgencyId } from '@/db/schema';
import { getDb } from '@/db/client';
import { eventCards } from '@/lib/classroom/cards';
import { liveSnapshot } from '@/lib/classroom/live';
import { participantsOfSession, reassignChoices } from '@/lib/classroom/participants';
import { roleLabels } from '@/lib/classroom/roles';
import { agentsOfSession, presets } from '@/lib/classroom/sessions';
import { formatDate } from '@/lib/format';
import { agencyShortName } from '@/lib/platform/consent-text';
import { verifyJournalChain } from '@/lib/platform/journal';
import { currentToken, maskToken } from '@/lib/platform/tokens';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { stateLabels } from '@/lib/procedures/engine/state-machine';
import { ErrorSummary } from '../../../_components/error-summary';
import { TextField } from '../../../_components/text-field';
import { automateBodyAction, playedBodiesAction, reassignAction, revealHintAction, rotateTokenAction, sendMessageAction } from '../../actions';
import { FaultPanel } from '../../fault-panel';
import { LiveView } from './live-view';
import { teacherSession } from './session';

export const metadata: Metadata = { title: 'Séance — espace enseignant' };

const notices: Record<string, string> = {
  'seance-creee': 'La séance est créée, avec sa propre copie du monde simulé. Projetez le code : les élèves le saisissent sur la page « Rejoindre ».',
  'seance-reinitialisee': 'La séance est revenue au monde de départ. Les élèves doivent la rejoindre à nouveau avec le même code.',
  'role-change': 'Le rôle est changé : l’élève le voit sur sa page de séance.',
  'role-invalide': 'Ce rôle ne peut pas être donné : l’élève ou le rôle est inconnu.',
  'indice-revele': 'L’indice est envoyé à l’élève.',
  'plus-d-indice': 'Cet·te élève a déjà reçu tous les indices de sa carte.',
  'message-envoye': 'Le message est envoyé.',
  'organismes-enregistres': 'C’est enregistré.',
  'panne-terminee': 'L’organisme répond de nouveau normalement. Les demandes qui l’attendaient sont vérifiées de nouveau.',
};

export default async function TeacherSessionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const { session, joinUrl } = await teacherSession(id);
  const q = await searchParams;
  const db = getDb();
  await runDueInstruction(db, session.id);
  const snapshot = liveSnapshot(db, session);
  const people = participantsOfSession(db, session.id);
  const qr = await QRCode.toDataURL(joinUrl, { margin: 1, width: 200 });
  const tokens = agencyIds.map((a) => currentToken(db, session.id, a));
  const chain = verifyJournalChain(db, session.id);
  const agentRows = agentsOfSession(db, session.id);
  const choices = reassignChoices(db, session.id);
  const notice = q.message === 'panne-injectee' ? `La panne est lancée sur « ${agencyShortName(q.organisme as AgencyId)} ». Les prochains échanges avec cet organisme en subiront les effets.` : q.message === 'jeton-remplace' ? `Le jeton de l’organisme « ${agencyShortName(q.organisme as AgencyId)} » est remplacé : l’ancien est refusé dès maintenant.` : notices[q.message ?? ''];
  const messageErrors = { destinataire: q['erreur-destinataire'], carte: q['erreur-carte'], titre: q['erreur-titre'], texte: q['erreur-texte'] };

  return (
    <>
      <p className="badge">Espace enseignant — séance</p>
      <h1>{session.name}</h1>
      {notice && (
        <div className={`notice ${q.message === 'role-invalide' ? 'notice--error' : 'notice--success'}`} role="status">
          <p>{notice}</p>
        </div>
      )}
      <section aria-labelledby="rejoindre" className="surface join-panel">
        <h2 id="rejoindre">Pour rejoindre la séance</h2>
        <div className="join-panel__body">
          <div>
            <p>
              Code : <strong className="join-code">{session.joinCode}</strong>
            </p>
            <p>
              Adresse : <span className="hash">{joinUrl}</span>
            </p>
            <p>
              <Link href={`/enseignant/seances/${session.id}/projeter`} className="button">
                Projeter le code en grand
              </Link>
            </p>
          </div>
          <img src={qr} alt={`Code QR vers ${joinUrl}`} width={160} height={160} />
        </div>
        <p className="hint">
          Scénario : {presets[session.preset]}. {session.isDemo ? 'Séance de démonstration, gardée.' : `Données supprimées automatiquement le ${formatDate(session.expiresAt ?? new Date())}.`}
        </p>
        <p>
          <Link href={`/enseignant/seances/${session.id}/bilan`}>Ouvrir le bilan de la séance</Link>
          {' · '}
          <Link href={`/enseignant/seances/${session.id}/confirmer?action=reinitialiser`}>Réinitialiser la séance</Link>
          {!session.isDemo && (
            <>
              {' · '}
              <Link href={`/enseignant/seances/${session.id}/confirmer?action=supprimer`}>Supprimer la séance</Link>
            </>
          )}
          {' · '}
          <Link href="/enseignant">Toutes mes séances</Link>
        </p>
      </section>

      <LiveView classSessionId={session.id} initial={snapshot} roleLabels={roleLabels} stateLabels={stateLabels} reassign={reassignAction} revealHint={revealHintAction} automate={automateBodyAction} choices={choices} />

      <section aria-labelledby="message">
        <h2 id="message">Envoyer un message ou une carte événement</h2>
        <form action={sendMessageAction} noValidate className="surface">
          <ActionKeyField value={newActionKey()} />
          <ErrorSummary title="Le message n’a pas été envoyé" errors={Object.fromEntries(Object.entries(messageErrors).filter((e): e is [string, string] => Boolean(e[1])))} idPrefix="message" />
          <input type="hidden" name="seance" value={session.id} />
          <div className={`field${messageErrors.destinataire ? ' field--error' : ''}`}>
            <label htmlFor="message-destinataire">À qui</label>
            {messageErrors.destinataire && (
              <p className="field__error" id="message-destinataire-erreur">
                {messageErrors.destinataire}
              </p>
            )}
            <select id="message-destinataire" name="destinataire" defaultValue={q.destinataire ?? 'tous'} aria-invalid={Boolean(messageErrors.destinataire)} aria-describedby={messageErrors.destinataire ? 'message-destinataire-erreur' : undefined}>
              <option value="tous">Toute la classe</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.pseudonym} ({roleLabels[p.role].toLowerCase()})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="message-carte">Carte événement</label>
            <span className="hint" id="message-carte-aide">
              Facultatif : son titre et son texte sont envoyés si vous n’écrivez rien.
            </span>
            <select id="message-carte" name="carte" defaultValue={q.carte ?? ''} aria-describedby="message-carte-aide">
              <option value="">Aucune</option>
              {Object.entries(eventCards).map(([cardId, card]) => (
                <option key={cardId} value={cardId}>
                  {card.title} — {card.body.slice(0, 60)}…
                </option>
              ))}
            </select>
          </div>
          <TextField id="message-titre" name="titre" label="Titre (facultatif)" error={messageErrors.titre} defaultValue={q.titre ?? ''} maxLength={100} />
          <div className={`field${messageErrors.texte ? ' field--error' : ''}`}>
            <label htmlFor="message-texte">Message</label>
            {messageErrors.texte && (
              <p className="field__error" id="message-texte-erreur">
                {messageErrors.texte}
              </p>
            )}
            <textarea id="message-texte" name="texte" rows={3} defaultValue={q.texte ?? ''} aria-invalid={Boolean(messageErrors.texte)} aria-describedby={messageErrors.texte ? 'message-texte-erreur' : undefined} />
          </div>
          <SubmitButton>
            Envoyer
          </SubmitButton>
        </form>
      </section>

      <section aria-labelledby="pannes">
        <h2 id="pannes">Pannes simulées</h2>
        <FaultPanel
          classSessionId={session.id}
          values={{ organisme: q.organisme, type: q.type, minutes: q.minutes, latence: q.latence, taux: q.taux }}
          errors={{ organisme: q['erreur-organisme'], type: q['erreur-type'], minutes: q['erreur-minutes'], latence: q['erreur-latence'], taux: q['erreur-taux'] }}
        />
      </section>

      <section aria-labelledby="organismes-joues">
        <h2 id="organismes-joues">Organismes joués par des élèves</h2>
        <form action={playedBodiesAction}>
          <input type="hidden" name="seance" value={session.id} />
          <fieldset className="field">
            <legend>Les demandes adressées à ces organismes attendent un·e élève agent</legend>
            <span className="hint">Un organisme est coché dès qu’un·e élève le joue. Les autres traitent leurs demandes automatiquement, selon les règles de chaque démarche.</span>
            {agencyIds.map((a) => (
              <div key={a} className="radio">
                <input type="checkbox" id={`joue-${a}`} name="organismes" value={a} defaultChecked={session.bodiesPlayed.includes(a)} />
                <label htmlFor={`joue-${a}`}>{agencyShortName(a)}</label>
              </div>
            ))}
          </fieldset>
          <div className="radio field">
            <input type="checkbox" id="reseau" name="reseau" defaultChecked={session.simulateNetwork} aria-describedby="reseau-aide" />
            <label htmlFor="reseau">
              Réseau de zone blanche simulé
              <span className="hint" id="reseau-aide">
                Pour les personnes qui vivent dans une zone mal couverte (Lucas Petit) : pages lentes, une demande sur deux coupée. Leurs réponses restent gardées.
              </span>
            </label>
          </div>
          <TextField
            id="delai"
            name="delai"
            label="Délai du traitement automatique (secondes)"
            hint="De 0 à 3600. Les justificatifs vérifiés « à la main » prennent trois fois plus longtemps."
            error={q.message === 'delai-invalide' ? 'Indiquez un nombre entier de secondes, de 0 à 3600.' : undefined}
            inputMode="numeric"
            className="input--short"
            defaultValue={q.message === 'delai-invalide' || q.message === 'attente-invalide' ? (q.delai ?? '') : String(session.autoInstructionDelaySeconds)}
          />
          <TextField
            id="patience"
            name="patience"
            label="Patience (minutes)"
            hint="De 1 à 120. Une demande qui attend un·e élève agent plus longtemps est signalée ici et dans l’espace de l’agent."
            error={q.message === 'patience-invalide' ? 'Indiquez un nombre entier de minutes, de 1 à 120.' : undefined}
            inputMode="numeric"
            className="input--short"
            defaultValue={q.message === 'patience-invalide' ? (q.patience ?? '') : String(session.patienceMinutes)}
          />
          <TextField
            id="attente"
            name="attente"
            label="Attente au guichet (minutes, simulée)"
            hint="De 0 à 240. Notée dans chaque demande saisie au guichet, pour la comparer au temps en ligne."
            error={q.message === 'attente-invalide' ? 'Indiquez un nombre entier de minutes, de 0 à 240.' : undefined}
            inputMode="numeric"
            className="input--short"
            defaultValue={q.message === 'attente-invalide' ? (q.attente ?? '') : String(session.counterWaitMinutes)}
          />
          <button type="submit" className="button">
            Enregistrer
          </button>
        </form>
      </section>

      <section aria-labelledby="jetons">
        <h2 id="jetons">Jetons d’API des organismes</h2>
        {q.message === 'jeton-invalide' && (
          <div className="notice notice--error" role="status">
            <p>Ce jeton ne peut pas être remplacé : l’organisme est inconnu.</p>
          </div>
        )}
        <p>
          {chain.valide ? `Journal des échanges : intact, ${chain.entrees} ${chain.entrees > 1 ? 'entrées' : 'entrée'}. Empreinte de tête : ` : `Journal des échanges : ALTÉRÉ à l’entrée n° ${chain.premiere_entree_invalide.sequence}.`}
          {chain.valide && <code className="hash">{chain.tete}</code>}
        </p>
        <p>
          Chaque organisme appelle la plateforme avec son jeton (en-tête <code>Authorization: Bearer</code>). Un jeton remplacé cesse aussitôt de fonctionner.
        </p>
        <table>
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
                <td>{agencyShortName(t.agency)}</td>
                <td>
                  <details>
                    <summary>Afficher le jeton ({maskToken(t.token)})</summary>
                    <code className="hash" data-jeton={t.agency}>
                      {t.token}
                    </code>
                  </details>
                </td>
                <td>
                  <form action={rotateTokenAction}>
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
          <p>Un·e élève qui joue un agent reçoit l’un de ces comptes ; il est déjà choisi sur la page de ProConnect (simulé).</p>
          <table>
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
                  <td>{agencyName}</td>
                  <td>
                    {agent.givenName} {agent.familyName}, {agent.jobTitle.toLowerCase()}
                  </td>
                  <td>
                    <code>{agent.email}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        <p className="hint">Rôles possibles : {participantRoles.map((r) => roleLabels[r].toLowerCase()).join(', ')}.</p>
      </section>
    </>
  );
}
