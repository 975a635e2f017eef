// How SORT orders its elements (Redis's sortCompare, and the strtod check on weights): numeric by weight with ties
// broken by the elements' bytes, or ALPHA by bytes — up to the first NUL as strcoll sees C strings (the server
// runs in a C/C.UTF-8 collation), or binary-safe when storing. Pure: no keyspace, no replies.
import { strtod } from '../../keyspace/zset/strtod.js';
import { cString } from '../args.js';

export interface SortItem {
  element: Buffer;
  /** Numeric weight (0 when the BY key is missing). */
  score: number;
  /** ALPHA with BY: the weight's bytes, or null when the BY key is missing. */
  weight: Buffer | null;
}

export interface OrderOptions {
  alpha: boolean;
  desc: boolean;
  byPattern: boolean;
  /** STORE compares binary-safe where a reply compares C strings (Redis's sort_store). */
  store: boolean;
}

const DBL_MIN = 2.2250738585072014e-308;
const HEX_PREFIX = /^[\t\n\v\f\r ]*[+-]?0[xX]/;

/**
 * A weight as SORT reads it with strtod on the C string: leading space allowed, the rest must be consumed; NaN
 * and ERANGE (overflow, or a decimal landing below the normal range: glibc flags it) are refused with null.
 */
export function sortWeight(b: Buffer): number | null {
  const s = cString(b);
  const r = strtod(s);
  if (r.used !== s.length || r.range || Number.isNaN(r.value)) return null;
  if (r.value !== 0 && Math.abs(r.value) < DBL_MIN && !HEX_PREFIX.test(s)) return null;
  return r.value;
}

/** strcoll in the C collation: unsigned bytes up to each string's first NUL. */
function collate(a: Buffer, b: Buffer): number {
  const za = a.indexOf(0);
  const zb = b.indexOf(0);
  return Buffer.compare(za < 0 ? a : a.subarray(0, za), zb < 0 ? b : b.subarray(0, zb));
}

/** Redis's sortCompare for the given options. */
export function comparator(o: OrderOptions): (x: SortItem, y: SortItem) => number {
  const text = o.store ? Buffer.compare : collate;
  let cmp: (x: SortItem, y: SortItem) => number;
  if (!o.alpha) {
    cmp = (x, y) => (x.score > y.score ? 1 : x.score < y.score ? -1 : Buffer.compare(x.element, y.element));
  } else if (o.byPattern) {
    cmp = (x, y) => {
      if (x.weight === null || y.weight === null) return x.weight === y.weight ? 0 : x.weight === null ? -1 : 1;
      return text(x.weight, y.weight);
    };
  } else {
    cmp = (x, y) => text(x.element, y.element);
  }
  return o.desc ? (x, y) => -cmp(x, y) : cmp;
}

/**
 * Redis's pqsort (a NetBSD qsort that only recurses into parts overlapping [lrange, rrange]). It is not stable,
 * so elements the comparator calls equal come out in the order this exact algorithm leaves them: SORT BY with
 * LIMIT uses it, and the full sort (glibc's stable merge sort) is Array.prototype.sort.
 */
export function partialSort<T>(v: T[], cmp: (a: T, b: T) => number, lrange: number, rrange: number): void {
  pqsort(v, 0, v.length, cmp, lrange, rrange);
}

function pqsort<T>(v: T[], a: number, n: number, cmp: (a: T, b: T) => number, lr: number, rr: number): void {
  const swap = (i: number, j: number) => {
    const t = v[i];
    v[i] = v[j];
    v[j] = t;
  };
  const med3 = (x: number, y: number, z: number) =>
    cmp(v[x], v[y]) < 0 ? (cmp(v[y], v[z]) < 0 ? y : cmp(v[x], v[z]) < 0 ? z : x) : cmp(v[y], v[z]) > 0 ? y : cmp(v[x], v[z]) < 0 ? x : z;
  const insertion = () => {
    for (let m = a + 1; m < a + n; m++) for (let l = m; l > a && cmp(v[l - 1], v[l]) > 0; l--) swap(l, l - 1);
  };
  const outside = (s: number, count: number) => (lr < s && rr < s) || (lr > s + count - 1 && rr > s + count - 1);
  for (;;) {
    if (n < 7) return insertion();
    let pm = a + Math.floor(n / 2);
    if (n > 7) {
      let pl = a;
      let pn = a + n - 1;
      if (n > 40) {
        const d = Math.floor(n / 8);
        pl = med3(pl, pl + d, pl + 2 * d);
        pm = med3(pm - d, pm, pm + d);
        pn = med3(pn - 2 * d, pn - d, pn);
      }
      pm = med3(pl, pm, pn);
    }
    swap(a, pm);
    let pa = a + 1;
    let pb = pa;
    let pc = a + n - 1;
    let pd = pc;
    let swapped = false;
    for (;;) {
      let r: number;
      while (pb <= pc && (r = cmp(v[pb], v[a])) <= 0) {
        if (r === 0) {
          swapped = true;
          swap(pa++, pb);
        }
        pb++;
      }
      while (pb <= pc && (r = cmp(v[pc], v[a])) >= 0) {
        if (r === 0) {
          swapped = true;
          swap(pc, pd--);
        }
        pc--;
      }
      if (pb > pc) break;
      swap(pb++, pc--);
      swapped = true;
    }
    if (!swapped) return insertion();
    const pn = a + n;
    let r = Math.min(pa - a, pb - pa);
    for (let i = 0; i < r; i++) swap(a + i, pb - r + i);
    r = Math.min(pd - pc, pn - pd - 1);
    for (let i = 0; i < r; i++) swap(pb + i, pn - r + i);
    if ((r = pb - pa) > 1 && !outside(a, r)) pqsort(v, a, r, cmp, lr, rr);
    if ((r = pd - pc) <= 1) return;
    a = pn - r;
    n = r;
    if (outside(a, n)) return;
  }
}
