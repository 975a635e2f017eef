// One open-addressing table of 32-byte slots in a single ArrayBuffer: hash, caller-owned words, linear probing,
// backward-shift deletion, Redis-style reverse-binary scan. Knows only 32-bit hashes: it never sees a key string,
// never compares keys, and never keeps a slot number across a mutation (callers re-probe).

/** u32 word offsets within a slot (slot * SLOT_WORDS + W_x). W_HASH 0 marks an empty slot; the rest is the caller's. */
export const W_HASH = 0;
export const W_HOT = 1;
export const W_META = 2;
export const W_CLOCK = 3;
export const W_SEG = 4;
export const W_OFF = 5;
/** f64 index within the slot's four f64 words: f[slot * SLOT_F64 + F_EXPIRE] covers bytes 24..31. */
export const F_EXPIRE = 3;
export const SLOT_WORDS = 8;
export const SLOT_F64 = 4;
export const SLOT_BYTES = 32;

const MIN_CAPACITY = 16;
/** Grow before an insert would push the load above this; at 0.75 a linear-probing hit costs ~2.5 probes. */
const MAX_LOAD = 0.75;
/** Shrink below this load, lazily from remove(); a quarter of MAX_LOAD, so grow and shrink never chase each other. */
const SHRINK_DIVISOR = 8;
/** randomSlot's rejection sampling gives up after this many misses and walks to the next occupied slot instead. */
const RANDOM_TRIES = 64;

function reverseBits32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

function roundCapacity(n: number): number {
  let cap = MIN_CAPACITY;
  while (cap < n) cap *= 2;
  return cap;
}

export class KeyTable {
  /** Replaced on resize: re-read after insert(), remove() and clear(). */
  w: Uint32Array;
  f: Float64Array;
  private mask: number;
  private count = 0;
  /** Bumped whenever every slot may have moved (a rebuild or clear): walks in slot order start again. */
  layout = 0;

  constructor(initialCapacity = MIN_CAPACITY) {
    const cap = roundCapacity(initialCapacity);
    const buf = new ArrayBuffer(cap * SLOT_BYTES);
    this.w = new Uint32Array(buf);
    this.f = new Float64Array(buf);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.count;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  home(hash: number): number {
    return hash & this.mask;
  }

  firstCandidate(hash: number): number {
    return this.probeFrom(hash >>> 0, hash & this.mask);
  }

  nextCandidate(hash: number, slot: number): number {
    return this.probeFrom(hash >>> 0, (slot + 1) & this.mask);
  }

  /** The load factor stays below 1, so the walk always meets an empty slot. */
  private probeFrom(hash: number, i: number): number {
    const w = this.w;
    const mask = this.mask;
    for (;;) {
      const h = w[i * SLOT_WORDS];
      if (h === hash) return i;
      if (h === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  insert(hash: number): number {
    hash >>>= 0;
    if (hash === 0) throw new RangeError('KeyTable.insert: hash 0 is reserved for empty slots');
    if (this.count + 1 > this.capacity * MAX_LOAD) this.rebuild(this.capacity * 2);
    const slot = this.emptySlotFor(this.w, this.mask, hash);
    const base = slot * SLOT_WORDS;
    const w = this.w;
    w[base] = hash;
    for (let k = 1; k < SLOT_WORDS; k++) w[base + k] = 0;
    this.count++;
    return slot;
  }

  private emptySlotFor(w: Uint32Array, mask: number, hash: number): number {
    let i = hash & mask;
    while (w[i * SLOT_WORDS] !== 0) i = (i + 1) & mask;
    return i;
  }

  /**
   * Backward-shift deletion: each later slot of the cluster whose home is NOT cyclically within (hole, slot] can
   * live in the hole, so it moves there and leaves a new hole; the cluster keeps "every slot from a key's home to
   * the key is occupied", which both lookups and scan rely on.
   */
  remove(slot: number): void {
    const w = this.w;
    const mask = this.mask;
    if (w[slot * SLOT_WORDS] === 0) throw new RangeError(`KeyTable.remove: slot ${slot} is empty`);
    let hole = slot;
    let j = slot;
    for (;;) {
      j = (j + 1) & mask;
      const h = w[j * SLOT_WORDS];
      if (h === 0) break;
      const home = h & mask;
      const stays = hole <= j ? hole < home && home <= j : hole < home || home <= j;
      if (stays) continue;
      const to = hole * SLOT_WORDS;
      const from = j * SLOT_WORDS;
      for (let k = 0; k < SLOT_WORDS; k++) w[to + k] = w[from + k];
      hole = j;
    }
    const base = hole * SLOT_WORDS;
    for (let k = 0; k < SLOT_WORDS; k++) w[base + k] = 0;
    this.count--;
    if (this.capacity > MIN_CAPACITY && this.count < this.capacity / SHRINK_DIVISOR) this.rebuild(this.capacity / 2);
  }

  clear(): void {
    const buf = new ArrayBuffer(MIN_CAPACITY * SLOT_BYTES);
    this.w = new Uint32Array(buf);
    this.f = new Float64Array(buf);
    this.mask = MIN_CAPACITY - 1;
    this.count = 0;
    this.layout++;
  }

  /** Copies by u32 words, so f64 payloads (NaN bit patterns included) survive bit for bit. */
  private rebuild(capacity: number): void {
    const old = this.w;
    const buf = new ArrayBuffer(capacity * SLOT_BYTES);
    const w = new Uint32Array(buf);
    const mask = capacity - 1;
    for (let base = 0; base < old.length; base += SLOT_WORDS) {
      const h = old[base];
      if (h === 0) continue;
      const to = this.emptySlotFor(w, mask, h) * SLOT_WORDS;
      for (let k = 0; k < SLOT_WORDS; k++) w[to + k] = old[base + k];
    }
    this.w = w;
    this.f = new Float64Array(buf);
    this.mask = mask;
    this.layout++;
  }

  /**
   * The occupied slots among [from, from + count), in slot order, into `out`; returns where the next call starts,
   * or -1 past the last slot. A sequential walk (cache-friendly, unlike scan()'s reverse-binary jumps), which only
   * covers every key if the layout did not change and no removal shifted a key from ahead of it to behind it.
   */
  slotsFrom(from: number, count: number, out: number[]): number {
    const w = this.w;
    const end = Math.min(from + count, this.mask + 1);
    for (let i = from; i < end; i++) if (w[i * SLOT_WORDS] !== 0) out.push(i);
    return end > this.mask ? -1 : end;
  }

  nextOccupied(from: number): number {
    const w = this.w;
    for (let i = from < 0 ? 0 : from; i <= this.mask; i++) {
      if (w[i * SLOT_WORDS] !== 0) return i;
    }
    return -1;
  }

  /**
   * Reports every key whose HOME bucket is cursor & mask (they all sit in the run of occupied slots starting there),
   * then advances the cursor in reverse-binary order as Redis's dictScan does: buckets of a doubled or halved table
   * are visited in an order that already covers every bucket a key could have moved to, so a key present for the
   * whole walk is reported at least once across any resize.
   */
  scan(cursor: number, out: number[]): number {
    if (this.count === 0) return 0;
    const w = this.w;
    const mask = this.mask;
    const bucket = cursor & mask;
    for (let i = bucket; ; i = (i + 1) & mask) {
      const h = w[i * SLOT_WORDS];
      if (h === 0) break;
      if ((h & mask) === bucket) out.push(i);
    }
    let v = (cursor | ~mask) >>> 0;
    v = reverseBits32(v);
    v = (v + 1) >>> 0;
    return reverseBits32(v);
  }

  /** Rejection sampling is exactly uniform; the load is at least 1/8 above the minimum capacity, so misses are rare. */
  randomSlot(random: () => number = Math.random): number {
    if (this.count === 0) return -1;
    const w = this.w;
    const cap = this.capacity;
    let i = 0;
    for (let t = 0; t < RANDOM_TRIES; t++) {
      i = Math.floor(random() * cap) & this.mask;
      if (w[i * SLOT_WORDS] !== 0) return i;
    }
    for (;;) {
      i = (i + 1) & this.mask;
      if (w[i * SLOT_WORDS] !== 0) return i;
    }
  }

  bytes(): number {
    return this.w.byteLength;
  }
}
