// Failover campaign: the rounds. A primary with synchronous backups takes the crash campaign's mixed load; the
// primary is SIGKILLed at a random moment, the most advanced backup promoted, every key checked on it against the
// models, and the killed node restarted as a backup of the new one. Owns the cluster; prints nothing itself.
import { checkAll, type Mismatch } from './crash-check.js';
import { LoadClient, type Divergence } from './crash-load.js';
import { prng } from './prng.js';
import { ReplicationCluster, sleep } from './replication-cluster.js';

export interface FailoverOptions {
  kills: number;
  clients: number;
  seed: number;
  /** Backups besides the primary, and how many of them every write waits for. */
  backups: number;
  syncBackups: number;
  syncBackupsTimeoutMs: number;
  /** faha's segment-size, e.g. "1mb" (small, so the cleaner frees segments and catch-up meets cleaned logs). */
  segmentSize: string;
  /** Keep the data directories at the end. */
  keep: boolean;
  /** Each round's load runs this long (uniformly random in [lo, hi] ms) before the kill. */
  killAfterMs: [number, number];
  log: (line: string) => void;
}

export interface FailoverRound {
  round: number;
  killAtMs: number;
  acked: number;
  /** Clients with a command (of those, a transaction) in flight when the primary died. */
  inFlight: number;
  inFlightTx: number;
  /** Of those, how many the promoted backup holds applied (allowed: their reply was never sent). */
  inFlightApplied: number;
  keysChecked: number;
  killed: string;
  promoted: string;
  /** Each surviving backup's slave_repl_offset when the choice was made, and the promoted one's. */
  offsets: string;
  /** From REPLICAOF NO ONE to the promoted node answering as master. */
  promoteMs: number;
  /** From restarting the killed node to every backup being live with the new primary. */
  rejoinMs: number;
  mismatches: Mismatch[];
  divergences: Divergence[];
}

export interface FailoverSummary {
  rounds: FailoverRound[];
  acked: number;
  mismatches: number;
  divergences: number;
}

export class FailoverCampaign {
  cluster: ReplicationCluster | null = null;
  readonly clients: LoadClient[];
  private readonly rnd: () => number;
  private cleaned = false;

  constructor(private readonly opts: FailoverOptions) {
    this.clients = Array.from({ length: opts.clients }, (_, i) => new LoadClient(i, opts.seed));
    this.rnd = prng(opts.seed);
  }

  /** Arguments every node gets: any of them may be primary later. */
  private nodeArgs(): string[] {
    return [
      '--appendfsync', 'always',
      '--segment-size', this.opts.segmentSize,
      '--log-max-space-amplification', '1.5',
      '--auto-aof-rewrite-min-size', '0',
      '--sync-backups', String(this.opts.syncBackups),
      '--sync-backups-timeout', String(this.opts.syncBackupsTimeoutMs),
    ];
  }

  async start(): Promise<ReplicationCluster> {
    this.cluster = await ReplicationCluster.start({ backups: this.opts.backups, args: this.nodeArgs(), readyTimeoutMs: 120000, syncTimeoutMs: 60000 });
    return this.cluster;
  }

  /** Load, kill the primary, promote, check, rejoin: one round. */
  async round(round: number): Promise<FailoverRound> {
    const cluster = this.cluster!;
    const [lo, hi] = this.opts.killAfterMs;
    const killAtMs = Math.round(lo + this.rnd() * (hi - lo));
    for (const c of this.clients) c.acked = 0;
    const victim = cluster.primary;
    const runs = this.clients.map((c) => c.run(victim.port));
    await sleep(killAtMs);
    await cluster.kill(victim, 'SIGKILL');
    await Promise.all(runs);
    const inFlight = this.clients.filter((c) => c.inFlight !== null).length;
    const inFlightTx = this.clients.filter((c) => c.inFlight?.op.tx === true).length;
    const t0 = Date.now();
    // Equally advanced backups are chosen at random, so every node in turn is promoted after having rejoined.
    const { promoted, offsets } = await cluster.promoteMostAdvanced((tied) => tied[Math.floor(this.rnd() * tied.length)]);
    const promoteMs = Date.now() - t0;
    const check = await checkAll(promoted.port, this.clients);
    const divergences = this.clients.flatMap((c) => c.divergences.splice(0));
    for (const c of this.clients) c.adopt(check.observed.get(c.client)!);
    const t1 = Date.now();
    await cluster.startAsBackup(victim);
    await cluster.waitInSync();
    const rejoinMs = Date.now() - t1;
    return {
      round,
      killAtMs,
      acked: this.clients.reduce((n, c) => n + c.acked, 0),
      inFlight,
      inFlightTx,
      inFlightApplied: check.inFlightApplied,
      keysChecked: check.keysChecked,
      killed: victim.name,
      promoted: promoted.name,
      offsets: [...offsets].map(([n, o]) => `${n.name}@${o}`).join(' '),
      promoteMs,
      rejoinMs,
      mismatches: check.mismatches,
      divergences,
    };
  }

  async run(): Promise<FailoverSummary> {
    if (this.cluster === null) await this.start();
    const rounds: FailoverRound[] = [];
    for (let r = 1; r <= this.opts.kills; r++) {
      const rep = await this.round(r);
      rounds.push(rep);
      this.opts.log(describeFailoverRound(rep, this.opts.kills));
      for (const m of rep.mismatches) this.opts.log(`  MISMATCH ${m.kind}: key ${m.key}\n    expected ${m.expected}\n    got      ${m.got}`);
      for (const d of rep.divergences) this.opts.log(`  DIVERGENCE client ${d.client}: ${d.command}\n    expected ${d.expected}\n    got      ${d.got}`);
    }
    return {
      rounds,
      acked: rounds.reduce((n, r) => n + r.acked, 0),
      mismatches: rounds.reduce((n, r) => n + r.mismatches.length, 0),
      divergences: rounds.reduce((n, r) => n + r.divergences.length, 0),
    };
  }

  /** The cluster's directories, for --keep. */
  dirs(): string[] {
    return this.cluster?.nodes.map((n) => n.dir) ?? [];
  }

  /** Stops every node by pid and removes the directories unless kept. */
  async cleanup(): Promise<void> {
    if (this.cleaned) return;
    this.cleaned = true;
    await this.cluster?.stopAll(this.opts.keep);
  }
}

export function describeFailoverRound(r: FailoverRound, of: number): string {
  return (
    `round ${r.round}/${of}: killed primary ${r.killed} after ${r.killAtMs} ms; ${r.acked} writes acknowledged; ` +
    `${r.inFlight} in flight (${r.inFlightTx} MULTI, ${r.inFlightApplied} found applied); promoted ${r.promoted} (offsets ${r.offsets}) in ${r.promoteMs} ms; ` +
    `${r.keysChecked} keys checked; ${r.killed} rejoined in ${r.rejoinMs} ms; ${r.mismatches.length} mismatches` +
    (r.divergences.length ? `; ${r.divergences.length} divergences` : '')
  );
}
