// The ordered half of a sorted set: an order-statistic B+ tree over (score, member bytes), so that search, insert,
// delete, rank, rank lookup and the start of a score or lex range are O(log n). Knows nothing of the member map,
// encodings or the log.
//
// Why a B+ tree and not Redis's skip list (issue 3, redis-benchmark -t zadd over 100k members): a skip-list search
// visits ~33 nodes, ~20 of them cache misses, and a rescore makes two searches; the typed-array skip list this
// replaces ran a rescore in 2.1 µs against 1.9 µs for a C zskiplist on the same machine, so the cost was the misses,
// not the language. Here a search reads a few inner nodes (hot in cache) and one leaf of contiguous scores.
// Figures: server/docs/performance.md.
//
// Members are held by id (a dense number, reused last-freed first, which ZSCAN's cursor walks). A position names
// an entry by its place, leaf * LEAF + index: valid for reading until the tree next changes.
import type { LexBound, ScoreRange } from './ranges.js';
import { lexAboveMin, lexBelowMax, lexRangeEmpty, scoreAboveMin, scoreBelowMax, scoreRangeEmpty } from './ranges.js';

/** No position. */
export const NIL = -1;

/** An entry's place in the tree: valid until the tree next changes. */
export type ZPos = number;

const LEAF_BITS = 6;
/** Entries per leaf: 64 scores are 512 contiguous bytes, searched by halving. */
const LEAF = 1 << LEAF_BITS;
const LEAF_MASK = LEAF - 1;
/** Children per inner node. */
const FAN = 64;
/** Leaf metadata words: entry count, next leaf, previous leaf. */
const META = 3;
const COUNT = 0;
const NEXT = 1;
const PREV = 2;
/** A tree of fan-out 32 or more this deep would hold far more than 2^31 entries. */
const MAX_DEPTH = 12;

/** Empty stores shared by every tree without inner nodes (most sets are small and never split a leaf). */
const NO_I32 = new Int32Array(0);
const NO_F64 = new Float64Array(0);
const NO_STRINGS: readonly string[] = [];
/** Entries a new tree has room for; its first leaf's stores grow to LEAF as it fills. */
const FIRST_ROOM = 4;

/** The inner node and child index taken at each depth by the last descent (shared: descents never nest). */
const PATH_NODE = new Int32Array(MAX_DEPTH);
const PATH_CHILD = new Int32Array(MAX_DEPTH);

export class ScoreTree {
  /** Member and score of each id; null marks a free id. */
  private readonly members: (string | null)[] = [];
  private scores: Float64Array = new Float64Array(FIRST_ROOM);
  private readonly freeIds: number[] = [];

  // Leaves: entry scores and ids at leaf * LEAF + index, metadata at leaf * META.
  private lScore: Float64Array = new Float64Array(FIRST_ROOM);
  private lId: Int32Array = new Int32Array(FIRST_ROOM);
  private lMeta: Int32Array = new Int32Array(META);
  private leafTop = 1;
  private readonly freeLeaves: number[] = [];

  // Inner nodes (made when the first leaf splits): child, subtree size and separator at node * FAN + index.
  // Separator i (i >= 1) is <= every entry of child i and > every entry of child i - 1; slot 0's is unused.
  private iChild: Int32Array = NO_I32;
  private iCount: Int32Array = NO_I32;
  private iSep: Float64Array = NO_F64;
  private iSepMember = NO_STRINGS as string[];
  private iN: Int32Array = NO_I32;
  private innerTop = 0;
  private readonly freeInners: number[] = [];

  /** A leaf when height is 0, else an inner node. */
  private root = 0;
  /** Inner levels above the leaves. */
  private height = 0;
  private headLeaf = 0;
  private tailLeaf = 0;
  length = 0;

  constructor() {
    this.lMeta[NEXT] = NIL;
    this.lMeta[PREV] = NIL;
  }

  // ---- ids -------------------------------------------------------------------------------------------------

  /** Adds a member not yet in the tree (the caller keeps members unique); returns its id. */
  add(member: string, score: number): number {
    let id: number;
    if (this.freeIds.length > 0) {
      id = this.freeIds.pop()!;
      this.members[id] = member;
    } else {
      id = this.members.length;
      this.members.push(member);
      if (id >= this.scores.length) {
        const grown = new Float64Array(this.scores.length * 2);
        grown.set(this.scores);
        this.scores = grown;
      }
    }
    this.scores[id] = score;
    this.insert(id, score, member);
    return id;
  }

  /** Removes a live id's entry and frees the id. */
  remove(id: number): void {
    const member = this.members[id]!;
    const leaf = this.locate(this.scores[id], member);
    this.dropAt(leaf, this.indexIn(leaf, this.scores[id], member));
    this.members[id] = null;
    this.freeIds.push(id);
  }

  /** Gives a live id a new score, moving its entry only when its neighbours in the leaf would not bracket it. */
  rescore(id: number, score: number): void {
    const member = this.members[id]!;
    const old = this.scores[id];
    const leaf = this.locate(old, member);
    const i = this.indexIn(leaf, old, member);
    const base = leaf << LEAF_BITS;
    const n = this.lMeta[leaf * META + COUNT];
    // In place, as zslUpdateScore does, when the entry stays strictly between its neighbours; only inside the
    // leaf (or at the tree's ends), so no separator above can be crossed.
    const lowOk = i > 0 ? this.lScore[base + i - 1] < score : leaf === this.headLeaf;
    const highOk = i < n - 1 ? this.lScore[base + i + 1] > score : leaf === this.tailLeaf;
    this.scores[id] = score;
    if (lowOk && highOk) {
      this.lScore[base + i] = score;
      return;
    }
    this.dropAt(leaf, i);
    this.insert(id, score, member);
  }

  scoreOf(id: number): number {
    return this.scores[id];
  }

  memberOf(id: number): string {
    return this.members[id]!;
  }

  /** Whether an id is in use; ids run from 0 below idCount. */
  holds(id: number): boolean {
    return id < this.members.length && this.members[id] !== null;
  }

  /** The number of ids ever handed out (free ones included): the bound of ZSCAN's cursor. */
  get idCount(): number {
    return this.members.length;
  }

  /** 1-based rank of a live id. */
  rankOfId(id: number): number {
    const member = this.members[id]!;
    const score = this.scores[id];
    let rank = 0;
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const c = this.childFor(node, score, member);
      const base = node * FAN;
      for (let k = 0; k < c; k++) rank += this.iCount[base + k];
      node = this.iChild[base + c];
    }
    return rank + this.indexIn(node, score, member) + 1;
  }

  // ---- positions -------------------------------------------------------------------------------------------

  score(p: ZPos): number {
    return this.lScore[p];
  }

  member(p: ZPos): string {
    return this.members[this.lId[p]]!;
  }

  idAt(p: ZPos): number {
    return this.lId[p];
  }

  first(): ZPos {
    return this.length === 0 ? NIL : this.headLeaf << LEAF_BITS;
  }

  last(): ZPos {
    return this.length === 0 ? NIL : (this.tailLeaf << LEAF_BITS) + this.lMeta[this.tailLeaf * META + COUNT] - 1;
  }

  next(p: ZPos): ZPos {
    const leaf = p >> LEAF_BITS;
    if ((p & LEAF_MASK) + 1 < this.lMeta[leaf * META + COUNT]) return p + 1;
    const nx = this.lMeta[leaf * META + NEXT];
    return nx === NIL ? NIL : nx << LEAF_BITS;
  }

  prev(p: ZPos): ZPos {
    if ((p & LEAF_MASK) > 0) return p - 1;
    const pv = this.lMeta[(p >> LEAF_BITS) * META + PREV];
    return pv === NIL ? NIL : (pv << LEAF_BITS) + this.lMeta[pv * META + COUNT] - 1;
  }

  /** 1-based rank of the entry at a position. */
  rankOf(p: ZPos): number {
    return this.rankOfId(this.lId[p]);
  }

  /** The position of 1-based rank `rank`, or NIL when out of range. */
  byRank(rank: number): ZPos {
    if (rank < 1 || rank > this.length) return NIL;
    let left = rank;
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const base = node * FAN;
      let c = 0;
      while (left > this.iCount[base + c]) left -= this.iCount[base + c++];
      node = this.iChild[base + c];
    }
    return (node << LEAF_BITS) + left - 1;
  }

  /** First position whose score is within `r`, or NIL. */
  firstInScore(r: ScoreRange): ZPos {
    if (!this.anyInScore(r)) return NIL;
    const x = this.afterLast((s) => !scoreAboveMin(s, r));
    return x !== NIL && scoreBelowMax(this.lScore[x], r) ? x : NIL;
  }

  /** Last position whose score is within `r`, or NIL. */
  lastInScore(r: ScoreRange): ZPos {
    if (!this.anyInScore(r)) return NIL;
    const p = this.lastWhere((s) => scoreBelowMax(s, r));
    return p !== NIL && scoreAboveMin(this.lScore[p], r) ? p : NIL;
  }

  private anyInScore(r: ScoreRange): boolean {
    if (scoreRangeEmpty(r) || this.length === 0) return false;
    return scoreAboveMin(this.lScore[this.last()], r) && scoreBelowMax(this.lScore[this.first()], r);
  }

  /** First position whose member is within the lex range (meaningful when all scores are equal), or NIL. */
  firstInLex(min: LexBound, max: LexBound): ZPos {
    if (!this.anyInLex(min, max)) return NIL;
    const x = this.afterLast((_, m) => !lexAboveMin(m, min));
    return x !== NIL && lexBelowMax(this.member(x), max) ? x : NIL;
  }

  lastInLex(min: LexBound, max: LexBound): ZPos {
    if (!this.anyInLex(min, max)) return NIL;
    const p = this.lastWhere((_, m) => lexBelowMax(m, max));
    return p !== NIL && lexAboveMin(this.member(p), min) ? p : NIL;
  }

  private anyInLex(min: LexBound, max: LexBound): boolean {
    if (lexRangeEmpty(min, max) || this.length === 0) return false;
    return lexAboveMin(this.member(this.last()), min) && lexBelowMax(this.member(this.first()), max);
  }

  /** Deletes the entries of 1-based ranks start..end (inclusive, within the tree) and returns their members in order. */
  removeRankRange(start: number, end: number): string[] {
    const ids: number[] = [];
    for (let p = this.byRank(start), k = start; p !== NIL && k <= end; p = this.next(p), k++) ids.push(this.lId[p]);
    const out: string[] = [];
    for (const id of ids) {
      out.push(this.members[id]!);
      this.remove(id);
    }
    return out;
  }

  // ---- search ----------------------------------------------------------------------------------------------

  /** The child of an inner node whose subtree holds (or would hold) the key: the last whose separator is <= it. */
  private childFor(node: number, score: number, member: string): number {
    const base = node * FAN;
    const sep = this.iSep;
    const sepMember = this.iSepMember;
    let lo = 1;
    let hi = this.iN[node];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = sep[base + mid];
      if (s > score || (s === score && sepMember[base + mid] > member)) hi = mid;
      else lo = mid + 1;
    }
    return lo - 1;
  }

  /** The first index of a leaf whose entry is not before the key (its count when there is none). */
  private lowerIn(leaf: number, score: number, member: string): number {
    const base = leaf << LEAF_BITS;
    const sc = this.lScore;
    let lo = 0;
    let hi = this.lMeta[leaf * META + COUNT];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = sc[base + mid];
      if (s < score || (s === score && this.members[this.lId[base + mid]]! < member)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The index of a key known to be in the leaf. */
  private indexIn(leaf: number, score: number, member: string): number {
    const i = this.lowerIn(leaf, score, member);
    if (i >= this.lMeta[leaf * META + COUNT] || this.members[this.lId[(leaf << LEAF_BITS) + i]] !== member) {
      throw new Error('zset tree: member not at its place');
    }
    return i;
  }

  /** Descends to the leaf for a key, recording the path in PATH_NODE / PATH_CHILD. */
  private locate(score: number, member: string): number {
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const c = this.childFor(node, score, member);
      PATH_NODE[d] = node;
      PATH_CHILD[d] = c;
      node = this.iChild[node * FAN + c];
    }
    return node;
  }

  /**
   * The last position for which `go` holds, or NIL when none does; `go` must hold for a prefix of the order (it
   * is also asked of separators, which need not be entries). Descends by separators, then halves the leaf; when
   * no entry of that leaf qualifies, the entry before it does (it lies below a separator that qualified).
   */
  private lastWhere(go: (score: number, member: string) => boolean): ZPos {
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const base = node * FAN;
      let lo = 1;
      let hi = this.iN[node];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (go(this.iSep[base + mid], this.iSepMember[base + mid])) lo = mid + 1;
        else hi = mid;
      }
      node = this.iChild[base + lo - 1];
    }
    const base = node << LEAF_BITS;
    let lo = 0;
    let hi = this.lMeta[node * META + COUNT];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (go(this.lScore[base + mid], this.members[this.lId[base + mid]]!)) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) return base + lo - 1;
    const pv = this.lMeta[node * META + PREV];
    return pv === NIL ? NIL : (pv << LEAF_BITS) + this.lMeta[pv * META + COUNT] - 1;
  }

  /** The position after lastWhere(go): the first for which `go` fails, or NIL. */
  private afterLast(go: (score: number, member: string) => boolean): ZPos {
    const p = this.lastWhere(go);
    return p === NIL ? this.first() : this.next(p);
  }

  // ---- changes ---------------------------------------------------------------------------------------------

  /** Links an entry at its place. A full leaf splits in half, except the last leaf taking a new last entry, which
   * starts a new leaf instead (so members loaded in order fill their leaves). */
  private insert(id: number, score: number, member: string): void {
    let node = this.root;
    for (let d = 0; d < this.height; d++) {
      const c = this.childFor(node, score, member);
      PATH_NODE[d] = node;
      PATH_CHILD[d] = c;
      this.iCount[node * FAN + c]++;
      node = this.iChild[node * FAN + c];
    }
    this.length++;
    const leaf = node;
    const n = this.lMeta[leaf * META + COUNT];
    const i = this.lowerIn(leaf, score, member);
    if (n < LEAF) {
      this.placeInLeaf(leaf, i, n, id, score);
      return;
    }
    const right = this.allocLeaf();
    const keep = i === n && leaf === this.tailLeaf ? n : LEAF >> 1;
    const from = leaf << LEAF_BITS;
    const to = right << LEAF_BITS;
    this.lScore.copyWithin(to, from + keep, from + n);
    this.lId.copyWithin(to, from + keep, from + n);
    this.lMeta[leaf * META + COUNT] = keep;
    this.lMeta[right * META + COUNT] = n - keep;
    const nx = this.lMeta[leaf * META + NEXT];
    this.lMeta[right * META + NEXT] = nx;
    this.lMeta[right * META + PREV] = leaf;
    this.lMeta[leaf * META + NEXT] = right;
    if (nx === NIL) this.tailLeaf = right;
    else this.lMeta[nx * META + PREV] = right;
    if (i < keep) this.placeInLeaf(leaf, i, keep, id, score);
    else this.placeInLeaf(right, i - keep, n - keep, id, score);
    this.addChild(
      this.height - 1,
      right,
      this.lScore[to],
      this.members[this.lId[to]]!,
      this.lMeta[leaf * META + COUNT],
      this.lMeta[right * META + COUNT],
    );
  }

  private placeInLeaf(leaf: number, i: number, n: number, id: number, score: number): void {
    const base = leaf << LEAF_BITS;
    if (base + n >= this.lScore.length) this.growEntries(base + n + 1);
    if (i < n) {
      this.lScore.copyWithin(base + i + 1, base + i, base + n);
      this.lId.copyWithin(base + i + 1, base + i, base + n);
    }
    this.lScore[base + i] = score;
    this.lId[base + i] = id;
    this.lMeta[leaf * META + COUNT] = n + 1;
  }

  /**
   * Puts `child` (split off the right of the child the path took at depth d) after it in PATH_NODE[d], with the
   * two halves' sizes; splits that node in turn when full, up to a new root.
   */
  private addChild(d: number, child: number, sepScore: number, sepMember: string, leftCount: number, rightCount: number): void {
    if (d < 0) {
      const r = this.allocInner();
      const base = r * FAN;
      this.iChild[base] = this.root;
      this.iCount[base] = leftCount;
      this.iChild[base + 1] = child;
      this.iCount[base + 1] = rightCount;
      this.iSep[base + 1] = sepScore;
      this.iSepMember[base + 1] = sepMember;
      this.iN[r] = 2;
      this.root = r;
      this.height++;
      return;
    }
    const node = PATH_NODE[d];
    const c = PATH_CHILD[d];
    const n = this.iN[node];
    const base = node * FAN;
    this.iCount[base + c] = leftCount;
    if (n < FAN) {
      this.placeChild(node, c + 1, n, child, sepScore, sepMember, rightCount);
      return;
    }
    const right = this.allocInner();
    const keep = FAN >> 1;
    const rb = right * FAN;
    this.iChild.copyWithin(rb, base + keep, base + n);
    this.iCount.copyWithin(rb, base + keep, base + n);
    this.iSep.copyWithin(rb, base + keep, base + n);
    for (let k = keep; k < n; k++) this.iSepMember[rb + k - keep] = this.iSepMember[base + k];
    this.iN[node] = keep;
    this.iN[right] = n - keep;
    const upScore = this.iSep[rb];
    const upMember = this.iSepMember[rb];
    if (c + 1 <= keep) this.placeChild(node, c + 1, keep, child, sepScore, sepMember, rightCount);
    else this.placeChild(right, c + 1 - keep, n - keep, child, sepScore, sepMember, rightCount);
    this.addChild(d - 1, right, upScore, upMember, this.subtreeSize(node), this.subtreeSize(right));
  }

  private placeChild(node: number, i: number, n: number, child: number, sepScore: number, sepMember: string, count: number): void {
    const base = node * FAN;
    if (i < n) {
      this.iChild.copyWithin(base + i + 1, base + i, base + n);
      this.iCount.copyWithin(base + i + 1, base + i, base + n);
      this.iSep.copyWithin(base + i + 1, base + i, base + n);
      for (let k = n; k > i; k--) this.iSepMember[base + k] = this.iSepMember[base + k - 1];
    }
    this.iChild[base + i] = child;
    this.iCount[base + i] = count;
    this.iSep[base + i] = sepScore;
    this.iSepMember[base + i] = sepMember;
    this.iN[node] = n + 1;
  }

  private subtreeSize(node: number): number {
    let total = 0;
    for (let k = node * FAN, end = k + this.iN[node]; k < end; k++) total += this.iCount[k];
    return total;
  }

  /** Unlinks the entry at index i of the leaf the last locate() reached, along the path it recorded. */
  private dropAt(leaf: number, i: number): void {
    for (let d = 0; d < this.height; d++) this.iCount[PATH_NODE[d] * FAN + PATH_CHILD[d]]--;
    this.length--;
    const base = leaf << LEAF_BITS;
    const n = this.lMeta[leaf * META + COUNT];
    this.lScore.copyWithin(base + i, base + i + 1, base + n);
    this.lId.copyWithin(base + i, base + i + 1, base + n);
    this.lMeta[leaf * META + COUNT] = n - 1;
    if (n > 1 || this.height === 0) return;
    if (this.length === 0) return this.reset();
    // An emptied leaf goes (leaves are not merged: a leaf stays until its last entry leaves).
    const pv = this.lMeta[leaf * META + PREV];
    const nx = this.lMeta[leaf * META + NEXT];
    if (pv === NIL) this.headLeaf = nx;
    else this.lMeta[pv * META + NEXT] = nx;
    if (nx === NIL) this.tailLeaf = pv;
    else this.lMeta[nx * META + PREV] = pv;
    this.freeLeaves.push(leaf);
    this.dropChild(this.height - 1);
  }

  /** Removes the child the path took at depth d; an emptied node goes too, and a root left with one child steps down. */
  private dropChild(d: number): void {
    const node = PATH_NODE[d];
    const c = PATH_CHILD[d];
    const base = node * FAN;
    const n = this.iN[node] - 1;
    this.iChild.copyWithin(base + c, base + c + 1, base + n + 1);
    this.iCount.copyWithin(base + c, base + c + 1, base + n + 1);
    this.iSep.copyWithin(base + c, base + c + 1, base + n + 1);
    for (let k = c; k < n; k++) this.iSepMember[base + k] = this.iSepMember[base + k + 1];
    this.iSepMember[base + n] = '';
    this.iN[node] = n;
    if (n === 0 && d > 0) {
      this.freeInners.push(node);
      this.dropChild(d - 1);
      return;
    }
    while (this.height > 0 && this.iN[this.root] === 1) {
      this.freeInners.push(this.root);
      this.root = this.iChild[this.root * FAN];
      this.height--;
    }
  }

  /** Back to one empty leaf (the arrays are kept: a set emptied is usually deleted, a queue refilled). */
  private reset(): void {
    this.root = this.headLeaf = this.tailLeaf = 0;
    this.height = 0;
    this.leafTop = 1;
    this.innerTop = 0;
    this.freeLeaves.length = 0;
    this.freeInners.length = 0;
    this.lMeta[COUNT] = 0;
    this.lMeta[NEXT] = NIL;
    this.lMeta[PREV] = NIL;
  }

  private allocLeaf(): number {
    const free = this.freeLeaves.pop();
    const leaf = free ?? this.leafTop++;
    if (free === undefined && (leaf + 1) * META > this.lMeta.length) this.lMeta = grownI32(this.lMeta, (leaf + 1) * 2 * META);
    this.growEntries((leaf + 1) << LEAF_BITS);
    this.lMeta[leaf * META + COUNT] = 0;
    return leaf;
  }

  /** Room for entries below `size` (whole leaves, doubling). */
  private growEntries(size: number): void {
    if (size <= this.lScore.length) return;
    const doubled = this.lScore.length * 2;
    const room = size <= LEAF ? Math.min(LEAF, Math.max(size, doubled)) : Math.max(Math.ceil(size / LEAF) * LEAF, doubled);
    this.lScore = grownF64(this.lScore, room);
    this.lId = grownI32(this.lId, room);
  }

  private allocInner(): number {
    const free = this.freeInners.pop();
    const node = free ?? this.innerTop++;
    if (free === undefined && node + 1 > this.iN.length) {
      const nodes = Math.max(2, this.iN.length * 2);
      this.iChild = grownI32(this.iChild, nodes * FAN);
      this.iCount = grownI32(this.iCount, nodes * FAN);
      this.iSep = grownF64(this.iSep, nodes * FAN);
      this.iN = grownI32(this.iN, nodes);
      const sepMember = this.iSepMember.slice();
      for (let k = sepMember.length; k < nodes * FAN; k++) sepMember.push('');
      this.iSepMember = sepMember;
    }
    this.iN[node] = 0;
    return node;
  }
}

function grownF64(a: Float64Array, size: number): Float64Array {
  const out = new Float64Array(size);
  out.set(a);
  return out;
}

function grownI32(a: Int32Array, size: number): Int32Array {
  const out = new Int32Array(size);
  out.set(a);
  return out;
}
