// HyperLogLog over string values, as Redis 7.0 keeps them (hyperloglog.c): PFADD, PFCOUNT (one key or the union
// of several) and PFMERGE. Every change writes the whole resulting string (the effect); returns statuses, never replies.
import type { Entry } from '../engine/entry.js';
import type { Keyspace } from './keyspace.js';
import { NotifyClass } from './notify.js';
import { StringEncoding, ValueType, WRONGTYPE, type WrongType } from './types.js';
import {
  HLL_DENSE,
  HLL_REGISTERS,
  cacheValid,
  cachedCard,
  denseHistogram,
  denseMergeInto,
  denseRaise,
  encodingOf,
  invalidateCache,
  isHllValue,
  rawHistogram,
  storeCard,
} from './hyperloglog/dense.js';
import { estimate } from './hyperloglog/estimate.js';
import { patternOf } from './hyperloglog/murmur.js';
import { emptySparse, sparseHistogram, sparseMergeInto, sparseSet, sparseToDense } from './hyperloglog/sparse.js';

/** The string is not an HLL (bad magic, encoding or length). */
export const NOT_HLL: unique symbol = Symbol('NOT_HLL');
/** A sparse HLL whose runs do not cover the registers exactly. */
export const HLL_CORRUPT: unique symbol = Symbol('HLL_CORRUPT');
export type HllStatus = WrongType | typeof NOT_HLL | typeof HLL_CORRUPT;

/**
 * Redis's hll-sparse-max-bytes default: a sparse value that would grow past it turns dense. faha has no such
 * configuration parameter yet, so the default is fixed here.
 */
export const HLL_SPARSE_MAX_BYTES = 3000;

/** An existing key checked as isHLLObjectOrReply does: a string, with the HLL magic and shape. */
function hllBytes(ks: Keyspace, e: Entry): Buffer | WrongType | typeof NOT_HLL {
  if (e.type !== ValueType.String) return WRONGTYPE;
  const v = ks.valueOf(e);
  // An int-encoded string is never an HLL to Redis (it has no sds bytes to look at).
  if (e.enc === StringEncoding.Int || !isHllValue(v)) return NOT_HLL;
  return v;
}

/** Raises register `index` to `count` in `v` (any encoding): the new value and whether it changed. */
function raise(v: Buffer, index: number, count: number): { value: Buffer; status: 1 | 0 | -1 } {
  if (encodingOf(v) === HLL_DENSE) return { value: v, status: denseRaise(v, index, count) ? 1 : 0 };
  return sparseSet(v, index, count, HLL_SPARSE_MAX_BYTES);
}

/** Stores `v` as the key's new raw string, keeping its deadline (Redis changes the value in place). */
function store(ks: Keyspace, db: number, key: string, v: Buffer, e: Entry | undefined): void {
  ks.setString(db, key, v, e?.expireAt ?? 0, StringEncoding.Raw, e ?? null);
}

/**
 * dbUnshareStringValue's visible trace when nothing else changes: the value becomes raw-encoded. Logged as a
 * rewrite of the same bytes only when the encoding really changes (a short sparse value stored by SET).
 */
function unshare(ks: Keyspace, db: number, key: string, e: Entry): void {
  if (e.enc !== StringEncoding.Raw) store(ks, db, key, Buffer.from(ks.valueOf(e)), e);
}

/** PFADD: 1 when a register changed (or the key was created), else 0. */
export function pfAdd(ks: Keyspace, db: number, key: string, elements: Buffer[]): 0 | 1 | HllStatus {
  const e = ks.lookupWrite(db, key);
  let v: Buffer;
  let updated = 0;
  if (e === undefined) {
    v = emptySparse();
    updated++;
  } else {
    const current = hllBytes(ks, e);
    if (typeof current === 'symbol') return current;
    v = Buffer.from(current);
  }
  for (const el of elements) {
    const { index, count } = patternOf(el);
    const r = raise(v, index, count);
    v = r.value;
    if (r.status === -1) {
      // Redis has already changed the value in place for the elements before the corrupt spot.
      if (updated > 0) store(ks, db, key, v, e);
      else unshare(ks, db, key, e!);
      return HLL_CORRUPT;
    }
    updated += r.status;
  }
  if (updated === 0) {
    unshare(ks, db, key, e!);
    return 0;
  }
  invalidateCache(v);
  store(ks, db, key, v, e);
  ks.notify(NotifyClass.String, 'pfadd', db, key);
  return 1;
}

/** PFCOUNT of one key: the cached cardinality, or a fresh estimate that is then cached in the value. */
export function pfCountOne(ks: Keyspace, db: number, key: string): number | bigint | HllStatus {
  const e = ks.lookupRead(db, key);
  if (e === undefined) return 0;
  const current = hllBytes(ks, e);
  if (typeof current === 'symbol') return current;
  if (cacheValid(current)) {
    unshare(ks, db, key, e);
    return cachedCard(current);
  }
  const histo = new Int32Array(64);
  if (encodingOf(current) === HLL_DENSE) denseHistogram(current, histo);
  else if (!sparseHistogram(current, histo)) {
    unshare(ks, db, key, e);
    return HLL_CORRUPT;
  }
  const card = estimate(histo);
  const v = Buffer.from(current);
  storeCard(v, card);
  store(ks, db, key, v, e);
  return card;
}

/** Folds the HLLs at `keys` into one byte per register; missing keys count as empty. */
function mergeKeys(ks: Keyspace, db: number, keys: string[], max: Uint8Array): { dense: boolean } | HllStatus {
  let dense = false;
  for (const key of keys) {
    const e = ks.lookupRead(db, key);
    if (e === undefined) continue;
    const v = hllBytes(ks, e);
    if (typeof v === 'symbol') return v;
    if (encodingOf(v) === HLL_DENSE) {
      dense = true;
      denseMergeInto(v, max);
    } else if (!sparseMergeInto(v, max)) {
      return HLL_CORRUPT;
    }
  }
  return { dense };
}

/** PFCOUNT of several keys: the estimate of their union, stored nowhere. */
export function pfCountUnion(ks: Keyspace, db: number, keys: string[]): number | HllStatus {
  const max = new Uint8Array(HLL_REGISTERS);
  const r = mergeKeys(ks, db, keys, max);
  if (typeof r === 'symbol') return r;
  const histo = new Int32Array(64);
  rawHistogram(max, histo);
  return estimate(histo);
}

/**
 * PFMERGE: `dest` (itself one of the sources) becomes the union of all. It turns dense when any source is
 * dense; otherwise it stays sparse while it can, register by register as Redis fills it.
 */
export function pfMerge(ks: Keyspace, db: number, dest: string, sources: string[]): true | HllStatus {
  const max = new Uint8Array(HLL_REGISTERS);
  const r = mergeKeys(ks, db, [dest, ...sources], max);
  if (typeof r === 'symbol') return r;
  const e = ks.lookupWrite(db, dest);
  let v = e === undefined ? emptySparse() : Buffer.from(ks.valueOf(e));
  if (r.dense && encodingOf(v) !== HLL_DENSE) {
    const dense = sparseToDense(v);
    if (dense === null) return HLL_CORRUPT;
    v = dense;
  }
  for (let reg = 0; reg < HLL_REGISTERS; reg++) {
    if (max[reg] !== 0) v = raise(v, reg, max[reg]).value;
  }
  invalidateCache(v);
  store(ks, db, dest, v, e);
  ks.notify(NotifyClass.String, 'pfadd', db, dest);
  return true;
}
