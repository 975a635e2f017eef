// Glob-style matching exactly as Redis 7.0's stringmatchlen (KEYS, SCAN MATCH, CONFIG GET, pub/sub patterns):
// '*', '?', '[...]' with '^' negation and 'a-z' ranges, '\' escapes, and Redis's quirks for malformed patterns.
// Works on latin1 strings (one char per byte); knows nothing about keys or commands.

/**
 * Redis bounds the recursion a pattern may cause (one level per '*'); deeper patterns simply do not match.
 * Debian's 7.0.15 carries this fix (CVE-2024-31228).
 */
const MAX_NESTING = 1000;

const STAR = 0x2a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const CARET = 0x5e;
const BACKSLASH = 0x5c;
const DASH = 0x2d;

/** True when `subject` matches `pattern`; with `nocase`, ASCII letters compare case-insensitively. */
export function stringMatch(pattern: string, subject: string, nocase = false): boolean {
  const state = { skipLonger: false };
  return matchFrom(pattern, 0, subject, 0, nocase, state, 0);
}

/** The C code reads one byte past the pattern's end, where the string's terminating NUL is. */
function at(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : 0;
}

/** `char` is signed on the platforms Redis ships for, which matters for ranges over bytes >= 0x80. */
function signed(c: number): number {
  return c > 127 ? c - 256 : c;
}

/** tolower() in the C locale Redis runs under: only ASCII letters change. */
function lower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

function sameChar(a: number, b: number, nocase: boolean): boolean {
  return nocase ? lower(a) === lower(b) : a === b;
}

/**
 * Matches pattern[p..] against subject[s..]. `state.skipLonger` is Redis's skipLongerMatches: once the rest of
 * a pattern after some '*' failed at every later position, earlier '*'s need not try longer spans.
 */
function matchFrom(pat: string, p: number, str: string, s: number, nocase: boolean, state: { skipLonger: boolean }, nesting: number): boolean {
  if (nesting > MAX_NESTING) return false;
  const plen = pat.length;
  const slen = str.length;
  while (p < plen && s < slen) {
    const c = pat.charCodeAt(p);
    if (c === STAR) {
      while (p < plen && at(pat, p + 1) === STAR) p++;
      if (plen - p === 1) return true;
      while (s < slen) {
        if (matchFrom(pat, p + 1, str, s, nocase, state, nesting + 1)) return true;
        if (state.skipLonger) return false;
        s++;
      }
      state.skipLonger = true;
      return false;
    } else if (c === QUESTION) {
      s++;
    } else if (c === OPEN) {
      const r = matchClass(pat, p + 1, str.charCodeAt(s), nocase);
      if (!r.match) return false;
      p = r.end;
      s++;
    } else {
      if (c === BACKSLASH && plen - p >= 2) p++;
      if (!sameChar(pat.charCodeAt(p), str.charCodeAt(s), nocase)) return false;
      s++;
    }
    p++;
    if (s === slen) {
      while (at(pat, p) === STAR) p++;
      break;
    }
  }
  return p >= plen && s === slen;
}

/**
 * A '[...]' class starting after the '['. Returns whether `ch` matches and the index of the class's last
 * pattern byte (its ']', or the last byte when the class is unterminated, as Redis treats it).
 */
function matchClass(pat: string, p: number, ch: number, nocase: boolean): { match: boolean; end: number } {
  const plen = pat.length;
  const not = at(pat, p) === CARET;
  if (not) p++;
  let match = false;
  for (;;) {
    const c = at(pat, p);
    if (c === BACKSLASH && plen - p >= 2) {
      p++;
      if (pat.charCodeAt(p) === ch) match = true;
    } else if (c === CLOSE && p < plen) {
      break;
    } else if (p >= plen) {
      p--;
      break;
    } else if (plen - p >= 3 && pat.charCodeAt(p + 1) === DASH) {
      let start = signed(c);
      let end = signed(pat.charCodeAt(p + 2));
      let x = signed(ch);
      if (start > end) [start, end] = [end, start];
      if (nocase) {
        start = lower(start);
        end = lower(end);
        x = lower(x);
      }
      p += 2;
      if (x >= start && x <= end) match = true;
    } else if (sameChar(c, ch, nocase)) {
      match = true;
    }
    p++;
  }
  return { match: not ? !match : match, end: p };
}
