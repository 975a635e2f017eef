// The failover campaign (npm run failover-campaign -- --help): SIGKILLs the primary of a cluster with synchronous
// backups at random moments under a mixed write load, promotes the most advanced backup, and checks on it that no
// acknowledged write was lost. Exit code 1 on any mismatch. Command-line handling only; rounds in server/testing.
import { parseArgs } from 'node:util';
import { FailoverCampaign, type FailoverOptions } from '../server/testing/failover-campaign.js';

const USAGE = `usage: node dist/scripts/failover-campaign.js [--kills 20] [--clients 6] [--seed N] [--backups 2] [--sync-backups 2] [--sync-timeout 10000] [--segment-size 1mb] [--keep]
  --kills N            rounds of load + SIGKILL of the primary + promotion + check + rejoin (default 20)
  --clients N          concurrent clients, each with its own keys (default 6)
  --seed N             seed of the command streams and kill times (default: time-based, printed)
  --backups N          backups besides the primary (default 2)
  --sync-backups N     backups every write waits for (default 2)
  --sync-timeout MS    sync-backups-timeout (default 10000)
  --segment-size S     faha's segment-size (default 1mb, small so the log cleaner is busy)
  --keep               keep the data directories (their paths are printed)`;

function nonNegativeInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not ${JSON.stringify(v)}`);
  return n;
}

function options(argv: string[]): FailoverOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      kills: { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
      backups: { type: 'string' },
      'sync-backups': { type: 'string' },
      'sync-timeout': { type: 'string' },
      'segment-size': { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const backups = Math.max(1, nonNegativeInt('backups', values.backups, 2));
  const syncBackups = nonNegativeInt('sync-backups', values['sync-backups'], 2);
  if (syncBackups > backups) throw new Error(`--sync-backups ${syncBackups} exceeds --backups ${backups}: no write could ever be acknowledged`);
  return {
    kills: nonNegativeInt('kills', values.kills, 20),
    clients: Math.max(1, nonNegativeInt('clients', values.clients, 6)),
    seed: nonNegativeInt('seed', values.seed, Date.now() % 1_000_000),
    backups,
    syncBackups,
    syncBackupsTimeoutMs: nonNegativeInt('sync-timeout', values['sync-timeout'], 10000),
    segmentSize: values['segment-size'] ?? '1mb',
    keep: values.keep ?? false,
    killAfterMs: [100, 1500],
    log: (line) => process.stdout.write(line + '\n'),
  };
}

function summarize(c: FailoverCampaign, s: Awaited<ReturnType<FailoverCampaign['run']>>, seconds: number, keep: boolean): string {
  const sum = (f: (r: (typeof s.rounds)[number]) => number) => s.rounds.reduce((n, r) => n + f(r), 0);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  return (
    `summary: ${s.rounds.length} primary kills, ${s.acked} writes acknowledged, ${sum((r) => r.inFlight)} in flight at a kill ` +
    `(${sum((r) => r.inFlightTx)} transactions; ${sum((r) => r.inFlightApplied)} found applied on the promoted backup), ${sum((r) => r.keysChecked)} key checks, ` +
    `promotion median ${median(s.rounds.map((r) => r.promoteMs))} ms, rejoin median ${median(s.rounds.map((r) => r.rejoinMs))} ms, ` +
    `${s.mismatches} mismatches, ${s.divergences} divergences, ${seconds.toFixed(1)} s` +
    (keep ? `; data kept in ${c.dirs().join(' ')}` : '')
  );
}

async function main(): Promise<number> {
  let opts: FailoverOptions | null;
  try {
    opts = options(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (opts === null) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const campaign = new FailoverCampaign(opts);
  const interrupted = () => {
    process.stdout.write('\ninterrupted: stopping the cluster and cleaning up\n');
    void campaign.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  opts.log(
    `failover campaign: ${opts.kills} kills, ${opts.clients} clients, seed ${opts.seed}, primary + ${opts.backups} backups, ` +
      `sync-backups ${opts.syncBackups}, segment-size ${opts.segmentSize}`,
  );
  const t0 = Date.now();
  try {
    await campaign.start();
    const s = await campaign.run();
    opts.log(summarize(campaign, s, (Date.now() - t0) / 1000, opts.keep));
    return s.mismatches > 0 || s.divergences > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(`failover campaign failed: ${(err as Error).stack ?? String(err)}\n(re-run with --seed ${opts.seed} --keep to keep the data directories)\n`);
    return 1;
  } finally {
    await campaign.cleanup();
  }
}

process.exitCode = await main();
