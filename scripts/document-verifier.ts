// npm run document:verifier -- <document.pdf> [URL du serveur] [--cles clés.json]
// Checks an e-Guichet PDF as a 2D-Doc reader would: the seal's signature against the published keys, then the text
// printed on the page beside the data the seal carries, field by field. With --cles (the key set saved once from
// /api/documents/cles) nothing goes online; otherwise the keys and the revocation are read from the server.
// Exit code 0 when the page matches its seal, 1 when it differs or cannot be checked.
import fs from 'node:fs';
import type { JWK } from 'jose';
import { checkDocumentPdf } from '../lib/documents/pdf-check';
import { countOf } from '../lib/format';

const quote = (text: string | null) => (text === null ? '(absent de la page)' : `« ${text} »`);

async function main() {
  const args = process.argv.slice(2);
  const keysAt = args.indexOf('--cles');
  const pinned = keysAt >= 0 ? (JSON.parse(fs.readFileSync(args.splice(keysAt, 2)[1]!, 'utf8')) as { keys: JWK[] }).keys : undefined;
  const [file, base = pinned ? undefined : (process.env.EGUICHET_URL ?? 'http://localhost:3000')] = args;
  if (!file) {
    console.error('Usage : npm run document:verifier -- <document.pdf> [URL du serveur] [--cles clés.json]');
    process.exitCode = 2;
    return;
  }
  const keys = pinned ?? ((await (await fetch(new URL('/api/documents/cles', base))).json()) as { keys: JWK[] }).keys;
  console.log(pinned ? 'Clés : celles du fichier donné (--cles), rien n’est demandé en ligne.' : `Clés : lues sur ${base}/api/documents/cles.`);
  const result = await checkDocumentPdf(new Uint8Array(fs.readFileSync(file)), keys);
  if (!('champs' in result)) {
    console.log(`ÉCHEC : ${result.raison}`);
    process.exitCode = 1;
    return;
  }
  console.log(`Sceau valide : document ${result.claims.jti} (${result.claims.typ}), signé par ${result.claims.iss}, clé ${result.kid ?? '?'}.`);
  console.log('Ce que dit le sceau, et ce qui est écrit sur la page :');
  for (const c of result.champs) {
    console.log(c.identique ? `  ✓ ${c.libelle} : ${quote(c.scelle)}` : `  ✗ ${c.libelle} : le sceau dit ${quote(c.scelle)}, la page ${quote(c.page)}`);
  }
  if (result.ok) console.log('Résultat : la page correspond à son sceau.');
  else console.log(`ÉCHEC : la page ne correspond pas à son sceau (${countOf(result.differences, 'différence', 'différences')}) : ce document a été modifié, ne vous y fiez pas.`);
  if (base) {
    const online = await fetch(new URL(`/api/documents/${encodeURIComponent(result.claims.jti)}/verification`, base)).then((r) => (r.ok ? (r.json() as Promise<{ revoque: boolean }>) : null), () => null);
    console.log(online === null ? 'Révocation : le serveur ne connaît pas ce document.' : online.revoque ? 'Révocation : CE DOCUMENT A ÉTÉ RÉVOQUÉ par son émetteur.' : 'Révocation : non révoqué (vérifié en ligne).');
    if (online?.revoque || online === null) process.exitCode = 1;
  } else console.log('Révocation : non vérifiée (hors ligne) ; elle se vérifie en ligne, sur la page du code QR.');
  process.exitCode ??= result.ok ? 0 : 1;
}

if (require.main === module) {
  void main().catch((error) => {
    console.error(`ÉCHEC : ${(error as Error).message}`);
    process.exitCode = 1;
  });
}
