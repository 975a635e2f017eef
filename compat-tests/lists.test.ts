// Differential: the non-blocking list commands (t_list.c) against redis-server 7.0, byte for byte — every option,
// every error string and the order Redis detects errors in, index rules, RESP3 nulls, OBJECT ENCODING, WRONGTYPE
// both ways, and a seeded random run of list commands.
import { expect } from 'chai';
import { differential, show, type Pair } from './harness.js';
import { prng } from '../server/testing/prng.js';

async function all(p: Pair, cmds: (string | number | Buffer)[][]): Promise<void> {
  for (const c of cmds) await p.cmd(...c);
}

describe('compat: list commands', () => {
  const d = differential();

  describe('pushes and reads', () => {
    it('LPUSH and RPUSH push each element in turn and answer the new length', async () => {
      await all(d.pair, [
        ['LPUSH', 'l', 'a', 'b', 'c'], ['RPUSH', 'l', 'x', 'y'], ['LRANGE', 'l', '0', '-1'], ['LLEN', 'l'],
        ['RPUSH', 'l', ''], ['LPUSH', 'l', '12345'], ['LRANGE', 'l', '0', '-1'], ['TYPE', 'l'], ['OBJECT', 'ENCODING', 'l'],
      ]);
    });

    it('LPUSHX and RPUSHX push only onto an existing list', async () => {
      await all(d.pair, [
        ['LPUSHX', 'l', 'a'], ['RPUSHX', 'l', 'a', 'b'], ['EXISTS', 'l'], ['RPUSH', 'l', 'z'],
        ['LPUSHX', 'l', 'a', 'b'], ['RPUSHX', 'l', 'c', 'd'], ['LRANGE', 'l', '0', '-1'],
        ['SET', 's', 'v'], ['LPUSHX', 's', 'a'], ['RPUSHX', 's', 'a'], ['LPUSHX', 'l'], ['RPUSHX'],
      ]);
    });

    it('LRANGE follows Redis index rules for negative, reversed and out-of-range bounds', async () => {
      await d.pair.cmd('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e');
      const bounds = [
        ['0', '-1'], ['1', '2'], ['-2', '-1'], ['-100', '100'], ['3', '1'], ['5', '10'], ['-1', '-5'], ['0', '0'],
        ['-9223372036854775808', '9223372036854775807'], ['4', '-1'], ['-5', '-5'], ['2', '-100'],
      ];
      for (const [s, e] of bounds) await d.pair.cmd('LRANGE', 'l', s, e);
      await all(d.pair, [
        ['LRANGE', 'nokey', '0', '-1'], ['LRANGE', 'l', 'x', '1'], ['LRANGE', 'l', '0', '1.5'],
        ['LRANGE', 'l', '9223372036854775808', '1'], ['SET', 's', 'v'], ['LRANGE', 's', '0', '-1'], ['LRANGE', 's', 'x', '-1'],
      ]);
    });

    it('LINDEX answers the element or nil, and checks the index only for an existing list', async () => {
      await all(d.pair, [
        ['RPUSH', 'l', 'a', 'b', 'c'], ['LINDEX', 'l', '0'], ['LINDEX', 'l', '-1'], ['LINDEX', 'l', '-3'], ['LINDEX', 'l', '3'],
        ['LINDEX', 'l', '-4'], ['LINDEX', 'l', 'x'], ['LINDEX', 'nokey', 'x'], ['LINDEX', 'nokey', '0'],
        ['SET', 's', 'v'], ['LINDEX', 's', 'x'], ['LINDEX', 'l', '9223372036854775807'],
      ]);
    });

    it('LLEN counts a list, answers 0 for a missing key and WRONGTYPE for a string', async () => {
      await all(d.pair, [['LLEN', 'l'], ['RPUSH', 'l', 'a', 'b'], ['LLEN', 'l'], ['SET', 's', 'v'], ['LLEN', 's']]);
    });

    it('LINSERT inserts before or after the first pivot, answers -1 without a pivot and 0 without a key', async () => {
      await all(d.pair, [
        ['LINSERT', 'l', 'BEFORE', 'a', 'x'], ['RPUSH', 'l', 'a', 'b', 'a', 'c'], ['LINSERT', 'l', 'before', 'a', 'x'],
        ['LINSERT', 'l', 'AFTER', 'a', 'y'], ['LINSERT', 'l', 'after', 'c', 'z'], ['LINSERT', 'l', 'BEFORE', 'nope', 'q'],
        ['LRANGE', 'l', '0', '-1'], ['LINSERT', 'l', 'middle', 'a', 'q'], ['LINSERT', 'nokey', 'middle', 'a', 'q'],
        ['SET', 's', 'v'], ['LINSERT', 's', 'before', 'a', 'b'], ['LINSERT', 's', 'around', 'a', 'b'],
        ['LINSERT', 'l', 'BEFORE\0', 'a', 'x'], ['LRANGE', 'l', '0', '-1'],
      ]);
    });
  });

  describe('changes', () => {
    it('LSET replaces by index and reports a missing key, a wrong type, a bad index and a range error in that order', async () => {
      await all(d.pair, [
        ['LSET', 'nokey', 'x', 'v'], ['RPUSH', 'l', 'a', 'b', 'c'], ['LSET', 'l', '0', 'A'], ['LSET', 'l', '-1', 'C'],
        ['LSET', 'l', '3', 'v'], ['LSET', 'l', '-4', 'v'], ['LSET', 'l', 'x', 'v'], ['LRANGE', 'l', '0', '-1'],
        ['SET', 's', 'v'], ['LSET', 's', 'x', 'v'],
      ]);
    });

    it('LREM removes from the head, the tail or everywhere and deletes an emptied list', async () => {
      await d.pair.cmd('RPUSH', 'l', 'a', 'b', 'a', 'c', 'a', 'b', 'a');
      await all(d.pair, [
        ['LREM', 'l', '2', 'a'], ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', '-1', 'b'], ['LRANGE', 'l', '0', '-1'],
        ['LREM', 'l', '0', 'a'], ['LRANGE', 'l', '0', '-1'], ['LREM', 'l', '0', 'zz'], ['LREM', 'l', 'x', 'a'],
        ['LREM', 'l', '-100', 'b'], ['LREM', 'l', '0', 'c'], ['EXISTS', 'l'], ['LREM', 'nokey', '1', 'a'], ['LREM', 'nokey', 'x', 'a'],
        ['SET', 's', 'v'], ['LREM', 's', '1', 'a'], ['LREM', 's', 'x', 'a'],
      ]);
    });

    it('LTRIM keeps a range, deletes the key when nothing remains, and answers OK for a missing key', async () => {
      const ranges = [['1', '-2'], ['0', '100'], ['-2', '-1'], ['1', '0']];
      await d.pair.cmd('RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f');
      for (const [s, e] of ranges) {
        await d.pair.cmd('LTRIM', 'l', s, e);
        await d.pair.cmd('LRANGE', 'l', '0', '-1');
      }
      await all(d.pair, [
        ['EXISTS', 'l'], ['LTRIM', 'nokey', '0', '1'], ['LTRIM', 'nokey', 'x', '1'], ['RPUSH', 'l', 'a'], ['LTRIM', 'l', '0', 'y'],
        ['LTRIM', 'l', '5', '10'], ['EXISTS', 'l'], ['SET', 's', 'v'], ['LTRIM', 's', '0', '1'],
      ]);
    });
  });

  describe('pops', () => {
    it('LPOP and RPOP pop one element as a bulk, and with COUNT an array in pop order', async () => {
      await all(d.pair, [
        ['RPUSH', 'l', 'a', 'b', 'c', 'd', 'e', 'f'], ['LPOP', 'l'], ['RPOP', 'l'], ['LPOP', 'l', '2'], ['RPOP', 'l', '1'],
        ['RPOP', 'l', '0'], ['LPOP', 'l', '0'], ['LRANGE', 'l', '0', '-1'], ['RPOP', 'l', '10'], ['EXISTS', 'l'],
        ['LPOP', 'l'], ['LPOP', 'l', '1'], ['RPOP', 'l', '0'], ['RPUSH', 'l', 'x'], ['LPOP', 'l'], ['EXISTS', 'l'],
      ]);
    });

    it('LPOP and RPOP reject extra arguments and a bad COUNT before looking at the key', async () => {
      await all(d.pair, [
        ['SET', 's', 'v'], ['LPOP', 's', '1', '2'], ['LPOP', 's', '-1'], ['RPOP', 's', 'x'], ['LPOP', 's', '0'], ['RPOP', 's'],
        ['LPOP', 'nokey', '-1'], ['RPOP', 'nokey', '1', '2'], ['LPOP', 'nokey', '9223372036854775808'],
      ]);
    });

    it('LMPOP pops from the first non-empty list of its keys', async () => {
      await all(d.pair, [
        ['LMPOP', '2', 'a', 'b', 'LEFT'], ['RPUSH', 'b', '1', '2', '3', '4'], ['LMPOP', '2', 'a', 'b', 'LEFT'],
        ['LMPOP', '2', 'a', 'b', 'RIGHT', 'COUNT', '2'], ['RPUSH', 'a', 'x'], ['LMPOP', '2', 'a', 'b', 'left', 'count', '10'],
        ['LMPOP', '2', 'a', 'b', 'right', 'count', '10'], ['EXISTS', 'a', 'b'],
      ]);
    });

    it('LMPOP reports numkeys, side, COUNT and type errors in Redis order', async () => {
      await all(d.pair, [
        ['SET', 's', 'v'], ['LMPOP', '0', 's', 'LEFT'], ['LMPOP', 'x', 's', 'LEFT'], ['LMPOP', '-1', 's', 'LEFT'],
        ['LMPOP', '2', 's', 'LEFT'], ['LMPOP', '1', 's', 'MIDDLE'], ['LMPOP', '1', 's', 'LEFT', 'COUNT'],
        ['LMPOP', '1', 's', 'LEFT', 'COUNT', '0'], ['LMPOP', '1', 's', 'LEFT', 'COUNT', 'x'], ['LMPOP', '1', 's', 'LEFT', 'COUNT', '1', 'COUNT', '1'],
        ['LMPOP', '1', 's', 'LEFT', 'FOO'], ['LMPOP', '1', 's', 'LEFT'], ['RPUSH', 'l', 'a'], ['LMPOP', '2', 'l', 's', 'LEFT'],
        ['LMPOP', '2', 'nokey', 's', 'LEFT'], ['LMPOP', '9223372036854775807', 's', 'LEFT'],
      ]);
    });
  });

  describe('LPOS', () => {
    it('LPOS finds the first match, the rank-th from either end, COUNT matches and respects MAXLEN', async () => {
      await d.pair.cmd('RPUSH', 'l', 'a', 'b', 'c', 'a', 'b', 'a', 'c', 'a');
      const opts = [
        [], ['RANK', '2'], ['RANK', '-1'], ['RANK', '-2'], ['RANK', '10'], ['COUNT', '0'], ['COUNT', '2'], ['COUNT', '2', 'RANK', '-1'],
        ['MAXLEN', '4'], ['MAXLEN', '4', 'COUNT', '0'], ['RANK', '-1', 'MAXLEN', '2', 'COUNT', '0'], ['RANK', '3', 'COUNT', '0', 'MAXLEN', '7'],
        ['rank', '1', 'rank', '2'], ['count', '1', 'count', '0'], ['MAXLEN', '0'], ['RANK', '-9223372036854775808'],
        ['RANK', '-9223372036854775808', 'COUNT', '1'], ['RANK', '-9223372036854775807', 'COUNT', '0'], ['RANK', '9223372036854775807'],
      ];
      for (const o of opts) {
        await d.pair.cmd('LPOS', 'l', 'a', ...o);
        await d.pair.cmd('LPOS', 'l', 'zz', ...o);
      }
      await all(d.pair, [['LPOS', 'nokey', 'a'], ['LPOS', 'nokey', 'a', 'COUNT', '1'], ['LPOS', 'l', 'c', 'RANK', '-1']]);
    });

    it('LPOS rejects bad options before looking at the key', async () => {
      await d.pair.cmd('SET', 's', 'v');
      const bad = [
        ['RANK', '0'], ['RANK', 'x'], ['COUNT', '-1'], ['COUNT', 'x'], ['MAXLEN', '-1'], ['MAXLEN', 'x'], ['RANK'], ['FOO', '1'],
        ['COUNT', '1', 'RANK'], ['RANK', '1', 'RANK', '0'], [],
      ];
      for (const o of bad) {
        await d.pair.cmd('LPOS', 's', 'a', ...o);
        await d.pair.cmd('LPOS', 'nokey', 'a', ...o);
      }
    });
  });

  describe('moves', () => {
    it('LMOVE moves between the four ends and answers the element', async () => {
      await d.pair.cmd('RPUSH', 'src', '1', '2', '3', '4', '5');
      for (const [from, to] of [['LEFT', 'RIGHT'], ['RIGHT', 'LEFT'], ['left', 'left'], ['right', 'right']]) {
        await d.pair.cmd('LMOVE', 'src', 'dst', from, to);
        await d.pair.cmd('LRANGE', 'dst', '0', '-1');
      }
      await all(d.pair, [['LRANGE', 'src', '0', '-1'], ['LMOVE', 'src', 'dst', 'LEFT', 'LEFT'], ['EXISTS', 'src'], ['LMOVE', 'src', 'dst', 'LEFT', 'LEFT']]);
    });

    it('LMOVE and RPOPLPUSH on one key rotate it, even when it holds a single element', async () => {
      await all(d.pair, [
        ['RPUSH', 'l', 'a', 'b', 'c'], ['LMOVE', 'l', 'l', 'LEFT', 'RIGHT'], ['RPOPLPUSH', 'l', 'l'], ['LRANGE', 'l', '0', '-1'],
        ['RPUSH', 'one', 'x'], ['RPOPLPUSH', 'one', 'one'], ['LMOVE', 'one', 'one', 'LEFT', 'LEFT'], ['LRANGE', 'one', '0', '-1'],
      ]);
    });

    it('LMOVE checks its sides first, then the source, then the destination type', async () => {
      await all(d.pair, [
        ['SET', 's', 'v'], ['LMOVE', 's', 'd', 'UP', 'LEFT'], ['LMOVE', 's', 'd', 'LEFT', 'DOWN'], ['LMOVE', 's', 'd', 'LEFT', 'LEFT'],
        ['LMOVE', 'nokey', 's', 'LEFT', 'LEFT'], ['RPUSH', 'l', 'a'], ['LMOVE', 'l', 's', 'LEFT', 'LEFT'], ['LRANGE', 'l', '0', '-1'],
        ['RPOPLPUSH', 'l', 's'], ['RPOPLPUSH', 's', 'l'], ['RPOPLPUSH', 'nokey', 'l'], ['EXISTS', 'nokey'],
      ]);
    });
  });

  describe('types and protocols', () => {
    it('commands of other types fail against a list and list commands against a string', async () => {
      await all(d.pair, [
        ['RPUSH', 'l', 'a'], ['GET', 'l'], ['INCR', 'l'], ['APPEND', 'l', 'x'], ['SET', 's', 'v'], ['LPUSH', 's', 'a'], ['RPUSH', 's', 'a'],
        ['LPOP', 's'], ['RPOP', 's', '2'], ['TYPE', 'l'], ['SET', 'l', 'v'], ['TYPE', 'l'],
      ]);
    });

    it('the null replies take their RESP3 form after HELLO 3', async () => {
      await d.pair.both('HELLO', '3');
      await all(d.pair, [
        ['LPOP', 'nokey'], ['RPOP', 'nokey', '2'], ['LINDEX', 'nokey', '0'], ['LPOS', 'nokey', 'a'], ['LMPOP', '1', 'nokey', 'LEFT'],
        ['LMOVE', 'nokey', 'd', 'LEFT', 'LEFT'], ['RPUSH', 'l', 'a', 'b'], ['LINDEX', 'l', '5'], ['LPOS', 'l', 'z'], ['LPOP', 'l', '5'],
        ['RPUSH', 'l', 'a'], ['LMPOP', '1', 'l', 'LEFT'],
      ]);
    });

    it('keys and elements are binary-safe', async () => {
      const k = Buffer.from([0, 0xff, 0x0d, 0x0a, 0x80]);
      const v = Buffer.from([0xc3, 0x28, 0, 0x0a]);
      await all(d.pair, [
        ['RPUSH', k, v, 'x'], ['LRANGE', k, '0', '-1'], ['LPOS', k, v], ['LMPOP', '1', k, 'LEFT'], ['LMOVE', k, k, 'LEFT', 'RIGHT'],
        ['LINSERT', k, 'BEFORE', 'x', v], ['LREM', k, '0', v], ['LRANGE', k, '0', '-1'],
      ]);
    });

    it('a list survives RENAME, COPY and MOVE with its encoding', async () => {
      await all(d.pair, [
        ['RPUSH', 'l', 'a', 'b'], ['RENAME', 'l', 'm'], ['LRANGE', 'm', '0', '-1'], ['COPY', 'm', 'c'], ['RPUSH', 'c', 'z'],
        ['LRANGE', 'm', '0', '-1'], ['LRANGE', 'c', '0', '-1'], ['OBJECT', 'ENCODING', 'c'], ['MOVE', 'c', '1'], ['SELECT', '1'],
        ['LRANGE', 'c', '0', '-1'], ['SELECT', '0'],
      ]);
    });
  });

  describe('side effects', () => {
    it('a change made by another client makes EXEC fail, and a command that changed nothing does not', async () => {
      const other = await d.newPair();
      const cases: [string[], boolean][] = [
        [['LTRIM', 'l', '0', '-1'], true], [['LREM', 'l', '0', 'zz'], false], [['LSET', 'l', '9', 'x'], false],
        [['LINSERT', 'l', 'BEFORE', 'zz', 'x'], false], [['LPUSHX', 'nokey', 'x'], false], [['RPUSH', 'l', 'x'], true],
        [['LPOS', 'l', 'a'], false], [['LMOVE', 'l', 'l', 'LEFT', 'RIGHT'], true], [['LPOP', 'l', '0'], false],
      ];
      for (const [cmd] of cases) {
        await d.pair.cmd('DEL', 'l');
        await d.pair.cmd('RPUSH', 'l', 'a', 'b');
        await d.pair.cmd('WATCH', 'l', 'nokey');
        await other.cmd(...cmd);
        await d.pair.cmd('MULTI');
        await d.pair.cmd('PING');
        await d.pair.cmd('EXEC');
      }
    });

    it('reads count keyspace hits and misses and writes do not, as in Redis', async () => {
      await d.pair.cmd('CONFIG', 'RESETSTAT');
      await all(d.pair, [
        ['RPUSH', 'l', 'a', 'b'], ['LLEN', 'l'], ['LLEN', 'nokey'], ['LRANGE', 'l', '0', '-1'], ['LRANGE', 'nokey', '0', '-1'],
        ['LINDEX', 'l', '0'], ['LINDEX', 'nokey', '0'], ['LPOS', 'l', 'a'], ['LPOS', 'nokey', 'a'], ['LPOP', 'nokey'], ['LSET', 'l', '0', 'x'],
        ['LMOVE', 'nokey', 'l', 'LEFT', 'LEFT'], ['LMPOP', '1', 'nokey', 'LEFT'], ['BLPOP', 'l', '0'], ['LPUSHX', 'nokey', 'a'],
      ]);
      const [r, f] = await d.pair.both('INFO', 'stats');
      const stat = (b: Buffer) => /keyspace_hits:\d+\r\nkeyspace_misses:\d+/.exec(b.toString())?.[0];
      expect(stat(f)).to.equal(stat(r)).and.to.not.equal(undefined);
    });

    it('keyspace events name each change in Redis order, with del when a list empties', async function () {
      const sub = await d.newPair();
      await sub.cmd('PSUBSCRIBE', '__keyevent@0__:*');
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
      try {
        await all(d.pair, [
          ['RPUSH', 'l', 'a', 'b', 'c'], ['LPUSH', 'l', 'z'], ['LINSERT', 'l', 'AFTER', 'a', 'i'], ['LSET', 'l', '0', 'Z'],
          ['LREM', 'l', '1', 'i'], ['LTRIM', 'l', '0', '-1'], ['LPOP', 'l'], ['RPOP', 'l', '1'], ['LMOVE', 'l', 'm', 'LEFT', 'RIGHT'],
          ['LMPOP', '1', 'l', 'LEFT'], ['RPOPLPUSH', 'm', 'm'], ['LREM', 'm', '0', 'a'], ['RPUSH', 'm', 'x'], ['LTRIM', 'm', '5', '6'],
          ['RPUSH', 'm', 'y'], ['BLPOP', 'nokey', 'm', '0'], ['SET', 'sentinel', '1'],
        ]);
        for (;;) {
          const [r, f] = await Promise.all([sub.redis.readRaw(), sub.faha.readRaw()]);
          expect(show(f)).to.equal(show(r));
          if (r.includes('sentinel')) break;
        }
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', '');
      }
    });
  });

  it('a few thousand random list commands get the same replies from both servers', async function () {
    this.timeout(20000);
    const rnd = prng(20240607);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
    const keys = ['a', 'b', 'c'];
    const vals = ['x', 'y', 'z', '1', '', 'long-' + 'v'.repeat(40)];
    const idx = () => String(Math.floor(rnd() * 14) - 7);
    const side = () => pick(['LEFT', 'RIGHT']);
    const gens: (() => string[])[] = [
      () => ['LPUSH', pick(keys), pick(vals), pick(vals)],
      () => ['RPUSH', pick(keys), pick(vals)],
      () => ['LPUSHX', pick(keys), pick(vals)],
      () => ['RPUSHX', pick(keys), pick(vals)],
      () => ['LPOP', pick(keys)],
      () => ['RPOP', pick(keys), String(Math.floor(rnd() * 4))],
      () => ['LLEN', pick(keys)],
      () => ['LRANGE', pick(keys), idx(), idx()],
      () => ['LINDEX', pick(keys), idx()],
      () => ['LSET', pick(keys), idx(), pick(vals)],
      () => ['LINSERT', pick(keys), pick(['BEFORE', 'AFTER']), pick(vals), pick(vals)],
      () => ['LREM', pick(keys), idx(), pick(vals)],
      () => ['LTRIM', pick(keys), idx(), idx()],
      () => ['LPOS', pick(keys), pick(vals), 'RANK', pick(['1', '2', '-1', '-2']), 'COUNT', pick(['0', '1', '2']), 'MAXLEN', pick(['0', '3'])],
      () => ['LMOVE', pick(keys), pick(keys), side(), side()],
      () => ['RPOPLPUSH', pick(keys), pick(keys)],
      () => ['LMPOP', '2', pick(keys), pick(keys), side(), 'COUNT', String(1 + Math.floor(rnd() * 3))],
      () => ['LRANGE', pick(keys), '0', '-1'],
    ];
    // Pipelined in batches: one round trip per batch keeps the run short on a loaded machine.
    for (let b = 0; b < 25; b++) {
      const batch = Array.from({ length: 100 }, () => pick(gens)());
      for (const c of batch) {
        d.pair.redis.send(...c);
        d.pair.faha.send(...c);
      }
      for (const c of batch) {
        const [r, f] = await Promise.all([d.pair.redis.readRaw(), d.pair.faha.readRaw()]);
        expect(show(f), c.join(' ')).to.equal(show(r));
      }
    }
    for (const k of keys) await d.pair.cmd('LRANGE', k, '0', '-1');
  });
});
