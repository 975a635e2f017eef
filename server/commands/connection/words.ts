// Arguments read the way Redis's C code reads them: option words compared case-insensitively as C strings (up to
// the first NUL byte), numbers parsed by string2ll. Pure helpers for the connection commands; no replies here.
import { parseLongLong } from '../../keyspace/number-parse.js';

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** The argument as Redis's `%s` prints it: the bytes before the first NUL, as text. */
export function cString(arg: Buffer): string {
  const nul = arg.indexOf(0);
  return arg.toString('utf8', 0, nul < 0 ? arg.length : nul);
}

/** The argument as a lowercase word for strcasecmp-style comparisons. */
export function word(arg: Buffer): string {
  const nul = arg.indexOf(0);
  return arg.toString('latin1', 0, nul < 0 ? arg.length : nul).toLowerCase();
}

/** getIntFromObject: a string2ll value within a C int; otherwise why not (Redis words the two cases apart). */
export function parseInt32(arg: Buffer): number | 'not-integer' | 'out-of-range' {
  const v = parseLongLong(arg);
  if (v === null) return 'not-integer';
  if (v < INT_MIN || v > INT_MAX) return 'out-of-range';
  return Number(v);
}

export { parseLongLong };
