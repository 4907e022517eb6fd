import { describe, expect, it } from 'vitest';
import { appendToFrontier, consistencyProof, emptyRoot, inclusionProof, leafHash, rootOf, rootOfFrontier, verifyConsistency, verifyInclusion, type Hash } from './merkle';

// Test vectors of Certificate Transparency's reference implementation (RFC 6962, whose tree RFC 9162 keeps): eight
// leaves, the root of each prefix, two inclusion and two consistency proofs.
const hex = (h: Hash) => h.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');
const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
const leaves = data.map(leafHash);
const roots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const inclusionVectors = [
  { index: 0, size: 8, proof: ['96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7', '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { index: 5, size: 8, proof: ['bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];
const consistencyVectors = [
  { first: 2, second: 8, proof: ['5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e', '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4'] },
  { first: 6, second: 8, proof: ['0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a', 'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0', 'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7'] },
];

describe('Merkle tree (RFC 9162), against the reference vectors', () => {
  it('gives the reference root for every size from 0 to 8, directly and leaf by leaf', () => {
    let frontier: Hash[] = [];
    expect(hex(emptyRoot)).toBe(roots[0]);
    for (let n = 0; n <= 8; n++) {
      expect(hex(rootOf(leaves.slice(0, n))), `size ${n}`).toBe(roots[n]);
      expect(hex(rootOfFrontier(frontier)), `frontier of size ${n}`).toBe(roots[n]);
      if (n < 8) frontier = appendToFrontier(frontier, n, leaves[n]!);
    }
  });

  it.each(inclusionVectors)('inclusion proof of leaf $index in $size', ({ index, size, proof }) => {
    expect(inclusionProof(leaves, index, size).map(hex)).toEqual(proof);
    expect(verifyInclusion(leaves[index]!, index, size, proof.map(unhex), unhex(roots[size]!))).toBe(true);
  });

  it.each(consistencyVectors)('consistency proof from $first to $second', ({ first, second, proof }) => {
    expect(consistencyProof(leaves, first, second).map(hex)).toEqual(proof);
    expect(verifyConsistency(first, second, unhex(roots[first]!), unhex(roots[second]!), proof.map(unhex))).toBe(true);
  });
});

describe('Merkle tree: every proof of every shape', () => {
  const many = Array.from({ length: 40 }, (_, i) => leafHash(Buffer.from(`entrée ${i}`)));
  const rootAt = Array.from({ length: many.length + 1 }, (_, n) => rootOf(many.slice(0, n)));
  const flip = (h: Hash) => {
    const copy = Buffer.from(h);
    copy[5]! ^= 0x01;
    return copy;
  };

  it('each leaf is proven in each tree that holds it, and a changed leaf, proof, index or root is not', () => {
    for (let n = 1; n <= many.length; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(many, i, n);
        expect(verifyInclusion(many[i]!, i, n, proof, rootAt[n]!), `${i} in ${n}`).toBe(true);
        expect(verifyInclusion(flip(many[i]!), i, n, proof, rootAt[n]!)).toBe(false);
        expect(verifyInclusion(many[i]!, i, n, proof, flip(rootAt[n]!))).toBe(false);
        if (n > 1) expect(verifyInclusion(many[i]!, (i + 1) % n, n, proof, rootAt[n]!)).toBe(false);
        if (proof.length > 0) {
          expect(verifyInclusion(many[i]!, i, n, [...proof.slice(0, -1), flip(proof.at(-1)!)], rootAt[n]!)).toBe(false);
          expect(verifyInclusion(many[i]!, i, n, proof.slice(0, -1), rootAt[n]!)).toBe(false);
        }
        expect(verifyInclusion(many[i]!, i, n, [...proof, many[0]!], rootAt[n]!)).toBe(false);
      }
    }
  });

  it('each older tree is proven a prefix of each newer one; a rewritten or shortened history is not', () => {
    for (let n = 1; n <= many.length; n++) {
      for (let m = 0; m <= n; m++) {
        const proof = consistencyProof(many, m, n);
        expect(verifyConsistency(m, n, rootAt[m]!, rootAt[n]!, proof), `${m} → ${n}`).toBe(true);
        if (m > 0 && m < n) {
          expect(verifyConsistency(m, n, flip(rootAt[m]!), rootAt[n]!, proof)).toBe(false);
          expect(verifyConsistency(m, n, rootAt[m]!, flip(rootAt[n]!), proof)).toBe(false);
          expect(verifyConsistency(m, n, rootAt[m]!, rootAt[n]!, [flip(proof[0]!), ...proof.slice(1)])).toBe(false);
          expect(verifyConsistency(m, n, rootAt[m]!, rootAt[n]!, proof.slice(0, -1))).toBe(false);
        }
      }
      // The same size twice: only the same root, with nothing to prove.
      expect(verifyConsistency(n, n, rootAt[n]!, rootAt[n]!, [])).toBe(true);
      expect(verifyConsistency(n, n, rootAt[n]!, flip(rootAt[n]!), [])).toBe(false);
    }
    // A history whose older part was rewritten: its new head does not extend the old one.
    const rewritten = [...many.slice(0, 3), leafHash(Buffer.from('réécrite')), ...many.slice(4, 20)];
    expect(verifyConsistency(10, 20, rootAt[10]!, rootOf(rewritten), consistencyProof(rewritten, 10, 20))).toBe(false);
    // A head that went back (the last entries deleted) cannot be proven to extend the one before.
    expect(verifyConsistency(20, 19, rootAt[20]!, rootAt[19]!, [])).toBe(false);
  });

  it('refuses what is not a tree of 32-byte hashes', () => {
    expect(() => rootOf([Buffer.alloc(31)])).toThrow(TypeError);
    expect(() => inclusionProof(many, 40, 40)).toThrow(RangeError);
    expect(() => consistencyProof(many, 5, 3)).toThrow(RangeError);
    expect(verifyInclusion(Buffer.alloc(31), 0, 1, [], rootAt[1]!)).toBe(false);
  });
});
