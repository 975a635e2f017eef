// Bitmaps over string values (bitops.c): GETBIT/SETBIT, BITOP and BITFIELD's execution. Each write stores the
// whole resulting string as a new record (the effect) and keeps the key's deadline, as Redis changes the value in
// place; returns values or statuses, never replies. Argument parsing and replies are commands/bitmaps/.
import type { Entry } from '../engine/entry.js';
import { addSigned, addUnsigned, readField, writeField, type FieldType, type OverflowMode } from './bitmap/bitfield-int.js';
import type { Keyspace } from './keyspace.js';
import { NotifyClass } from './notify.js';
import { lookupStringRead, lookupStringWrite } from './strings.js';
import { StringEncoding, WRONGTYPE, type WrongType } from './types.js';

/** The string at `key` for reading (a view valid during this command), null if absent, WRONGTYPE otherwise. */
export function readBits(ks: Keyspace, db: number, key: string): Buffer | null | WrongType {
  const e = lookupStringRead(ks, db, key);
  if (e === undefined || e === WRONGTYPE) return e === WRONGTYPE ? WRONGTYPE : null;
  return ks.valueOf(e);
}

/** The key's value copied into a zero-padded buffer of at least `minLen` bytes (lookupStringForBitCommand). */
function grown(ks: Keyspace, e: Entry | undefined, minLen: number): Buffer {
  const len = e === undefined ? 0 : e.len;
  const v = Buffer.alloc(Math.max(len, minLen));
  if (e !== undefined) ks.valueOf(e).copy(v);
  return v;
}

function store(ks: Keyspace, db: number, key: string, v: Buffer, e: Entry | undefined): void {
  ks.setString(db, key, v, e?.expireAt ?? 0, StringEncoding.Raw, e ?? null);
}

/** SETBIT: the bit's previous value. The string grows (zero bytes) to reach the offset. */
export function setBit(ks: Keyspace, db: number, key: string, offset: number, on: 0 | 1): 0 | 1 | WrongType {
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  const byte = Math.floor(offset / 8);
  const v = grown(ks, e, byte + 1);
  const shift = 7 - (offset & 7);
  const old = ((v[byte] >>> shift) & 1) as 0 | 1;
  v[byte] = (v[byte] & ~(1 << shift)) | (on << shift);
  store(ks, db, key, v, e);
  ks.notify(NotifyClass.String, 'setbit', db, key);
  return old;
}

/** GETBIT: bits past the end read as 0. */
export function getBit(ks: Keyspace, db: number, key: string, offset: number): 0 | 1 | WrongType {
  const v = readBits(ks, db, key);
  if (v === WRONGTYPE) return WRONGTYPE;
  const byte = Math.floor(offset / 8);
  if (v === null || byte >= v.length) return 0;
  return ((v[byte] >>> (7 - (offset & 7))) & 1) as 0 | 1;
}

export type BitOp = 'and' | 'or' | 'xor' | 'not';

function combine(op: BitOp, srcs: Buffer[], maxLen: number): Buffer {
  const res = Buffer.alloc(maxLen);
  for (let j = 0; j < maxLen; j++) {
    let out = j < srcs[0].length ? srcs[0][j] : 0;
    if (op === 'not') out = ~out & 0xff;
    for (let i = 1; i < srcs.length; i++) {
      const b = j < srcs[i].length ? srcs[i][j] : 0;
      if (op === 'and') out &= b;
      else if (op === 'or') out |= b;
      else out ^= b;
    }
    res[j] = out;
  }
  return res;
}

/**
 * BITOP: stores the result at `dest` (a new string without deadline, replacing any type) and returns its
 * length; an all-empty input deletes `dest`. Missing sources are empty strings.
 */
export function bitOp(ks: Keyspace, db: number, op: BitOp, dest: string, sources: string[]): number | WrongType {
  const srcs: Buffer[] = [];
  let maxLen = 0;
  for (const key of sources) {
    const v = readBits(ks, db, key);
    if (v === WRONGTYPE) return WRONGTYPE;
    const b = v ?? Buffer.alloc(0);
    srcs.push(b);
    if (b.length > maxLen) maxLen = b.length;
  }
  if (maxLen === 0) {
    if (ks.delete(db, dest)) ks.notify(NotifyClass.Generic, 'del', db, dest);
    return 0;
  }
  ks.setString(db, dest, combine(op, srcs, maxLen), 0, StringEncoding.Raw);
  ks.notify(NotifyClass.String, 'set', db, dest);
  return maxLen;
}

/** One BITFIELD operation, resolved from its arguments. */
export interface FieldOp {
  kind: 'get' | 'set' | 'incrby';
  type: FieldType;
  /** Bit offset (a '#n' offset already multiplied by the width). */
  offset: number;
  /** SET's value or INCRBY's increment. */
  arg: bigint;
  overflow: OverflowMode;
}

/** BITFIELD with GETs only: nothing is created or written. */
export function bitfieldRead(ks: Keyspace, db: number, key: string, ops: FieldOp[]): bigint[] | WrongType {
  const v = readBits(ks, db, key);
  if (v === WRONGTYPE) return WRONGTYPE;
  const bytes = v ?? Buffer.alloc(0);
  return ops.map((op) => readField(bytes, op.offset, op.type));
}

/** One write: the reply (old value for SET, new for INCRBY; null when FAIL refuses) and whether it wrote. */
function applyWrite(v: Buffer, op: FieldOp): bigint | null {
  const { signed, bits } = op.type;
  const old = readField(v, op.offset, op.type);
  const add = signed ? addSigned : addUnsigned;
  // SET checks the new value as "value + 0"; an unsigned SET sees a negative value as its uint64 pattern.
  const r = op.kind === 'incrby' ? add(old, op.arg, bits, op.overflow) : add(signed ? op.arg : BigInt.asUintN(64, op.arg), 0n, bits, op.overflow);
  if (r.overflow && op.overflow === 'fail') return null;
  writeField(v, op.offset, bits, r.value);
  return op.kind === 'incrby' ? r.value : old;
}

/**
 * BITFIELD with at least one write: the string is created or zero-padded first to reach the farthest written
 * bit (even when every write then FAILs, as Redis does), then the operations run in order.
 */
export function bitfieldWrite(ks: Keyspace, db: number, key: string, ops: FieldOp[]): (bigint | null)[] | WrongType {
  const e = lookupStringWrite(ks, db, key);
  if (e === WRONGTYPE) return WRONGTYPE;
  let highest = 0;
  for (const op of ops) if (op.kind !== 'get' && op.offset + op.type.bits - 1 > highest) highest = op.offset + op.type.bits - 1;
  const v = grown(ks, e, Math.floor(highest / 8) + 1);
  let changes = 0;
  const out = ops.map((op) => {
    if (op.kind === 'get') return readField(v, op.offset, op.type);
    const r = applyWrite(v, op);
    if (r !== null) changes++;
    return r;
  });
  if (e === undefined || changes > 0 || v.length !== e.len || e.enc !== StringEncoding.Raw) store(ks, db, key, v, e);
  if (changes > 0) ks.notify(NotifyClass.String, 'setbit', db, key);
  return out;
}
