// The DRAM sorted-set object: a member→node map beside the skip list, the encoding Redis would report
// (listpack until a threshold is crossed on an add, then skiplist for good), and a slot table for ZSCAN cursors.
// Changes the object only; logging, notifications and replies belong to the callers.
import { ENCODING_LIMITS } from '../encoding-limits.js';
import { lexAboveMin, lexBelowMax, lexRangeEmpty, type LexBound, type ScoreRange } from './ranges.js';
import { SkipList, type ZNode } from './skiplist.js';

/** Redis's zsetAdd input flags. */
export interface AddFlags {
  incr: boolean;
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
}

/** What zsetAdd did: 'nan' (the increment made a NaN: nothing changed), or added/updated/nop with the score. */
export interface AddResult {
  outcome: 'added' | 'updated' | 'same' | 'nop' | 'nan';
  score: number;
}

export class ZSet {
  readonly dict = new Map<string, ZNode>();
  readonly list = new SkipList();
  /** OBJECT ENCODING: true while Redis would still hold this set as a listpack. */
  listpack: boolean;
  /** ZSCAN's table: a member keeps its slot while it lives; freed slots are reused. */
  private readonly slots: (ZNode | undefined)[] = [];
  private readonly freeSlots: number[] = [];

  constructor(listpack = true) {
    this.listpack = listpack;
  }

  /** The encoding a new set gets from the first member ZADD stores in it (zaddGenericCommand). */
  static forFirstMember(member: string): ZSet {
    const { zsetMaxListpackEntries: entries, zsetMaxListpackValue: value } = ENCODING_LIMITS;
    return new ZSet(!(entries === 0 || value < member.length));
  }

  get size(): number {
    return this.dict.size;
  }

  score(member: string): number | undefined {
    return this.dict.get(member)?.score;
  }

  /** 0-based rank, counted from the lowest score (or the highest with `reverse`); -1 when absent. */
  rank(member: string, reverse: boolean): number {
    const n = this.dict.get(member);
    if (n === undefined) return -1;
    const r = this.list.rankOf(n.score, member);
    return reverse ? this.size - r : r - 1;
  }

  /** Inserts a member known to be absent, converting to skiplist first when Redis would (zsetAdd). */
  insert(member: string, score: number): void {
    if (this.listpack) {
      const { zsetMaxListpackEntries: entries, zsetMaxListpackValue: value } = ENCODING_LIMITS;
      if (this.size + 1 > entries || member.length > value) this.listpack = false;
    }
    this.appendSorted(member, this.stored(score));
  }

  /**
   * The score as this encoding keeps it: a listpack stores integral scores as integers, so -0 comes back as 0
   * (zzlInsertAt's double2ll); the skiplist keeps the double as it is.
   */
  stored(score: number): number {
    return this.listpack && score === 0 ? 0 : score;
  }

  /** Sets a member's score exactly, inserting it when absent, with no encoding rule applied (replaying effects). */
  set(member: string, score: number): void {
    const n = this.dict.get(member);
    if (n === undefined) this.appendSorted(member, score);
    else if (!Object.is(n.score, score)) this.list.rescore(n, score);
  }

  /** After a whole set was built as a skiplist: becomes a listpack when Redis would convert it (results of *STORE). */
  listpackIfSmall(): void {
    const { zsetMaxListpackEntries: entries, zsetMaxListpackValue: value } = ENCODING_LIMITS;
    if (this.size > entries) return;
    for (const n of this.dict.values()) if (n.member.length > value) return;
    this.listpack = true;
    for (const n of this.dict.values()) n.score = this.stored(n.score);
  }

  /** Redis's zsetAdd: NX/XX/GT/LT/INCR semantics for one member. */
  add(member: string, score: number, f: AddFlags): AddResult {
    const n = this.dict.get(member);
    if (n === undefined) {
      if (f.xx) return { outcome: 'nop', score };
      this.insert(member, score);
      return { outcome: 'added', score };
    }
    if (f.nx) return { outcome: 'nop', score };
    const cur = n.score;
    let next = score;
    if (f.incr) {
      next += cur;
      if (Number.isNaN(next)) return { outcome: 'nan', score: next };
    }
    if ((f.lt && next >= cur) || (f.gt && next <= cur)) return { outcome: 'nop', score: next };
    if (next === cur) return { outcome: 'same', score: next };
    this.list.rescore(n, this.stored(next));
    return { outcome: 'updated', score: next };
  }

  remove(member: string): boolean {
    const n = this.dict.get(member);
    if (n === undefined) return false;
    this.list.remove(n);
    this.drop(n);
    return true;
  }

  /** Removes the nodes of 0-based ranks start..end (inclusive, already clamped) and returns their members. */
  removeRanks(start: number, end: number): string[] {
    const gone = this.list.removeRankRange(start + 1, end + 1);
    for (const n of gone) this.drop(n);
    return gone.map((n) => n.member);
  }

  removeScores(r: ScoreRange): string[] {
    const first = this.list.firstInScore(r);
    const last = first === null ? null : this.list.lastInScore(r);
    return first === null || last === null ? [] : this.removeBetween(first, last);
  }

  removeLex(min: LexBound, max: LexBound): string[] {
    const first = this.firstInLex(min, max);
    const last = first === null ? null : this.lastInLex(min, max);
    return first === null || last === null ? [] : this.removeBetween(first, last);
  }

  private removeBetween(first: ZNode, last: ZNode): string[] {
    const a = this.list.rankOf(first.score, first.member);
    const b = this.list.rankOf(last.score, last.member);
    return this.removeRanks(a - 1, b - 1);
  }

  /**
   * The first member in a lex range. Lex ranges are only meaningful when all scores are equal; otherwise the
   * answer depends on how Redis searches: a listpack is walked from its head (zzlFirstInLexRange), which is
   * reproduced here, while a skiplist search depends on random levels in Redis as in faha.
   */
  firstInLex(min: LexBound, max: LexBound): ZNode | null {
    if (!this.listpack) return this.list.firstInLex(min, max);
    if (lexRangeEmpty(min, max)) return null;
    const head = this.list.first();
    const tail = this.list.tail;
    if (head === null || tail === null || !lexAboveMin(tail.member, min) || !lexBelowMax(head.member, max)) return null;
    for (let n: ZNode | null = head; n !== null; n = n.next[0]) {
      if (lexAboveMin(n.member, min)) return lexBelowMax(n.member, max) ? n : null;
    }
    return null;
  }

  /** The last member in a lex range; a listpack is walked from its tail (zzlLastInLexRange). */
  lastInLex(min: LexBound, max: LexBound): ZNode | null {
    if (!this.listpack) return this.list.lastInLex(min, max);
    if (lexRangeEmpty(min, max)) return null;
    const head = this.list.first();
    const tail = this.list.tail;
    if (head === null || tail === null || !lexAboveMin(tail.member, min) || !lexBelowMax(head.member, max)) return null;
    for (let n: ZNode | null = tail; n !== null; n = n.back) {
      if (lexBelowMax(n.member, max)) return lexAboveMin(n.member, min) ? n : null;
    }
    return null;
  }

  /** 1-based rank of a node in the list. */
  rankOfNode(n: ZNode): number {
    return this.list.rankOf(n.score, n.member);
  }

  /** Members in ascending order. */
  *ascending(): Generator<ZNode> {
    for (let n = this.list.first(); n !== null; n = n.next[0]) yield n;
  }

  /** One ZSCAN step over the slot table: up to `count` members, visiting at most ten times that many slots. */
  scanSlots(cursor: number, count: number): { cursor: number; nodes: ZNode[] } {
    const nodes: ZNode[] = [];
    if (cursor >= this.slots.length) return { cursor: 0, nodes };
    let budget = count * 10;
    let at = cursor;
    do {
      const n = this.slots[at];
      if (n !== undefined) nodes.push(n);
      at++;
    } while (at < this.slots.length && budget-- > 0 && nodes.length < count);
    return { cursor: at >= this.slots.length ? 0 : at, nodes };
  }

  /** A member chosen uniformly at random (the set must not be empty): a random rank, O(log n). */
  randomNode(random: () => number = Math.random): ZNode {
    return this.list.byRank(1 + Math.floor(random() * this.size))!;
  }

  /** A deep copy with the same encoding (COPY). */
  clone(): ZSet {
    const out = new ZSet(this.listpack);
    for (const n of this.ascending()) out.appendSorted(n.member, n.score);
    return out;
  }

  /** Adds an absent member with this exact score, keeping the encoding as it is (images, copies, replay). */
  appendSorted(member: string, score: number): void {
    const n = SkipList.node(member, score);
    this.list.insert(n);
    this.dict.set(member, n);
    this.place(n);
  }

  private place(n: ZNode): void {
    const free = this.freeSlots.pop();
    n.slot = free ?? this.slots.length;
    this.slots[n.slot] = n;
  }

  private drop(n: ZNode): void {
    this.dict.delete(n.member);
    this.slots[n.slot] = undefined;
    this.freeSlots.push(n.slot);
  }
}
