// maxmemory over faha's index: noeviction makes hot keys cold before it refuses writes with Redis's OOM error, the
// deleting policies delete keys as Redis does (evicted_keys, 'evicted' notifications), and a dataset much larger
// than hot-cache-size plus maxmemory's room for hot entries still serves every key.
import { expect } from 'chai';
import { setTimeout as sleep } from 'node:timers/promises';
import { infoFields } from '../server/testing/info-fields.js';
import { RawClient } from '../server/testing/raw-client.js';
import { decodeReply } from '../server/testing/resp-frame.js';
import { startFaha, type RunningServer } from '../server/testing/servers.js';
import { SLOT_COST } from '../server/keyspace/eviction.js';
import { pipeline } from './all-types-load.js';

const OOM = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";

const info = infoFields;

/** Polls `read` (every 20 ms, for at most 5 s) until `done` holds; returns the last reading. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  let v = await read();
  for (let i = 0; i < 250 && !done(v); i++) {
    await sleep(20);
    v = await read();
  }
  return v;
}

describe('maxmemory', function () {
  this.timeout(30000);
  let server: RunningServer;
  let c: RawClient;

  beforeEach(async () => {
    server = await startFaha({ args: ['--hot-cache-size', '0'] });
    c = await RawClient.connect(server.port);
  });

  afterEach(async () => {
    c.close();
    await server.stop(true);
  });

  const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => ['SET', `${prefix}:${i}`, `value ${i}`]);
  const str = (r: Buffer) => r.toString('latin1');

  it('under noeviction, going over maxmemory makes hot keys cold first, and only then refuses writes with OOM', async () => {
    await pipeline(c, keys(1000));
    // STRLEN needs each key's entry: all 1000 become hot.
    await pipeline(c, Array.from({ length: 1000 }, (_, i) => ['STRLEN', `k:${i}`]));
    expect(info(await c.call('INFO', 'faha')).index_hot_keys).to.equal('1000');
    // Room for the slots and a little more: the hot entries must go, and then writes fit.
    await c.call('CONFIG', 'SET', 'maxmemory', String(1100 * SLOT_COST));
    expect(str(await c.call('SET', 'one', 'more'))).to.equal('+OK\r\n');
    const after = info(await c.call('INFO', 'faha'));
    expect(Number(after.index_hot_keys), 'hot keys left').to.be.lessThan(1000);
    expect(Number(after.hot_demotions)).to.be.greaterThan(0);
    // Now the slots alone are over: writes are refused, reads and deletes go on.
    await c.call('CONFIG', 'SET', 'maxmemory', String(500 * SLOT_COST));
    // Demoting what is still hot may take longer than one command's share; then nothing more can be freed.
    await c.call('PING');
    await until(async () => info(await c.call('INFO', 'faha')).index_hot_keys, (hot) => hot === '0');
    expect(str(await c.call('SET', 'two', 'more'))).to.equal(OOM);
    expect(str(await c.call('LPUSH', 'list', 'x'))).to.equal(OOM);
    expect(str(await c.call('GET', 'k:7'))).to.equal('$7\r\nvalue 7\r\n');
    expect(str(await c.call('DEL', 'k:7'))).to.equal(':1\r\n');
    expect(str(await c.call('DBSIZE'))).to.equal(':1000\r\n');
    expect(info(await c.call('INFO', 'stats')).evicted_keys).to.equal('0');
    await c.call('CONFIG', 'SET', 'maxmemory', '0');
    expect(str(await c.call('SET', 'two', 'more'))).to.equal('+OK\r\n');
  });

  it('a refused command inside MULTI makes EXEC answer EXECABORT, as redis does', async () => {
    await pipeline(c, keys(100));
    await c.call('CONFIG', 'SET', 'maxmemory', String(10 * SLOT_COST));
    expect(str(await c.call('MULTI'))).to.equal('+OK\r\n');
    expect(str(await c.call('GET', 'k:1'))).to.equal(OOM);
    expect(str(await c.call('EXEC'))).to.equal("-EXECABORT Transaction discarded because of previous errors.\r\n");
  });

  it('allkeys-lru deletes keys until the dataset is within maxmemory, counts them and announces them as evicted', async () => {
    await pipeline(c, keys(2000));
    const sub = await RawClient.connect(server.port);
    try {
      await c.call('CONFIG', 'SET', 'notify-keyspace-events', 'Ee');
      await sub.call('SUBSCRIBE', '__keyevent@0__:evicted');
      await c.call('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru');
      await c.call('CONFIG', 'SET', 'maxmemory', String(1000 * SLOT_COST));
      expect(str(await c.call('SET', 'new', 'key'))).to.equal('+OK\r\n');
      // Eviction cut short by its time limit goes on after the command, as Redis's does.
      const dbsize = await until(async () => Number(decodeReply(await c.call('DBSIZE')).value), (n) => n <= 1000);
      expect(dbsize).to.be.at.least(900);
      expect(Number(info(await c.call('INFO', 'stats')).evicted_keys)).to.equal(2001 - dbsize);
      const first = decodeReply(await sub.readRaw()).value as Buffer[];
      expect(first.map(String).slice(0, 2)).to.deep.equal(['message', '__keyevent@0__:evicted']);
    } finally {
      sub.close();
    }
  });

  it('volatile-ttl deletes the keys nearest their deadline, and with none left refuses writes', async () => {
    await pipeline(c, keys(200, 'p'));
    await pipeline(c, Array.from({ length: 100 }, (_, i) => ['SET', `v:${i}`, 'x', 'EX', String(1000 + i)]));
    await c.call('CONFIG', 'SET', 'maxmemory-policy', 'volatile-ttl');
    await c.call('CONFIG', 'SET', 'maxmemory', String(250 * SLOT_COST));
    expect(str(await c.call('SET', 'one', 'more'))).to.equal('+OK\r\n');
    // The persistent keys stay; the volatile ones that went are the soonest to expire.
    expect(str(await c.call('EXISTS', 'p:0', 'p:199'))).to.equal(':2\r\n');
    expect(str(await c.call('EXISTS', 'v:0'))).to.equal(':0\r\n');
    expect(str(await c.call('EXISTS', 'v:99'))).to.equal(':1\r\n');
    await c.call('CONFIG', 'SET', 'maxmemory', String(100 * SLOT_COST));
    await c.call('SET', 'two', 'more');
    await until(async () => decodeReply(await c.call('KEYS', 'v:*')).value as unknown[], (v) => v.length === 0);
    expect(str(await c.call('SET', 'three', 'more'))).to.equal(OOM);
    expect(str(await c.call('EXISTS', 'p:0', 'p:199', 'one'))).to.equal(':3\r\n');
  });

  it('a dataset 4x larger than hot-cache-size plus the room maxmemory leaves still serves every key', async () => {
    const n = 20000;
    const g = 'x'.repeat(1000);
    const hot = 100000;
    const maxmemory = n * SLOT_COST + hot;
    await c.call('CONFIG', 'SET', 'hot-cache-size', String(hot));
    await c.call('CONFIG', 'SET', 'maxmemory', String(maxmemory));
    await pipeline(c, Array.from({ length: n }, (_, i) => ['HSET', `h:${i}`, 'f', `v${i}`, 'g', g]));
    const dataset = n * (g.length + 1 + 1 + 6);
    expect(dataset, 'dataset bytes').to.be.at.least(4 * (hot + maxmemory));
    // HGETALL needs each hash in DRAM (promoted, later demoted under the budget); HGET reads cold ones in the log.
    for (let i = 0; i < n; i += 200) {
      for (let j = i; j < i + 200; j++) c.send('HGETALL', `h:${j}`);
      for (let j = i; j < i + 200; j++) {
        const all = (decodeReply(await c.readRaw()).value as Buffer[]).map(String);
        expect(all, `h:${j}`).to.deep.equal(['f', `v${j}`, 'g', g]);
      }
    }
    for (let i = 0; i < n; i += 500) {
      for (let j = i; j < i + 500; j++) c.send('HGET', `h:${j}`, 'f');
      for (let j = i; j < i + 500; j++) expect(str(await c.readRaw())).to.equal(`$${String(`v${j}`).length}\r\nv${j}\r\n`);
    }
    const f = info(await c.call('INFO', 'faha'));
    expect(Number(f.index_cold_keys), 'cold keys').to.be.greaterThan(n / 2);
    expect(Number(f.hot_demotions), 'demotions').to.be.greaterThan(n / 2);
    expect(Number(f.hot_bytes)).to.be.at.most(4 * hot);
    expect(Number(decodeReply(await c.call('DBSIZE')).value)).to.equal(n);
  });
});
