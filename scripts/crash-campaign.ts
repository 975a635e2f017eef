// The crash campaign (npm run crash-campaign -- --help): SIGKILLs faha at random moments under a mixed write load
// and checks after every restart that no acknowledged write was lost and no transaction half-applied. Exit code 1
// on any mismatch. Command-line handling only; the rounds live in server/testing/crash-campaign.ts.
import { parseArgs } from 'node:util';
import { Campaign, type CampaignOptions } from '../server/testing/crash-campaign.js';
import { CAMPAIGN_OPTIONS, campaignMain, nonNegativeInt, roundTotals, upperMedian } from './campaign-cli.js';

const USAGE = `usage: node dist/scripts/crash-campaign.js [--kills 50] [--clients 8] [--seed N] [--segment-size 1mb] [--keep]
  --kills N          rounds of load + SIGKILL + restart + check (default 50)
  --clients N        concurrent clients, each with its own keys (default 8)
  --seed N           seed of the command streams and kill times (default: time-based, printed)
  --segment-size S   faha's segment-size (default 1mb, small so the log cleaner is busy)
  --keep             keep the data directory (its path is printed)`;

function options(argv: string[]): CampaignOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: CAMPAIGN_OPTIONS,
  });
  if (values.help) return null;
  return {
    kills: nonNegativeInt('kills', values.kills, 50),
    clients: Math.max(1, nonNegativeInt('clients', values.clients, 8)),
    seed: nonNegativeInt('seed', values.seed, Date.now() % 1_000_000),
    segmentSize: values['segment-size'] ?? '1mb',
    keep: values.keep ?? false,
    killAfterMs: [50, 1500],
    log: (line) => process.stdout.write(line + '\n'),
  };
}

process.exitCode = await campaignMain({
  name: 'crash campaign',
  usage: USAGE,
  parse: options,
  create: (opts) => new Campaign(opts),
  stopping: 'faha',
  kept: 'data directory',
  async run(campaign, opts) {
    opts.log(`crash campaign: ${opts.kills} kills, ${opts.clients} clients, seed ${opts.seed}, segment-size ${opts.segmentSize}, dir ${campaign.dir}`);
    const t0 = Date.now();
    const s = await campaign.run();
    const ready = s.rounds.map((r) => r.readyMs);
    const t = roundTotals(s.rounds);
    opts.log(
      `summary: ${s.rounds.length} kills, ${s.acked} writes acknowledged, ${t.inFlight} in flight at a kill (${t.inFlightTx} transactions; ${t.inFlightApplied} found applied), ${t.keysChecked} key checks, ` +
        `restart-to-ready median ${upperMedian(ready)} ms (max ${ready.length ? Math.max(...ready) : 0} ms), ${s.mismatches} mismatches, ${s.divergences} divergences, ` +
        `${((Date.now() - t0) / 1000).toFixed(1)} s${opts.keep ? `; data kept in ${campaign.dir}` : ''}`,
    );
    return s.mismatches > 0 || s.divergences > 0 ? 1 : 0;
  },
});
