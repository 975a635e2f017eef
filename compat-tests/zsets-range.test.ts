// Differential: ZRANGE (BYSCORE BYLEX REV LIMIT WITHSCORES), ZRANGESTORE and the older ZREVRANGE,
// Z[REV]RANGEBYSCORE and Z[REV]RANGEBYLEX against redis-server 7.0, byte for byte — option order and conflicts,
// bound syntax, out-of-range indexes, offsets and limits, RESP2 and RESP3 shapes, stored results and encodings.
import { differential } from './harness.js';

describe('compat: sorted-set ranges', () => {
  const d = differential();

  beforeEach(async () => {
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '3', 'd', '5', 'e', '-inf', 'lo', 'inf', 'hi');
    await d.pair.cmd('ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd', '0', 'e', '0', 'aa', '0', Buffer.from([0xff]));
  });

  it('ZRANGE by rank takes negative and out-of-range indexes as Redis clamps them', async () => {
    const ranks = [
      ['0', '-1'], ['1', '0'], ['-100', '100'], ['-2', '-1'], ['5', '5'], ['7', '10'], ['0', '0'], ['-1', '-100'],
      ['9223372036854775807', '9223372036854775807'], ['-9223372036854775808', '-1'], ['0', '9223372036854775808'],
      ['0', '1.5'], ['x', '1'], ['', '1'], [' 1', '2'],
    ];
    for (const [a, b] of ranks) {
      await d.pair.cmd('ZRANGE', 'z', a, b);
      await d.pair.cmd('ZRANGE', 'z', a, b, 'WITHSCORES');
      await d.pair.cmd('ZREVRANGE', 'z', a, b, 'WITHSCORES');
      await d.pair.cmd('ZRANGE', 'z', a, b, 'REV');
    }
  });

  it('ZRANGE BYSCORE and ZRANGEBYSCORE honour exclusive bounds, LIMIT offsets and counts', async () => {
    const bounds = [
      ['-inf', '+inf'], ['(1', '3'], ['1', '(3'], ['(3', '(3'], ['3', '3'], ['5', '1'], ['', ''], ['(', '('], ['\t-1', '1e309'],
      ['-1e-400', '1'], ['(-inf', '(+inf'], ['((1', '2'], ['[1', '2'], ['-inf', 'nan(123)'], ['-inf', 'nan(123'], ['1', 'inf '],
      ['0x1p1', '+Infinity'], ['x', '1'],
    ];
    for (const [lo, hi] of bounds) {
      await d.pair.cmd('ZRANGEBYSCORE', 'z', lo, hi, 'WITHSCORES');
      await d.pair.cmd('ZREVRANGEBYSCORE', 'z', hi, lo);
      await d.pair.cmd('ZRANGE', 'z', lo, hi, 'BYSCORE');
      await d.pair.cmd('ZRANGE', 'z', hi, lo, 'BYSCORE', 'REV', 'WITHSCORES');
    }
    const limits = [['0', '2'], ['1', '-5'], ['-1', '2'], ['2', '0'], ['6', '10'], ['7', '1'], ['9223372036854775807', '1'], ['2', '9223372036854775807']];
    for (const [o, c] of limits) {
      await d.pair.cmd('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'WITHSCORES', 'LIMIT', o, c);
      await d.pair.cmd('ZREVRANGEBYSCORE', 'z', '+inf', '-inf', 'LIMIT', o, c);
      await d.pair.cmd('ZRANGE', 'z', '(1', '5', 'BYSCORE', 'LIMIT', o, c);
    }
  });

  it('ZRANGE BYLEX and ZRANGEBYLEX compare member bytes, with - and + as the ends', async () => {
    const bounds = [
      ['-', '+'], ['[b', '[d'], ['(b', '(d'], ['(a', '+'], ['+', '-'], ['-', '-'], ['+', '+'], ['[a', '(a'], ['[a', '[a'],
      ['a', 'b'], ['', '+'], ['-x', '+'], ['[', '+'], ['(', '('], ['[\xff', '+'], [Buffer.from('-\u0000x'), '+'],
    ];
    for (const [lo, hi] of bounds) {
      await d.pair.cmd('ZRANGEBYLEX', 'l', lo, hi);
      await d.pair.cmd('ZREVRANGEBYLEX', 'l', hi, lo);
      await d.pair.cmd('ZRANGE', 'l', lo, hi, 'BYLEX', 'LIMIT', '1', '2');
      await d.pair.cmd('ZRANGE', 'l', hi, lo, 'BYLEX', 'REV', 'LIMIT', '0', '3');
    }
    await d.pair.cmd('ZRANGEBYLEX', 'l', '-', '+', 'LIMIT', '-1', '2');
    await d.pair.cmd('ZRANGEBYLEX', 'l', '-', '+', 'LIMIT', '2', '-1');
  });

  it('ZRANGE options may come in any order and conflicting ones fail with Redis errors', async () => {
    const cases = [
      ['0', '-1', 'withscores', 'rev'], ['0', '-1', 'REV', 'WITHSCORES'], ['0', '-1', 'LIMIT', '0', '1'], ['0', '-1', 'LIMIT', '0', '-1'],
      ['-', '+', 'BYLEX', 'WITHSCORES'], ['0', '-1', 'BYSCORE', 'BYLEX'], ['0', '-1', 'BYLEX', 'BYLEX'], ['0', '-1', 'REV', 'REV'],
      ['0', '-1', 'LIMIT', '0'], ['0', '-1', 'BYSCORE', 'LIMIT', 'a', 'b'], ['x', 'y', 'BYSCORE', 'LIMIT', 'a', 'b'],
      ['x', 'y', 'BYSCORE'], ['x', 'y', 'BYLEX'], ['x', 'y'], ['0', '-1', 'bad'], ['LIMIT', '0', '-1'],
      ['(1', 'inf', 'BYSCORE', 'REV'], ['inf', '(1', 'byscore', 'rev', 'withscores', 'limit', '1', '2'], ['[z', '-', 'BYLEX', 'REV'],
      ['0', '-1', 'WITHSCORES', 'WITHSCORES'],
    ];
    for (const c of cases) await d.pair.cmd('ZRANGE', 'z', ...c);
    await d.pair.cmd('ZREVRANGE', 'z', '0', '1', 'REV');
    await d.pair.cmd('ZREVRANGE', 'z', '0', '1', 'LIMIT', '0', '1');
    await d.pair.cmd('ZRANGEBYSCORE', 'z', '0', '1', 'BYSCORE');
    await d.pair.cmd('ZRANGEBYLEX', 'l', '-', '+', 'WITHSCORES');
    await d.pair.cmd('ZREVRANGEBYSCORE', 'z', '1', '2');
    await d.pair.cmd('SET', 's', 'v');
    await d.pair.cmd('ZRANGE', 's', 'x', '1');
    await d.pair.cmd('ZRANGE', 's', '0', '1', 'bad');
    await d.pair.cmd('ZRANGE', 's', '0', '1');
    await d.pair.cmd('ZRANGE', 'nokey', '0', '-1');
    await d.pair.cmd('ZRANGE', 'nokey', 'x', '-1');
  });

  it('ranges reply flat pairs in RESP2 and nested pairs in RESP3', async () => {
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1');
    await d.pair.cmd('ZRANGEBYSCORE', 'z', '-inf', '+inf', 'WITHSCORES', 'LIMIT', '1', '2');
    await d.pair.cmd('ZREVRANGE', 'z', '0', '2', 'WITHSCORES');
    await d.pair.cmd('ZRANGE', 'z', '10', '20', 'WITHSCORES');
    await d.pair.cmd('ZRANGEBYLEX', 'l', '-', '+');
  });

  it('ZRANGESTORE stores the selected range, deletes the destination for an empty one, and picks the encoding', async () => {
    const cases = [
      ['0', '-1'], ['0', '-1', 'REV'], ['inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', '0', '2'], ['(a', '+', 'BYLEX'],
      ['0', '-1', 'LIMIT', '0', '1'], ['0', '-1', 'WITHSCORES'], ['5', '1', 'BYSCORE'], ['x', '1'],
    ];
    for (const c of cases) {
      await d.pair.cmd('ZRANGESTORE', 'dst', 'z', ...c);
      await d.pair.cmd('ZRANGE', 'dst', '0', '-1', 'WITHSCORES');
    }
    await d.pair.cmd('ZRANGESTORE', 'dst', 'z', '0', '-1');
    await d.pair.cmd('ZRANGESTORE', 'dst', 'nokey', '0', '-1');
    await d.pair.cmd('EXISTS', 'dst');
    await d.pair.cmd('SET', 'str', 'v');
    await d.pair.cmd('EXPIRE', 'str', '100');
    await d.pair.cmd('ZRANGESTORE', 'str', 'z', '0', '1');
    await d.pair.cmd('TYPE', 'str');
    await d.pair.cmd('TTL', 'str');
    await d.pair.cmd('ZRANGESTORE', 'dst', 'str', '0', '-1');
    await d.pair.cmd('ZRANGESTORE', 'dst', 'l', '0', '-1');
    await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '3');
    await d.pair.cmd('ZRANGESTORE', 'r3', 'z', '0', '2');
    await d.pair.cmd('OBJECT', 'ENCODING', 'r3');
    await d.pair.cmd('ZRANGESTORE', 'r4', 'z', '0', '3');
    await d.pair.cmd('OBJECT', 'ENCODING', 'r4');
    await d.pair.cmd('ZRANGE', 'r4', '0', '-1', 'WITHSCORES');
  });
});
