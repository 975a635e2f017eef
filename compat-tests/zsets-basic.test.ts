// Differential: the sorted-set writes and lookups (ZADD with NX XX GT LT CH INCR, ZINCRBY, ZREM, ZREMRANGEBY*,
// ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT) against redis-server 7.0, byte for byte — score
// parsing and printing, every error in Redis's order, OBJECT ENCODING transitions, WRONGTYPE both ways, RESP3.
import { differential, show } from './harness.js';
import { expect } from 'chai';

describe('compat: sorted sets (writes and lookups)', () => {
  const d = differential();

  // The harness's own beforeEach has opened the pair by now; thresholds changed by a test are reset here.
  beforeEach(async () => {
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-value', '64');
    await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', '');
  });

  it('ZADD adds and updates members and answers how many were added', async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    await d.pair.cmd('ZADD', 'z', '5', 'a', '6', 'd');
    await d.pair.cmd('ZADD', 'z', '1', 'x', '2', 'x');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZCARD', 'z');
    await d.pair.cmd('ZADD', 'bin', '1', Buffer.from([0, 255, 10, 13]), '1', Buffer.from('\xe9', 'latin1'), '1', '');
    await d.pair.cmd('ZRANGE', 'bin', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZSCORE', 'bin', Buffer.from([0, 255, 10, 13]));
  });

  it('ZADD NX, XX, GT, LT and CH change only what their conditions allow', async () => {
    await d.pair.cmd('ZADD', 'z', 'XX', '1', 'a');
    await d.pair.cmd('EXISTS', 'z');
    await d.pair.cmd('ZADD', 'z', '5', 'a', '5', 'b');
    await d.pair.cmd('ZADD', 'z', 'NX', '1', 'a', '1', 'c');
    await d.pair.cmd('ZADD', 'z', 'XX', 'CH', '2', 'a', '2', 'new');
    await d.pair.cmd('ZADD', 'z', 'GT', 'CH', '1', 'a', '9', 'b', '4', 'gt-new');
    await d.pair.cmd('ZADD', 'z', 'LT', 'CH', '0', 'a', '10', 'b');
    await d.pair.cmd('ZADD', 'z', 'xx', 'lt', 'ch', '-1', 'a', '1', 'never');
    await d.pair.cmd('ZADD', 'z', 'gT', 'xX', 'Ch', '100', 'c');
    await d.pair.cmd('ZADD', 'z', 'CH', '100', 'c');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
  });

  it('ZADD INCR and ZINCRBY reply the resulting score, or nil when a condition skipped the member', async () => {
    await d.pair.cmd('ZADD', 'z', 'INCR', '1.5', 'a');
    await d.pair.cmd('ZADD', 'z', 'INCR', '-0.25', 'a');
    await d.pair.cmd('ZINCRBY', 'z', '10', 'a');
    await d.pair.cmd('ZINCRBY', 'z', '0.1', 'b');
    await d.pair.cmd('ZINCRBY', 'z', '0.2', 'b');
    await d.pair.cmd('ZADD', 'z', 'INCR', 'NX', '1', 'a');
    await d.pair.cmd('ZADD', 'z', 'INCR', 'XX', '1', 'nosuch');
    await d.pair.cmd('ZADD', 'z', 'INCR', 'GT', '-1', 'a');
    await d.pair.cmd('ZADD', 'z', 'INCR', 'LT', '-1', 'a');
    await d.pair.cmd('ZADD', 'nokey', 'XX', 'INCR', '1', 'a');
    await d.pair.cmd('EXISTS', 'nokey');
    await d.pair.cmd('ZINCRBY', 'z', 'inf', 'i');
    await d.pair.cmd('ZINCRBY', 'z', '-inf', 'i');
    await d.pair.cmd('ZADD', 'z', 'INCR', '-inf', 'i');
    await d.pair.cmd('ZINCRBY', 'z', '1e308', 'big');
    await d.pair.cmd('ZINCRBY', 'z', '1e308', 'big');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
  });

  it('ZADD checks its arguments in Redis order before looking at the key', async () => {
    await d.pair.cmd('SET', 's', 'v');
    const bad = [
      ['1'], ['1', 'a', '2'], ['NX'], ['NX', 'XX', '1', 'a'], ['XX', 'NX', 'GT', '1', 'a'], ['GT', 'LT', '1', 'a'],
      ['GT', 'NX', '1', 'a'], ['LT', 'NX', '1', 'a'], ['INCR', '1', 'a', '2', 'b'], ['x', 'a'], ['1', 'a', 'y', 'b'],
      ['nan', 'a'], ['NX', 'XX', 'x', 'a'], ['INCR', 'GT', 'LT', '1', 'a', '2', 'b'], ['nxx', '1', 'a'], ['1', 'a'],
    ];
    for (const args of bad) await d.pair.cmd('ZADD', 's', ...args);
    await d.pair.cmd('ZINCRBY', 's', 'x', 'a');
    await d.pair.cmd('ZINCRBY', 's', '1', 'a');
    await d.pair.cmd('ZINCRBY', 'z', 'nx', 'a');
    await d.pair.cmd('ZADD', 'z', 'NX', 'INCR', 'INCR', '1', 'a');
    // One pair whose score is not an option word takes faha's hot path: the same errors, before the key's type.
    for (const score of ['abc', '', '1e', '0x10', ' 1', '1 ', '1e400', '-1e400', '+inf', '-inf', '1.5e3', '-0', 'Nan']) {
      await d.pair.cmd('ZADD', 's', score, 'm');
      await d.pair.cmd('ZADD', 'z', score, 'm');
    }
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
  });

  it('scores are read as Redis reads doubles and printed as %.17g, in RESP2 and RESP3', async () => {
    const scores = [
      '+1', '1.', '.5', '1e', '-', '+', 'infinity', '-Infinity', 'INF', '+inf', 'nan', '-nan', '0x1p-1074', '0X1P3', '0x.8',
      '0x', '1e308', '1e309', '4.9e-324', '2.4e-324', '2.5e-324', '1e-320', '0e-999', '1_0', '', '1 ', '\t1', '0.1',
      '-0', '1e17', '123456789012345678', '3.0000000000000004', '1e-5', '0.0001', Buffer.from('1\u00002'),
    ];
    for (const s of scores) await d.pair.cmd('ZADD', 'n', s, 'm');
    for (const s of ['0.1', '1e17', '-1e300', '1.5e-7', '123456789012345678', 'inf', '-inf']) {
      await d.pair.cmd('ZADD', 'f', s, `m${s}`);
      await d.pair.cmd('ZSCORE', 'f', `m${s}`);
    }
    await d.pair.cmd('ZRANGE', 'f', '0', '-1', 'WITHSCORES');
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZRANGE', 'f', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZSCORE', 'f', 'minf');
    await d.pair.cmd('ZSCORE', 'f', 'm0.1');
    await d.pair.cmd('ZINCRBY', 'f', '1', 'm0.1');
    await d.pair.cmd('ZMSCORE', 'f', 'minf', 'nosuch', 'm-inf');
    await d.pair.cmd('ZSCORE', 'f', 'nosuch');
    await d.pair.cmd('ZRANK', 'f', 'nosuch');
    await d.pair.cmd('ZADD', 'f', 'XX', 'INCR', '1', 'nosuch');
  });

  it('-0 stays -0 in a skiplist-encoded set and reads 0 from a listpack', async () => {
    await d.pair.cmd('ZADD', 'lp', '-0', 'a', '0', 'b');
    await d.pair.cmd('ZRANGE', 'lp', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZINCRBY', 'lp', '-0', 'a');
    await d.pair.cmd('ZSCORE', 'lp', 'a');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
    await d.pair.cmd('ZADD', 'sk', '-0', 'a', '0', 'b');
    await d.pair.cmd('ZSCORE', 'sk', 'a');
    await d.pair.cmd('ZADD', 'sk', '0', 'a');
    await d.pair.cmd('ZINCRBY', 'sk', '-0', 'a');
    await d.pair.cmd('ZRANGE', 'sk', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    await d.pair.cmd('ZUNIONSTORE', 'back', '1', 'sk');
    await d.pair.cmd('OBJECT', 'ENCODING', 'back');
    await d.pair.cmd('ZSCORE', 'back', 'a');
  });

  it('OBJECT ENCODING turns skiplist when a threshold is crossed on an add, and never back', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '3');
    await d.pair.cmd('ZADD', 'e', '1', 'a', '2', 'b', '3', 'c');
    await d.pair.cmd('OBJECT', 'ENCODING', 'e');
    await d.pair.cmd('ZADD', 'e', '9', 'c');
    await d.pair.cmd('OBJECT', 'ENCODING', 'e');
    await d.pair.cmd('ZADD', 'e', '4', 'd');
    await d.pair.cmd('OBJECT', 'ENCODING', 'e');
    await d.pair.cmd('ZREM', 'e', 'a', 'b', 'c');
    await d.pair.cmd('OBJECT', 'ENCODING', 'e');
    await d.pair.cmd('ZADD', 'big', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
    await d.pair.cmd('OBJECT', 'ENCODING', 'big');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-value', '4');
    await d.pair.cmd('ZADD', 'v', '1', 'abcde');
    await d.pair.cmd('OBJECT', 'ENCODING', 'v');
    await d.pair.cmd('ZADD', 'v2', '1', 'abcd', '2', 'abcde');
    await d.pair.cmd('OBJECT', 'ENCODING', 'v2');
    await d.pair.cmd('ZADD', 'v3', '1', 'abcd');
    await d.pair.cmd('ZINCRBY', 'v3', '1', 'abcdef');
    await d.pair.cmd('OBJECT', 'ENCODING', 'v3');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
    await d.pair.cmd('ZADD', 'zero', '1', 'a');
    await d.pair.cmd('OBJECT', 'ENCODING', 'zero');
    await d.pair.cmd('COPY', 'e', 'e-copy');
    await d.pair.cmd('OBJECT', 'ENCODING', 'e-copy');
    await d.pair.cmd('RENAME', 'v3', 'v3-renamed');
    await d.pair.cmd('OBJECT', 'ENCODING', 'v3-renamed');
    await d.pair.cmd('ZRANGE', 'v3-renamed', '0', '-1', 'WITHSCORES');
  });

  it('ZREM removes members and deletes the emptied key', async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c');
    await d.pair.cmd('ZREM', 'z', 'a', 'nosuch', 'a');
    await d.pair.cmd('ZREM', 'z', 'nosuch');
    await d.pair.cmd('ZREM', 'nokey', 'a');
    await d.pair.cmd('ZREM', 'z', 'b', 'c', 'd');
    await d.pair.cmd('EXISTS', 'z');
  });

  it('ZREMRANGEBYRANK, BYSCORE and BYLEX remove ranges and check their bounds first', async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e', '6', 'f');
    await d.pair.cmd('ZREMRANGEBYRANK', 'z', '0', '0');
    await d.pair.cmd('ZREMRANGEBYRANK', 'z', '-1', '-1');
    await d.pair.cmd('ZREMRANGEBYRANK', 'z', '5', '10');
    await d.pair.cmd('ZREMRANGEBYRANK', 'z', '2', '1');
    await d.pair.cmd('ZREMRANGEBYSCORE', 'z', '(2', '3');
    await d.pair.cmd('ZREMRANGEBYSCORE', 'z', '10', '-10');
    await d.pair.cmd('ZRANGE', 'z', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    await d.pair.cmd('ZREMRANGEBYLEX', 'l', '(a', '[c');
    await d.pair.cmd('ZREMRANGEBYLEX', 'l', '-', '(b');
    await d.pair.cmd('ZRANGE', 'l', '0', '-1');
    await d.pair.cmd('ZREMRANGEBYLEX', 'l', '-', '+');
    await d.pair.cmd('EXISTS', 'l');
    await d.pair.cmd('ZREMRANGEBYRANK', 'z', '-100', '100');
    await d.pair.cmd('EXISTS', 'z');
    await d.pair.cmd('SET', 's', 'v');
    const bad = [
      ['ZREMRANGEBYRANK', 's', 'x', '1'], ['ZREMRANGEBYRANK', 's', '1', '1.5'], ['ZREMRANGEBYRANK', 's', '0', '1'],
      ['ZREMRANGEBYSCORE', 's', 'x', '1'], ['ZREMRANGEBYSCORE', 's', '1', 'nan'], ['ZREMRANGEBYSCORE', 's', '0', '1'],
      ['ZREMRANGEBYLEX', 's', 'a', '+'], ['ZREMRANGEBYLEX', 's', '-', '+x'], ['ZREMRANGEBYLEX', 's', '-', '+'],
      ['ZREMRANGEBYSCORE', 'nokey', '1', '2'], ['ZREMRANGEBYLEX', 'nokey', '[a', '[b'], ['ZREMRANGEBYRANK', 'nokey', '0', '-1'],
      ['ZREMRANGEBYRANK', 'z', '9223372036854775808', '1'],
    ];
    for (const c of bad) await d.pair.cmd(...c);
  });

  it('ZCARD, ZSCORE, ZMSCORE, ZRANK and ZREVRANK read members, ranks and scores', async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '1', 'b', '2', 'c', '-5', 'd');
    for (const m of ['a', 'b', 'c', 'd', 'nosuch']) {
      await d.pair.cmd('ZRANK', 'z', m);
      await d.pair.cmd('ZREVRANK', 'z', m);
      await d.pair.cmd('ZSCORE', 'z', m);
    }
    await d.pair.cmd('ZMSCORE', 'z', 'a', 'nosuch', 'd');
    await d.pair.cmd('ZMSCORE', 'nokey', 'a', 'b');
    await d.pair.cmd('ZCARD', 'z');
    await d.pair.cmd('ZCARD', 'nokey');
    await d.pair.cmd('ZRANK', 'nokey', 'a');
    await d.pair.cmd('ZSCORE', 'nokey', 'a');
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZMSCORE', 'z', 'a', 'nosuch');
    await d.pair.cmd('ZRANK', 'z', 'nosuch');
    await d.pair.cmd('ZSCORE', 'z', 'nosuch');
  });

  it('ZCOUNT and ZLEXCOUNT count ranges, with exclusive and infinite bounds', async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '3', 'd', 'inf', 'e');
    const ranges = [
      ['-inf', '+inf'], ['(1', '3'], ['1', '(3'], ['(3', '(3'], ['3', '3'], ['5', '1'], ['', ''], ['(', '3'], [' 1', '2'],
      ['1e-400', '2'], ['inf', 'inf'], ['(inf', 'inf'], ['x', '1'], ['1', 'nan'], ['1', '2 '], [Buffer.from('1\u0000x'), '3'],
    ];
    for (const [lo, hi] of ranges) await d.pair.cmd('ZCOUNT', 'z', lo, hi);
    await d.pair.cmd('ZADD', 'l', '0', 'a', '0', 'b', '0', 'c', '0', 'd');
    const lex = [
      ['-', '+'], ['[b', '[c'], ['(b', '(c'], ['(a', '+'], ['+', '-'], ['-', '-'], ['+', '+'], ['[a', '(a'], ['[a', '[a'],
      ['a', 'b'], ['', '+'], ['-x', '+'], ['[', '+'], ['(', '('], [Buffer.from('+\u0000x'), '+'],
    ];
    for (const [lo, hi] of lex) await d.pair.cmd('ZLEXCOUNT', 'l', lo, hi);
    await d.pair.cmd('ZCOUNT', 'nokey', '0', '1');
    await d.pair.cmd('ZLEXCOUNT', 'nokey', '-', '+');
    await d.pair.cmd('SET', 's', 'v');
    await d.pair.cmd('ZCOUNT', 's', 'x', '1');
    await d.pair.cmd('ZCOUNT', 's', '0', '1');
    await d.pair.cmd('ZLEXCOUNT', 's', 'x', '+');
    await d.pair.cmd('ZLEXCOUNT', 's', '-', '+');
  });

  it('every sorted-set command fails against a key of another type, and other types fail against a sorted set', async () => {
    await d.pair.cmd('SET', 's', 'v');
    await d.pair.cmd('ZADD', 'z', '1', 'a');
    const onString = [
      ['ZADD', 's', '1', 'a'], ['ZINCRBY', 's', '1', 'a'], ['ZREM', 's', 'a'], ['ZCARD', 's'], ['ZSCORE', 's', 'a'],
      ['ZMSCORE', 's', 'a'], ['ZRANK', 's', 'a'], ['ZREVRANK', 's', 'a'], ['ZRANGE', 's', '0', '-1'], ['ZPOPMIN', 's'],
      ['ZRANDMEMBER', 's'], ['ZSCAN', 's', '0'], ['ZUNION', '1', 's'], ['ZRANGESTORE', 'd', 's', '0', '-1'],
    ];
    for (const c of onString) await d.pair.cmd(...c);
    const onZset = [['GET', 'z'], ['LPUSH', 'z', 'a'], ['SADD', 'z', 'a'], ['HSET', 'z', 'f', 'v'], ['INCR', 'z'], ['APPEND', 'z', 'x']];
    for (const c of onZset) await d.pair.cmd(...c);
    await d.pair.cmd('TYPE', 'z');
  });

  it('sorted-set commands raise the keyspace events Redis raises, in the same order', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
    const sub = await d.newPair();
    await sub.cmd('PSUBSCRIBE', '__keyevent@0__:*');
    const cmds = [
      ['ZADD', 'z', '1', 'a', '2', 'b', '3', 'c'], ['ZADD', 'z', '1', 'a'], ['ZADD', 'z', 'NX', '5', 'a'], ['ZINCRBY', 'z', '1', 'a'],
      ['ZADD', 'z', 'INCR', '0', 'a'], ['ZREM', 'z', 'nosuch'], ['ZREM', 'z', 'a'], ['ZREMRANGEBYSCORE', 'z', '0', '0'],
      ['ZREMRANGEBYRANK', 'z', '0', '0'], ['ZADD', 'z', '1', 'x'], ['ZREMRANGEBYLEX', 'z', '-', '+'], ['ZADD', 'p', '1', 'a', '2', 'b'],
      ['ZPOPMIN', 'p'], ['ZPOPMAX', 'p', '5'], ['ZPOPMIN', 'p'], ['ZADD', 'p', '1', 'a'], ['ZMPOP', '1', 'p', 'MIN'],
      ['ZADD', 'p', '1', 'a', '2', 'b'], ['BZPOPMIN', 'p', '0'], ['BZMPOP', '0', '1', 'p', 'MAX', 'COUNT', '3'], ['ZADD', 'u', '1', 'a'],
      ['ZUNIONSTORE', 'd', '1', 'u'], ['ZINTERSTORE', 'd', '1', 'u'], ['ZDIFFSTORE', 'd', '1', 'u'], ['ZINTERSTORE', 'd', '1', 'nokey'],
      ['ZINTERSTORE', 'd', '1', 'nokey'], ['ZRANGESTORE', 'd2', 'u', '0', '-1'], ['ZRANGESTORE', 'd2', 'u', '5', '6'],
      ['ZRANGESTORE', 'd2', 'u', '5', '6'], ['SET', 'marker', '1'],
    ];
    for (const c of cmds) await d.pair.cmd(...c);
    for (let i = 0; i < 100; i++) {
      const [r, f] = await Promise.all([sub.redis.readRaw(), sub.faha.readRaw()]);
      expect(show(f)).to.equal(show(r));
      if (r.toString('latin1').includes('marker')) return;
    }
    expect.fail('no marker event');
  });
});
