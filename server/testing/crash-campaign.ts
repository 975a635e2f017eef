// Crash campaign: the rounds. Starts faha on a temporary directory, runs the load, SIGKILLs faha at a random
// moment, restarts it on the same directory, checks every key against the models, and continues. Owns the server
// process and the directory (cleanup() stops the one by pid and removes the other); prints nothing itself.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAll, type Mismatch } from './crash-check.js';
import { LoadClient, type Divergence } from './crash-load.js';
import { prng } from './prng.js';
import { startFaha, type RunningServer } from './servers.js';

export interface CampaignOptions {
  kills: number;
  clients: number;
  seed: number;
  /** faha's segment-size, e.g. "1mb" (small, so the cleaner frees segments). */
  segmentSize: string;
  /** Keep the data directories at the end. */
  keep: boolean;
  /** Each round's load runs this long (uniformly random in [lo, hi] ms) before the kill. */
  killAfterMs: [number, number];
  log: (line: string) => void;
}

/** What every kill round reports, in this campaign and in the failover campaign. */
export interface KillRound {
  round: number;
  killAtMs: number;
  acked: number;
  /** Clients with a command (of those, a transaction) in flight at the kill: the before/after rule's cases. */
  inFlight: number;
  inFlightTx: number;
  /** Of those, how many the node checked afterwards holds applied (allowed: their reply was never sent). */
  inFlightApplied: number;
  keysChecked: number;
  mismatches: Mismatch[];
  divergences: Divergence[];
}

export interface RoundReport extends KillRound {
  /** From spawning the restarted server to "Ready to accept connections". */
  readyMs: number;
  /** faha's own recovery line ("DB loaded from log: …"). */
  loaded: string;
  segments: number;
  /** The highest segment id in the manifest (-1 if it could not be read). */
  newestSegment: number;
  logBytes: number;
}

export interface KillSummary<R extends KillRound> {
  rounds: R[];
  acked: number;
  mismatches: number;
  divergences: number;
}

export type CampaignSummary = KillSummary<RoundReport>;

/** Runs `kills` rounds, logging each (with its mismatches and divergences in full), and totals them. */
export async function runRounds<R extends KillRound>(kills: number, round: (r: number) => Promise<R>, describe: (rep: R) => string, log: (line: string) => void): Promise<KillSummary<R>> {
  const rounds: R[] = [];
  for (let r = 1; r <= kills; r++) {
    const rep = await round(r);
    rounds.push(rep);
    log(describe(rep));
    for (const m of rep.mismatches) log(`  MISMATCH ${m.kind}: key ${m.key}\n    expected ${m.expected}\n    got      ${m.got}`);
    for (const d of rep.divergences) log(`  DIVERGENCE client ${d.client}: ${d.command}\n    expected ${d.expected}\n    got      ${d.got}`);
  }
  return {
    rounds,
    acked: rounds.reduce((n, r) => n + r.acked, 0),
    mismatches: rounds.reduce((n, r) => n + r.mismatches.length, 0),
    divergences: rounds.reduce((n, r) => n + r.divergences.length, 0),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Segment files in the log directory, their total size, and the newest id the manifest names (the cleaner's progress shows as ids rising while the count stays small). */
function logFootprint(dir: string): { segments: number; bytes: number; newest: number } {
  const logDir = join(dir, 'log');
  if (!existsSync(logDir)) return { segments: 0, bytes: 0, newest: 0 };
  const segs = readdirSync(logDir).filter((f) => f.endsWith('.seg'));
  let newest = 0;
  try {
    const ids = (JSON.parse(readFileSync(join(logDir, 'MANIFEST'), 'utf8')) as { segments?: number[] }).segments ?? [];
    newest = Math.max(0, ...ids);
  } catch {
    newest = -1;
  }
  return { segments: segs.length, bytes: segs.reduce((n, f) => n + statSync(join(logDir, f)).size, 0), newest };
}

export class Campaign {
  readonly dir = mkdtempSync(join(tmpdir(), 'faha-crash-'));
  server: RunningServer | null = null;
  readonly clients: LoadClient[];
  private readonly rnd: () => number;
  private cleaned = false;

  constructor(private readonly opts: CampaignOptions) {
    this.clients = Array.from({ length: opts.clients }, (_, i) => new LoadClient(i, opts.seed));
    this.rnd = prng(opts.seed);
  }

  private serverArgs(): string[] {
    return ['--appendfsync', 'always', '--segment-size', this.opts.segmentSize, '--log-max-space-amplification', '1.5', '--auto-aof-rewrite-min-size', '0'];
  }

  /** Starts faha on the campaign's directory; returns the time until it was ready. */
  async start(): Promise<number> {
    const t0 = Date.now();
    this.server = await startFaha({ dir: this.dir, args: this.serverArgs(), timeoutMs: 120000 });
    return Date.now() - t0;
  }

  /** SIGKILL by pid, and wait until the process is gone. */
  async crash(): Promise<void> {
    const s = this.server;
    if (s === null) return;
    s.kill('SIGKILL');
    await s.exited;
    this.server = null;
  }

  /** Load, kill, restart, check: one round. */
  async round(round: number): Promise<RoundReport> {
    const [lo, hi] = this.opts.killAfterMs;
    const killAtMs = Math.round(lo + this.rnd() * (hi - lo));
    for (const c of this.clients) c.acked = 0;
    const runs = this.clients.map((c) => c.run(this.server!.port));
    await sleep(killAtMs);
    await this.crash();
    await Promise.all(runs);
    const inFlight = this.clients.filter((c) => c.inFlight !== null);
    const inFlightTx = inFlight.filter((c) => c.inFlight!.op.tx).length;
    const readyMs = await this.start();
    const loaded = /DB loaded from log:[^\n]*/.exec(this.server!.output())?.[0] ?? '(no recovery line)';
    const check = await checkAll(this.server!.port, this.clients);
    const divergences = this.clients.flatMap((c) => c.divergences.splice(0));
    for (const c of this.clients) c.adopt(check.observed.get(c.client)!);
    const { segments, bytes, newest } = logFootprint(this.dir);
    const acked = this.clients.reduce((n, c) => n + c.acked, 0);
    return { round, killAtMs, acked, inFlight: inFlight.length, inFlightTx, inFlightApplied: check.inFlightApplied, keysChecked: check.keysChecked, readyMs, loaded, segments, newestSegment: newest, logBytes: bytes, mismatches: check.mismatches, divergences };
  }

  async run(): Promise<CampaignSummary> {
    await this.start();
    return runRounds(this.opts.kills, (r) => this.round(r), (rep) => describeRound(rep, this.opts.kills), this.opts.log);
  }

  /** Stops the server by pid (SIGKILL: nothing of it is needed any more) and removes the directory unless kept. */
  async cleanup(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await this.crash();
    if (!this.opts.keep) rmSync(this.dir, { recursive: true, force: true });
  }
}

export function describeRound(r: RoundReport, of: number): string {
  return (
    `round ${r.round}/${of}: killed after ${r.killAtMs} ms; ${r.acked} writes acknowledged; ${r.inFlight} in flight (${r.inFlightTx} MULTI, ${r.inFlightApplied} found applied); ${r.keysChecked} keys checked; ` +
    `ready in ${r.readyMs} ms (${r.loaded.replace('DB loaded from log: ', 'loaded ')}); log ${r.segments} segments up to #${r.newestSegment}, ` +
    `${(r.logBytes / 1048576).toFixed(1)} MiB; ${r.mismatches.length} mismatches${r.divergences.length ? `; ${r.divergences.length} divergences` : ''}`
  );
}
