// Behaviour test of a backup failing under write load. With sync-backups 2 and one of two backups gone (SIGKILL) or
// frozen (SIGSTOP, a partition), writes stall, then new ones are refused with NOREPLICAS after the timeout while the
// executed one stays held; when the backup is back and caught up the held reply is released. With sync-backups 1 the
// writes go on. Each case ends with the same value on every node.
import { expect } from 'chai';
import { RawClient } from '../testing/raw-client.js';
import { SequentialWriter } from '../testing/repl-load.js';
import { command, HOST, pollUntil, ReplicationCluster, sleep, type ClusterNode } from '../testing/replication-cluster.js';

const TIMEOUT_MS = 1500;
const NOREPLICAS = '-NOREPLICAS Not enough good replicas to write.\r\n';

function args(syncBackups: number): string[] {
  return ['--sync-backups', String(syncBackups), '--sync-backups-timeout', String(TIMEOUT_MS)];
}

/** One SET on a fresh connection; its raw reply, or the timeout text when none came within `ms`. */
async function rawSet(port: number, key: string, value: string, ms = 5000): Promise<string> {
  const c = await RawClient.connect(port);
  try {
    c.send('SET', key, value);
    return (await c.readRaw(ms)).toString('latin1');
  } catch (err) {
    return `no reply: ${(err as Error).message}`;
  } finally {
    c.close();
  }
}

/** Every node answers GET key with `value`. */
async function expectEverywhere(cluster: ReplicationCluster, key: string, value: string | null): Promise<void> {
  await cluster.waitCaughtUp(15000);
  for (const n of [cluster.primary, ...cluster.backups]) expect(await command(n.port, 'GET', key), `GET ${key} on ${n.name}`).to.equal(value);
}

describe('replication: a backup fails under write load', function () {
  this.timeout(40000);
  let cluster: ReplicationCluster | null = null;
  let writer: SequentialWriter | null = null;

  afterEach(async () => {
    for (const n of cluster?.nodes ?? []) n.server?.kill('SIGCONT');
    await cluster?.stopAll();
    await writer?.stop();
    cluster = null;
    writer = null;
  });

  /** Starts the writer on the primary and waits until some of its writes are acknowledged. */
  async function writing(c: ReplicationCluster): Promise<SequentialWriter> {
    writer = new SequentialWriter('bf:counter');
    writer.start(c.primary.port);
    const w = writer;
    await pollUntil('first writes acknowledged', 5000, async () => (w.lastOk >= 5 ? null : `${w.lastOk} acknowledged`));
    return w;
  }

  /**
   * With sync-backups 2 and a backup out since `outAt`: writes stall, then a new write is refused with NOREPLICAS
   * once `refuseAfterMs` have passed, while the write in flight stays held (never answered unbacked).
   */
  async function expectStallThenRefusal(c: ReplicationCluster, w: SequentialWriter, outAt: number, refuseAfterMs: number): Promise<number> {
    await sleep(outAt + TIMEOUT_MS - 500 - Date.now());
    expect(w.between(outAt + 200, Date.now()), 'replies to the writer while the backup was out, within the timeout').to.deep.equal([]);
    const held = w.pending;
    expect(held, 'the writer has a write in flight').to.be.greaterThan(0);
    await sleep(outAt + refuseAfterMs + 700 - Date.now());
    expect(await rawSet(c.primary.port, 'bf:refused', 'x'), 'a new write after the timeout').to.equal(NOREPLICAS);
    expect(w.between(outAt + 200, Date.now()), 'the held write is not answered (neither OK nor an error) while unbacked').to.deep.equal([]);
    expect(w.pending).to.equal(held);
    return held;
  }

  /** After the backup is back: the held write answered OK, writes accepted again, every node equal. */
  async function expectRelease(c: ReplicationCluster, w: SequentialWriter, held: number): Promise<void> {
    await c.waitInSync(20000);
    await pollUntil('the held write released', 15000, async () => (w.lastOk >= held ? null : `last OK ${w.lastOk}, held ${held}`));
    expect(w.errors, 'error replies to the writer').to.deep.equal([]);
    expect(await rawSet(c.primary.port, 'bf:after', 'y')).to.equal('+OK\r\n');
    await w.stop();
    await expectEverywhere(c, 'bf:counter', String(w.lastOk));
    await expectEverywhere(c, 'bf:refused', null);
  }

  it('sync-backups 2: a SIGKILLed backup stalls writes, then NOREPLICAS after the timeout; restarted, it catches up and the held reply is released', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: args(2) });
    const c = cluster;
    const w = await writing(c);
    const victim: ClusterNode = c.backups[0];
    const outAt = Date.now();
    await c.kill(victim, 'SIGKILL');
    // A closed link counts at once: the refusal comes one timeout later.
    const held = await expectStallThenRefusal(c, w, outAt, TIMEOUT_MS);
    await c.startAsBackup(victim);
    await expectRelease(c, w, held);
    const fullSync = new RegExp(`full sync[^\\n]*${HOST.replace(/\./g, '\\.')}:${victim.port}\\b`, 'i');
    expect(c.primary.server!.output(), 'the restarted backup caught up from the log, without a full sync').not.to.match(fullSync);
  });

  it('sync-backups 1: writes go on while one of two backups is SIGKILLed, and the restarted backup catches up', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: args(1) });
    const c = cluster;
    const w = await writing(c);
    const victim = c.backups[0];
    const outAt = Date.now();
    await c.kill(victim, 'SIGKILL');
    await sleep(TIMEOUT_MS + 500);
    const during = w.between(outAt + 100, Date.now());
    expect(during.length, 'writes acknowledged while the backup was down').to.be.greaterThan(10);
    expect(w.errors).to.deep.equal([]);
    expect(await rawSet(c.primary.port, 'bf:during', 'z')).to.equal('+OK\r\n');
    await c.startAsBackup(victim);
    await c.waitInSync(20000);
    await sleep(200);
    await w.stop();
    expect(w.errors).to.deep.equal([]);
    await expectEverywhere(c, 'bf:counter', String(w.lastOk));
    await expectEverywhere(c, 'bf:during', 'z');
  });

  it('sync-backups 2: a SIGSTOPped backup (a partition) stalls writes, then NOREPLICAS; after SIGCONT it catches up and the held reply is released', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: args(2) });
    const c = cluster;
    const w = await writing(c);
    const victim = c.backups[0];
    const outAt = Date.now();
    await c.kill(victim, 'SIGSTOP');
    // A silent link is out of sync once its oldest unacked batch is older than the timeout: refused from then on.
    const held = await expectStallThenRefusal(c, w, outAt, TIMEOUT_MS);
    await c.kill(victim, 'SIGCONT');
    await expectRelease(c, w, held);
  });
});
