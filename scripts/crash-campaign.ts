// The crash campaign (npm run crash-campaign -- --help): SIGKILLs faha at random moments under a mixed write load
// and checks after every restart that no acknowledged write was lost and no transaction half-applied. Exit code 1
// on any mismatch. Command-line handling only; the rounds live in server/testing/crash-campaign.ts.
import { parseArgs } from 'node:util';
import { Campaign, type CampaignOptions } from '../server/testing/crash-campaign.js';

const USAGE = `usage: node dist/scripts/crash-campaign.js [--kills 50] [--clients 8] [--seed N] [--segment-size 1mb] [--keep]
  --kills N          rounds of load + SIGKILL + restart + check (default 50)
  --clients N        concurrent clients, each with its own keys (default 8)
  --seed N           seed of the command streams and kill times (default: time-based, printed)
  --segment-size S   faha's segment-size (default 1mb, small so the log cleaner is busy)
  --keep             keep the data directory (its path is printed)`;

function positiveInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not ${JSON.stringify(v)}`);
  return n;
}

function options(argv: string[]): CampaignOptions | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      kills: { type: 'string' },
      clients: { type: 'string' },
      seed: { type: 'string' },
      'segment-size': { type: 'string' },
      keep: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  return {
    kills: positiveInt('kills', values.kills, 50),
    clients: Math.max(1, positiveInt('clients', values.clients, 8)),
    seed: positiveInt('seed', values.seed, Date.now() % 1_000_000),
    segmentSize: values['segment-size'] ?? '1mb',
    keep: values.keep ?? false,
    killAfterMs: [50, 1500],
    log: (line) => process.stdout.write(line + '\n'),
  };
}

async function main(): Promise<number> {
  let opts: CampaignOptions | null;
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
  const campaign = new Campaign(opts);
  const interrupted = () => {
    process.stdout.write('\ninterrupted: stopping faha and cleaning up\n');
    void campaign.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  opts.log(`crash campaign: ${opts.kills} kills, ${opts.clients} clients, seed ${opts.seed}, segment-size ${opts.segmentSize}, dir ${campaign.dir}`);
  const t0 = Date.now();
  try {
    const s = await campaign.run();
    const ready = s.rounds.map((r) => r.readyMs).sort((a, b) => a - b);
    const median = ready.length ? ready[Math.floor(ready.length / 2)] : 0;
    opts.log(
      `summary: ${s.rounds.length} kills, ${s.acked} writes acknowledged, ${s.rounds.reduce((n, r) => n + r.inFlight, 0)} in flight at a kill (${s.rounds.reduce((n, r) => n + r.inFlightTx, 0)} transactions; ${s.rounds.reduce((n, r) => n + r.inFlightApplied, 0)} found applied), ${s.rounds.reduce((n, r) => n + r.keysChecked, 0)} key checks, ` +
        `restart-to-ready median ${median} ms (max ${ready[ready.length - 1] ?? 0} ms), ${s.mismatches} mismatches, ${s.divergences} divergences, ` +
        `${((Date.now() - t0) / 1000).toFixed(1)} s${opts.keep ? `; data kept in ${campaign.dir}` : ''}`,
    );
    return s.mismatches > 0 || s.divergences > 0 ? 1 : 0;
  } catch (err) {
    process.stderr.write(`crash campaign failed: ${(err as Error).stack ?? String(err)}\n(re-run with --seed ${opts.seed} --keep to keep the data directory)\n`);
    return 1;
  } finally {
    await campaign.cleanup();
  }
}

process.exitCode = await main();
