// One node of a list (Redis's quicklist node): elements packed in one Buffer, each stored as the RESP bulk string
// that replies carry ("$<len>\r\n<bytes>\r\n", the same in RESP2 and RESP3), with the start of each in an
// Int32Array. A node grows toward one end only, the head or the tail; it knows nothing of keys, logs or replies.
//
// Why packed: redis-benchmark LPUSH fills one list with millions of 3-byte elements; a Buffer object per element
// made V8's major GC mark millions of objects (LPUSH -P 16 spent ~12% in GC). Why RESP-encoded: LRANGE then
// writes a run of elements with one copy instead of formatting one bulk reply each.
import { copyBytes } from '../../engine/bytes.js';

/**
 * Bytes a node grows to before a new node is started (Redis's list-max-listpack-size -2: 8 KiB). A long list's
 * new nodes start larger (deque.ts, longNodeBytes), up to LONG_NODE_BYTES.
 */
export const NODE_BYTES = 8192;
/**
 * The largest node a long list starts: each node is two typed arrays for the GC to track, and in a list of
 * millions of small elements marking and sweeping those was a cost per push (redis-benchmark LPUSH -P 16 over a
 * list growing to 18M elements: +10% with 64 KiB nodes).
 */
export const LONG_NODE_BYTES = 65536;
/** A node is re-laid out (reclaiming bytes popped at its other end) only while at most this full. */
const RELAYOUT_LIMIT = (NODE_BYTES * 3) >> 2;
const MIN_BYTES = 32;
const MIN_SLOTS = 4;

const DOLLAR = 0x24;
const CR = 0x0d;
const LF = 0x0a;

/** Encoded size of an element of `n` bytes: "$", the decimal length, CRLF, the bytes, CRLF. */
export function encodedSize(n: number): number {
  return n + 5 + digits(n);
}

function digits(n: number): number {
  if (n < 10) return 1;
  if (n < 100) return 2;
  if (n < 1000) return 3;
  let d = 3;
  for (let x = 1000; x <= n; x *= 10) d++;
  return d;
}

export class Chunk {
  buf: Buffer;
  /** Bytes in use: [lo, hi). */
  lo: number;
  hi: number;
  /** Element i of the node starts at offs[first + i]; slots in use: [first, last). */
  offs: Int32Array;
  first: number;
  last: number;

  /**
   * An empty node; `towardHead`: it takes elements at its head (LPUSH), otherwise at its tail. `size` bytes and
   * `slots` elements are room made at once (each growth is a new typed array).
   */
  constructor(
    readonly towardHead: boolean,
    size = 0,
    slots = MIN_SLOTS,
  ) {
    this.buf = Buffer.allocUnsafe(Math.max(MIN_BYTES, size));
    this.offs = new Int32Array(Math.max(MIN_SLOTS, slots));
    this.lo = this.hi = towardHead ? this.buf.length : 0;
    this.first = this.last = towardHead ? this.offs.length : 0;
  }

  get count(): number {
    return this.last - this.first;
  }

  /** Whether an element of encoded size `size` may join this node at its growing end. */
  accepts(size: number): boolean {
    if (this.count === 0) return true;
    if (this.sideBytes() >= size) return true;
    return this.hi - this.lo + size <= (this.buf.length < NODE_BYTES ? NODE_BYTES : RELAYOUT_LIMIT);
  }

  /** Adds `v`, of encoded size `size`, at the growing end (call accepts first). */
  add(v: Buffer, size: number): void {
    this.addFrom(v, 0, v.length, size);
  }

  /** add() for the `n` bytes of `src` from `from` (no view of them is needed). */
  addFrom(src: Uint8Array, from: number, n: number, size: number): void {
    if (this.sideBytes() < size) this.relayout(size);
    if (this.sideSlots() === 0) this.moveSlots(Math.max(MIN_SLOTS, 2 * (this.count + 1)));
    if (this.towardHead) {
      this.lo -= size;
      this.offs[--this.first] = this.lo;
      this.encode(this.lo, src, from, n);
    } else {
      this.offs[this.last++] = this.hi;
      this.encode(this.hi, src, from, n);
      this.hi += size;
    }
  }

  /**
   * Appends elements [from, to) of `src` at the tail of this tail-growing node, their bytes copied as they are
   * encoded, in one run: rebuilding a node around an edit makes no view of its elements.
   */
  appendRun(src: Chunk, from: number, to: number): void {
    if (from >= to) return;
    const a = src.start(from);
    const n = src.end(to - 1) - a;
    if (this.sideBytes() < n) this.relayout(n);
    if (this.sideSlots() < to - from) this.moveSlots(this.count + (to - from));
    const shift = this.hi - a;
    for (let i = from; i < to; i++) this.offs[this.last++] = src.start(i) + shift;
    this.buf.set(src.buf.subarray(a, a + n), this.hi);
    this.hi += n;
  }

  /** Drops the node's first element. */
  dropFirst(): void {
    this.first++;
    this.lo = this.first < this.last ? this.offs[this.first] : this.hi;
  }

  /** Drops the node's last element. */
  dropLast(): void {
    this.hi = this.offs[--this.last];
    if (this.first === this.last) this.lo = this.hi;
  }

  start(i: number): number {
    return this.offs[this.first + i];
  }

  end(i: number): number {
    return this.first + i + 1 < this.last ? this.offs[this.first + i + 1] : this.hi;
  }

  /** The bytes of element i (a view: valid until the node changes). */
  value(i: number): Buffer {
    return this.buf.subarray(this.valueStart(i), this.end(i) - 2);
  }

  /** Where element i's bytes start in buf (after its "$<len>\r\n"); they end 2 bytes before end(i). */
  valueStart(i: number): number {
    let p = this.start(i) + 1;
    while (this.buf[p] !== CR) p++;
    return p + 2;
  }

  /** Element i as its RESP bulk string (a view: valid until the node changes). */
  encoded(i: number): Buffer {
    return this.buf.subarray(this.start(i), this.end(i));
  }

  private sideBytes(): number {
    return this.towardHead ? this.lo : this.buf.length - this.hi;
  }

  private sideSlots(): number {
    return this.towardHead ? this.first : this.offs.length - this.last;
  }

  /** Moves the bytes into a fresh buffer with room for `size` more at the growing end (never a smaller one). */
  private relayout(size: number): void {
    const used = this.hi - this.lo;
    let cap = MIN_BYTES;
    while (cap < 2 * (used + size) && cap < NODE_BYTES) cap *= 2;
    cap = Math.max(cap, used + size, Math.min(this.buf.length, NODE_BYTES));
    const buf = Buffer.allocUnsafe(cap);
    const lo = this.towardHead ? cap - used : 0;
    this.buf.copy(buf, lo, this.lo, this.hi);
    const shift = lo - this.lo;
    for (let i = this.first; i < this.last; i++) this.offs[i] += shift;
    this.buf = buf;
    this.lo = lo;
    this.hi = lo + used;
  }

  /** Moves the offsets into a fresh array of `slots`, the free ones at the growing end. */
  private moveSlots(slots: number): void {
    const n = this.count;
    const offs = new Int32Array(slots);
    const first = this.towardHead ? slots - n : 0;
    offs.set(this.offs.subarray(this.first, this.last), first);
    this.offs = offs;
    this.first = first;
    this.last = first + n;
  }

  private encode(at: number, src: Uint8Array, from: number, n: number): void {
    const buf = this.buf;
    buf[at] = DOLLAR;
    let p = at + digits(n);
    let x = n;
    for (let q = p; q > at; q--) {
      buf[q] = 48 + (x % 10);
      x = Math.floor(x / 10);
    }
    buf[++p] = CR;
    buf[++p] = LF;
    p++;
    copyBytes(src, from, n, buf, p);
    buf[p + n] = CR;
    buf[p + n + 1] = LF;
  }
}
