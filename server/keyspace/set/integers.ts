// Which set members Redis 7.0 keeps in an intset (string2ll-exact integers) and the numeric order an intset
// iterates in. Pure functions over latin1 member strings; no storage, no keyspace.

const MAX_DIGITS = 19;
const INT64_MAX = '9223372036854775807';
const INT64_MIN_DIGITS = '9223372036854775808';

/**
 * True when `s` is what Redis's string2ll accepts: "0", or an optional '-' then digits without a leading zero,
 * within the signed 64-bit range (no '+', no spaces, no "-0").
 */
export function isIntMember(s: string): boolean {
  const n = s.length;
  if (n === 0 || n > MAX_DIGITS + 1) return false;
  const neg = s.charCodeAt(0) === 0x2d;
  const start = neg ? 1 : 0;
  const digits = n - start;
  if (digits === 0 || digits > MAX_DIGITS) return false;
  const first = s.charCodeAt(start);
  if (first === 0x30) return n === 1;
  if (first < 0x31 || first > 0x39) return false;
  for (let i = start + 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  if (digits < MAX_DIGITS) return true;
  // Same length as the int64 bounds: compare as digit strings.
  const body = neg ? s.slice(1) : s;
  return body <= (neg ? INT64_MIN_DIGITS : INT64_MAX);
}

/**
 * Numeric order of two members that both pass isIntMember. Canonical forms have no leading zeros, so the
 * sign, then the length, then the digits decide, without converting to numbers (int64 exceeds 2^53).
 */
export function compareIntMembers(a: string, b: string): number {
  const an = a.charCodeAt(0) === 0x2d;
  const bn = b.charCodeAt(0) === 0x2d;
  if (an !== bn) return an ? -1 : 1;
  let d = a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  if (an) d = -d;
  return d;
}
