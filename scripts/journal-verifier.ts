// npm run journal:verifier -- <reçu.json | point-de-controle.txt> [URL du serveur]
// Checks, without trusting the server, that its journal still extends a receipt or a checkpoint kept from before:
// the signatures against the published key, the inclusion and consistency proofs (RFC 9162) computed here.
// Exit code 0 when everything holds, 1 when something was removed or rewritten (or cannot be checked).
import fs from 'node:fs';
import type { JWK } from 'jose';
import type { JournalReceipt } from '../lib/platform/journal';
import { verifyAgainstLog, type Held, type LogClient } from '../lib/platform/log-verifier';

function httpLog(base: string, pinnedKeys?: JWK[]): LogClient {
  const get = async (path: string) => {
    const response = await fetch(new URL(path, base));
    const body = await response.text();
    if (!response.ok) {
      let message = body;
      try {
        message = (JSON.parse(body) as { message?: string }).message ?? body;
      } catch {
        // not JSON
      }
      throw new Error(`${response.status} : ${message}`);
    }
    return body;
  };
  const tree = (seance: string) => `/api/plateforme/v1/journal/arbre/${encodeURIComponent(seance)}`;
  return {
    keys: async () => pinnedKeys ?? (JSON.parse(await get('/api/plateforme/v1/journal/cles')) as { keys: JWK[] }).keys,
    checkpoint: async (seance) => {
      try {
        return await get(tree(seance));
      } catch (error) {
        if (/^404 /.test((error as Error).message)) return null;
        throw error;
      }
    },
    consistency: async (seance, from, to) => (JSON.parse(await get(`${tree(seance)}/consistance?de=${from}&a=${to}`)) as { preuve: string[] }).preuve,
    inclusion: async (seance, index, size) => JSON.parse(await get(`${tree(seance)}/inclusion?index=${index}&taille=${size}`)) as { empreinte_feuille: string; preuve: string[] },
  };
}

/** A receipt (JSON, alone or as an exchange's answer with `recu`) or a checkpoint (the signed note, as text). */
export function readHeld(text: string): Held {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    const parsed = JSON.parse(trimmed) as { recu?: JournalReceipt; point_de_controle?: string } & Partial<JournalReceipt>;
    if (parsed.recu) return { receipt: parsed.recu };
    if (parsed.preuve_inclusion) return { receipt: parsed as JournalReceipt };
    if (parsed.point_de_controle) return { checkpoint: parsed.point_de_controle };
    throw new Error('ce fichier JSON n’est ni un reçu ni un point de contrôle');
  }
  return { checkpoint: text.endsWith('\n') ? text : `${text}\n` };
}

async function main() {
  const args = process.argv.slice(2);
  const keysAt = args.indexOf('--cles');
  const pinned = keysAt >= 0 ? (JSON.parse(fs.readFileSync(args.splice(keysAt, 2)[1]!, 'utf8')) as { keys: JWK[] }).keys : undefined;
  const [file, base = process.env.EGUICHET_URL ?? 'http://localhost:3000'] = args;
  if (!file) {
    console.error('Usage : npm run journal:verifier -- <reçu.json | point-de-controle.txt> [URL du serveur] [--cles clés.json]');
    process.exitCode = 2;
    return;
  }
  const verdict = await verifyAgainstLog(readHeld(fs.readFileSync(file, 'utf8')), httpLog(base, pinned));
  for (const line of verdict.lines) console.log(line);
  process.exitCode = verdict.ok ? 0 : 1;
}

if (require.main === module) {
  void main().catch((error) => {
    console.error(`ÉCHEC : ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
