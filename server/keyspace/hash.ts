// The data side of Redis's hash commands (t_hash.c): field writes and deletes logged as effects, the encoding Redis
// would report, and the keyspace notifications in Redis's order. Returns values or statuses, never replies.
// Registers the hash type with recovery (codec) and with the generic key commands (RENAME, COPY, OBJECT ENCODING).
import type { Entry } from '../engine/entry.js';
import { registerCollectionCodec } from '../engine/collections.js';
import { addLongDouble, formatLongDouble, isFiniteLongDouble } from '../platform/native.js';
import {
  HASH_CONCATENABLE, applyHashDelta, decodeHashImage, deletePayload, encodeHashImage, setOnePayload, setPayload,
} from './hash/codec.js';
import { HashObject } from './hash/object.js';
import { ENCODING_LIMITS } from './encoding-limits.js';
import type { Keyspace } from './keyspace.js';
import { registerValueType } from './keys.js';
import { NotifyClass } from './notify.js';
import { LLONG_MAX, LLONG_MIN, parseLongDouble, parseLongLong, type LongDouble } from './number-parse.js';
import { ValueType, WRONGTYPE, type WrongType } from './types.js';

export { HashObject };

/** HINCRBY: the stored value is not a 64-bit integer. */
export const HASH_NOT_INTEGER: unique symbol = Symbol('HASH_NOT_INTEGER');
/** HINCRBYFLOAT: the stored value is not a number string2ld accepts. */
export const HASH_NOT_FLOAT: unique symbol = Symbol('HASH_NOT_FLOAT');
/** HINCRBY: the result would leave the signed 64-bit range. */
export const HASH_OVERFLOW: unique symbol = Symbol('HASH_OVERFLOW');
/** HINCRBYFLOAT: the sum is NaN or infinite. */
export const HASH_NOT_FINITE: unique symbol = Symbol('HASH_NOT_FINITE');

/** The fields and values of a hash object, in its current order, for one pass (the cross-type API other families use). */
export function hashEntries(obj: unknown): Iterable<[string, Buffer]> {
  return (obj as HashObject).entries();
}

/** A hash object holding `entries` (copied), not yet in any keyspace; encoding as Redis would pick when loading it. */
export function hashFromEntries(entries: Iterable<[string, Buffer]>): HashObject {
  const obj = new HashObject();
  for (const [f, v] of entries) {
    obj.set(f, v);
    if (f.length > ENCODING_LIMITS.hashMaxListpackValue || v.length > ENCODING_LIMITS.hashMaxListpackValue) obj.toHashtable();
  }
  if (obj.size > ENCODING_LIMITS.hashMaxListpackEntries) obj.toHashtable();
  return obj;
}

/** The hash at `key` for reading (counts a hit or miss, as lookupKeyRead); undefined when absent. */
export function readHash(ks: Keyspace, db: number, key: string): HashObject | undefined | WrongType {
  const e = ks.readTyped(db, key, ValueType.Hash);
  return e === undefined || e === WRONGTYPE ? e : (e.obj as HashObject);
}

/** hashTypeTryConversion: a field or value longer than hash-max-listpack-value makes the hash a hashtable. */
function convertIfLong(obj: HashObject, args: readonly Buffer[]): void {
  if (!obj.listpack) return;
  const max = ENCODING_LIMITS.hashMaxListpackValue;
  for (let i = 0; i < args.length; i++) {
    if (args[i].length > max) {
      obj.toHashtable();
      return;
    }
  }
}

/**
 * hashTypeSet's own checks, after the write: too many fields makes the hash a hashtable. A write only adds
 * fields, so checking once after all of a command's pairs ends in the encoding a check after each pair would.
 */
function convertIfMany(obj: HashObject): void {
  if (obj.listpack && obj.size > ENCODING_LIMITS.hashMaxListpackEntries) obj.toHashtable();
}

/** The live hash at `key` for writing, a new one (not yet in the keyspace) when absent, or WRONGTYPE. */
function lookupWrite(ks: Keyspace, db: number, key: string): { e: Entry | undefined; obj: HashObject } | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Hash);
  if (e === WRONGTYPE) return WRONGTYPE;
  return { e, obj: e === undefined ? new HashObject() : (e.obj as HashObject) };
}

/** Logs the SET effect of `pairs`, creating the key first when it is new. */
function logSet(ks: Keyspace, db: number, key: string, e: Entry | undefined, obj: HashObject, pairs: readonly Buffer[]): void {
  ks.logDelta(db, key, entryOf(ks, db, key, e, obj), setPayload(obj, pairs));
}

/** The hash's entry, made now (key created) when it is new; call before building the payload it logs. */
function entryOf(ks: Keyspace, db: number, key: string, e: Entry | undefined, obj: HashObject): Entry {
  return e ?? ks.createCollection(db, key, ValueType.Hash, obj);
}

/** HSET / HMSET: `pairs` is field, value, field, value …; returns how many fields are new. */
export function hashSet(ks: Keyspace, db: number, key: string, pairs: readonly Buffer[]): number | WrongType {
  const w = lookupWrite(ks, db, key);
  if (w === WRONGTYPE) return WRONGTYPE;
  const obj = w.obj;
  convertIfLong(obj, pairs);
  let created = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    if (obj.setCopy(pairs[i], pairs[i + 1])) created++;
  }
  convertIfMany(obj);
  logSet(ks, db, key, w.e, w.obj, pairs);
  ks.notify(NotifyClass.Hash, 'hset', db, key);
  return created;
}

/** HSET of one field and value given by place in `src` (the hot path's: no view of them is made). */
export function hashSetOne(ks: Keyspace, db: number, key: string, src: Buffer, fAt: number, fLen: number, vAt: number, vLen: number): number | WrongType {
  const w = lookupWrite(ks, db, key);
  if (w === WRONGTYPE) return WRONGTYPE;
  const obj = w.obj;
  const max = ENCODING_LIMITS.hashMaxListpackValue;
  if (obj.listpack && (fLen > max || vLen > max)) obj.toHashtable();
  const created = obj.setFrom(src, fAt, fLen, src, vAt, vLen) ? 1 : 0;
  convertIfMany(obj);
  ks.logDelta(db, key, entryOf(ks, db, key, w.e, obj), setOnePayload(obj, src, fAt, fLen, vAt, vLen));
  ks.notify(NotifyClass.Hash, 'hset', db, key);
  return created;
}

/** HSETNX: false (and nothing written) when the field exists. */
export function hashSetNx(ks: Keyspace, db: number, key: string, field: Buffer, value: Buffer): boolean | WrongType {
  const w = lookupWrite(ks, db, key);
  if (w === WRONGTYPE) return WRONGTYPE;
  const name = field.toString('latin1');
  if (w.obj.get(name) !== undefined) return false;
  convertIfLong(w.obj, [field, value]);
  w.obj.setCopy(field, value);
  convertIfMany(w.obj);
  logSet(ks, db, key, w.e, w.obj, [field, value]);
  ks.notify(NotifyClass.Hash, 'hset', db, key);
  return true;
}

/** HDEL: how many of `fields` were removed; a hash left empty is deleted (logged after the delta). */
export function hashDelete(ks: Keyspace, db: number, key: string, fields: readonly Buffer[]): number | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Hash);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? 0 : WRONGTYPE;
  const obj = e.obj as HashObject;
  const removed: string[] = [];
  for (const f of fields) {
    const name = f.toString('latin1');
    if (obj.delete(name)) removed.push(name);
    if (obj.size === 0) break;
  }
  if (removed.length === 0) return 0;
  ks.logDelta(db, key, e, deletePayload(removed));
  ks.notify(NotifyClass.Hash, 'hdel', db, key);
  if (obj.size === 0) {
    ks.delete(db, key);
    ks.notify(NotifyClass.Generic, 'del', db, key);
  }
  return removed.length;
}

/** Writes one field's computed value (HINCRBY, HINCRBYFLOAT) as hashTypeSet does, and logs it. */
function setComputed(ks: Keyspace, db: number, key: string, w: { e: Entry | undefined; obj: HashObject }, field: Buffer, value: Buffer): void {
  convertIfLong(w.obj, [field, value]);
  w.obj.setCopy(field, value);
  convertIfMany(w.obj);
  logSet(ks, db, key, w.e, w.obj, [field, value]);
}

/** HINCRBY: the new value; a missing field counts as 0. */
export function hashIncrBy(
  ks: Keyspace,
  db: number,
  key: string,
  field: Buffer,
  incr: bigint,
): bigint | WrongType | typeof HASH_NOT_INTEGER | typeof HASH_OVERFLOW {
  const w = lookupWrite(ks, db, key);
  if (w === WRONGTYPE) return WRONGTYPE;
  const stored = w.obj.get(field.toString('latin1'));
  const old = stored === undefined ? 0n : parseLongLong(stored);
  if (old === null) return HASH_NOT_INTEGER;
  const value = old + incr;
  if (value > LLONG_MAX || value < LLONG_MIN) return HASH_OVERFLOW;
  setComputed(ks, db, key, w, field, Buffer.from(value.toString(), 'latin1'));
  ks.notify(NotifyClass.Hash, 'hincrby', db, key);
  return value;
}

const ZERO = parseLongDouble(Buffer.from('0'))!;

/**
 * HINCRBYFLOAT: adds in C long double and stores the printed result, which is also what gets logged (so float
 * formatting can never make a backup or a recovery diverge). `incr` is finite: the command checked it.
 */
export function hashIncrByFloat(
  ks: Keyspace,
  db: number,
  key: string,
  field: Buffer,
  incr: LongDouble,
): Buffer | WrongType | typeof HASH_NOT_FLOAT | typeof HASH_NOT_FINITE {
  const w = lookupWrite(ks, db, key);
  if (w === WRONGTYPE) return WRONGTYPE;
  const stored = w.obj.get(field.toString('latin1'));
  const old = stored === undefined ? ZERO : parseLongDouble(stored);
  if (old === null) return HASH_NOT_FLOAT;
  const sum = addLongDouble(old, incr);
  if (!isFiniteLongDouble(sum)) return HASH_NOT_FINITE;
  const value = Buffer.from(formatLongDouble(sum, 'human'), 'latin1');
  setComputed(ks, db, key, w, field, value);
  ks.notify(NotifyClass.Hash, 'hincrbyfloat', db, key);
  return value;
}

registerCollectionCodec(ValueType.Hash, {
  create: () => new HashObject(),
  applyDelta: (obj, payload) => applyHashDelta(obj as HashObject, payload),
  decodeImage: (payload) => decodeHashImage(payload),
  encodeImage: (obj) => encodeHashImage(obj as HashObject),
  encodingOf: (obj) => ((obj as HashObject).listpack ? 1 : 0),
  concatenable: HASH_CONCATENABLE,
});

registerValueType(ValueType.Hash, {
  write(ks, src, db, key, expireAt, independent) {
    const obj = independent ? (src.obj as HashObject).clone() : (src.obj as HashObject);
    return ks.putCollection(db, key, ValueType.Hash, obj, encodeHashImage(obj), expireAt);
  },
  encoding: (e) => ((e.obj as HashObject).listpack ? 'listpack' : 'hashtable'),
});
