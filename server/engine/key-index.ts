// The DRAM index of one database (DESIGN §6): every key has one 32-byte slot in a typed-array table (key-table.ts)
// holding its hash and either a hot entry — an Entry object in DRAM, with the key string and, for a collection,
// the collection itself — or, cold, only where its one record is in the log, its type, expiry and access time.
// A cold key's name is not in DRAM at all: it is checked against the record, as FASTER and Garnet do. Deciding
// what is hot is hot-tier.ts's business; this file only promotes on access and demotes when told.
// Never persisted: rebuilt from the log at start.
import { codecOf, encodingTag } from './collections.js';
import { Entry } from './entry.js';
import { REC_HEADER_SIZE, REC_KEY_LEN, REC_KIND, REC_LENGTH, REC_VALUE_LEN, RecordKind } from './format.js';
import { hashString } from './key-hash.js';
import { F_EXPIRE, KeyTable, SLOT_WORDS, W_CLOCK, W_HOT, W_META, W_OFF, W_SEG } from './key-table.js';
import type { Segment, SegmentTable } from './segment.js';

/** The engine's built-in value type (strings), as store.ts's BYTES_TYPE; anything else is a collection. */
const BYTES = 0;
/**
 * A cold slot's W_META: type (bits 0-7), encoding tag (8-15), the entry's flags (16-22), whether the LFU counter
 * was ever counted (23) and the counter (24-31).
 */
const META_LFU_KNOWN = 1 << 23;

/**
 * DRAM an Entry costs beyond its key's characters: the object (header and eleven fields), the key string's header
 * and the hot table's reference. An estimate for the hot tier's budget, from V8's object layout on 64-bit.
 */
export const HOT_ENTRY_OVERHEAD = 152;

/** A cold slot's fields, as read by coldAt(). */
export interface ColdRecord {
  seg: Segment;
  /** Offset of the record (its header) in `seg`. */
  off: number;
  /** Bytes of the whole record: what the value costs in the log. */
  length: number;
  kind: number;
  type: number;
  enc: number;
  expireAt: number;
}

export class KeyIndex {
  /** Keys that carry an expiry (active expiry samples these; they keep their name in DRAM even when cold). */
  readonly volatile = new Set<string>();
  /** Estimated DRAM of the hot entries (HOT_ENTRY_OVERHEAD plus key length each; collections count elsewhere). */
  hotBytes = 0;
  /** Lookups that found the key hot; reads that found it cold (promoted, or served from the log by the keyspace). */
  hotHits = 0;
  coldReads = 0;

  private readonly table = new KeyTable();
  private hot: (Entry | null)[] = [];
  private freeHot: number[] = [];
  private hotLive = 0;
  private readonly scratch: number[] = [];

  /**
   * `hotValue` is told how the log bytes of hot collections change when one is promoted or demoted (the store counts
   * the rest of their changes, see Store.hotValueBytes).
   */
  constructor(
    private readonly segments: SegmentTable,
    private readonly hotValue: (delta: number) => void = () => {},
    /** Told after each promotion (the hot tier then checks its budget without waiting for its timer). */
    private readonly promoted: () => void = () => {},
  ) {}

  get size(): number {
    return this.table.size;
  }

  /** Keys whose entry is in DRAM. */
  get hotCount(): number {
    return this.hotLive;
  }

  /** DRAM held by the slot table itself. */
  get tableBytes(): number {
    return this.table.bytes();
  }

  /** The key's entry, made hot if it was cold (promotion: an access is what makes a key hot). */
  get(key: string): Entry | undefined {
    const slot = this.find(key, hashString(key));
    if (slot === -1) return undefined;
    const hid = this.table.w[slot * SLOT_WORDS + W_HOT];
    if (hid !== 0) {
      this.hotHits++;
      return this.hot[hid - 1]!;
    }
    this.coldReads++;
    return this.promote(slot, key);
  }

  has(key: string): boolean {
    return this.find(key, hashString(key)) !== -1;
  }

  /** The slot of `key` without promoting it, or -1; valid until the next change of this index. */
  slotOf(key: string): number {
    return this.find(key, hashString(key));
  }

  /** The hot entry in `slot`, or null when the slot is cold. */
  hotAt(slot: number): Entry | null {
    const hid = this.table.w[slot * SLOT_WORDS + W_HOT];
    return hid !== 0 ? this.hot[hid - 1]! : null;
  }

  /** A cold slot's record and fields (the slot must be cold). */
  coldAt(slot: number): ColdRecord {
    const w = this.table.w;
    const base = slot * SLOT_WORDS;
    const seg = this.segments.get(w[base + W_SEG])!;
    const off = w[base + W_OFF];
    const meta = w[base + W_META];
    return {
      seg,
      off,
      length: seg.view.getUint32(off + REC_LENGTH, true),
      kind: seg.buf[off + REC_KIND],
      type: meta & 0xff,
      enc: (meta >>> 8) & 0xff,
      expireAt: this.table.f[slot * 4 + F_EXPIRE],
    };
  }

  /** A cold slot's value type (the keyspace's numbering). */
  coldType(slot: number): number {
    return this.table.w[slot * SLOT_WORDS + W_META] & 0xff;
  }

  /** A cold slot's absolute expiry (0 = none). */
  coldExpireAt(slot: number): number {
    return this.table.f[slot * 4 + F_EXPIRE];
  }

  /** Records an access of a cold key (its LRU clock). */
  touchCold(slot: number, atime: number): void {
    this.table.w[slot * SLOT_WORDS + W_CLOCK] = atime;
  }

  /** A cold string's value bytes, viewed in place in the log (no copy). */
  coldValue(slot: number): Buffer {
    const w = this.table.w;
    const seg = this.segments.get(w[slot * SLOT_WORDS + W_SEG])!;
    const off = w[slot * SLOT_WORDS + W_OFF];
    const view = seg.view;
    const at = off + REC_HEADER_SIZE + view.getUint32(off + REC_KEY_LEN, true);
    return seg.buf.subarray(at, at + view.getUint32(off + REC_VALUE_LEN, true));
  }

  /** The segment a cold slot's record is in. */
  coldSegment(slot: number): Segment {
    return this.segments.get(this.table.w[slot * SLOT_WORDS + W_SEG])!;
  }

  /** The length of a cold slot's record: what it counts as live in its segment. */
  coldLength(slot: number): number {
    const w = this.table.w;
    return this.segments.get(w[slot * SLOT_WORDS + W_SEG])!.view.getUint32(w[slot * SLOT_WORDS + W_OFF] + REC_LENGTH, true);
  }

  /** Points a cold slot at a copy of its record (the cleaner moved it). */
  relocateCold(slot: number, seg: number, off: number): void {
    const w = this.table.w;
    w[slot * SLOT_WORDS + W_SEG] = seg;
    w[slot * SLOT_WORDS + W_OFF] = off;
  }

  /** The key in `slot`: the hot entry's, or read from the cold record. */
  keyAt(slot: number): string {
    const e = this.hotAt(slot);
    if (e !== null) return e.key;
    const w = this.table.w;
    const seg = this.segments.get(w[slot * SLOT_WORDS + W_SEG])!;
    const off = w[slot * SLOT_WORDS + W_OFF];
    const keyAt = off + REC_HEADER_SIZE;
    return seg.buf.toString('latin1', keyAt, keyAt + seg.view.getUint32(off + REC_KEY_LEN, true));
  }

  /** The last access (LRU clock seconds) of the key in `slot`, hot or cold. */
  atimeAt(slot: number): number {
    const e = this.hotAt(slot);
    return e !== null ? e.atime : this.table.w[slot * SLOT_WORDS + W_CLOCK];
  }

  /** The LFU counter of the key in `slot` as last stored (-1: never counted), hot or cold; not decayed. */
  lfuAt(slot: number): number {
    const e = this.hotAt(slot);
    if (e !== null) return e.lfu;
    const meta = this.table.w[slot * SLOT_WORDS + W_META];
    return (meta & META_LFU_KNOWN) !== 0 ? meta >>> 24 : -1;
  }

  /** The key's absolute expiry (0 = none), or -1 when absent; does not promote. */
  expireAtOf(key: string): number {
    const slot = this.find(key, hashString(key));
    if (slot === -1) return -1;
    const e = this.hotAt(slot);
    return e !== null ? e.expireAt : this.table.f[slot * 4 + F_EXPIRE];
  }

  /** Inserts or replaces `key`'s entry (hot). */
  set(key: string, e: Entry): void {
    const slot = this.find(key, hashString(key));
    if (slot === -1) {
      this.add(key, e);
      return;
    }
    const old = this.hotAt(slot);
    const oldExpire = old !== null ? old.expireAt : this.table.f[slot * 4 + F_EXPIRE];
    if (old !== null) this.dropHot(slot);
    this.attachHot(slot, key, e);
    if (e.expireAt !== 0) this.volatile.add(key);
    else if (oldExpire !== 0) this.volatile.delete(key);
  }

  /** Inserts a key the caller has just found absent, hot. */
  add(key: string, e: Entry): void {
    const slot = this.table.insert(hashString(key));
    this.attachHot(slot, key, e);
    if (e.expireAt !== 0) this.volatile.add(key);
  }

  /**
   * Inserts a key the caller has just found absent, cold: its one record is at `off` in segment `seg` (recovery,
   * and anything that writes a value it has no reason to keep in DRAM).
   */
  addCold(key: string, seg: number, off: number, type: number, enc: number, expireAt: number, atime: number): void {
    const slot = this.table.insert(hashString(key));
    this.writeCold(slot, seg, off, type, enc, expireAt, atime);
    if (expireAt !== 0) this.volatile.add(key);
  }

  /**
   * Makes a cold slot name a new record of the key (a string overwritten). The LFU counter stays, as Redis keeps
   * it when a value is overwritten (dbSetValue); the keyspace's flags, which describe the old value, go.
   */
  overwriteCold(slot: number, key: string, seg: number, off: number, type: number, enc: number, expireAt: number, atime: number): void {
    const old = this.table.f[slot * 4 + F_EXPIRE];
    const meta = this.table.w[slot * SLOT_WORDS + W_META];
    this.writeCold(slot, seg, off, type, enc, expireAt, atime, 0, (meta & META_LFU_KNOWN) !== 0 ? meta >>> 24 : -1);
    if (expireAt !== 0) this.volatile.add(key);
    else if (old !== 0) this.volatile.delete(key);
  }

  /** Removes `key` (the caller has accounted for its value); false when absent. */
  delete(key: string): boolean {
    const slot = this.find(key, hashString(key));
    if (slot === -1) return false;
    const e = this.hotAt(slot);
    const expireAt = e !== null ? e.expireAt : this.table.f[slot * 4 + F_EXPIRE];
    if (e !== null) this.dropHot(slot);
    this.table.remove(slot);
    if (expireAt !== 0) this.volatile.delete(key);
    return true;
  }

  /** Sets a cold slot's expiry (recovery of an EXPIRE record for a key it loaded cold). */
  expireCold(slot: number, key: string, at: number): void {
    this.table.f[slot * 4 + F_EXPIRE] = at;
    if (at !== 0) this.volatile.add(key);
    else this.volatile.delete(key);
  }

  setExpire(key: string, e: Entry, at: number): void {
    e.expireAt = at;
    if (at !== 0) this.volatile.add(key);
    else this.volatile.delete(key);
  }

  clear(): void {
    this.table.clear();
    this.volatile.clear();
    this.hot = [];
    this.freeHot = [];
    this.hotLive = 0;
    this.hotBytes = 0;
  }

  /**
   * Makes a hot key cold: its entry leaves DRAM, the slot keeps where its record is. Only a value that is one
   * record can be cold (a string; a collection whose chain is a single IMAGE); returns false for anything else,
   * and for entries that never came from the log.
   */
  demote(key: string): boolean {
    const slot = this.find(key, hashString(key));
    if (slot === -1) return false;
    const e = this.hotAt(slot);
    if (e === null) return false;
    const off = recordOffset(e, key);
    const seg = e.base;
    if (seg === null || seg.id !== e.seg || off < 0) return false;
    if (e.type !== BYTES && !imageIsWhole(e, seg, off)) return false;
    this.dropHot(slot);
    this.writeCold(slot, e.seg, off, e.type, e.enc, e.expireAt, e.atime, e.flags, e.lfu);
    if (e.type !== BYTES) this.hotValue(-e.bytes);
    return true;
  }

  /** A hot entry chosen at random (the hot tier samples these), or null when none is hot. */
  randomHot(random: () => number = Math.random): Entry | null {
    if (this.hotLive === 0) return null;
    if (this.hotLive * 4 < this.hot.length && this.hot.length > 64) this.compactHot();
    const n = this.hot.length;
    for (;;) {
      const e = this.hot[Math.floor(random() * n)];
      if (e !== null && e !== undefined) return e;
    }
  }

  /** Every hot entry (recovery's final check). */
  *hotEntries(): IterableIterator<Entry> {
    for (const e of this.hot) if (e !== null) yield e;
  }

  /** Calls `visit` with every occupied slot; `visit` must not change this index. */
  forEachSlot(visit: (slot: number) => void): void {
    const t = this.table;
    for (let s = t.nextOccupied(0); s !== -1; s = t.nextOccupied(s + 1)) visit(s);
  }

  /**
   * Calls `visit` for every key with its expiry, without promoting anything (KEYS, FLUSHDB's accounting).
   * `visit` must not change this index.
   */
  forEach(visit: (key: string, expireAt: number, slot: number) => void): void {
    const t = this.table;
    for (let s = t.nextOccupied(0); s !== -1; s = t.nextOccupied(s + 1)) {
      const e = this.hotAt(s);
      visit(e !== null ? e.key : this.keyAt(s), e !== null ? e.expireAt : t.f[s * 4 + F_EXPIRE], s);
    }
  }

  /**
   * One step of a SCAN-style walk (Redis's dictScan over home buckets, so growth and shrinking in between never
   * hide a key present throughout): the slots of the next bucket(s) go to `out`, read them before any change.
   */
  scan(cursor: number, out: number[]): number {
    return this.table.scan(cursor, out);
  }

  /** KeyTable.slotsFrom: a sequential walk's next slots. */
  slotsFrom(from: number, count: number, out: number[]): number {
    return this.table.slotsFrom(from, count, out);
  }

  /** Changes whenever every slot may have moved (see KeyTable.layout). */
  get layout(): number {
    return this.table.layout;
  }

  /** A key chosen at random, or undefined when empty; does not promote. */
  randomKey(random: () => number = Math.random): string | undefined {
    const s = this.table.randomSlot(random);
    return s === -1 ? undefined : this.keyAt(s);
  }

  /** SCAN's step: keys of buckets from `cursor` until `count` are collected or ten times as many buckets passed. */
  scanKeys(cursor: number, count: number): { cursor: number; keys: string[] } {
    const keys: string[] = [];
    // A cursor no walk could have returned ends the walk at once.
    if (cursor > 0xffffffff) return { cursor: 0, keys };
    const out = this.scratch;
    let budget = count * 10;
    do {
      out.length = 0;
      cursor = this.table.scan(cursor, out);
      for (const s of out) keys.push(this.keyAt(s));
    } while (cursor !== 0 && budget-- > 0 && keys.length < count);
    return { cursor, keys };
  }

  private find(key: string, h: number): number {
    const t = this.table;
    for (let s = t.firstCandidate(h); s !== -1; s = t.nextCandidate(h, s)) {
      if (this.matches(s, key)) return s;
    }
    return -1;
  }

  private matches(slot: number, key: string): boolean {
    const w = this.table.w;
    const hid = w[slot * SLOT_WORDS + W_HOT];
    if (hid !== 0) return this.hot[hid - 1]!.key === key;
    const seg = this.segments.get(w[slot * SLOT_WORDS + W_SEG])!;
    const off = w[slot * SLOT_WORDS + W_OFF];
    const n = key.length;
    if (seg.view.getUint32(off + REC_KEY_LEN, true) !== n) return false;
    const buf = seg.buf;
    const at = off + REC_HEADER_SIZE;
    for (let i = 0; i < n; i++) if (buf[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Rebuilds the entry of a cold slot from its record and makes it hot. */
  private promote(slot: number, key: string): Entry {
    const w = this.table.w;
    const base = slot * SLOT_WORDS;
    const segId = w[base + W_SEG];
    const seg = this.segments.get(segId)!;
    const off = w[base + W_OFF];
    const meta = w[base + W_META];
    const type = meta & 0xff;
    const view = seg.view;
    const valueOff = off + REC_HEADER_SIZE + view.getUint32(off + REC_KEY_LEN, true);
    const valueLen = view.getUint32(off + REC_VALUE_LEN, true);
    let obj: unknown = null;
    if (type !== BYTES) obj = codecOf(type)!.decodeImage(seg.buf.subarray(valueOff, valueOff + valueLen));
    const e = new Entry(type, (meta >>> 8) & 0xff, segId, valueOff, type === BYTES ? valueLen : 0, this.table.f[slot * 4 + F_EXPIRE], obj);
    e.atime = w[base + W_CLOCK];
    e.flags = (meta >>> 16) & 0x7f;
    if ((meta & META_LFU_KNOWN) !== 0) {
      e.lfu = meta >>> 24;
      // The counter's minutes stamp is not kept: it was last set at the last access.
      e.lfuMinutes = Math.floor(e.atime / 60) & 0xffff;
    }
    e.base = seg;
    e.bytes = view.getUint32(off + REC_LENGTH, true);
    if (type !== BYTES) this.hotValue(e.bytes);
    this.attachHot(slot, key, e);
    this.promoted();
    return e;
  }

  private attachHot(slot: number, key: string, e: Entry): void {
    e.key = key;
    let hid = this.freeHot.pop();
    if (hid === undefined) {
      hid = this.hot.length;
      this.hot.push(e);
    } else {
      this.hot[hid] = e;
    }
    this.table.w[slot * SLOT_WORDS + W_HOT] = hid + 1;
    this.hotLive++;
    this.hotBytes += HOT_ENTRY_OVERHEAD + key.length;
  }

  private dropHot(slot: number): void {
    const w = this.table.w;
    const hid = w[slot * SLOT_WORDS + W_HOT] - 1;
    const e = this.hot[hid]!;
    this.hot[hid] = null;
    this.freeHot.push(hid);
    w[slot * SLOT_WORDS + W_HOT] = 0;
    this.hotLive--;
    this.hotBytes -= HOT_ENTRY_OVERHEAD + e.key.length;
    if (this.hotLive === 0) {
      this.hot = [];
      this.freeHot = [];
    }
  }

  /** Renumbers the hot entries densely, so random sampling finds one in a few draws after many demotions. */
  private compactHot(): void {
    const dense: (Entry | null)[] = [];
    const slots: number[] = [];
    // Find every slot before renumbering any: a lookup reads the numbers of the slots it passes.
    for (const e of this.hot) {
      if (e === null) continue;
      slots.push(this.find(e.key, hashString(e.key)));
      dense.push(e);
    }
    for (let i = 0; i < slots.length; i++) this.table.w[slots[i] * SLOT_WORDS + W_HOT] = i + 1;
    this.hot = dense;
    this.freeHot = [];
  }

  private writeCold(slot: number, seg: number, off: number, type: number, enc: number, expireAt: number, atime: number, flags = 0, lfu = -1): void {
    const w = this.table.w;
    const base = slot * SLOT_WORDS;
    w[base + W_HOT] = 0;
    w[base + W_META] = ((type & 0xff) | ((enc & 0xff) << 8) | ((flags & 0x7f) << 16) | (lfu >= 0 ? META_LFU_KNOWN | (lfu << 24) : 0)) >>> 0;
    w[base + W_CLOCK] = atime;
    w[base + W_SEG] = seg;
    w[base + W_OFF] = off;
    this.table.f[slot * 4 + F_EXPIRE] = expireAt;
  }
}

/**
 * A collection's value is its IMAGE at `off` alone: no delta follows it, and the object is still in the encoding the
 * IMAGE records (e.enc holds the encoding tag it was made with).
 */
function imageIsWhole(e: Entry, seg: Segment, off: number): boolean {
  return seg.buf[off + REC_KIND] === RecordKind.Image && seg.view.getUint32(off + REC_LENGTH, true) === e.bytes && encodingTag(e.type, e.obj) === e.enc;
}

/** Where the newest record of a hot entry begins: its value offset less the header and key. */
function recordOffset(e: Entry, key: string): number {
  return e.off - key.length - REC_HEADER_SIZE;
}
