import type { Metadata } from 'next';
import { Fragment } from 'react';
import { database } from '@/db/engine';
import { verifyDocument } from '@/lib/documents/documents';
import { checkFileAction } from './actions';
import { FileCheckForm } from './file-check';
import { maxVerifiedPdfBytes, tooLargeParam } from '@/lib/uploads/limits';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Vérifier un document' };


/** Public (QR code target): says in plain French whether a document is authentic, altered or revoked. */
export default async function VerifyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const tooLarge = (await searchParams)[tooLargeParam] === '1';
  const { id } = await params;
  const result = await verifyDocument(database(), id);
  return (
    <>
      <h1>Vérifier un document</h1>
      {!result ? (
        <div className="notice notice--error" role="status">
          <p>
            <strong>Document inconnu.</strong> Aucun document e-Guichet ne porte ce numéro. S’il prétend venir d’e-Guichet, c’est un
            faux.
          </p>
        </div>
      ) : (
        <>
          <div className={`notice ${result.authentique ? 'notice--success' : 'notice--error'}`} role="status">
            <p>
              <strong>
                {result.authentique ? 'Document authentique.' : result.revoque ? 'Document révoqué.' : 'Document altéré : ne vous y fiez pas.'}
              </strong>{' '}
              {result.authentique ? 'Il a bien été délivré par e-Guichet (simulation) et n’a pas été modifié depuis.' : result.raison}
            </p>
          </div>
          {result.donnees_scellees ? (
            <section aria-labelledby="scelle">
              <h2 id="scelle">Ce que dit le sceau : comparez avec le papier</h2>
              <p>
                Ces informations viennent du sceau lui-même (la signature électronique), pas du papier. Chaque ligne doit être
                identique sur le document qu’on vous présente : si une seule diffère, il a été modifié.
              </p>
              <dl className="facts">
                <dt>Document</dt>
                <dd>{result.donnees_scellees.titre}</dd>
                <dt>Délivré par</dt>
                <dd>{result.donnees_scellees.emetteur}</dd>
                <dt>Le</dt>
                <dd>{formatDateTime(new Date(result.donnees_scellees.delivre_le))}</dd>
                {result.donnees_scellees.champs.map((champ, i) => (
                  <Fragment key={i}>
                    <dt>{champ.libelle}</dt>
                    <dd className={champ.occulte ? 'redacted' : undefined}>{champ.valeur}</dd>
                  </Fragment>
                ))}
                <dt>Numéro</dt>
                <dd>
                  <code>{id}</code>
                </dd>
              </dl>
            </section>
          ) : (
            <dl className="facts">
              <dt>Document</dt>
              <dd>{result.titre}</dd>
              <dt>Délivré par</dt>
              <dd>{result.emetteur}</dd>
              <dt>Le</dt>
              <dd>{formatDateTime(new Date(result.emis_le))}</dd>
              <dt>Numéro</dt>
              <dd>
                <code>{id}</code>
              </dd>
            </dl>
          )}
          <h2>Comparer un fichier</h2>
          <p>Quelqu’un vous présente ce document en PDF ? Vérifiez qu’il n’a pas été retouché.</p>
          <FileCheckForm check={checkFileAction.bind(null, id)} maxBytes={maxVerifiedPdfBytes} tooLarge={tooLarge} />
        </>
      )}
      <aside className="en-vrai" aria-labelledby="en-vrai">
        <h2 id="en-vrai">En vrai</h2>
        <p>
          Certains documents officiels portent un code (le « 2D-Doc ») qui contient les informations du document et leur
          signature électronique : un lecteur compare ce que dit le code avec ce qui est imprimé, sans rien demander à
          personne. Ici, le sceau est dans le PDF ; la commande <code>npm run document:verifier</code> fait cette
          comparaison hors ligne, avec la clé publique d’e-Guichet publiée à l’adresse /api/documents/cles.
        </p>
      </aside>
    </>
  );
}
