// Active expiry: a few times a second, sample keys that carry a deadline and delete the expired ones (logging
// the deletes), repeating while many samples were expired — Redis's activeExpireCycle, with a time budget.
import { now } from '../clock.js';
import type { Keyspace } from './keyspace.js';

const SAMPLES = 20;
/** Go on sampling a database while more than this share of a sample was expired. */
const REPEAT_ABOVE = 0.25;

export class ActiveExpire {
  /** Per database: the volatile set being walked and the iterator over it (SWAPDB swaps the sets). */
  private cursors: ({ set: Set<string>; it: Iterator<string> } | undefined)[] = [];

  constructor(private readonly ks: Keyspace) {}

  /** Runs one cycle for at most `budgetMs`. */
  cycle(budgetMs: number): void {
    const start = performance.now();
    for (let db = 0; db < this.ks.databases; db++) {
      const idx = this.ks.db(db);
      if (idx.volatile.size === 0) continue;
      for (;;) {
        let sampled = 0;
        let expired = 0;
        const t = now();
        while (sampled < SAMPLES && idx.volatile.size > 0) {
          const key = this.nextKey(db);
          if (key === undefined) break;
          sampled++;
          const e = idx.get(key);
          if (e !== undefined && e.expireAt !== 0 && e.expireAt <= t) {
            this.ks.expire(db, key);
            expired++;
          }
        }
        if (sampled === 0 || expired / sampled <= REPEAT_ABOVE) break;
        if (performance.now() - start > budgetMs) return;
      }
    }
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
