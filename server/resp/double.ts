// Doubles as Redis 7.0 prints them in replies: C's "%.17g" (17 significant digits, trailing zeros dropped,
// exponent form below 1e-4 and from 1e17), and "inf"/"-inf".

export function formatDouble(x: number): string {
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Number.isNaN(x)) return 'nan';
  return formatG(x, 17);
}

/** C's `%.{precision}g`. */
export function formatG(x: number, precision: number): string {
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mant, expPart] = x.toExponential(precision - 1).split('e');
  const exp = Number(expPart);
  const neg = mant[0] === '-';
  const digits = mant.replace('-', '').replace('.', '');
  const sign = neg ? '-' : '';
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
