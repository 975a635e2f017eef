// Doubles as Redis 7.0 prints them in replies: C's "%.17g" (17 significant digits, trailing zeros dropped,
// exponent form below 1e-4 and from 1e17), and "inf"/"-inf".

export function formatDouble(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  return formatG(x, 17);
}

/**
 * The first `precision` significant digits of |x|, rounded as glibc's printf rounds: to nearest, ties to even on
 * the exact binary value. toExponential breaks ties upwards, so when the next digit is a 5 (a possible tie)
 * the exact decimal expansion decides.
 */
function significantDigits(x: number, precision: number): { digits: string; exp: number } {
  const [mant, expPart] = Math.abs(x).toExponential(precision).split('e');
  if (mant[mant.length - 1] !== '5') {
    const [m, e] = Math.abs(x).toExponential(precision - 1).split('e');
    return { digits: m.replace('.', ''), exp: Number(e) };
  }
  void expPart;
  return exactRound(Math.abs(x), precision);
}

/** Exact decimal expansion of a finite positive double, rounded half-even to `precision` digits. */
function exactRound(x: number, precision: number): { digits: string; exp: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let e2: number;
  if (biased === 0) e2 = -1074;
  else {
    mantissa |= 1n << 52n;
    e2 = biased - 1075;
  }
  // x = mantissa * 2^e2 = (mantissa * 5^-e2) / 10^-e2 when e2 < 0.
  let intDigits: string;
  let pointShift: number;
  if (e2 >= 0) {
    intDigits = (mantissa << BigInt(e2)).toString();
    pointShift = 0;
  } else {
    intDigits = (mantissa * 5n ** BigInt(-e2)).toString();
    pointShift = -e2;
  }
  const exp = intDigits.length - 1 - pointShift;
  const head = intDigits.slice(0, precision).padEnd(precision, '0');
  const rest = intDigits.slice(precision);
  let n = BigInt(head);
  if (rest.length > 0) {
    const first = rest.charCodeAt(0) - 48;
    const beyond = /[1-9]/.test(rest.slice(1));
    if (first > 5 || (first === 5 && (beyond || n % 2n === 1n))) n += 1n;
  }
  let digits = n.toString();
  let e = exp;
  if (digits.length > precision) {
    digits = digits.slice(0, precision);
    e++;
  }
  return { digits, exp: e };
}

/** C's `%.{precision}g`. */
export function formatG(x: number, precision: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const { digits, exp } = significantDigits(x, precision);
  const sign = x < 0 ? '-' : '';
  if (exp < -4 || exp >= precision) {
    let m = digits[0];
    const frac = digits.slice(1).replace(/0+$/, '');
    if (frac.length > 0) m += '.' + frac;
    const e = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  let s: string;
  if (exp >= 0) {
    const intPart = digits.slice(0, exp + 1);
    const frac = digits.slice(exp + 1).replace(/0+$/, '');
    s = frac.length > 0 ? `${intPart}.${frac}` : intPart;
  } else {
    const frac = ('0'.repeat(-exp - 1) + digits).replace(/0+$/, '');
    s = `0.${frac}`;
  }
  return sign + s;
}
