import { expect } from 'chai';
import { formatLongDouble } from '../platform/native.js';
import { parseLongDouble, parseLongLong, parseLongLongNumber } from './number-parse.js';

const ll = (s: string | Buffer) => parseLongLong(Buffer.isBuffer(s) ? s : Buffer.from(s, 'latin1'));

describe('keyspace: number parsing like Redis util.c', () => {
  it('string2ll accepts canonical signed 64-bit integers', () => {
    expect(ll('0')).to.equal(0n);
    expect(ll('-1')).to.equal(-1n);
    expect(ll('123456789012345')).to.equal(123456789012345n);
    expect(ll('1234567890123456')).to.equal(1234567890123456n);
    expect(ll('9223372036854775807')).to.equal(9223372036854775807n);
    expect(ll('-9223372036854775808')).to.equal(-9223372036854775808n);
  });

  it('string2ll refuses signs, spaces, leading zeros, fractions and the out of range', () => {
    for (const s of ['', '-', '+1', ' 1', '1 ', '01', '-0', '-01', '00', '1.0', '1e3', '0x10', 'abc', '9223372036854775808', '-9223372036854775809', '1'.repeat(21)]) {
      expect(ll(s), JSON.stringify(s)).to.equal(null);
    }
    expect(ll(Buffer.from('1\x002', 'latin1'))).to.equal(null);
  });

  it('string2ll reads a view into a larger buffer by its own bounds', () => {
    const big = Buffer.from('xx12345678901234567yy');
    expect(parseLongLong(big.subarray(2, 19))).to.equal(12345678901234567n);
  });

  it('parseLongLongNumber keeps the order of huge values', () => {
    expect(parseLongLongNumber(Buffer.from('-9223372036854775808'))! < -1e18).to.equal(true);
    expect(parseLongLongNumber(Buffer.from('x'))).to.equal(null);
  });

  it('string2ld refuses what Redis refuses and keeps long double precision', () => {
    for (const s of ['', ' 1', '1 ', 'nan', '1e-5000', '1e5000', '1e', 'abc', '1,5']) {
      expect(parseLongDouble(Buffer.from(s)), JSON.stringify(s)).to.equal(null);
    }
    expect(formatLongDouble(parseLongDouble(Buffer.from('0x1p-3'))!, 'human')).to.equal('0.125');
    expect(formatLongDouble(parseLongDouble(Buffer.from('-0'))!, 'human')).to.equal('0');
  });
});
