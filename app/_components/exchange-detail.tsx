import Link from '@/app/_components/link';
import type { ExchangeReader } from '@/lib/platform/errors';
import type { ExchangeRow } from '@/lib/platform/journal-view';
import { ExchangeFacts, ExchangeHashes, exchangeTitle } from './exchange-list';

/**
 * One exchange in "mode expert": what its reader sees in the list, then the HTTP request the platform received (the
 * token masked) and its answer, and the entry's place in the chained journal.
 */
export function ExchangeDetail({
  row,
  reader,
  back,
  receiptHref,
}: {
  row: ExchangeRow;
  reader: ExchangeReader;
  back: { href: string; label: string };
  receiptHref?: (entryId: string) => string;
}) {
  const { entry, trace } = row;
  return (
    <>
      <p>
        <Link href={back.href}>{back.label}</Link>
      </p>
      <p className="badge">Mode expert</p>
      <h1>{exchangeTitle(entry)}</h1>
      <ExchangeFacts row={row} reader={reader} receiptHref={receiptHref} />
      <section aria-labelledby="requete" className="expert">
        <h2 id="requete">La requête reçue par l’État plateforme</h2>
        {trace ? (
          <>
            <p>Le jeton de l’organisme est masqué. La plateforme a répondu en {trace.durationMs} ms.</p>
            <pre tabIndex={0} aria-label="Requête HTTP">
              {`${trace.request.methode} ${trace.request.url}\n${Object.entries(trace.request.entetes)
                .map(([name, value]) => `${name}: ${value}`)
                .join('\n')}\n\n${JSON.stringify(trace.request.corps, null, 2)}`}
            </pre>
            <h2>La réponse</h2>
            <pre tabIndex={0} aria-label="Réponse HTTP">{`HTTP ${trace.response.statut}\n\n${JSON.stringify(trace.response.corps, null, 2)}`}</pre>
          </>
        ) : (
          <p>La plateforme n’a pas gardé la requête de cet échange : seule son entrée dans le journal reste.</p>
        )}
      </section>
      <section aria-labelledby="journal">
        <h2 id="journal">Dans le journal</h2>
        <ExchangeHashes entry={entry} />
      </section>
    </>
  );
}
