// Differential tests of expiry: EXPIRE PEXPIRE EXPIREAT PEXPIREAT (NX XX GT LT), TTL PTTL EXPIRETIME PEXPIRETIME,
// PERSIST, lazy expiry as every key command sees it, and active expiry (including that it is logged).
import { expect } from 'chai';
import type { KeyIndex } from '../server/engine/key-index.js';
import { Store } from '../server/engine/store.js';
import { openBackend } from '../server/platform/pmem.js';
import { RawClient } from '../server/testing/raw-client.js';
import { startFaha } from '../server/testing/servers.js';
import { differential, type Pair } from './harness.js';

function keysOf(idx: KeyIndex): string[] {
  const keys: string[] = [];
  idx.forEach((key) => keys.push(key));
  return keys;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A deadline far enough ahead that no test reaches it, as unix seconds. */
const FUTURE_S = 4000000000;

async function resp3(pair: Pair): Promise<void> {
  await pair.both('HELLO', '3');
}

describe('compat: expiry', () => {
  const d = differential();

  describe('setting deadlines', () => {
    it('EXPIREAT and PEXPIREAT set absolute deadlines that EXPIRETIME and PEXPIRETIME report', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('SET', 'b', 'v');
      await d.pair.cmd('EXPIREAT', 'a', String(FUTURE_S));
      await d.pair.cmd('PEXPIREAT', 'b', String(FUTURE_S * 1000 + 1499));
      for (const cmd of ['EXPIRETIME', 'PEXPIRETIME']) {
        for (const k of ['a', 'b', 'missing']) await d.pair.cmd(cmd, k);
      }
      await d.pair.cmd('SET', 'p', 'v');
      await d.pair.cmd('EXPIRETIME', 'p');
      await d.pair.cmd('PEXPIRETIME', 'p');
    });

    it('EXPIRE and PEXPIRE set relative deadlines that TTL rounds to the nearest second', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('EXPIRE', 'a', '100');
      await d.pair.cmd('TTL', 'a');
      await d.pair.cmd('PEXPIRE', 'a', '2600');
      await d.pair.cmd('TTL', 'a');
      await d.pair.cmd('PEXPIRE', 'a', '2400');
      await d.pair.cmd('TTL', 'a');
      await d.pair.cmdLoosely('PTTL', 'a');
      const ms = Number((await d.pair.faha.call('PTTL', 'a')).toString().slice(1));
      expect(ms).to.be.within(2000, 2400);
    });

    it('TTL and PTTL answer -1 without a deadline and -2 without a key', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      for (const cmd of ['TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME']) {
        await d.pair.cmd(cmd, 'a');
        await d.pair.cmd(cmd, 'missing');
      }
      await d.pair.cmd('TTL');
      await d.pair.cmd('PTTL', 'a', 'b');
    });

    it('the expire commands answer 0 for a missing key', async () => {
      for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) {
        await d.pair.cmd(cmd, 'missing', '100');
        await d.pair.cmd(cmd, 'missing', '-100');
        await d.pair.cmd(cmd, 'missing', '100', 'NX');
      }
    });

    it('a deadline in the past deletes the key at once', async () => {
      for (const [cmd, t] of [['EXPIRE', '-1'], ['PEXPIRE', '0'], ['EXPIREAT', '1'], ['PEXPIREAT', '1000'], ['EXPIRE', '-9223372036854775'], ['PEXPIREAT', '-9223372036854775808']]) {
        await d.pair.cmd('SET', 'k', 'v');
        await d.pair.cmd(cmd, 'k', t);
        await d.pair.cmd('EXISTS', 'k');
      }
    });

    it('PERSIST removes a deadline and answers whether there was one', async () => {
      await d.pair.cmd('SET', 'a', 'v');
      await d.pair.cmd('PERSIST', 'a');
      await d.pair.cmd('EXPIRE', 'a', '100');
      await d.pair.cmd('PERSIST', 'a');
      await d.pair.cmd('TTL', 'a');
      await d.pair.cmd('PERSIST', 'a');
      await d.pair.cmd('PERSIST', 'missing');
      await d.pair.cmd('PERSIST');
    });
  });

  describe('NX XX GT LT', () => {
    it('each condition applies against a key with and without a deadline, as Redis decides', async () => {
      const conds = [['NX'], ['XX'], ['GT'], ['LT'], ['XX', 'GT'], ['XX', 'LT'], ['gt', 'xx'], ['nx']];
      const states: (string | null)[] = [null, String(FUTURE_S)];
      for (const cond of conds) {
        for (const state of states) {
          for (const target of [FUTURE_S - 100, FUTURE_S, FUTURE_S + 100, -1]) {
            await d.pair.cmd('SET', 'k', 'v');
            if (state !== null) await d.pair.cmd('EXPIREAT', 'k', state);
            await d.pair.cmd('EXPIREAT', 'k', String(target), ...cond);
            await d.pair.cmd('EXPIRETIME', 'k');
          }
        }
      }
    });

    it('conflicting or unknown conditions are refused before the time is read', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      const bad = [['NX', 'XX'], ['NX', 'GT'], ['NX', 'LT'], ['GT', 'LT'], ['XX', 'GT', 'LT'], ['NX', 'XX', 'GT', 'LT'], ['FOO'], ['NX', 'FOO'], ['nxx'], ['']];
      for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) {
        for (const opts of bad) await d.pair.cmd(cmd, 'k', 'notanumber', ...opts);
        await d.pair.cmd(cmd, 'missing', '10', 'NX', 'XX');
      }
      await d.pair.cmd('EXPIRE', 'k', '10', 'NX', 'NX');
      await d.pair.cmd('TTL', 'k');
    });

    it('an unknown option is echoed up to a NUL byte, and an option ends at one', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('EXPIRE', 'k', '10', Buffer.from('bad\0tail'));
      await d.pair.cmd('EXPIRE', 'k', '10', Buffer.from('nx\0tail'));
      await d.pair.cmd('TTL', 'k');
      await d.pair.cmd('EXPIRE', 'k', '10', 'line\r\nbreak');
    });
  });

  describe('argument errors', () => {
    it('a time that is not an integer is refused', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      for (const t of ['abc', '1.5', '', ' 1', '+1', '01', '9223372036854775808', '-9223372036854775809']) {
        for (const cmd of ['EXPIRE', 'PEXPIRE', 'EXPIREAT', 'PEXPIREAT']) await d.pair.cmd(cmd, 'k', t);
      }
      await d.pair.cmd('EXPIRE', 'k');
    });

    it('times that overflow in ms are refused with the command named', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      const cases: [string, string][] = [
        ['EXPIRE', '9223372036854776'],
        ['EXPIRE', '-9223372036854776'],
        ['EXPIRE', '9223372036854775'],
        ['EXPIREAT', '9223372036854776'],
        ['EXPIREAT', '-9223372036854776'],
        ['PEXPIRE', '9223372036854775807'],
        ['PEXPIRE', '9223372036000000000'],
        ['expire', '-9223372036854775808'],
      ];
      for (const [cmd, t] of cases) await d.pair.cmd(cmd, 'k', t);
      await d.pair.cmd('EXISTS', 'k');
    });

    it('deadlines past 2^53 ms are accepted but reported rounded', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('PEXPIREAT', 'k', '9223372036854775807');
      await d.pair.cmdKnown('expire-beyond-2^53', 'PEXPIRETIME', 'k');
      await d.pair.cmd('SET', 'j', 'v');
      await d.pair.cmd('EXPIREAT', 'j', '9223372036854775');
      const [r, f] = await d.pair.cmdKnown('expire-beyond-2^53', 'PEXPIRETIME', 'j');
      expect(Number(f.toString().slice(1))).to.equal(Number(r.toString().slice(1)));
      await d.pair.cmd('EXPIRETIME', 'j');
      await d.pair.cmdKnown('expire-beyond-2^53', 'TTL', 'j');
    });
  });

  describe('lazy expiry', () => {
    it('a key past its deadline is gone for every key command', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('SET', 'other', 'v');
      await d.pair.cmd('PEXPIRE', 'k', '30');
      await sleep(80);
      await d.pair.cmd('GET', 'k');
      for (const cmd of ['EXISTS', 'TTL', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME', 'TYPE', 'PERSIST', 'TOUCH', 'DEL', 'UNLINK']) {
        await d.pair.cmd('SET', 'k', 'v');
        await d.pair.cmd('PEXPIRE', 'k', '20');
        await sleep(50);
        await d.pair.cmd(cmd, 'k');
      }
    });

    it('expired keys are hidden from KEYS, SCAN and RANDOMKEY, and refused by RENAME COPY MOVE OBJECT EXPIRE', async () => {
      await d.pair.cmd('SET', 'other', 'v');
      const checks: (string | number)[][] = [
        ['KEYS', '*'],
        ['SCAN', '0'],
        ['RENAME', 'k', 'z'],
        ['RENAMENX', 'k', 'z'],
        ['COPY', 'k', 'z'],
        ['MOVE', 'k', '1'],
        ['OBJECT', 'ENCODING', 'k'],
        ['EXPIRE', 'k', '100'],
        ['RENAME', 'other', 'k'],
      ];
      for (const c of checks) {
        await d.pair.cmd('SET', 'k', 'v');
        await d.pair.cmd('PEXPIRE', 'k', '20');
        await sleep(50);
        await d.pair.cmd(...c);
      }
      await d.pair.cmd('GET', 'k');
    });

    it('RANDOMKEY answers null when every key has expired', async () => {
      for (const k of ['a', 'b', 'c']) {
        await d.pair.cmd('SET', k, 'v');
        await d.pair.cmd('PEXPIRE', k, '20');
      }
      await sleep(60);
      await d.pair.cmd('RANDOMKEY');
      await resp3(d.pair);
      await d.pair.cmd('RANDOMKEY');
    });

    it('COPY and MOVE onto an expired target succeed', async () => {
      await d.pair.cmd('SET', 'src', 'v');
      await d.pair.cmd('SET', 'dst', 'old');
      await d.pair.cmd('PEXPIRE', 'dst', '20');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('SET', 'src', 'old');
      await d.pair.cmd('PEXPIRE', 'src', '20');
      await d.pair.cmd('SELECT', '0');
      await sleep(50);
      await d.pair.cmd('COPY', 'src', 'dst');
      await d.pair.cmd('MOVE', 'src', '1');
      await d.pair.cmd('SELECT', '1');
      await d.pair.cmd('GET', 'src');
      await d.pair.cmd('FLUSHDB');
    });
  });

  describe('active expiry', () => {
    it('keys past their deadline disappear without being accessed', async () => {
      for (let i = 0; i < 20; i++) await d.pair.cmd('SET', `k${i}`, 'v');
      await d.pair.cmd('SET', 'stays', 'v');
      await d.pair.cmd('DBSIZE');
      for (let i = 0; i < 20; i++) await d.pair.cmd('PEXPIRE', `k${i}`, '200');
      await sleep(900);
      await d.pair.cmd('DBSIZE');
    });
  });
});

describe('faha: active expiry is logged', () => {
  it('keys removed by active expiry stay removed after a restart', async function () {
    this.timeout(30000);
    const faha = await startFaha({ args: ['--hz', '50'] });
    try {
      const c = await RawClient.connect(faha.port);
      for (let i = 0; i < 30; i++) {
        await c.call('SET', `gone${i}`, 'v');
        await c.call('PEXPIRE', `gone${i}`, '40');
      }
      await c.call('SET', 'stays', 'v');
      await c.call('PEXPIRE', 'stays', '600000');
      await sleep(500);
      c.close();
    } finally {
      await faha.stop(false);
    }
    // Recovery only applies records (it never expires anything): what it rebuilds is exactly what was logged.
    const store = new Store({ dir: faha.dir, databases: 16, segmentSize: 64 << 20, backend: openBackend('libc'), fsync: 'no' });
    try {
      expect(keysOf(store.dbs[0])).to.deep.equal(['stays']);
    } finally {
      store.log.close();
      await faha.stop(true);
    }
  });
});
