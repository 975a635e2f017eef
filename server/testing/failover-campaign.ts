// Failover campaign: the rounds. A primary with synchronous backups takes the crash campaign's mixed load; the
// primary is SIGKILLed at a random moment, the most advanced backup promoted, every key checked on it against the
// models, and the killed node restarted as a backup of the new one. Owns the cluster; prints nothing itself.
import { runRounds, type CampaignOptions, type KillRound, type KillSummary } from './crash-campaign.js';
import { checkAll } from './crash-check.js';
import { LoadClient } from './crash-load.js';
import { prng } from './prng.js';
import { ReplicationCluster, sleep } from './replication-cluster.js';

export interface FailoverOptions extends CampaignOptions {
  /** Backups besides the primary, and how many of them every write waits for. */
  backups: number;
  syncBackups: number;
  syncBackupsTimeoutMs: number;
}

export interface FailoverRound extends KillRound {
  killed: string;
  promoted: string;
  /** Each surviving backup's slave_repl_offset when the choice was made, and the promoted one's. */
  offsets: string;
  /** From REPLICAOF NO ONE to the promoted node answering as master. */
  promoteMs: number;
  /** From restarting the killed node to every backup being live with the new primary. */
  rejoinMs: number;
}

export type FailoverSummary = KillSummary<FailoverRound>;

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
    return runRounds(this.opts.kills, (r) => this.round(r), (rep) => describeFailoverRound(rep, this.opts.kills), this.opts.log);
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
