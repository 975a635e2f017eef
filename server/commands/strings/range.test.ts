import { expect } from 'chai';
import { rangeOf } from './range.js';

describe('strings: GETRANGE index rules', () => {
  it('counts negative indexes from the end and clamps to the value', () => {
    expect(rangeOf(0, -1, 11)).to.deep.equal([0, 11]);
    expect(rangeOf(-5, -1, 11)).to.deep.equal([6, 11]);
    expect(rangeOf(-100, 100, 11)).to.deep.equal([0, 11]);
    expect(rangeOf(-100, -50, 11)).to.deep.equal([0, 1]);
    expect(rangeOf(3, 1e19, 11)).to.deep.equal([3, 11]);
  });

  it('answers nothing for inverted, out of range and empty cases', () => {
    expect(rangeOf(5, 3, 11)).to.equal(null);
    expect(rangeOf(-100, -200, 11)).to.equal(null);
    expect(rangeOf(-1, -5, 11)).to.equal(null);
    expect(rangeOf(11, 11, 11)).to.equal(null);
    expect(rangeOf(0, -1, 0)).to.equal(null);
    expect(rangeOf(0, 0, 0)).to.equal(null);
  });
});
