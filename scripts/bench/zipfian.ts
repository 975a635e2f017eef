// Key-rank generators for the Zipfian benchmark: a seeded PRNG, YCSB's ZipfianGenerator (Gray et al., "Quickly
// generating billion-record synthetic databases", with zeta precomputed once), its scrambled form and a uniform one.
// Numbers only: knows nothing of keys, sockets or servers.
import { prng } from '../../server/testing/prng.js';

/** A seeded PRNG (mulberry32): deterministic across runs so two configurations see the same key sequence. */
export const seededRandom = prng;

/** zeta(n, theta) = sum over i = 1..n of 1 / i^theta; O(n), about 10 ms for a million items. */
export function zeta(n: number, theta: number): number {
  let sum = 0;
  for (let i = 1; i <= n; i++) sum += 1 / Math.pow(i, theta);
  return sum;
}

export interface RankGenerator {
  readonly items: number;
  /** The next item in [0, items). */
  next(): number;
}

/** Rank 0 is the most popular, P(rank r) = 1 / ((r + 1)^theta * zeta(items, theta)). */
export class ZipfianGenerator implements RankGenerator {
  readonly zetan: number;
  private readonly alpha: number;
  private readonly eta: number;
  private readonly half: number;

  constructor(readonly items: number, readonly theta: number, private readonly random: () => number) {
    if (!Number.isInteger(items) || items < 2) throw new Error('a zipfian generator needs at least 2 items');
    if (!(theta > 0 && theta < 1)) throw new Error('zipfian theta must be in (0, 1)');
    this.zetan = zeta(items, theta);
    const zeta2 = zeta(2, theta);
    this.alpha = 1 / (1 - theta);
    this.eta = (1 - Math.pow(2 / items, 1 - theta)) / (1 - zeta2 / this.zetan);
    this.half = 1 + Math.pow(0.5, theta);
  }

  next(): number {
    const u = this.random();
    const uz = u * this.zetan;
    if (uz < 1) return 0;
    if (uz < this.half) return 1;
    const r = Math.floor(this.items * Math.pow(this.eta * u - this.eta + 1, this.alpha));
    return r < this.items ? r : this.items - 1;
  }
}

/**
 * Zipfian ranks mapped through a seeded permutation of the keyspace, so the hot keys are spread over it rather than
 * being key:0, key:1, ... YCSB hashes the rank (FNV) modulo the item count instead; a permutation keeps every rank
 * on its own key, so the popularity of each key is exactly the Zipfian one (hash collisions merge ranks and leave
 * about a third of the keys never drawn).
 */
export class ScrambledZipfianGenerator implements RankGenerator {
  private readonly zipf: ZipfianGenerator;
  private readonly keyOfRank: Int32Array;

  constructor(readonly items: number, theta: number, random: () => number, permutationSeed: number) {
    this.zipf = new ZipfianGenerator(items, theta, random);
    this.keyOfRank = permutation(items, seededRandom(permutationSeed));
  }

  /** The key rank r is drawn as (rank 0 is the hottest key). */
  keyOf(rank: number): number {
    return this.keyOfRank[rank];
  }

  next(): number {
    return this.keyOfRank[this.zipf.next()];
  }
}

export class UniformGenerator implements RankGenerator {
  constructor(readonly items: number, private readonly random: () => number) {}

  next(): number {
    return Math.floor(this.random() * this.items);
  }
}

/** A Fisher-Yates shuffle of 0..n-1. */
function permutation(n: number, random: () => number): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
