// Clients blocked on keys (BLPOP, BLMOVE, BZPOPMIN …): who waits on which key, in arrival order, and serving them
// when a key is signalled ready. A blocked command is run again from its argv when one of its keys may be ready
// (as Redis 7.2 re-executes; 7.0's per-type serving answers the same). Knows nothing of sockets.

/** What the registry needs from a blocked connection. */
export interface Waiter {
  readonly db: number;
  readonly keys: readonly string[];
  /** Runs the blocked command again for ready `key`; true when it was served (it no longer waits). */
  retry(key: string): boolean;
}

function slot(db: number, key: string): string {
  return `${db}\u0000${key}`;
}

export class BlockingRegistry {
  /** Waiters per (db, key), in arrival order (a Set iterates in insertion order). */
  private readonly byKey = new Map<string, Set<Waiter>>();
  /** Keys signalled ready since the last serve, in signal order. */
  private ready = new Map<string, { db: number; key: string }>();
  private serving = false;
  /** Number of blocked clients (INFO blocked_clients). */
  count = 0;

  add(w: Waiter): void {
    for (const key of w.keys) {
      const s = slot(w.db, key);
      let set = this.byKey.get(s);
      if (set === undefined) this.byKey.set(s, (set = new Set()));
      set.add(w);
    }
    this.count++;
  }

  remove(w: Waiter): void {
    let found = false;
    for (const key of w.keys) {
      const s = slot(w.db, key);
      const set = this.byKey.get(s);
      if (set === undefined || !set.delete(w)) continue;
      found = true;
      if (set.size === 0) this.byKey.delete(s);
    }
    if (found) this.count--;
  }

  /** Keyspace.onKeyReady: remembered only when someone waits on the key. */
  keyReady(db: number, key: string): void {
    // Every push signals: with nobody blocked (the common case) that must cost nothing.
    if (this.count === 0) return;
    const s = slot(db, key);
    if (this.byKey.has(s) && !this.ready.has(s)) this.ready.set(s, { db, key });
  }

  /** The keys someone waits on in `db` (SWAPDB rescans them, as Redis's scanDatabaseForReadyKeys). */
  waitedKeys(db: number): string[] {
    if (this.count === 0) return [];
    const prefix = `${db}\u0000`;
    const keys: string[] = [];
    for (const s of this.byKey.keys()) if (s.startsWith(prefix)) keys.push(s.slice(prefix.length));
    return keys;
  }

  get hasReady(): boolean {
    return this.ready.size > 0;
  }

  /**
   * Serves the waiters of every ready key, oldest first, until a retry finds nothing left; serving may make
   * other keys ready (BLMOVE pushes), which are served in the same call. Called after each top-level command.
   */
  serveReady(): void {
    if (this.serving) return;
    this.serving = true;
    try {
      while (this.ready.size > 0) {
        const batch = this.ready;
        this.ready = new Map();
        for (const [s, { key }] of batch) this.serveKey(s, key);
      }
    } finally {
      this.serving = false;
    }
  }

  private serveKey(s: string, key: string): void {
    const set = this.byKey.get(s);
    if (set === undefined) return;
    for (const w of [...set]) {
      if (!set.has(w)) continue;
      // A waiter that blocks again keeps its place; a later one may still be served (another command, another side).
      if (w.retry(key)) this.remove(w);
    }
  }
}
