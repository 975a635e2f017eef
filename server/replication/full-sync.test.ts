// Behaviour test of how a backup first gets the data: one joining a primary whose old log was cleaned away must be
// given a full sync and then hold every key with its value; one joining a primary that holds data while a client
// keeps writing must not make that client see an error or a long stall.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAll } from '../testing/crash-check.js';
import { LoadClient } from '../testing/crash-load.js';
import { RawClient } from '../testing/raw-client.js';
import { overwrite, SequentialWriter } from '../testing/repl-load.js';
import { command, pollUntil, ReplicationCluster, sleep, type ClusterNode } from '../testing/replication-cluster.js';
import { decodeReply } from '../testing/resp-frame.js';

const CLEANING = ['--segment-size', '1mb', '--auto-aof-rewrite-min-size', '0', '--log-max-space-amplification', '1.5'];

function firstSegment(node: ClusterNode): number {
  return (JSON.parse(readFileSync(join(node.dir, 'log', 'MANIFEST'), 'utf8')) as { segments: number[] }).segments[0];
}

/** Every key's value read on `port`, pipelined; keys in the order given. */
async function getAll(port: number, keys: string[]): Promise<unknown[]> {
  const c = await RawClient.connect(port);
  try {
    const out: unknown[] = [];
    for (let i = 0; i < keys.length; i += 256) {
      const chunk = keys.slice(i, i + 256);
      for (const k of chunk) c.send('GET', k);
      for (let j = 0; j < chunk.length; j++) out.push(decodeReply(await c.readRaw(10000)).value);
    }
    return out;
  } finally {
    c.close();
  }
}

async function sortedKeys(port: number): Promise<string[]> {
  return ((await command(port, 'KEYS', '*')) as string[]).sort();
}

describe('replication: full sync', function () {
  this.timeout(60000);
  let cluster: ReplicationCluster | null = null;

  afterEach(async () => {
    await cluster?.stopAll();
    cluster = null;
  });

  it('a backup joining a primary whose first segments were cleaned away gets every key with its value', async () => {
    cluster = await ReplicationCluster.start({ backups: 0, args: CLEANING });
    const c = cluster;
    const first = firstSegment(c.primary);
    const clients = [0, 1, 2].map((i) => new LoadClient(i, 21));
    await Promise.all(clients.map((lc) => lc.run(c.primary.port, 300)));
    const written = await overwrite(c.primary.port, { prefix: 'fs:', keys: 200, valueBytes: 2500, passes: 10 });
    expect(clients.flatMap((lc) => lc.divergences)).to.deep.equal([]);
    // The cleaner frees segments in the background: the log the backup would need from its start goes shortly after.
    await pollUntil('the primary\'s first segments freed', 15000, async () => (firstSegment(c.primary) > first ? null : `first segment still ${first}`));

    const backup = await c.addBackup();
    await c.waitInSync(30000);
    await c.waitCaughtUp(10000);
    const check = await checkAll(backup.port, clients);
    expect(check.mismatches, 'the load clients\' keys on the backup').to.deep.equal([]);
    const keys = [...written.keys()];
    expect(await getAll(backup.port, keys), 'the overwritten strings on the backup').to.deep.equal([...written.values()]);
    expect(await sortedKeys(backup.port), 'the backup holds exactly the primary\'s keys').to.deep.equal(await sortedKeys(c.primary.port));
    expect(c.primary.server!.output(), 'the primary says it ran a full sync for this backup').to.match(new RegExp(`full sync[^\\n]*127\\.0\\.0\\.1:${backup.port}\\b`, 'i'));
  });

  it('a new backup joining a primary holding data does not make a writing client see an error or a long stall', async () => {
    cluster = await ReplicationCluster.start({ backups: 0, args: CLEANING });
    const c = cluster;
    const written = await overwrite(c.primary.port, { prefix: 'big:', keys: 20000, valueBytes: 100, passes: 1, depth: 256 });
    const clients = [0, 1].map((i) => new LoadClient(i, 33));
    const runs = clients.map((lc) => lc.run(c.primary.port));
    const writer = new SequentialWriter('fs:counter');
    writer.start(c.primary.port);
    await sleep(300);
    const joinAt = Date.now();
    await c.addBackup();
    await c.waitInSync(30000);
    const upAt = Date.now();
    await sleep(300);
    for (const lc of clients) lc.stop();
    await Promise.all([...runs, writer.stop()]);

    expect(writer.errors, 'error replies to the writer').to.deep.equal([]);
    expect(clients.flatMap((lc) => lc.divergences), 'replies to the load clients').to.deep.equal([]);
    const during = writer.between(joinAt, upAt + 300);
    expect(during.length, `writes acknowledged while the backup joined (${upAt - joinAt} ms)`).to.be.greaterThan(0);
    const gaps = during.map((r) => r.at - r.sentAt);
    expect(Math.max(...gaps), 'the longest wait for one reply while the backup joined, ms').to.be.lessThan(3000);

    await c.waitCaughtUp(10000);
    const backup = c.backups[0];
    expect((await checkAll(backup.port, clients)).mismatches).to.deep.equal([]);
    expect(await command(backup.port, 'GET', 'fs:counter')).to.equal(String(writer.lastOk));
    const sample = [...written.keys()].filter((_, i) => i % 97 === 0);
    expect(await getAll(backup.port, sample)).to.deep.equal(sample.map((k) => written.get(k)));
    expect(await command(backup.port, 'DBSIZE')).to.equal(await command(c.primary.port, 'DBSIZE'));
  });
});
