import type { BodyToken } from '@/lib/platform/tokens';
import { exchangesUrl } from '@/lib/platform/gateway';
import { agencyShortName } from '@/lib/platform/consent-text';

/** A body's platform token with a ready-to-run example: shown only to its agents and to the teacher. */
export function ApiAccess({ token, example }: { token: BodyToken; example: { fournisseur: string; donnees: string[]; finalite: string } | null }) {
  const body = example ? JSON.stringify({ ...example, usager: '<identifiant de la personne>' }) : null;
  return (
    <details className="expert">
      <summary>Afficher le jeton d’API de l’organisme ({agencyShortName(token.agency)})</summary>
      <p>
        Ce jeton identifie l’organisme auprès de l’État plateforme. Ne le copiez pas ailleurs que dans cette séance. Jeton :{' '}
        <code className="hash">{token.token}</code>
      </p>
      {body && (
        <>
          <p>Exemple de demande avec curl :</p>
          <pre tabIndex={0} aria-label="Exemple de requête curl">
            {`curl -X POST ${exchangesUrl()} \\\n  -H 'Authorization: Bearer ${token.token}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${body}'`}
          </pre>
        </>
      )}
    </details>
  );
}
