// The crash campaign, short: faha is SIGKILLed five times under a mixed write load of every type and transactions,
// restarted on the same directory each time, and every key must match the model. Also proves the parts can fail:
// the model must agree with redis-server 7.0, and the checker must catch a lost write and a half-applied transaction.
import { expect } from 'chai';
import { checkAll } from '../server/testing/crash-check.js';
import { Campaign, describeRound } from '../server/testing/crash-campaign.js';
import { LoadClient } from '../server/testing/crash-load.js';
import { RawClient } from '../server/testing/raw-client.js';
import { redisServerAvailable, startRedis } from '../server/testing/servers.js';

function campaign(kills: number, clients: number, seed: number): Campaign {
  return new Campaign({ kills, clients, seed, segmentSize: '1mb', keep: false, killAfterMs: [50, 700], log: () => {} });
}

describe('crash campaign: SIGKILL under a mixed load of every type', () => {
  let c: Campaign | null = null;

  afterEach(async () => {
    await c?.cleanup();
    c = null;
  });

  it('loses no acknowledged write and half-applies no transaction across five kills', async function () {
    this.timeout(30000);
    c = campaign(5, 4, 42);
    const s = await c.run();
    const problems = s.rounds.flatMap((r) => [...r.mismatches.map((m) => `round ${r.round}: ${m.kind} ${m.key}: expected ${m.expected}, got ${m.got}`), ...r.divergences.map((d) => `round ${r.round}: ${d.command} expected ${d.expected} got ${d.got}`)]);
    expect(problems, s.rounds.map((r) => describeRound(r, 5)).join('\n')).to.deep.equal([]);
    expect(s.acked, 'writes acknowledged over the campaign').to.be.greaterThan(200);
    expect(s.rounds.every((r) => r.keysChecked === 4 * 15)).to.equal(true);
  });

  it('the checker reports an acknowledged write that the server never saw', async function () {
    this.timeout(20000);
    c = campaign(0, 2, 7);
    await c.start();
    await Promise.all(c.clients.map((lc) => lc.run(c!.server!.port, 150)));
    expect((await checkAll(c.server!.port, c.clients)).mismatches, 'before tampering').to.deep.equal([]);
    c.clients[1].db.set('c1:s2', { val: { t: 'string', v: 'never sent' }, ttl: false });
    const { mismatches } = await checkAll(c.server!.port, c.clients);
    expect(mismatches.map((m) => [m.key, m.kind, m.expected])).to.deep.equal([['c1:s2', 'acknowledged write lost or changed', 'string "never sent"']]);
  });

  it('the checker reports a transaction applied to some of its keys but not all', async function () {
    this.timeout(20000);
    c = campaign(0, 1, 9);
    await c.start();
    const lc = c.clients[0];
    const raw = await RawClient.connect(c.server!.port);
    try {
      await raw.call('DEL', 'c0:s1', 'c0:h1');
      lc.db.delete('c0:s1');
      lc.db.delete('c0:h1');
      const after = new Map([
        ['c0:s1', { val: { t: 'string' as const, v: 'a' }, ttl: false }],
        ['c0:h1', { val: { t: 'hash' as const, v: new Map([['f', 'b']]) }, ttl: false }],
      ]);
      const inFlight = () => ({ op: { cmds: [['SET', 'c0:s1', 'a'], ['HSET', 'c0:h1', 'f', 'b']], tx: true, keys: ['c0:s1', 'c0:h1'] }, before: new Map(), after });
      lc.inFlight = inFlight();
      expect((await checkAll(c.server!.port, [lc])).mismatches, 'all keys before').to.deep.equal([]);
      await raw.call('SET', 'c0:s1', 'a');
      const half = (await checkAll(c.server!.port, [lc])).mismatches;
      expect(half.map((m) => m.key).sort()).to.deep.equal(['c0:h1', 'c0:s1']);
      expect(half.every((m) => m.kind.startsWith('half-applied transaction'))).to.equal(true);
      await raw.call('HSET', 'c0:h1', 'f', 'b');
      expect((await checkAll(c.server!.port, [lc])).mismatches, 'all keys after').to.deep.equal([]);
    } finally {
      raw.close();
    }
  });
});

describe('crash campaign: the model is Redis', () => {
  it('the load model predicts every reply and every key of redis-server 7.0', async function () {
    if (!redisServerAvailable()) this.skip();
    this.timeout(30000);
    const redis = await startRedis();
    try {
      const clients = [0, 1, 2].map((i) => new LoadClient(i, 11));
      await Promise.all(clients.map((lc) => lc.run(redis.port, 1500)));
      expect(clients.flatMap((lc) => lc.divergences)).to.deep.equal([]);
      expect((await checkAll(redis.port, clients)).mismatches).to.deep.equal([]);
      expect(clients.every((lc) => lc.acked === 1500)).to.equal(true);
    } finally {
      await redis.stop();
    }
  });
});
