// The DUMP payload: a value's type byte, its body (a string's bytes, or its type's IMAGE payload from the collection
// codec), then a 2-byte version and a CRC64 of everything before, laid out like Redis's trailer. Pure bytes: no
// keyspace access, no replies. Keep in sync with: compat-tests/known-differences.json ("dump-payload-format").
import { codecOf } from '../engine/collections.js';
import { ValueType } from './types.js';

/**
 * The trailer's version field. Redis accepts versions up to its RDB version (10 in 7.0), so a faha payload is
 * refused by Redis and a Redis payload by faha, each with the same "version or checksum" error.
 */
export const FAHA_DUMP_VERSION = 0xfa01;
const TRAILER = 10;

/** CRC-64/Jones (reflected, polynomial 0xad93d23594c935a9, no final xor): the checksum Redis puts on its payloads. */
const TABLE_LO = new Uint32Array(256);
const TABLE_HI = new Uint32Array(256);
{
  const poly = 0x95ac9329ac4bc9b5n; // the reflected form of 0xad93d23594c935a9
  for (let i = 0; i < 256; i++) {
    let c = BigInt(i);
    for (let k = 0; k < 8; k++) c = c & 1n ? (c >> 1n) ^ poly : c >> 1n;
    TABLE_LO[i] = Number(c & 0xffffffffn);
    TABLE_HI[i] = Number(c >> 32n);
  }
}

/** The CRC64 of `data`, as 8 little-endian bytes written into `out` at `at`. Kept in two 32-bit halves for speed. */
export function crc64Into(data: Uint8Array, out: Buffer, at: number): void {
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < data.length; i++) {
    const t = (lo ^ data[i]) & 0xff;
    lo = ((lo >>> 8) | (hi << 24)) ^ TABLE_LO[t];
    hi = (hi >>> 8) ^ TABLE_HI[t];
  }
  out.writeUInt32LE(lo >>> 0, at);
  out.writeUInt32LE(hi >>> 0, at + 4);
}

/** The payload of a value: `body` is a string's bytes or a collection's IMAGE payload (copied here). */
export function encodeDump(type: ValueType, body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(1 + body.length + TRAILER);
  out[0] = type;
  body.copy(out, 1);
  const end = 1 + body.length;
  out.writeUInt16LE(FAHA_DUMP_VERSION, end);
  crc64Into(out.subarray(0, end + 2), out, end + 2);
  return out;
}

/** The payload of a collection object, through its type's codec. */
export function encodeCollectionDump(type: ValueType, obj: unknown): Buffer {
  const codec = codecOf(type);
  if (codec === undefined) throw new Error(`value type ${type} has no collection codec`);
  return encodeDump(type, codec.encodeImage(obj));
}

/** Redis's verifyDumpPayload: long enough for the trailer, our version, and an intact checksum. */
export function verifyDump(payload: Buffer): boolean {
  if (payload.length < TRAILER) return false;
  const end = payload.length - TRAILER;
  if (payload.readUInt16LE(end) !== FAHA_DUMP_VERSION) return false;
  const crc = Buffer.allocUnsafe(8);
  crc64Into(payload.subarray(0, end + 2), crc, 0);
  return crc.equals(payload.subarray(end + 2));
}

/** A decoded value: a string's bytes (copied) or a collection object (sharing nothing with the payload). */
export type DumpedValue = { kind: 'string'; bytes: Buffer } | { kind: 'collection'; type: ValueType; obj: unknown };

/**
 * The value of a payload that passed verifyDump, or null when its contents make no sense (Redis's "Bad data
 * format"): an empty payload, a type no codec knows, or a body the codec cannot read.
 */
export function decodeDump(payload: Buffer): DumpedValue | null {
  if (payload.length <= TRAILER) return null;
  const type = payload[0] as ValueType;
  const body = payload.subarray(1, payload.length - TRAILER);
  if (type === ValueType.String) return { kind: 'string', bytes: Buffer.from(body) };
  const codec = codecOf(type);
  if (codec === undefined) return null;
  try {
    return { kind: 'collection', type, obj: codec.decodeImage(body) };
  } catch {
    return null;
  }
}
