import type { Metadata } from 'next';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { agencies } from '@/db/schema';
import { requireAgent } from '@/lib/auth/guards';
import { registryNames } from '@/db/seed/reference-data';
import { ApiAccess } from '@/app/_components/api-access';
import { ExchangeList } from '@/app/_components/exchange-list';
import { habilitations } from '@/lib/platform/catalogue';
import { exchangesWithTraces } from '@/lib/platform/journal-view';
import { currentToken } from '@/lib/platform/tokens';

export const metadata: Metadata = { title: 'Espace agent' };

export default async function AgentHome() {
  const agent = await requireAgent();
  const db = getDb();
  const agency = db.select().from(agencies).where(eq(agencies.id, agent.agencyId)).get();
  const exchanges = exchangesWithTraces(db, { kind: 'organisme', classSessionId: agent.classSessionId, agency: agent.agencyId }, 50);
  const example = habilitations.find((h) => h.consommateur === agent.agencyId);
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
      <section aria-labelledby="plateforme">
        <h2 id="plateforme">Échanges de votre organisme par l’État plateforme</h2>
        <p>
          Les demandes que votre organisme a faites ou reçues, acceptées ou refusées. Ouvrez le mode expert pour voir la requête
          HTTP et la réponse.
        </p>
        {exchanges.length === 0 ? (
          <div className="empty-state">
            <p>Aucun échange pour le moment.</p>
          </div>
        ) : (
          <ExchangeList rows={exchanges} />
        )}
        <ApiAccess token={currentToken(db, agent.classSessionId, agent.agencyId)} example={example ? { fournisseur: example.fournisseur, donnees: example.donnees, finalite: example.finalite } : null} />
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
