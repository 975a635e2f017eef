// maxmemory (Redis's performEvictions, evict.c) over faha's index: the log holds the data, so under `noeviction`
// going over maxmemory first makes hot keys cold (no data is lost) and only then refuses writes with OOM; the
// deleting policies (allkeys-*, volatile-*) delete keys as Redis does, as a cache. What counts is the dataset's
// estimated DRAM: a slot per key plus the hot tier. Chooses and deletes; the dispatcher decides what to refuse.
import { performance } from 'node:perf_hooks';
import { now } from '../clock.js';
import type { HotTier } from '../engine/hot-tier.js';
import type { KeyIndex } from '../engine/key-index.js';
import type { Keyspace } from './keyspace.js';
import { lfuFrequencyOf } from './lfu.js';
import { NotifyClass } from './notify.js';

export type EvictionPolicy =
  | 'noeviction' | 'allkeys-lru' | 'allkeys-lfu' | 'allkeys-random' | 'volatile-lru' | 'volatile-lfu' | 'volatile-random' | 'volatile-ttl';

/**
 * DRAM a key costs in the index whatever its tier: its 32-byte slot at the table's mean load (between 3/8 and 3/4
 * full). A deleted key gives this back, which the table's own size (it shrinks only below 1/8) would not show.
 */
export const SLOT_COST = 48;
/** Time one command may spend making room, as Redis bounds performEvictions (about 500 µs). */
const EVICTION_MS = 0.5;
/** Keys looked at per choice (Redis's maxmemory-samples default). */
const SAMPLES = 5;

export class Eviction {
  maxmemory = 0;
  policy: EvictionPolicy = 'noeviction';
  evictedKeys = 0;
  /** A backup evicts nothing: its keys change only by its primary's records (Redis's replica-ignore-maxmemory). */
  onBackup = false;
  private scheduled = false;
  /** Where each database's walk of its volatile keys is (volatile-* policies sample them in turn). */
  private readonly cursors: { set: Set<string>; it: Iterator<string> }[] = [];

  constructor(
    private readonly ks: Keyspace,
    private readonly hotTier: HotTier,
  ) {}

  /** The dataset's estimated DRAM: a slot per key (SLOT_COST) plus the hot tier's estimate. */
  usedBytes(): number {
    let keys = 0;
    for (let db = 0; db < this.ks.databases; db++) keys += this.ks.db(db).size;
    return keys * SLOT_COST + this.hotTier.hotBytes;
  }

  /**
   * performEvictions: false (EVICT_FAIL) when the dataset is over maxmemory and the policy can free nothing more.
   * Work cut short by the time limit goes on after this turn and counts as success (EVICT_RUNNING), as in Redis.
   */
  perform(): boolean {
    if (this.maxmemory === 0 || this.onBackup || this.usedBytes() <= this.maxmemory) return true;
    const deadline = performance.now() + EVICTION_MS;
    let n = 0;
    while (this.usedBytes() > this.maxmemory) {
      if (!this.freeSome()) return false;
      if ((++n & 15) === 0 && performance.now() > deadline) {
        this.continueLater();
        return true;
      }
    }
    return true;
  }

  /** One step: demote a hot key (noeviction) or delete the policy's choice; false when there is nothing to free. */
  private freeSome(): boolean {
    if (this.policy === 'noeviction') return this.hotTier.demoteSome();
    const victim = this.choose();
    if (victim === null) return false;
    this.evict(victim.db, victim.key);
    return true;
  }

  private continueLater(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.perform();
    });
  }

  private evict(db: number, key: string): void {
    this.ks.delete(db, key);
    this.evictedKeys++;
    this.ks.notify(NotifyClass.Evicted, 'evicted', db, key);
  }

  /** The best of SAMPLES candidates from each database under the policy, or null when there is none. */
  private choose(): { db: number; key: string } | null {
    let best: { db: number; key: string } | null = null;
    let bestScore = Infinity;
    const volatileOnly = this.policy.startsWith('volatile-');
    for (let db = 0; db < this.ks.databases; db++) {
      const idx = this.ks.db(db);
      if ((volatileOnly ? idx.volatile.size : idx.size) === 0) continue;
      for (let i = 0; i < SAMPLES; i++) {
        const key = volatileOnly ? this.nextVolatile(db, idx) : idx.randomKey();
        if (key === undefined) break;
        const score = this.score(idx, key);
        if (score < bestScore) {
          best = { db, key };
          bestScore = score;
        }
        if (this.policy.endsWith('-random')) return best;
      }
    }
    return best;
  }

  /** Lower is evicted first: idle-oldest access, least frequent, or nearest deadline. */
  private score(idx: KeyIndex, key: string): number {
    const slot = idx.slotOf(key);
    if (this.policy.endsWith('-lru')) return idx.atimeAt(slot);
    if (this.policy.endsWith('-lfu')) return lfuFrequencyOf(idx.lfuAt(slot), idx.atimeAt(slot));
    if (this.policy === 'volatile-ttl') return idx.expireAtOf(key) - now();
    return 0;
  }

  private nextVolatile(db: number, idx: KeyIndex): string | undefined {
    const set = idx.volatile;
    let c = this.cursors[db];
    if (c === undefined || c.set !== set) c = this.cursors[db] = { set, it: set.values() };
    let r = c.it.next();
    if (r.done === true) {
      c.it = set.values();
      r = c.it.next();
    }
    return r.done === true ? undefined : r.value;
  }
}
