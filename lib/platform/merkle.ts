import crypto from 'node:crypto';

// The journal as a Merkle tree, as in RFC 9162 (Certificate Transparency 2.0), section 2.1: SHA-256, a leaf is
// hashed with a 0x00 prefix and an inner node with 0x01, so that no leaf can pass for a node. A tree head (the root of
// the first n leaves) commits to every one of them; an inclusion proof shows that one leaf is among them, and a
// consistency proof that an older head is a prefix of a newer one (nothing removed or rewritten since).

export type Hash = Buffer;
const hashLength = 32;

const sha256 = (...parts: Uint8Array[]) => {
  const h = crypto.createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** MTH({}) : the hash of an empty tree. */
export const emptyRoot: Hash = sha256();

export function leafHash(data: Uint8Array): Hash {
  return sha256(Buffer.from([0x00]), data);
}

export function nodeHash(left: Hash, right: Hash): Hash {
  if (left.length !== hashLength || right.length !== hashLength) throw new TypeError('a node hash needs two 32-byte hashes');
  return sha256(Buffer.from([0x01]), left, right);
}

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function checkLeaves(leaves: readonly Hash[]) {
  if (!Array.isArray(leaves) || leaves.some((l) => !Buffer.isBuffer(l) || l.length !== hashLength)) throw new TypeError('leaves must be 32-byte hashes');
}

/** MTH(D[n]): the root of a tree whose leaves' hashes are given, in order. */
export function rootOf(leaves: readonly Hash[]): Hash {
  checkLeaves(leaves);
  if (leaves.length === 0) return emptyRoot;
  // The perfect subtrees of the size's binary decomposition, folded from the right (RFC 9162's recursion, unrolled).
  let frontier: Hash[] = [];
  leaves.forEach((leaf, i) => (frontier = appendToFrontier(frontier, i, leaf)));
  return rootOfFrontier(frontier);
}

/**
 * The roots of the perfect subtrees that make a tree of `size` leaves (largest first): what a log keeps to add a
 * leaf and know its new root in O(log n), without reading the older leaves.
 */
export function appendToFrontier(frontier: readonly Hash[], size: number, leaf: Hash): Hash[] {
  const next = [...frontier];
  let h = leaf;
  for (let s = size; s % 2 === 1; s = Math.floor(s / 2)) h = nodeHash(next.pop()!, h);
  next.push(h);
  return next;
}

export function rootOfFrontier(frontier: readonly Hash[]): Hash {
  if (frontier.length === 0) return emptyRoot;
  let h = frontier[frontier.length - 1]!;
  for (let i = frontier.length - 2; i >= 0; i--) h = nodeHash(frontier[i]!, h);
  return h;
}

/** PATH(m, D[n]): the inclusion proof of leaf `index` in the tree of the first `size` leaves. */
export function inclusionProof(leaves: readonly Hash[], index: number, size = leaves.length): Hash[] {
  checkLeaves(leaves);
  if (!Number.isInteger(size) || size < 1 || size > leaves.length) throw new RangeError('no such tree size');
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError('no such leaf in this tree');
  const path = (m: number, from: number, n: number): Hash[] => {
    if (n === 1) return [];
    const k = split(n);
    return m < k ? [...path(m, from, k), rootOf(leaves.slice(from + k, from + n))] : [...path(m - k, from + k, n - k), rootOf(leaves.slice(from, from + k))];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[n]): the consistency proof between the tree of the first m leaves and that of the first n. */
export function consistencyProof(leaves: readonly Hash[], m: number, n = leaves.length): Hash[] {
  checkLeaves(leaves);
  if (!Number.isInteger(n) || n > leaves.length || !Number.isInteger(m) || m < 0 || m > n) throw new RangeError('no such pair of tree sizes');
  if (m === 0 || m === n) return [];
  const subproof = (m: number, from: number, n: number, whole: boolean): Hash[] => {
    if (m === n) return whole ? [] : [rootOf(leaves.slice(from, from + n))];
    const k = split(n);
    return m <= k
      ? [...subproof(m, from, k, whole), rootOf(leaves.slice(from + k, from + n))]
      : [...subproof(m - k, from + k, n - k, false), rootOf(leaves.slice(from, from + k))];
  };
  return subproof(m, 0, n, true);
}

const isHash = (h: unknown): h is Hash => Buffer.isBuffer(h) && h.length === hashLength;

/** RFC 9162, 2.1.3.2: does `proof` show that `leaf` is leaf `index` of the tree of `size` leaves whose root is `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (!isHash(leaf) || !isHash(root) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else r = nodeHash(r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162, 2.1.4.2: does `proof` show that the tree of `m` leaves (root `first`) is a prefix of that of `n` (root `second`)? */
export function verifyConsistency(m: number, n: number, first: Hash, second: Hash, proof: readonly Hash[]): boolean {
  if (!isHash(first) || !isHash(second) || !Array.isArray(proof) || !proof.every(isHash)) return false;
  if (!Number.isInteger(m) || !Number.isInteger(n) || m < 0 || m > n) return false;
  if (m === n) return proof.length === 0 && first.equals(second);
  if (m === 0) return proof.length === 0 && first.equals(emptyRoot);
  if (proof.length === 0) return false;
  // If m is a power of two, the first tree's root is the proof's implicit first element.
  const path = (m & (m - 1)) === 0 ? [first, ...proof] : [...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) [fn, sn] = [Math.floor(fn / 2), Math.floor(sn / 2)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn / 2, Math.floor(sn / 2)];
    } else sr = nodeHash(sr, c);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(first) && sr.equals(second) && sn === 0;
}
