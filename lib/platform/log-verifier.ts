import type { JWK } from 'jose';
import { countOf, formatNumber } from '../format';
import { seanceOfOrigin, verifyCheckpoint, type Checkpoint } from './checkpoints';
import type { JournalReceipt } from './journal';
import { verifyConsistency, verifyInclusion } from './merkle';
import { verifyReceipt } from './receipts';

// What `npm run journal:verifier` and POST /api/plateforme/v1/journal/verification check, given a receipt or a
// checkpoint someone kept: that the journal the server holds *now* still extends it. The server is asked for proofs
// only; every hash and signature is checked here, against the published key.

/** How the verifier reaches a log: over HTTP (the command) or in the server itself (the endpoint). */
export type LogClient = {
  keys(): Promise<JWK[]>;
  checkpoint(seance: string): Promise<string | null>;
  consistency(seance: string, from: number, to: number): Promise<string[]>;
  inclusion(seance: string, index: number, size: number): Promise<{ empreinte_feuille: string; preuve: string[] }>;
};

export type Held = { receipt: JournalReceipt } | { checkpoint: string };
export type LogVerdict = { ok: boolean; lines: string[] };

const fromHex = (list: string[]) => list.map((h) => Buffer.from(h, 'hex'));

export async function verifyAgainstLog(held: Held, log: LogClient): Promise<LogVerdict> {
  const lines: string[] = [];
  const fail = (line: string): LogVerdict => ({ ok: false, lines: [...lines, `ÉCHEC : ${line}`] });
  const keys = await log.keys();

  // 1. What was kept, checked alone.
  let old: Checkpoint;
  if ('receipt' in held) {
    const check = verifyReceipt(held.receipt, keys);
    if (!check.ok) return fail(`le reçu ne se vérifie pas (${check.reason}).`);
    old = check.checkpoint;
    lines.push(`Reçu valide : l’entrée ${held.receipt.index + 1} (${held.receipt.contenu.consommateur} → ${held.receipt.contenu.fournisseur}, ${held.receipt.contenu.resultat}) figure dans l’arbre signé de ${countOf(old.size, 'entrée', 'entrées')}.`);
  } else {
    const check = verifyCheckpoint(held.checkpoint, keys);
    if (!check.ok) return fail(`le point de contrôle gardé ne se vérifie pas (${check.reason}).`);
    old = check.checkpoint;
    lines.push(`Point de contrôle gardé valide : ${countOf(old.size, 'entrée', 'entrées')}, signé le ${old.signedAt}.`);
  }
  const seance = seanceOfOrigin(old.origin);

  // 2. The journal as the server holds it now: its latest checkpoint, signed with the same key.
  const note = await log.checkpoint(seance);
  if (!note) return fail('le serveur n’a plus aucun point de contrôle pour cette séance : son journal a été vidé.');
  const latest = verifyCheckpoint(note, keys);
  if (!latest.ok) return fail(`le dernier point de contrôle du serveur ne se vérifie pas (${latest.reason}) : il a été remplacé ou altéré.`);
  const now = latest.checkpoint;
  if (now.origin !== old.origin) return fail('le serveur répond pour une autre séance.');
  if (now.size < old.size) return fail(`le journal compte ${countOf(now.size, 'entrée signée', 'entrées signées')}, moins que les ${formatNumber(old.size)} de votre copie : des entrées ont été retirées.`);

  // 3. The newer tree extends the older: nothing removed or rewritten in between.
  let consistency: string[];
  try {
    consistency = await log.consistency(seance, old.size, now.size);
  } catch (error) {
    return fail(`le serveur ne peut pas prouver que son journal prolonge votre copie (${(error as Error).message}) : des entrées ont été retirées ou réécrites.`);
  }
  if (!verifyConsistency(old.size, now.size, old.rootHash, now.rootHash, fromHex(consistency))) {
    return fail('le journal actuel ne prolonge pas votre copie : son histoire a été réécrite.');
  }

  // 4. The entries the server holds now are those its latest checkpoint signed (its last one is provable from them),
  // and the kept entry is among them.
  const probes = [now.size - 1, ...('receipt' in held ? [held.receipt.index] : [])];
  for (const index of probes) {
    let answer: { empreinte_feuille: string; preuve: string[] };
    try {
      answer = await log.inclusion(seance, index, now.size);
    } catch (error) {
      return fail(`le serveur ne peut plus prouver l’entrée ${index + 1} de son propre point de contrôle (${(error as Error).message}) : des entrées ont été retirées.`);
    }
    if ('receipt' in held && index === held.receipt.index && answer.empreinte_feuille !== held.receipt.empreinte_feuille) {
      return fail(`l’entrée ${index + 1} n’est plus celle de votre reçu : elle a été modifiée.`);
    }
    if (!verifyInclusion(Buffer.from(answer.empreinte_feuille, 'hex'), index, now.size, fromHex(answer.preuve), now.rootHash)) {
      return fail(`les entrées que le serveur garde ne donnent plus la racine qu’il a signée (entrée ${index + 1}) : le journal a été modifié.`);
    }
  }
  lines.push(`Le journal du serveur (${countOf(now.size, 'entrée', 'entrées')}, signé le ${now.signedAt}) prolonge votre copie : rien n’a été retiré ni réécrit.`);
  return { ok: true, lines };
}
