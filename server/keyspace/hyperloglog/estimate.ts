// The cardinality estimate Redis 7.0 computes from a register histogram (Ertl's improved estimator,
// arXiv:1702.01284), evaluated in the same order of double operations so results match to the unit.
import { HLL_Q, HLL_REGISTERS } from './dense.js';

/** 0.5 / ln(2). */
const ALPHA_INF = 0.721347520444481703680;

function sigma(x: number): number {
  if (x === 1) return Infinity;
  let y = 1;
  let z = x;
  let prev: number;
  do {
    x *= x;
    prev = z;
    z += x * y;
    y += y;
  } while (prev !== z);
  return z;
}

function tau(x: number): number {
  if (x === 0 || x === 1) return 0;
  let y = 1.0;
  let z = 1 - x;
  let prev: number;
  do {
    x = Math.sqrt(x);
    prev = z;
    y *= 0.5;
    // pow(1 - x, 2) in C: the correctly rounded square, which a product also is.
    z -= (1 - x) * (1 - x) * y;
  } while (prev !== z);
  return z / 3;
}

/** The estimate from `histo` (count of registers per value 0..63). */
export function estimate(histo: Int32Array): number {
  const m = HLL_REGISTERS;
  let z = m * tau((m - histo[HLL_Q + 1]) / m);
  for (let j = HLL_Q; j >= 1; --j) {
    z += histo[j];
    z *= 0.5;
  }
  z += m * sigma(histo[0] / m);
  return Math.round((ALPHA_INF * m * m) / z);
}
