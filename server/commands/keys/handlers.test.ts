// In-process tests of the key command handlers where a differential test cannot be deterministic: keyspace
// hit/miss accounting, idle times under a moved clock, LFU counting, and expiry racing a SCAN. The expected
// numbers and bytes were taken from redis-server 7.0.15 running the same sequences.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, resetClock, shiftClock } from '../../clock.js';
import type { Config } from '../../config/config.js';
import { Store } from '../../engine/store.js';
import { Keyspace } from '../../keyspace/keyspace.js';
import { openBackend } from '../../platform/pmem.js';
import { ReplyWriter } from '../../resp/reply.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { KEY_HANDLERS } from './index.js';

const HANDLERS = new Map<string, Handler>(KEY_HANDLERS.map((h) => [h.name, h]));

describe('key command handlers (in process)', () => {
  let dir: string;
  let ks: Keyspace;
  let settings: Record<string, string | number>;
  let ctx: Context;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-key-handlers-'));
    const store = new Store({ dir, databases: 4, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'no' });
    ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    settings = { 'maxmemory-policy': 'noeviction', maxmemory: 0 };
    const config = { str: (n: string) => settings[n] as string, num: (n: string) => settings[n] as number } as unknown as Config;
    ctx = { session: { db: 0 }, reply: new ReplyWriter(), ks, server: { config } } as unknown as Context;
  });
  afterEach(() => {
    ks.store.log.close();
    rmSync(dir, { recursive: true, force: true });
    resetClock();
  });

  /** Runs one command (`object|encoding` style names for subcommands) and returns its raw reply. */
  function run(...args: string[]): string {
    const argv = args.map((a) => Buffer.from(a, 'latin1'));
    const lower = args[0].toLowerCase();
    const h = HANDLERS.get(lower) ?? HANDLERS.get(`${lower}|${args[1].toLowerCase()}`)!;
    const plan = h.parse(argv);
    if (plan instanceof ErrorReply) ctx.reply.error(plan.message);
    else h.exec(ctx, plan);
    return Buffer.concat(ctx.reply.take()).toString('latin1');
  }

  function set(key: string, expireAt = 0): void {
    ks.setString(0, key, Buffer.from('v'), expireAt);
  }

  function counts(): [number, number] {
    return [ks.counters.keyspaceHits, ks.counters.keyspaceMisses];
  }

  it('counts keyspace hits and misses as Redis does for each key command', () => {
    set('k');
    run('OBJECT', 'ENCODING', 'k');
    run('OBJECT', 'ENCODING', 'nokey');
    expect(counts()).to.deep.equal([1, 1]);
    run('TYPE', 'k');
    run('TYPE', 'nokey');
    expect(counts()).to.deep.equal([2, 2]);
    run('EXISTS', 'k', 'nokey');
    run('TTL', 'k');
    run('TTL', 'nokey');
    expect(counts()).to.deep.equal([4, 4]);
    run('TOUCH', 'k', 'nokey');
    run('COPY', 'k', 'k2');
    run('COPY', 'nokey', 'k3');
    expect(counts()).to.deep.equal([6, 6]);
    run('RENAME', 'k', 'k4');
    run('MOVE', 'k4', '1');
    run('PERSIST', 'k2');
    run('EXPIRE', 'k2', '100');
    expect(counts()).to.deep.equal([6, 6]);
    expect(run('SCAN', '0', 'TYPE', 'string')).to.equal('*2\r\n$1\r\n0\r\n*1\r\n$2\r\nk2\r\n');
    expect(counts()).to.deep.equal([7, 6]);
    run('KEYS', '*');
    run('RANDOMKEY');
    expect(counts()).to.deep.equal([7, 6]);
  });

  it('SCAN TYPE none returns the name of a key that expired under it, as Redis 7.0 does', () => {
    set('k', now() + 1000);
    set('j');
    shiftClock(2000);
    expect(run('SCAN', '0', 'TYPE', 'none')).to.equal('*2\r\n$1\r\n0\r\n*1\r\n$1\r\nk\r\n');
    expect(ks.db(0).size).to.equal(1);
    expect(ks.counters.expiredKeys).to.equal(1);
  });

  it('SCAN deletes the expired keys it meets and does not return them', () => {
    set('k', now() + 1000);
    set('j');
    shiftClock(2000);
    expect(run('SCAN', '0')).to.equal('*2\r\n$1\r\n0\r\n*1\r\n$1\r\nj\r\n');
    expect(ks.counters.expiredKeys).to.equal(1);
  });

  it('KEYS hides expired keys without deleting them; DEL counts them as expired, not deleted', () => {
    set('k', now() + 1000);
    shiftClock(2000);
    expect(run('KEYS', '*')).to.equal('*0\r\n');
    expect(ks.db(0).size).to.equal(1);
    expect(run('DEL', 'k')).to.equal(':0\r\n');
    expect(ks.counters.expiredKeys).to.equal(1);
  });

  it('RANDOMKEY deletes the expired keys it draws until it finds a live one', () => {
    for (let i = 0; i < 20; i++) set(`gone${i}`, now() + 1000);
    set('live');
    shiftClock(2000);
    expect(run('RANDOMKEY')).to.equal('$4\r\nlive\r\n');
    // Whatever it drew before finding the live key is gone and counted as expired.
    expect(ks.db(0).size + ks.counters.expiredKeys).to.equal(21);
    for (let i = 0; i < 20; i++) set(`more${i}`, now() + 1000);
    ks.delete(0, 'live');
    shiftClock(2000);
    expect(run('RANDOMKEY')).to.equal('$-1\r\n');
    expect(ks.db(0).size).to.equal(0);
  });

  it('OBJECT IDLETIME counts seconds since the last access; only real accesses reset it', () => {
    set('k');
    shiftClock(5000);
    expect(run('OBJECT', 'IDLETIME', 'k')).to.equal(':5\r\n');
    for (const cmd of [['TYPE', 'k'], ['EXISTS', 'k'], ['TTL', 'k'], ['PTTL', 'k'], ['OBJECT', 'ENCODING', 'k'], ['SCAN', '0', 'TYPE', 'string'], ['KEYS', '*']]) run(...cmd);
    expect(run('OBJECT', 'IDLETIME', 'k')).to.equal(':5\r\n');
    run('TOUCH', 'k');
    expect(run('OBJECT', 'IDLETIME', 'k')).to.equal(':0\r\n');
    shiftClock(3000);
    run('PERSIST', 'k');
    expect(run('OBJECT', 'IDLETIME', 'k')).to.equal(':0\r\n');
  });

  it('under an LFU policy, key command accesses feed the counter and it decays per idle minute', () => {
    settings['maxmemory-policy'] = 'allkeys-lfu';
    // The server keeps ks.lfu in step with maxmemory-policy (app.ts); here the test does.
    ks.lfu = true;
    set('k');
    expect(run('OBJECT', 'FREQ', 'k')).to.equal(':5\r\n');
    run('TOUCH', 'k');
    expect(run('OBJECT', 'FREQ', 'k')).to.equal(':6\r\n');
    run('RENAME', 'k', 'r');
    const f = Number(run('OBJECT', 'FREQ', 'r').slice(1, -2));
    expect(f).to.be.within(6, 8);
    shiftClock(2 * 60000);
    expect(run('OBJECT', 'FREQ', 'r')).to.equal(`:${f - 2}\r\n`);
    expect(run('OBJECT', 'IDLETIME', 'r')).to.match(/^-ERR An LFU maxmemory policy is selected/);
    settings['maxmemory-policy'] = 'volatile-lru';
    ks.lfu = false;
    expect(run('OBJECT', 'FREQ', 'r')).to.match(/^-ERR An LFU maxmemory policy is not selected/);
  });

  it('EXPIRE with a deadline in the past logs a delete, not an expiry', () => {
    set('k');
    expect(run('PEXPIREAT', 'k', '1')).to.equal(':1\r\n');
    expect(ks.counters.expiredKeys).to.equal(0);
    expect(ks.db(0).size).to.equal(0);
  });
});
