// WATCH: which connections watch which keys, and marking them when a watched key changes (Redis's
// touchWatchedKey / touchAllWatchedKeysInDb / isWatchedKeyExpired). A marked connection's EXEC fails.
import { now } from '../../clock.js';
import type { Keyspace } from '../../keyspace/keyspace.js';
import type { Session } from '../types.js';

interface Watched {
  db: number;
  key: string;
  /** The key was already past its deadline when WATCH ran (Redis tracks these apart: see touched()). */
  expired: boolean;
}

function slot(db: number, key: string): string {
  return `${db}\u0000${key}`;
}

export class WatchRegistry {
  /** (db, key) → the sessions watching it. */
  private readonly byKey = new Map<string, Set<Session>>();
  /** session → what it watches, in WATCH order. */
  private readonly bySession = new Map<Session, Watched[]>();

  constructor(private readonly ks: Keyspace) {}

  watch(s: Session, db: number, key: string): void {
    let list = this.bySession.get(s);
    if (list === undefined) this.bySession.set(s, (list = []));
    if (list.some((w) => w.db === db && w.key === key)) return;
    const e = this.ks.db(db).get(key);
    list.push({ db, key, expired: e !== undefined && e.expireAt !== 0 && e.expireAt <= now() });
    const k = slot(db, key);
    let set = this.byKey.get(k);
    if (set === undefined) this.byKey.set(k, (set = new Set()));
    set.add(s);
  }

  unwatchAll(s: Session): void {
    const list = this.bySession.get(s);
    s.dirtyCas = false;
    if (list === undefined) return;
    this.bySession.delete(s);
    for (const w of list) {
      const k = slot(w.db, w.key);
      const set = this.byKey.get(k)!;
      set.delete(s);
      if (set.size === 0) this.byKey.delete(k);
    }
  }

  /** Keyspace.onKeyChange: every connection watching the key is marked (called after the change). */
  touched(db: number, key: string): void {
    if (this.byKey.size === 0) return;
    const set = this.byKey.get(slot(db, key));
    if (set === undefined) return;
    for (const s of set) {
      const w = this.bySession.get(s)!.find((x) => x.db === db && x.key === key)!;
      // A key that had expired before WATCH and is now deleted did not change logically (Redis 7.0).
      if (w.expired && this.ks.db(db).get(key) === undefined) {
        w.expired = false;
        continue;
      }
      s.dirtyCas = true;
    }
  }

  /** FLUSHDB / FLUSHALL of `db`, before it is emptied: watched keys that exist there are touched. */
  flushing(db: number): void {
    this.touchExisting(db, (key) => this.ks.db(db).get(key) !== undefined);
  }

  /** SWAPDB a b: watched keys of either database that exist in either are touched. */
  swapping(a: number, b: number): void {
    const existsInEither = (key: string) => this.ks.db(a).get(key) !== undefined || this.ks.db(b).get(key) !== undefined;
    this.touchExisting(a, existsInEither);
    this.touchExisting(b, existsInEither);
  }

  /** EXEC's check: a watched key that was live at WATCH time and is past its deadline now fails the transaction. */
  expiredSinceWatch(s: Session): boolean {
    const t = now();
    for (const w of this.bySession.get(s) ?? []) {
      if (w.expired) continue;
      const e = this.ks.db(w.db).get(w.key);
      if (e !== undefined && e.expireAt !== 0 && e.expireAt <= t) return true;
    }
    return false;
  }

  /** Number of keys watched by `s` (for CLIENT LIST's watch accounting and tests). */
  count(s: Session): number {
    return this.bySession.get(s)?.length ?? 0;
  }

  private touchExisting(db: number, exists: (key: string) => boolean): void {
    if (this.byKey.size === 0) return;
    for (const [s, list] of this.bySession) {
      if (list.some((w) => w.db === db && exists(w.key))) s.dirtyCas = true;
    }
  }
}
