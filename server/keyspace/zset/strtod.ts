// C's strtod as glibc reads a C string (leading space, sign, inf/infinity, nan(...), hex floats, decimals), and
// Redis's two uses of it for sorted sets: string2d (scores, weights: the whole argument, no NaN, no overflow) and
// the range bounds of zslParseRange. Pure functions of the bytes.

const SPACE = /^[\t\n\v\f\r ]*/;
const SPECIAL = /^([+-]?)(?:(infinity|inf)|(nan)(\([0-9A-Za-z_]*\))?)/i;
const HEX = /^([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+))(?:[pP]([+-]?\d+))?/;
const DEC = /^([+-]?)((?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?/;

export interface Strtod {
  value: number;
  /** Characters consumed (0 when nothing converted: C then points end at the start). */
  used: number;
  /** errno would be ERANGE: the text overflowed to ±HUGE_VAL or underflowed to zero. */
  range: boolean;
}

/** strtod over a JS string holding one char per byte (the caller stops it at a NUL as C would). */
export function strtod(s: string): Strtod {
  const lead = SPACE.exec(s)![0].length;
  const rest = s.slice(lead);
  let m = SPECIAL.exec(rest);
  if (m !== null) {
    const neg = m[1] === '-';
    const value = m[2] !== undefined ? (neg ? -Infinity : Infinity) : NaN;
    return { value, used: lead + m[0].length, range: false };
  }
  m = HEX.exec(rest);
  if (m !== null) return hex(m, lead);
  m = DEC.exec(rest);
  if (m === null) return { value: 0, used: 0, range: false };
  const value = Number(`${m[1]}${m[2]}e${m[3] ?? '0'}`);
  const nonzero = /[1-9]/.test(m[2]);
  const range = !Number.isFinite(value) || (value === 0 && nonzero);
  return { value, used: lead + m[0].length, range };
}

/** A hex float: mantissa digits scaled by a power of two, rounded once when converting the mantissa. */
function hex(m: RegExpExecArray, lead: number): Strtod {
  const neg = m[1] === '-';
  const [intPart, frac = ''] = m[2].split('.');
  const digits = (intPart + frac).replace(/^0+/, '');
  let value = 0;
  if (digits.length > 0) {
    // Keep the mantissa within what a double can take exactly before scaling, folding extra digits into exp.
    const kept = digits.slice(0, 40);
    const exp = Number(m[3] ?? '0') - 4 * frac.length + 4 * (digits.length - kept.length);
    const mant = Number(BigInt('0x' + kept));
    value = exp > 1024 ? Infinity : exp < -1074 ? scaleDown(mant, exp) : mant * 2 ** exp;
  }
  const range = !Number.isFinite(value) || (value === 0 && digits.length > 0);
  return { value: neg ? -value : value, used: lead + m[0].length, range };
}

function scaleDown(v: number, exp: number): number {
  let out = v;
  let e = exp;
  while (e < -1000 && out !== 0) {
    out *= 2 ** -1000;
    e += 1000;
  }
  return out * 2 ** e;
}

function cText(b: Buffer): string {
  const nul = b.indexOf(0);
  return b.toString('latin1', 0, nul < 0 ? b.length : nul);
}

/** Longest run of decimal digits read as an integer directly: below 2^53, so exact, as strtod would read it. */
const FAST_DIGITS = 15;

/**
 * The common score, an optional sign and up to FAST_DIGITS digits ("000000012345" in redis-benchmark's ZADD),
 * without building a string or running strtod's regular expressions; null when the bytes are anything else.
 */
function plainInteger(b: Buffer): number | null {
  const neg = b[0] === 0x2d;
  const from = neg || b[0] === 0x2b ? 1 : 0;
  if (b.length === from || b.length - from > FAST_DIGITS) return null;
  let v = 0;
  for (let i = from; i < b.length; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

/** Redis's string2d over an argument: null where Redis answers "value is not a valid float". */
export function parseScore(b: Buffer): number | null {
  if (b.length === 0) return null;
  const fast = plainInteger(b);
  if (fast !== null) return fast;
  const s = b.toString('latin1');
  if (/^[\t\n\v\f\r ]/.test(s)) return null;
  const r = strtod(s);
  if (r.used !== s.length || Number.isNaN(r.value)) return null;
  if (r.range && (r.value === 0 || !Number.isFinite(r.value))) return null;
  return r.value;
}

/**
 * A range bound as zslParseRange reads it: strtod over the C string (so it stops at a NUL byte, accepts leading
 * space and, for the empty string, converts nothing and reads 0); it must end the string and not be NaN.
 */
export function parseBound(b: Buffer, from: number): number | null {
  const s = cText(b).slice(from);
  const r = strtod(s);
  // Nothing converted leaves C's end pointer at the start: only the empty string then ends there.
  if (r.used !== s.length) return null;
  return Number.isNaN(r.value) ? null : r.value;
}
