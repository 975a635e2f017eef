// A growable circular buffer of objects (O(1) amortised push and pop at both ends, O(1) access by index): the
// sequence of a list's nodes. It only stores.

const MIN_CAPACITY = 4;

export class Ring<T> {
  /** Capacity is a power of two so an index wraps with a mask. */
  private slots: (T | undefined)[] = new Array(MIN_CAPACITY);
  private head = 0;
  private len = 0;

  get length(): number {
    return this.len;
  }

  /** The item at 0-based `i` (0 ≤ i < length). */
  at(i: number): T {
    return this.slots[(this.head + i) & (this.slots.length - 1)]!;
  }

  set(i: number, v: T): void {
    this.slots[(this.head + i) & (this.slots.length - 1)] = v;
  }

  /** Inserts `v` so that it becomes item `i` (0 ≤ i ≤ length), moving the items after it. */
  insertAt(i: number, v: T): void {
    this.pushTail(v);
    for (let j = this.len - 1; j > i; j--) this.set(j, this.at(j - 1));
    this.set(i, v);
  }

  pushHead(v: T): void {
    this.grow();
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.slots[this.head] = v;
    this.len++;
  }

  pushTail(v: T): void {
    this.grow();
    this.slots[(this.head + this.len) & (this.slots.length - 1)] = v;
    this.len++;
  }

  popHead(): void {
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.len--;
    this.shrink();
  }

  popTail(): void {
    this.slots[(this.head + this.len - 1) & (this.slots.length - 1)] = undefined;
    this.len--;
    this.shrink();
  }

  clear(): void {
    this.slots = new Array(MIN_CAPACITY);
    this.head = 0;
    this.len = 0;
  }

  private grow(): void {
    if (this.len < this.slots.length) return;
    this.resize(this.slots.length * 2);
  }

  /** Gives memory back once a large ring has drained to a quarter of its capacity. */
  private shrink(): void {
    const cap = this.slots.length;
    if (cap > MIN_CAPACITY && this.len < cap >> 2) this.resize(cap >> 1);
  }

  private resize(cap: number): void {
    const next: (T | undefined)[] = new Array(cap);
    for (let i = 0; i < this.len; i++) next[i] = this.at(i);
    this.slots = next;
    this.head = 0;
  }
}
