// Redis keys over the engine: lookups that apply lazy expiry, type checks as statuses, and the counters Redis
// keeps (hits, misses, expired keys). Families of operations (strings, keys, …) build on this.
import { lruSeconds, now } from '../clock.js';
import type { Entry } from '../engine/entry.js';
import type { KeyIndex } from '../engine/key-index.js';
import type { Store } from '../engine/store.js';
import { lfuAccess } from './lfu.js';
import { NotifyClass } from './notify.js';
import { parseLongLong, parseSmallLong } from './number-parse.js';
import { StringEncoding, ValueType, WRONGTYPE, type WrongType } from './types.js';

export type NotifySink = (cls: NotifyClass, event: string, db: number, key: string) => void;

export interface KeyspaceCounters {
  expiredKeys: number;
  keyspaceHits: number;
  keyspaceMisses: number;
}

/** Longest integer string Redis stores with the int encoding (LONG_STR_SIZE - 1). */
const MAX_INT_LEN = 20;
/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
const EMBSTR_LIMIT = 44;

export class Keyspace {
  /** Called with (db, key) for every change of a key's value or expiry (WATCH hooks in here). */
  onKeyChange: (db: number, key: string) => void = () => {};
  /** Keyspace notifications (Redis's notifyKeyspaceEvent); the pub/sub layer installs the real sink. */
  onNotify: NotifySink = () => {};
  /** Database `db` is about to be emptied (FLUSHDB, FLUSHALL): WATCH hooks in here. */
  onFlush: (db: number) => void = () => {};
  /** Databases `a` and `b` are about to swap (SWAPDB): WATCH hooks in here. */
  onSwap: (a: number, b: number) => void = () => {};
  /** Databases `a` and `b` have swapped: clients blocked on keys that now exist there hook in here. */
  onSwapped: (a: number, b: number) => void = () => {};
  /** A list or sorted set at (db, key) gained elements (signalKeyAsReady); blocked clients hook in here. */
  onKeyReady: (db: number, key: string) => void = () => {};
  /** True while maxmemory-policy is an *-lfu one; the composition root keeps it in step with the config. */
  lfu = false;
  /**
   * True while this node is a backup (replication sets it with the role). Lazy and active expiry then delete
   * nothing and log nothing: a key past its deadline reads as absent, and its delete comes from the primary, as
   * Redis 7.0's replicas leave it to their master (expireIfNeeded). A write's own lookup still deletes it (a
   * writable replica's EXPIRE_FORCE_DELETE_EXPIRED).
   */
  replica = false;

  constructor(
    readonly store: Store,
    readonly counters: KeyspaceCounters,
  ) {}

  get databases(): number {
    return this.store.dbs.length;
  }

  db(n: number): KeyIndex {
    return this.store.dbs[n];
  }

  /** The live entry of `key`, after lazy expiry; does not count hits or misses nor touch the access time. */
  peek(db: number, key: string): Entry | undefined {
    return this.live(db, key, this.store.dbs[db].get(key));
  }

  /**
   * `e` (the key's entry, if any) unless its deadline has passed, in which case the key expires now (for a write's
   * lookup even on a backup, see `replica`).
   */
  private live(db: number, key: string, e: Entry | undefined, forWrite = false): Entry | undefined {
    if (e === undefined) return undefined;
    if (e.expireAt !== 0 && e.expireAt <= now()) {
      if (forWrite) this.deleteExpired(db, key);
      else this.expire(db, key);
      return undefined;
    }
    return e;
  }

  /** Lookup for reading: counts a hit or a miss (notified as 'keymiss') and updates the access time, as lookupKeyRead. */
  lookupRead(db: number, key: string): Entry | undefined {
    return this.countRead(db, key, this.peek(db, key));
  }

  /** lookupKeyRead's accounting of a live entry or of its absence. */
  private countRead(db: number, key: string, e: Entry | undefined): Entry | undefined {
    if (e === undefined) {
      this.notify(NotifyClass.KeyMiss, 'keymiss', db, key);
      this.counters.keyspaceMisses++;
      return undefined;
    }
    this.counters.keyspaceHits++;
    this.touch(e);
    return e;
  }

  /** Lookup for writing: no hit/miss accounting, as lookupKeyWrite. */
  lookupWrite(db: number, key: string): Entry | undefined {
    const e = this.live(db, key, this.store.dbs[db].get(key), true);
    if (e !== undefined) this.touch(e);
    return e;
  }

  /** An access: the LRU clock always, the LFU counter while an *-lfu policy is on (updateLFU). */
  touch(e: Entry): void {
    e.atime = lruSeconds();
    if (this.lfu) lfuAccess(e);
  }

  /** The string value of `key` viewed in the log, null if absent, WRONGTYPE otherwise. */
  getString(db: number, key: string): Buffer | null | WrongType {
    const e = this.lookupRead(db, key);
    if (e === undefined) return null;
    if (e.type !== ValueType.String) return WRONGTYPE;
    return this.store.valueOf(e);
  }

  /**
   * GET's read (lookupKeyRead + type check) without making an entry: a cold key is answered from its slot and
   * record, so a plain GET never moves a key into DRAM. A hot key is read through its entry as getString does.
   * Under an *-lfu policy the counter lives in entries, so the key is looked up the general way.
   */
  readString(db: number, key: string): Buffer | null | WrongType {
    const d = this.store.dbs[db];
    const slot = d.slotOf(key);
    // One probe whatever the key is: absent and hot keys are answered from it too, not looked up again.
    const hot = slot === -1 ? null : d.hotAt(slot);
    if (slot === -1 || hot !== null || this.lfu) {
      if (hot !== null) d.hotHits++;
      const e = this.countRead(db, key, slot === -1 ? undefined : this.live(db, key, hot ?? d.get(key)));
      if (e === undefined) return null;
      return e.type === ValueType.String ? this.store.valueOf(e) : WRONGTYPE;
    }
    const at = d.coldExpireAt(slot);
    if (at !== 0 && at <= now()) {
      this.expire(db, key);
      this.countRead(db, key, undefined);
      return null;
    }
    this.counters.keyspaceHits++;
    // Served from the log without an entry: a cold read (INFO faha's cold_reads and hot_hit_ratio count it).
    d.coldReads++;
    d.touchCold(slot, lruSeconds());
    return d.coldType(slot) === ValueType.String ? d.coldValue(slot) : WRONGTYPE;
  }

  /**
   * A read answerable from a cold collection's IMAGE without rebuilding the collection (HGET of a cold hash): the
   * IMAGE payload (a view of the log), WRONGTYPE, or null when the key is absent, expired, hot, or an *-lfu policy
   * counts accesses (in entries) — then the caller reads the general way. Counts the hit and the access as
   * lookupKeyRead would.
   */
  coldImage(db: number, key: string, type: ValueType): Buffer | WrongType | null {
    const d = this.store.dbs[db];
    const slot = d.slotOf(key);
    if (slot === -1 || this.lfu || d.hotAt(slot) !== null) return null;
    const at = d.coldExpireAt(slot);
    if (at !== 0 && at <= now()) return null;
    this.counters.keyspaceHits++;
    d.coldReads++;
    d.touchCold(slot, lruSeconds());
    return d.coldType(slot) === type ? d.coldValue(slot) : WRONGTYPE;
  }

  /**
   * A plain SET's write (no condition, no kept TTL) without making an entry: a new key is born cold and a cold one
   * stays cold; a hot key is written through its entry as setString does.
   */
  writeString(db: number, key: string, value: Buffer, expireAt: number, enc: StringEncoding = encodingFor(value)): void {
    const slot = this.coldSlotForWrite(db, key);
    // Through the entry, the write's lookup counts as an access (lookupKeyWrite), which an *-lfu policy sees.
    if (slot === null) this.setString(db, key, value, expireAt, enc, this.lookupWrite(db, key) ?? null);
    else this.writeStringAt(db, key, value, expireAt, enc, slot);
  }

  /**
   * For a write that needs no entry (lookupKeyWrite without making one): the key's cold slot, -1 when absent (an
   * expired key is deleted first, as lookupKeyWrite does), or null when the key is hot — or while an *-lfu policy
   * counts accesses, which it does in entries (a write's lookup counts as one) — and must be written through it.
   */
  coldSlotForWrite(db: number, key: string): number | null {
    const d = this.store.dbs[db];
    const slot = d.slotOf(key);
    if (slot === -1) return -1;
    if (d.hotAt(slot) !== null || this.lfu) return null;
    const at = d.coldExpireAt(slot);
    if (at !== 0 && at <= now()) {
      this.deleteExpired(db, key);
      return -1;
    }
    return slot;
  }

  /** Writes a string at `slot` as given by coldSlotForWrite (-1: a new key), leaving the key cold. */
  writeStringAt(db: number, key: string, value: Buffer, expireAt: number, enc: StringEncoding, slot: number): void {
    this.store.putBytesCold(db, key, value, expireAt, enc, slot, lruSeconds());
    this.onKeyChange(db, key);
    if (slot === -1) this.notify(NotifyClass.New, 'new', db, key);
  }

  /**
   * The live entry of `key` if it holds `type`, for reading (hits, misses, access time as lookupRead); undefined
   * when absent, WRONGTYPE when it holds another type.
   */
  readTyped(db: number, key: string, type: ValueType): Entry | undefined | WrongType {
    const e = this.lookupRead(db, key);
    if (e === undefined) return undefined;
    return e.type === type ? e : WRONGTYPE;
  }

  /** As readTyped, for writing (lookupWrite: no hit/miss accounting). */
  writeTyped(db: number, key: string, type: ValueType): Entry | undefined | WrongType {
    const e = this.lookupWrite(db, key);
    if (e === undefined) return undefined;
    return e.type === type ? e : WRONGTYPE;
  }

  /** Redis's notifyKeyspaceEvent. */
  notify(cls: NotifyClass, event: string, db: number, key: string): void {
    this.onNotify(cls, event, db, key);
  }

  /** Redis's signalKeyAsReady: clients blocked on the key get a chance once the current command is done. */
  signalReady(db: number, key: string): void {
    this.onKeyReady(db, key);
  }

  /**
   * A new, empty collection at `key` (which must not exist). Log its first change with logDelta in the same
   * command: the delta is what recreates it in recovery, and an empty collection must never outlive a command.
   */
  createCollection(db: number, key: string, type: ValueType, obj: unknown): Entry {
    const e = this.store.createCollection(db, key, type, obj);
    e.atime = lruSeconds();
    this.notify(NotifyClass.New, 'new', db, key);
    return e;
  }

  /** Logs a change already made to the collection in `e` (payload: the type's delta encoding, see delta.ts). */
  logDelta(db: number, key: string, e: Entry, payload: Buffer): void {
    this.store.appendDelta(db, key, e.type, payload, e);
    this.onKeyChange(db, key);
  }

  /** Makes `obj` the whole value of `key` (replacing anything), logged as an IMAGE (its encoding `image`). */
  putCollection(db: number, key: string, type: ValueType, obj: unknown, image: Buffer, expireAt: number): Entry {
    const created = !this.store.dbs[db].has(key);
    const e = this.store.putCollection(db, key, type, obj, image, expireAt);
    e.atime = lruSeconds();
    this.onKeyChange(db, key);
    // Redis's dbAdd announces a key that did not exist; replacing one (dbOverwrite) announces nothing.
    if (created) this.notify(NotifyClass.New, 'new', db, key);
    return e;
  }

  valueOf(e: Entry): Buffer {
    return this.store.valueOf(e);
  }

  /**
   * Stores a string value (expireAt: absolute ms, 0 = none), choosing the encoding Redis would report.
   * `current` is the key's live entry (or null for none) when the caller has just looked it up: passing it
   * saves a second hash lookup, which on a large keyspace costs a few cache misses. Without it the key is looked
   * up here as Redis's setKey does (a key past its deadline expires first), so a new key can be announced.
   */
  setString(db: number, key: string, value: Buffer, expireAt: number, enc: StringEncoding = encodingFor(value), current?: Entry | null): Entry {
    const old = current === undefined ? (this.live(db, key, this.store.dbs[db].get(key), true) ?? null) : current;
    const e = this.store.putBytes(db, key, value, expireAt, enc, old);
    e.atime = lruSeconds();
    // A new value: flags about the old one (an unshared integer made by COPY) no longer apply.
    e.flags = 0;
    this.onKeyChange(db, key);
    if (old === null) this.notify(NotifyClass.New, 'new', db, key);
    return e;
  }

  delete(db: number, key: string): boolean {
    if (!this.store.delete(db, key)) return false;
    this.onKeyChange(db, key);
    return true;
  }

  /** Sets or clears (0) the absolute deadline of an existing key. */
  setExpire(db: number, key: string, e: Entry, at: number): void {
    this.store.setExpire(db, key, e, at);
    this.onKeyChange(db, key);
  }

  /**
   * Deletes a key whose deadline passed, logging the delete as the effect (so backups and recovery agree). On a
   * backup it does nothing: the primary's delete will arrive in the stream.
   */
  expire(db: number, key: string): void {
    if (!this.replica) this.deleteExpired(db, key);
  }

  private deleteExpired(db: number, key: string): void {
    this.store.delete(db, key);
    this.counters.expiredKeys++;
    this.notify(NotifyClass.Expired, 'expired', db, key);
    this.onKeyChange(db, key);
  }

  flushDb(db: number): void {
    this.onFlush(db);
    this.store.flushDb(db);
  }

  flushAll(): void {
    for (let db = 0; db < this.databases; db++) this.onFlush(db);
    this.store.flushAll();
  }

  swapDb(a: number, b: number): void {
    this.onSwap(a, b);
    this.store.swapDb(a, b);
    this.onSwapped(a, b);
  }
}

/** The encoding of a string Redis creates with createStringObject (no integer detection). */
export function createdEncoding(length: number): StringEncoding {
  return length <= EMBSTR_LIMIT ? StringEncoding.Embstr : StringEncoding.Raw;
}

/** The encoding Redis's tryObjectEncoding gives a freshly set string value (int when string2l accepts it). */
export function encodingFor(value: Buffer): StringEncoding {
  const n = value.length;
  if (n > 0 && n <= MAX_INT_LEN && (parseSmallLong(value) !== undefined || parseLongLong(value) !== null)) return StringEncoding.Int;
  return createdEncoding(n);
}
