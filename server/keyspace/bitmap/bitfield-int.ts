// BITFIELD's integers: reading and writing u1..u63 / i1..i64 at any bit offset of a byte string, and Redis's
// overflow rules (WRAP, SAT, FAIL) with its exact C integer behaviour (64-bit wrap-around included). Pure.

export type OverflowMode = 'wrap' | 'sat' | 'fail';

export interface FieldType {
  signed: boolean;
  bits: number;
}

/** The bits at [offset, offset + bits) as an unsigned integer; bits past the end of `v` read as 0. */
export function readUnsigned(v: Uint8Array, offset: number, bits: number): bigint {
  let value = 0n;
  for (let j = 0; j < bits; j++, offset++) {
    const byte = Math.floor(offset / 8);
    const bit = byte < v.length ? (v[byte] >>> (7 - (offset & 7))) & 1 : 0;
    value = (value << 1n) | BigInt(bit);
  }
  return value;
}

export function readField(v: Uint8Array, offset: number, t: FieldType): bigint {
  const u = readUnsigned(v, offset, t.bits);
  return t.signed ? BigInt.asIntN(t.bits, u) : u;
}

/** Writes the low `bits` bits of `value` (two's complement for negatives) at `offset`; `v` must be long enough. */
export function writeField(v: Uint8Array, offset: number, bits: number, value: bigint): void {
  const u = BigInt.asUintN(64, value);
  for (let j = 0; j < bits; j++, offset++) {
    const byte = Math.floor(offset / 8);
    const shift = 7 - (offset & 7);
    const bit = Number((u >> BigInt(bits - 1 - j)) & 1n);
    v[byte] = (v[byte] & ~(1 << shift)) | (bit << shift);
  }
}

const i64 = (x: bigint): bigint => BigInt.asIntN(64, x);
const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

/** What to store after adding `incr` to `value`, or null when FAIL refuses the result. */
export interface FieldResult {
  overflow: boolean;
  /** The value to store when not refused. */
  value: bigint;
}

/** checkUnsignedBitfieldOverflow, for `value` (a uint64) plus `incr` (an int64). */
export function addUnsigned(value: bigint, incr: bigint, bits: number, mode: OverflowMode): FieldResult {
  const max = (1n << BigInt(bits)) - 1n;
  const maxIncr = i64(max - value);
  const minIncr = i64(-value);
  let limit: bigint;
  if (value > max || (incr > 0n && incr > maxIncr)) limit = max;
  else if (incr < 0n && incr < minIncr) limit = 0n;
  else return { overflow: false, value: u64(value + incr) };
  return { overflow: true, value: mode === 'sat' ? limit : BigInt.asUintN(bits, value + incr) };
}

/** checkSignedBitfieldOverflow, for `value` and `incr` (both int64), with C's wrapping of the bounds arithmetic. */
export function addSigned(value: bigint, incr: bigint, bits: number, mode: OverflowMode): FieldResult {
  const max = (1n << BigInt(bits - 1)) - 1n;
  const min = -max - 1n;
  const maxIncr = i64(u64(max) - u64(value));
  const minIncr = i64(min - value);
  let limit: bigint;
  if (value > max || (bits !== 64 && incr > maxIncr) || (value >= 0n && incr > 0n && incr > maxIncr)) limit = max;
  else if (value < min || (bits !== 64 && incr < minIncr) || (value < 0n && incr < 0n && incr < minIncr)) limit = min;
  else return { overflow: false, value: value + incr };
  return { overflow: true, value: mode === 'sat' ? limit : BigInt.asIntN(bits, value + incr) };
}
