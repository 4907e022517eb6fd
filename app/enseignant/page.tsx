import type { Metadata } from 'next';
import { asc, count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { classSessions, personas } from '@/db/schema';
import { requireTeacher } from '@/lib/auth/guards';
import { agentsOfSession } from '@/lib/classroom/sessions';

export const metadata: Metadata = { title: 'Espace enseignant' };

export default async function TeacherHome() {
  const teacher = await requireTeacher();
  const db = getDb();
  const sessions = db.select().from(classSessions).orderBy(asc(classSessions.createdAt)).all();
  const demo = sessions.find((s) => s.isDemo);
  const personaCount = demo ? (db.select({ n: count() }).from(personas).where(eq(personas.classSessionId, demo.id)).get()?.n ?? 0) : 0;
  const agentRows = demo ? agentsOfSession(db, demo.id) : [];
  return (
    <>
      <p className="badge">Espace enseignant</p>
      <h1>Bonjour</h1>
      <p className="lead">Vous êtes connecté·e avec le compte {teacher.email}.</p>

      <section aria-labelledby="seances">
        <h2 id="seances">Vos séances</h2>
        <table>
          <caption>Séances disponibles</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Code pour rejoindre</th>
              <th scope="col">Monde simulé</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id}>
                <td>{s.name}</td>
                <td>
                  <code>{s.joinCode}</code>
                </td>
                <td>{s.isDemo ? `${personaCount} personnes fictives, ${agentRows.length} comptes d’agents` : 'Copie du monde de référence'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="agents">
        <h2 id="agents">Comptes d’agents de la séance de démonstration</h2>
        <p>Les élèves qui jouent un agent se connectent avec ProConnect (simulé) et choisissent l’un de ces comptes.</p>
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
      </section>
    </>
  );
}
