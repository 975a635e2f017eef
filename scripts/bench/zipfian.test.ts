// Tests of the Zipfian benchmark's key generators: range, skew, the theta they are built with, determinism.
import { expect } from 'chai';
import { ScrambledZipfianGenerator, seededRandom, UniformGenerator, ZipfianGenerator, zeta } from './zipfian.js';

function histogram(next: () => number, items: number, draws: number): Float64Array {
  const counts = new Float64Array(items);
  for (let i = 0; i < draws; i++) {
    const r = next();
    if (!Number.isInteger(r) || r < 0 || r >= items) throw new Error(`draw ${r} is outside [0, ${items})`);
    counts[r]++;
  }
  return counts;
}

describe('zipfian key generators', () => {
  const ITEMS = 10000;
  const DRAWS = 400000;

  it('zeta of a small n is the sum of 1 / i^theta', () => {
    expect(zeta(3, 0.5)).to.be.closeTo(1 + 1 / Math.SQRT2 + 1 / Math.sqrt(3), 1e-12);
  });

  it('draws only ranks in range, rank 0 most often, and frequencies that fall with rank', () => {
    const g = new ZipfianGenerator(ITEMS, 0.99, seededRandom(7));
    const c = histogram(() => g.next(), ITEMS, DRAWS);
    expect(Math.max(...c)).to.equal(c[0]);
    expect(c[0]).to.be.greaterThan(c[1]);
    expect(c[1]).to.be.greaterThan(c[2]);
    // Over bands of ranks the decrease holds despite sampling noise.
    const band = (from: number, to: number) => c.slice(from, to).reduce((a, b) => a + b, 0) / (to - from);
    expect(band(3, 10)).to.be.greaterThan(band(10, 100));
    expect(band(10, 100)).to.be.greaterThan(band(100, 1000));
    expect(band(100, 1000)).to.be.greaterThan(band(1000, ITEMS));
  });

  for (const theta of [0.99, 0.5]) {
    it(`honours theta ${theta}: rank 0 comes up about 1 / zeta(n, theta) of the time, rank 9 about 1 / (10^theta zeta)`, () => {
      const g = new ZipfianGenerator(ITEMS, theta, seededRandom(11));
      const c = histogram(() => g.next(), ITEMS, DRAWS);
      const p0 = 1 / g.zetan;
      expect(c[0] / DRAWS).to.be.closeTo(p0, p0 * 0.05);
      const p9 = p0 / Math.pow(10, theta);
      expect(c[9] / DRAWS).to.be.closeTo(p9, p9 * 0.15);
    });
  }

  it('a larger theta concentrates more of the draws on the first ranks', () => {
    const top = (theta: number) => {
      const g = new ZipfianGenerator(ITEMS, theta, seededRandom(3));
      const c = histogram(() => g.next(), ITEMS, 100000);
      return c.slice(0, 100).reduce((a, b) => a + b, 0);
    };
    expect(top(0.99)).to.be.greaterThan(1.5 * top(0.5));
  });

  it('scrambling spreads the hot ranks over the keyspace but keeps each key at its rank\'s frequency', () => {
    const g = new ScrambledZipfianGenerator(ITEMS, 0.99, seededRandom(5), 42);
    const c = histogram(() => g.next(), ITEMS, DRAWS);
    const hottest = Array.from({ length: 5 }, (_, r) => g.keyOf(r));
    expect(new Set(hottest).size).to.equal(5);
    expect(hottest).to.not.deep.equal([0, 1, 2, 3, 4]);
    expect(c.indexOf(Math.max(...c))).to.equal(g.keyOf(0));
    expect(c[g.keyOf(0)]).to.be.greaterThan(c[g.keyOf(1)]);
  });

  it('the same seeds give the same sequence, another seed a different one', () => {
    const seq = (seed: number) => {
      const g = new ScrambledZipfianGenerator(1000, 0.99, seededRandom(seed), 1);
      return Array.from({ length: 50 }, () => g.next());
    };
    expect(seq(9)).to.deep.equal(seq(9));
    expect(seq(9)).to.not.deep.equal(seq(10));
  });

  it('the uniform generator covers the range evenly', () => {
    const g = new UniformGenerator(100, seededRandom(1));
    const c = histogram(() => g.next(), 100, 100000);
    expect(Math.min(...c)).to.be.greaterThan(800);
    expect(Math.max(...c)).to.be.lessThan(1200);
  });
});
