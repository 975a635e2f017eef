// An open-addressing index from latin1 strings to positions in a caller's array (set members, hash fields): the
// caller keeps the strings, this keeps (hash, position) pairs in one typed array. No values, order or encodings.
// Shared by set/member-slots.ts and hash/field-table.ts; it belongs to neither type.
//
// Why not a Map: SADD and HSET over 100k members (redis-benchmark -r 100000 -P 16) spent 22-24% of the server's
// busy time in Map lookups of fresh strings. Here a lookup reads one pair and compares the string only when the
// 32-bit hashes agree: ~220 ns against ~320 ns per lookup in an in-process loop over 100k members; the server's CPU
// per request fell ~14% for HSET and ~20% for SADD (with hash/field-table.ts's in-place values), 2026-11-29.

/** Kept at most half full, so linear probing ends after about two probes. */
const MIN_CAPACITY = 16;
/** An index that never held anything allocates nothing (an intset, a tiny hash): it starts on this. */
const EMPTY = new Int32Array(0);

export class StringIndex {
  /** Pairs: table[2j] = the string's hash, table[2j + 1] = its position + 1 (0: an empty pair). */
  private table = EMPTY;
  /** Capacity - 1 (a power of two less one); -1 while the table is EMPTY. */
  private mask = -1;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The pair of `s` (whose hash is `h`), or -1. `keys` is the caller's array the positions point into. */
  find(keys: readonly (string | undefined)[], s: string, h: number): number {
    if (this.count === 0) return -1;
    const t = this.table;
    const mask = this.mask;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const p = t[2 * j + 1];
      if (p === 0) return -1;
      if (t[2 * j] === h && keys[p - 1] === s) return j;
    }
  }

  /** The position a pair from find() points to. */
  position(j: number): number {
    return this.table[2 * j + 1] - 1;
  }

  /** Indexes a string not yet present (hash `h`) at `pos`. */
  add(h: number, pos: number): void {
    if (2 * (this.count + 1) > this.mask + 1) this.resize(Math.max(MIN_CAPACITY, 2 * (this.mask + 1)));
    this.insert(h, pos);
    this.count++;
  }

  /** Removes the pair from find(); the index shrinks once it is mostly empty. */
  removeAt(j: number): void {
    this.unlink(j);
    this.count--;
    if (8 * this.count < this.mask + 1 && this.mask + 1 > MIN_CAPACITY) this.resize((this.mask + 1) / 2);
  }

  clear(): void {
    this.table = EMPTY;
    this.mask = -1;
    this.count = 0;
  }

  clone(): StringIndex {
    const c = new StringIndex();
    c.table = this.table === EMPTY ? EMPTY : this.table.slice();
    c.mask = this.mask;
    c.count = this.count;
    return c;
  }

  private insert(h: number, pos: number): void {
    const t = this.table;
    const mask = this.mask;
    let j = h & mask;
    while (t[2 * j + 1] !== 0) j = (j + 1) & mask;
    t[2 * j] = h;
    t[2 * j + 1] = pos + 1;
  }

  /** Empties pair `j`, shifting later pairs of its probe run back so every lookup still finds its string. */
  private unlink(j: number): void {
    const t = this.table;
    const mask = this.mask;
    let hole = j;
    for (let k = (j + 1) & mask; t[2 * k + 1] !== 0; k = (k + 1) & mask) {
      const home = t[2 * k] & mask;
      // The pair at k may move into the hole unless its home lies cyclically in (hole, k].
      const stays = hole <= k ? hole < home && home <= k : hole < home || home <= k;
      if (stays) continue;
      t[2 * hole] = t[2 * k];
      t[2 * hole + 1] = t[2 * k + 1];
      hole = k;
    }
    t[2 * hole] = 0;
    t[2 * hole + 1] = 0;
  }

  private resize(capacity: number): void {
    const old = this.table;
    this.table = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    for (let j = 0; j < old.length; j += 2) if (old[j + 1] !== 0) this.insert(old[j], old[j + 1] - 1);
  }
}

/**
 * A per-process seed, as V8 seeds its own string hashes and Redis its siphash key, so that which members share a
 * probe run cannot be worked out in advance from the code alone.
 */
const SEED = (Math.random() * 0x100000000) | 0;

/** FNV-1a over the string's latin1 chars from a seeded state, then murmur3's finaliser so the low bits mix well. */
export function hashString(s: string): number {
  let h = (0x811c9dc5 ^ SEED) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
