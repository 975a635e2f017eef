// Differential: the set commands (t_set.c) against redis-server 7.0 — replies byte for byte where Redis's order is
// defined (an intset iterates in ascending order), as multisets where it is hash order, encodings (intset ->
// hashtable, never back), the order errors are detected in, *STORE results, random commands by count and
// membership, SSCAN, keyspace notifications, and a seeded random run of the family.
import { expect } from 'chai';
import { decodeReply } from '../server/testing/resp-frame.js';
import { RawClient as Client } from '../server/testing/raw-client.js';
import { startFaha } from '../server/testing/servers.js';
import { differential, type Pair } from './harness.js';

/** The members of an array or set reply, as latin1 strings, in reply order. */
function membersOf(raw: Buffer): string[] {
  const { value } = decodeReply(raw);
  const items = value instanceof Set ? [...value] : (value as unknown[]);
  return items.map((b) => (b as Buffer).toString('latin1'));
}

/** Switches both connections to RESP3 (HELLO's own reply carries server-specific fields, so it is not compared). */
async function resp3(pair: Pair): Promise<void> {
  await pair.both('HELLO', '3');
}

const range = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => String(from + i));

/** An SSCAN reply: cursor and members. */
function parseScan(raw: Buffer): { cursor: string; members: string[] } {
  const { value } = decodeReply(raw);
  const [cursor, members] = value as [Buffer, Buffer[]];
  return { cursor: cursor.toString('latin1'), members: members.map((m) => m.toString('latin1')) };
}

async function fullSscan(c: Client, key: string, ...options: string[]): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const r = parseScan(await c.call('SSCAN', key, cursor, ...options));
    out.push(...r.members);
    cursor = r.cursor;
  } while (cursor !== '0' && ++calls < 10000);
  return out.sort();
}

/** Every message a subscriber receives up to the one published on channel "marker", as raw strings. */
async function untilMarker(c: Client): Promise<string[]> {
  const out: string[] = [];
  for (;;) {
    const msg = (await c.readRaw()).toString('latin1');
    if (msg.includes('marker')) return out;
    out.push(msg);
  }
}

describe('compat: set commands', () => {
  const d = differential();

  describe('SADD, SREM, SCARD, SISMEMBER, SMISMEMBER', () => {
    it('SADD counts only new members and SCARD counts them all', async () => {
      await d.pair.cmd('SADD', 's', 'a', 'b', 'a', 'c');
      await d.pair.cmd('SADD', 's', 'a', 'd');
      await d.pair.cmd('SADD', 's', 'a');
      await d.pair.cmd('SCARD', 's');
      await d.pair.cmd('SCARD', 'nokey');
      await d.pair.cmd('SADD', 's');
      await d.pair.cmd('TYPE', 's');
    });

    it('members are binary-safe, including empty and NUL-carrying ones', async () => {
      const bin = Buffer.from([0, 255, 13, 10, 128]);
      await d.pair.cmd('SADD', 'b', bin, '', Buffer.from('é'));
      await d.pair.cmd('SISMEMBER', 'b', bin);
      await d.pair.cmd('SISMEMBER', 'b', '');
      await d.pair.cmdSorted('SMEMBERS', 'b');
      await d.pair.cmd('SREM', 'b', bin, '');
      await d.pair.cmd('SMEMBERS', 'b');
    });

    it('SISMEMBER and SMISMEMBER answer for present, absent and missing keys, in RESP2 and RESP3', async () => {
      await d.pair.cmd('SADD', 's', '1', '2', 'x');
      for (let round = 0; round < 2; round++) {
        await d.pair.cmd('SISMEMBER', 's', '1');
        await d.pair.cmd('SISMEMBER', 's', '01');
        await d.pair.cmd('SISMEMBER', 'nokey', 'a');
        await d.pair.cmd('SMISMEMBER', 's', 'x', 'y', '2', '+2');
        await d.pair.cmd('SMISMEMBER', 'nokey', 'a', 'b');
        await resp3(d.pair);
      }
    });

    it('SREM counts removed members and deletes the key when the set empties', async () => {
      await d.pair.cmd('SREM', 'nokey', 'a');
      await d.pair.cmd('SADD', 's', 'a', 'b', '1');
      await d.pair.cmd('SREM', 's', 'a', 'zz', 'a');
      await d.pair.cmd('SREM', 's', '1', 'b', 'c');
      await d.pair.cmd('EXISTS', 's');
      await d.pair.cmd('SADD', 'i', '1', '2');
      await d.pair.cmd('SREM', 'i', '01', '1.0', '2');
      await d.pair.cmd('SMEMBERS', 'i');
    });
  });

  describe('encodings', () => {
    it('a set of string2ll integers is an intset; any other member makes it a hashtable for good', async () => {
      for (const m of ['01', '+1', '-0', ' 1', '1 ', '1.5', '9223372036854775808', '-9223372036854775809', 'a', '']) {
        await d.pair.cmd('DEL', 's');
        await d.pair.cmd('SADD', 's', '1', m);
        await d.pair.cmd('OBJECT', 'ENCODING', 's');
      }
      await d.pair.cmd('DEL', 's');
      await d.pair.cmd('SADD', 's', '9223372036854775807', '-9223372036854775808', '0', '-1');
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      await d.pair.cmd('SMEMBERS', 's');
      await d.pair.cmd('SADD', 's', 'x');
      await d.pair.cmd('SREM', 's', 'x');
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      await d.pair.cmd('SADD', 'h', 'x', '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'h');
    });

    it('an intset becomes a hashtable past set-max-intset-entries, and a rebuilt result can be an intset again', async () => {
      try {
        await d.pair.cmd('CONFIG', 'SET', 'set-max-intset-entries', '4');
        await d.pair.cmd('SADD', 's', '4', '3', '2', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 's');
        await d.pair.cmd('SMEMBERS', 's');
        await d.pair.cmd('SADD', 's', '5');
        await d.pair.cmd('OBJECT', 'ENCODING', 's');
        await d.pair.cmd('SREM', 's', '5', '4');
        await d.pair.cmd('OBJECT', 'ENCODING', 's');
        // A result set is built afresh: three integers fit an intset, replied in ascending order.
        await d.pair.cmd('SUNIONSTORE', 'u', 's');
        await d.pair.cmd('OBJECT', 'ENCODING', 'u');
        await d.pair.cmd('SUNION', 's');
        await d.pair.cmd('SADD', 'z', '1');
        await d.pair.cmd('CONFIG', 'SET', 'set-max-intset-entries', '0');
        await d.pair.cmd('SADD', 'zero', '1');
        await d.pair.cmd('OBJECT', 'ENCODING', 'zero');
        await d.pair.cmd('OBJECT', 'ENCODING', 'z');
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'set-max-intset-entries', '512');
      }
    });

    it('SPOP keeping few survivors rebuilds the set, as an intset when the survivors allow', async () => {
      await d.pair.cmd('SADD', 's', 'x', ...range(10));
      await d.pair.cmd('SREM', 's', 'x');
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      // Which members go is random; how many, and the encoding left behind, are not.
      const [r1, f1] = await d.pair.cmdKnown('set-random-members', 'SPOP', 's', '1');
      expect(membersOf(f1).length).to.equal(membersOf(r1).length);
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      const [r8, f8] = await d.pair.cmdKnown('set-random-members', 'SPOP', 's', '8');
      expect(membersOf(f8).length).to.equal(membersOf(r8).length);
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      await d.pair.cmd('SCARD', 's');
    });
  });

  describe('SMEMBERS and WRONGTYPE', () => {
    it('SMEMBERS replies an intset in ascending order, byte for byte in RESP2 and RESP3', async () => {
      await d.pair.cmd('SADD', 's', '10', '-5', '3', '1000000', '0', '-9223372036854775808');
      await d.pair.cmd('SMEMBERS', 's');
      await d.pair.cmd('SMEMBERS', 'nokey');
      await d.pair.cmd('SADD', 'h', 'b', 'a', 'c');
      await d.pair.cmdSorted('SMEMBERS', 'h');
      await resp3(d.pair);
      await d.pair.cmd('SMEMBERS', 's');
      await d.pair.cmd('SMEMBERS', 'nokey');
      await d.pair.cmdSorted('SMEMBERS', 'h');
    });

    it('every set command fails against a key holding a string, and string commands fail against a set', async () => {
      await d.pair.cmd('SET', 'str', 'v');
      await d.pair.cmd('SADD', 'set', 'a');
      const cmds = [
        ['SADD', 'str', 'a'], ['SREM', 'str', 'a'], ['SCARD', 'str'], ['SISMEMBER', 'str', 'a'], ['SMISMEMBER', 'str', 'a'],
        ['SMEMBERS', 'str'], ['SPOP', 'str'], ['SPOP', 'str', '2'], ['SPOP', 'str', '0'], ['SRANDMEMBER', 'str'], ['SRANDMEMBER', 'str', '0'],
        ['SRANDMEMBER', 'str', '-2'], ['SMOVE', 'str', 'set', 'a'], ['SMOVE', 'set', 'str', 'a'], ['SINTER', 'set', 'str'],
        ['SINTER', 'nokey', 'str'], ['SINTERCARD', '2', 'nokey', 'str'], ['SINTERSTORE', 'd', 'nokey', 'str'], ['SUNION', 'set', 'str'],
        ['SUNIONSTORE', 'd', 'str'], ['SDIFF', 'set', 'str'], ['SDIFF', 'nokey', 'str'], ['SDIFFSTORE', 'd', 'set', 'str'],
        ['SSCAN', 'str', '0'], ['SSCAN', 'str', '0', 'COUNT', '0'],
      ];
      for (const c of cmds) await d.pair.cmd(...c);
      for (const c of [['GET', 'set'], ['APPEND', 'set', 'x'], ['INCR', 'set'], ['STRLEN', 'set']]) await d.pair.cmd(...c);
      await d.pair.cmd('EXISTS', 'd');
    });
  });

  describe('SMOVE', () => {
    it('moves a member, creating and deleting keys as needed', async () => {
      await d.pair.cmd('SMOVE', 'nokey', 'dst', 'a');
      await d.pair.cmd('SET', 'str', 'v');
      await d.pair.cmd('SMOVE', 'nokey', 'str', 'a');
      await d.pair.cmd('SADD', 'src', '1', '2', 'a');
      await d.pair.cmd('SMOVE', 'src', 'dst', 'zz');
      await d.pair.cmd('SMOVE', 'src', 'dst', '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await d.pair.cmd('SMOVE', 'src', 'dst', 'a');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await d.pair.cmd('SADD', 'dst', '2');
      await d.pair.cmd('SMOVE', 'src', 'dst', '2');
      await d.pair.cmd('EXISTS', 'src');
      await d.pair.cmdSorted('SMEMBERS', 'dst');
    });

    it('moving within one key only tells whether the member is there', async () => {
      await d.pair.cmd('SADD', 's', 'a');
      await d.pair.cmd('SMOVE', 's', 's', 'a');
      await d.pair.cmd('SMOVE', 's', 's', 'b');
      await d.pair.cmd('SMEMBERS', 's');
    });
  });

  describe('SPOP and SRANDMEMBER', () => {
    it('reject bad counts and extra arguments before looking at the key', async () => {
      await d.pair.cmd('SET', 'str', 'v');
      for (const k of ['str', 'nokey']) {
        for (const c of ['-1', 'abc', '1.5', '', '9223372036854775808']) await d.pair.cmd('SPOP', k, c);
        for (const c of ['abc', '1.5', '-9223372036854775808', '9223372036854775808']) await d.pair.cmd('SRANDMEMBER', k, c);
        await d.pair.cmd('SPOP', k, '1', '2');
        await d.pair.cmd('SRANDMEMBER', k, '1', '2');
      }
    });

    it('answer empty replies for a missing key and a zero count, in RESP2 and RESP3', async () => {
      await d.pair.cmd('SADD', 's', 'a');
      for (let round = 0; round < 2; round++) {
        await d.pair.cmd('SPOP', 'nokey');
        await d.pair.cmd('SPOP', 'nokey', '3');
        await d.pair.cmd('SPOP', 's', '0');
        await d.pair.cmd('SRANDMEMBER', 'nokey');
        await d.pair.cmd('SRANDMEMBER', 'nokey', '3');
        await d.pair.cmd('SRANDMEMBER', 's', '0');
        await d.pair.cmd('SRANDMEMBER', 'nokey', '-3');
        await resp3(d.pair);
      }
    });

    it('SPOP of the whole set replies it as a fresh result set (ascending when all integers) and deletes the key', async () => {
      for (let round = 0; round < 2; round++) {
        await d.pair.cmd('SADD', 'i', '5', '3', '9');
        await d.pair.cmd('SPOP', 'i', '3');
        await d.pair.cmd('EXISTS', 'i');
        // A hashtable of integers: the reply is rebuilt as an intset, so it is ascending too.
        await d.pair.cmd('SADD', 'h', 'x', '7', '2', '11');
        await d.pair.cmd('SREM', 'h', 'x');
        await d.pair.cmd('SPOP', 'h', '100');
        await d.pair.cmd('SADD', 'w', 'b', 'a');
        await d.pair.cmdSorted('SPOP', 'w', '2');
        await d.pair.cmd('SADD', 'one', 'only');
        await d.pair.cmd('SPOP', 'one');
        await d.pair.cmd('EXISTS', 'one');
        await resp3(d.pair);
      }
    });

    it('SPOP removes exactly the members it replies, for every strategy', async () => {
      for (const [size, count] of [[20, 1], [20, 3], [20, 19], [20, 15], [600, 550], [600, 20]]) {
        for (const extra of [[], ['x']]) {
          await d.pair.cmd('DEL', 's');
          await d.pair.cmd('SADD', 's', ...range(size), ...extra);
          const popped = membersOf(await d.pair.faha.call('SPOP', 's', String(count)));
          expect(popped.length).to.equal(count);
          expect(new Set(popped).size).to.equal(count);
          await d.pair.redis.call('SREM', 's', ...popped);
          await d.pair.cmdSorted('SMEMBERS', 's');
          await d.pair.cmd('SCARD', 's');
        }
      }
      const one = (await d.pair.faha.call('SPOP', 's')).toString('latin1').split('\r\n')[1];
      await d.pair.redis.call('SREM', 's', one);
      await d.pair.cmdSorted('SMEMBERS', 's');
    });

    it('SRANDMEMBER returns the requested number of members, distinct for a positive count', async () => {
      await d.pair.cmd('SADD', 'i', '3', '1', '2');
      await d.pair.cmd('SRANDMEMBER', 'i', '3');
      await d.pair.cmd('SRANDMEMBER', 'i', '1000');
      await d.pair.cmd('SADD', 's', ...range(100), 'x');
      const all = new Set(membersOf(await d.pair.faha.call('SMEMBERS', 's')));
      for (const count of ['1', '2', '40', '80', '100', '-1', '-5', '-300']) {
        const [r, f] = await d.pair.cmdKnown('set-random-members', 'SRANDMEMBER', 's', count);
        const rm = membersOf(r);
        const fm = membersOf(f);
        expect(fm.length, `SRANDMEMBER ${count}`).to.equal(rm.length);
        expect(f[0], 'reply type').to.equal(r[0]);
        for (const m of fm) expect(all.has(m), m).to.equal(true);
        if (!count.startsWith('-')) expect(new Set(fm).size).to.equal(fm.length);
      }
      await d.pair.cmdSorted('SRANDMEMBER', 's', '101');
      const single = (await d.pair.faha.call('SRANDMEMBER', 's')).toString('latin1').split('\r\n')[1];
      expect(all.has(single)).to.equal(true);
      await resp3(d.pair);
      await d.pair.cmd('SRANDMEMBER', 'i', '5');
      const [r, f] = await d.pair.cmdKnown('set-random-members', 'SRANDMEMBER', 'i', '-4');
      expect([f[0], membersOf(f).length]).to.deep.equal([r[0], 4]);
    });

    it('a one-member set answers SPOP and SRANDMEMBER identically whatever the count', async () => {
      await d.pair.cmd('SADD', 's', 'm');
      await d.pair.cmd('SRANDMEMBER', 's');
      await d.pair.cmd('SRANDMEMBER', 's', '-3');
      await d.pair.cmd('SRANDMEMBER', 's', '1');
      await d.pair.cmd('SPOP', 's', '1');
      await d.pair.cmd('EXISTS', 's');
    });
  });

  describe('SINTER, SINTERCARD, SINTERSTORE', () => {
    it('intersect in the smallest set\'s order (ascending for an intset); a missing key empties the result', async () => {
      await d.pair.cmd('SADD', 'a', '5', '1', '3', '7', '9');
      await d.pair.cmd('SADD', 'b', '9', '3', '1', 'x');
      await d.pair.cmd('SADD', 'c', '3', '9', '1');
      await d.pair.cmd('SINTER', 'a', 'b', 'c');
      await d.pair.cmd('SINTER', 'a', 'c');
      await d.pair.cmd('SINTER', 'a', 'a');
      await d.pair.cmd('SINTER', 'a', 'nokey');
      await d.pair.cmd('SINTER', 'nokey', 'a');
      await d.pair.cmdSorted('SINTER', 'b', 'b');
      await resp3(d.pair);
      await d.pair.cmd('SINTER', 'a', 'c');
      await d.pair.cmd('SINTER', 'a', 'nokey');
    });

    it('SINTERCARD validates numkeys and LIMIT first, then counts up to the limit', async () => {
      await d.pair.cmd('SADD', 'a', '1', '2', '3', '4');
      await d.pair.cmd('SADD', 'b', '2', '3', '4', '5');
      const bad = [
        ['0', 'a'], ['-1', 'a'], ['abc', 'a'], ['3', 'a', 'b'], ['2', 'a', 'b', 'LIMIT'], ['2', 'a', 'b', 'LIMIT', '-1'],
        ['2', 'a', 'b', 'LIMIT', 'x'], ['2', 'a', 'b', 'FOO', '1'], ['1', 'a', 'b'], ['9223372036854775808', 'a'],
      ];
      for (const args of bad) await d.pair.cmd('SINTERCARD', ...args);
      await d.pair.cmd('SINTERCARD', '2', 'a', 'b');
      await d.pair.cmd('SINTERCARD', '2', 'a', 'b', 'LIMIT', '0');
      await d.pair.cmd('SINTERCARD', '2', 'a', 'b', 'limit', '2');
      await d.pair.cmd('SINTERCARD', '2', 'a', 'b', 'LIMIT', '9', 'LIMIT', '1');
      await d.pair.cmd('SINTERCARD', '2', 'a', 'nokey');
      await d.pair.cmd('SINTERCARD', '1', 'nokey');
    });

    it('SINTERSTORE replaces the destination (dropping its TTL) or deletes it for an empty result', async () => {
      await d.pair.cmd('SADD', 'a', '1', '2', 'x');
      await d.pair.cmd('SADD', 'b', '2', 'x', '1', 'y');
      await d.pair.cmd('SET', 'dst', 'old', 'EX', '100');
      await d.pair.cmd('SINTERSTORE', 'dst', 'a', 'b');
      await d.pair.cmd('TTL', 'dst');
      await d.pair.cmd('TYPE', 'dst');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await d.pair.cmdSorted('SMEMBERS', 'dst');
      await d.pair.cmd('SREM', 'b', 'x', 'y');
      await d.pair.cmd('SINTERSTORE', 'dst', 'a', 'b');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await d.pair.cmd('SMEMBERS', 'dst');
      await d.pair.cmd('SINTERSTORE', 'dst', 'a', 'nokey');
      await d.pair.cmd('EXISTS', 'dst');
      await d.pair.cmd('SINTERSTORE', 'dst', 'a', 'nokey');
      await d.pair.cmd('SADD', 'c', 'q');
      await d.pair.cmd('SINTERSTORE', 'dst', 'a', 'c');
      await d.pair.cmd('EXISTS', 'dst');
      await d.pair.cmd('SINTERSTORE', 'a', 'a', 'b');
      await d.pair.cmd('SMEMBERS', 'a');
    });
  });

  describe('SUNION, SDIFF and their STORE forms', () => {
    it('unions are ascending while they fit an intset, and treat missing keys as empty', async () => {
      await d.pair.cmd('SADD', 'a', '3', '1');
      await d.pair.cmd('SADD', 'b', '2', '3', '-4');
      await d.pair.cmd('SUNION', 'a', 'nokey', 'b');
      await d.pair.cmd('SUNION', 'nokey');
      await d.pair.cmd('SADD', 'h', 'x', '1');
      await d.pair.cmdSorted('SUNION', 'a', 'h');
      await d.pair.cmd('SUNIONSTORE', 'dst', 'a', 'b');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await d.pair.cmd('SMEMBERS', 'dst');
      await d.pair.cmd('SUNIONSTORE', 'dst', 'nokey');
      await d.pair.cmd('EXISTS', 'dst');
      await d.pair.cmd('SUNIONSTORE', 'dst', 'a', 'h');
      await d.pair.cmd('OBJECT', 'ENCODING', 'dst');
      await resp3(d.pair);
      await d.pair.cmd('SUNION', 'a', 'b');
      await d.pair.cmd('SUNION', 'nokey');
    });

    it('differences follow Redis\'s choice of algorithm, which shows in the result\'s encoding and order', async () => {
      await d.pair.cmd('SADD', 'big', 'x', ...range(40));
      await d.pair.cmd('SADD', 's1', 'x');
      await d.pair.cmd('SADD', 's2', '1');
      await d.pair.cmd('SDIFF', 'big', 's1');
      await d.pair.cmd('SDIFFSTORE', 'd1', 'big', 's1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'd1');
      await d.pair.cmdSorted('SDIFF', 'big', 's1', 's2');
      await d.pair.cmd('SDIFFSTORE', 'd2', 'big', 's1', 's2');
      await d.pair.cmd('OBJECT', 'ENCODING', 'd2');
      await d.pair.cmd('SDIFF', 'big', 'nokey', 'big');
      await d.pair.cmd('SDIFF', 'nokey', 'big');
      await d.pair.cmd('SDIFF', 's2', 's1', 'nokey');
      await d.pair.cmd('SDIFFSTORE', 'd1', 'big', 'big');
      await d.pair.cmd('EXISTS', 'd1');
      await d.pair.cmd('SDIFFSTORE', 'big', 'big', 's1');
      await d.pair.cmd('SMEMBERS', 'big');
      await resp3(d.pair);
      await d.pair.cmd('SDIFF', 's2', 's1');
      await d.pair.cmd('SDIFF', 'nokey');
    });
  });

  describe('SSCAN', () => {
    it('checks the cursor first and its options only once the key is a set', async () => {
      await d.pair.cmd('SADD', 's', '1', '2');
      await d.pair.cmd('SET', 'str', 'v');
      for (const k of ['s', 'nokey', 'str']) {
        await d.pair.cmd('SSCAN', k, 'abc');
        await d.pair.cmd('SSCAN', k, '0', 'COUNT', '0');
        await d.pair.cmd('SSCAN', k, '0', 'COUNT', 'x');
        await d.pair.cmd('SSCAN', k, '0', 'TYPE', 'set');
        await d.pair.cmd('SSCAN', k, '0', 'MATCH');
        await d.pair.cmd('SSCAN', k, '0', 'FOO', 'bar');
      }
    });

    it('an intset answers everything at once with cursor 0, filtered by MATCH', async () => {
      await d.pair.cmd('SADD', 's', ...range(30, -5));
      await d.pair.cmd('SSCAN', 's', '0');
      await d.pair.cmd('SSCAN', 's', '0', 'COUNT', '2');
      await d.pair.cmd('SSCAN', 's', '0', 'MATCH', '1*', 'COUNT', '1');
      await d.pair.cmd('SSCAN', 's', '0', 'MATCH', '*');
      await d.pair.cmd('SSCAN', 's', '12345');
      await resp3(d.pair);
      await d.pair.cmd('SSCAN', 's', '0', 'MATCH', '-*');
    });

    it('a full SSCAN of a hashtable returns every member once, whatever COUNT and MATCH', async () => {
      await d.pair.cmd('SADD', 'h', 'x', ...range(300).map((i) => `m${i}`));
      await d.pair.cmdKnown('sscan-cursor-values', 'SSCAN', 'h', '0');
      for (const opts of [[], ['COUNT', '1'], ['COUNT', '1000'], ['MATCH', 'm1*', 'COUNT', '7']]) {
        const [r, f] = await Promise.all([fullSscan(d.pair.redis, 'h', ...opts), fullSscan(d.pair.faha, 'h', ...opts)]);
        expect(f, `SSCAN ${opts.join(' ')}`).to.deep.equal([...new Set(r)].sort());
      }
      const [r, f] = await d.pair.cmdKnown('sscan-cursor-values', 'SSCAN', 'h', '18446744073709551615');
      expect(parseScan(f).cursor).to.equal('0');
      expect(r[0]).to.equal(f[0]);
    });
  });

  describe('whole-key commands', () => {
    it('RENAME, MOVE, COPY and DEL keep a set\'s members and encoding', async () => {
      await d.pair.cmd('SADD', 'i', '2', '1');
      await d.pair.cmd('SADD', 'h', 'b', 'a');
      await d.pair.cmd('COPY', 'i', 'i2');
      await d.pair.cmd('SADD', 'i2', '0');
      await d.pair.cmd('SMEMBERS', 'i');
      await d.pair.cmd('SMEMBERS', 'i2');
      await d.pair.cmd('RENAME', 'h', 'h2');
      await d.pair.cmd('OBJECT', 'ENCODING', 'h2');
      await d.pair.cmd('MOVE', 'i', '1');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('OBJECT', 'ENCODING', 'i');
      await d.pair.cmd('SMEMBERS', 'i');
      await d.pair.cmd('DEL', 'i');
      await d.pair.cmd('SELECT', '0');
      await d.pair.cmd('TYPE', 'h2');
    });
  });

  describe('keyspace notifications', () => {
    it('set commands raise Redis\'s events in Redis\'s order', async function () {
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
      try {
        const sub = await d.newPair();
        await sub.cmd('PSUBSCRIBE', '__key*__:*', 'marker');
        // The second pattern's confirmation names the marker: take it before waiting for the marker message.
        await Promise.all([sub.redis.readRaw(), sub.faha.readRaw()]);
        const script: string[][] = [
          ['SADD', 's', 'a', 'b'], ['SADD', 's', 'a'], ['SREM', 's', 'x'], ['SREM', 's', 'a'], ['SMOVE', 's', 'w', 'b'],
          ['SADD', 't', '1', '2', '3'], ['SPOP', 't', '0'], ['SREM', 't', '1'], ['SPOP', 't', '10'], ['SADD', 'u', 'q'], ['SPOP', 'u'],
          ['SADD', 'v', '1', '2', '3'], ['~SPOP', 'v'], ['~SPOP', 'v', '1'], ['~SPOP', 'v', '1'],
          ['SADD', 'a', '1'], ['SINTERSTORE', 'd', 'a', 'a'], ['SINTERSTORE', 'd', 'a', 'nokey'], ['SINTERSTORE', 'd', 'a', 'nokey'],
          ['SUNIONSTORE', 'd', 'a'], ['SDIFFSTORE', 'd', 'a', 'a'], ['SDIFFSTORE', 'd', 'a'], ['SUNIONSTORE', 'd', 'nokey'],
        ];
        for (const [name, ...args] of script) {
          // '~': the reply names randomly chosen members, so only the events are compared.
          if (name.startsWith('~')) await d.pair.cmdKnown('set-random-members', name.slice(1), ...args);
          else await d.pair.cmd(name, ...args);
        }
        await d.pair.cmd('PUBLISH', 'marker', 'end');
        const [r, f] = await Promise.all([untilMarker(sub.redis), untilMarker(sub.faha)]);
        expect(f).to.deep.equal(r);
        expect(r.length).to.be.greaterThan(20);
      } finally {
        await d.pair.both('CONFIG', 'SET', 'notify-keyspace-events', '');
      }
    });
  });

  describe('random operations', () => {
    it('a few thousand random set commands give the same replies on both servers', async function () {
      this.timeout(60000);
      let seed = 20240613;
      const rnd = (): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x80000000;
      };
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
      const keys = ['k1', 'k2', 'k3', 'k4'];
      const member = (): string => (rnd() < 0.75 ? String(Math.floor(rnd() * 40) - 10) : pick(['a', 'b', 'c', '01', '-0', '', 'x y']));
      const members = (): string[] => Array.from({ length: 1 + Math.floor(rnd() * 5) }, member);
      await d.pair.cmd('CONFIG', 'SET', 'set-max-intset-entries', '16');
      try {
        for (let i = 0; i < 2500; i++) {
          const k = pick(keys);
          const r = rnd();
          if (r < 0.3) await d.pair.cmd('SADD', k, ...members());
          else if (r < 0.45) await d.pair.cmd('SREM', k, ...members());
          else if (r < 0.5) await d.pair.cmd('SMOVE', k, pick(keys), member());
          else if (r < 0.55) await d.pair.cmd('SISMEMBER', k, member());
          else if (r < 0.6) await d.pair.cmd('SMISMEMBER', k, ...members());
          else if (r < 0.65) await d.pair.cmd('SCARD', k);
          else if (r < 0.7) await d.pair.cmdSorted('SMEMBERS', k);
          else if (r < 0.74) await d.pair.cmdSorted(pick(['SINTER', 'SUNION', 'SDIFF']), k, pick(keys), pick(keys));
          else if (r < 0.8) await d.pair.cmd(pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), pick(keys), k, pick(keys));
          else if (r < 0.83) await d.pair.cmd('SINTERCARD', '2', k, pick(keys), 'LIMIT', String(Math.floor(rnd() * 4)));
          else if (r < 0.86) await d.pair.cmd('OBJECT', 'ENCODING', k);
          else if (r < 0.88) await d.pair.cmdSorted('SRANDMEMBER', k, '100');
          else if (r < 0.9) await d.pair.cmdSorted('SPOP', k, '100');
          else if (r < 0.92) await d.pair.cmd('SET', k, 'str');
          else if (r < 0.94) await d.pair.cmd('DEL', k);
          else await d.pair.cmd('EXISTS', k);
        }
        for (const k of keys) {
          await d.pair.cmd('OBJECT', 'ENCODING', k);
          await d.pair.cmdSorted('SMEMBERS', k);
        }
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'set-max-intset-entries', '512');
      }
    });
  });
});

describe('compat: sets across a faha restart', () => {
  it('members, encodings and expiry come back from the log exactly as they were', async function () {
    this.timeout(30000);
    const first = await startFaha();
    const script = [
      ['SADD', 'ints', '3', '1', '2'], ['SADD', 'mixed', '1', 'x'], ['SREM', 'mixed', 'x'], ['SADD', 'big', ...range(600)],
      ['SREM', 'big', ...range(300)], ['SMOVE', 'ints', 'moved', '2'], ['SPOP', 'big', '5'], ['SUNIONSTORE', 'u', 'ints', 'mixed'],
      ['SDIFFSTORE', 'dif', 'big', 'ints'], ['EXPIRE', 'u', '1000'], ['SADD', 'gone', 'g'], ['SPOP', 'gone'], ['COPY', 'mixed', 'copy'],
    ];
    const probe = async (c: Client): Promise<string[]> => {
      const out: string[] = [];
      for (const k of ['ints', 'mixed', 'big', 'moved', 'u', 'dif', 'gone', 'copy']) {
        out.push((await c.call('OBJECT', 'ENCODING', k)).toString('latin1'));
        out.push(JSON.stringify(membersOf(await c.call('SMEMBERS', k)).sort()));
      }
      out.push((await c.call('PEXPIRETIME', 'u')).toString('latin1'));
      return out;
    };
    let before: string[];
    let c = await Client.connect(first.port);
    try {
      for (const cmd of script) await c.call(...cmd);
      before = await probe(c);
    } finally {
      c.close();
      await first.stop(false);
    }
    const second = await startFaha({ dir: first.dir });
    c = await Client.connect(second.port);
    try {
      expect(await probe(c)).to.deep.equal(before);
    } finally {
      c.close();
      await second.stop(true);
    }
  });
});
