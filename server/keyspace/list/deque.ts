// The DRAM object of a Redis list: a growable circular buffer of Buffers (O(1) amortised push/pop at both ends,
// O(1) access by index). It only stores; logging, notifications and encodings live in the keyspace operations.

const MIN_CAPACITY = 8;

export class ListObject {
  /** Capacity is a power of two so an index wraps with a mask. */
  private slots: (Buffer | undefined)[] = new Array(MIN_CAPACITY);
  private head = 0;
  private len = 0;

  get length(): number {
    return this.len;
  }

  /** The element at 0-based `i` (0 ≤ i < length). */
  at(i: number): Buffer {
    return this.slots[(this.head + i) & (this.slots.length - 1)]!;
  }

  set(i: number, v: Buffer): void {
    this.slots[(this.head + i) & (this.slots.length - 1)] = v;
  }

  pushHead(v: Buffer): void {
    this.grow();
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.slots[this.head] = v;
    this.len++;
  }

  pushTail(v: Buffer): void {
    this.grow();
    this.slots[(this.head + this.len) & (this.slots.length - 1)] = v;
    this.len++;
  }

  popHead(): Buffer | undefined {
    if (this.len === 0) return undefined;
    const v = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.len--;
    this.shrink();
    return v;
  }

  popTail(): Buffer | undefined {
    if (this.len === 0) return undefined;
    const at = (this.head + this.len - 1) & (this.slots.length - 1);
    const v = this.slots[at];
    this.slots[at] = undefined;
    this.len--;
    this.shrink();
    return v;
  }

  /** Inserts `v` so that it becomes element `i` (0 ≤ i ≤ length), moving the shorter side. */
  insert(i: number, v: Buffer): void {
    if (i <= this.len >> 1) {
      this.pushHead(v);
      for (let j = 0; j < i; j++) this.set(j, this.at(j + 1));
    } else {
      this.pushTail(v);
      for (let j = this.len - 1; j > i; j--) this.set(j, this.at(j - 1));
    }
    this.set(i, v);
  }

  /** Removes the elements at the given ascending indexes in one pass. */
  removeIndexes(indexes: readonly number[]): void {
    if (indexes.length === 0) return;
    const kept: Buffer[] = [];
    let next = 0;
    for (let i = 0; i < this.len; i++) {
      if (next < indexes.length && indexes[next] === i) next++;
      else kept.push(this.at(i));
    }
    this.reset(kept);
  }

  /** Drops `left` elements from the head and `right` from the tail. */
  trim(left: number, right: number): void {
    if (left + right >= this.len) {
      this.reset([]);
      return;
    }
    for (let i = 0; i < left; i++) this.popHead();
    for (let i = 0; i < right; i++) this.popTail();
  }

  /** Elements [start, end] (inclusive, already clamped), head to tail. */
  range(start: number, end: number): Buffer[] {
    const out: Buffer[] = [];
    for (let i = start; i <= end; i++) out.push(this.at(i));
    return out;
  }

  toArray(): Buffer[] {
    return this.len === 0 ? [] : this.range(0, this.len - 1);
  }

  /** Replaces the contents by `items` (taken as they are, not copied). */
  reset(items: Buffer[]): void {
    let cap = MIN_CAPACITY;
    while (cap < items.length) cap *= 2;
    this.slots = new Array(cap);
    for (let i = 0; i < items.length; i++) this.slots[i] = items[i];
    this.head = 0;
    this.len = items.length;
  }

  private grow(): void {
    if (this.len < this.slots.length) return;
    this.resize(this.slots.length * 2);
  }

  /** Gives memory back once a large list has drained to a quarter of its capacity. */
  private shrink(): void {
    const cap = this.slots.length;
    if (cap > MIN_CAPACITY && this.len < cap >> 2) this.resize(cap >> 1);
  }

  private resize(cap: number): void {
    const next: (Buffer | undefined)[] = new Array(cap);
    for (let i = 0; i < this.len; i++) next[i] = this.at(i);
    this.slots = next;
    this.head = 0;
  }
}
