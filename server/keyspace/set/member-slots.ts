// A hashtable-encoded set's members: a slot array whose positions stay put while a member lives (SSCAN cursors and
// random picks are slot positions) and an index from member to slot (keyspace/string-index.ts, chosen over a Map for
// speed). Knows nothing of encodings, keys or logging.
import { hashString, StringIndex } from '../string-index.js';

export class MemberSlots {
  private memberAt: (string | undefined)[] = [];
  private freeSlots: number[] = [];
  private index = new StringIndex();

  /** Member per slot, undefined for a free slot: what SSCAN walks and random picks probe. */
  get slots(): readonly (string | undefined)[] {
    return this.memberAt;
  }

  get size(): number {
    return this.index.size;
  }

  has(m: string): boolean {
    return this.index.find(this.memberAt, m, hashString(m)) >= 0;
  }

  /** False if already a member; otherwise takes a free slot (or a new one at the end). */
  add(m: string): boolean {
    const h = hashString(m);
    if (this.index.find(this.memberAt, m, h) >= 0) return false;
    let free = this.freeSlots.pop();
    // Slots past the end were trimmed away after being freed (see remove).
    while (free !== undefined && free >= this.memberAt.length) free = this.freeSlots.pop();
    if (free === undefined) {
      free = this.memberAt.length;
      this.memberAt.push(m);
    } else {
      this.memberAt[free] = m;
    }
    this.index.add(h, free);
    return true;
  }

  remove(m: string): boolean {
    const j = this.index.find(this.memberAt, m, hashString(m));
    if (j < 0) return false;
    const slot = this.index.position(j);
    this.index.removeAt(j);
    if (this.index.size === 0) {
      // Nothing lives any more, so no cursor can miss a member: start afresh.
      this.memberAt = [];
      this.freeSlots = [];
      this.index.clear();
      return true;
    }
    this.memberAt[slot] = undefined;
    this.freeSlots.push(slot);
    // Trailing free slots hold no member, so dropping them cannot hide one from an SSCAN in progress.
    while (this.memberAt[this.memberAt.length - 1] === undefined) this.memberAt.pop();
    return true;
  }

  *members(): IterableIterator<string> {
    for (const m of this.memberAt) if (m !== undefined) yield m;
  }

  clone(): MemberSlots {
    const c = new MemberSlots();
    c.memberAt = this.memberAt.slice();
    c.freeSlots = this.freeSlots.slice();
    c.index = this.index.clone();
    return c;
  }
}
