// Numbers in arguments and stored values, parsed exactly as Redis's util.c does (string2ll, string2ld), so every
// family accepts and refuses the same inputs as Redis. Pure functions: no replies, no keyspace access.
import { parseLongDouble as nativeParseLongDouble, type LongDouble } from '../platform/native.js';

export type { LongDouble } from '../platform/native.js';

export const LLONG_MAX = 2n ** 63n - 1n;
export const LLONG_MIN = -(2n ** 63n);

/** Redis's LONG_STR_SIZE: string2ll refuses inputs of this length or longer. */
const LONG_STR_SIZE = 21;
/** Up to this many digits the value is below 2^53, so a JS number accumulates it exactly. */
const SAFE_DIGITS = 15;

/**
 * Redis's string2ll: an optional '-', then digits without leading zeros ("0" alone is fine, "-0" is not), no
 * spaces, no '+', within the signed 64-bit range. Returns null when Redis would refuse the input.
 */
export function parseLongLong(b: Uint8Array): bigint | null {
  const n = b.length;
  if (n === 0 || n >= LONG_STR_SIZE) return null;
  if (n === 1 && b[0] === 0x30) return 0n;
  const neg = b[0] === 0x2d;
  const start = neg ? 1 : 0;
  if (start === n || b[start] < 0x31 || b[start] > 0x39) return null;
  let small = 0;
  for (let i = start; i < n; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return null;
    if (i - start < SAFE_DIGITS) small = small * 10 + d;
  }
  if (n - start <= SAFE_DIGITS) return BigInt(neg ? -small : small);
  const v = BigInt(Buffer.from(b.buffer, b.byteOffset, n).toString('latin1'));
  return v > LLONG_MAX || v < LLONG_MIN ? null : v;
}

/**
 * parseLongLong's common case as a JS number, without BigInt: the value when the input is a valid string2ll
 * integer of at most 15 digits (so well inside 2^53), undefined otherwise (invalid, or long: ask parseLongLong).
 * INCR on small counters is hot; BigInt parsing and printing were a third of its time.
 */
export function parseSmallLong(b: Uint8Array): number | undefined {
  const n = b.length;
  if (n === 1 && b[0] === 0x30) return 0;
  const neg = b[0] === 0x2d;
  const start = neg ? 1 : 0;
  if (n === 0 || n - start > SAFE_DIGITS || start === n || b[start] < 0x31 || b[start] > 0x39) return undefined;
  let v = 0;
  for (let i = start; i < n; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return undefined;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/**
 * string2ll for arguments that only need comparing (offsets, indexes, counts): the value as a JS number,
 * exact up to 2^53 and correctly ordered beyond it. Null when Redis would refuse the input.
 */
export function parseLongLongNumber(b: Uint8Array): number | null {
  const v = parseLongLong(b);
  return v === null ? null : Number(v);
}

/** Redis's string2ld (strtold, whole input, no leading space, no NaN, no overflow); null when refused. */
export function parseLongDouble(b: Uint8Array): LongDouble | null {
  return nativeParseLongDouble(b);
}
