// Differential tests of the generic key commands (DEL UNLINK EXISTS TYPE TOUCH KEYS SCAN RANDOMKEY RENAME RENAMENX
// COPY MOVE OBJECT) against redis-server, byte for byte. Expiry and TTLs are in expire.test.ts.
import { expect } from 'chai';
import type { RawClient } from '../server/testing/raw-client.js';
import { clearOfMinuteBoundary, differential, type Pair } from './harness.js';

/** Parses a SCAN reply (RESP2 or RESP3 arrays) into its cursor and keys, keeping key bytes as latin1. */
function parseScanReply(raw: Buffer): { cursor: string; keys: string[] } {
  let pos = 0;
  const line = (): string => {
    const nl = raw.indexOf('\r\n', pos, 'latin1');
    const s = raw.toString('latin1', pos, nl);
    pos = nl + 2;
    return s;
  };
  const bulk = (): string => {
    const n = Number(line().slice(1));
    const s = raw.toString('latin1', pos, pos + n);
    pos += n + 2;
    return s;
  };
  expect(line(), `SCAN reply ${JSON.stringify(raw.toString('latin1'))}`).to.equal('*2');
  const cursor = bulk();
  const n = Number(line().slice(1));
  const keys: string[] = [];
  for (let i = 0; i < n; i++) keys.push(bulk());
  return { cursor, keys };
}

/** Every key one client's full SCAN returns (sorted, duplicates kept), and how many calls it took. */
async function fullScan(c: RawClient, ...options: (string | Buffer)[]): Promise<{ keys: string[]; calls: number }> {
  const keys: string[] = [];
  let cursor = '0';
  let calls = 0;
  do {
    const r = parseScanReply(await c.call('SCAN', cursor, ...options));
    keys.push(...r.keys);
    cursor = r.cursor;
    calls++;
  } while (cursor !== '0' && calls < 10000);
  return { keys: keys.sort(), calls };
}

/** Full scans on both servers must return the same set of keys (cursor values differ by design). */
async function sameFullScan(pair: Pair, ...options: (string | Buffer)[]): Promise<string[]> {
  await pair.cmdKnown('scan-cursor-values', 'SCAN', '0', ...options);
  const [r, f] = await Promise.all([fullScan(pair.redis, ...options), fullScan(pair.faha, ...options)]);
  expect([...new Set(f.keys)].sort(), `full SCAN ${options.join(' ')}`).to.deep.equal([...new Set(r.keys)].sort());
  expect(f.keys.length, 'faha returns no key twice on a stable keyspace').to.equal(new Set(f.keys).size);
  return f.keys;
}

/** Switches both connections to RESP3 (HELLO's own reply carries server-specific fields, so it is not compared). */
async function resp3(pair: Pair): Promise<void> {
  await pair.both('HELLO', '3');
}

async function setMany(pair: Pair, keys: (string | Buffer)[]): Promise<void> {
  for (const k of keys) await pair.cmd('SET', k, 'v');
}

describe('compat: generic key commands', () => {
  const d = differential();

  describe('DEL, UNLINK, EXISTS, TOUCH, TYPE', () => {
    it('DEL counts the keys it removed, once each, binary keys included', async () => {
      const bin = Buffer.from([0, 255, 13, 10]);
      await setMany(d.pair, ['a', 'b', bin]);
      await d.pair.cmd('DEL', 'a', 'a', 'missing', bin);
      await d.pair.cmd('EXISTS', 'a', 'b', bin);
      await d.pair.cmd('DEL', 'a');
      await d.pair.cmd('DEL');
    });

    it('UNLINK removes keys like DEL', async () => {
      await setMany(d.pair, ['a', 'b']);
      await d.pair.cmd('UNLINK', 'a', 'b', 'c');
      await d.pair.cmd('EXISTS', 'a', 'b');
      await d.pair.cmd('UNLINK');
    });

    it('EXISTS counts a key as often as it is named', async () => {
      await setMany(d.pair, ['a']);
      await d.pair.cmd('EXISTS', 'a', 'a', 'a', 'nope');
      await d.pair.cmd('EXISTS', 'nope');
      await d.pair.cmd('EXISTS');
    });

    it('TOUCH counts existing keys', async () => {
      await setMany(d.pair, ['a', 'b']);
      await d.pair.cmd('TOUCH', 'a', 'b', 'c', 'a');
      await d.pair.cmd('TOUCH');
    });

    it('TYPE names a string and answers none for a missing key, in RESP2 and RESP3', async () => {
      await setMany(d.pair, ['s']);
      await d.pair.cmd('TYPE', 's');
      await d.pair.cmd('TYPE', 'missing');
      await resp3(d.pair);
      await d.pair.cmd('TYPE', 's');
      await d.pair.cmd('TYPE', 'missing');
      await d.pair.cmd('TYPE');
    });
  });

  describe('KEYS', () => {
    it('KEYS returns the keys matching glob patterns', async () => {
      await setMany(d.pair, ['hello', 'hallo', 'hxllo', 'hllo', 'heeeello', 'a[b', 'a\\b', 'a*b', '', 'x-y', 'B', Buffer.from([0xe9, 0x41])]);
      for (const p of ['*', '', 'h?llo', 'h*llo', 'h[ae]llo', 'h[^e]llo', 'h[a-b]llo', 'a\\[b', 'a\\\\b', 'a\\*b', 'a[', '[^', 'a[^', '[b-', '[z-a]', '**', '?', 'x[--z]y', '\xe9*']) {
        await d.pair.cmdSorted('KEYS', Buffer.from(p, 'latin1'));
      }
    });

    it('KEYS matches random patterns exactly as Redis does', async () => {
      const alphabet = ['a', 'b', 'A', '-', '^', '\\', '*', '?', '[', ']', '\xff'];
      let seed = 12345;
      const rand = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      const word = (max: number) => Array.from({ length: rand(max) }, () => alphabet[rand(alphabet.length)]).join('');
      const keys = new Set<string>();
      while (keys.size < 40) keys.add(word(6));
      await setMany(d.pair, [...keys].map((k) => Buffer.from(k, 'latin1')));
      for (let i = 0; i < 150; i++) await d.pair.cmdSorted('KEYS', Buffer.from(word(7), 'latin1'));
    });

    it('KEYS on an empty database returns an empty array', async () => {
      await d.pair.cmd('KEYS', '*');
      await d.pair.cmd('KEYS', 'x*');
    });
  });

  describe('SCAN', () => {
    it('a full SCAN returns every key exactly once', async () => {
      const keys = Array.from({ length: 300 }, (_, i) => `key:${i}`);
      await setMany(d.pair, keys);
      expect(await sameFullScan(d.pair)).to.have.length(300);
      await sameFullScan(d.pair, 'COUNT', '7');
      await sameFullScan(d.pair, 'COUNT', '1000');
    });

    it('SCAN MATCH and TYPE filter the keys of a full scan', async () => {
      await setMany(d.pair, Array.from({ length: 120 }, (_, i) => `k${i}`));
      expect(await sameFullScan(d.pair, 'MATCH', 'k1*')).to.have.length(31);
      await sameFullScan(d.pair, 'MATCH', '*');
      await sameFullScan(d.pair, 'MATCH', 'nothing*');
      await sameFullScan(d.pair, 'TYPE', 'string');
      await sameFullScan(d.pair, 'TYPE', 'STRING', 'MATCH', 'k?', 'COUNT', '3');
      expect(await sameFullScan(d.pair, 'TYPE', 'list')).to.deep.equal([]);
      await sameFullScan(d.pair, 'type', 'hash', 'match', 'k1', 'count', '100');
    });

    it('SCAN of a small database answers in one call with cursor 0', async () => {
      await d.pair.cmd('SCAN', '0');
      await setMany(d.pair, ['only']);
      await d.pair.cmd('SCAN', '0');
      await d.pair.cmd('SCAN', '0', 'MATCH', 'o*', 'COUNT', '5', 'TYPE', 'string');
      await d.pair.cmd('SCAN', '0', 'TYPE', 'zset');
      await resp3(d.pair);
      await d.pair.cmd('SCAN', '0');
    });

    it('a SCAN that completes ends with cursor 0 on both servers, binary keys included', async () => {
      const keys = [Buffer.from([0, 1, 2]), Buffer.from('\r\n'), Buffer.from([255]), Buffer.from('plain')];
      await setMany(d.pair, keys);
      expect(await sameFullScan(d.pair)).to.deep.equal(keys.map((k) => k.toString('latin1')).sort());
    });

    it('SCAN refuses invalid cursors', async () => {
      for (const c of ['abc', ' 1', '1 ', '-', '+', '1.5', '0x10', '18446744073709551616', '99999999999999999999999']) await d.pair.cmd('SCAN', c);
    });

    it('SCAN accepts the cursors strtoul accepts', async () => {
      await setMany(d.pair, ['k']);
      for (const c of ['', '+0', '-0', '000']) await d.pair.cmd('SCAN', c);
    });

    it('SCAN reports option errors in order', async () => {
      await d.pair.cmd('SCAN', '0', 'COUNT', '0');
      await d.pair.cmd('SCAN', '0', 'COUNT', '-1');
      await d.pair.cmd('SCAN', '0', 'COUNT', 'abc');
      await d.pair.cmd('SCAN', '0', 'COUNT', '9223372036854775808');
      await d.pair.cmd('SCAN', '0', 'COUNT');
      await d.pair.cmd('SCAN', '0', 'MATCH');
      await d.pair.cmd('SCAN', '0', 'TYPE');
      await d.pair.cmd('SCAN', '0', 'FOO', 'bar');
      await d.pair.cmd('SCAN', '0', 'MATCH', '*', 'COUNT', 'x', 'FOO');
      await d.pair.cmd('SCAN', '0', 'FOO', 'bar', 'COUNT', 'x');
      await d.pair.cmd('SCAN', 'x', 'COUNT', 'x');
      await d.pair.cmd('SCAN');
    });

    it('SCAN with a huge COUNT returns all keys at once', async () => {
      await setMany(d.pair, Array.from({ length: 50 }, (_, i) => `k${i}`));
      const [r, f] = await d.pair.cmdKnown('scan-cursor-values', 'SCAN', '0', 'COUNT', '9223372036854775807');
      const [pr, pf] = [parseScanReply(r), parseScanReply(f)];
      expect(pf.cursor).to.equal('0');
      expect(pf.keys.sort()).to.deep.equal(pr.keys.sort());
    });
  });

  describe('RANDOMKEY', () => {
    it('RANDOMKEY answers null on an empty database, in RESP2 and RESP3', async () => {
      await d.pair.cmd('RANDOMKEY');
      await resp3(d.pair);
      await d.pair.cmd('RANDOMKEY');
    });

    it('RANDOMKEY returns the only key, binary-safe', async () => {
      await setMany(d.pair, [Buffer.from([0, 200, 10])]);
      await d.pair.cmd('RANDOMKEY');
    });

    it('RANDOMKEY draws keys of the database, eventually all of them', async () => {
      const keys = ['a', 'b', 'c', 'd', 'e'];
      await setMany(d.pair, keys);
      const drawn = new Set<string>();
      for (let i = 0; i < 200 && drawn.size < keys.length; i++) {
        const [, f] = await d.pair.cmdKnown('randomkey-choice', 'RANDOMKEY');
        drawn.add(f.toString('latin1').split('\r\n')[1]);
      }
      expect([...drawn].sort()).to.deep.equal(keys);
      await d.pair.cmd('RANDOMKEY', 'extra');
    });
  });

  describe('RENAME, RENAMENX', () => {
    it('RENAME moves the value and replaces the target', async () => {
      await d.pair.cmd('SET', 'a', '1');
      await d.pair.cmd('SET', 'b', '2');
      await d.pair.cmd('RENAME', 'a', 'b');
      await d.pair.cmd('GET', 'a');
      await d.pair.cmd('GET', 'b');
      await d.pair.cmd('RENAME', 'b', Buffer.from([0, 255]));
      await d.pair.cmd('GET', Buffer.from([0, 255]));
      await d.pair.cmd('OBJECT', 'ENCODING', Buffer.from([0, 255]));
    });

    it('RENAME keeps the deadline of the source and drops the one of the target', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('EXPIREAT', 'a', '4000000000');
      await d.pair.cmd('SET', 'b', 'w');
      await d.pair.cmd('EXPIREAT', 'b', '4100000000');
      await d.pair.cmd('SET', 'c', 'x');
      await d.pair.cmd('RENAME', 'a', 'c');
      await d.pair.cmd('EXPIRETIME', 'c');
      await d.pair.cmd('RENAME', 'c', 'b');
      await d.pair.cmd('EXPIRETIME', 'b');
      await d.pair.cmd('SET', 'p', 'y');
      await d.pair.cmd('RENAME', 'p', 'b');
      await d.pair.cmd('EXPIRETIME', 'b');
    });

    it('RENAME of a missing key fails, even onto itself; RENAME onto itself is a no-op', async () => {
      await d.pair.cmd('RENAME', 'missing', 'x');
      await d.pair.cmd('RENAME', 'missing', 'missing');
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('RENAME', 'a', 'a');
      await d.pair.cmd('GET', 'a');
      await d.pair.cmd('RENAME', 'a');
    });

    it('RENAMENX renames only onto a free name', async () => {
      await d.pair.cmd('SET', 'a', '1');
      await d.pair.cmd('SET', 'b', '2');
      await d.pair.cmd('RENAMENX', 'a', 'b');
      await d.pair.cmd('RENAMENX', 'a', 'a');
      await d.pair.cmd('RENAMENX', 'a', 'c');
      await d.pair.cmd('GET', 'c');
      await d.pair.cmd('EXISTS', 'a');
      await d.pair.cmd('RENAMENX', 'missing', 'd');
      await d.pair.cmd('RENAMENX', 'missing', 'missing');
    });

    it('RENAME keeps the encoding of the value', async () => {
      await d.pair.cmd('SET', 'i', '12345');
      await d.pair.cmd('SET', 'e', 'short');
      await d.pair.cmd('SET', 'r', 'x'.repeat(45));
      await d.pair.cmd('APPEND', 'ap', 'abc');
      for (const k of ['i', 'e', 'r', 'ap']) {
        await d.pair.cmd('RENAME', k, `${k}2`);
        await d.pair.cmd('OBJECT', 'ENCODING', `${k}2`);
      }
    });
  });

  describe('COPY', () => {
    it('COPY duplicates a value with its deadline, refusing an existing target without REPLACE', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('EXPIREAT', 'a', '4000000000');
      await d.pair.cmd('COPY', 'a', 'b');
      await d.pair.cmd('GET', 'b');
      await d.pair.cmd('EXPIRETIME', 'b');
      await d.pair.cmd('SET', 'a', 'changed');
      await d.pair.cmd('GET', 'b');
      await d.pair.cmd('COPY', 'a', 'b');
      await d.pair.cmd('COPY', 'a', 'b', 'REPLACE');
      await d.pair.cmd('GET', 'b');
      await d.pair.cmd('EXPIRETIME', 'b');
      await d.pair.cmd('COPY', 'missing', 'b', 'REPLACE');
    });

    it('COPY to another database, then SELECT sees it there', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('COPY', 'a', 'a', 'DB', '1');
      await d.pair.cmd('COPY', 'a', 'a', 'DB', '1');
      await d.pair.cmd('COPY', 'a', 'a', 'db', '1', 'replace');
      await d.pair.cmd('COPY', 'a', 'x', 'DB', '2', 'DB', '1');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmdSorted('KEYS', '*');
      await d.pair.cmd('GET', 'a');
      await d.pair.cmd('FLUSHDB');
    });

    it('COPY reports its errors in the order Redis checks them', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('COPY', 'a', 'a');
      await d.pair.cmd('COPY', 'a', 'a', 'DB', '0');
      await d.pair.cmd('COPY', 'missing', 'missing');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '16');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '-1');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', 'x');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '2147483648');
      await d.pair.cmd('COPY', 'a', 'b', 'DB');
      await d.pair.cmd('COPY', 'a', 'b', 'FOO');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '99', 'FOO');
      await d.pair.cmd('COPY', 'a', 'b', 'FOO', 'DB', '99');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '1', 'DB', '99');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '99', 'DB', 'x');
      await d.pair.cmd('COPY', 'a', 'b', 'DB', '1', 'DB', 'x');
      await d.pair.cmd('COPY', 'a', 'b', 'REPLACE', 'REPLACE');
      await d.pair.cmd('COPY', 'a');
    });

    it('COPY keeps the encoding, and a copied shared integer is no longer shared', async () => {
      await d.pair.cmd('SET', 'i', '5');
      await d.pair.cmd('SET', 'r', 'x'.repeat(50));
      await d.pair.cmd('COPY', 'i', 'i2');
      await d.pair.cmd('COPY', 'r', 'r2');
      for (const k of ['i', 'i2', 'r2']) {
        await d.pair.cmd('OBJECT', 'ENCODING', k);
        await d.pair.cmd('OBJECT', 'REFCOUNT', k);
      }
      await d.pair.cmd('RENAME', 'i2', 'i3');
      await d.pair.cmd('OBJECT', 'REFCOUNT', 'i3');
    });
  });

  describe('MOVE', () => {
    it('MOVE moves a key to another database only if it is free there', async () => {
      await d.pair.cmd('SET', 'a', 'v0');
      await d.pair.cmd('EXPIREAT', 'a', '4000000000');
      await d.pair.cmd('MOVE', 'a', '1');
      await d.pair.cmd('EXISTS', 'a');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('GET', 'a');
      await d.pair.cmd('EXPIRETIME', 'a');
      await d.pair.cmd('SET', 'b', 'db1');
      await d.pair.cmd('SELECT', '0');
      await d.pair.cmd('SET', 'b', 'db0');
      await d.pair.cmd('MOVE', 'b', '1');
      await d.pair.cmd('GET', 'b');
      await d.pair.cmd('MOVE', 'missing', '1');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('FLUSHDB');
    });

    it('MOVE reports its errors in the order Redis checks them', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('MOVE', 'a', '0');
      await d.pair.cmd('MOVE', 'missing', '0');
      await d.pair.cmd('MOVE', 'a', '16');
      await d.pair.cmd('MOVE', 'a', '-1');
      await d.pair.cmd('MOVE', 'a', 'x');
      await d.pair.cmd('MOVE', 'a', '2147483648');
      await d.pair.cmd('MOVE', 'a', '-2147483649');
      await d.pair.cmd('MOVE', 'a', '01');
      await d.pair.cmd('MOVE', 'a');
    });
  });

  describe('OBJECT', () => {
    it('OBJECT ENCODING tells int, embstr and raw strings apart', async () => {
      const values = ['0', '-1', '12345', '9223372036854775807', '9223372036854775808', '01', '-0', ' 1', '1.5', 'x'.repeat(44), 'x'.repeat(45), ''];
      for (const [i, v] of values.entries()) {
        await d.pair.cmd('SET', `k${i}`, v);
        await d.pair.cmd('OBJECT', 'ENCODING', `k${i}`);
      }
      await d.pair.cmd('APPEND', 'ap', 'x');
      await d.pair.cmd('OBJECT', 'ENCODING', 'ap');
      await d.pair.cmd('object', 'encoding', 'missing');
    });

    it('OBJECT REFCOUNT reports shared small integers as Redis does', async () => {
      for (const v of ['0', '9999', '10000', '-1', 'abc']) {
        await d.pair.cmd('SET', 'k', v);
        await d.pair.cmd('OBJECT', 'REFCOUNT', 'k');
      }
      await d.pair.cmd('OBJECT', 'REFCOUNT', 'missing');
    });

    it('OBJECT IDLETIME is 0 for a key just used, and FREQ needs an LFU policy', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('OBJECT', 'IDLETIME', 'k');
      await d.pair.cmd('OBJECT', 'IDLETIME', 'missing');
      await d.pair.cmd('OBJECT', 'FREQ', 'k');
      await d.pair.cmd('OBJECT', 'FREQ', 'missing');
    });

    it('under an LFU policy FREQ starts at 5 and IDLETIME is refused', async () => {
      await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu');
      try {
        await clearOfMinuteBoundary();
        await d.pair.cmd('SET', 'k', 'v');
        await d.pair.cmd('OBJECT', 'FREQ', 'k');
        await d.pair.cmd('OBJECT', 'IDLETIME', 'k');
        await d.pair.cmd('OBJECT', 'IDLETIME', 'missing');
        await d.pair.cmd('COPY', 'k', 'k2');
        await d.pair.cmd('OBJECT', 'FREQ', 'k2');
        await d.pair.cmd('TOUCH', 'k2');
        await d.pair.cmd('OBJECT', 'FREQ', 'k2');
        await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'volatile-lfu');
        await d.pair.cmd('OBJECT', 'FREQ', 'k');
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
      }
    });

    it('with maxmemory and an LRU policy integers are not shared', async () => {
      await d.pair.cmd('CONFIG', 'SET', 'maxmemory', '1gb');
      await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
      try {
        await d.pair.cmd('SET', 'k', '5');
        await d.pair.cmd('OBJECT', 'REFCOUNT', 'k');
        await d.pair.cmd('OBJECT', 'ENCODING', 'k');
      } finally {
        await d.pair.cmd('CONFIG', 'SET', 'maxmemory', '0');
        await d.pair.cmd('CONFIG', 'SET', 'maxmemory-policy', 'noeviction');
      }
    });

    it('OBJECT HELP lists the subcommands, named as the client spelled the command', async () => {
      await d.pair.cmd('OBJECT', 'HELP');
      await d.pair.cmd('object', 'help');
      await resp3(d.pair);
      await d.pair.cmd('oBjEcT', 'HeLp');
    });

    it('OBJECT answers null for a missing key in RESP3 too, and checks its arity per subcommand', async () => {
      await resp3(d.pair);
      for (const sub of ['ENCODING', 'REFCOUNT', 'IDLETIME', 'FREQ']) await d.pair.cmd('OBJECT', sub, 'missing');
      await d.pair.cmd('OBJECT');
      await d.pair.cmd('OBJECT', 'ENCODING');
      await d.pair.cmd('OBJECT', 'ENCODING', 'a', 'b');
      await d.pair.cmd('OBJECT', 'HELP', 'x');
      await d.pair.cmd('OBJECT', 'NOSUCH', 'k');
    });
  });
});
