// Differential: the string commands (t_string.c) against redis-server 7.0, byte for byte — options in any order,
// every error string and the order Redis detects errors in, deadlines, integer and long double arithmetic,
// ranges, LCS in RESP2 and RESP3, and the proto-max-bulk-len limits.
import { expect } from 'chai';
import { differential } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One `name:value` line of an INFO reply. */
function infoField(reply: Buffer, name: string): string | undefined {
  const line = reply.toString('latin1').split('\r\n').find((l) => l.startsWith(name + ':'));
  return line?.slice(name.length + 1);
}

describe('compat: string commands', () => {
  const d = differential();

  describe('GET and SET', () => {
    it('GET answers nil for a missing key and the value of a string', async () => {
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'k', 'hello');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'k', '');
      await d.pair.cmd('GET', 'k');
    });

    it('SET accepts its options in any order and any case', async () => {
      await d.pair.cmd('SET', 'k', 'v', 'nx');
      await d.pair.cmd('SET', 'k', 'v2', 'Xx', 'ex', '100');
      await d.pair.cmd('SET', 'k', 'v3', 'PX', '100000', 'get', 'XX');
      await d.pair.cmd('SET', 'k', 'v4', 'keepttl', 'GeT');
      await d.pair.cmd('SET', 'k', 'v5', 'EXAT', '4102444800', 'xx');
      await d.pair.cmd('SET', 'k', 'v6', 'pxat', '4102444800000');
      await d.pair.cmd('SET', 'k', 'v7', 'EX', '5', 'EX', '6');
      await d.pair.cmd('SET', 'k', 'v8', 'NX', 'NX');
      await d.pair.cmd('GET', 'k');
    });

    it('SET refuses unknown, conflicting and incomplete options with a syntax error', async () => {
      const bad = [
        ['foo'], ['NX', 'XX'], ['XX', 'NX'], ['EX', '10', 'PX', '100'], ['PX', '100', 'EX', '10'], ['EX', '10', 'KEEPTTL'],
        ['KEEPTTL', 'EX', '10'], ['KEEPTTL', 'PXAT', '10'], ['EXAT', '10', 'EX', '10'], ['PXAT', '10', 'EXAT', '10'],
        ['EX'], ['NX', 'PX'], ['PERSIST'], ['EX', '10', 'foo'], ['GETX'], ['keepttlx'], ['nxx'], [''],
      ];
      for (const opts of bad) await d.pair.cmd('SET', 'k', 'v', ...opts);
      await d.pair.cmd('GET', 'k');
    });

    it('SET checks the expire value before anything else and names itself in the error', async () => {
      const values = ['0', '-1', 'abc', '', ' 10', '10 ', '+10', '1.5', '9223372036854775808', '9223372036854775', '9223372036854776'];
      for (const v of values) {
        for (const opt of ['EX', 'PX', 'EXAT', 'PXAT']) await d.pair.cmd('SET', 'k', 'v', opt, v);
      }
      await d.pair.cmd('SET', 'k', 'v', 'PX', '9223372036854775807');
      await d.pair.cmd('SET', 'k', 'v', 'PX', '9223372036854775000');
      await d.pair.cmd('SET', 'k', 'v', 'PXAT', '9223372036854775807');
      await d.pair.cmd('SET', 'k', 'v', 'EXAT', '9223372036854775');
      await d.pair.cmd('GET', 'k');
    });

    it('SET NX and XX write only by existence and otherwise answer nil', async () => {
      await d.pair.cmd('SET', 'k', 'a', 'XX');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'k', 'b', 'NX');
      await d.pair.cmd('SET', 'k', 'c', 'NX');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'k', 'd', 'XX');
      await d.pair.cmd('GET', 'k');
    });

    it('SET GET answers the old value, even when NX or XX prevents the write', async () => {
      await d.pair.cmd('SET', 'k', 'a', 'GET');
      await d.pair.cmd('SET', 'k', 'b', 'GET');
      await d.pair.cmd('SET', 'k', 'c', 'NX', 'GET');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'm', 'x', 'XX', 'GET');
      await d.pair.cmd('EXISTS', 'm');
      await d.pair.cmd('SET', 'n', 'x', 'GET', 'NX');
      await d.pair.cmd('GET', 'n');
    });

    it('SET with a deadline already past leaves nothing to read', async () => {
      await d.pair.cmd('SET', 'k', 'v', 'PXAT', '1');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('SET', 'k', 'v', 'EXAT', '1', 'GET');
      await d.pair.cmd('EXISTS', 'k');
    });

    it('SETNX writes only a missing key and answers 1 or 0', async () => {
      await d.pair.cmd('SETNX', 'k', 'a');
      await d.pair.cmd('SETNX', 'k', 'b');
      await d.pair.cmd('GET', 'k');
    });

    it('SETEX and PSETEX write with a deadline and refuse bad times', async () => {
      await d.pair.cmd('SETEX', 'k', '100', 'v');
      await d.pair.cmd('PSETEX', 'p', '100000', 'w');
      await d.pair.cmd('MGET', 'k', 'p');
      for (const t of ['0', '-5', 'abc', '9223372036854776', '9223372036854775807', '1.5']) {
        await d.pair.cmd('SETEX', 'x', t, 'v');
        await d.pair.cmd('PSETEX', 'x', t, 'v');
      }
      await d.pair.cmd('EXISTS', 'x');
    });

    it('GETSET answers the old value and stores the new one', async () => {
      await d.pair.cmd('GETSET', 'k', 'a');
      await d.pair.cmd('GETSET', 'k', 'b');
      await d.pair.cmd('GET', 'k');
    });

    it('MGET answers nil for missing keys, in argument order', async () => {
      await d.pair.cmd('MSET', 'a', '1', 'c', '3');
      await d.pair.cmd('MGET', 'a', 'b', 'c', 'a');
      await d.pair.cmd('MGET', 'nothing');
    });

    it('MSET writes every pair and refuses an unpaired key', async () => {
      await d.pair.cmd('MSET', 'a', '1', 'b', '2', 'a', '3');
      await d.pair.cmd('MGET', 'a', 'b');
      await d.pair.cmd('MSET', 'a', '1', 'b');
      await d.pair.cmd('MSETNX', 'a', '1', 'b');
      await d.pair.cmd('MSET', 'a');
      await d.pair.cmd('MGET', 'a', 'b');
    });

    it('MSETNX writes all pairs only when no key exists', async () => {
      await d.pair.cmd('MSETNX', 'a', '1', 'b', '2', 'a', '3');
      await d.pair.cmd('MGET', 'a', 'b');
      await d.pair.cmd('MSETNX', 'c', '1', 'a', '9');
      await d.pair.cmd('MGET', 'a', 'b', 'c');
    });

    it('keys and values are binary-safe, and option words end at a NUL byte as in C', async () => {
      const key = Buffer.from([0, 13, 10, 255]);
      const value = Buffer.from([255, 0, 10, 13, 36, 45]);
      await d.pair.cmd('SET', key, value);
      await d.pair.cmd('GET', key);
      await d.pair.cmd('SET', key, 'x', Buffer.from('nx\0junk'));
      await d.pair.cmd('SET', key, 'y', Buffer.from('GET\0'));
      await d.pair.cmd('SET', key, 'z', Buffer.from('px\0'), '100000');
      await d.pair.cmd('SET', key, 'z', Buffer.from('\0nx'));
      await d.pair.cmd('GET', key);
    });

    it('values of 16 KiB and more round-trip whole and in slices', async () => {
      const big = Buffer.alloc(100_000);
      for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
      await d.pair.cmd('SET', 'big', big);
      await d.pair.cmd('GET', 'big');
      await d.pair.cmd('GETRANGE', 'big', '1000', '70000');
      await d.pair.cmd('APPEND', 'big', big.subarray(0, 20_000));
      await d.pair.cmd('STRLEN', 'big');
      await d.pair.cmd('GETSET', 'big', 'small');
      await d.pair.cmd('MGET', 'big', 'big');
    });
  });

  describe('GETDEL and GETEX', () => {
    it('GETDEL answers the value and deletes the key', async () => {
      await d.pair.cmd('GETDEL', 'k');
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('GETDEL', 'k');
      await d.pair.cmd('EXISTS', 'k');
      await d.pair.cmd('GETDEL', 'k');
    });

    it('GETEX reads like GET and accepts one expiry option', async () => {
      await d.pair.cmd('GETEX', 'k');
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('GETEX', 'k');
      await d.pair.cmd('GETEX', 'k', 'ex', '100');
      await d.pair.cmd('GETEX', 'k', 'PX', '100000');
      await d.pair.cmd('GETEX', 'k', 'exat', '4102444800');
      await d.pair.cmd('GETEX', 'k', 'PXAT', '4102444800000');
      await d.pair.cmd('GETEX', 'k', 'persist');
      await d.pair.cmd('GETEX', 'k', 'PERSIST');
      await d.pair.cmd('GETEX', 'k', 'EX', '1', 'EX', '100');
    });

    it('GETEX refuses SET-only, conflicting and incomplete options', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      const bad = [['NX'], ['XX'], ['GET'], ['KEEPTTL'], ['EX', '1', 'PERSIST'], ['PERSIST', 'EX', '1'], ['EX', '1', 'PX', '1'], ['PXAT', '1', 'EXAT', '1'], ['EX'], ['foo']];
      for (const opts of bad) {
        await d.pair.cmd('GETEX', 'k', ...opts);
        await d.pair.cmd('GETEX', 'missing', ...opts);
      }
    });

    it('GETEX reports a bad expire value only for an existing key', async () => {
      for (const v of ['abc', '0', '-1', '9223372036854776', '9223372036854775807']) {
        await d.pair.cmd('GETEX', 'missing', 'EX', v);
        await d.pair.cmd('GETEX', 'missing', 'PX', v);
      }
      await d.pair.cmd('SET', 'k', 'v');
      for (const v of ['abc', '0', '-1', '', '9223372036854776']) await d.pair.cmd('GETEX', 'k', 'EX', v);
      await d.pair.cmd('GETEX', 'k', 'PX', '9223372036854775807');
      await d.pair.cmd('GETEX', 'k', 'EXAT', '9223372036854776');
      await d.pair.cmd('GET', 'k');
    });

    it('GETEX with EXAT or PXAT in the past answers the value and deletes the key', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('GETEX', 'k', 'PXAT', '1');
      await d.pair.cmd('EXISTS', 'k');
      await d.pair.cmd('SET', 'k', 'w');
      await d.pair.cmd('GETEX', 'k', 'EXAT', '1000');
      await d.pair.cmd('GET', 'k');
    });
  });

  it('deadlines: writes that rewrite a value keep it, writes that replace a value clear it', async () => {
    for (const k of ['set', 'getset', 'mset', 'keep', 'incr', 'decrby', 'float', 'append', 'setrange', 'getex', 'persist', 'plain']) {
      await d.pair.cmd('SET', k, '10', 'PX', '300');
    }
    await d.pair.cmd('SET', 'set', 'x');
    await d.pair.cmd('GETSET', 'getset', 'x');
    await d.pair.cmd('MSET', 'mset', 'x');
    await d.pair.cmd('SET', 'keep', 'x', 'KEEPTTL');
    await d.pair.cmd('INCR', 'incr');
    await d.pair.cmd('DECRBY', 'decrby', '5');
    await d.pair.cmd('INCRBYFLOAT', 'float', '0.5');
    await d.pair.cmd('APPEND', 'append', 'x');
    await d.pair.cmd('SETRANGE', 'setrange', '0', 'x');
    await d.pair.cmd('GETEX', 'getex', 'PX', '100000');
    await d.pair.cmd('GETEX', 'persist', 'PERSIST');
    await d.pair.cmd('SETEX', 'setex', '100', 'v');
    await d.pair.cmd('PSETEX', 'psetex', '150', 'v');
    await sleep(400);
    await d.pair.cmd('MGET', 'set', 'getset', 'mset', 'keep', 'incr', 'decrby', 'float', 'append', 'setrange', 'getex', 'persist', 'plain', 'setex', 'psetex');
  });

  it('reads count keyspace hits and misses, writes do not, and expiries are counted as Redis counts them', async function () {
    await d.pair.cmd('CONFIG', 'RESETSTAT');
    await d.pair.cmd('SET', 'k', '1');
    for (const c of [['GET', 'k'], ['GET', 'x'], ['MGET', 'k', 'x', 'k'], ['STRLEN', 'x'], ['GETRANGE', 'k', '0', '1'], ['GETEX', 'x'], ['GETDEL', 'x'],
      ['SET', 'k', '2', 'GET'], ['GETSET', 'x', '1'], ['LCS', 'k', 'y'], ['INCR', 'k'], ['APPEND', 'z', 'a'], ['SETRANGE', 'z', '0', 'b'], ['MSETNX', 'q', '1']]) {
      await d.pair.cmd(...c);
    }
    await d.pair.cmd('SET', 'e', 'v', 'PXAT', '1');
    await d.pair.cmd('GET', 'e');
    await d.pair.cmd('SET', 'g', 'v');
    await d.pair.cmd('GETEX', 'g', 'PXAT', '1');
    const [r, f] = await d.pair.both('INFO', 'stats');
    for (const field of ['keyspace_hits', 'keyspace_misses', 'expired_keys']) {
      expect(infoField(r, field), field).to.not.equal(undefined);
      expect(infoField(f, field), field).to.equal(infoField(r, field));
    }
  });

  describe('integers', () => {
    it('INCR, DECR, INCRBY and DECRBY count from a missing key and keep counting', async () => {
      await d.pair.cmd('INCR', 'n');
      await d.pair.cmd('INCRBY', 'n', '41');
      await d.pair.cmd('DECR', 'n');
      await d.pair.cmd('DECRBY', 'n', '-10');
      await d.pair.cmd('DECRBY', 'n', '100');
      await d.pair.cmd('GET', 'n');
      await d.pair.cmd('DECR', 'm');
      await d.pair.cmd('SET', 'z', '0');
      await d.pair.cmd('INCRBY', 'z', '0');
    });

    it('INCR and friends refuse stored values that are not canonical 64-bit integers', async () => {
      const values = [' 1', '1 ', '+1', '01', '-0', '1.0', '', 'abc', '9223372036854775808', '-9223372036854775809', '1e3', '0x10', '12345678901234567890123'];
      for (const v of values) {
        await d.pair.cmd('SET', 'n', v);
        await d.pair.cmd('INCR', 'n');
        await d.pair.cmd('DECRBY', 'n', '1');
      }
      await d.pair.cmd('SET', 'n', '-9223372036854775808');
      await d.pair.cmd('INCR', 'n');
    });

    it('INCRBY and DECRBY refuse increments that are not integers before looking at the key', async () => {
      await d.pair.cmd('SET', 'n', 'abc');
      for (const v of ['abc', '', ' 1', '+1', '01', '-0', '1.5', '9223372036854775808']) {
        await d.pair.cmd('INCRBY', 'n', v);
        await d.pair.cmd('DECRBY', 'n', v);
      }
      await d.pair.cmd('DECRBY', 'n', '-9223372036854775808');
      await d.pair.cmd('DECRBY', 'fresh', '-9223372036854775808');
      await d.pair.cmd('EXISTS', 'fresh');
    });

    it('INCR and friends refuse to overflow 64 bits in either direction', async () => {
      await d.pair.cmd('SET', 'n', '9223372036854775806');
      await d.pair.cmd('INCR', 'n');
      await d.pair.cmd('INCR', 'n');
      await d.pair.cmd('INCRBY', 'n', '-9223372036854775808');
      await d.pair.cmd('INCRBY', 'm', '-9223372036854775808');
      await d.pair.cmd('DECR', 'm');
      await d.pair.cmd('DECRBY', 'm', '9223372036854775807');
      await d.pair.cmd('INCRBY', 'm', '9223372036854775807');
      await d.pair.cmd('MGET', 'n', 'm');
    });
  });

  describe('INCRBYFLOAT', () => {
    it('adds in long double and prints like Redis', async () => {
      await d.pair.cmd('INCRBYFLOAT', 'f', '0.1');
      await d.pair.cmd('INCRBYFLOAT', 'f', '0.2');
      await d.pair.cmd('INCRBYFLOAT', 'f', '1e20');
      await d.pair.cmd('INCRBYFLOAT', 'f', '-1e20');
      await d.pair.cmd('INCRBYFLOAT', 'f', '-0.3');
      await d.pair.cmd('INCRBYFLOAT', 'f', '3.0e3');
      await d.pair.cmd('INCRBYFLOAT', 'f', '1.23456789012345678901234567890');
      await d.pair.cmd('INCRBYFLOAT', 'f', '-5000');
      await d.pair.cmd('SET', 'i', '10');
      await d.pair.cmd('INCRBYFLOAT', 'i', '1');
      await d.pair.cmd('INCRBYFLOAT', 'i', '-11');
      await d.pair.cmd('SET', 'h', '5.0e3');
      await d.pair.cmd('INCRBYFLOAT', 'h', '0');
      await d.pair.cmd('INCRBYFLOAT', 'g', '1.5e300');
      await d.pair.cmd('INCRBYFLOAT', 'tiny', '1e-30');
    });

    it('accepts what strtold accepts and refuses the rest as Redis does', async () => {
      const incs = ['inf', '-inf', 'nan', 'infinity', ' 1', '1 ', '+1', '0x10', '0x1p-3', '1e-5000', '1e-4940', '1e4000', '1e5000', '.5', '5.', '1e', '-0', '1,5', '', 'abc'];
      for (const v of incs) {
        await d.pair.cmd('DEL', 'g');
        await d.pair.cmd('INCRBYFLOAT', 'g', v);
      }
      await d.pair.cmd('INCRBYFLOAT', 'g', '0'.repeat(5119));
      await d.pair.cmd('INCRBYFLOAT', 'g', '0'.repeat(5120));
      await d.pair.cmd('INCRBYFLOAT', 'g', Buffer.from('1\x002'));
    });

    it('refuses a stored value that is not a float, before the increment', async () => {
      for (const v of ['abc', ' 1', '1 ', 'nan', '']) {
        await d.pair.cmd('SET', 'f', v);
        await d.pair.cmd('INCRBYFLOAT', 'f', '1');
        await d.pair.cmd('INCRBYFLOAT', 'f', 'abc');
      }
      await d.pair.cmd('SET', 'f', '1e4000');
      await d.pair.cmd('INCRBYFLOAT', 'f', '1e4000');
      await d.pair.cmd('SET', 'f', '1e4932');
      await d.pair.cmd('INCRBYFLOAT', 'f', '1e4932');
      await d.pair.cmd('GET', 'f');
    });
  });

  describe('ranges', () => {
    it('GETRANGE and SUBSTR follow Redis index rules, negative and out of range', async () => {
      await d.pair.cmd('SET', 's', 'Hello World');
      const pairs = [
        ['0', '-1'], ['-1', '-5'], ['-5', '-1'], ['5', '3'], ['-100', '-50'], ['-100', '-200'], ['-100', '100'], ['0', '0'], ['100', '200'],
        ['-3', '-3'], ['10', '-20'], ['3', '100'], ['9223372036854775807', '-9223372036854775808'], ['-9223372036854775808', '9223372036854775807'],
        ['0', '4294967297'], ['11', '11'], ['10', '10'],
      ];
      for (const [a, b] of pairs) {
        await d.pair.cmd('GETRANGE', 's', a, b);
        await d.pair.cmd('SUBSTR', 's', a, b);
      }
    });

    it('GETRANGE answers an empty string for a missing key and an empty value, and reads integers as text', async () => {
      await d.pair.cmd('GETRANGE', 'missing', '0', '-1');
      await d.pair.cmd('SET', 'e', '');
      await d.pair.cmd('GETRANGE', 'e', '0', '-1');
      await d.pair.cmd('GETRANGE', 'e', '-1', '0');
      await d.pair.cmd('SET', 'i', '-12345');
      await d.pair.cmd('GETRANGE', 'i', '1', '2');
      await d.pair.cmd('GETRANGE', 'i', '-2', '-1');
    });

    it('GETRANGE refuses indexes that are not integers before looking at the key', async () => {
      await d.pair.cmd('GETRANGE', 'missing', 'a', '0');
      await d.pair.cmd('GETRANGE', 'missing', '0', 'b');
      await d.pair.cmd('GETRANGE', 'missing', '0', '9223372036854775808');
      await d.pair.cmd('SUBSTR', 'missing', '1.5', '2');
    });

    it('SETRANGE overwrites, pads with zero bytes and answers the new length', async () => {
      await d.pair.cmd('SET', 's', 'Hello World');
      await d.pair.cmd('SETRANGE', 's', '6', 'Redis');
      await d.pair.cmd('SETRANGE', 's', '20', 'X');
      await d.pair.cmd('GET', 's');
      await d.pair.cmd('SETRANGE', 's', '0', '');
      await d.pair.cmd('SETRANGE', 's', '100', '');
      await d.pair.cmd('SETRANGE', 'n', '3', 'abc');
      await d.pair.cmd('GET', 'n');
      await d.pair.cmd('SET', 'i', '1234');
      await d.pair.cmd('SETRANGE', 'i', '1', '9');
      await d.pair.cmd('GET', 'i');
    });

    it('SETRANGE with nothing to write creates no key; offsets are checked first', async () => {
      await d.pair.cmd('SETRANGE', 'm', '0', '');
      await d.pair.cmd('SETRANGE', 'm', '5', '');
      await d.pair.cmd('EXISTS', 'm');
      await d.pair.cmd('SETRANGE', 'm', '-1', '');
      await d.pair.cmd('SETRANGE', 'm', '-1', 'x');
      await d.pair.cmd('SETRANGE', 'm', 'abc', 'x');
      await d.pair.cmd('SETRANGE', 'm', '9223372036854775808', 'x');
      await d.pair.cmd('SETRANGE', 'm', '9223372036854775807', 'x');
      await d.pair.cmd('SETRANGE', 'm', '536870912', 'x');
      await d.pair.cmd('EXISTS', 'm');
    });

    it('APPEND creates a missing key, extends an existing one and answers the length', async () => {
      await d.pair.cmd('APPEND', 'k', 'Hello');
      await d.pair.cmd('APPEND', 'k', ' World');
      await d.pair.cmd('APPEND', 'k', '');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('APPEND', 'e', '');
      await d.pair.cmd('EXISTS', 'e');
      await d.pair.cmd('SET', 'i', '12');
      await d.pair.cmd('APPEND', 'i', '34');
      await d.pair.cmd('INCR', 'i');
    });

    it('STRLEN answers 0 for a missing key and the byte length otherwise', async () => {
      await d.pair.cmd('STRLEN', 'k');
      await d.pair.cmd('SET', 'k', 'héllo');
      await d.pair.cmd('STRLEN', 'k');
      await d.pair.cmd('SET', 'k', '-9223372036854775808');
      await d.pair.cmd('STRLEN', 'k');
    });
  });

  describe('LCS', () => {
    it('answers the subsequence, its length, or its matches', async () => {
      await d.pair.cmd('MSET', 'key1', 'ohmytext', 'key2', 'mynewtext');
      await d.pair.cmd('LCS', 'key1', 'key2');
      await d.pair.cmd('LCS', 'key1', 'key2', 'LEN');
      await d.pair.cmd('LCS', 'key1', 'key2', 'len', 'len');
      await d.pair.cmd('LCS', 'key1', 'key2', 'IDX');
      await d.pair.cmd('LCS', 'key1', 'key2', 'idx', 'MINMATCHLEN', '4');
      await d.pair.cmd('LCS', 'key1', 'key2', 'IDX', 'minmatchlen', '4', 'WITHMATCHLEN');
      await d.pair.cmd('LCS', 'key1', 'key2', 'withmatchlen', 'IDX', 'MINMATCHLEN', '-4');
      await d.pair.cmd('LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '9223372036854775807');
      await d.pair.cmd('LCS', 'key2', 'key1', 'IDX', 'WITHMATCHLEN');
      await d.pair.cmd('LCS', 'key1', 'key2', 'WITHMATCHLEN');
    });

    it('treats missing keys as empty strings', async () => {
      await d.pair.cmd('SET', 'a', 'abc');
      await d.pair.cmd('LCS', 'a', 'missing');
      await d.pair.cmd('LCS', 'missing', 'a', 'LEN');
      await d.pair.cmd('LCS', 'missing', 'other', 'IDX');
      await d.pair.cmd('LCS', 'a', 'a', 'IDX', 'WITHMATCHLEN');
    });

    it('walks equal-length answers back the way Redis does', async () => {
      const cases = [
        ['abcbdab', 'bdcaba'], ['aaaa', 'aa'], ['abab', 'baba'], ['xaybzc', 'abc'], ['GXTXAYB', 'AGGTAB'],
        ['1234567890', '0987654321'], ['aXbXcXd', 'abcd'], ['abc', 'def'],
      ];
      for (const [x, y] of cases) {
        await d.pair.cmd('MSET', 'x', x, 'y', y);
        await d.pair.cmd('LCS', 'x', 'y');
        await d.pair.cmd('LCS', 'x', 'y', 'IDX', 'WITHMATCHLEN');
        await d.pair.cmd('LCS', 'x', 'y', 'IDX', 'MINMATCHLEN', '2');
      }
    });

    it('refuses bad options, after looking at the keys', async () => {
      await d.pair.cmd('MSET', 'a', 'abc', 'b', 'abd');
      await d.pair.cmd('LCS', 'a', 'b', 'LEN', 'IDX');
      await d.pair.cmd('LCS', 'a', 'b', 'IDX', 'LEN', 'foo');
      await d.pair.cmd('LCS', 'a', 'b', 'foo');
      await d.pair.cmd('LCS', 'a', 'b', 'MINMATCHLEN');
      await d.pair.cmd('LCS', 'a', 'b', 'MINMATCHLEN', 'x');
      await d.pair.cmd('LCS', 'a', 'b', 'MINMATCHLEN', 'x', 'foo');
      await d.pair.cmd('LCS', 'a', 'b', 'foo', 'MINMATCHLEN', 'x');
      await d.pair.cmd('LCS', 'a', 'b', Buffer.from('len\0x'));
    });
  });

  describe('RESP3', () => {
    it('nil replies, MGET and LCS IDX take their RESP3 shapes', async function () {
      const p = await d.newPair();
      await p.both('HELLO', '3');
      await p.cmd('GET', 'missing');
      await p.cmd('SET', 'k', 'v', 'NX');
      await p.cmd('SET', 'k', 'w', 'NX');
      await p.cmd('SET', 'k', 'w', 'NX', 'GET');
      await p.cmd('SET', 'm', 'w', 'XX', 'GET');
      await p.cmd('MGET', 'k', 'missing');
      await p.cmd('GETEX', 'missing');
      await p.cmd('GETDEL', 'missing');
      await p.cmd('INCRBYFLOAT', 'f', '1.5');
      await p.cmd('MSET', 'key1', 'ohmytext', 'key2', 'mynewtext');
      await p.cmd('LCS', 'key1', 'key2', 'IDX', 'WITHMATCHLEN');
      await p.cmd('LCS', 'key1', 'key2', 'IDX', 'MINMATCHLEN', '10');
      await p.cmd('LCS', 'key1', 'key2', 'LEN');
    });
  });

  describe('keys of another type', () => {
    beforeEach(async () => {
      await d.pair.cmd('LPUSH', 'l', 'a');
    });

    it('every string command but MGET, SET and MSET fails with WRONGTYPE', async () => {
      for (const c of [['GET'], ['GETSET', 'v'], ['GETDEL'], ['GETEX'], ['GETEX', 'PERSIST'], ['STRLEN'], ['APPEND', 'x'], ['SETRANGE', '0', 'x'],
        ['SETRANGE', '0', ''], ['GETRANGE', '0', '-1'], ['SUBSTR', '0', '1'], ['INCR'], ['DECR'], ['INCRBY', '2'], ['DECRBY', '2'], ['INCRBYFLOAT', '1.5'],
        ['SET', 'v', 'GET'], ['SET', 'v', 'NX', 'GET']]) {
        const [name, ...rest] = c;
        await d.pair.cmd(name, 'l', ...rest);
      }
      await d.pair.cmd('MGET', 'l', 'l');
      await d.pair.cmd('MSETNX', 'x', '1', 'l', '2');
      await d.pair.cmd('EXISTS', 'x');
    });

    it('checks come in Redis order: arguments first, then the type, then the data', async () => {
      await d.pair.cmd('SETRANGE', 'l', '-1', 'x');
      await d.pair.cmd('GETRANGE', 'l', 'a', '0');
      await d.pair.cmd('INCRBY', 'l', 'abc');
      await d.pair.cmd('DECRBY', 'l', '-9223372036854775808');
      await d.pair.cmd('INCRBYFLOAT', 'l', 'abc');
      await d.pair.cmd('GETEX', 'l', 'EX', 'abc');
      await d.pair.cmd('GETEX', 'l', 'NX');
      await d.pair.cmd('SET', 'l', 'v', 'GET', 'EX', 'abc');
      await d.pair.cmd('SET', 'l', 'v', 'GET', 'foo');
      await d.pair.cmd('LCS', 'l', 'missing', 'LEN', 'IDX');
      await d.pair.cmd('LCS', 'missing', 'l', 'foo');
    });

    it('SET, SETNX and MSET treat a key of another type by existence only', async () => {
      await d.pair.cmd('SETNX', 'l', 'v');
      await d.pair.cmd('SET', 'l', 'v', 'NX');
      await d.pair.cmd('SET', 'l', 'v', 'XX');
      await d.pair.cmd('GET', 'l');
      await d.pair.cmd('LPUSH', 'm', 'a');
      await d.pair.cmd('MSET', 'm', 'x');
      await d.pair.cmd('GET', 'm');
    });
  });

  describe('encodings', () => {
    beforeEach(async function () {
    });

    it('SET, GETSET and MSET choose int, embstr or raw like tryObjectEncoding', async () => {
      const values = ['0', '-1', '123', '9223372036854775807', '-9223372036854775808', '9223372036854775808', '-0', '01', ' 1', '1.5', '',
        'x'.repeat(44), 'x'.repeat(45), '1'.repeat(20), '1'.repeat(21)];
      for (const v of values) {
        await d.pair.cmd('SET', 'k', v);
        await d.pair.cmd('OBJECT', 'ENCODING', 'k');
        await d.pair.cmd('GETSET', 'g', v);
        await d.pair.cmd('OBJECT', 'ENCODING', 'g');
        await d.pair.cmd('MSET', 'm', v);
        await d.pair.cmd('OBJECT', 'ENCODING', 'm');
      }
    });

    it('arithmetic stores int, INCRBYFLOAT a fresh string, APPEND and SETRANGE raw', async () => {
      await d.pair.cmd('INCR', 'i');
      await d.pair.cmd('OBJECT', 'ENCODING', 'i');
      await d.pair.cmd('INCRBYFLOAT', 'f', '2');
      await d.pair.cmd('OBJECT', 'ENCODING', 'f');
      await d.pair.cmd('INCRBYFLOAT', 'f', '1e50');
      await d.pair.cmd('OBJECT', 'ENCODING', 'f');
      await d.pair.cmd('APPEND', 'a', '12');
      await d.pair.cmd('OBJECT', 'ENCODING', 'a');
      await d.pair.cmd('APPEND', 'b', 'xy');
      await d.pair.cmd('OBJECT', 'ENCODING', 'b');
      await d.pair.cmd('APPEND', 'a', '');
      await d.pair.cmd('OBJECT', 'ENCODING', 'a');
      await d.pair.cmd('SETRANGE', 's', '0', '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      await d.pair.cmd('SET', 't', 'abc');
      await d.pair.cmd('SETRANGE', 't', '1', 'x');
      await d.pair.cmd('OBJECT', 'ENCODING', 't');
      await d.pair.cmd('SETRANGE', 't', '1', '');
      await d.pair.cmd('OBJECT', 'ENCODING', 't');
    });
  });
});

describe('compat: string size limits (proto-max-bulk-len 1mb)', () => {
  const d = differential({ args: ['--proto-max-bulk-len', '1mb'] });
  const MB = 1024 * 1024;

  it('SETRANGE refuses a result longer than proto-max-bulk-len, overflow included', async () => {
    await d.pair.cmd('SETRANGE', 'k', String(MB), 'x');
    await d.pair.cmd('SETRANGE', 'k', String(MB - 1), 'xy');
    await d.pair.cmd('SETRANGE', 'k', '9223372036854775807', 'x');
    await d.pair.cmd('EXISTS', 'k');
    await d.pair.cmd('SETRANGE', 'k', String(MB - 1), 'x');
    await d.pair.cmd('STRLEN', 'k');
    await d.pair.cmd('SETRANGE', 'k', String(MB), 'x');
    await d.pair.cmd('SETRANGE', 'k', String(MB), '');
  });

  it('APPEND refuses a result longer than proto-max-bulk-len', async () => {
    await d.pair.cmd('SET', 'k', Buffer.alloc(MB - 1, 0x61));
    await d.pair.cmd('APPEND', 'k', 'x');
    await d.pair.cmd('APPEND', 'k', 'x');
    await d.pair.cmd('APPEND', 'k', '');
    await d.pair.cmd('STRLEN', 'k');
  });

  it('LCS refuses a table larger than proto-max-bulk-len', async () => {
    await d.pair.cmd('MSET', 'a', 'a'.repeat(600), 'b', 'a'.repeat(600));
    await d.pair.cmd('LCS', 'a', 'b', 'LEN');
    await d.pair.cmd('MSET', 'a', 'a'.repeat(400), 'b', 'ab'.repeat(300));
    const r = await d.pair.cmd('LCS', 'a', 'b', 'LEN');
    expect(r.toString()).to.equal(':300\r\n');
  });
});
