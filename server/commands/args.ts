// Command-argument readers with Redis's exact acceptance rules (string2ll, strtoul for cursors, strcasecmp and
// %s on NUL-terminated C strings), shared by every family. Pure functions of the bytes; no replies, no data.
import { parseLongLong } from '../keyspace/number-parse.js';
import { ERR_LIST_MPOP_COUNT, ERR_LIST_NUMKEYS, ERR_NOT_INTEGER, ERR_SYNTAX } from '../resp/errors.js';
import { ErrorReply } from './types.js';

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
let lastKeyBytes: Buffer | null = null;
let lastKey = '';

/**
 * A key argument as the keyspace names keys (one latin1 char per byte). The request parser hands a pipeline's
 * repeated key over as the same Buffer (RequestParser.argView), so the string made for it last time is reused:
 * Buffers of arguments are never written to, and the same object means the same bytes.
 */
export function keyString(b: Buffer): string {
  if (b !== lastKeyBytes) {
    lastKey = b.toString('latin1');
    lastKeyBytes = b;
  }
  return lastKey;
}

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

/** getLongFromObject: an integer (as a JS number: values beyond 2^53 only ever compare as out of range). */
export function readLong(b: Buffer): number | ErrorReply {
  const v = parseLongLong(b);
  return v === null ? new ErrorReply(ERR_NOT_INTEGER) : Number(v);
}

/** getRangeLongFromObjectOrReply(min..LONG_MAX) with one message for both failures, as Redis words them. */
export function readLongAtLeast(b: Buffer, min: number, message: string): number | ErrorReply {
  const v = parseLongLong(b);
  if (v === null || v < BigInt(min)) return new ErrorReply(message);
  return Number(v);
}

/** The `numkeys key… <side> [COUNT n]` tail of LMPOP/BLMPOP/ZMPOP/BZMPOP. */
export interface MpopArgs {
  keys: string[];
  /** Which of the two side words was given: 0 for the first (LEFT, MIN), 1 for the second (RIGHT, MAX). */
  side: 0 | 1;
  count: number;
}

/** Reads that tail from `numkeysIdx`, in the order Redis checks it (numkeys, side, COUNT; at most one COUNT). */
export function parseMpopArgs(argv: Buffer[], numkeysIdx: number, sides: readonly [string, string]): MpopArgs | ErrorReply {
  const numkeys = readLongAtLeast(argv[numkeysIdx], 1, ERR_LIST_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return new ErrorReply(ERR_SYNTAX);
  const w = argv[whereIdx];
  const side = isOption(w, sides[0]) ? 0 : isOption(w, sides[1]) ? 1 : -1;
  if (side === -1) return new ErrorReply(ERR_SYNTAX);
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && isOption(argv[j], 'count') && j + 1 < argv.length) {
      const c = readLongAtLeast(argv[++j], 1, ERR_LIST_MPOP_COUNT);
      if (c instanceof ErrorReply) return c;
      count = c;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  const keys = argv.slice(numkeysIdx + 1, whereIdx).map((k) => k.toString('latin1'));
  return { keys, side, count: count === -1 ? 1 : count };
}
