// The fields of a hash in insertion order, each with a sequence number, for HSCAN cursors and HRANDFIELD's random
// picks. A live field keeps its number for as long as it exists, so a cursor (the next number to visit) never
// skips a field present during a whole scan. Holds field names only; values and encodings are the object's.

/** Dead slots are dropped once they outnumber the live ones (and there are enough of them to bother). */
const MIN_COMPACT = 32;

export interface IndexStep {
  /** The cursor to continue from; 0 when the walk is complete. */
  cursor: number;
  fields: string[];
}

export class FieldIndex {
  private next = 1;
  private readonly idOf = new Map<string, number>();
  /** Ascending sequence numbers and their fields; a slot is dead when its field now has another number. */
  private ids: number[] = [];
  private fields: string[] = [];

  constructor(fields: Iterable<string>) {
    for (const f of fields) this.add(f);
  }

  add(field: string): void {
    const id = this.next++;
    this.idOf.set(field, id);
    this.ids.push(id);
    this.fields.push(field);
  }

  remove(field: string): void {
    if (!this.idOf.delete(field)) return;
    const dead = this.ids.length - this.idOf.size;
    if (dead > MIN_COMPACT && dead > this.idOf.size) this.compact();
  }

  /**
   * Visits slots from the first whose number is at least `cursor`, like Redis's dictScan loop: stops once `count`
   * fields are collected, after about ten times `count` slots, or at the end.
   */
  scan(cursor: number, count: number): IndexStep {
    const out: string[] = [];
    let i = this.firstAtLeast(cursor);
    let budget = count * 10;
    while (i < this.ids.length && budget-- > 0 && out.length < count) {
      if (this.live(i)) out.push(this.fields[i]);
      i++;
    }
    return { cursor: i < this.ids.length ? this.ids[i] : 0, fields: out };
  }

  /** A live field chosen uniformly at random; the hash must not be empty. */
  random(random: () => number = Math.random): string {
    // At most half the slots are dead (see remove), so this ends after two tries on average.
    for (;;) {
      const i = Math.floor(random() * this.ids.length);
      if (this.live(i)) return this.fields[i];
    }
  }

  private live(i: number): boolean {
    return this.idOf.get(this.fields[i]) === this.ids[i];
  }

  private firstAtLeast(cursor: number): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < cursor) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private compact(): void {
    const ids: number[] = [];
    const fields: string[] = [];
    for (let i = 0; i < this.ids.length; i++) {
      if (!this.live(i)) continue;
      ids.push(this.ids[i]);
      fields.push(this.fields[i]);
    }
    this.ids = ids;
    this.fields = fields;
  }
}
