// Behaviour test of log shipping's strongest promise: a backup writes every batch at the same segment and offset as
// the primary, cleaner copies and freed segments included, so after a quiet period each segment file both nodes
// hold is byte-identical (the primary may hold one spare, all-zero segment more).
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LoadClient } from '../testing/crash-load.js';
import { overwrite } from '../testing/repl-load.js';
import { pollUntil, ReplicationCluster, type ClusterNode } from '../testing/replication-cluster.js';

const ARGS = ['--sync-backups', '2', '--segment-size', '1mb', '--auto-aof-rewrite-min-size', '0', '--log-max-space-amplification', '1.5'];

function segments(node: ClusterNode): Map<string, Buffer> {
  const dir = join(node.dir, 'log');
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.seg')).sort()) out.set(f, readFileSync(join(dir, f)));
  return out;
}

function manifestSegments(node: ClusterNode): number[] {
  return (JSON.parse(readFileSync(join(node.dir, 'log', 'MANIFEST'), 'utf8')) as { segments: number[] }).segments;
}

const allZero = (b: Buffer) => b.every((x) => x === 0);

/** Every way the backup's segment files differ from the primary's; empty when identical as the promise allows. */
function differences(primary: Map<string, Buffer>, backup: Map<string, Buffer>, name: string): string[] {
  const out: string[] = [];
  const onlyPrimary = [...primary.keys()].filter((f) => !backup.has(f));
  if (onlyPrimary.length > 1 || onlyPrimary.some((f) => !allZero(primary.get(f)!))) {
    out.push(`${name} lacks ${onlyPrimary.map((f) => `${f}${allZero(primary.get(f)!) ? ' (zero)' : ' (has data)'}`).join(', ')}`);
  }
  for (const [f, b] of backup) {
    const p = primary.get(f);
    if (p === undefined) {
      if (!allZero(b)) out.push(`${name} holds ${f} with data; the primary has no such segment`);
      continue;
    }
    if (p.equals(b)) continue;
    let i = 0;
    while (i < Math.min(p.length, b.length) && p[i] === b[i]) i++;
    out.push(`${name} ${f}: first difference at byte ${i} (sizes ${p.length} / ${b.length})`);
  }
  return out;
}

/** Waits (bounded) until every backup's segment files match the primary's; returns the fewest files a backup shares. */
async function identicalLogs(c: ReplicationCluster): Promise<number> {
  let shared = 0;
  await pollUntil('segment files identical', 15000, async () => {
    await c.waitCaughtUp(10000);
    const p = segments(c.primary);
    const diffs = c.backups.flatMap((b) => differences(p, segments(b), b.name));
    shared = Math.min(...c.backups.map((b) => [...segments(b).keys()].filter((f) => p.has(f)).length));
    return diffs.length === 0 ? null : diffs.join('; ');
  }, 250);
  return shared;
}

describe('replication: byte-identical logs', function () {
  this.timeout(60000);
  let cluster: ReplicationCluster | null = null;

  afterEach(async () => {
    await cluster?.stopAll();
    cluster = null;
  });

  it('after a mixed load with cleaning and a quiet period, every segment file a backup shares with the primary is identical byte for byte', async () => {
    cluster = await ReplicationCluster.start({ backups: 2, args: ARGS });
    const c = cluster;
    const firstSegment = manifestSegments(c.primary)[0];
    const clients = [0, 1, 2].map((i) => new LoadClient(i, 5));
    await Promise.all([
      ...clients.map((lc) => lc.run(c.primary.port, 400)),
      overwrite(c.primary.port, { prefix: 'ow:', keys: 700, valueBytes: 3000, passes: 5 }),
    ]);
    expect(clients.flatMap((lc) => lc.divergences), 'every reply as the model predicts').to.deep.equal([]);
    expect(manifestSegments(c.primary)[0], 'the cleaner freed the first segments during the load').to.be.greaterThan(firstSegment);
    expect(await identicalLogs(c), 'segment files each backup shares with the primary').to.be.greaterThanOrEqual(2);
  });

  it('a backup that joined by full sync after cleaning holds the same segment files byte for byte', async () => {
    cluster = await ReplicationCluster.start({ backups: 0, args: ARGS, primaryArgs: ['--sync-backups', '0'] });
    const c = cluster;
    const firstSegment = manifestSegments(c.primary)[0];
    await overwrite(c.primary.port, { prefix: 'ow:', keys: 700, valueBytes: 3000, passes: 5 });
    expect(manifestSegments(c.primary)[0], 'the cleaner freed the first segments').to.be.greaterThan(firstSegment);
    await c.addBackup();
    await c.waitInSync(30000);
    await overwrite(c.primary.port, { prefix: 'late:', keys: 50, valueBytes: 2000, passes: 2 });
    expect(await identicalLogs(c), 'segment files the backup shares with the primary').to.be.greaterThanOrEqual(2);
  });
});
