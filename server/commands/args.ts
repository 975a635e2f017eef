// Command-argument readers with Redis's exact acceptance rules (string2ll, strtoul for cursors, strcasecmp and
// %s on NUL-terminated C strings), shared by every family. Pure functions of the bytes; no replies, no data.
import { parseLongLong } from '../keyspace/number-parse.js';

export { parseLongLong };

const ULONG_MAX = 2n ** 64n - 1n;

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

/** getIntFromObject's two failures: not an integer at all, or outside the C int range. */
export function parseInt32(b: Buffer): number | 'not-integer' | 'out-of-range' {
  const v = parseLongLong(b);
  if (v === null) return 'not-integer';
  if (v < BigInt(INT_MIN) || v > BigInt(INT_MAX)) return 'out-of-range';
  return Number(v);
}

/**
 * A SCAN cursor as strtoul reads it: optional sign ('-' wraps around), decimal digits, then the end of the
 * C string (a NUL byte ends it early); no leading space, no overflow. The empty string is cursor 0.
 */
export function parseCursor(b: Buffer): bigint | null {
  const s = cString(b);
  if (s.length > 0 && /^[\t\n\v\f\r ]/.test(s)) return null;
  const m = /^([+-]?)(\d*)$/.exec(s);
  if (m === null) return null;
  if (m[2] === '') return m[1] === '' ? 0n : null;
  const v = BigInt(m[2]);
  if (v > ULONG_MAX) return null;
  return m[1] === '-' && v !== 0n ? ULONG_MAX + 1n - v : v;
}

/** The argument as C code sees it through `char *`: up to the first NUL byte. */
export function cString(b: Buffer): string {
  const nul = b.indexOf(0);
  return (nul < 0 ? b : b.subarray(0, nul)).toString('latin1');
}

/** The argument as a lowercase word for strcasecmp-style comparisons (up to the first NUL byte). */
export function word(b: Buffer): string {
  return cString(b).toLowerCase();
}

/** strcasecmp(argument, word) === 0, with `word` in lower case. */
export function isOption(b: Buffer, word: string): boolean {
  const s = cString(b);
  return s.length === word.length && s.toLowerCase() === word;
}
