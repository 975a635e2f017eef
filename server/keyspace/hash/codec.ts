// The hash's DELTA and IMAGE payloads: how a change is written to the log and how recovery replays it. Payloads
// carry effects (fields with their resulting values, the encoding after the change), never commands.
// Keep in sync with: server/docs/log-format.md ("hash payloads").
import { DeltaReader, deltaWriter } from '../delta.js';
import { HashObject } from './object.js';

export const enum HashOp {
  /** u8 encoding after the change (0 listpack, 1 hashtable), u32 n, then n × (field, value). */
  Set = 1,
  /** u32 n, then n fields removed. */
  Delete = 2,
}

/**
 * SETs of one encoding concatenate (collections.ts): the encoding is only a flag and fields keep insertion order
 * in both, so setting pairs then more pairs is setting them all. DELETEs too. The count follows op (and encoding).
 */
export const HASH_CONCATENABLE: Readonly<Record<number, number>> = { [HashOp.Set]: 2, [HashOp.Delete]: 1 };

/** The image's first byte: u8 encoding, u32 n, n × (field, value) in the hash's order. */
const IMAGE_VERSION = 1;

const LISTPACK = 0;
const HASHTABLE = 1;

/** The SET delta for `pairs` (field, value, field, value …) as just applied to `obj`. */
export function setPayload(obj: HashObject, pairs: readonly Buffer[]): Buffer {
  const w = deltaWriter(HashOp.Set).u8(obj.listpack ? LISTPACK : HASHTABLE).u32(pairs.length / 2);
  for (const b of pairs) w.bytes(b);
  return w.end();
}

/** setPayload of one field and value given by place in `src`, as just applied to `obj`. */
export function setOnePayload(obj: HashObject, src: Uint8Array, fAt: number, fLen: number, vAt: number, vLen: number): Buffer {
  return deltaWriter(HashOp.Set).u8(obj.listpack ? LISTPACK : HASHTABLE).u32(1).bytesFrom(src, fAt, fLen).bytesFrom(src, vAt, vLen).end();
}

export function deletePayload(fields: readonly string[]): Buffer {
  const w = deltaWriter(HashOp.Delete).u32(fields.length);
  for (const f of fields) w.str(f);
  return w.end();
}

export function applyHashDelta(obj: HashObject, payload: Buffer): void {
  const r = new DeltaReader(payload);
  const op = r.u8();
  if (op === HashOp.Set) {
    const enc = r.u8();
    for (let n = r.u32(); n > 0; n--) obj.setCopy(r.bytes(), r.bytes());
    if (enc === HASHTABLE) obj.toHashtable();
  } else if (op === HashOp.Delete) {
    for (let n = r.u32(); n > 0; n--) obj.delete(r.str());
  } else {
    throw new Error(`unknown hash delta op ${op}`);
  }
}

export function encodeHashImage(obj: HashObject): Buffer {
  const w = deltaWriter(IMAGE_VERSION).u8(obj.listpack ? LISTPACK : HASHTABLE).u32(obj.size);
  for (const [f, v] of obj.entries()) w.str(f).bytes(v);
  // The shared writer's view is only valid until the next payload; an image may be kept (DUMP), so copy it.
  return Buffer.from(w.end());
}

export function decodeHashImage(payload: Buffer): HashObject {
  const r = new DeltaReader(payload);
  const version = r.u8();
  if (version !== IMAGE_VERSION) throw new Error(`unknown hash image version ${version}`);
  const obj = new HashObject();
  if (r.u8() === HASHTABLE) obj.toHashtable();
  for (let n = r.u32(); n > 0; n--) obj.setCopy(r.bytes(), r.bytes());
  return obj;
}

/**
 * The value of `field` in a hash IMAGE payload, found by walking it (no object built): how a cold hash answers
 * HGET and its kind. A view of the payload; undefined when the field is not there.
 */
export function hashImageField(payload: Buffer, field: Buffer): Buffer | undefined {
  if (payload[0] !== IMAGE_VERSION) throw new Error(`unknown hash image version ${payload[0]}`);
  const n = payload.readUInt32LE(2);
  const flen = field.length;
  let at = 6;
  for (let i = 0; i < n; i++) {
    const fl = payload.readUInt32LE(at);
    const fAt = at + 4;
    const vAt = fAt + fl;
    const vl = payload.readUInt32LE(vAt);
    if (fl === flen && payload.compare(field, 0, flen, fAt, vAt) === 0) return payload.subarray(vAt + 4, vAt + 4 + vl);
    at = vAt + 4 + vl;
  }
  return undefined;
}
