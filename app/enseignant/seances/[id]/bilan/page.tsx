import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { computeDebrief } from '@/lib/classroom/debrief';
import { roleLabels } from '@/lib/classroom/roles';
import { teacherSession } from '../session';

export const metadata: Metadata = { title: 'Bilan de la séance' };

const minutes = (m: number | null) => (m === null ? '—' : m < 1 ? 'moins d’une minute' : `${String(m).replace('.', ',')} min`);

/** The debrief: the class's own figures, then questions tied to the chapters' notions. Printable as is. */
export default async function DebriefPage({ params }: { params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const d = computeDebrief(getDb(), session);
  const parkingA = d.times.find((t) => t.procedure === 'carte-stationnement' && t.route === 'en_ligne_echange');
  const parkingB = d.times.find((t) => t.procedure === 'carte-stationnement' && t.route === 'en_ligne_justificatifs');
  const offlineTimes = d.times.filter((t) => t.route === 'guichet' || t.route === 'papier');
  const stuckTotal = d.funnels.reduce((n, f) => n + f.stuck.reduce((m, s) => m + s.count, 0), 0);
  return (
    <>
      <p className="badge">Espace enseignant — bilan</p>
      <h1>Bilan de la séance « {session.name} »</h1>
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
            .map(([role, n]) => `${roleLabels[role as keyof typeof roleLabels]} : ${n}`)
            .join(' ; ')}
          .
        </p>
      </section>

      <section aria-labelledby="durees">
        <h2 id="durees">Combien de temps pour obtenir une réponse ?</h2>
        {d.times.length === 0 ? (
          <p>Aucune demande n’a encore été faite.</p>
        ) : (
          <table>
            <caption>Durée médiane entre le début de la demande et la décision (au guichet : attente simulée comprise)</caption>
            <thead>
              <tr>
                <th scope="col">Démarche</th>
                <th scope="col">Parcours</th>
                <th scope="col">Demandes</th>
                <th scope="col">Décidées</th>
                <th scope="col">Durée médiane</th>
              </tr>
            </thead>
            <tbody>
              {d.times.map((t) => (
                <tr key={`${t.procedure}-${t.route}`}>
                  <th scope="row">{t.title}</th>
                  <td>{t.label}</td>
                  <td>{t.cases}</td>
                  <td>{t.decided}</td>
                  <td>{minutes(t.medianMinutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="parcours">
        <h2 id="parcours">Le parcours usager : où les demandes se sont arrêtées</h2>
        {d.funnels.map((f) => (
          <div key={f.procedure}>
            <h3>{f.title}</h3>
            <table>
              <caption>Étapes franchies — {f.title}</caption>
              <thead>
                <tr>
                  <th scope="col">Étape</th>
                  <th scope="col">Demandes</th>
                </tr>
              </thead>
              <tbody>
                {f.stages.map((s) => (
                  <tr key={s.label}>
                    <th scope="row">{s.label}</th>
                    <td>{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {f.stuck.length > 0 && <p>Brouillons arrêtés : {f.stuck.map((s) => `${s.count} à l’étape « ${s.step} »`).join(', ')}.</p>}
            {f.waiting > 0 && <p>{f.waiting} demande(s) attendent encore une réponse.</p>}
          </div>
        ))}
      </section>

      <section aria-labelledby="echanges">
        <h2 id="echanges">Les échanges de données</h2>
        <p>
          {d.exchanges.total} échange(s) par la plateforme : {d.exchanges.granted} accordé(s), {d.exchanges.refused} refusé(s), {d.exchanges.failed} en échec.
        </p>
        {d.exchanges.reasons.length > 0 && (
          <ul>
            {d.exchanges.reasons.map((r) => (
              <li key={r.code}>
                {r.label} : {r.count}
              </li>
            ))}
          </ul>
        )}
        <p>
          Accords donnés : {d.consents.given} ; accords retirés : {d.consents.withdrawn}.
        </p>
      </section>

      <section aria-labelledby="aide">
        <h2 id="aide">Sans Internet, ou pas seul·e</h2>
        <p>
          Mandats d’aidant : {d.aidants.mandates} créé(s), {d.aidants.confirmed} confirmé(s) par la personne, {d.aidants.revoked} retiré(s) ; {d.aidants.casesFiled} demande(s) faites par un·e aidant·e.
        </p>
        <p>
          Demandes saisies au guichet : {d.offline.counter} ; formulaires papier : {d.offline.paper}.
        </p>
      </section>

      <section aria-labelledby="questions">
        <h2 id="questions">Questions pour le débat</h2>
        <ol>
          <li>
            La carte de stationnement a pris {minutes(parkingA?.medianMinutes ?? null)} avec l’échange de données entre organismes
            {parkingB ? `, et ${minutes(parkingB.medianMinutes)} avec des justificatifs envoyés` : ''}. Qu’est-ce qui explique l’écart ? Qu’y gagne l’usager, et l’administration ?
          </li>
          <li>
            {d.exchanges.total} échanges de données ont eu lieu. Qui a consulté les données de votre personnage, pour quoi faire, et sur quelle base ? Auriez-vous pu refuser ? ({d.consents.withdrawn} accord(s) retiré(s) pendant la séance.)
          </li>
          <li>
            {d.offline.counter + d.offline.paper + d.aidants.casesFiled} demande(s) sont passées par un guichet, le papier ou un·e aidant·e
            {offlineTimes.length > 0 ? ` (durée médiane : ${offlineTimes.map((t) => `${t.title}, ${t.label.toLowerCase()} : ${minutes(t.medianMinutes)}`).join(' ; ')})` : ''}. Quelles personnes ne pouvaient pas faire leur démarche seules ? Que faut-il prévoir pour elles ?
          </li>
          <li>
            {d.exchanges.failed} échange(s) ont échoué (pannes, délais dépassés). Que s’est-il passé pour les personnes qui attendaient ? Que retenez-vous de la dépendance au numérique ?
          </li>
          <li>{stuckTotal} demande(s) sont restées en brouillon. À quelle étape, et pourquoi ? Comment rendre la démarche plus simple ?</li>
          <li>Chaque échange laisse une trace dans le journal. Est-ce une protection pour l’usager, ou une surveillance ? Qui peut lire ces traces ?</li>
        </ol>
      </section>
    </>
  );
}
