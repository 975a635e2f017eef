import { expect } from 'chai';
import { comparator, partialSort, sortWeight, type SortItem } from './sort-order.js';
import { hasStar, parsePattern } from './sort-pattern.js';
import { limitRange } from './sort-source.js';

function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('SORT ordering', () => {
  it('reads weights as strtod does, refusing leftovers, NaN, overflow and decimal underflow', () => {
    const ok: [string, number][] = [['3', 3], [' 5', 5], ['+4', 4], ['.5', 0.5], ['5.', 5], ['0x10', 16], ['inf', Infinity], ['-infinity', -Infinity], ['', 0], ['1e3', 1000], ['0x1p-1074', 5e-324]];
    for (const [s, v] of ok) expect(sortWeight(Buffer.from(s)), s).to.equal(v);
    expect(sortWeight(Buffer.from('12\0abc'))).to.equal(12);
    for (const s of ['abc', '12abc', '5 ', '  ', 'nan', '1e400', '-1e400', '1e-310', '4.9e-324', '0x', 'e5']) expect(sortWeight(Buffer.from(s)), s).to.equal(null);
  });

  it('orders numerically with ties broken by bytes, and ALPHA up to a NUL unless storing', () => {
    const item = (e: string, score = 0): SortItem => ({ element: Buffer.from(e), score, weight: null });
    const num = comparator({ alpha: false, desc: false, byPattern: false, store: false });
    expect(num(item('b', 1), item('a', 2))).to.be.below(0);
    expect(num(item('b', 1), item('a', 1))).to.be.above(0);
    const alpha = comparator({ alpha: true, desc: false, byPattern: false, store: false });
    expect(alpha(item('a\0b'), item('a\0c'))).to.equal(0);
    const stored = comparator({ alpha: true, desc: true, byPattern: false, store: true });
    expect(stored(item('a\0b'), item('a\0c'))).to.be.above(0);
  });

  it('partialSort puts the requested range in order, whatever else it leaves unsorted', () => {
    const rnd = rng(42);
    const cmp = (a: number, b: number) => a - b;
    for (let round = 0; round < 300; round++) {
      const n = 1 + Math.floor(rnd() * 120);
      const v = Array.from({ length: n }, () => Math.floor(rnd() * 30));
      const start = Math.floor(rnd() * n);
      const end = Math.min(n - 1, start + Math.floor(rnd() * n));
      const want = [...v].sort(cmp).slice(start, end + 1);
      const got = [...v];
      partialSort(got, cmp, start, end);
      expect(got.slice(start, end + 1), `n=${n} [${start}, ${end}]`).to.deep.equal(want);
      expect([...got].sort(cmp)).to.deep.equal([...v].sort(cmp));
    }
  });

  it('clamps LIMIT as Redis does', () => {
    expect(limitRange(5, 0, -1)).to.deep.equal({ start: 0, end: 4 });
    expect(limitRange(5, -3, 2)).to.deep.equal({ start: 0, end: 1 });
    expect(limitRange(5, 2, 1e19)).to.deep.equal({ start: 2, end: 4 });
    expect(limitRange(5, 5, 1)).to.deep.equal({ start: 4, end: 3 });
    expect(limitRange(0, 0, 1)).to.deep.equal({ start: -1, end: -2 });
    expect(limitRange(5, 1, 0)).to.deep.equal({ start: 1, end: 0 });
  });

  it('parses patterns: #, the first *, a ->field after it, and nothing past a NUL for the star', () => {
    expect(parsePattern(Buffer.from('#')).self).to.equal(true);
    expect(parsePattern(Buffer.from('#\0x')).self).to.equal(true);
    expect(parsePattern(Buffer.from('##')).constant).to.equal(true);
    expect(parsePattern(Buffer.from('w_*'))).to.include({ prefix: 'w_', suffix: '', field: null });
    expect(parsePattern(Buffer.from('h_*_x->f->g'))).to.include({ prefix: 'h_', suffix: '_x', field: 'f->g' });
    expect(parsePattern(Buffer.from('h_*->'))).to.include({ suffix: '->', field: null });
    expect(parsePattern(Buffer.from('a->b*c'))).to.include({ prefix: 'a->b', suffix: 'c', field: null });
    expect(hasStar(Buffer.from('no\0*'))).to.equal(false);
    expect(hasStar(Buffer.from('w_*'))).to.equal(true);
  });
});
