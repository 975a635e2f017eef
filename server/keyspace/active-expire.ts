// Active expiry (Redis's activeExpireCycle): a few times a second, sample keys that carry a deadline and delete
// the expired ones (logged as deletes, counted as expired), repeating while a sample still had many expired keys,
// within a time budget. It resumes where the last cycle stopped, so no database is starved. Decides no TTLs.
import { now } from '../clock.js';
import type { Keyspace } from './keyspace.js';

/** Keys sampled per round (ACTIVE_EXPIRE_CYCLE_KEYS_PER_LOOP at the default effort). */
const SAMPLES = 20;
/** Sample a database again while more than this share of a round was expired (the acceptable stale share). */
const REPEAT_ABOVE = 0.1;

export class ActiveExpire {
  /** Per database: the volatile set being walked and the iterator over it (SWAPDB swaps the sets). */
  private cursors: ({ set: Set<string>; it: Iterator<string> } | undefined)[] = [];
  /** Where the next cycle starts. */
  private nextDb = 0;
  /** Cycles that ran out of time with expired keys possibly left (INFO's expired_time_cap_reached_count). */
  timeCapReached = 0;

  constructor(private readonly ks: Keyspace) {}

  /** Runs one cycle for at most about `budgetMs`. Returns the number of keys it expired. */
  cycle(budgetMs: number): number {
    // A backup expires nothing itself: the primary's deletes arrive in the stream (Redis's replicas skip the cycle).
    if (this.ks.replica) return 0;
    const start = performance.now();
    const dbs = this.ks.databases;
    let expired = 0;
    for (let i = 0; i < dbs; i++) {
      const db = this.nextDb;
      this.nextDb = (db + 1) % dbs;
      const r = this.expireDb(db, start, budgetMs);
      expired += r.expired;
      if (r.outOfTime) {
        this.timeCapReached++;
        // Resume with the same database next time: it may still hold expired keys.
        this.nextDb = db;
        break;
      }
    }
    return expired;
  }

  /** Rounds of sampling in one database until a round finds few expired keys or time runs out. */
  private expireDb(db: number, start: number, budgetMs: number): { expired: number; outOfTime: boolean } {
    const volatile = this.ks.db(db).volatile;
    let total = 0;
    while (volatile.size > 0) {
      if (performance.now() - start > budgetMs) return { expired: total, outOfTime: true };
      const round = this.round(db);
      total += round.expired;
      if (round.sampled === 0 || round.expired / round.sampled <= REPEAT_ABOVE) break;
    }
    return { expired: total, outOfTime: false };
  }

  private round(db: number): { sampled: number; expired: number } {
    const idx = this.ks.db(db);
    const sampleSize = Math.min(SAMPLES, idx.volatile.size);
    const t = now();
    let sampled = 0;
    let expired = 0;
    while (sampled < sampleSize) {
      const key = this.nextKey(db);
      if (key === undefined) break;
      sampled++;
      const at = idx.expireAtOf(key);
      if (at > 0 && at <= t) {
        this.ks.expire(db, key);
        expired++;
      }
    }
    return { sampled, expired };
  }

  /** Walks the volatile set round-robin; a Set iterator stays valid while keys are added and removed. */
  private nextKey(db: number): string | undefined {
    const set = this.ks.db(db).volatile;
    let c = this.cursors[db];
    if (c === undefined || c.set !== set) c = this.cursors[db] = { set, it: set.values() };
    let r = c.it.next();
    if (r.done) {
      c.it = set.values();
      r = c.it.next();
    }
    return r.done ? undefined : r.value;
  }
}
