// Tests of the soak's latency histogram.
import { expect } from 'chai';
import { Histogram, mergeAll } from './histogram.js';

describe('soak latency histogram', () => {
  it('reports percentiles within 2% of the exact ones and the exact maximum', () => {
    const h = new Histogram();
    for (let i = 1; i <= 10000; i++) h.record(i / 100);
    expect(h.count).to.equal(10000);
    expect(h.percentileMs(50)).to.be.closeTo(50, 1);
    expect(h.percentileMs(99)).to.be.closeTo(99, 2);
    expect(h.maxMs).to.equal(100);
    expect(h.percentileMs(100)).to.equal(100);
  });

  it('keeps small values exact and merges counts and maxima', () => {
    const a = new Histogram();
    const b = new Histogram();
    a.record(0.05, 99);
    b.record(7.5);
    const m = mergeAll([a, b]);
    expect(m.count).to.equal(100);
    expect(m.percentileMs(99)).to.equal(0.05);
    expect(m.percentileMs(100)).to.equal(7.5);
  });

  it('answers NaN when empty', () => {
    expect(new Histogram().percentileMs(99)).to.be.NaN;
  });
});
