// The failover campaign (npm run failover-campaign -- --help): SIGKILLs the primary of a cluster with synchronous
// backups at random moments under a mixed write load, promotes the most advanced backup, and checks on it that no
// acknowledged write was lost. Exit code 1 on any mismatch. Command-line handling only; rounds in server/testing.
import { parseArgs } from 'node:util';
import { FailoverCampaign, type FailoverOptions } from '../server/testing/failover-campaign.js';
import { CAMPAIGN_OPTIONS, campaignMain, nonNegativeInt, roundTotals, upperMedian } from './campaign-cli.js';

const USAGE = `usage: node dist/scripts/failover-campaign.js [--kills 20] [--clients 6] [--seed N] [--backups 2] [--sync-backups 2] [--sync-timeout 10000] [--segment-size 1mb] [--keep]
  --kills N            rounds of load + SIGKILL of the primary + promotion + check + rejoin (default 20)
  --clients N          concurrent clients, each with its own keys (default 6)
  --seed N             seed of the command streams and kill times (default: time-based, printed)
  --backups N          backups besides the primary (default 2)
  --sync-backups N     backups every write waits for (default 2)
  --sync-timeout MS    sync-backups-timeout (default 10000)
  --segment-size S     faha's segment-size (default 1mb, small so the log cleaner is busy)
  --keep               keep the data directories (their paths are printed)`;

function options(argv: string[]): FailoverOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...CAMPAIGN_OPTIONS,
      backups: { type: 'string' },
      'sync-backups': { type: 'string' },
      'sync-timeout': { type: 'string' },
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
  const t = roundTotals(s.rounds);
  return (
    `summary: ${s.rounds.length} primary kills, ${s.acked} writes acknowledged, ${t.inFlight} in flight at a kill ` +
    `(${t.inFlightTx} transactions; ${t.inFlightApplied} found applied on the promoted backup), ${t.keysChecked} key checks, ` +
    `promotion median ${upperMedian(s.rounds.map((r) => r.promoteMs))} ms, rejoin median ${upperMedian(s.rounds.map((r) => r.rejoinMs))} ms, ` +
    `${s.mismatches} mismatches, ${s.divergences} divergences, ${seconds.toFixed(1)} s` +
    (keep ? `; data kept in ${c.dirs().join(' ')}` : '')
  );
}

process.exitCode = await campaignMain({
  name: 'failover campaign',
  usage: USAGE,
  parse: options,
  create: (opts) => new FailoverCampaign(opts),
  stopping: 'the cluster',
  kept: 'data directories',
  async run(campaign, opts) {
    opts.log(
      `failover campaign: ${opts.kills} kills, ${opts.clients} clients, seed ${opts.seed}, primary + ${opts.backups} backups, ` +
        `sync-backups ${opts.syncBackups}, segment-size ${opts.segmentSize}`,
    );
    const t0 = Date.now();
    await campaign.start();
    const s = await campaign.run();
    opts.log(summarize(campaign, s, (Date.now() - t0) / 1000, opts.keep));
    return s.mismatches > 0 || s.divergences > 0 ? 1 : 0;
  },
});
