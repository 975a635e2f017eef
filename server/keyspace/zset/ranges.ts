// Score and lexicographic ranges of the sorted-set commands: parsing their bounds as Redis does (zslParseRange,
// zslParseLexRange) and the comparisons that decide membership. Pure; no data, no replies.
import { parseBound } from './strtod.js';

export interface ScoreRange {
  min: number;
  max: number;
  /** Exclusive bounds ('(' prefix). */
  minex: boolean;
  maxex: boolean;
}

/** A lex bound: '-' (below everything), '+' (above everything), or a member, inclusive '[' or exclusive '('. */
export interface LexBound {
  /** -1 for '-', 1 for '+', 0 for a member bound. */
  inf: -1 | 0 | 1;
  value: string;
  ex: boolean;
}

function scoreBound(b: Buffer): { v: number; ex: boolean } | null {
  const ex = b.length > 0 && b[0] === 0x28;
  const v = parseBound(b, ex ? 1 : 0);
  return v === null ? null : { v, ex };
}

/** zslParseRange; null where Redis answers "min or max is not a float". */
export function parseScoreRange(min: Buffer, max: Buffer): ScoreRange | null {
  const lo = scoreBound(min);
  const hi = scoreBound(max);
  if (lo === null || hi === null) return null;
  return { min: lo.v, max: hi.v, minex: lo.ex, maxex: hi.ex };
}

/** zslParseLexRangeItem: '+' and '-' must stand alone (up to a NUL, as C reads them); '(' and '[' take all bytes. */
function lexBound(b: Buffer): LexBound | null {
  if (b.length === 0) return null;
  const c = b[0];
  if (c === 0x2b || c === 0x2d) {
    if (b.length > 1 && b[1] !== 0) return null;
    return { inf: c === 0x2b ? 1 : -1, value: '', ex: true };
  }
  if (c === 0x28 || c === 0x5b) return { inf: 0, value: b.toString('latin1', 1), ex: c === 0x28 };
  return null;
}

/** zslParseLexRange; null where Redis answers "min or max not valid string range item". */
export function parseLexRange(min: Buffer, max: Buffer): { min: LexBound; max: LexBound } | null {
  const lo = lexBound(min);
  const hi = lexBound(max);
  return lo === null || hi === null ? null : { min: lo, max: hi };
}

export function scoreAboveMin(v: number, r: ScoreRange): boolean {
  return r.minex ? v > r.min : v >= r.min;
}

export function scoreBelowMax(v: number, r: ScoreRange): boolean {
  return r.maxex ? v < r.max : v <= r.max;
}

export function inScoreRange(v: number, r: ScoreRange): boolean {
  return scoreAboveMin(v, r) && scoreBelowMax(v, r);
}

export function scoreRangeEmpty(r: ScoreRange): boolean {
  return r.min > r.max || (r.min === r.max && (r.minex || r.maxex));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** sdscmplex of a member against a bound. */
function cmpMember(v: string, b: LexBound): number {
  return b.inf !== 0 ? -b.inf : cmp(v, b.value);
}

export function lexAboveMin(v: string, min: LexBound): boolean {
  const c = cmpMember(v, min);
  return min.ex ? c > 0 : c >= 0;
}

export function lexBelowMax(v: string, max: LexBound): boolean {
  const c = cmpMember(v, max);
  return max.ex ? c < 0 : c <= 0;
}

export function inLexRange(v: string, min: LexBound, max: LexBound): boolean {
  return lexAboveMin(v, min) && lexBelowMax(v, max);
}

/** sdscmplex of two bounds: the same infinity compares equal, as Redis compares its shared min/max strings. */
function cmpBounds(a: LexBound, b: LexBound): number {
  if (a.inf !== 0 && a.inf === b.inf) return 0;
  if (a.inf === -1 || b.inf === 1) return -1;
  if (a.inf === 1 || b.inf === -1) return 1;
  return cmp(a.value, b.value);
}

export function lexRangeEmpty(min: LexBound, max: LexBound): boolean {
  const c = cmpBounds(min, max);
  return c > 0 || (c === 0 && (min.ex || max.ex));
}
