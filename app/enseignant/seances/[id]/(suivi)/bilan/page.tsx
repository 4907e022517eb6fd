import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { computeDebrief } from '@/lib/classroom/debrief';
import { procedures } from '@/lib/procedures/registry';
import { roleLabels } from '@/lib/classroom/roles';
import { teacherSession } from '../../session';
import { countOf, lowerFirst, agreed } from '@/lib/format';
import { BarChart } from '@/app/_components/bar-chart';
import { FlashNotice } from '@/app/_components/flash-notice';
import { JournalState } from '@/app/_components/journal-state';
import { Observatory } from '@/app/_components/observatory';
import { observatory, opinionComments } from '@/lib/opinions';
import { ideasOf } from '@/lib/ideas';
import { IdeaCard } from '@/app/_components/idea-card';
import { retainAction } from '@/app/seance/idees/actions';
import { SubmitButton } from '@/app/_components/submit-button';
import { SessionBar } from '../session-bar';

export const metadata: Metadata = { title: 'Bilan de la séance' };

const minutes = (m: number | null) => (m === null ? '—' : m < 1 ? 'moins d’une minute' : `${String(m).replace('.', ',')} min`);

/** The debrief: the class's own figures, then questions tied to the chapters' notions. Printable as is. */
export default async function DebriefPage({ params }: { params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const d = await computeDebrief(database(), session);
  const observed = await observatory(database(), session.id);
  const comments = await opinionComments(database(), session.id);
  const ideaList = await ideasOf(database(), session.id, null);
  const parkingA = d.times.find((t) => t.procedure === 'carte-stationnement' && t.route === 'en_ligne_echange');
  const parkingB = d.times.find((t) => t.procedure === 'carte-stationnement' && t.route === 'en_ligne_justificatifs');
  const offlineTimes = d.times.filter((t) => t.route === 'guichet' || t.route === 'papier');
  const offlineTotal = d.offline.counter + d.offline.paper + d.aidants.casesFiled;
  const da = d.documentAccess;
  // A funnel for each procedure the class started; the others in one line (a séance uses two or three of eight).
  const started = d.funnels.filter((f) => f.stages[0]!.count > 0);
  const unstarted = d.funnels.filter((f) => f.stages[0]!.count === 0);
  const stuckTotal = d.funnels.reduce((n, f) => n + f.stuck.reduce((m, s) => m + s.count, 0), 0);
  return (
    <>
      <SessionBar session={session} current="/bilan" />
      <p className="badge">Espace enseignant — bilan</p>
      <h1>Bilan de la séance « {session.name} »</h1>
      <FlashNotice />
      <p className="lead">Tous les chiffres viennent de ce que la classe a fait pendant la séance.</p>
      <p className="no-print">
        <a href={`/enseignant/seances/${session.id}/bilan/export`} download>
          Télécharger les dossiers (CSV, tableur)
        </a>
        {' · '}
        Pour imprimer ou enregistrer en PDF, utilisez la commande Imprimer du navigateur.
        {' · '}
        <Link href={`/enseignant/seances/${session.id}`}>Revenir au suivi de la séance</Link>
      </p>

      <section aria-labelledby="classe">
        <h2 id="classe">La classe</h2>
        <p>
          {Object.entries(d.roles)
            .map(([role, n]) => `${roleLabels[role as keyof typeof roleLabels]} : ${n}`)
            .join(' ; ')}
          .
        </p>
      </section>

      <section aria-labelledby="durees">
        <h2 id="durees">Combien de temps pour obtenir une réponse ?</h2>
        {d.times.length === 0 ? (
          <p>Aucune demande n’a encore été faite.</p>
        ) : (
          <BarChart
              id="graphique-durees"
              title="Durée médiane entre le début de la demande et la décision (au guichet : attente simulée comprise)"
              category="Démarche et parcours"
              measure="Durée médiane"
              bars={d.times.map((t) => ({ label: `${t.title}, ${lowerFirst(t.label)}`, value: t.medianMinutes ?? 0, shown: `${minutes(t.medianMinutes)} (${countOf(t.decided, 'décidée', 'décidées')} sur ${t.cases})` }))}
            />
        )}
      </section>

      <section aria-labelledby="parcours">
        <h2 id="parcours">Le parcours usager : où les demandes se sont arrêtées</h2>
        {started.length === 0 && <p>Aucune demande n’a encore été commencée.</p>}
        {started.map((f) => (
          <div key={f.procedure}>
            <h3>{f.title}</h3>
            <BarChart id={`entonnoir-${f.procedure}`} title={`Étapes franchies — ${f.title}`} category="Étape" measure="Demandes" bars={f.stages.map((s) => ({ label: s.label, value: s.count, shown: countOf(s.count, 'demande', 'demandes') }))} />
            {f.stuck.length > 0 && <p>Brouillons arrêtés : {f.stuck.map((s) => `${s.count} à l’étape « ${s.step} »`).join(', ')}.</p>}
            {f.waiting > 0 && (
              <p>
                {countOf(f.waiting, 'demande attend', 'demandes attendent')} encore une réponse.
              </p>
            )}
          </div>
        ))}
        {started.length > 0 && unstarted.length > 0 && (
          <>
            <p>Aucune demande commencée pour :</p>
            <ul>
              {unstarted.map((f) => (
                <li key={f.procedure}>{f.title}</li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="echanges">
        <h2 id="echanges">Les échanges de données</h2>
        <BarChart
          id="graphique-echanges"
          title={`${countOf(d.exchanges.total, 'échange', 'échanges')} par la plateforme, selon leur résultat`}
          category="Résultat"
          measure="Échanges"
          bars={[
            { label: 'Accordés', value: d.exchanges.granted, shown: String(d.exchanges.granted), tone: 'ok' },
            { label: 'Refusés', value: d.exchanges.refused, shown: String(d.exchanges.refused), tone: 'refused' },
            { label: 'Personne inconnue de l’organisme', value: d.exchanges.unknown, shown: String(d.exchanges.unknown), tone: 'neutral' },
            { label: 'En échec', value: d.exchanges.failed, shown: String(d.exchanges.failed), tone: 'failed' },
          ]}
        />
        {d.exchanges.reasons.length > 0 && (
          <>
            <p>Pourquoi certains échanges n’ont pas abouti :</p>
            <ul>
              {d.exchanges.reasons.map((r) => (
                <li key={r.code}>
                  {r.label} : {r.count}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>
          Accords donnés : {d.consents.given} ; accords retirés : {d.consents.withdrawn}.
        </p>
      </section>

      <section aria-labelledby="journal">
        <h2 id="journal">Le journal des échanges</h2>
        <JournalState check={{ chain: d.journal }} shown />
      </section>

      <section aria-labelledby="aide">
        <h2 id="aide">Sans Internet, ou pas seul·e</h2>
        <p>
          Mandats d’aidant : {countOf(d.aidants.mandates, 'créé', 'créés')}, {countOf(d.aidants.confirmed, 'confirmé', 'confirmés')} par la personne, {countOf(d.aidants.revoked, 'retiré', 'retirés')} ;{' '}
          {countOf(d.aidants.casesFiled, 'demande faite', 'demandes faites')} par un·e aidant·e.
        </p>
        <p>
          Demandes saisies au guichet : {d.offline.counter} ; formulaires papier : {d.offline.paper}.
        </p>
      </section>

      <section aria-labelledby="observatoire">
        <h2 id="observatoire">L’observatoire des démarches : l’avis des personnes</h2>
        <Observatory lines={observed} />
        <p>
          <Link href={`/seance/observatoire?seance=${session.id}`}>L’observatoire tel que la classe le lit</Link> ·{' '}
          <Link href={`/seance/donnees-ouvertes?seance=${session.id}`}>Les données ouvertes de la séance</Link> (CSV décrit par un schéma, sans aucune ligne
          sur une personne ni aucun total de moins de 3)
        </p>
        {comments.length > 0 && (
          <>
            <h3>Leurs commentaires (sans leur nom)</h3>
            <ul>
              {comments.map((c, i) => (
                <li key={i}>
                  {procedures[c.procedure].shortTitle} : « {c.comment} »
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="idees">
        <h2 id="idees">La boîte à idées</h2>
        {ideaList.length === 0 ? (
          <p>Aucune idée proposée. Les élèves proposent et votent sur la page « Boîte à idées » de leur séance.</p>
        ) : (
          <>
            <p>
              {countOf(ideaList.length, 'idée proposée', 'idées proposées')}, {countOf(ideaList.filter((i) => i.retained).length, 'retenue', 'retenues')}. Retenez celles que
              le service mettrait en œuvre : la classe les voit en tête de sa boîte à idées.
            </p>
            <ol className="ideas">
              {ideaList.map((idea) => (
                <IdeaCard key={idea.id} idea={idea} retainedLabel="Retenue">
                  <form action={retainAction.bind(null, idea.id, !idea.retained)}>
                    <SubmitButton className="button button--secondary">
                      {idea.retained ? 'Ne plus retenir' : 'Retenir cette idée'}
                      <span className="visually-hidden"> : {idea.text}</span>
                    </SubmitButton>
                  </form>
                </IdeaCard>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="assistant">
        <h2 id="assistant">L’assistant « Une question ? » et les conseillers</h2>
        {d.assistant.questions === 0 ? (
          <p>Personne n’a posé de question à l’assistant pendant la séance.</p>
        ) : (
          <ul>
            <li>{countOf(d.assistant.questions, 'question posée', 'questions posées')} ;</li>
            <li>
              {countOf(d.assistant.answeredByAssistant, 'réponse trouvée', 'réponses trouvées')} par l’assistant dans les textes, {countOf(d.assistant.unknown, 'fois', 'fois')} « je ne sais pas » ;
            </li>
            <li>
              {countOf(d.assistant.handedOff, 'conversation passée', 'conversations passées')} à une personne, {countOf(d.assistant.answeredByPerson, 'avec une réponse', 'avec une réponse')}
              {d.assistant.medianMinutesToPerson !== null ? ` (délai médian avant la réponse d’une personne : ${minutes(d.assistant.medianMinutesToPerson)})` : ''}.
            </li>
          </ul>
        )}
      </section>

      {(da.asked > 0 || da.referrals > 0) && (
        <section aria-labelledby="documents">
          <h2 id="documents">Le droit d’accès aux documents administratifs</h2>
          <ul>
            <li>
              {countOf(da.asked, 'demande de document déposée', 'demandes de document déposées')} : {countOf(da.given, 'document communiqué', 'documents communiqués')}, {countOf(da.refusedExplicitly, 'refus écrit', 'refus écrits')},{' '}
              {countOf(da.refusedImplicitly, 'refus implicite', 'refus implicites')} (sans réponse en un mois)
              {da.waiting > 0 ? `, ${countOf(da.waiting, 'demande en attente', 'demandes en attente')}` : ''}.
            </li>
            <li>{countOf(da.blackedOut, 'document remis avec des passages occultés', 'documents remis avec des passages occultés')}.</li>
            {da.medianLegalDays !== null && <li>Délai médian de réponse, compté en jours de la vraie vie : {countOf(da.medianLegalDays, 'jour', 'jours')}.</li>}
            <li>
              {countOf(da.referrals, 'saisine de la CADA', 'saisines de la CADA')} : {countOf(da.opinions.favourable, 'avis favorable', 'avis favorables')}, {countOf(da.opinions.unfavourable, 'avis défavorable', 'avis défavorables')}
              {da.opinions.moot > 0 ? `, ${countOf(da.opinions.moot, 'avis sans objet', 'avis sans objet')}` : ''} ; {countOf(da.givenAfterOpinion, 'document communiqué', 'documents communiqués')} après l’avis.
            </li>
          </ul>
        </section>
      )}

      {d.activityBonus.asked > 0 && (
        <section aria-labelledby="une-fois">
          <h2 id="une-fois">« Dites-le-nous une fois » : la prime d’activité</h2>
          <ul>
            <li>
              {countOf(d.activityBonus.asked, 'demande envoyée', 'demandes envoyées')} : {countOf(d.activityBonus.granted, 'prime accordée', 'primes accordées')}, {countOf(d.activityBonus.refused, 'refus', 'refus')}.
            </li>
            <li>
              {countOf(d.activityBonus.prefilled, 'chiffre pré-rempli', 'chiffres pré-remplis')} par les organismes, {countOf(d.activityBonus.corrected, 'corrigé', 'corrigés')} par les personnes ;{' '}
              {countOf(d.activityBonus.papersSpared, 'justificatif', 'justificatifs')} que personne n’a eu à chercher (avis d’impôt, attestation de France Travail).
            </li>
          </ul>
        </section>
      )}

      {d.fines.seen > 0 && (
        <section aria-labelledby="amendes">
          <h2 id="amendes">Les amendes payées en ligne</h2>
          <ul>
            <li>
              {countOf(d.fines.seen, 'avis de contravention lu', 'avis de contravention lus')} : {countOf(d.fines.paidReduced, 'payé', 'payés')} au tarif minoré,{' '}
              {countOf(d.fines.paidForfait, 'payé', 'payés')} au forfait, {countOf(d.fines.paidIncreased, 'payé', 'payés')} majoré ;{' '}
              {countOf(d.fines.increasedUnpaid, 'avis majoré', 'avis majorés')} sans être payé.
            </li>
            <li>{countOf(d.fines.designated, 'conducteur désigné', 'conducteurs désignés')} : l’avis est alors parti à la personne qui conduisait.</li>
            {d.fines.contested > 0 && (
              <li>
                {countOf(d.fines.contested, 'avis contesté', 'avis contestés')} : {countOf(d.fines.dropped, 'classé', 'classés')} sans suite, {countOf(d.fines.rejected, 'rejeté', 'rejetés')} (l’amende forfaitaire est
                alors due, sans réduction). Sans élève pour jouer l’officier du ministère public, le traitement automatique rejette toute contestation
                qui n’est ni un vol ni une vente : une machine peut-elle juger de la bonne foi d’une personne ?
              </li>
            )}
          </ul>
        </section>
      )}

      {d.identity.requested > 0 && (
        <section aria-labelledby="titres">
          <h2 id="titres">Les titres d’identité : en ligne, puis au guichet</h2>
          <ul>
            <li>
              {countOf(d.identity.requested, 'pré-demande envoyée', 'pré-demandes envoyées')}
              {d.identity.medianOnlineMinutes !== null ? `, ${agreed(d.identity.requested, 'remplie', 'remplies')} en ${minutes(d.identity.medianOnlineMinutes)} (médiane)` : ''} ;{' '}
              {countOf(d.identity.booked, 'rendez-vous pris', 'rendez-vous pris')}, {countOf(d.identity.collected, 'titre remis', 'titres remis')}.
            </li>
            {d.identity.medianCounterMinutes !== null && <li>Au guichet, entre l’heure du rendez-vous et la vérification : {minutes(d.identity.medianCounterMinutes)} (médiane).</li>}
            {d.identity.medianDaysToCollection !== null && (
              <li>
                De la pré-demande au titre en main : {countOf(d.identity.medianDaysToCollection, 'jour', 'jours')} de la vraie vie (médiane). Ce qui reste au
                guichet (les empreintes, la remise en main propre), pourquoi ne se fait-il pas en ligne ?
              </li>
            )}
          </ul>
        </section>
      )}

      <section aria-labelledby="questions">
        <h2 id="questions">Questions pour le débat</h2>
        <ol>
          {(parkingA || parkingB) && (
            <li>
              La carte de stationnement a pris {minutes(parkingA?.medianMinutes ?? null)} avec l’échange de données entre organismes
              {parkingB ? `, et ${minutes(parkingB.medianMinutes)} avec des justificatifs envoyés` : ''}. Qu’est-ce qui explique l’écart ? Qu’y gagne l’usager, et l’administration ?
            </li>
          )}
          <li>
            {countOf(d.exchanges.total, 'échange de données a eu lieu', 'échanges de données ont eu lieu')}. Qui a consulté les données de votre personnage, pour quoi faire, et sur quelle base ? Auriez-vous pu refuser ? ({countOf(d.consents.withdrawn, 'accord retiré', 'accords retirés')} pendant la séance.)
          </li>
          <li>
            {countOf(offlineTotal, 'demande est passée', 'demandes sont passées')} par un guichet, le papier ou un·e aidant·e
            {offlineTimes.length > 0 ? ` (durée médiane : ${offlineTimes.map((t) => `${t.title}, ${lowerFirst(t.label)} : ${minutes(t.medianMinutes)}`).join(' ; ')})` : ''}. Quelles personnes ne pouvaient pas faire leur démarche seules ? Que faut-il prévoir pour elles ?
          </li>
          <li>
            {d.exchanges.failed > 0
              ? `${countOf(d.exchanges.failed, 'échange a échoué', 'échanges ont échoué')} (pannes, délais dépassés). Que s’est-il passé pour les personnes qui attendaient ?`
              : 'Aucun échange n’a échoué pendant la séance. Que se passerait-il pour les personnes qui attendent si un organisme tombait en panne ?'}{' '}
            Que retenez-vous de la dépendance au numérique ?
          </li>
          <li>
            {stuckTotal > 0
              ? `${countOf(stuckTotal, 'demande est restée', 'demandes sont restées')} en brouillon. À quelle étape, et pourquoi ?`
              : 'Aucune demande n’est restée en brouillon. Qu’est-ce qui aurait pu faire abandonner une personne ?'}{' '}
            Comment rendre la démarche plus simple ?
          </li>
          <li>
            {d.assistant.questions > 0
              ? `L’assistant a trouvé une réponse à ${countOf(d.assistant.answeredByAssistant, 'question', 'questions')} sur ${d.assistant.questions} ; ${countOf(d.assistant.handedOff, 'personne a', 'personnes ont')} voulu parler à un conseiller. `
              : ''}
            Qu’est-ce qu’un robot conversationnel ne sait pas faire ? Quand faut-il une personne au bout du fil, et que coûte-t-elle ?
          </li>
          <li>Chaque échange laisse une trace dans le journal. Est-ce une protection pour l’usager, ou une surveillance ? Qui peut lire ces traces ?</li>
          {d.activityBonus.asked > 0 && (
            <li>
              {countOf(d.activityBonus.corrected, 'chiffre pré-rempli a été corrigé', 'chiffres pré-remplis ont été corrigés')} par les personnes. Si les organismes se parlent, pourquoi
              faut-il encore relire ? Qui est responsable d’un chiffre faux ?
            </li>
          )}
          {(da.asked > 0 || da.referrals > 0) && (
            <li>
              {countOf(da.refusedImplicitly, 'demande de document est restée', 'demandes de document sont restées')} sans réponse. Pourquoi la loi fait-elle du silence un refus ? Que
              changent le numérique et la CADA pour qui veut savoir ce que fait son administration ?
            </li>
          )}
        </ol>
      </section>
    </>
  );
}
