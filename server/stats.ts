// Server-wide counters for INFO (stats, commandstats, errorstats, latencystats), reset by CONFIG RESETSTAT:
// per-command calls and latency histograms, error replies by code, and the instantaneous rates Redis samples
// ten times a second. Counts only; formatting lives in commands/server/info/. recordErrorReply and
// recordLatency are the hooks the dispatcher/reply path calls for errorstats and latencystats.
import type { Stats } from './commands/types.js';

export interface CommandCounters {
  calls: number;
  usec: number;
  rejected: number;
  failed: number;
}

/** Redis's STATS_METRIC_SAMPLES. */
const SAMPLES = 16;
/** Redis keeps at most this many distinct error codes in errorstats. */
const ERROR_CODES_MAX = 128;

/** Redis clamps each latency sample into [1 ns, 1 s] before recording it. */
const LATENCY_MIN_NS = 1;
const LATENCY_MAX_NS = 1_000_000_000;

/**
 * A command's latency distribution, bucketed like the HdrHistogram Redis uses (2 significant digits: 256
 * sub-buckets), in nanoseconds. Percentiles report a bucket's highest equivalent value, as hdr_value_at_percentile.
 */
export class LatencyHistogram {
  /** Lowest value of a bucket → samples in it. */
  private readonly counts = new Map<number, number>();
  private total = 0;

  record(usec: number): void {
    const ns = Math.min(LATENCY_MAX_NS, Math.max(LATENCY_MIN_NS, Math.round(usec * 1000)));
    const low = lowestEquivalent(ns);
    this.counts.set(low, (this.counts.get(low) ?? 0) + 1);
    this.total++;
  }

  /** The value (ns) at percentile `p` (0..100). */
  valueAtPercentile(p: number): number {
    const wanted = Math.max(1, Math.floor(((Math.min(p, 100) / 100) * this.total) + 0.5));
    let seen = 0;
    const keys = [...this.counts.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      seen += this.counts.get(k)!;
      if (seen >= wanted) return highestEquivalent(k);
    }
    return 0;
  }
}

function bucketShift(v: number): number {
  return Math.max(0, 31 - Math.clz32(v) - 7);
}

function lowestEquivalent(v: number): number {
  const s = bucketShift(v);
  return (v >>> s) << s;
}

function highestEquivalent(v: number): number {
  return lowestEquivalent(v) + (1 << bucketShift(v)) - 1;
}

/** A rate sampled like Redis's trackInstantaneousMetric: per-second deltas, averaged over the last 16 samples. */
class InstantaneousMetric {
  private samples = new Array<number>(SAMPLES).fill(0);
  private idx = 0;
  private lastTime = Date.now();
  private lastCount = 0;

  sample(nowMs: number, reading: number): void {
    const t = nowMs - this.lastTime;
    this.samples[this.idx] = t > 0 ? Math.floor(((reading - this.lastCount) * 1000) / t) : 0;
    this.idx = (this.idx + 1) % SAMPLES;
    this.lastTime = nowMs;
    this.lastCount = reading;
  }

  get value(): number {
    return Math.floor(this.samples.reduce((a, b) => a + b, 0) / SAMPLES);
  }

  reset(reading: number): void {
    this.samples.fill(0);
    this.lastTime = Date.now();
    this.lastCount = reading;
  }
}

export class ServerStats implements Stats {
  totalConnections = 0;
  totalCommands = 0;
  rejectedConnections = 0;
  expiredKeys = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  totalErrorReplies = 0;
  /** Error code (first word of the reply) → count, as INFO errorstats lists them. */
  readonly errors = new Map<string, number>();
  /** Command full name → counters; the dispatcher adds entries and keeps references to them. */
  readonly commands = new Map<string, CommandCounters>();
  /** Command full name → latency distribution (INFO latencystats), fed by recordLatency. */
  readonly latency = new Map<string, LatencyHistogram>();
  readonly opsPerSec = new InstantaneousMetric();
  readonly inputPerSec = new InstantaneousMetric();
  readonly outputPerSec = new InstantaneousMetric();
  /** Reads of cold keys (promotions into the hot tier), sampled from the hot tier's counter by the cron. */
  readonly coldReadsPerSec = new InstantaneousMetric();
  /** Highest used-memory figure seen (INFO used_memory_peak). */
  peakMemory = 0;

  constructor(private readonly latencyTracking: () => boolean = () => true) {}

  /** One call's duration, when latency-tracking is on. */
  recordLatency(name: string, usec: number): void {
    if (!this.latencyTracking()) return;
    let h = this.latency.get(name);
    if (h === undefined) {
      h = new LatencyHistogram();
      this.latency.set(name, h);
    }
    h.record(usec);
  }

  /**
   * Counts one error reply by its code, as Redis's afterErrorReply: the first word when it ends within the first
   * 31 characters, else "ERR".
   */
  recordErrorReply(msg: string): void {
    this.totalErrorReplies++;
    const space = msg.slice(0, 31).indexOf(' ');
    const code = space > 0 ? msg.slice(0, space) : 'ERR';
    const n = this.errors.get(code);
    if (n === undefined && this.errors.size >= ERROR_CODES_MAX) return;
    this.errors.set(code, (n ?? 0) + 1);
  }

  /** Called ten times a second by the server cron. */
  sampleRates(nowMs: number): void {
    this.opsPerSec.sample(nowMs, this.totalCommands);
    this.inputPerSec.sample(nowMs, this.netInputBytes);
    this.outputPerSec.sample(nowMs, this.netOutputBytes);
  }

  reset(): void {
    this.totalConnections = 0;
    this.totalCommands = 0;
    this.rejectedConnections = 0;
    this.expiredKeys = 0;
    this.keyspaceHits = 0;
    this.keyspaceMisses = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.totalErrorReplies = 0;
    this.errors.clear();
    // Zeroed in place: the dispatcher holds these objects, and the running CONFIG RESETSTAT counts itself in them
    // afterwards, as in Redis.
    for (const c of this.commands.values()) {
      c.calls = 0;
      c.usec = 0;
      c.rejected = 0;
      c.failed = 0;
    }
    this.latency.clear();
    this.opsPerSec.reset(0);
    this.inputPerSec.reset(0);
    this.outputPerSec.reset(0);
  }
}
