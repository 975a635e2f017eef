// The DRAM object of a Redis list: a ring of packed nodes (./chunk.ts), like Redis's quicklist: O(1) amortised
// push and pop at both ends, access by index in O(nodes) (O(1) when stepping from the previous access), edits in
// the middle rebuild one node. It only stores; logging, notifications and encodings live in the keyspace ops.
// Elements handed out are views into a node: valid until the list next changes (copy them to keep them).
import { Chunk, LONG_NODE_BYTES, NODE_BYTES, encodedSize } from './chunk.js';
import { Ring } from './ring.js';

export class ListObject {
  private nodes = new Ring<Chunk>();
  private len = 0;
  /** The node of the last access and the index of its first element (-1: none); sequential scans use it. */
  private cacheNode = -1;
  private cacheBase = 0;

  get length(): number {
    return this.len;
  }

  /** The element at 0-based `i` (0 ≤ i < length). */
  at(i: number): Buffer {
    const k = this.locate(i);
    return this.nodes.at(k).value(i - this.cacheBase);
  }

  /** Replaces element `i` (0 ≤ i < length) by a copy of `v`. */
  set(i: number, v: Buffer): void {
    this.editNode(i, v, true);
  }

  /** Appends a copy of `v` at the head. */
  pushHead(v: Uint8Array): void {
    this.pushHeadFrom(v, 0, v.length);
  }

  /** Appends a copy of the `len` bytes of `src` from `at` at the head (no view of them is needed). */
  pushHeadFrom(src: Uint8Array, at: number, len: number): void {
    const size = encodedSize(len);
    let n = this.nodes.length > 0 ? this.nodes.at(0) : undefined;
    if (n === undefined || !n.towardHead || !n.accepts(size)) {
      n = this.startNode(true, n, size);
      this.nodes.pushHead(n);
    }
    n.addFrom(src, at, len, size);
    this.len++;
    this.cacheNode = -1;
  }

  /** Appends a copy of `v` at the tail. */
  pushTail(v: Uint8Array): void {
    this.pushTailFrom(v, 0, v.length);
  }

  /** pushHeadFrom() at the tail. */
  pushTailFrom(src: Uint8Array, at: number, len: number): void {
    const size = encodedSize(len);
    let n = this.nodes.length > 0 ? this.nodes.at(this.nodes.length - 1) : undefined;
    if (n === undefined || n.towardHead || !n.accepts(size)) {
      n = this.startNode(false, n, size);
      this.nodes.pushTail(n);
    }
    n.addFrom(src, at, len, size);
    this.len++;
    this.cacheNode = -1;
  }

  /** Removes the head element and returns it (a view, see above); undefined when empty. */
  popHead(): Buffer | undefined {
    return this.len === 0 ? undefined : this.popHeadAs(false);
  }

  /** Removes the tail element and returns it (a view, see above); undefined when empty. */
  popTail(): Buffer | undefined {
    return this.len === 0 ? undefined : this.popTailAs(false);
  }

  /** Removes the head element of a non-empty list and returns it as a RESP bulk string (a view, see above). */
  popHeadEncoded(): Buffer {
    return this.popHeadAs(true);
  }

  /** Removes the tail element of a non-empty list and returns it as a RESP bulk string (a view, see above). */
  popTailEncoded(): Buffer {
    return this.popTailAs(true);
  }

  private popHeadAs(encoded: boolean): Buffer {
    const n = this.nodes.at(0);
    const v = encoded ? n.encoded(0) : n.value(0);
    n.dropFirst();
    if (n.count === 0) this.nodes.popHead();
    this.len--;
    this.cacheNode = -1;
    return v;
  }

  private popTailAs(encoded: boolean): Buffer {
    const n = this.nodes.at(this.nodes.length - 1);
    const v = encoded ? n.encoded(n.count - 1) : n.value(n.count - 1);
    n.dropLast();
    if (n.count === 0) this.nodes.popTail();
    this.len--;
    this.cacheNode = -1;
    return v;
  }

  /** Inserts a copy of `v` so that it becomes element `i` (0 ≤ i ≤ length). */
  insert(i: number, v: Buffer): void {
    if (i === 0) this.pushHead(v);
    else if (i === this.len) this.pushTail(v);
    else {
      this.editNode(i, v, false);
      this.len++;
    }
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
    for (let n = this.nodes.at(0); left > 0 && n.count <= left; n = this.nodes.at(0)) {
      left -= n.count;
      this.len -= n.count;
      this.nodes.popHead();
    }
    for (let n = this.nodes.at(this.nodes.length - 1); right > 0 && n.count <= right; n = this.nodes.at(this.nodes.length - 1)) {
      right -= n.count;
      this.len -= n.count;
      this.nodes.popTail();
    }
    for (; left > 0; left--) this.popHead();
    for (; right > 0; right--) this.popTail();
    this.cacheNode = -1;
  }

  /** Elements [start, end] (inclusive, already clamped), head to tail, as views. */
  range(start: number, end: number): Buffer[] {
    const out: Buffer[] = [];
    for (let i = start; i <= end; i++) out.push(this.at(i));
    return out;
  }

  /**
   * Elements [start, end] (inclusive, already clamped) as RESP bulk strings: `fn` gets views of runs of
   * consecutive elements already encoded, one per node touched (LRANGE copies each run into the reply at once).
   */
  encodedRuns(start: number, end: number, fn: (run: Buffer) => void): void {
    let k = this.locate(start);
    let j = start - this.cacheBase;
    for (let left = end - start + 1; left > 0; k++, j = 0) {
      const n = this.nodes.at(k);
      const take = Math.min(n.count - j, left);
      fn(n.buf.subarray(n.start(j), n.end(j + take - 1)));
      left -= take;
    }
  }

  /**
   * Every element head to tail as `fn(buf, from, to)`: its bytes are buf[from, to). No view is made, so a walk of
   * millions of elements (an IMAGE) leaves no garbage; `buf` is only valid during the call.
   */
  eachElement(fn: (buf: Buffer, from: number, to: number) => void): void {
    for (let k = 0; k < this.nodes.length; k++) {
      const n = this.nodes.at(k);
      for (let i = 0; i < n.count; i++) fn(n.buf, n.valueStart(i), n.end(i) - 2);
    }
  }

  /** Element `i` as a RESP bulk string (a view, see above). */
  encodedAt(i: number): Buffer {
    const k = this.locate(i);
    return this.nodes.at(k).encoded(i - this.cacheBase);
  }

  toArray(): Buffer[] {
    return this.len === 0 ? [] : this.range(0, this.len - 1);
  }

  /**
   * Replaces the contents by copies of `count` elements stored in `src` from `at` as (u32 little-endian length,
   * bytes) pairs, as an IMAGE holds them; made without a view per element (see eachElement).
   */
  resetFromPacked(src: Buffer, at: number, count: number): void {
    let remaining = 0;
    for (let i = 0, p = at; i < count; i++) {
      const len = src.readUInt32LE(p);
      remaining += encodedSize(len);
      p += 4 + len;
    }
    this.nodes.clear();
    let n: Chunk | undefined;
    for (let i = 0, p = at; i < count; i++) {
      const len = src.readUInt32LE(p);
      const size = encodedSize(len);
      if (n === undefined || !n.accepts(size)) {
        n = new Chunk(false, Math.max(size, Math.min(NODE_BYTES, remaining)));
        this.nodes.pushTail(n);
      }
      n.addFrom(src, p + 4, len, size);
      remaining -= size;
      p += 4 + len;
    }
    this.len = count;
    this.cacheNode = -1;
  }

  /** Replaces the contents by copies of `items`. */
  reset(items: readonly Buffer[]): void {
    const nodes = packNodes(items);
    this.nodes.clear();
    for (const n of nodes) this.nodes.pushTail(n);
    this.len = items.length;
    this.cacheNode = -1;
  }

  /** The node holding element `i`, which it caches with the index of the node's first element. */
  private locate(i: number): number {
    const nodes = this.nodes;
    let k: number;
    let base: number;
    if (this.cacheNode >= 0 && Math.abs(i - this.cacheBase) < Math.min(i, this.len - i)) {
      k = this.cacheNode;
      base = this.cacheBase;
    } else if (i < this.len >> 1) {
      k = 0;
      base = 0;
    } else {
      k = nodes.length - 1;
      base = this.len - nodes.at(k).count;
    }
    while (i < base) base -= nodes.at(--k).count;
    while (i >= base + nodes.at(k).count) base += nodes.at(k++).count;
    this.cacheNode = k;
    this.cacheBase = base;
    return k;
  }

  /** Rebuilds the node holding element `i` after `edit` changed its values (j: i's index among them). */
  /**
   * Rebuilds the node holding element `i` with a copy of `v` in place of that element (`replace`) or before it,
   * copying the other elements' encoded bytes in runs. Past NODE_BYTES the node becomes two: the elements before
   * `i`, then `v` and those after.
   */
  /**
   * A new node for a push at one end (the caller puts it there), beside `neighbour` (the node at that end, if any):
   * small for a small list;
   * beside a full node, sized for the list (longNodeBytes) with slots for as many elements as the neighbour holds
   * per byte (growing the slots from a few by doubling was 8% of a push to a long list of 3-byte elements).
   */
  private startNode(towardHead: boolean, neighbour: Chunk | undefined, size: number): Chunk {
    let n: Chunk;
    if (neighbour === undefined || neighbour.buf.length < NODE_BYTES || neighbour.count === 0) n = new Chunk(towardHead, size);
    else {
      const bytes = longNodeBytes(this.len, neighbour);
      const slots = Math.ceil(((neighbour.count + 1) * bytes) / neighbour.buf.length);
      n = new Chunk(towardHead, Math.max(bytes, size), slots);
    }
    return n;
  }

  private editNode(i: number, v: Uint8Array, replace: boolean): void {
    const k = this.locate(i);
    const node = this.nodes.at(k);
    const j = i - this.cacheBase;
    const count = node.count;
    const size = encodedSize(v.length);
    const after = replace ? j + 1 : j;
    const before = node.start(j) - node.start(0);
    const rest = after < count ? node.hi - node.start(after) : 0;
    if (before + size + rest <= NODE_BYTES || j === 0) {
      const out = new Chunk(false, before + size + rest, count + 1);
      out.appendRun(node, 0, j);
      out.addFrom(v, 0, v.length, size);
      out.appendRun(node, after, count);
      this.nodes.set(k, out);
    } else {
      const head = new Chunk(false, before, j);
      head.appendRun(node, 0, j);
      const tail = new Chunk(false, size + rest, count - after + 1);
      tail.addFrom(v, 0, v.length, size);
      tail.appendRun(node, after, count);
      this.nodes.set(k, head);
      this.nodes.insertAt(k + 1, tail);
    }
    this.cacheNode = -1;
  }
}

/**
 * The bytes a node started beside a full one gets at once: the list's size over LONG_LIST_SHARE, rounded down to a
 * power of two between NODE_BYTES and LONG_NODE_BYTES, so a node's unused room stays a small share of its list (a
 * list of a few thousand elements keeps Redis's 8 KiB nodes; one of millions gets 64 KiB).
 */
function longNodeBytes(list: number, neighbour: Chunk): number {
  const want = (list * (neighbour.hi - neighbour.lo)) / neighbour.count / LONG_LIST_SHARE;
  let bytes = NODE_BYTES;
  while (bytes * 2 <= want && bytes < LONG_NODE_BYTES) bytes *= 2;
  return bytes;
}

/** A new node's room as a share of its list's bytes (see longNodeBytes). */
const LONG_LIST_SHARE = 8;

/** Tail-growing nodes holding copies of `items` in order, each sized for what it will hold. */
function packNodes(items: readonly Buffer[]): Chunk[] {
  let remaining = 0;
  for (const b of items) remaining += encodedSize(b.length);
  const out: Chunk[] = [];
  let n: Chunk | undefined;
  for (const b of items) {
    const size = encodedSize(b.length);
    if (n === undefined || !n.accepts(size)) {
      n = new Chunk(false, Math.max(size, Math.min(NODE_BYTES, remaining)));
      out.push(n);
    }
    n.add(b, size);
    remaining -= size;
  }
  return out;
}
