// The memory of a skip list's nodes: one growable ArrayBuffer seen as Int32 and Float64 words, where a node is the
// word offset of its block, plus a dense id per node that indexes the member strings (and ZSCAN's slot table).
// Allocates, frees and grows only; the ordering and the links' meaning belong to skiplist.ts.
//
// Why typed arrays (issue 3, redis-benchmark -t zadd): a search step reads a link and the score it points at;
// with object nodes that was three dependent loads through separate heap objects and a boxed double, here it is
// two loads inside the nodes' own blocks. Measured with scripts/zset-micro.ts.

/** The null link; offset 0 is reserved so zero-filled memory reads as "no node". */
export const NIL = 0;

/** Block layout, in Int32 words from the node's offset (always even, so the score is an aligned Float64). */
export const SCORE = 0;
export const PREV = 2;
export const ID = 3;
export const LEVEL = 4;
/** Level i's forward link is at LINKS + 2i, the number of level-0 steps it covers at LINKS + 2i + 1. */
export const LINKS = 6;

export const MAX_LEVEL = 32;

/** Room for the head block (70 words) and a few members: a small set's buffer is 512 bytes. */
const INITIAL_WORDS = 128;

export class NodeArena {
  i32: Int32Array;
  f64: Float64Array;
  /** Member of each id (latin1 strings: JS string order is memcmp order); '' for a free id. */
  readonly members: string[] = [];
  /** Block of each id; NIL for a free id. */
  readonly blocks: number[] = [];
  private top = 2;
  /**
   * Freed blocks by level, reused before the arena grows: the first free block of each level, each free block
   * naming the next in its PREV word. Made on the first release, as most sets never free a node.
   */
  private freeBlocks: Int32Array | null = null;
  /** Freed ids, reused last-freed first (ZSCAN's slots are reused the same way). */
  private readonly freeIds: number[] = [];

  constructor(words = INITIAL_WORDS) {
    const buf = new ArrayBuffer(words * 4);
    this.i32 = new Int32Array(buf);
    this.f64 = new Float64Array(buf);
  }

  /** A new node of `level` links, all NIL with span 0, holding member and score under a fresh id. */
  alloc(level: number, member: string, score: number): number {
    const n = this.block(level);
    const a = this.i32;
    a[n + PREV] = NIL;
    a[n + LEVEL] = level;
    for (let i = LINKS, end = LINKS + 2 * level; i < end; i++) a[n + i] = 0;
    this.f64[n >> 1] = score;
    const id = this.freeIds.length > 0 ? this.freeIds.pop()! : this.members.length;
    a[n + ID] = id;
    if (id === this.members.length) {
      this.members.push(member);
      this.blocks.push(n);
    } else {
      this.members[id] = member;
      this.blocks[id] = n;
    }
    return n;
  }

  /** The head block: all levels, no id, no member (it sorts before every node and is never released). */
  allocHead(): number {
    const n = this.block(MAX_LEVEL);
    this.i32[n + LEVEL] = MAX_LEVEL;
    this.i32[n + ID] = -1;
    return n;
  }

  /** Returns `n`'s block and id for reuse; `n` must not be linked any more. */
  release(n: number): void {
    const id = this.i32[n + ID];
    this.members[id] = '';
    this.blocks[id] = NIL;
    this.freeIds.push(id);
    const level = this.i32[n + LEVEL];
    this.freeBlocks ??= new Int32Array(MAX_LEVEL + 1);
    this.i32[n + PREV] = this.freeBlocks[level];
    this.freeBlocks[level] = n;
  }

  /** The number of ids ever handed out (free ones included): the bound of ZSCAN's slot table. */
  get idCount(): number {
    return this.members.length;
  }

  private block(level: number): number {
    const free = this.freeBlocks === null ? NIL : this.freeBlocks[level];
    if (free !== NIL) {
      this.freeBlocks![level] = this.i32[free + PREV];
      return free;
    }
    const n = this.top;
    const size = LINKS + 2 * level;
    if (n + size > this.i32.length) this.grow(n + size);
    this.top = n + size;
    return n;
  }

  /** Doubles the buffer until `words` fit; offsets stay valid because the old words are copied in place. */
  private grow(words: number): void {
    let size = this.i32.length * 2;
    while (size < words) size *= 2;
    const buf = new ArrayBuffer(size * 4);
    const a = new Int32Array(buf);
    a.set(this.i32);
    this.i32 = a;
    this.f64 = new Float64Array(buf);
  }
}
