// Unit tests of the LFU counter: start value, logarithmic increments, decay per idle minute.
import { expect } from 'chai';
import { lruSeconds, resetClock, shiftClock } from '../clock.js';
import { Entry } from '../engine/entry.js';
import { LFU_INIT_VAL, lfuAccess, lfuCarry, lfuFrequency } from './lfu.js';

function fresh(): Entry {
  const e = new Entry(0, 0, 0, 0, 0, 0, null);
  e.atime = lruSeconds();
  return e;
}

describe('lfu: access counter', () => {
  afterEach(() => resetClock());

  it('starts at the initial value and always counts the first access', () => {
    const e = fresh();
    expect(lfuFrequency(e)).to.equal(LFU_INIT_VAL);
    lfuAccess(e, () => 0.99);
    expect(lfuFrequency(e)).to.equal(LFU_INIT_VAL + 1);
  });

  it('counts later accesses with a probability that falls as the counter grows', () => {
    const e = fresh();
    lfuAccess(e, () => 0.5);
    // At 6 the probability is 1/11: a draw of 0.5 does not count, 0.05 does.
    lfuAccess(e, () => 0.5);
    expect(lfuFrequency(e)).to.equal(6);
    lfuAccess(e, () => 0.05);
    expect(lfuFrequency(e)).to.equal(7);
  });

  it('decays by one per idle minute, down to zero', () => {
    const e = fresh();
    shiftClock(3 * 60000);
    expect(lfuFrequency(e)).to.equal(LFU_INIT_VAL - 3);
    shiftClock(60 * 60000);
    expect(lfuFrequency(e)).to.equal(0);
  });

  it('hands a counter over to the entry that takes a value over', () => {
    const a = fresh();
    lfuAccess(a, () => 0);
    lfuAccess(a, () => 0);
    const b = fresh();
    lfuCarry(a, b);
    expect(lfuFrequency(b)).to.equal(7);
  });
});
