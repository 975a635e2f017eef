// An open-addressing index from byte strings (set members, hash fields) to positions in a caller's arrays, holding
// the bytes themselves: a short key lives inside its slot, a long one in an overflow arena. The caller chooses and
// keeps the positions (slot order, insertion order); this only maps bytes <-> position. No values, order or encodings.
// Shared by set/member-slots.ts and hash/field-table.ts; it belongs to neither type.
//
// Why bytes in the slot: SADD and HSET over 100k members (redis-benchmark -r 100000 -P 16) spent ~30% of the
// server's time finding a member that exists. With the member kept as a JS string, a hit cost three dependent
// cache misses (the hash pair, the position's array, the string), ~350 ns in an in-process loop, and every argument
// first became a string. Here a hit for a key of up to INLINE bytes reads one 32-byte slot, compared with the
// argument's bytes as they arrived (figures in docs/performance.md).
import { copyBytes } from '../engine/bytes.js';

/**
 * Int32 words of a slot's key part: hash, position + 1 (0: empty), length, then INLINE bytes (or the overflow
 * offset). A caller may ask for words of its own after these (a hash keeps where its value is).
 */
const KEY_WORDS = 8;
const HASH = 0;
const POS = 1;
const LEN = 2;
const DATA = 3;
/** Keys this long or shorter are stored in the slot. */
export const INLINE = (KEY_WORDS - DATA) * 4;
const MIN_CAPACITY = 8;
/** Grown past 3/4 full: linear probes stay short, and neighbouring slots share cache lines. */
const MAX_LOAD = 0.75;
/** An index that never held anything allocates nothing (an intset, a tiny hash): it starts on these. */
const EMPTY_WORDS = new Int32Array(0);
const EMPTY_BYTES = new Uint8Array(0);
/** The overflow arena is rewritten without dead keys once they are most of it (and at least this many bytes). */
const MIN_ARENA_COMPACT = 4096;

export class ByteKeyIndex {
  /** Words per slot: the key's, then `extraWords` of the caller's. */
  private readonly sw: number;
  private words = EMPTY_WORDS;
  /** The slots' bytes (same memory as `words`), for the inline keys. */
  private bytes = EMPTY_BYTES;
  /** Capacity - 1 (a power of two less one); -1 while there are no slots. */
  private mask = -1;
  private count = 0;
  /** Keys longer than INLINE, back to back; a slot holds its key's offset here. */
  private arena = EMPTY_BYTES;
  private arenaTop = 0;
  private arenaDead = 0;
  /** The slot holding each position's key, -1 for a position with none. */
  private slotOf = EMPTY_WORDS;

  constructor(extraWords = 0) {
    this.sw = KEY_WORDS + extraWords;
  }

  get size(): number {
    return this.count;
  }

  /**
   * The slot of the key src[at, at + len) (whose hash is `h`, from hashBytes), or -1. Keys are given by place, not
   * as views: the hot path's HSET finds its field where it lies in the input.
   */
  find(src: Uint8Array, at: number, len: number, h: number): number {
    if (this.count === 0) return -1;
    const w = this.words;
    const mask = this.mask;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const s = j * this.sw;
      if (w[s + POS] === 0) return -1;
      if (w[s + HASH] === h && w[s + LEN] === len && this.equalBytes(s, src, at, len)) return j;
    }
  }

  /** find() for a key given as a latin1 string (one char per byte); `h` from hashString. */
  findString(k: string, h: number): number {
    if (this.count === 0) return -1;
    const w = this.words;
    const mask = this.mask;
    const len = k.length;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const s = j * this.sw;
      if (w[s + POS] === 0) return -1;
      if (w[s + HASH] === h && w[s + LEN] === len && this.equalString(s, k, len)) return j;
    }
  }

  /** Word `k` of the caller's own in slot `j`. Slots move: find them again (find, slotAt) after any add or remove. */
  extra(j: number, k: number): number {
    return this.words[j * this.sw + KEY_WORDS + k];
  }

  setExtra(j: number, k: number, v: number): void {
    this.words[j * this.sw + KEY_WORDS + k] = v;
  }

  /** The slot holding position `pos`'s key, -1 for none. */
  slotAt(pos: number): number {
    return pos < this.slotOf.length ? this.slotOf[pos] : -1;
  }

  /** The position a slot from find() holds. */
  position(j: number): number {
    return this.words[j * this.sw + POS] - 1;
  }

  /** Indexes the key src[at, at + len) (hash `h`), not yet present, at position `pos`; the bytes are copied. Returns its slot. */
  add(src: Uint8Array, at: number, len: number, h: number, pos: number): number {
    const s = this.claim(h, len, pos);
    if (len <= INLINE) copyBytes(src, at, len, this.bytes, s * 4 + DATA * 4);
    else {
      const to = this.arenaAlloc(len);
      this.arena.set(src.subarray(at, at + len), to);
      this.words[s + DATA] = to;
    }
    return s / this.sw;
  }

  /** add() for a latin1 string key. */
  addString(k: string, h: number, pos: number): number {
    const len = k.length;
    const s = this.claim(h, len, pos);
    let dst = this.bytes;
    let at = s * 4 + DATA * 4;
    if (len > INLINE) {
      at = this.arenaAlloc(len);
      this.words[s + DATA] = at;
      dst = this.arena;
    }
    for (let i = 0; i < len; i++) dst[at + i] = k.charCodeAt(i);
    return s / this.sw;
  }

  /**
   * Removes the slot from find(); its position then holds no key. The index shrinks once it is mostly empty, and
   * once empty it forgets every position (the caller starts its positions afresh too).
   */
  removeAt(j: number): void {
    const s = j * this.sw;
    const w = this.words;
    this.slotOf[w[s + POS] - 1] = -1;
    if (w[s + LEN] > INLINE) this.arenaDead += w[s + LEN];
    this.unlink(j);
    this.count--;
    if (this.count === 0) this.clear();
    else if (8 * this.count < this.mask + 1 && this.mask + 1 > MIN_CAPACITY) this.resize((this.mask + 1) / 2);
    else if (this.arenaDead >= MIN_ARENA_COMPACT && 2 * this.arenaDead > this.arenaTop) this.compactArena();
  }

  /** True when position `pos` holds a key. */
  holds(pos: number): boolean {
    return pos < this.slotOf.length && this.slotOf[pos] >= 0;
  }

  /** The key at `pos` as a latin1 string, or undefined when the position holds none. */
  keyAt(pos: number): string | undefined {
    const j = pos < this.slotOf.length ? this.slotOf[pos] : -1;
    if (j < 0) return undefined;
    const s = j * this.sw;
    const len = this.words[s + LEN];
    if (len <= INLINE) return latin1(this.bytes, s * 4 + DATA * 4, len);
    return latin1(this.arena, this.words[s + DATA], len);
  }

  clear(): void {
    this.words = EMPTY_WORDS;
    this.bytes = EMPTY_BYTES;
    this.mask = -1;
    this.count = 0;
    this.arena = EMPTY_BYTES;
    this.arenaTop = 0;
    this.arenaDead = 0;
    this.slotOf = EMPTY_WORDS;
  }

  clone(): ByteKeyIndex {
    const c = new ByteKeyIndex(this.sw - KEY_WORDS);
    if (this.count === 0) return c;
    c.words = this.words.slice();
    c.bytes = new Uint8Array(c.words.buffer);
    c.mask = this.mask;
    c.count = this.count;
    c.arena = this.arena.slice();
    c.arenaTop = this.arenaTop;
    c.arenaDead = this.arenaDead;
    c.slotOf = this.slotOf.slice();
    return c;
  }

  /**
   * Takes a free slot for a new key of `len` bytes at `pos` (hash, position and length set, the caller's words
   * zero); its word offset.
   */
  private claim(h: number, len: number, pos: number): number {
    if (this.count + 1 > MAX_LOAD * (this.mask + 1)) this.resize(Math.max(MIN_CAPACITY, 2 * (this.mask + 1)));
    const j = this.freeSlot(h);
    const s = j * this.sw;
    const w = this.words;
    w[s + HASH] = h;
    w[s + POS] = pos + 1;
    w[s + LEN] = len;
    this.placed(pos, j);
    this.count++;
    return s;
  }

  private freeSlot(h: number): number {
    const w = this.words;
    const mask = this.mask;
    let j = h & mask;
    while (w[j * this.sw + POS] !== 0) j = (j + 1) & mask;
    return j;
  }

  /** Records that `pos`'s key is in slot `j`, growing the position map as positions grow. */
  private placed(pos: number, j: number): void {
    if (pos >= this.slotOf.length) {
      const grown = new Int32Array(Math.max(MIN_CAPACITY, 2 * this.slotOf.length, pos + 1)).fill(-1);
      grown.set(this.slotOf);
      this.slotOf = grown;
    }
    this.slotOf[pos] = j;
  }

  private equalBytes(s: number, b: Uint8Array, from: number, len: number): boolean {
    let src = this.bytes;
    let at = s * 4 + DATA * 4;
    if (len > INLINE) {
      src = this.arena;
      at = this.words[s + DATA];
    }
    for (let i = 0; i < len; i++) if (src[at + i] !== b[from + i]) return false;
    return true;
  }

  private equalString(s: number, k: string, len: number): boolean {
    let src = this.bytes;
    let at = s * 4 + DATA * 4;
    if (len > INLINE) {
      src = this.arena;
      at = this.words[s + DATA];
    }
    for (let i = 0; i < len; i++) if (src[at + i] !== k.charCodeAt(i)) return false;
    return true;
  }

  /** Empties slot `j`, shifting later slots of its probe run back so every lookup still finds its key. */
  private unlink(j: number): void {
    const w = this.words;
    const mask = this.mask;
    let hole = j;
    for (let k = (j + 1) & mask; w[k * this.sw + POS] !== 0; k = (k + 1) & mask) {
      const home = w[k * this.sw + HASH] & mask;
      // The slot at k may move into the hole unless its home lies cyclically in (hole, k].
      const stays = hole <= k ? hole < home && home <= k : hole < home || home <= k;
      if (stays) continue;
      w.copyWithin(hole * this.sw, k * this.sw, (k + 1) * this.sw);
      this.slotOf[w[hole * this.sw + POS] - 1] = hole;
      hole = k;
    }
    w.fill(0, hole * this.sw, (hole + 1) * this.sw);
  }

  /** Moves every slot into a table of `capacity` slots (the bytes travel with their slots). */
  private resize(capacity: number): void {
    const old = this.words;
    this.words = new Int32Array(capacity * this.sw);
    this.bytes = new Uint8Array(this.words.buffer);
    this.mask = capacity - 1;
    const w = this.words;
    for (let s = 0; s < old.length; s += this.sw) {
      if (old[s + POS] === 0) continue;
      const j = this.freeSlot(old[s + HASH]);
      w.set(old.subarray(s, s + this.sw), j * this.sw);
      this.slotOf[old[s + POS] - 1] = j;
    }
  }

  /** Room for `len` bytes at the arena's end: their offset. */
  private arenaAlloc(len: number): number {
    const at = this.arenaTop;
    if (at + len > this.arena.length) {
      const grown = new Uint8Array(Math.max(256, 2 * this.arena.length, at + len));
      grown.set(this.arena.subarray(0, at));
      this.arena = grown;
    }
    this.arenaTop = at + len;
    return at;
  }

  /** Rewrites the arena with only live keys, pointing their slots at the new offsets. */
  private compactArena(): void {
    const old = this.arena;
    const w = this.words;
    this.arena = EMPTY_BYTES;
    this.arenaTop = 0;
    this.arenaDead = 0;
    for (let s = 0; s < w.length; s += this.sw) {
      const len = w[s + LEN];
      if (w[s + POS] === 0 || len <= INLINE) continue;
      const at = this.arenaAlloc(len);
      this.arena.set(old.subarray(w[s + DATA], w[s + DATA] + len), at);
      w[s + DATA] = at;
    }
  }
}

/** `len` bytes from `at` as a latin1 string. */
function latin1(src: Uint8Array, at: number, len: number): string {
  return Buffer.from(src.buffer, src.byteOffset + at, len).toString('latin1');
}

/**
 * A per-process seed, as V8 seeds its own string hashes and Redis its siphash key, so that which keys share a
 * probe run cannot be worked out in advance from the code alone.
 */
const SEED = (Math.random() * 0x100000000) | 0;

/** Murmur3's finaliser, so the low bits (the home slot) depend on every byte. */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * FNV-1a over src[at, at + len) from a seeded state, then a finaliser. Equals hashString of the same bytes as
 * latin1.
 */
export function hashBytes(src: Uint8Array, at: number, len: number): number {
  let h = (0x811c9dc5 ^ SEED) | 0;
  for (let i = at; i < at + len; i++) h = Math.imul(h ^ src[i], 0x01000193);
  return finish(h);
}

/** hashBytes of a latin1 string's bytes. */
export function hashString(s: string): number {
  let h = (0x811c9dc5 ^ SEED) | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return finish(h);
}
