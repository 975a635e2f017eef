// The persistence pipeline of the log: sealed byte ranges waiting to be made durable, persisted inline or in
// rounds on a worker thread, retried on failure, and the LSN they are persisted up to. Knows ranges of segment
// files, not records or batches.
import type { Segment } from './segment.js';

export type FsyncPolicy = 'always' | 'everysec' | 'no';

/**
 * Where msync runs on an ordinary file under appendfsync always. 'inline' (the default) on the event loop at the
 * end of the turn, as Redis's appendfsync always does; it measured faster here (scripts/bench.ts durable, SET
 * -c 50 -r 100000: P1 0.78-0.86 vs 0.71-0.74 of redis-server, P16 0.79-0.87 vs 0.73-0.85): an msync on another
 * thread must write-protect the pages this thread keeps writing, which costs TLB-shootdown interrupts and thread
 * wake-ups per round, and with flushes of ~0.15 ms that outweighs the overlap. 'worker' may win where flushes
 * are slow. On real or forced pmem persisting is a cache flush, always inline.
 */
export type PersistMode = 'inline' | 'worker';

interface Range {
  seg: Segment;
  from: number;
  to: number;
}

interface Round {
  target: number;
  ranges: Range[];
  left: number;
  failure: Error | null;
  generation: number;
}

/**
 * Worker rounds allowed in flight at once. Two lets the writes that arrive during one msync start their own at
 * the end of the turn instead of waiting a whole round.
 */
const ROUNDS = 2;
const RETRY_MS = 1000;

export class Persister {
  /** Highest LSN that ends a complete sealed batch: what persisting everything added makes durable. */
  sealedLSN = 0;
  /** Highest LSN known persisted. */
  persistedLSN = 0;
  /** The persistence error that is holding durability back, if any (INFO reports it). */
  lastError: Error | null = null;
  /** Told each time persistedLSN advances. */
  onPersisted: (lsn: number) => void = () => {};
  /**
   * Set while replies also wait for backups' acks (sync-backups): the local msync then runs on the worker thread
   * whatever the mode, since the reply waits for the acks anyway and the event loop is better spent taking them
   * and the next batch (2 sync backups, redis-benchmark SET -c 50, three alternating runs: -P 16 178-209k against
   * 170-175k rps inline, -P 1 27-29k against 24-26k).
   */
  backupsGate = false;
  /** Failed persist attempts (retries included), and the newest failure with its time (ms): INFO keeps them. */
  failures = 0;
  lastFailure: Error | null = null;
  lastFailureAt = 0;

  private pending: Range[] = [];
  private rounds: Round[] = [];
  /** Bumped by a failure: rounds of an older generation no longer advance persistedLSN. */
  private generation = 0;
  /** One retry at a time, however many attempts failed meanwhile. */
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    public mode: PersistMode,
    private readonly warn: (msg: string) => void,
  ) {}

  /** A sealed range waiting to be persisted (adjacent ranges of one segment merge). */
  add(seg: Segment, from: number, to: number): void {
    const last = this.pending[this.pending.length - 1];
    if (last !== undefined && last.seg === seg && last.to === from) last.to = to;
    else this.pending.push({ seg, from, to });
  }

  /** Whether a range of `seg` waits or is being persisted (its mapping must stay until then). */
  holds(seg: Segment): boolean {
    return this.pending.some((r) => r.seg === seg) || this.rounds.some((round) => round.ranges.some((r) => r.seg === seg));
  }

  /** Forgets what waits (appendfsync no: the kernel writes the pages back on its own). */
  dropPending(): void {
    this.pending.length = 0;
  }

  /**
   * Persists everything added so far, which makes the log persistent up to sealedLSN: inline, or (`background`,
   * or mode 'worker') in rounds on a worker thread while the event loop goes on. Durability advances in round
   * order.
   */
  start(background: boolean): void {
    if (this.rounds.length >= ROUNDS || this.pending.length === 0) return;
    const ranges = this.pending;
    this.pending = [];
    const target = this.sealedLSN;
    const inline = this.mode === 'inline' && !background && !this.backupsGate;
    if (this.rounds.length === 0 && (inline || ranges.every((r) => r.seg.file.isPmem))) {
      try {
        for (const r of ranges) r.seg.file.persist(r.from, r.to - r.from);
      } catch (err) {
        this.generation++;
        this.failed(err as Error, ranges, background);
        return;
      }
      this.advance(target);
      return;
    }
    const round: Round = { target, ranges, left: ranges.length, failure: null, generation: this.generation };
    this.rounds.push(round);
    for (const r of ranges) {
      r.seg.file.persistAsync(r.from, r.to - r.from, (err) => {
        if (err) round.failure = err;
        if (--round.left === 0) this.completeRounds(background);
      });
    }
  }

  /** Persists everything added and everything in flight, now, on this thread (SAVE, SHUTDOWN). Throws on failure. */
  persistAllSync(): void {
    const target = this.sealedLSN;
    const ranges = this.rounds.flatMap((r) => r.ranges).concat(this.pending);
    // Rounds in flight are covered here; their completions must not move durability any more.
    this.generation++;
    this.rounds = [];
    this.pending = [];
    try {
      for (const r of ranges) r.seg.file.persist(r.from, r.to - r.from);
    } catch (err) {
      // The ranges stay owed: dropping them would let a later persist move durability past them.
      this.failed(err as Error, ranges, false);
      throw err;
    }
    this.advance(target);
  }

  private completeRounds(background: boolean): void {
    let failed = false;
    while (this.rounds.length > 0 && this.rounds[0].left === 0) {
      const r = this.rounds.shift()!;
      if (r.generation !== this.generation) continue;
      if (r.failure) {
        // Rounds after a failed one may have succeeded, but durability cannot pass the failed range: only a
        // retry (a later generation, started by the retry timer) advances it again.
        this.generation++;
        this.failed(r.failure, r.ranges, background);
        failed = true;
        continue;
      }
      this.advance(r.target);
    }
    if (!failed && !background) this.start(false);
  }

  private advance(target: number): void {
    if (this.lastError !== null) {
      this.lastError = null;
      this.warn('Persisting the log works again: write commands are accepted.');
    }
    if (target > this.persistedLSN) {
      this.persistedLSN = target;
      this.onPersisted(target);
    }
  }

  /**
   * Keeps the ranges and retries: replies stay held rather than acknowledging what is not durable, and the log
   * refuses writes while lastError is set. Logged once per episode, not per retry.
   */
  private failed(err: Error, ranges: Range[], background: boolean): void {
    const first = this.lastError === null;
    this.lastError = this.lastFailure = err;
    this.lastFailureAt = Date.now();
    this.failures++;
    this.pending = ranges.concat(this.pending);
    if (first) {
      this.warn(
        `Persisting the log failed (${err.message}); retrying every second. Replies wait meanwhile and write commands are refused with MISCONF.`,
      );
    }
    if (this.retryTimer !== null) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.start(background);
    }, RETRY_MS);
    this.retryTimer.unref();
  }
}
