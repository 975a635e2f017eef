// Differential: ZUNION, ZINTER, ZDIFF, their STORE forms, ZINTERCARD (plain sets as inputs scoring 1, WEIGHTS,
// AGGREGATE, NaN read as 0, error order), ZRANDMEMBER (shapes exact, random picks checked as subsets) and ZSCAN
// (exact for listpack sets; for skiplist sets full scans compared, cursors differing by design).
import { expect } from 'chai';
import { decodeReply } from '../server/testing/resp-frame.js';
import type { RawClient } from '../server/testing/raw-client.js';
import { differential } from './harness.js';

/** A flat RESP2 array reply as latin1 strings. */
function flat(raw: Buffer): string[] {
  const { value } = decodeReply(raw);
  return (value as Buffer[]).map((b) => b.toString('latin1'));
}

/** Every member/score pair a full ZSCAN returns, sorted, and the number of calls. */
async function fullZscan(c: RawClient, key: string, ...options: string[]): Promise<{ pairs: string[]; calls: number }> {
  const pairs: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const { value } = decodeReply(await c.call('ZSCAN', key, cursor, ...options));
    const [next, items] = value as [Buffer, Buffer[]];
    for (let i = 0; i < items.length; i += 2) pairs.push(`${items[i].toString('latin1')}=${items[i + 1].toString('latin1')}`);
    cursor = next.toString('latin1');
  } while (cursor !== '0' && ++calls < 10000);
  return { pairs: pairs.sort(), calls };
}

describe('compat: sorted-set algebra, random members and ZSCAN', () => {
  const d = differential();

  beforeEach(async () => {
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    await d.pair.cmd('ZADD', 'u1', '1', 'a', '2', 'b', '3', 'c');
    await d.pair.cmd('ZADD', 'u2', '10', 'b', '20', 'c', '30', 'd');
    await d.pair.cmd('SADD', 'st', 'a', 'd', 'x');
  });

  it('ZUNION, ZINTER and ZDIFF combine sorted sets and plain sets with weights and aggregates', async () => {
    const tails = [
      [], ['WITHSCORES'], ['WEIGHTS', '2', '3', 'WITHSCORES'], ['AGGREGATE', 'MIN', 'WITHSCORES'], ['aggregate', 'max', 'withscores'],
      ['WEIGHTS', '0', '-1', 'AGGREGATE', 'SUM', 'WITHSCORES'], ['WITHSCORES', 'WEIGHTS', '1.5', 'inf'],
      ['WEIGHTS', '1', '2', 'WEIGHTS', '3', '4', 'WITHSCORES'],
    ];
    for (const t of tails) {
      for (const op of ['ZUNION', 'ZINTER']) {
        await d.pair.cmd(op, '2', 'u1', 'u2', ...t);
        await d.pair.cmd(op, '2', 'u1', 'st', ...t);
        await d.pair.cmd(op, '2', 'st', 'nokey', ...t);
      }
    }
    for (const keys of [['u1', 'u2'], ['u2', 'u1'], ['st', 'u1'], ['u1', 'st', 'u2'], ['u1', 'u1'], ['nokey', 'u1'], ['u1', 'nokey']]) {
      await d.pair.cmd('ZDIFF', String(keys.length), ...keys, 'WITHSCORES');
      await d.pair.cmd('ZINTER', String(keys.length), ...keys, 'WITHSCORES');
      await d.pair.cmd('ZUNION', String(keys.length), ...keys);
    }
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZUNION', '2', 'u1', 'u2', 'WITHSCORES');
    await d.pair.cmd('ZINTER', '2', 'u1', 'st', 'WITHSCORES');
    await d.pair.cmd('ZDIFF', '1', 'u1', 'WITHSCORES');
    await d.pair.cmd('ZDIFF', '1', 'u1');
  });

  it('infinite scores aggregate as Redis does: inf - inf sums to 0, and 0 * inf weights to 0', async () => {
    await d.pair.cmd('ZADD', 'pinf', 'inf', 'a', '1', 'b');
    await d.pair.cmd('ZADD', 'ninf', '-inf', 'a', '-inf', 'b');
    await d.pair.cmd('ZUNION', '2', 'pinf', 'ninf', 'WITHSCORES');
    await d.pair.cmd('ZINTER', '2', 'pinf', 'ninf', 'WITHSCORES');
    await d.pair.cmd('ZINTER', '2', 'pinf', 'ninf', 'AGGREGATE', 'MAX', 'WITHSCORES');
    await d.pair.cmd('ZUNION', '1', 'pinf', 'WEIGHTS', '0', 'WITHSCORES');
    await d.pair.cmd('ZINTER', '2', 'pinf', 'pinf', 'WEIGHTS', '0', '1', 'WITHSCORES');
    await d.pair.cmd('ZUNION', '2', 'pinf', 'st', 'WEIGHTS', '-inf', 'inf', 'WITHSCORES');
  });

  it('set operations check numkeys, then read the keys, then report option errors', async () => {
    await d.pair.cmd('SET', 'str', 'v');
    const cases = [
      ['ZUNION', 'x', 'u1'], ['ZUNION', '0', 'u1'], ['ZUNION', '-1', 'u1'], ['ZUNION', '3', 'u1', 'u2'], ['ZUNION', '2', 'u1', 'str', 'BAD'],
      ['ZUNION', '2', 'u1', 'u2', 'WEIGHTS', '1', 'x'], ['ZUNION', '2', 'str', 'u2', 'WEIGHTS', '1', 'x'], ['ZUNION', '2', 'u1', 'u2', 'WEIGHTS', '1'],
      ['ZUNION', '1', 'u1', 'AGGREGATE'], ['ZUNION', '1', 'u1', 'AGGREGATE', 'avg'], ['ZUNION', '1', 'u1', 'WEIGHTS'],
      ['ZUNION', '1', 'u1', 'LIMIT', '1'], ['ZINTER', '1', 'u1', 'WITHSCORES', 'x'], ['ZDIFF', '2', 'u1', 'u2', 'WEIGHTS', '1', '1'],
      ['ZDIFF', '1', 'u1', 'AGGREGATE', 'SUM'], ['ZUNIONSTORE', 'd', '0', 'u1'], ['ZUNIONSTORE', 'd', '1', 'u1', 'WITHSCORES'],
      ['ZINTERSTORE', 'd', 'x', 'u1'], ['ZDIFFSTORE', 'd', '2', 'u1'], ['ZINTERCARD', '0', 'u1'], ['ZINTERCARD', '1', 'u1', 'LIMIT', '-1'],
      ['ZINTERCARD', '1', 'u1', 'LIMIT', 'x'], ['ZINTERCARD', '1', 'u1', 'WITHSCORES'], ['ZINTERCARD', '2', 'u1', 'str', 'LIMIT', 'x'],
      ['ZINTERCARD', '1', 'u1', 'LIMIT'], ['ZINTERCARD', '2', 'u1'], ['ZINTER', '1', 'str'], ['ZDIFF', '2', 'nokey', 'str'],
    ];
    for (const c of cases) await d.pair.cmd(...c);
  });

  it('ZINTERCARD counts the intersection and stops at its LIMIT', async () => {
    await d.pair.cmd('ZADD', 'big', ...Array.from({ length: 20 }, (_, i) => [String(i), `m${i}`]).flat());
    await d.pair.cmd('ZADD', 'big2', ...Array.from({ length: 20 }, (_, i) => [String(i), `m${i * 2}`]).flat());
    for (const limit of ['0', '1', '3', '100']) await d.pair.cmd('ZINTERCARD', '2', 'big', 'big2', 'LIMIT', limit);
    await d.pair.cmd('ZINTERCARD', '2', 'u1', 'st');
    await d.pair.cmd('ZINTERCARD', '2', 'u1', 'nokey');
    await d.pair.cmd('ZINTERCARD', '1', 'st');
  });

  it('the STORE forms replace any destination, delete it for an empty result, and pick the encoding', async () => {
    await d.pair.cmd('SET', 'dst', 'v');
    await d.pair.cmd('EXPIRE', 'dst', '100');
    await d.pair.cmd('ZUNIONSTORE', 'dst', '2', 'u1', 'u2', 'WEIGHTS', '2', '1');
    await d.pair.cmd('TTL', 'dst');
    await d.pair.cmd('ZRANGE', 'dst', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
    await d.pair.cmd('ZINTERSTORE', 'dst', '2', 'u1', 'st', 'AGGREGATE', 'MAX');
    await d.pair.cmd('ZRANGE', 'dst', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZDIFFSTORE', 'dst', '2', 'u2', 'u1');
    await d.pair.cmd('ZRANGE', 'dst', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('ZINTERSTORE', 'dst', '2', 'u1', 'nokey');
    await d.pair.cmd('EXISTS', 'dst');
    await d.pair.cmd('ZDIFFSTORE', 'dst', '2', 'u1', 'u1');
    await d.pair.cmd('ZUNIONSTORE', 'u1', '2', 'u1', 'u2');
    await d.pair.cmd('ZRANGE', 'u1', '0', '-1', 'WITHSCORES');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '3');
    await d.pair.cmd('ZUNIONSTORE', 'four', '2', 'u1', 'st');
    await d.pair.cmd('OBJECT', 'ENCODING', 'four');
    await d.pair.cmd('ZINTERSTORE', 'three', '1', 'st');
    await d.pair.cmd('OBJECT', 'ENCODING', 'three');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-value', '1');
    await d.pair.cmd('ZADD', 'longm', '1', 'long-member');
    await d.pair.cmd('ZUNIONSTORE', 'lv', '1', 'longm');
    await d.pair.cmd('OBJECT', 'ENCODING', 'lv');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-value', '64');
  });

  it('ZRANDMEMBER answers Redis shapes and errors; whole sets come highest score first', async () => {
    await d.pair.cmd('ZRANDMEMBER', 'nokey');
    await d.pair.cmd('ZRANDMEMBER', 'nokey', '3');
    await d.pair.cmd('ZRANDMEMBER', 'nokey', '-3', 'WITHSCORES');
    await d.pair.cmd('ZRANDMEMBER', 'u1', '0');
    await d.pair.cmd('ZRANDMEMBER', 'u1', '3', 'WITHSCORES');
    await d.pair.cmd('ZRANDMEMBER', 'u1', '30');
    const bad = [
      ['x'], ['1.5'], ['1', 'x'], ['1', 'WITHSCORES', 'x'], ['-9223372036854775808'], ['9223372036854775808'],
      ['-9223372036854775807', 'WITHSCORES'], ['4611686018427387904', 'WITHSCORES'],
    ];
    for (const b of bad) await d.pair.cmd('ZRANDMEMBER', 'u1', ...b);
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZRANDMEMBER', 'u1', '5', 'WITHSCORES');
    await d.pair.cmd('ZRANDMEMBER', 'nokey');
  });

  it('ZRANDMEMBER picks members of the set: distinct for a positive count, with repeats for a negative one', async () => {
    const all = flat(await d.pair.cmd('ZRANGE', 'u2', '0', '-1'));
    const [r1, f1] = await d.pair.cmdKnown('zset-random-members', 'ZRANDMEMBER', 'u2');
    for (const reply of [r1, f1]) expect(all).to.include((decodeReply(reply).value as Buffer).toString('latin1'));
    const [r2, f2] = await d.pair.cmdKnown('zset-random-members', 'ZRANDMEMBER', 'u2', '2');
    for (const reply of [r2, f2]) {
      const picked = flat(reply);
      expect(new Set(picked).size).to.equal(2);
      for (const m of picked) expect(all).to.include(m);
    }
    const [r3, f3] = await d.pair.cmdKnown('zset-random-members', 'ZRANDMEMBER', 'u2', '-7', 'WITHSCORES');
    for (const reply of [r3, f3]) {
      const picked = flat(reply);
      expect(picked.length).to.equal(14);
      for (let i = 0; i < picked.length; i += 2) expect(Number(picked[i + 1])).to.equal(10 * (all.indexOf(picked[i]) + 1));
    }
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '0');
    await d.pair.cmd('ZUNIONSTORE', 'sk', '1', 'u2');
    await d.pair.cmd('ZRANDMEMBER', 'sk', '3', 'WITHSCORES');
    const [r4, f4] = await d.pair.cmdKnown('zset-random-members', 'ZRANDMEMBER', 'sk', '2');
    for (const reply of [r4, f4]) expect(new Set(flat(reply)).size).to.equal(2);
  });

  it('ZSCAN returns a listpack set whole, in order, with cursor 0, and checks options after the key', async () => {
    await d.pair.cmd('ZADD', 'f', '0.1', 'a', '1e17', 'b', '1.5e-7', 'c', '-1e300', 'd', '123456789012345678', 'e', '-0', 'z', 'inf', 'i');
    await d.pair.cmd('ZSCAN', 'f', '0');
    await d.pair.cmd('ZSCAN', 'f', '12345', 'COUNT', '1');
    await d.pair.cmd('ZSCAN', 'f', '0', 'MATCH', '[a-c]', 'COUNT', '100');
    await d.pair.cmd('ZSCAN', 'f', '0', 'match', '*');
    await d.pair.cmd('SET', 'str', 'v');
    const cases = [
      ['nokey', '0', 'BAD'], ['f', '0', 'TYPE', 'zset'], ['f', 'x'], ['f', '-1'], ['f', '0', 'COUNT', '0'], ['f', '0', 'COUNT', 'x'],
      ['f', '0', 'COUNT'], ['f', '0', 'MATCH'], ['str', '0'], ['str', 'x'], ['str', '0', 'BAD'], ['nokey', 'x'],
    ];
    for (const c of cases) await d.pair.cmd('ZSCAN', ...c);
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZSCAN', 'f', '0');
  });

  it('a full ZSCAN of a skiplist set returns every member once with its score', async () => {
    const args = Array.from({ length: 300 }, (_, i) => [String(i % 7 === 0 ? i + 0.5 : i), `member:${i}`]).flat();
    await d.pair.cmd('ZADD', 'big', ...args);
    await d.pair.cmd('OBJECT', 'ENCODING', 'big');
    await d.pair.cmdKnown('zscan-cursor-values', 'ZSCAN', 'big', '0');
    for (const opts of [[], ['COUNT', '50'], ['MATCH', 'member:1*'], ['MATCH', 'nothing*', 'COUNT', '3']]) {
      const [r, f] = await Promise.all([fullZscan(d.pair.redis, 'big', ...opts), fullZscan(d.pair.faha, 'big', ...opts)]);
      expect(f.pairs, `full ZSCAN ${opts.join(' ')}`).to.deep.equal(r.pairs);
      expect(new Set(f.pairs).size).to.equal(f.pairs.length);
    }
  });
});
