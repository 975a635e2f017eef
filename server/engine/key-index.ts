// The DRAM index of one database: key → Entry, the set of keys with a deadline (sampled by active expiry), and
// a slot table whose positions stay put while a key lives, which is what makes SCAN cursors meaningful.
// Never persisted: rebuilt from the log at start.
import type { Entry } from './entry.js';

export class KeyIndex {
  readonly map = new Map<string, Entry>();
  /** Keys that carry an expiry. */
  readonly volatile = new Set<string>();
  private slots: (string | undefined)[] = [];
  private freeSlots: number[] = [];

  get size(): number {
    return this.map.size;
  }

  get(key: string): Entry | undefined {
    return this.map.get(key);
  }

  /** Inserts or replaces; the new entry inherits the old one's slot so an ongoing SCAN still sees the key once. */
  set(key: string, e: Entry): void {
    const old = this.map.get(key);
    if (old === undefined) {
      this.add(key, e);
      return;
    }
    e.slot = old.slot;
    this.map.set(key, e);
    if (e.expireAt !== 0) this.volatile.add(key);
    else if (old.expireAt !== 0) this.volatile.delete(key);
  }

  /**
   * Inserts a key the caller has just found absent: one hash-table operation fewer than set(), which for a fresh
   * key string is a cache miss (a new key's SET or MSET, recovery).
   */
  add(key: string, e: Entry): void {
    let free = this.freeSlots.pop();
    while (free !== undefined && free >= this.slots.length) free = this.freeSlots.pop();
    if (free !== undefined) {
      e.slot = free;
      this.slots[free] = key;
    } else {
      e.slot = this.slots.length;
      this.slots.push(key);
    }
    this.map.set(key, e);
    if (e.expireAt !== 0) this.volatile.add(key);
  }

  delete(key: string): Entry | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.map.delete(key);
    if (e.expireAt !== 0) this.volatile.delete(key);
    if (this.map.size === 0) {
      // Nothing lives any more, so no cursor can miss a key: start the slot table afresh.
      this.slots = [];
      this.freeSlots = [];
      return e;
    }
    this.slots[e.slot] = undefined;
    this.freeSlots.push(e.slot);
    // Trailing free slots hold no key, so dropping them cannot hide one from a SCAN in progress.
    while (this.slots.length > 0 && this.slots[this.slots.length - 1] === undefined) this.slots.pop();
    return e;
  }

  setExpire(key: string, e: Entry, at: number): void {
    e.expireAt = at;
    if (at !== 0) this.volatile.add(key);
    else this.volatile.delete(key);
  }

  clear(): void {
    this.map.clear();
    this.volatile.clear();
    this.slots = [];
    this.freeSlots = [];
  }

  /** Number of slot positions (live and free); a SCAN cursor ranges over [0, slotCount). */
  get slotCount(): number {
    return this.slots.length;
  }

  keyAtSlot(slot: number): string | undefined {
    return this.slots[slot];
  }
}
