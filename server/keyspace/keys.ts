// Whole-key operations for every value type: lookups with Redis's accounting flags, expiry as logged effects,
// and RENAME/MOVE/COPY as effects (the value written under the new name, then the old key deleted). Each value
// type registers how its value is written elsewhere and named by OBJECT ENCODING. Returns statuses, never replies;
// announces its changes (keyspace notifications) as db.c and expire.c do.
import { now } from '../clock.js';
import type { Entry } from '../engine/entry.js';
import type { Keyspace } from './keyspace.js';
import { lfuCarry } from './lfu.js';
import { NotifyClass } from './notify.js';
import { StringEncoding, TYPE_NAMES, ValueType } from './types.js';

/** What a value type must provide so the generic key commands can handle it. */
export interface ValueTypeOps {
  /**
   * Writes the value of `src` as the whole value of `key` in `db`, with deadline `expireAt` (0 = none), replacing
   * whatever the key held, and returns the new entry. With `independent` the result must share nothing with
   * `src` (COPY); otherwise it may take `src`'s value over, because `src` is deleted right after (RENAME, MOVE).
   */
  write(ks: Keyspace, src: Entry, db: number, key: string, expireAt: number, independent: boolean): Entry;
  /** OBJECT ENCODING's answer. */
  encoding(e: Entry): string;
}

const OPS = new Map<number, ValueTypeOps>();

export function registerValueType(type: ValueType, ops: ValueTypeOps): void {
  OPS.set(type, ops);
}

function opsOf(e: Entry): ValueTypeOps {
  const ops = OPS.get(e.type);
  if (ops === undefined) throw new Error(`value type ${e.type} has no registered operations`);
  return ops;
}

const STRING_ENCODINGS: Record<number, string> = {
  [StringEncoding.Raw]: 'raw',
  [StringEncoding.Embstr]: 'embstr',
  [StringEncoding.Int]: 'int',
};

registerValueType(ValueType.String, {
  // The bytes are copied into a new record either way: a string value is never shared between keys.
  write: (ks, src, db, key, expireAt) => ks.setString(db, key, ks.valueOf(src), expireAt, src.enc as StringEncoding),
  encoding: (e) => STRING_ENCODINGS[e.enc] ?? 'raw',
});

/** lookupKeyRead: counts a hit or miss and marks an access (LFU counting is the keyspace's, under *-lfu). */
export function readKey(ks: Keyspace, db: number, key: string): Entry | undefined {
  return ks.lookupRead(db, key);
}

/** lookupKeyWrite: no hit/miss accounting, marks an access. */
export function writeKey(ks: Keyspace, db: number, key: string): Entry | undefined {
  return ks.lookupWrite(db, key);
}

/**
 * lookupKeyReadWithFlags(LOOKUP_NOTOUCH): counts a hit or miss, leaves the access time alone. A miss is announced
 * as 'keymiss' unless `notifyMiss` is false (OBJECT's LOOKUP_NONOTIFY).
 */
export function readKeyNoTouch(ks: Keyspace, db: number, key: string, notifyMiss = true): Entry | undefined {
  const e = ks.peek(db, key);
  if (e === undefined) {
    if (notifyMiss) ks.notify(NotifyClass.KeyMiss, 'keymiss', db, key);
    ks.counters.keyspaceMisses++;
  } else ks.counters.keyspaceHits++;
  return e;
}

/** TYPE's answer for an entry or a missing key. */
export function typeName(e: Entry | undefined): string {
  return e === undefined ? 'none' : (TYPE_NAMES[e.type] ?? 'unknown');
}

export function encodingName(e: Entry): string {
  return opsOf(e).encoding(e);
}

/** True when the key's deadline has passed (keyIsExpired: no deletion, no counting). */
export function isExpired(e: Entry, at: number = now()): boolean {
  return e.expireAt !== 0 && e.expireAt <= at;
}

/** expireIfNeeded: deletes the key (counted as expired) if it exists and its deadline passed. */
export function expireIfDue(ks: Keyspace, db: number, key: string): boolean {
  const e = ks.db(db).get(key);
  if (e === undefined || !isExpired(e)) return false;
  ks.expire(db, key);
  return true;
}

/**
 * Gives an existing key the absolute deadline `when` (ms). A deadline already past deletes the key, logged as a
 * delete (Redis 7.0 counts it as a deletion, not as an expired key); otherwise the deadline itself is logged.
 */
export function expireKeyAt(ks: Keyspace, db: number, key: string, e: Entry, when: number): 'deleted' | 'set' {
  if (when <= now()) {
    ks.delete(db, key);
    return 'deleted';
  }
  ks.setExpire(db, key, e, when);
  return 'set';
}

/** Removes a key's deadline; false when it had none. */
export function persistKey(ks: Keyspace, db: number, key: string, e: Entry): boolean {
  if (e.expireAt === 0) return false;
  ks.setExpire(db, key, e, 0);
  ks.notify(NotifyClass.Generic, 'persist', db, key);
  return true;
}

export const enum RenameStatus {
  NoSuchKey,
  SameKey,
  TargetExists,
  Renamed,
}

/** RENAME / RENAMENX: the value and its deadline move to `to`; with `nx`, an existing `to` stops it. */
export function renameKey(ks: Keyspace, db: number, from: string, to: string, nx: boolean): RenameStatus {
  const src = writeKey(ks, db, from);
  if (src === undefined) return RenameStatus.NoSuchKey;
  if (from === to) return RenameStatus.SameKey;
  const replaced = writeKey(ks, db, to) !== undefined;
  if (replaced && nx) return RenameStatus.TargetExists;
  transfer(ks, src, db, from, db, to, replaced);
  ks.notify(NotifyClass.Generic, 'rename_from', db, from);
  ks.notify(NotifyClass.Generic, 'rename_to', db, to);
  return RenameStatus.Renamed;
}

/** MOVE: false when the key is missing or the target database already holds it. */
export function moveKey(ks: Keyspace, fromDb: number, toDb: number, key: string): boolean {
  const src = writeKey(ks, fromDb, key);
  if (src === undefined) return false;
  if (writeKey(ks, toDb, key) !== undefined) return false;
  transfer(ks, src, fromDb, key, toDb, key, false);
  ks.notify(NotifyClass.Generic, 'move_from', fromDb, key);
  ks.notify(NotifyClass.Generic, 'move_to', toDb, key);
  return true;
}

/** COPY: an independent value with the same deadline; false when the source is missing or the target exists. */
export function copyKey(ks: Keyspace, fromDb: number, from: string, toDb: number, to: string, replace: boolean): boolean {
  const src = readKey(ks, fromDb, from);
  if (src === undefined) return false;
  const replaced = writeKey(ks, toDb, to) !== undefined;
  if (replaced && !replace) return false;
  const copy = opsOf(src).write(ks, src, toDb, to, src.expireAt, true);
  if (replaced) announceReplaced(ks, toDb, to);
  // Redis duplicates an int-encoded string into a fresh, unshared object.
  if (src.type === ValueType.String && src.enc === StringEncoding.Int) copy.flags |= UNSHARED_INT;
  ks.notify(NotifyClass.Generic, 'copy_to', toDb, to);
  return true;
}

/**
 * Redis deletes a replaced target and adds the value anew (dbDelete + dbAdd), so even a key that existed is
 * announced as 'new'; writing over it here announces nothing by itself.
 */
function announceReplaced(ks: Keyspace, db: number, key: string): void {
  ks.notify(NotifyClass.New, 'new', db, key);
}

/** The same value under a new name or database: written there, then the old key deleted (both logged). */
function transfer(ks: Keyspace, src: Entry, fromDb: number, from: string, toDb: number, to: string, replaced: boolean): void {
  const moved = opsOf(src).write(ks, src, toDb, to, src.expireAt, false);
  if (replaced) announceReplaced(ks, toDb, to);
  lfuCarry(src, moved);
  moved.flags |= src.flags & UNSHARED_INT;
  ks.delete(fromDb, from);
}

/** Redis's OBJ_SHARED_REFCOUNT (INT_MAX): what OBJECT REFCOUNT reports for a shared integer. */
export const SHARED_REFCOUNT = 2147483647;
/** Integers below this are shared objects in Redis (OBJ_SHARED_INTEGERS). */
const SHARED_INTEGERS = 10000;
/** Entry flag: an int-encoded value Redis would hold as a private object (made by COPY) although it is shareable. */
const UNSHARED_INT = 1;

/**
 * OBJECT REFCOUNT: Redis stores small non-negative integers as one shared object unless maxmemory is set with an
 * LRU or LFU policy (`sharingAllowed` false); every other value has exactly one reference.
 */
export function refcount(ks: Keyspace, e: Entry, sharingAllowed: boolean): number {
  if (!sharingAllowed || e.type !== ValueType.String || e.enc !== StringEncoding.Int || (e.flags & UNSHARED_INT) !== 0) return 1;
  const v = ks.valueOf(e);
  if (v.length > 4 || v[0] === 0x2d) return 1;
  return Number(v.toString('latin1')) < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
}
