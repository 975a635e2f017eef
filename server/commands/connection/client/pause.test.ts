// The end of a CLIENT PAUSE as Redis 7.0 computes it, overflow included.
import { expect } from 'chai';
import { pauseEnd } from './pause.js';

describe('CLIENT PAUSE end', () => {
  it('adds the timeout to the clock, and keeps 0 as 0', () => {
    expect(pauseEnd(500n, 1_000_000)).to.equal(1_000_500);
    expect(pauseEnd(0n, 1_000_000)).to.equal(0);
  });

  it('lands in the past when the sum overflows a signed 64-bit integer, as in Redis 7.0', () => {
    expect(pauseEnd(2n ** 63n - 1n, 1_000_000)).to.be.below(0);
    expect(pauseEnd(2n ** 63n - 1_000_001n, 1_000_000)).to.be.above(1e18);
  });
});
