import Link from '@/app/_components/link';
import { agencyShortName, itemLabel, purposeLabel } from '@/lib/platform/consent-text';
import { reasonLabel, type ExchangeReader } from '@/lib/platform/errors';
import { formatDateTimeSeconds, countOf } from '@/lib/format';
import { readCheckpointUnverified } from '@/lib/platform/checkpoints';
import { receiptOf, type ExchangeRow } from '@/lib/platform/journal-view';

const basisLabel = (basis: string | null, reader: ExchangeReader) =>
  basis === 'consentement' ? (reader === 'personne' ? 'votre accord' : 'l’accord de la personne') : basis === 'mission_de_service_public' ? 'la loi (mission de service public)' : 'aucune (pas d’habilitation)';

function resultText(row: ExchangeRow['entry'], reader: ExchangeReader): { label: string; tone: 'ok' | 'refused' | 'unknown' | 'failed' } {
  if (row.result === 'accorde') return { label: 'Données transmises', tone: 'ok' };
  const why = reasonLabel(row.reason, reader);
  if (row.result === 'inconnu') return { label: `Aucune donnée : ${why}`, tone: 'unknown' };
  return row.result === 'refuse' ? { label: `Refusé : ${why}`, tone: 'refused' } : { label: `Échec : ${why}`, tone: 'failed' };
}

/** "Ville a demandé à SIV : Véhicules immatriculés": an exchange's heading, in a list or on its own page. */
export function exchangeTitle(entry: ExchangeRow['entry']): string {
  return `${agencyShortName(entry.consumer)} a demandé à ${agencyShortName(entry.provider)} : ${entry.items.map(itemLabel).join(', ')}`;
}

/** When, why, on which basis, with what result; the signed receipt to download when `receiptHref` is given. */
export function ExchangeFacts({ row: { entry, trace, caseNumber }, reader, receiptHref }: { row: ExchangeRow; reader: ExchangeReader; receiptHref?: (entryId: string) => string }) {
  const result = resultText(entry, reader);
  const receipt = receiptHref ? receiptOf(trace) : null;
  const checkpoint = receipt ? readCheckpointUnverified(receipt.point_de_controle) : null;
  return (
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
          {/* A case asked about while a draft is named by its number once sent. */}
          <dd>{caseNumber === undefined ? entry.caseId : (caseNumber ?? 'la demande en préparation (pas encore de numéro)')}</dd>
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
  );
}

/** The entry's place in the chained journal: its number, its hash and the one before. */
export function ExchangeHashes({ entry }: { entry: ExchangeRow['entry'] }) {
  return (
    <p className="hash">
      {`Entrée n°\u00a0${entry.sequence} du journal.`} Empreinte : <code>{entry.hash}</code>
      <br />
      Empreinte précédente : <code>{entry.previousHash}</code>
    </p>
  );
}

/**
 * Exchanges as their reader reads them (the person they are about says "vous"; an agent, an auditor or the teacher
 * reads "la personne"). With `expertHref`, each links to its "mode expert" page (the HTTP request and response): a list
 * of twenty or fifty exchanges stays light to send and to refresh live. Without it (the auditors' journal, which has no traces),
 * each folds its place in the journal under "Mode expert".
 */
export function ExchangeList({
  rows,
  reader,
  headingLevel = 3,
  receiptHref,
  expertHref,
}: {
  rows: ExchangeRow[];
  reader: ExchangeReader;
  headingLevel?: 2 | 3 | 4;
  /** Where the reader downloads an exchange's signed receipt (Mes données): shown with each exchange when given. */
  receiptHref?: (entryId: string) => string;
  /** The exchange's own page in the reader's space, with the request and the response. */
  expertHref?: (entryId: string) => string;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="exchanges">
      {rows.map((row) => (
        <li key={row.entry.id} className={`exchange exchange--${resultText(row.entry, reader).tone}`}>
          <Heading>{exchangeTitle(row.entry)}</Heading>
          <ExchangeFacts row={row} reader={reader} receiptHref={receiptHref} />
          {expertHref ? (
            <p className="expert-link">
              <Link href={expertHref(row.entry.id)}>{`Mode expert : la requête et la réponse (entrée n°\u00a0${row.entry.sequence})`}</Link>
            </p>
          ) : (
            <details className="expert">
              <summary>Mode expert : la place de l’échange dans le journal</summary>
              <ExchangeHashes entry={row.entry} />
            </details>
          )}
        </li>
      ))}
    </ol>
  );
}
