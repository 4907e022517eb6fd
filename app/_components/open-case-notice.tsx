import Link from '@/app/_components/link';
import { database } from '@/db/engine';
import type { ProcedureId } from '@/db/schema';
import { openCaseOf } from '@/lib/procedures/engine/cases';
import type { Persona } from '@/lib/procedures/engine/types';

/**
 * Starting a procedure that already has an open case offers to resume it (issue 16): a draft to finish, or a request
 * already sent to follow. The server never makes a second one anyway (`startCase`).
 */
export async function OpenCaseNotice({ persona, procedure }: { persona: Persona; procedure: ProcedureId }) {
  const open = await openCaseOf(database(), persona.id, procedure);
  if (!open) return null;
  const draft = open.state === 'brouillon';
  return (
    <div className="notice" role="status">
      <p>{draft ? 'Vous avez déjà commencé cette démarche. Vos réponses sont gardées.' : `Vous avez déjà une demande en cours${open.receiptNumber ? ` (n° ${open.receiptNumber})` : ''}.`}</p>
      <p>
        <Link className="button" href={`/citoyen/dossiers/${open.id}`}>
          {draft ? 'Reprendre ma demande' : 'Voir ma demande en cours'}
        </Link>
      </p>
    </div>
  );
}
