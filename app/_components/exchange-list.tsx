import type { exchangeTraces, journalEntries } from '@/db/schema';
import { agencyShortName, itemLabel, purposeLabel } from '@/lib/platform/consent-text';
import { reasonLabel, type ExchangeReader } from '@/lib/platform/errors';
import { formatDateTimeSeconds, countOf } from '@/lib/format';
import { readCheckpointUnverified } from '@/lib/platform/checkpoints';
import { receiptOf } from '@/lib/platform/journal-view';

type Row = { entry: typeof journalEntries.$inferSelect; trace: typeof exchangeTraces.$inferSelect | null };

const basisLabel = (basis: string | null, reader: ExchangeReader) =>
  basis === 'consentement' ? (reader === 'personne' ? 'votre accord' : 'l’accord de la personne') : basis === 'mission_de_service_public' ? 'la loi (mission de service public)' : 'aucune (pas d’habilitation)';

function resultText(row: Row['entry'], reader: ExchangeReader): { label: string; tone: 'ok' | 'refused' | 'failed' } {
  if (row.result === 'accorde') return { label: 'Données transmises', tone: 'ok' };
  const why = reasonLabel(row.reason, reader);
  return row.result === 'refuse' ? { label: `Refusé : ${why}`, tone: 'refused' } : { label: `Échec : ${why}`, tone: 'failed' };
}

/**
 * Exchanges as their reader reads them (the person they are about says "vous"; an agent, an auditor or the teacher
 * reads "la personne"), each with its "mode expert" panel (the HTTP request and response).
 */
export function ExchangeList({
  rows,
  reader,
  headingLevel = 3,
  receiptHref,
}: {
  rows: Row[];
  reader: ExchangeReader;
  headingLevel?: 2 | 3 | 4;
  /** Where the reader downloads an exchange's signed receipt (Mes données): shown with each exchange when given. */
  receiptHref?: (entryId: string) => string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="exchanges">
      {rows.map(({ entry, trace }) => {
        const result = resultText(entry, reader);
        const receipt = receiptHref ? receiptOf(trace) : null;
        const checkpoint = receipt ? readCheckpointUnverified(receipt.point_de_controle) : null;
        return (
          <li key={entry.id} className={`exchange exchange--${result.tone}`}>
            <Heading>
              {agencyShortName(entry.consumer)} a demandé à {agencyShortName(entry.provider)} : {entry.items.map(itemLabel).join(', ')}
            </Heading>
            <dl className="facts">
              <dt>Quand</dt>
              <dd>
                <time dateTime={entry.recordedAt}>{formatDateTimeSeconds(new Date(entry.recordedAt))}</time>
              </dd>
              <dt>Pourquoi</dt>
              <dd>{purposeLabel(entry.purpose)}</dd>
              <dt>Sur quelle base</dt>
              <dd>{basisLabel(entry.legalBasis, reader)}</dd>
              <dt>Résultat</dt>
              <dd>
                <strong>{result.label}</strong>
              </dd>
              {entry.caseId && (
                <>
                  <dt>Dossier</dt>
                  <dd>{entry.caseId}</dd>
                </>
              )}
              {receipt && receiptHref && (
                <>
                  <dt>Reçu signé</dt>
                  <dd>
                    {`Entrée n°\u00a0${receipt.index + 1} du journal`}
                    {checkpoint && `, incluse dans le point de contrôle signé le ${formatDateTimeSeconds(new Date(checkpoint.signedAt))} (${countOf(checkpoint.size, 'entrée', 'entrées')})`}.{' '}
                    <a href={receiptHref(entry.id)} download>
                      {`Télécharger le reçu n°\u00a0${receipt.index + 1} (JSON)`}
                    </a>
                  </dd>
                </>
              )}
            </dl>
            <details className="expert">
              <summary>Mode expert : la requête et la réponse vues par la plateforme</summary>
              {trace ? (
                <>
                  <p>
                    Requête HTTP (le jeton est masqué), reçue par l’État plateforme, et sa réponse en {trace.durationMs} ms :
                  </p>
                  <pre tabIndex={0} aria-label="Requête HTTP">
                    {`${trace.request.methode} ${trace.request.url}\n${Object.entries(trace.request.entetes)
                      .map(([name, value]) => `${name}: ${value}`)
                      .join('\n')}\n\n${JSON.stringify(trace.request.corps, null, 2)}`}
                  </pre>
                  <pre tabIndex={0} aria-label="Réponse HTTP">{`HTTP ${trace.response.statut}\n\n${JSON.stringify(trace.response.corps, null, 2)}`}</pre>
                </>
              ) : (
                <p>Pas de trace pour cet échange.</p>
              )}
              <p className="hash">
                {`Entrée n°\u00a0${entry.sequence} du journal.`} Empreinte : <code>{entry.hash}</code>
                <br />
                Empreinte précédente : <code>{entry.previousHash}</code>
              </p>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
