// Differential: DUMP and RESTORE against redis-server 7.0. The payloads differ by design (known difference
// "dump-payload-format"), so each server restores its own payload and everything observable afterwards —
// replies, errors and their order, values, TTLs, encodings, idle times and counters — must match byte for byte.
import { expect } from 'chai';
import { decodeReply } from '../server/testing/resp-frame.js';
import { clearOfMinuteBoundary, differential, show, type Pair } from './harness.js';

type Arg = string | Buffer | number;

/** The bytes of a bulk reply (decodeReply would read them as UTF-8), null for a nil one. */
function bulkBytes(reply: Buffer): Buffer | null {
  expect(String.fromCharCode(reply[0]), show(reply)).to.be.oneOf(['$', '_']);
  const nl = reply.indexOf('\r\n');
  const n = Number(reply.toString('latin1', 1, nl));
  return reply[0] === 0x5f || n < 0 ? null : reply.subarray(nl + 2, nl + 2 + n);
}

/** DUMP on both servers (a known difference): each server's payload, or null for a missing key. */
async function dumpBoth(p: Pair, key: string): Promise<[Buffer | null, Buffer | null]> {
  const [r, f] = await p.cmdKnown('dump-payload-format', 'DUMP', key);
  return [bulkBytes(r), bulkBytes(f)];
}

/** RESTORE on each server of its own payload, `before` and `after` being the arguments around it; replies compared. */
async function restoreOwn(p: Pair, payloads: [Buffer | null, Buffer | null], before: Arg[], after: Arg[] = []): Promise<Buffer> {
  p.redis.send('RESTORE', ...before, payloads[0]!, ...after);
  p.faha.send('RESTORE', ...before, payloads[1]!, ...after);
  const [r, f] = await Promise.all([p.redis.readRaw(), p.faha.readRaw()]);
  expect(show(f), `faha vs redis for RESTORE ${before.join(' ')} <payload> ${after.join(' ')}`).to.equal(show(r));
  return f;
}

/** DUMP `from`, RESTORE it as `to`, and compare what `to` holds. */
async function roundTrip(p: Pair, from: string, to: string, ...read: Arg[][]): Promise<void> {
  const payloads = await dumpBoth(p, from);
  expect(payloads[0]).to.not.equal(null);
  expect((await restoreOwn(p, payloads, [to, 0])).toString()).to.equal('+OK\r\n');
  await p.cmd('TYPE', to);
  await p.cmd('OBJECT', 'ENCODING', to);
  await p.cmd('TTL', to);
  for (const r of read) await p.cmd(...r.map((a) => (a === '$' ? to : a)));
}

/** |faha - redis| <= 1 for an integer reply (a second may tick between the two servers' clocks). */
async function closeInteger(p: Pair, ...args: Arg[]): Promise<void> {
  return closeWithin(p, 1, ...args);
}

/** |faha - redis| <= `slack` for an integer reply. */
async function closeWithin(p: Pair, slack: number, ...args: Arg[]): Promise<void> {
  const [r, f] = await p.both(...args);
  const rv = Number(decodeReply(r).value);
  const fv = Number(decodeReply(f).value);
  expect(Math.abs(fv - rv), `${args.join(' ')}: faha ${show(f)} redis ${show(r)}`).to.be.at.most(slack);
}

describe('compat: DUMP and RESTORE', () => {
  const d = differential();

  describe('DUMP', () => {
    it('DUMP answers nil for a missing key, in RESP2 and RESP3', async () => {
      await d.pair.cmd('DUMP', 'nokey');
      await d.pair.cmdLoosely('HELLO', '3');
      await d.pair.cmd('DUMP', 'nokey');
    });

    it('DUMP of an expired key answers nil', async () => {
      await d.pair.cmd('SET', 'k', 'v', 'PX', '1');
      await new Promise((r) => setTimeout(r, 20));
      await d.pair.cmd('DUMP', 'k');
      await d.pair.cmd('EXISTS', 'k');
    });
  });

  describe('string values', () => {
    it('RESTORE recreates strings byte for byte with the encoding Redis chooses', async () => {
      const values: Arg[] = ['hello', '', '12345', '-7', '007', '9223372036854775807', '9223372036854775808', '1.5', 'x'.repeat(44), 'y'.repeat(45), 'z'.repeat(5000), Buffer.from([0, 0xff, 13, 10, 0])];
      for (const [i, v] of values.entries()) {
        await d.pair.cmd('SET', `s${i}`, v);
        await roundTrip(d.pair, `s${i}`, `r${i}`, ['GET', '$'], ['STRLEN', '$']);
      }
    });

    it('RESTORE of a payload into the same key with REPLACE keeps the value', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      const p = await dumpBoth(d.pair, 'k');
      await restoreOwn(d.pair, p, ['k', 0], ['REPLACE']);
      await d.pair.cmd('GET', 'k');
    });

    it('DUMP of a value appended to and incremented restores the current value', async () => {
      await d.pair.cmd('SET', 'k', '10');
      await d.pair.cmd('INCRBY', 'k', '5');
      await d.pair.cmd('APPEND', 'k', 'x');
      await roundTrip(d.pair, 'k', 'k2', ['GET', '$']);
    });
  });

  describe('collections', () => {
    const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

    it('DUMP and RESTORE round-trip lists, including binary and large ones', async () => {
      await d.pair.cmd('RPUSH', 'small', 'a', '1', '', 'a', Buffer.from([0, 13, 10, 0xff]));
      await d.pair.cmd('RPUSH', 'big', ...many(300, (i) => `item-${i}`), 'x'.repeat(10000));
      for (const k of ['small', 'big']) await roundTrip(d.pair, k, `${k}2`, ['LRANGE', '$', '0', '-1'], ['LLEN', '$']);
    });

    it('DUMP and RESTORE round-trip sets of every encoding', async () => {
      await d.pair.cmd('SADD', 'ints', '1', '-5', '9223372036854775807', '42');
      await d.pair.cmd('SADD', 'strs', 'a', 'b', Buffer.from([0, 0xff]), '1');
      await d.pair.cmd('SADD', 'manyints', ...many(600, (i) => String(i * 7)));
      for (const k of ['ints', 'strs', 'manyints']) await roundTrip(d.pair, k, `${k}2`, ['SCARD', '$'], ['SMISMEMBER', '$', '1', 'a', '42', '7']);
      await d.pair.cmdSorted('SMEMBERS', 'strs2');
      await d.pair.cmd('SORT', 'manyints2', 'LIMIT', '0', '20');
    });

    it('DUMP and RESTORE round-trip sorted sets with any score', async () => {
      await d.pair.cmd('ZADD', 'small', '1.5', 'a', '-inf', 'b', 'inf', 'c', '0', 'd', '-0', 'e', '3.0000000000000004', 'f');
      await d.pair.cmd('ZADD', 'long', '1', 'x'.repeat(100), '2', 'y');
      await d.pair.cmd('ZADD', 'big', ...many(400, (i) => [String(i % 37), `m${i}`]).flat());
      for (const k of ['small', 'long', 'big']) await roundTrip(d.pair, k, `${k}2`, ['ZRANGE', '$', '0', '-1', 'WITHSCORES'], ['ZCARD', '$']);
    });

    it('DUMP and RESTORE round-trip hashes of every encoding', async () => {
      await d.pair.cmd('HSET', 'small', 'f1', 'v1', 'n', '12', Buffer.from([0, 1]), Buffer.from([0xff]));
      await d.pair.cmd('HSET', 'wide', 'f', 'v'.repeat(100));
      await d.pair.cmd('HSET', 'big', ...many(300, (i) => [`f${i}`, `v${i}`]).flat());
      for (const k of ['small', 'wide', 'big']) await roundTrip(d.pair, k, `${k}2`, ['HLEN', '$'], ['HMGET', '$', 'f1', 'f', 'f299', 'n']);
      await d.pair.cmd('HGETALL', 'small2');
    });

    it('RESTORE picks the encoding the contents call for, not the one the value was dumped with', async () => {
      await d.pair.cmd('SADD', 's', ...many(600, (i) => String(i)));
      await d.pair.cmd('SREM', 's', ...many(597, (i) => String(i + 3)));
      await d.pair.cmd('HSET', 'h', ...many(200, (i) => [`f${i}`, 'v']).flat());
      await d.pair.cmd('HDEL', 'h', ...many(198, (i) => `f${i + 2}`));
      await d.pair.cmd('ZADD', 'z', ...many(200, (i) => [String(i), `m${i}`]).flat());
      await d.pair.cmd('ZREMRANGEBYRANK', 'z', '2', '-1');
      await d.pair.cmd('ZADD', 'sorted', '1', 'a', '2', 'b');
      await d.pair.cmd('SORT', 'sorted', 'ALPHA');
      for (const k of ['s', 'h', 'z', 'sorted']) {
        await d.pair.cmd('OBJECT', 'ENCODING', k);
        await roundTrip(d.pair, k, `${k}2`);
      }
    });

    it('RESTORE REPLACE swaps a collection for a string and back, and TYPE follows', async () => {
      await d.pair.cmd('RPUSH', 'l', 'a', 'b');
      await d.pair.cmd('SET', 's', 'str');
      const pl = await dumpBoth(d.pair, 'l');
      const ps = await dumpBoth(d.pair, 's');
      await restoreOwn(d.pair, pl, ['s', 0]);
      expect((await restoreOwn(d.pair, pl, ['s', 0], ['REPLACE'])).toString()).to.equal('+OK\r\n');
      await d.pair.cmd('TYPE', 's');
      await d.pair.cmd('LRANGE', 's', '0', '-1');
      expect((await restoreOwn(d.pair, ps, ['l', 0], ['REPLACE'])).toString()).to.equal('+OK\r\n');
      await d.pair.cmd('TYPE', 'l');
      await d.pair.cmd('GET', 'l');
    });

    it('RESTORE of a list serves a client blocked on that key', async () => {
      await d.pair.cmd('RPUSH', 'src', 'x', 'y');
      const p = await dumpBoth(d.pair, 'src');
      const blocked = await d.newPair();
      blocked.redis.send('BLPOP', 'dst', '5');
      blocked.faha.send('BLPOP', 'dst', '5');
      await new Promise((r) => setTimeout(r, 50));
      await restoreOwn(d.pair, p, ['dst', 0]);
      const [r, f] = await Promise.all([blocked.redis.readRaw(), blocked.faha.readRaw()]);
      expect(show(f)).to.equal(show(r));
      await d.pair.cmd('LRANGE', 'dst', '0', '-1');
    });
  });

  describe('existing keys', () => {
    it('RESTORE refuses an existing key with BUSYKEY, and REPLACE overwrites it whatever it held', async () => {
      await d.pair.cmd('SET', 'src', 'new');
      await d.pair.cmd('SET', 'dst', 'old', 'EX', '100');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['dst', 0]);
      await d.pair.cmd('GET', 'dst');
      await restoreOwn(d.pair, p, ['dst', 0], ['REPLACE']);
      await d.pair.cmd('GET', 'dst');
      await d.pair.cmd('TTL', 'dst');
      await restoreOwn(d.pair, p, ['dst', 0], ['replace', 'Replace']);
    });

    it('RESTORE treats an expired key as absent', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      await d.pair.cmd('SET', 'dst', 'old', 'PX', '1');
      await new Promise((r) => setTimeout(r, 20));
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['dst', 0]);
      await d.pair.cmd('GET', 'dst');
    });
  });

  describe('TTL', () => {
    it('RESTORE with a relative TTL in milliseconds gives the key that time to live', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['k', 100000]);
      await d.pair.cmd('TTL', 'k');
      await closeWithin(d.pair, 100, 'PTTL', 'k');
    });

    it('RESTORE ABSTTL takes a Unix time in milliseconds, and 0 means no expiry', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['k', 4102444800000], ['ABSTTL']);
      await d.pair.cmd('PEXPIRETIME', 'k');
      await restoreOwn(d.pair, p, ['k0', 0], ['absttl']);
      await d.pair.cmd('TTL', 'k0');
    });

    it('RESTORE with a deadline already past answers OK and creates nothing; with REPLACE the old key is gone', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      await d.pair.cmd('SET', 'old', 'x');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['k', 1000], ['ABSTTL']);
      await d.pair.cmd('EXISTS', 'k');
      await restoreOwn(d.pair, p, ['old', 1000], ['ABSTTL', 'REPLACE']);
      await d.pair.cmd('EXISTS', 'old');
      await d.pair.cmd('DBSIZE');
    });

    it('RESTORE refuses a TTL that is not an integer or is negative', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      for (const ttl of ['abc', '-1', '1.5', ' 1', '', '99999999999999999999']) await restoreOwn(d.pair, p, ['k', ttl]);
      await d.pair.cmd('EXISTS', 'k');
    });
  });

  describe('payload checks', () => {
    it('RESTORE refuses payloads that are too short, corrupted or made by Redis with the version/checksum error', async () => {
      for (const bad of ['', 'x', '123456789', 'not a payload at all']) await d.pair.cmd('RESTORE', 'k', '0', bad);
      await d.pair.cmd('SET', 'src', 'hello');
      const [rp, fp] = await dumpBoth(d.pair, 'src');
      const flip = (b: Buffer, i: number) => {
        const c = Buffer.from(b);
        c[i] ^= 1;
        return c;
      };
      await restoreOwn(d.pair, [flip(rp!, 0), flip(fp!, 0)], ['k', 0]);
      await restoreOwn(d.pair, [flip(rp!, rp!.length - 1), flip(fp!, fp!.length - 1)], ['k', 0]);
      await restoreOwn(d.pair, [rp!.subarray(1), fp!.subarray(1)], ['k', 0]);
      // Each server refuses the other's payload the same way.
      await restoreOwn(d.pair, [fp, rp], ['k', 0]);
      await d.pair.cmd('EXISTS', 'k');
    });

    it('RESTORE reports errors in Redis\'s order: options, then the busy key, then the TTL, then the payload', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('RESTORE', 'k', 'abc', 'bad', 'FOO');
      await d.pair.cmd('RESTORE', 'k', 'abc', 'bad');
      await d.pair.cmd('RESTORE', 'k2', 'abc', 'bad');
      await d.pair.cmd('RESTORE', 'k2', '-5', 'bad');
      await d.pair.cmd('RESTORE', 'k2', '5', 'bad');
      await d.pair.cmd('RESTORE', 'k', 'abc', 'bad', 'IDLETIME', 'x');
      await d.pair.cmd('RESTORE', 'k', 'abc', 'bad', 'REPLACE');
    });

    it('RESTORE option errors: unknown words, missing values, IDLETIME with FREQ, and out-of-range values', async () => {
      const bad = [
        ['FOO'], ['IDLETIME'], ['FREQ'], ['IDLETIME', '5', 'FREQ', '3'], ['FREQ', '3', 'IDLETIME', '5'], ['IDLETIME', '-1'],
        ['IDLETIME', 'x'], ['FREQ', '256'], ['FREQ', '-1'], ['FREQ', '1.5'], ['REPLACE', 'ABSTTL', 'X'], ['IDLETIME', '1', 'IDLETIME', '-2'],
      ];
      for (const opts of bad) await d.pair.cmd('RESTORE', 'k', '0', 'payload', ...opts);
    });
  });

  describe('access time and counter', () => {
    it('RESTORE IDLETIME sets the idle time OBJECT IDLETIME reports', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['k', 0], ['IDLETIME', 1000]);
      await closeInteger(d.pair, 'OBJECT', 'IDLETIME', 'k');
      await restoreOwn(d.pair, p, ['k2', 0], ['IDLETIME', 0, 'REPLACE']);
      await closeInteger(d.pair, 'OBJECT', 'IDLETIME', 'k2');
      // Past the start of Redis's 24-bit LRU clock the answer wraps; faha reports what Redis reports.
      const clock = Math.floor(Date.now() / 1000) % 2 ** 24;
      for (const idle of [clock + 5000, 16777214, 16777215, 16777216, 33554431, 100000000, 1000000000000]) {
        await restoreOwn(d.pair, p, ['k3', 0], ['IDLETIME', idle, 'REPLACE']);
        await closeInteger(d.pair, 'OBJECT', 'IDLETIME', 'k3');
      }
    });

    it('RESTORE FREQ sets the counter OBJECT FREQ reports under an LFU policy, and is ignored otherwise', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await restoreOwn(d.pair, p, ['ignored', 0], ['FREQ', 100]);
      await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
      try {
        await clearOfMinuteBoundary();
        for (const f of [0, 3, 5, 6, 100, 255]) {
          await restoreOwn(d.pair, p, [`k${f}`, 0], ['FREQ', f]);
          await d.pair.cmd('OBJECT', 'FREQ', `k${f}`);
        }
        await restoreOwn(d.pair, p, ['idle', 0], ['IDLETIME', 100]);
        await d.pair.cmd('OBJECT', 'FREQ', 'idle');
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
      }
    });
  });

  describe('notifications', () => {
    it('RESTORE publishes "restore", and an already expired RESTORE REPLACE publishes "del" for the old key', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEA');
      try {
        const sub = await d.newPair();
        await sub.cmd('PSUBSCRIBE', '__key*@0__:*');
        await restoreOwn(d.pair, p, ['k', 0]);
        await restoreOwn(d.pair, p, ['k', 5000], ['REPLACE']);
        await restoreOwn(d.pair, p, ['k', 1000], ['REPLACE', 'ABSTTL']);
        await restoreOwn(d.pair, p, ['k', 1000], ['REPLACE', 'ABSTTL']);
        await d.pair.cmd('SET', 'done', '1');
        for (let i = 0; i < 8; i++) {
          const [r, f] = await Promise.all([sub.redis.readRaw(), sub.faha.readRaw()]);
          expect(show(f), `notification ${i}`).to.equal(show(r));
        }
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', '');
      }
    });
  });

  describe('transactions', () => {
    it('DUMP and RESTORE run inside MULTI/EXEC', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      const p = await dumpBoth(d.pair, 'src');
      await d.pair.cmd('MULTI');
      await restoreOwn(d.pair, p, ['k', 0]);
      await restoreOwn(d.pair, p, ['k', 0]);
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('EXEC');
    });
  });
});
