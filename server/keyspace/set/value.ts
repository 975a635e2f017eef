// The DRAM object of a Redis set: an intset (sorted integer members) until Redis 7.0 would convert it, then a
// hashtable. The hashtable is a slot table whose positions stay put while a member lives, so SSCAN cursors are
// slot positions (as engine/key-index.ts does for keys). Knows nothing of keys, logging or replies.
import { ENCODING_LIMITS } from '../encoding-limits.js';
import { compareIntMembers, isIntMember } from './integers.js';
import { MemberSlots } from './member-slots.js';

/** Random probes before a walk; a slot table at least 1/4 full almost never needs the walk. */
const RANDOM_PROBES = 16;

export interface SetScanStep {
  /** 0 when the walk is complete. */
  cursor: number;
  members: string[];
}

export class SetValue {
  /** The members in ascending numeric order while the encoding is intset; null once it is a hashtable. */
  private sorted: string[] | null = [];
  /** The hashtable's members; empty while the encoding is intset. */
  private table = new MemberSlots();

  /** A set built as Redis builds a result set: an empty intset, then each member added (setTypeAdd). */
  static from(members: Iterable<string>): SetValue {
    const s = new SetValue();
    for (const m of members) s.add(m);
    return s;
  }

  get isIntset(): boolean {
    return this.sorted !== null;
  }

  get size(): number {
    return this.sorted !== null ? this.sorted.length : this.table.size;
  }

  has(m: string): boolean {
    if (this.sorted === null) return this.table.has(m);
    return isIntMember(m) && this.find(m) >= 0;
  }

  /** has() for a member given as its bytes (a latin1 string's chars). */
  hasBytes(m: Buffer): boolean {
    if (this.sorted === null) return this.table.hasBytes(m);
    return this.has(m.toString('latin1'));
  }

  /** add() for a member given as its bytes: a hashtable copies them without making a string. */
  addBytes(m: Buffer): boolean {
    if (this.sorted === null) return this.table.addBytes(m);
    return this.add(m.toString('latin1'));
  }

  /** Redis's setTypeAdd: false if already a member; converts to a hashtable as 7.0 does on an add. */
  add(m: string): boolean {
    const sorted = this.sorted;
    if (sorted === null) return this.table.add(m);
    if (!isIntMember(m)) {
      this.toHashtable();
      return this.table.add(m);
    }
    const at = this.find(m);
    if (at >= 0) return false;
    sorted.splice(-at - 1, 0, m);
    if (sorted.length > ENCODING_LIMITS.setMaxIntsetEntries) this.toHashtable();
    return true;
  }

  remove(m: string): boolean {
    const sorted = this.sorted;
    if (sorted === null) return this.table.remove(m);
    if (!isIntMember(m)) return false;
    const at = this.find(m);
    if (at < 0) return false;
    sorted.splice(at, 1);
    return true;
  }

  /**
   * The members in Redis's iteration order for an intset (ascending), slot order for a hashtable. An intset's
   * array is live: do not change the set while holding it.
   */
  members(): readonly string[] {
    if (this.sorted !== null) return this.sorted;
    return [...this.table.members()];
  }

  /** A member chosen uniformly at random; the set must not be empty. */
  random(rnd: () => number = Math.random): string {
    if (this.sorted !== null) return this.sorted[Math.floor(rnd() * this.sorted.length)];
    const table = this.table;
    const n = table.slotBound;
    for (let i = 0; i < RANDOM_PROBES; i++) {
      const m = table.memberAt(Math.floor(rnd() * n));
      if (m !== undefined) return m;
    }
    const start = Math.floor(rnd() * n);
    for (let i = 0; i < n; i++) {
      const m = table.memberAt((start + i) % n);
      if (m !== undefined) return m;
    }
    throw new Error('random member of an empty set');
  }

  /**
   * One SSCAN step. An intset answers everything at once with cursor 0, as Redis does; a hashtable visits slots
   * from `cursor` until `count` members are collected, about ten times `count` slots were seen, or the end.
   */
  scan(cursor: number, count: number): SetScanStep {
    if (this.sorted !== null) return { cursor: 0, members: this.sorted.slice() };
    const members: string[] = [];
    const table = this.table;
    const n = table.slotBound;
    if (cursor >= n) return { cursor: 0, members };
    let budget = count * 10;
    do {
      const m = table.memberAt(cursor);
      if (m !== undefined) members.push(m);
      cursor++;
      if (cursor >= n) cursor = 0;
    } while (cursor !== 0 && budget-- > 0 && members.length < count);
    return { cursor, members };
  }

  /** An independent copy with the same encoding (Redis's setTypeDup, for COPY). */
  clone(): SetValue {
    const c = new SetValue();
    c.sorted = this.sorted === null ? null : this.sorted.slice();
    c.table = this.table.clone();
    return c;
  }

  /** setTypeConvert(OBJ_ENCODING_HT): members enter the slot table in ascending order. */
  toHashtable(): void {
    const sorted = this.sorted;
    if (sorted === null) return;
    this.sorted = null;
    for (const m of sorted) this.table.add(m);
  }

  /**
   * True when a set built afresh from these members would be an intset: all integers and few enough. Redis
   * rebuilds a set this way in SPOP's "keep the survivors" strategy and in every result set.
   */
  fitsIntset(): boolean {
    if (this.sorted !== null) return true;
    if (this.table.size > ENCODING_LIMITS.setMaxIntsetEntries) return false;
    for (const m of this.table.members()) if (!isIntMember(m)) return false;
    return true;
  }

  /** Makes the encoding `intset` (when every member is an integer) or hashtable. Used by rebuilds and replay. */
  setEncoding(intset: boolean): void {
    if (!intset) {
      this.toHashtable();
      return;
    }
    if (this.sorted !== null) return;
    const members = [...this.table.members()];
    if (!members.every(isIntMember)) return;
    this.sorted = members.sort(compareIntMembers);
    this.table = new MemberSlots();
  }

  /** Binary search in the intset: the index, or -(insertion point) - 1. */
  private find(m: string): number {
    const a = this.sorted!;
    let lo = 0;
    let hi = a.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareIntMembers(a[mid], m);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }
}
