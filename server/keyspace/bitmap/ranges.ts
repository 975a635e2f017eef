// BITCOUNT's and BITPOS's index arithmetic over a string value (bitops.c): negative indexes from the end, BYTE
// or BIT units, clamping, and what an empty or exhausted range answers. Pure functions of the bytes.
import { findBit, popcount, popcountBits } from './bits.js';

/** Start and end as given (long long), with the unit they are counted in. */
export interface BitRange {
  start: bigint;
  end: bigint;
  bit: boolean;
}

/** Redis's conversion of negative indexes and clamping into [0, total - 1] (end may end up below start). */
function clamp(start: bigint, end: bigint, total: number): [number, number] {
  const t = BigInt(total);
  if (start < 0n) start += t;
  if (end < 0n) end += t;
  if (start < 0n) start = 0n;
  if (end < 0n) end = 0n;
  if (end >= t) end = t - 1n;
  return [Number(start), Number(end)];
}

/** BITCOUNT over the whole value (range null) or a range. */
export function countBits(v: Uint8Array, range: BitRange | null): number {
  if (range === null) return popcount(v, 0, v.length);
  if (range.start < 0n && range.end < 0n && range.start > range.end) return 0;
  const [start, end] = clamp(range.start, range.end, range.bit ? v.length * 8 : v.length);
  if (start > end) return 0;
  return range.bit ? popcountBits(v, start, end) : popcount(v, start, end + 1);
}

/**
 * BITPOS: the first `bit` in the range, or -1. Looking for 0 without an explicit end treats the value as
 * followed by zero bits, so it answers the first position past the range.
 */
export function findPosition(v: Uint8Array, bit: 0 | 1, start: bigint | null, end: bigint | null, unitBit: boolean): number {
  const total = unitBit ? v.length * 8 : v.length;
  let from = 0;
  let to = v.length - 1;
  if (start !== null) {
    const defaultEnd = unitBit ? BigInt(total) + 7n : BigInt(total) - 1n;
    [from, to] = clamp(start, end ?? defaultEnd, total);
  }
  if (from > to) return -1;
  const fromBit = unitBit ? from : from * 8;
  const toBit = unitBit ? to : to * 8 + 7;
  const pos = findBit(v, fromBit, toBit, bit);
  if (pos >= 0) return pos;
  if (bit === 1 || end !== null) return -1;
  return toBit + 1;
}
