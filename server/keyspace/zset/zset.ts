// The DRAM sorted-set object: a member→id map beside the ordered tree, the encoding Redis would report
// (listpack until a threshold is crossed on an add, then skiplist for good); ZSCAN cursors walk the member ids.
// Changes the object only; logging, notifications and replies belong to the callers.
import { ByteKeyIndex, hashBytes, hashString } from '../byte-key-index.js';
import { ENCODING_LIMITS } from '../encoding-limits.js';
import { lexAboveMin, lexBelowMax, lexRangeEmpty, type LexBound, type ScoreRange } from './ranges.js';
import { NIL, ScoreTree, type ZPos } from './score-tree.js';

/** Redis's zsetAdd input flags. */
export interface AddFlags {
  incr: boolean;
  nx: boolean;
  xx: boolean;
  gt: boolean;
  lt: boolean;
}

/** What zsetAdd did: 'nan' (the increment made a NaN: nothing changed), or added/updated/same/nop. */
export interface AddResult {
  outcome: 'added' | 'updated' | 'same' | 'nop' | 'nan';
  /** The score the command answers with (ZINCRBY's reply). */
  score: number;
  /** For added and updated: the score as stored, which the log records (a listpack keeps -0 as 0). */
  stored: number;
}

export class ZSet {
  /**
   * Member bytes → the member's id in the tree (keyspace/byte-key-index.ts). Why not a Map of strings: the Map
   * took 15.5% of ZADD -P 16 over 100k members, three cache misses a hit (figures in docs/performance.md).
   */
  private readonly dict = new ByteKeyIndex();
  readonly list = new ScoreTree();
  /** OBJECT ENCODING: true while Redis would still hold this set as a listpack. */
  listpack: boolean;

  constructor(listpack = true) {
    this.listpack = listpack;
  }

  /** The encoding a new set gets from the first member ZADD stores in it (zaddGenericCommand). */
  static forFirstMember(member: string | Buffer): ZSet {
    const { zsetMaxListpackEntries: entries, zsetMaxListpackValue: value } = ENCODING_LIMITS;
    return new ZSet(!(entries === 0 || value < member.length));
  }

  get size(): number {
    return this.dict.size;
  }

  /** The id of `member`, or undefined. */
  private idOf(member: string): number | undefined {
    const j = this.dict.findString(member, hashString(member));
    return j < 0 ? undefined : this.dict.position(j);
  }

  /** idOf() for a member given as its bytes. */
  private idOfBytes(member: Buffer): number | undefined {
    const j = this.dict.find(member, 0, member.length, hashBytes(member, 0, member.length));
    return j < 0 ? undefined : this.dict.position(j);
  }

  private forget(member: string): void {
    const j = this.dict.findString(member, hashString(member));
    if (j >= 0) this.dict.removeAt(j);
  }

  score(member: string): number | undefined {
    const id = this.idOf(member);
    return id === undefined ? undefined : this.list.scoreOf(id);
  }

  /** 0-based rank, counted from the lowest score (or the highest with `reverse`); -1 when absent. */
  rank(member: string, reverse: boolean): number {
    const id = this.idOf(member);
    if (id === undefined) return -1;
    const r = this.list.rankOfId(id);
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
    const id = this.idOf(member);
    if (id === undefined) this.appendSorted(member, score);
    else if (!Object.is(this.list.scoreOf(id), score)) this.list.rescore(id, score);
  }

  /** After a whole set was built as a skiplist: becomes a listpack when Redis would convert it (results of *STORE). */
  listpackIfSmall(): void {
    const { zsetMaxListpackEntries: entries, zsetMaxListpackValue: value } = ENCODING_LIMITS;
    if (this.size > entries) return;
    for (const n of this.ascending()) if (this.list.member(n).length > value) return;
    this.listpack = true;
    const ids = Array.from(this.ascending(), (n) => this.list.idAt(n));
    for (const id of ids) this.list.rescore(id, this.stored(this.list.scoreOf(id)));
  }

  /**
   * Redis's zsetAdd: NX/XX/GT/LT/INCR semantics for one member, given as its bytes (an argument view: a member
   * already present costs no string), the result written to `out` (no allocation).
   */
  add(member: Buffer, score: number, f: AddFlags, out: AddResult): void {
    out.score = score;
    const id = this.idOfBytes(member);
    if (id === undefined) {
      if (f.xx) {
        out.outcome = 'nop';
        return;
      }
      this.insert(member.toString('latin1'), score);
      out.outcome = 'added';
      out.stored = this.stored(score);
      return;
    }
    if (f.nx) {
      out.outcome = 'nop';
      return;
    }
    const cur = this.list.scoreOf(id);
    let next = score;
    if (f.incr) {
      next += cur;
      out.score = next;
      if (Number.isNaN(next)) {
        out.outcome = 'nan';
        return;
      }
    }
    if ((f.lt && next >= cur) || (f.gt && next <= cur)) out.outcome = 'nop';
    else if (next === cur) out.outcome = 'same';
    else {
      out.stored = this.stored(next);
      this.list.rescore(id, out.stored);
      out.outcome = 'updated';
    }
  }

  remove(member: string): boolean {
    const id = this.idOf(member);
    if (id === undefined) return false;
    this.list.remove(id);
    this.forget(member);
    return true;
  }

  /** Removes the lowest (or with `max` the highest) member of a non-empty set and returns it with its score. */
  popEnd(max: boolean): [string, number] {
    const l = this.list;
    const n = max ? l.last() : l.first();
    const out: [string, number] = [l.member(n), l.score(n)];
    l.remove(l.idAt(n));
    this.forget(out[0]);
    return out;
  }

  /** Removes the nodes of 0-based ranks start..end (inclusive, already clamped) and returns their members. */
  removeRanks(start: number, end: number): string[] {
    const gone = this.list.removeRankRange(start + 1, end + 1);
    for (const m of gone) this.forget(m);
    return gone;
  }

  removeScores(r: ScoreRange): string[] {
    const first = this.list.firstInScore(r);
    const last = first === NIL ? NIL : this.list.lastInScore(r);
    return first === NIL || last === NIL ? [] : this.removeBetween(first, last);
  }

  removeLex(min: LexBound, max: LexBound): string[] {
    const first = this.firstInLex(min, max);
    const last = first === NIL ? NIL : this.lastInLex(min, max);
    return first === NIL || last === NIL ? [] : this.removeBetween(first, last);
  }

  private removeBetween(first: ZPos, last: ZPos): string[] {
    return this.removeRanks(this.list.rankOf(first) - 1, this.list.rankOf(last) - 1);
  }

  /**
   * The first member in a lex range. Lex ranges are only meaningful when all scores are equal; otherwise the
   * answer depends on how Redis searches: a listpack is walked from its head (zzlFirstInLexRange), which is
   * reproduced here, while a skiplist search depends on random levels in Redis as in faha.
   */
  firstInLex(min: LexBound, max: LexBound): ZPos {
    if (!this.listpack) return this.list.firstInLex(min, max);
    if (!this.anyInLexWalk(min, max)) return NIL;
    const l = this.list;
    for (let n = l.first(); n !== NIL; n = l.next(n)) {
      if (lexAboveMin(l.member(n), min)) return lexBelowMax(l.member(n), max) ? n : NIL;
    }
    return NIL;
  }

  /** The last member in a lex range; a listpack is walked from its tail (zzlLastInLexRange). */
  lastInLex(min: LexBound, max: LexBound): ZPos {
    if (!this.listpack) return this.list.lastInLex(min, max);
    if (!this.anyInLexWalk(min, max)) return NIL;
    const l = this.list;
    for (let n = l.last(); n !== NIL; n = l.prev(n)) {
      if (lexBelowMax(l.member(n), max)) return lexAboveMin(l.member(n), min) ? n : NIL;
    }
    return NIL;
  }

  private anyInLexWalk(min: LexBound, max: LexBound): boolean {
    const l = this.list;
    if (lexRangeEmpty(min, max) || l.length === 0) return false;
    return lexAboveMin(l.member(l.last()), min) && lexBelowMax(l.member(l.first()), max);
  }

  /** 1-based rank of the entry at a position. */
  rankOfNode(n: ZPos): number {
    return this.list.rankOf(n);
  }

  /** Positions in ascending order (the set must not change while they are walked). */
  *ascending(): Generator<ZPos> {
    const l = this.list;
    for (let n = l.first(); n !== NIL; n = l.next(n)) yield n;
  }

  /** One ZSCAN step over the member ids: up to `count` members with scores, visiting at most ten times that many ids. */
  scanIds(cursor: number, count: number): { cursor: number; items: [string, number][] } {
    const items: [string, number][] = [];
    const l = this.list;
    const end = l.idCount;
    if (cursor >= end) return { cursor: 0, items };
    let budget = count * 10;
    let at = cursor;
    do {
      if (l.holds(at)) items.push([l.memberOf(at), l.scoreOf(at)]);
      at++;
    } while (at < end && budget-- > 0 && items.length < count);
    return { cursor: at >= end ? 0 : at, items };
  }

  /** A member chosen uniformly at random (the set must not be empty): a random rank, O(log n). */
  randomNode(random: () => number = Math.random): ZPos {
    return this.list.byRank(1 + Math.floor(random() * this.size));
  }

  /** A deep copy with the same encoding (COPY). */
  clone(): ZSet {
    const out = new ZSet(this.listpack);
    for (const n of this.ascending()) out.appendSorted(this.list.member(n), this.list.score(n));
    return out;
  }

  /** Adds an absent member with this exact score, keeping the encoding as it is (images, copies, replay). */
  appendSorted(member: string, score: number): void {
    this.dict.addString(member, hashString(member), this.list.add(member, score));
  }
}
