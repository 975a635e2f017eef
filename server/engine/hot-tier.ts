// The hot tier's budget (DESIGN §6, `hot-cache-size`): keys become hot when accessed (key-index.ts promotes them);
// this demotes the least recently used hot keys — Redis's approximated LRU: the oldest of a few random samples, or
// the least frequently used under an *-lfu maxmemory-policy — whenever the hot entries' estimated DRAM is over the
// budget. Works in slices of about a millisecond, like the cleaner. Never deletes a key.
import { performance } from 'node:perf_hooks';
import type { Entry } from './entry.js';
import type { KeyIndex } from './key-index.js';
import { BYTES_TYPE, type Store } from './store.js';

/** A slice stops after this long, so a client waits at most about this behind it. */
const SLICE_MS = 1;
/** How often the budget is looked at while within it. */
const CHECK_MS = 100;
/** Random hot entries looked at per demotion (Redis's maxmemory-samples default). */
const SAMPLES = 5;

export interface HotTierStats {
  /** Keys moved out of DRAM. */
  demotions: number;
  /** Collections written as one IMAGE first, so they could go cold. */
  imagesWritten: number;
}

export class HotTier {
  /** Bytes the hot entries may take (0: no limit, everything accessed stays hot). */
  budget: number;
  /** Chooses by access frequency instead of recency (an *-lfu maxmemory-policy); read on each sample. */
  byFrequency: () => boolean;
  readonly stats: HotTierStats = { demotions: 0, imagesWritten: 0 };

  private timer: NodeJS.Timeout | null = null;
  private sliceScheduled = false;

  constructor(
    private readonly store: Store,
    opts: { budget: number; byFrequency?: () => boolean; frequency?: (e: Entry) => number },
  ) {
    this.budget = opts.budget;
    this.byFrequency = opts.byFrequency ?? (() => false);
    this.frequency = opts.frequency ?? (() => 0);
  }

  private readonly frequency: (e: Entry) => number;

  /** Estimated DRAM of every hot entry: the entries and keys, plus the log bytes of hot collections. */
  get hotBytes(): number {
    let n = this.store.hotValueBytes;
    for (const d of this.store.dbs) n += d.hotBytes;
    return n;
  }

  /** Lookups that found their key hot / cold, over every database. */
  get hotHits(): number {
    let n = 0;
    for (const d of this.store.dbs) n += d.hotHits;
    return n;
  }

  get coldReads(): number {
    let n = 0;
    for (const d of this.store.dbs) n += d.coldReads;
    return n;
  }

  get overBudget(): boolean {
    return this.budget > 0 && this.hotBytes > this.budget;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
    // A burst of promotions is met at once, not at the next tick: the tier stays close to its budget.
    this.store.onPromote = () => {
      if (!this.sliceScheduled && this.budget > 0) this.check();
    };
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.store.onPromote = () => {};
  }

  /** Starts demoting if over budget (also called after CONFIG SET hot-cache-size). */
  check(): void {
    if (this.overBudget) this.scheduleSlice();
  }

  /** Demotes until within budget or `ms` have passed; returns the number demoted. */
  demoteFor(ms: number): number {
    const deadline = performance.now() + ms;
    let n = 0;
    while (this.overBudget) {
      if (!this.demoteOne(false)) break;
      if ((++n & 15) === 0 && performance.now() > deadline) break;
    }
    return n;
  }

  /** Demotes one hot key, whatever the budget (maxmemory's noeviction); false when none could go. */
  demoteSome(): boolean {
    return this.demoteOne(true);
  }

  /** Makes every hot key cold now, whatever the budget (DEBUG DEMOTE, for tests); returns how many went. */
  demoteAll(): number {
    let n = 0;
    for (const d of this.store.dbs) {
      for (const e of [...d.hotEntries()]) if (this.demote(d, e, true)) n++;
    }
    return n;
  }

  private scheduleSlice(): void {
    if (this.sliceScheduled) return;
    this.sliceScheduled = true;
    setImmediate(() => {
      this.sliceScheduled = false;
      // Nothing demotable (a collection the log refuses to rewrite now): the next check() tries again, rather than
      // a slice after every turn.
      if (this.demoteFor(SLICE_MS) > 0 && this.overBudget) this.scheduleSlice();
    });
  }

  /**
   * Demotes the coldest of SAMPLES random hot entries, or the next coldest when that one cannot go (a collection
   * whose IMAGE the log refuses now); false when none of them could. `force`: as demote's.
   */
  private demoteOne(force: boolean): boolean {
    const dbs = this.store.dbs;
    const lfu = this.byFrequency();
    const picks: { d: KeyIndex; e: Entry; score: number }[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const d = pickWeighted(dbs);
      if (d === null) return false;
      const e = d.randomHot();
      if (e !== null) picks.push({ d, e, score: lfu ? this.frequency(e) : e.atime });
    }
    picks.sort((a, b) => a.score - b.score);
    for (const p of picks) if (this.demote(p.d, p.e, force)) return true;
    return false;
  }

  /**
   * A collection whose value is not its one IMAGE record any more (deltas followed it, or a command changed its
   * encoding without logging) is written as one IMAGE first, admitted like a write: the cold key is rebuilt from
   * that record alone. Its delta chain counted in the hot bytes, so the IMAGE alone may bring the tier within
   * budget: then the collection stays hot (true), unless `force` (DEBUG DEMOTE, maxmemory) wants it out of DRAM.
   * Why: redis-benchmark LPUSH -P 16 grows one list by ~40 log bytes a push; over budget, the list went cold and
   * was read back on the next push, again and again (9M elements: 830k → 365k rps).
   */
  private demote(d: KeyIndex, e: Entry, force: boolean): boolean {
    if (d.demote(e.key)) {
      this.stats.demotions++;
      return true;
    }
    if (e.type === BYTES_TYPE || e.base === null) return false;
    const db = this.store.dbs.indexOf(d);
    if (this.store.rewrite(db, e.key, e) !== null) return false;
    this.stats.imagesWritten++;
    if (!force && !this.overBudget) return true;
    if (!d.demote(e.key)) return false;
    this.stats.demotions++;
    return true;
  }
}

/** A database chosen with probability proportional to its hot entries, or null when none has any. */
function pickWeighted(dbs: readonly KeyIndex[]): KeyIndex | null {
  let total = 0;
  for (const d of dbs) total += d.hotCount;
  if (total === 0) return null;
  let r = Math.floor(Math.random() * total);
  for (const d of dbs) {
    if (r < d.hotCount) return d;
    r -= d.hotCount;
  }
  return null;
}
