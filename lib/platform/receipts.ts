import type { JWK } from 'jose';
import { checkpointOrigin, verifyCheckpoint, type Checkpoint } from './checkpoints';
import { contentLeafHash, type JournalReceipt } from './journal';
import { verifyInclusion } from './merkle';

// Checking a receipt needs no database and no trust in the server: the published key, and the receipt itself.
// (A journal that later drops or rewrites the entry is caught by a consistency proof from this checkpoint on.)

export type ReceiptCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

const hex = /^[0-9a-f]{64}$/;

export function verifyReceipt(receipt: JournalReceipt, keys: JWK[]): ReceiptCheck {
  if (
    !receipt ||
    typeof receipt !== 'object' ||
    !Array.isArray(receipt.preuve_inclusion) ||
    typeof receipt.point_de_controle !== 'string' ||
    typeof receipt.seance !== 'string' ||
    !Number.isInteger(receipt.index) ||
    !receipt.contenu ||
    typeof receipt.contenu !== 'object'
  ) {
    return { ok: false, reason: 'reçu mal formé' };
  }
  const signed = verifyCheckpoint(receipt.point_de_controle, keys);
  if (!signed.ok) return signed;
  const { checkpoint } = signed;
  if (checkpoint.origin !== checkpointOrigin(receipt.seance)) return { ok: false, reason: 'le point de contrôle est celui d’une autre séance' };
  const leaf = contentLeafHash(receipt.contenu);
  if (!hex.test(receipt.empreinte_feuille ?? '') || leaf.toString('hex') !== receipt.empreinte_feuille) return { ok: false, reason: 'le contenu ne correspond pas à l’empreinte de l’entrée' };
  if (receipt.contenu.sequence !== receipt.index + 1 || receipt.contenu.id !== receipt.entree) return { ok: false, reason: 'l’entrée décrite n’est pas celle du reçu' };
  if (!receipt.preuve_inclusion.every((h) => hex.test(h))) return { ok: false, reason: 'preuve d’inclusion mal formée' };
  const proof = receipt.preuve_inclusion.map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(leaf, receipt.index, checkpoint.size, proof, checkpoint.rootHash)) return { ok: false, reason: 'l’entrée n’est pas dans l’arbre signé (preuve d’inclusion fausse)' };
  return { ok: true, checkpoint };
}
