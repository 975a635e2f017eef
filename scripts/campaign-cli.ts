// What the crash and failover campaigns share as programs: integer options, and the run around their rounds —
// options first (a bad one prints the usage and exits 2, --help prints it), cleanup on Ctrl-C / SIGTERM and at
// the end, exit 1 on a failed run with the seed to re-run it, and the figures both summaries print. Command-line
// handling only.
import type { KillRound } from '../server/testing/crash-campaign.js';

/** The options both campaigns take (node:util parseArgs specs). */
export const CAMPAIGN_OPTIONS = {
  kills: { type: 'string' },
  clients: { type: 'string' },
  seed: { type: 'string' },
  'segment-size': { type: 'string' },
  keep: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The rounds' in-flight and key-check counts, summed for a summary line. */
export function roundTotals(rounds: readonly KillRound[]): { inFlight: number; inFlightTx: number; inFlightApplied: number; keysChecked: number } {
  const t = { inFlight: 0, inFlightTx: 0, inFlightApplied: 0, keysChecked: 0 };
  for (const r of rounds) {
    t.inFlight += r.inFlight;
    t.inFlightTx += r.inFlightTx;
    t.inFlightApplied += r.inFlightApplied;
    t.keysChecked += r.keysChecked;
  }
  return t;
}

/** The middle value (the upper one of an even count), 0 for none: what the summaries call the median. */
export function upperMedian(xs: readonly number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
}

/** An option's value as a non-negative integer, `dflt` when absent. */
export function nonNegativeInt(name: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, not ${JSON.stringify(v)}`);
  return n;
}

export interface CampaignProgram<O, C> {
  /** "crash campaign", "failover campaign": how messages name it. */
  name: string;
  usage: string;
  /** The options, or null for --help; throws on a bad one. */
  parse(argv: string[]): O | null;
  create(opts: O): C;
  /** What Ctrl-C says it stops ("faha", "the cluster") and what --keep keeps ("data directory"). */
  stopping: string;
  kept: string;
  /** The rounds and their report; the exit code. */
  run(campaign: C, opts: O): Promise<number>;
}

export async function campaignMain<O extends { seed: number }, C extends { cleanup(): Promise<void> }>(p: CampaignProgram<O, C>): Promise<number> {
  let opts: O | null;
  try {
    opts = p.parse(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${p.usage}\n`);
    return 2;
  }
  if (opts === null) {
    process.stdout.write(p.usage + '\n');
    return 0;
  }
  const campaign = p.create(opts);
  const interrupted = () => {
    process.stdout.write(`\ninterrupted: stopping ${p.stopping} and cleaning up\n`);
    void campaign.cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    return await p.run(campaign, opts);
  } catch (err) {
    process.stderr.write(`${p.name} failed: ${(err as Error).stack ?? String(err)}\n(re-run with --seed ${opts.seed} --keep to keep the ${p.kept})\n`);
    return 1;
  } finally {
    await campaign.cleanup();
  }
}
