import type { Metadata } from 'next';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { agencies } from '@/db/schema';
import { requireAgent } from '@/lib/auth/guards';
import { registryNames } from '@/db/seed/reference-data';

export const metadata: Metadata = { title: 'Espace agent' };

export default async function AgentHome() {
  const agent = await requireAgent();
  const agency = getDb().select().from(agencies).where(eq(agencies.id, agent.agencyId)).get();
  const unit = agent.unit ? registryNames[agent.unit] : null;
  return (
    <>
      <p className="badge">Espace agent</p>
      <h1>{agency?.name ?? agent.agencyId}</h1>
      <p className="lead">
        Bonjour {agent.givenName} {agent.familyName}. Vous êtes connecté·e comme {agent.jobTitle.toLowerCase()}
        {unit ? ` (${unit})` : ''}.
      </p>
      <section aria-labelledby="mission" className="surface">
        <h2 id="mission">Le rôle de votre organisme</h2>
        <p>{agency?.mission}</p>
        <p>Vous ne voyez que les dossiers de votre organisme, dans votre séance.</p>
      </section>
      <section aria-labelledby="file">
        <h2 id="file">File d’attente</h2>
        <div className="empty-state">
          <p>Aucun dossier à traiter pour le moment.</p>
          <p>Les demandes des citoyen·nes adressées à votre organisme arriveront ici.</p>
        </div>
      </section>
    </>
  );
}
