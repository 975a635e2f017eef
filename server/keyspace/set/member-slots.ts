// A hashtable-encoded set's members: slot positions that stay put while a member lives (SSCAN cursors and random
// picks are slot positions) and an index from member bytes to slot (keyspace/byte-key-index.ts, which also holds
// the bytes). Knows nothing of encodings, keys or logging.
import { ByteKeyIndex, hashBytes, hashString } from '../byte-key-index.js';

export class MemberSlots {
  /** Slots in use, free ones included: positions at or past this hold no member. */
  private slotCount = 0;
  private freeSlots: number[] = [];
  private index = new ByteKeyIndex();

  /** Slot positions to walk: [0, slotBound) (some free). */
  get slotBound(): number {
    return this.slotCount;
  }

  /** The member in slot `i`, undefined for a free slot. */
  memberAt(i: number): string | undefined {
    return this.index.keyAt(i);
  }

  get size(): number {
    return this.index.size;
  }

  has(m: string): boolean {
    return this.index.findString(m, hashString(m)) >= 0;
  }

  /** has() for a member given as its bytes. */
  hasBytes(m: Uint8Array): boolean {
    return this.index.find(m, 0, m.length, hashBytes(m, 0, m.length)) >= 0;
  }

  /** False if already a member; otherwise takes a free slot (or a new one at the end). */
  add(m: string): boolean {
    const h = hashString(m);
    if (this.index.findString(m, h) >= 0) return false;
    this.index.addString(m, h, this.takeSlot());
    return true;
  }

  /** add() for a member given as its bytes (copied). */
  addBytes(m: Uint8Array): boolean {
    const h = hashBytes(m, 0, m.length);
    if (this.index.find(m, 0, m.length, h) >= 0) return false;
    this.index.add(m, 0, m.length, h, this.takeSlot());
    return true;
  }

  remove(m: string): boolean {
    const j = this.index.findString(m, hashString(m));
    if (j < 0) return false;
    const slot = this.index.position(j);
    this.index.removeAt(j);
    if (this.index.size === 0) {
      // Nothing lives any more, so no cursor can miss a member: start afresh.
      this.slotCount = 0;
      this.freeSlots = [];
      return true;
    }
    this.freeSlots.push(slot);
    // Trailing free slots hold no member, so dropping them cannot hide one from an SSCAN in progress.
    while (this.slotCount > 0 && !this.index.holds(this.slotCount - 1)) this.slotCount--;
    return true;
  }

  *members(): IterableIterator<string> {
    for (let i = 0; i < this.slotCount; i++) {
      const m = this.index.keyAt(i);
      if (m !== undefined) yield m;
    }
  }

  clone(): MemberSlots {
    const c = new MemberSlots();
    c.slotCount = this.slotCount;
    c.freeSlots = this.freeSlots.slice();
    c.index = this.index.clone();
    return c;
  }

  private takeSlot(): number {
    let free = this.freeSlots.pop();
    // Slots past the end were trimmed away after being freed (see remove).
    while (free !== undefined && free >= this.slotCount) free = this.freeSlots.pop();
    if (free === undefined) free = this.slotCount++;
    return free;
  }
}
