// Redis keys over the engine: lookups that apply lazy expiry, type checks as statuses, and the counters Redis
// keeps (hits, misses, expired keys). Families of operations (strings, keys, …) build on this.
import { lruSeconds, now } from '../clock.js';
import type { Entry } from '../engine/entry.js';
import type { KeyIndex } from '../engine/key-index.js';
import type { Store } from '../engine/store.js';
import { lfuAccess } from './lfu.js';
import { parseLongLong, parseSmallLong } from './number-parse.js';
import { StringEncoding, ValueType, WRONGTYPE, type WrongType } from './types.js';

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
  /** Called with (event, db, key) for every key change; keyspace notifications hook in here later. */
  onKeyChange: (db: number, key: string) => void = () => {};
  /** True while maxmemory-policy is an *-lfu one; the composition root keeps it in step with the config. */
  lfu = false;

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
    const e = this.store.dbs[db].map.get(key);
    if (e === undefined) return undefined;
    if (e.expireAt !== 0 && e.expireAt <= now()) {
      this.expire(db, key);
      return undefined;
    }
    return e;
  }

  /** Lookup for reading: counts a hit or a miss and updates the access time, as lookupKeyRead does. */
  lookupRead(db: number, key: string): Entry | undefined {
    const e = this.peek(db, key);
    if (e === undefined) {
      this.counters.keyspaceMisses++;
      return undefined;
    }
    this.counters.keyspaceHits++;
    this.touch(e);
    return e;
  }

  /** Lookup for writing: no hit/miss accounting, as lookupKeyWrite. */
  lookupWrite(db: number, key: string): Entry | undefined {
    const e = this.peek(db, key);
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

  valueOf(e: Entry): Buffer {
    return this.store.valueOf(e);
  }

  /**
   * Stores a string value (expireAt: absolute ms, 0 = none), choosing the encoding Redis would report.
   * `current` is the key's live entry (or null for none) when the caller has just looked it up: passing it
   * saves a second hash lookup, which on a large keyspace costs a few cache misses.
   */
  setString(db: number, key: string, value: Buffer, expireAt: number, enc: StringEncoding = encodingFor(value), current?: Entry | null): Entry {
    const e = this.store.putBytes(db, key, value, expireAt, enc, current);
    e.atime = lruSeconds();
    this.onKeyChange(db, key);
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

  /** Deletes a key whose deadline passed, logging the delete as the effect (so backups and recovery agree). */
  expire(db: number, key: string): void {
    this.store.delete(db, key);
    this.counters.expiredKeys++;
    this.onKeyChange(db, key);
  }

  flushDb(db: number): void {
    this.store.flushDb(db);
  }

  flushAll(): void {
    this.store.flushAll();
  }

  swapDb(a: number, b: number): void {
    this.store.swapDb(a, b);
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
