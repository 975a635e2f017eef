// Unit tests: blocking-command timeouts are read as Redis 7.0 reads them (checked against redis-server 7.0.15).
import { expect } from 'chai';
import { parseBlockTimeout } from './blocking-timeout.js';
import { ErrorReply } from './types.js';

const read = (s: string) => {
  const r = parseBlockTimeout(Buffer.from(s, 'latin1'));
  return r instanceof ErrorReply ? r.message : r;
};

describe('blocking timeout argument', () => {
  it('seconds become milliseconds, rounded up', () => {
    expect([read('0'), read('1'), read('0.5'), read('0.0001'), read('1e-10'), read('2.0005')]).to.deep.equal([0, 1000, 500, 1, 1, 2001]);
  });

  it('text that is not a float is refused', () => {
    for (const s of ['abc', 'nan', '', ' 1', '1 ']) expect(read(s), s).to.equal('ERR timeout is not a float or out of range');
  });

  it('negative, infinite and overflowing timeouts are called negative, as the C cast makes them', () => {
    for (const s of ['-1', '-0.5', 'inf', '-inf', '1e400', '9.3e15']) expect(read(s), s).to.equal('ERR timeout is negative');
  });

  it('a timeout just inside the C long long range is accepted', () => {
    expect(read('9.2e15')).to.equal(9.2e18);
  });
});
