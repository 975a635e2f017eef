// The data side of Redis's string commands (t_string.c): reads, whole-value rewrites in the log, and the value
// arithmetic. Returns values or status symbols and never replies; argument parsing and replies are commands/.
// Effects only: every write carries the resulting bytes and an absolute deadline. Each write announces itself
// (keyspace notifications) where t_string.c does, after the change.
// Imported, not the global: Node 20's global Buffer is a getter on globalThis, ~3% of INCR in process.
import { Buffer } from 'node:buffer';
import { now } from '../clock.js';
import type { Entry } from '../engine/entry.js';
import { addLongDouble, formatLongDouble, isFiniteLongDouble } from '../platform/native.js';
import { createdEncoding, encodingFor, type Keyspace } from './keyspace.js';
import { NotifyClass } from './notify.js';
import { LLONG_MAX, LLONG_MIN, parseLongDouble, parseLongLong, parseSmallLong, type LongDouble } from './number-parse.js';
import { StringEncoding, ValueType, WRONGTYPE, type WrongType } from './types.js';

/** The stored value is not a canonical 64-bit integer. */
export const NOT_INTEGER: unique symbol = Symbol('NOT_INTEGER');
/** The result would leave the signed 64-bit range. */
export const OVERFLOW: unique symbol = Symbol('OVERFLOW');
/** The stored value or the increment is not a number string2ld accepts. */
export const NOT_FLOAT: unique symbol = Symbol('NOT_FLOAT');
/** The sum is NaN or infinite. */
export const NOT_FINITE: unique symbol = Symbol('NOT_FINITE');
/** The resulting string would be longer than proto-max-bulk-len. */
export const TOO_LARGE: unique symbol = Symbol('TOO_LARGE');

const ZERO_LD = parseLongDouble(Buffer.from('0'))!;

/** Lookup for reading (counts a hit or a miss): the live entry, undefined if absent, WRONGTYPE if not a string. */
export function lookupStringRead(ks: Keyspace, db: number, key: string): Entry | undefined | WrongType {
  const e = ks.lookupRead(db, key);
  if (e !== undefined && e.type !== ValueType.String) return WRONGTYPE;
  return e;
}

/** Lookup for writing (no hit/miss accounting), as lookupKeyWrite followed by checkType. */
export function lookupStringWrite(ks: Keyspace, db: number, key: string): Entry | undefined | WrongType {
  const e = ks.lookupWrite(db, key);
  if (e !== undefined && e.type !== ValueType.String) return WRONGTYPE;
  return e;
}

export interface SetCondition {
  /** Only if the key does not exist. */
  nx: boolean;
  /** Only if the key exists. */
  xx: boolean;
  /** Keep the current deadline instead of clearing it. */
  keepTtl: boolean;
  /** Absolute deadline in ms to set; 0 = none (then keepTtl decides). */
  expireAt: number;
}

/** SET's write (setGenericCommand): false when NX/XX prevented it. The value's encoding is tryObjectEncoding's. */
export function setValue(ks: Keyspace, db: number, key: string, value: Buffer, cond: SetCondition): boolean {
  if (!cond.nx && !cond.xx && !cond.keepTtl) {
    // Nothing about the old value matters: written without making an entry (a new or cold key stays cold).
    ks.writeString(db, key, value, cond.expireAt);
    ks.notify(NotifyClass.String, 'set', db, key);
    if (cond.expireAt !== 0) ks.notify(NotifyClass.Generic, 'expire', db, key);
    return true;
  }
  const e = ks.lookupWrite(db, key);
  if ((cond.nx && e !== undefined) || (cond.xx && e === undefined)) return false;
  let at = cond.expireAt;
  if (at === 0 && cond.keepTtl && e !== undefined) at = e.expireAt;
  ks.setString(db, key, value, at, encodingFor(value), e ?? null);
  ks.notify(NotifyClass.String, 'set', db, key);
  if (cond.expireAt !== 0) ks.notify(NotifyClass.Generic, 'expire', db, key);
  return true;
}

/** MSET / MSETNX: every keys[i] gets values[i], or (nx, when any key exists) nothing is written. */
export function setMany(ks: Keyspace, db: number, keys: string[], values: Buffer[], nx: boolean): boolean {
  if (nx) {
    for (const key of keys) if (ks.lookupWrite(db, key) !== undefined) return false;
  }
  for (let i = 0; i < keys.length; i++) {
    ks.writeString(db, keys[i], values[i], 0);
    ks.notify(NotifyClass.String, 'set', db, keys[i]);
  }
  return true;
}

/** GETDEL: the old value (a view of the log, valid during this command), null if absent. */
export function getDel(ks: Keyspace, db: number, key: string): Buffer | null | WrongType {
  const e = lookupStringRead(ks, db, key);
  if (e === undefined || e === WRONGTYPE) return e === WRONGTYPE ? WRONGTYPE : null;
  const value = ks.valueOf(e);
  deleteKey(ks, db, key);
  return value;
}

/** A delete a command asked for (GETDEL, GETEX at a past deadline): logged and announced as 'del'. */
export function deleteKey(ks: Keyspace, db: number, key: string): void {
  if (ks.delete(db, key)) ks.notify(NotifyClass.Generic, 'del', db, key);
}

/**
 * GETEX's expiry change on an existing string: a deadline already past deletes the key (a plain delete, not
 * counted as expired, as Redis does); 'persist' clears the deadline if there is one.
 */
export function changeExpiry(ks: Keyspace, db: number, key: string, e: Entry, change: number | 'persist'): void {
  if (change === 'persist') {
    if (e.expireAt === 0) return;
    ks.setExpire(db, key, e, 0);
    ks.notify(NotifyClass.Generic, 'persist', db, key);
  } else if (change <= now()) {
    deleteKey(ks, db, key);
  } else {
    ks.setExpire(db, key, e, change);
    ks.notify(NotifyClass.Generic, 'expire', db, key);
  }
}

/** Below this magnitude a sum of two values stays an exact JS number. */
export const SMALL_DELTA = 2 ** 52;

/** Room for the digits of any safe integer and its sign. */
const scratch = Buffer.allocUnsafe(24);

/**
 * The decimal digits of a safe integer as a view of one shared scratch buffer, valid until the next call: only
 * for values the log copies at once. Spares INCR a string and a buffer per call (String() + Buffer.from were
 * ~10% of INCR in process, scripts/bench.ts).
 */
function digitsOf(n: number): Buffer {
  let end = 24;
  let v = n < 0 ? -n : n;
  do {
    const r = v % 10;
    scratch[--end] = 0x30 + r;
    v = (v - r) / 10;
  } while (v > 0);
  if (n < 0) scratch[--end] = 0x2d;
  return scratch.subarray(end, 24);
}

/**
 * INCRBY and friends: the new value, stored int-encoded with the key's deadline kept. `delta` is a bigint, or a
 * number when its magnitude is below SMALL_DELTA (INCR, DECR and most INCRBYs: no BigInt arithmetic then).
 */
export function incrBy(ks: Keyspace, db: number, key: string, delta: number | bigint): number | bigint | WrongType | typeof NOT_INTEGER | typeof OVERFLOW {
  const slot = ks.coldSlotForWrite(db, key);
  if (slot !== null) return incrByCold(ks, db, key, delta, slot);
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  const stored = e === undefined ? undefined : ks.valueOf(e);
  // Small counters (nearly all) are added as numbers; anything near the 64-bit edge goes through BigInt.
  const small = stored === undefined ? 0 : parseSmallLong(stored);
  if (small !== undefined && typeof delta === 'number') {
    const value = small + delta;
    ks.setString(db, key, digitsOf(value), e?.expireAt ?? 0, StringEncoding.Int, e ?? null);
    ks.notify(NotifyClass.String, 'incrby', db, key);
    return value;
  }
  const old = stored === undefined ? 0n : parseLongLong(stored);
  if (old === null) return NOT_INTEGER;
  const value = old + BigInt(delta);
  if (value > LLONG_MAX || value < LLONG_MIN) return OVERFLOW;
  ks.setString(db, key, Buffer.from(value.toString(), 'latin1'), e?.expireAt ?? 0, StringEncoding.Int, e ?? null);
  ks.notify(NotifyClass.String, 'incrby', db, key);
  return value;
}

/** incrBy for a cold or absent key (`slot` from coldSlotForWrite): read from the record, written without an entry. */
function incrByCold(ks: Keyspace, db: number, key: string, delta: number | bigint, slot: number): number | bigint | WrongType | typeof NOT_INTEGER | typeof OVERFLOW {
  const d = ks.db(db);
  if (slot !== -1 && d.coldType(slot) !== ValueType.String) return WRONGTYPE;
  const stored = slot === -1 ? undefined : d.coldValue(slot);
  const expireAt = slot === -1 ? 0 : d.coldExpireAt(slot);
  const small = stored === undefined ? 0 : parseSmallLong(stored);
  let value: number | bigint;
  let bytes: Buffer;
  if (small !== undefined && typeof delta === 'number') {
    value = small + delta;
    bytes = digitsOf(value);
  } else {
    const old = stored === undefined ? 0n : parseLongLong(stored);
    if (old === null) return NOT_INTEGER;
    value = old + BigInt(delta);
    if (value > LLONG_MAX || value < LLONG_MIN) return OVERFLOW;
    bytes = Buffer.from(value.toString(), 'latin1');
  }
  ks.writeStringAt(db, key, bytes, expireAt, StringEncoding.Int, slot);
  ks.notify(NotifyClass.String, 'incrby', db, key);
  return value;
}

/**
 * INCRBYFLOAT: adds in C long double and stores the printed result (the effect, so float formatting can never
 * make a backup or a recovery diverge). `incr` is null when the argument did not parse: that is reported only
 * after the stored value was checked, as Redis does.
 */
export function incrByFloat(ks: Keyspace, db: number, key: string, incr: LongDouble | null): Buffer | WrongType | typeof NOT_FLOAT | typeof NOT_FINITE {
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  const old = e === undefined ? ZERO_LD : parseLongDouble(ks.valueOf(e));
  if (old === null || incr === null) return NOT_FLOAT;
  const sum = addLongDouble(old, incr);
  if (!isFiniteLongDouble(sum)) return NOT_FINITE;
  const value = Buffer.from(formatLongDouble(sum, 'human'), 'latin1');
  ks.setString(db, key, value, e?.expireAt ?? 0, createdEncoding(value.length), e ?? null);
  ks.notify(NotifyClass.String, 'incrbyfloat', db, key);
  return value;
}

/** APPEND: the new length. A new key takes the argument as SET would; an existing one becomes raw. */
export function append(ks: Keyspace, db: number, key: string, suffix: Buffer, maxLen: number): number | WrongType | typeof TOO_LARGE {
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  if (e === undefined) {
    ks.setString(db, key, suffix, 0, encodingFor(suffix), null);
    ks.notify(NotifyClass.String, 'append', db, key);
    return suffix.length;
  }
  if (suffix.length > maxLen - e.len) return TOO_LARGE;
  const value = Buffer.concat([ks.valueOf(e), suffix]);
  ks.setString(db, key, value, e.expireAt, StringEncoding.Raw, e);
  ks.notify(NotifyClass.String, 'append', db, key);
  return value.length;
}

/**
 * SETRANGE: the resulting length. Writing nothing creates nothing (0 for a missing key, the current length
 * otherwise); the gap up to `offset` is zero bytes; the result is raw and keeps the deadline.
 */
export function setRange(ks: Keyspace, db: number, key: string, offset: number, chunk: Buffer, maxLen: number): number | WrongType | typeof TOO_LARGE {
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  if (chunk.length === 0) return e === undefined ? 0 : e.len;
  if (offset > maxLen - chunk.length) return TOO_LARGE;
  const end = offset + chunk.length;
  const oldLen = e === undefined ? 0 : e.len;
  const value = Buffer.alloc(Math.max(oldLen, end));
  if (e !== undefined) ks.valueOf(e).copy(value);
  chunk.copy(value, offset);
  ks.setString(db, key, value, e?.expireAt ?? 0, StringEncoding.Raw, e ?? null);
  ks.notify(NotifyClass.String, 'setrange', db, key);
  return value.length;
}
