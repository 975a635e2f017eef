// Behaviour test of faha's headline promise: with sync-backups 2, a primary SIGKILLed under a mixed write load loses
// no acknowledged write — the most advanced backup, promoted, holds them all — and the killed node rejoins as a
// backup. Also a short failover campaign, and an old primary whose unshipped write must be discarded on rejoin.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAll } from '../testing/crash-check.js';
import { LoadClient } from '../testing/crash-load.js';
import { describeFailoverRound, FailoverCampaign } from '../testing/failover-campaign.js';
import { RawClient } from '../testing/raw-client.js';
import { command, replicationInfo, ReplicationCluster, sleep, type ClusterNode } from '../testing/replication-cluster.js';

/** Whether any segment file in the node's log holds these bytes (the load's values are plain ASCII). */
function logHolds(node: ClusterNode, text: string): boolean {
  const dir = join(node.dir, 'log');
  return readdirSync(dir).some((f) => f.endsWith('.seg') && readFileSync(join(dir, f)).includes(text));
}

const SYNC2 = ['--sync-backups', '2', '--segment-size', '1mb', '--auto-aof-rewrite-min-size', '0'];

describe('replication: failover after the primary is SIGKILLed', function () {
  this.timeout(60000);
  let cluster: ReplicationCluster | null = null;
  let campaign: FailoverCampaign | null = null;

  afterEach(async () => {
    await cluster?.stopAll();
    await campaign?.cleanup();
    cluster = null;
    campaign = null;
  });

  it('the promoted backup holds every acknowledged write, and the killed primary rejoins holding the same', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: SYNC2 });
    const c = cluster;
    const clients = [0, 1, 2, 3].map((i) => new LoadClient(i, 77));
    const victim = c.primary;
    const runs = clients.map((lc) => lc.run(victim.port));
    await sleep(800);
    await c.kill(victim, 'SIGKILL');
    await Promise.all(runs);
    const acked = clients.reduce((n, lc) => n + lc.acked, 0);
    expect(acked, 'writes acknowledged before the kill').to.be.greaterThan(20);

    const { promoted } = await c.promoteMostAdvanced();
    const check = await checkAll(promoted.port, clients);
    expect(check.mismatches, 'keys on the promoted backup against the acknowledged writes').to.deep.equal([]);
    expect(clients.flatMap((lc) => lc.divergences)).to.deep.equal([]);
    expect((await replicationInfo(promoted.port)).role).to.equal('master');

    for (const lc of clients) lc.adopt(check.observed.get(lc.client)!);
    await c.startAsBackup(victim);
    await c.waitInSync(30000);
    await Promise.all(clients.map((lc) => lc.run(promoted.port, 40)));
    expect(clients.flatMap((lc) => lc.divergences), 'replies from the new primary').to.deep.equal([]);
    await c.waitCaughtUp(15000);
    for (const b of c.backups) expect((await checkAll(b.port, clients)).mismatches, `keys on ${b.name}`).to.deep.equal([]);
  });

  it('a short failover campaign of three primary kills loses no acknowledged write', async () => {
    campaign = new FailoverCampaign({
      kills: 3, clients: 3, seed: 4242, backups: 2, syncBackups: 2, syncBackupsTimeoutMs: 10000,
      segmentSize: '1mb', keep: false, killAfterMs: [200, 900], log: () => {},
    });
    const s = await campaign.run();
    const story = s.rounds.map((r) => describeFailoverRound(r, 3)).join('\n');
    const problems = s.rounds.flatMap((r) => [
      ...r.mismatches.map((m) => `round ${r.round}: ${m.kind} ${m.key}: expected ${m.expected}, got ${m.got}`),
      ...r.divergences.map((d) => `round ${r.round}: ${d.command} expected ${d.expected} got ${d.got}`),
    ]);
    expect(problems, story).to.deep.equal([]);
    expect(s.rounds.length).to.equal(3);
    expect(s.acked, story).to.be.greaterThan(30);
    expect(new Set(s.rounds.map((r) => r.killed)).size, 'the kills hit different nodes: later primaries were promoted backups').to.be.greaterThan(1);
  });

  it('an old primary holding a write no backup received rejoins as a backup and discards it', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: ['--sync-backups', '1', '--sync-backups-timeout', '10000'] });
    const c = cluster;
    expect(await command(c.primary.port, 'SET', 'dv:shared', 'before')).to.equal('OK');
    await c.waitCaughtUp(10000);
    const [b1, b2] = c.backups;
    const old = c.primary;
    const oldPort = old.port;
    await c.kill(b1, 'SIGKILL');
    await c.kill(b2, 'SIGKILL');
    // Executed and persisted on the old primary only; its reply is held for want of a backup, and never comes.
    const held = await RawClient.connect(oldPort);
    held.send('SET', 'dv:lost', 'only-on-the-old-primary');
    await sleep(300);
    await c.kill(old, 'SIGKILL');
    held.close();
    expect(logHolds(old, 'only-on-the-old-primary'), 'the old primary logged the unshipped write').to.equal(true);
    expect(logHolds(b1, 'only-on-the-old-primary') || logHolds(b2, 'only-on-the-old-primary'), 'a backup has it').to.equal(false);

    await c.startReplicaOf(b1, oldPort);
    await c.promote(b1);
    await c.startAsBackup(b2);
    await c.waitInSync(20000);
    expect(await command(b1.port, 'SET', 'dv:new', 'written-after-failover')).to.equal('OK');
    await c.startAsBackup(old);
    await c.waitInSync(30000);
    await c.waitCaughtUp(15000);
    for (const n of [b1, b2, old]) {
      expect(await command(n.port, 'GET', 'dv:lost'), `dv:lost on ${n.name}`).to.equal(null);
      expect(await command(n.port, 'GET', 'dv:new'), `dv:new on ${n.name}`).to.equal('written-after-failover');
      expect(await command(n.port, 'GET', 'dv:shared'), `dv:shared on ${n.name}`).to.equal('before');
    }
    expect(logHolds(old, 'only-on-the-old-primary'), 'the divergent tail is gone from the old primary\'s log files').to.equal(false);
  });
});
