import { countOf, formatDateTimeSeconds, formatNumber } from '@/lib/format';
import { readCheckpointUnverified } from '@/lib/platform/checkpoints';
import type { ChainVerification, JournalCheck } from '@/lib/platform/journal';

/**
 * The journal's check, as every page that reads the journal shows it, with the latest signed checkpoint: a copy kept
 * outside (printed, saved) lets anyone prove later that the journal was not cut or rewritten (npm run journal:verifier).
 * `shown`: the checkpoint in full (the debrief, printed); otherwise behind a disclosure.
 */
export function JournalState({ check, shown = false }: { check: JournalCheck | { chain: ChainVerification; whole?: undefined; pending?: undefined }; shown?: boolean }) {
  if (check.pending) return <PendingCheck {...check.pending} />;
  const { chain, whole } = check;
  const note = chain.valide ? chain.point_de_controle : null;
  const checkpoint = note ? readCheckpointUnverified(note) : null;
  const body = note && checkpoint && (
    <>
      <pre className="checkpoint" tabIndex={0} aria-label="Point de contrôle signé">
        {note}
      </pre>
      <p className="hint">
        Il résume tout le journal en une empreinte signée par l’État plateforme. Gardez-en une copie : la commande{' '}
        <code>npm run journal:verifier</code> prouvera plus tard, à partir de cette copie, qu’aucune entrée n’a été retirée ni réécrite.
      </p>
    </>
  );
  return (
    <div className="journal-state">
      <p>
        {chain.valide ? (
          <>
            Contrôle du journal de la séance : <strong>intact</strong>, {countOf(chain.entrees, 'entrée vérifiée', 'entrées vérifiées une à une')}
            {whole && whole.newer > 0 && ` (tout le journal le ${formatDateTimeSeconds(whole.at)}, puis ${whole.newer === 1 ? 'l’entrée ajoutée' : `les ${formatNumber(whole.newer)} entrées ajoutées`} depuis)`}
            {checkpoint ? ', conformes au dernier point de contrôle signé.' : '.'}
          </>
        ) : (
          <>
            Contrôle du journal de la séance : <strong>ALTÉRÉ</strong> ({chain.raison}).
          </>
        )}
      </p>
      {body &&
        (shown ? (
          <>
            <h3>Dernier point de contrôle signé du journal, le {formatDateTimeSeconds(new Date(checkpoint.signedAt))}</h3>
            {body}
          </>
        ) : (
          <details>
            <summary>
              Voir le dernier point de contrôle signé ({countOf(checkpoint.size, 'entrée', 'entrées')}, le {formatDateTimeSeconds(new Date(checkpoint.signedAt))})
            </summary>
            {body}
          </details>
        ))}
    </div>
  );
}

/** A check under way after the page's answer: more entries were appended than a page checks before it answers. */
function PendingCheck({ upTo, at, behind }: { upTo: number; at: Date | null; behind: number }) {
  return (
    <div className="journal-state">
      <p>
        Contrôle du journal de la séance : <strong>en cours</strong>.{' '}
        {at
          ? `Au dernier contrôle complet, le ${formatDateTimeSeconds(at)}, le journal comptait ${countOf(upTo, 'entrée intacte', 'entrées intactes')} ; ${countOf(behind, 'entrée ajoutée depuis est', 'entrées ajoutées depuis sont')} en cours de vérification.`
          : `${countOf(behind, 'entrée du journal est', 'entrées du journal sont')} en cours de vérification.`}{' '}
        Rechargez la page dans quelques secondes pour voir le résultat.
      </p>
    </div>
  );
}
