import type { Metadata } from 'next';
import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { documentsOf } from '@/lib/documents/documents';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Mon coffre-fort' };


export default async function VaultPage() {
  const persona = await requireCitizen();
  const db = database();
  await runDueInstruction(db, persona.classSessionId);
  const docs = await documentsOf(db, persona.id);
  return (
    <>
      <p>
        <Link href="/citoyen">Retour au tableau de bord</Link>
      </p>
      <h1>Mon coffre-fort</h1>
      <p className="lead">Les documents délivrés par les administrations et les accusés de réception de vos demandes.</p>
      <p>
        Chaque document est scellé : son code QR mène à une page qui dit s’il est authentique. Une seule lettre changée, et la
        vérification échoue.
      </p>
      {docs.length === 0 ? (
        <div className="empty-state">
          <p>Votre coffre-fort est vide pour le moment.</p>
        </div>
      ) : (
        <table className="stack">
          <caption>Mes documents ({docs.length})</caption>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Délivré par</th>
              <th scope="col">Le</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id}>
                <td data-label="Document">{d.title}</td>
                <td data-label="Délivré par">{d.issuerLabel}</td>
                <td data-label="Le">{formatDateTime(d.issuedAt)}</td>
                <td data-label="Actions">
                  <a href={`/citoyen/coffre-fort/${d.id}/pdf`} download>
                    Télécharger<span className="visually-hidden"> : {d.title}</span>
                  </a>
                  {' · '}
                  <Link href={`/verifier/${d.id}`}>
                    Vérifier<span className="visually-hidden"> : {d.title}</span>
                  </Link>
                  {d.caseId && (
                    <>
                      {' · '}
                      <Link href={`/citoyen/dossiers/${d.caseId}`}>
                        Voir la demande<span className="visually-hidden"> : {d.title}</span>
                      </Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
