// Differential: the hash commands (t_hash.c) against redis-server 7.0, byte for byte — replies in RESP2 and RESP3,
// every error string and the order Redis detects errors in, listpack order, OBJECT ENCODING transitions, integer
// and long double arithmetic, HRANDFIELD's shapes and HSCAN's cursors, and a seeded random mix of operations.
import { expect } from 'chai';
import { decodeReply, type Decoded } from '../server/testing/resp-frame.js';
import { differential, type Pair } from './harness.js';

const LONG = 'x'.repeat(65);
const EDGE = 'y'.repeat(64);

/** A small seeded PRNG (LCG), so a failing random run can be replayed. */
function prng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

/** Both servers' replies decoded (for replies that are random: compared by shape and membership). */
async function decodedBoth(pair: Pair, ...args: string[]): Promise<[Decoded, Decoded]> {
  const [r, f] = await pair.both(...args);
  return [decodeReply(r).value, decodeReply(f).value];
}

/** Switches both connections to RESP `proto`; HELLO's reply carries the client id, which differs, so only its type is compared. */
async function hello(pair: Pair, proto: string): Promise<void> {
  await pair.cmdLoosely('HELLO', proto);
}

/** One config value as a server reports it. */
async function configValue(call: (...a: string[]) => Promise<Buffer>, name: string): Promise<string> {
  return (decodeReply(await call('CONFIG', 'GET', name)).value as string[])[1];
}

/**
 * Runs `body` with hash-max-listpack-entries/value changed on both servers, then gives each server back its own
 * values (Redis 7.0's built-in default for the entries is 512, while its sample redis.conf says 128).
 */
async function withLimits(pair: Pair, entries: number, value: number, body: () => Promise<void>): Promise<void> {
  const names = ['hash-max-listpack-entries', 'hash-max-listpack-value'];
  const saved: [(...a: string[]) => Promise<Buffer>, string[]][] = [];
  for (const c of [pair.redis, pair.faha]) {
    const call = (...a: string[]) => c.call(...a);
    saved.push([call, await Promise.all(names.map((n) => configValue(call, n)))]);
  }
  await pair.cmd('CONFIG', 'SET', names[0], String(entries), names[1], String(value));
  try {
    await body();
  } finally {
    for (const [call, values] of saved) await call('CONFIG', 'SET', names[0], values[0], names[1], values[1]);
  }
}

/** Walks HSCAN to the end on one client; returns every field => value seen. */
async function fullScan(send: (...a: string[]) => Promise<Buffer>, key: string, extra: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  let cursor = '0';
  let calls = 0;
  do {
    const [next, items] = decodeReply(await send('HSCAN', key, cursor, ...extra)).value as [string, string[]];
    for (let i = 0; i < items.length; i += 2) seen.set(items[i], items[i + 1]);
    cursor = next;
    expect(++calls).to.be.below(10000);
  } while (cursor !== '0');
  return seen;
}

describe('compat: hash commands', () => {
  const d = differential();

  describe('HSET, HMSET, HSETNX, HGET, HMGET', () => {
    it('HSET counts the fields it creates, not the ones it updates', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1');
      await d.pair.cmd('HSET', 'h', 'a', '2', 'b', '3', 'c', '4');
      await d.pair.cmd('HSET', 'h', 'd', '1', 'd', '2', 'd', '3');
      await d.pair.cmd('HGET', 'h', 'a');
      await d.pair.cmd('HGET', 'h', 'd');
      await d.pair.cmd('HGETALL', 'h');
      await d.pair.cmd('TYPE', 'h');
    });

    it('HSET and HMSET refuse a field without a value as an arity error, before looking at the key', async () => {
      await d.pair.cmd('SET', 's', 'x');
      await d.pair.cmd('HSET', 'h', 'a', '1', 'b');
      await d.pair.cmd('HMSET', 'h', 'a', '1', 'b');
      await d.pair.cmd('HSET', 's', 'a', '1', 'b');
      await d.pair.cmd('HSET', 'h', 'a');
      await d.pair.cmd('HMSET', 'h');
      await d.pair.cmd('EXISTS', 'h');
    });

    it('HMSET replies OK and writes like HSET', async () => {
      await d.pair.cmd('HMSET', 'h', 'a', '1', 'b', '2');
      await d.pair.cmd('HMSET', 'h', 'a', '3');
      await d.pair.cmd('HMGET', 'h', 'a', 'b', 'c');
    });

    it('HSETNX sets a field only when it is absent', async () => {
      await d.pair.cmd('HSETNX', 'h', 'a', '1');
      await d.pair.cmd('HSETNX', 'h', 'a', '2');
      await d.pair.cmd('HSETNX', 'h', 'b', '');
      await d.pair.cmd('HGETALL', 'h');
      await hello(d.pair, '3');
      await d.pair.cmd('HSETNX', 'h', 'c', '3');
      await d.pair.cmd('HSETNX', 'h', 'c', '3');
    });

    it('HGET and HMGET answer nil for missing fields and missing keys, in RESP2 and RESP3', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1');
      for (const proto of ['2', '3']) {
        await hello(d.pair, proto);
        await d.pair.cmd('HGET', 'h', 'zz');
        await d.pair.cmd('HGET', 'nokey', 'a');
        await d.pair.cmd('HMGET', 'h', 'a', 'zz', 'a');
        await d.pair.cmd('HMGET', 'nokey', 'a', 'b');
      }
    });

    it('fields and values are binary safe', async () => {
      const f = Buffer.from([0, 0xff, 0x0d, 0x0a, 0x80]);
      const v = Buffer.from([0xfe, 0, 0x20, 0x0d]);
      await d.pair.cmd('HSET', 'h', f, v, 'plain', f);
      await d.pair.cmd('HGET', 'h', f);
      await d.pair.cmd('HGETALL', 'h');
      await d.pair.cmd('HSTRLEN', 'h', f);
      await d.pair.cmd('HEXISTS', 'h', f);
      await d.pair.cmd('HSCAN', 'h', '0', 'MATCH', Buffer.from([0, 0x2a]));
      await d.pair.cmd('HDEL', 'h', f);
      await d.pair.cmd('HKEYS', 'h');
    });
  });

  describe('HEXISTS, HLEN, HSTRLEN, HDEL', () => {
    it('HEXISTS, HLEN and HSTRLEN answer 0 for missing fields and keys', async () => {
      await d.pair.cmd('HSET', 'h', 'a', 'hello', 'n', '-0012', 'i', '123456789');
      await d.pair.cmd('HEXISTS', 'h', 'a');
      await d.pair.cmd('HEXISTS', 'h', 'b');
      await d.pair.cmd('HEXISTS', 'nokey', 'a');
      await d.pair.cmd('HLEN', 'h');
      await d.pair.cmd('HLEN', 'nokey');
      await d.pair.cmd('HSTRLEN', 'h', 'a');
      await d.pair.cmd('HSTRLEN', 'h', 'n');
      await d.pair.cmd('HSTRLEN', 'h', 'i');
      await d.pair.cmd('HSTRLEN', 'h', 'b');
      await d.pair.cmd('HSTRLEN', 'nokey', 'a');
    });

    it('HDEL counts removed fields and deletes the key with its last field', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
      await d.pair.cmd('HDEL', 'h', 'zz');
      await d.pair.cmd('HDEL', 'h', 'a', 'a', 'zz');
      await d.pair.cmd('HDEL', 'nokey', 'a');
      await d.pair.cmd('HDEL', 'h', 'b', 'c', 'd');
      await d.pair.cmd('EXISTS', 'h');
      await d.pair.cmd('HLEN', 'h');
      await d.pair.cmd('HSET', 'h', 'x', '1');
      await d.pair.cmd('HGETALL', 'h');
    });
  });

  describe('HGETALL, HKEYS, HVALS', () => {
    it('a listpack hash answers in insertion order, deleted and re-added fields going last', async () => {
      await d.pair.cmd('HSET', 'h', 'c', '1', 'a', '2', 'b', '3', '10', 'ten', '-5', 'neg');
      await d.pair.cmd('HDEL', 'h', 'a');
      await d.pair.cmd('HSET', 'h', 'a', 'again', 'c', 'updated');
      await d.pair.cmd('HGETALL', 'h');
      await d.pair.cmd('HKEYS', 'h');
      await d.pair.cmd('HVALS', 'h');
    });

    it('HGETALL is a map in RESP3; HKEYS and HVALS stay arrays; missing keys answer empty', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2');
      for (const proto of ['2', '3']) {
        await hello(d.pair, proto);
        await d.pair.cmd('HGETALL', 'h');
        await d.pair.cmd('HKEYS', 'h');
        await d.pair.cmd('HVALS', 'h');
        await d.pair.cmd('HGETALL', 'nokey');
        await d.pair.cmd('HKEYS', 'nokey');
        await d.pair.cmd('HVALS', 'nokey');
      }
    });

    it('a hashtable hash answers the same fields and values (order unspecified)', async () => {
      const args: string[] = [];
      for (let i = 0; i < 600; i++) args.push(`f${i}`, `v${i}`);
      await d.pair.cmd('HSET', 'h', ...args);
      await d.pair.cmd('OBJECT', 'ENCODING', 'h');
      await d.pair.cmdSorted('HGETALL', 'h');
      await d.pair.cmdSorted('HKEYS', 'h');
      await d.pair.cmdSorted('HVALS', 'h');
      await hello(d.pair, '3');
      await d.pair.cmdSorted('HGETALL', 'h');
    });
  });

  describe('WRONGTYPE', () => {
    it('every hash command fails against a key holding a string', async () => {
      await d.pair.cmd('SET', 's', 'x');
      const cmds = [
        ['HSET', 's', 'a', '1'], ['HMSET', 's', 'a', '1'], ['HSETNX', 's', 'a', '1'], ['HGET', 's', 'a'], ['HMGET', 's', 'a'],
        ['HGETALL', 's'], ['HDEL', 's', 'a'], ['HEXISTS', 's', 'a'], ['HLEN', 's'], ['HSTRLEN', 's', 'a'], ['HKEYS', 's'],
        ['HVALS', 's'], ['HINCRBY', 's', 'a', '1'], ['HINCRBYFLOAT', 's', 'a', '1'], ['HRANDFIELD', 's'],
        ['HRANDFIELD', 's', '0'], ['HRANDFIELD', 's', '-3', 'WITHVALUES'], ['HSCAN', 's', '0'], ['HSCAN', 's', '0', 'COUNT', 'x'],
      ];
      for (const c of cmds) await d.pair.cmd(...c);
      await d.pair.cmd('GET', 's');
    });

    it('string commands fail against a key holding a hash', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1');
      for (const c of [['GET', 'h'], ['INCR', 'h'], ['APPEND', 'h', 'x'], ['STRLEN', 'h'], ['GETRANGE', 'h', '0', '1'], ['INCRBYFLOAT', 'h', '1']]) {
        await d.pair.cmd(...c);
      }
      await d.pair.cmd('SET', 'h', 'overwritten');
      await d.pair.cmd('TYPE', 'h');
    });
  });

  describe('HINCRBY and HINCRBYFLOAT', () => {
    it('HINCRBY adds to missing, integer and refused values, and detects overflow', async () => {
      await d.pair.cmd('HINCRBY', 'h', 'a', '5');
      await d.pair.cmd('HINCRBY', 'h', 'a', '-7');
      await d.pair.cmd('HSET', 'h', 'max', '9223372036854775807', 'min', '-9223372036854775808', 's', 'abc', 'z', '-0012', 'sp', ' 1');
      for (const [f, by] of [['max', '1'], ['max', '-1'], ['min', '-1'], ['min', '1'], ['s', '1'], ['z', '1'], ['sp', '1'], ['new', '0']]) {
        await d.pair.cmd('HINCRBY', 'h', f, by);
      }
      await d.pair.cmd('HGETALL', 'h');
    });

    it('HINCRBY checks its increment before the key, so that error wins over WRONGTYPE', async () => {
      await d.pair.cmd('SET', 's', 'x');
      for (const by of ['x', '1.5', '', ' 1', '9223372036854775808', '-9223372036854775809', '+1']) {
        await d.pair.cmd('HINCRBY', 's', 'a', by);
        await d.pair.cmd('HINCRBY', 'h', 'a', by);
      }
      await d.pair.cmd('EXISTS', 'h');
    });

    it('HINCRBYFLOAT formats its results as Redis does', async () => {
      const steps = ['1.5', '0.1', '0.2', '-1.8', '1e100', '-1e100', '5.0e3', '0x10', '1e-20', '3.0000', '-0.0', '17e-1', '1e308', '1e308'];
      for (const by of steps) await d.pair.cmd('HINCRBYFLOAT', 'h', 'f', by);
      await d.pair.cmd('HSET', 'h', 'i', '10', 'big', '1e4000', 'hex', '0x1', 'e', '1.0e2');
      for (const f of ['i', 'big', 'hex', 'e']) await d.pair.cmd('HINCRBYFLOAT', 'h', f, '0.5');
      // The long results made the hash a hashtable, whose order Redis leaves unspecified.
      await d.pair.cmdSorted('HGETALL', 'h');
    });

    it('HINCRBYFLOAT refuses bad increments first, then WRONGTYPE, then stored values that are not floats', async () => {
      await d.pair.cmd('SET', 's', 'x');
      for (const by of ['x', 'nan', 'inf', '-inf', '', ' 1', '1 ', '1e5000000']) {
        await d.pair.cmd('HINCRBYFLOAT', 's', 'a', by);
        await d.pair.cmd('HINCRBYFLOAT', 'h', 'a', by);
      }
      await d.pair.cmd('EXISTS', 'h');
      await d.pair.cmd('HINCRBYFLOAT', 's', 'a', '1');
      await d.pair.cmd('HSET', 'h', 'word', 'abc', 'space', ' 1', 'inf', 'inf', 'huge', '1e4932', 'empty', '');
      for (const f of ['word', 'space', 'inf', 'empty']) await d.pair.cmd('HINCRBYFLOAT', 'h', f, '1');
      await d.pair.cmd('HINCRBYFLOAT', 'h', 'huge', '1e4932');
      await d.pair.cmd('HGETALL', 'h');
    });
  });

  describe('OBJECT ENCODING', () => {
    it('a hash is a listpack up to hash-max-listpack-entries fields, then a hashtable for good', async () => {
      await withLimits(d.pair, 3, 64, async () => {
        await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
        await d.pair.cmd('OBJECT', 'ENCODING', 'h');
        await d.pair.cmd('HSET', 'h', 'd', '4');
        await d.pair.cmd('OBJECT', 'ENCODING', 'h');
        await d.pair.cmd('HDEL', 'h', 'a', 'b', 'c');
        await d.pair.cmd('OBJECT', 'ENCODING', 'h');
        await d.pair.cmd('HSET', 'n', 'a', '1', 'a', '2', 'a', '3', 'a', '4');
        await d.pair.cmd('OBJECT', 'ENCODING', 'n');
        await d.pair.cmd('HSETNX', 'n', 'b', '1');
        await d.pair.cmd('HINCRBY', 'n', 'c', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 'n');
        await d.pair.cmd('HINCRBYFLOAT', 'n', 'd', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 'n');
      });
    });

    it('a field or value longer than hash-max-listpack-value makes a hashtable, even when nothing changes', async () => {
      await d.pair.cmd('HSET', 'a', 'f', EDGE, EDGE, 'v');
      await d.pair.cmd('OBJECT', 'ENCODING', 'a');
      await d.pair.cmd('HSET', 'b', 'f', '1');
      await d.pair.cmd('HSET', 'b', 'f', LONG);
      await d.pair.cmd('OBJECT', 'ENCODING', 'b');
      await d.pair.cmd('HSET', 'c', LONG, '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'c');
      await d.pair.cmd('HSET', 'e', 'f', '1');
      await d.pair.cmd('HSETNX', 'e', 'f', LONG);
      await d.pair.cmd('OBJECT', 'ENCODING', 'e');
      await d.pair.cmd('HSETNX', 'e', 'g', LONG);
      await d.pair.cmd('OBJECT', 'ENCODING', 'e');
      await d.pair.cmd('HINCRBY', 'g', LONG, '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'g');
      await d.pair.cmd('HINCRBYFLOAT', 'i', 'f', '1e63');
      await d.pair.cmd('OBJECT', 'ENCODING', 'i');
      await d.pair.cmd('HINCRBYFLOAT', 'i', 'f', '1e64');
      await d.pair.cmd('OBJECT', 'ENCODING', 'i');
    });

    it('lowering the limits converts a hash on its next write, updates included', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
      await d.pair.cmd('HSET', 'k', 'a', '1', 'b', '2', 'c', '3');
      await withLimits(d.pair, 2, 64, async () => {
        await d.pair.cmd('OBJECT', 'ENCODING', 'h');
        await d.pair.cmd('HSET', 'h', 'a', '5');
        await d.pair.cmd('OBJECT', 'ENCODING', 'h');
        await d.pair.cmd('HDEL', 'k', 'a');
        await d.pair.cmd('OBJECT', 'ENCODING', 'k');
        await d.pair.cmd('HSET', 'z', 'a', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 'z');
      });
      await withLimits(d.pair, 0, 64, async () => {
        await d.pair.cmd('HSET', 'zero', 'a', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 'zero');
      });
    });

    it('RENAME, COPY and MOVE keep a hash, its encoding and its deadline', async () => {
      await d.pair.cmd('HSET', 'small', 'a', '1', 'b', '2');
      await d.pair.cmd('HSET', 'big', 'f', LONG);
      await d.pair.cmd('EXPIRE', 'small', '1000');
      await d.pair.cmd('COPY', 'small', 'copy');
      await d.pair.cmd('HSET', 'copy', 'c', '3');
      await d.pair.cmd('HGETALL', 'small');
      await d.pair.cmd('HGETALL', 'copy');
      await d.pair.cmd('TTL', 'copy');
      await d.pair.cmd('RENAME', 'big', 'big2');
      await d.pair.cmd('OBJECT', 'ENCODING', 'big2');
      await d.pair.cmd('COPY', 'big2', 'big3');
      await d.pair.cmd('OBJECT', 'ENCODING', 'big3');
      await d.pair.cmd('MOVE', 'small', '1');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('HGETALL', 'small');
      await d.pair.cmd('OBJECT', 'ENCODING', 'small');
      await d.pair.cmd('TTL', 'small');
    });

    it('writing fields keeps the key\'s deadline', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1');
      await d.pair.cmd('EXPIRE', 'h', '1000');
      await d.pair.cmd('HSET', 'h', 'b', '2');
      await d.pair.cmd('HINCRBY', 'h', 'c', '1');
      await d.pair.cmd('HDEL', 'h', 'a');
      await d.pair.cmd('TTL', 'h');
    });
  });

  describe('HRANDFIELD', () => {
    it('HRANDFIELD refuses bad counts and options in Redis\'s order, before WRONGTYPE', async () => {
      await d.pair.cmd('SET', 's', 'x');
      await d.pair.cmd('HSET', 'h', 'a', '1');
      for (const key of ['s', 'h', 'nokey']) {
        for (const args of [
          ['x'], ['1.5'], ['-9223372036854775808'], ['9223372036854775808'], ['1', 'withvalue'], ['1', 'withvalues', 'x'],
          ['x', 'y'], ['4611686018427387904', 'withvalues'], ['-4611686018427387904', 'WITHVALUES'],
          ['4611686018427387903', 'bad'], ['-9223372036854775808', 'bad'],
        ]) {
          await d.pair.cmd('HRANDFIELD', key, ...args);
        }
      }
    });

    it('HRANDFIELD answers nil, or an empty array with a count, for a missing key; count 0 is empty', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1');
      for (const proto of ['2', '3']) {
        await hello(d.pair, proto);
        await d.pair.cmd('HRANDFIELD', 'nokey');
        await d.pair.cmd('HRANDFIELD', 'nokey', '5');
        await d.pair.cmd('HRANDFIELD', 'nokey', '-5', 'WITHVALUES');
        await d.pair.cmd('HRANDFIELD', 'h', '0');
        await d.pair.cmd('HRANDFIELD', 'h', '0', 'withvalues');
      }
    });

    it('a count at least the size returns the whole listpack hash in order, pairs nested in RESP3', async () => {
      await d.pair.cmd('HSET', 'h', 'c', '1', 'a', '2', 'b', '3');
      for (const proto of ['2', '3']) {
        await hello(d.pair, proto);
        await d.pair.cmd('HRANDFIELD', 'h', '3');
        await d.pair.cmd('HRANDFIELD', 'h', '100', 'WITHVALUES');
      }
      await d.pair.cmd('HSET', 'one', 'only', 'v');
      await d.pair.cmd('HRANDFIELD', 'one');
      await d.pair.cmd('HRANDFIELD', 'one', '-3', 'withvalues');
    });

    it('random picks have Redis\'s shapes and come from the hash', async () => {
      const fields = Array.from({ length: 20 }, (_, i) => `f${i}`);
      await d.pair.cmd('HSET', 'small', ...fields.flatMap((f) => [f, `v-${f}`]));
      const big = Array.from({ length: 600 }, (_, i) => `g${i}`);
      await d.pair.cmd('HSET', 'big', ...big.flatMap((f) => [f, `v-${f}`]));
      const members = new Set([...fields, ...big]);
      for (const proto of [2, 3]) {
        await hello(d.pair, String(proto));
        for (const [key, count, wv] of [
          ['small', '5', false], ['small', '5', true], ['small', '19', true], ['small', '-50', false], ['small', '-7', true],
          ['big', '10', false], ['big', '250', true], ['big', '599', false], ['big', '-400', true], ['big', '-3', false],
        ] as const) {
          const args = wv ? [key, count, 'WITHVALUES'] : [key, count];
          const [r, f] = await decodedBoth(d.pair, 'HRANDFIELD', ...args);
          const shape = (v: Decoded) => (v as Decoded[]).map((x) => (Array.isArray(x) ? `pair${x.length}` : typeof x));
          expect(shape(f)).to.deep.equal(shape(r));
          const flat = (f as Decoded[]).flat() as string[];
          const names = wv ? flat.filter((_, i) => i % 2 === 0) : flat;
          for (let i = 0; i < names.length; i++) {
            expect(members.has(names[i]), names[i]).to.equal(true);
            if (wv) expect(flat[2 * i + 1]).to.equal(`v-${names[i]}`);
          }
          if (Number(count) > 0) expect(new Set(names).size).to.equal(names.length);
        }
        const [r1, f1] = await decodedBoth(d.pair, 'HRANDFIELD', 'big');
        expect(typeof f1).to.equal(typeof r1);
        expect(members.has(f1 as string)).to.equal(true);
      }
    });

    it('every field of a small hash eventually comes out of HRANDFIELD', async () => {
      await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2', 'c', '3');
      const [, f] = await decodedBoth(d.pair, 'HRANDFIELD', 'h', '-300');
      expect(new Set(f as string[])).to.deep.equal(new Set(['a', 'b', 'c']));
    });
  });

  describe('HSCAN', () => {
    it('HSCAN checks the cursor first, then the key, then the options', async () => {
      await d.pair.cmd('SET', 's', 'x');
      await d.pair.cmd('HSET', 'h', 'a', '1');
      for (const key of ['s', 'h', 'nokey']) {
        for (const args of [
          ['x'], ['-1'], ['18446744073709551616'], ['0', 'COUNT', 'x'], ['0', 'COUNT', '0'], ['0', 'COUNT', '-1'], ['0', 'TYPE', 'hash'],
          ['0', 'MATCH'], ['0', 'foo', 'bar'], ['0', 'count', '5', 'match', 'a*'], [' 1'], ['', 'COUNT', '1'],
        ]) {
          await d.pair.cmd('HSCAN', key, ...args);
        }
      }
    });

    it('a listpack hash is answered whole with cursor 0, whatever the cursor and COUNT', async () => {
      await d.pair.cmd('HSET', 'h', 'b', '1', 'a', '2', 'ab', '3', 'c', '4', '10', '5');
      for (const proto of ['2', '3']) {
        await hello(d.pair, proto);
        await d.pair.cmd('HSCAN', 'h', '0');
        await d.pair.cmd('HSCAN', 'h', '12345', 'COUNT', '1');
        await d.pair.cmd('HSCAN', 'h', '0', 'MATCH', 'a*');
        await d.pair.cmd('HSCAN', 'h', '0', 'MATCH', '*', 'COUNT', '2');
        await d.pair.cmd('HSCAN', 'h', '0', 'MATCH', '[ab]', 'MATCH', '?');
        await d.pair.cmd('HSCAN', 'h', '0', 'MATCH', 'zz');
      }
    });

    it('a hashtable hash is walked by cursor to every field, with MATCH and COUNT', async () => {
      const args: string[] = [];
      for (let i = 0; i < 600; i++) args.push(`f${i}`, `v${i}`);
      await d.pair.cmd('HSET', 'h', ...args);
      await d.pair.cmd('OBJECT', 'ENCODING', 'h');
      for (const extra of [[], ['COUNT', '7'], ['MATCH', 'f1*'], ['MATCH', 'f2?', 'COUNT', '100']]) {
        const r = await fullScan((...a) => d.pair.redis.call(...a), 'h', extra);
        const f = await fullScan((...a) => d.pair.faha.call(...a), 'h', extra);
        expect([...f].sort()).to.deep.equal([...r].sort());
      }
      const page = decodeReply(await d.pair.faha.call('HSCAN', 'h', '0', 'COUNT', '5')).value as [string, string[]];
      expect(page[0]).to.not.equal('0');
      expect(page[1].length).to.be.within(2, 20);
    });

    it('a hashtable scan returns every field present for the whole scan while others come and go', async () => {
      const args: string[] = [];
      for (let i = 0; i < 600; i++) args.push(`f${i}`, `v${i}`);
      await d.pair.faha.call('HSET', 'h', ...args);
      expect((await d.pair.faha.call('OBJECT', 'ENCODING', 'h')).toString()).to.equal('$9\r\nhashtable\r\n');
      const seen = new Set<string>();
      let cursor = '0';
      let round = 0;
      do {
        const [next, items] = decodeReply(await d.pair.faha.call('HSCAN', 'h', cursor, 'COUNT', '10')).value as [string, string[]];
        for (let i = 0; i < items.length; i += 2) seen.add(items[i]);
        // Churn: drop some odd fields, add new ones, re-add dropped ones.
        await d.pair.faha.call('HDEL', 'h', `f${2 * round + 1}`, `f${2 * round + 101}`);
        await d.pair.faha.call('HSET', 'h', `new${round}`, 'x', `f${2 * round + 1}`, 'back');
        cursor = next;
        round++;
      } while (cursor !== '0');
      for (let i = 0; i < 600; i += 2) expect(seen.has(`f${i}`), `f${i}`).to.equal(true);
    });
  });

  describe('transactions and notifications', () => {
    it('hash commands queue in MULTI and answer inside EXEC', async () => {
      await d.pair.cmd('SET', 's', 'x');
      await d.pair.cmd('MULTI');
      await d.pair.cmd('HSET', 'h', 'a', '1');
      await d.pair.cmd('HINCRBY', 'h', 'a', '2');
      await d.pair.cmd('HINCRBYFLOAT', 'h', 'b', '0.5');
      await d.pair.cmd('HSET', 's', 'a', '1');
      await d.pair.cmd('HSCAN', 'h', '0', 'COUNT', '0');
      await d.pair.cmd('HGETALL', 'h');
      await d.pair.cmd('HRANDFIELD', 'h', '10', 'WITHVALUES');
      await d.pair.cmd('EXEC');
    });

    it('hash writes publish the keyspace events Redis publishes, in its order', async function () {
      const sub = await d.newPair();
      await sub.cmd('PSUBSCRIBE', '__key*__:*');
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEhg');
      try {
        await d.pair.cmd('HSET', 'h', 'a', '1', 'b', '2');
        await d.pair.cmd('HSETNX', 'h', 'a', '1');
        await d.pair.cmd('HSETNX', 'h', 'c', '1');
        await d.pair.cmd('HINCRBY', 'h', 'a', '1');
        await d.pair.cmd('HINCRBYFLOAT', 'h', 'a', '1.5');
        await d.pair.cmd('HDEL', 'h', 'zz');
        await d.pair.cmd('HDEL', 'h', 'a');
        await d.pair.cmd('HDEL', 'h', 'b', 'c');
        for (let i = 0; i < 14; i++) {
          const [r, f] = await Promise.all([sub.redis.readRaw(), sub.faha.readRaw()]);
          expect(f.toString('latin1')).to.equal(r.toString('latin1'));
        }
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', '');
      }
    });
  });

  describe('random operations', () => {
    it('thousands of seeded random hash operations give identical replies', async () => {
      const rnd = prng(20240607);
      const keys = ['h1', 'h2', 'h3', 's'];
      const field = () => `f${rnd(40)}`;
      const value = () => (rnd(4) === 0 ? String(rnd(200) - 100) : rnd(20) === 0 ? 'z'.repeat(60 + rnd(10)) : `v${rnd(1000)}`);
      await d.pair.cmd('SET', 's', '1');
      // A low limit makes some hashes hashtables along the way, so conversions are exercised too.
      await withLimits(d.pair, 24, 64, async () => {
        const ops: (() => string[])[] = [
          () => ['HSET', keys[rnd(4)], ...Array.from({ length: 1 + rnd(3) }, () => [field(), value()]).flat()],
          () => ['HSETNX', keys[rnd(4)], field(), value()],
          () => ['HGET', keys[rnd(4)], field()],
          () => ['HMGET', keys[rnd(4)], field(), field()],
          () => ['HDEL', keys[rnd(4)], field(), field(), field()],
          () => ['HEXISTS', keys[rnd(4)], field()],
          () => ['HLEN', keys[rnd(4)]],
          () => ['HSTRLEN', keys[rnd(4)], field()],
          () => ['HINCRBY', keys[rnd(4)], field(), String(rnd(21) - 10)],
          () => ['HINCRBYFLOAT', keys[rnd(4)], field(), ['0.5', '-1.25', '3', '1e3', '0.1'][rnd(5)]],
          () => ['OBJECT', 'ENCODING', keys[rnd(4)]],
          () => ['HMSET', keys[rnd(4)], field(), value()],
          () => ['DEL', keys[rnd(3)]],
        ];
        const unordered: (() => string[])[] = [
          () => ['HGETALL', keys[rnd(4)]],
          () => ['HKEYS', keys[rnd(4)]],
          () => ['HVALS', keys[rnd(4)]],
          () => ['HRANDFIELD', keys[rnd(4)], String(40 + rnd(10))],
        ];
        for (let i = 0; i < 3000; i++) {
          if (rnd(6) === 0) await d.pair.cmdSorted(...unordered[rnd(unordered.length)]());
          else await d.pair.cmd(...ops[rnd(ops.length)]());
        }
        for (const k of keys) await d.pair.cmdSorted('HGETALL', k);
      });
    });
  });
});
