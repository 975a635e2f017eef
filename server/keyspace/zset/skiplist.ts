// The ordered half of a sorted set: a skip list with span counts (Pugh's list as Redis's zskiplist keeps it), so
// rank lookups, rank ranges and score/lex range starts are O(log n). Orders by (score, member bytes); knows
// nothing of the member→node map, encodings or the log. Nodes are offsets into a NodeArena (arena.ts), NIL none.
import { ID, LEVEL, LINKS, MAX_LEVEL, NIL, NodeArena, PREV } from './arena.js';
import type { LexBound, ScoreRange } from './ranges.js';
import { lexAboveMin, lexBelowMax, lexRangeEmpty, scoreAboveMin, scoreBelowMax, scoreRangeEmpty } from './ranges.js';

export { NIL };

/** A node of one list: valid until it is deleted from that list. */
export type ZNode = number;

/** Scratch for one search: the last node before the target on each level, and its rank. Never held across calls. */
const UPDATE = new Int32Array(MAX_LEVEL);
const RANK = new Float64Array(MAX_LEVEL);

const TWO_32 = 4294967296;

/**
 * The last node on each level and its rank, for the one list that owns them: valid while that list has only grown
 * by append() since they were found, so loading an image (members in order) links each node in O(1) instead of
 * searching. Shared by all lists because images load one at a time, and a set need not carry 384 bytes for it.
 */
const LAST_AT = new Int32Array(MAX_LEVEL);
const LAST_RANK = new Float64Array(MAX_LEVEL);
/** The owning list's serial (a number, so a deleted set is not kept alive by it); 0 for none. */
let lastOwner = 0;
let serials = 0;

/** Redis's zslRandomLevel: each level holds about a quarter of the nodes of the level below (two bits a level). */
function randomLevel(): number {
  let level = 1;
  let bits = (Math.random() * TWO_32) >>> 0;
  let left = 16;
  while (level < MAX_LEVEL && (bits & 3) === 0) {
    level++;
    bits >>>= 2;
    if (--left === 0) {
      bits = (Math.random() * TWO_32) >>> 0;
      left = 16;
    }
  }
  return level;
}

export class SkipList {
  private readonly arena = new NodeArena();
  private readonly serial = ++serials;
  readonly head: ZNode;
  tail: ZNode = NIL;
  level = 1;
  length = 0;

  constructor() {
    this.head = this.arena.allocHead();
  }

  /** A node for a member not yet in the list (the caller keeps members unique); link it with insert(). */
  create(member: string, score: number): ZNode {
    return this.arena.alloc(randomLevel(), member, score);
  }

  score(n: ZNode): number {
    return this.arena.f64[n >> 1];
  }

  member(n: ZNode): string {
    return this.arena.members[this.arena.i32[n + ID]];
  }

  /** The following node (level 0), NIL after the tail. */
  next(n: ZNode): ZNode {
    return this.arena.i32[n + LINKS];
  }

  /** The preceding node, NIL before the first. */
  prev(n: ZNode): ZNode {
    return this.arena.i32[n + PREV];
  }

  first(): ZNode {
    return this.arena.i32[this.head + LINKS];
  }

  /** ZSCAN's slot of a node: its id, kept while it lives, reused after. */
  slot(n: ZNode): number {
    return this.arena.i32[n + ID];
  }

  /** The node in a slot, NIL when free; slots run from 0 below slotCount. */
  atSlot(slot: number): ZNode {
    return this.arena.blocks[slot];
  }

  get slotCount(): number {
    return this.arena.idCount;
  }

  /** Links `x` (created, not in the list) at its place by (score, member). */
  insert(x: ZNode): void {
    if (lastOwner === this.serial) lastOwner = 0;
    const a = this.arena.i32;
    const f = this.arena.f64;
    const members = this.arena.members;
    const score = f[x >> 1];
    const member = members[a[x + ID]];
    let n = this.head;
    let r = 0;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL; nx = a[n + link]) {
        const s = f[nx >> 1];
        if (s > score || (s === score && members[a[nx + ID]] >= member)) break;
        r += a[n + link + 1];
        n = nx;
      }
      RANK[i] = r;
      UPDATE[i] = n;
    }
    const level = a[x + LEVEL];
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        RANK[i] = 0;
        UPDATE[i] = this.head;
        a[this.head + LINKS + 2 * i + 1] = this.length;
      }
      this.level = level;
    }
    this.link(x, level);
  }

  /** As insert(), in O(1) when `x` sorts after every node and the list was built by appends (images, copies). */
  append(x: ZNode): void {
    const a = this.arena.i32;
    const f = this.arena.f64;
    const t = this.tail;
    if (t !== NIL) {
      const s = f[t >> 1];
      const score = f[x >> 1];
      if (s > score || (s === score && this.member(t) >= this.member(x))) return this.insert(x);
    }
    if (lastOwner !== this.serial) this.findLast();
    const level = a[x + LEVEL];
    const top = Math.max(level, this.level);
    for (let i = 0; i < top; i++) {
      UPDATE[i] = LAST_AT[i];
      RANK[i] = LAST_RANK[i];
    }
    for (let i = this.level; i < level; i++) a[this.head + LINKS + 2 * i + 1] = this.length;
    if (level > this.level) this.level = level;
    this.link(x, level);
    for (let i = 0; i < level; i++) {
      LAST_AT[i] = x;
      LAST_RANK[i] = this.length;
    }
    lastOwner = this.serial;
  }

  /** Fills LAST_AT and LAST_RANK for this list by walking the rightmost path (the head on levels above the list's). */
  private findLast(): void {
    const a = this.arena.i32;
    let n = this.head;
    let r = 0;
    for (let i = MAX_LEVEL - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      if (i < this.level) {
        for (let nx = a[n + link]; nx !== NIL; nx = a[n + link]) {
          r += a[n + link + 1];
          n = nx;
        }
      }
      LAST_AT[i] = n;
      LAST_RANK[i] = r;
    }
    lastOwner = this.serial;
  }

  /** Splices `x` in after UPDATE[i] on its levels, with the ranks in RANK. */
  private link(x: ZNode, level: number): void {
    const a = this.arena.i32;
    const r0 = RANK[0];
    for (let i = 0; i < level; i++) {
      const u = UPDATE[i];
      const link = LINKS + 2 * i;
      a[x + link] = a[u + link];
      a[u + link] = x;
      a[x + link + 1] = a[u + link + 1] - (r0 - RANK[i]);
      a[u + link + 1] = r0 - RANK[i] + 1;
    }
    for (let i = level; i < this.level; i++) a[UPDATE[i] + LINKS + 2 * i + 1]++;
    const u0 = UPDATE[0];
    a[x + PREV] = u0 === this.head ? NIL : u0;
    const nx = a[x + LINKS];
    if (nx !== NIL) a[nx + PREV] = x;
    else this.tail = x;
    this.length++;
  }

  /** Unlinks `x` and frees it: `x` is no longer a node afterwards. */
  delete(x: ZNode): void {
    this.findUpdate(x);
    this.unlink(x);
    this.arena.release(x);
  }

  /** Fills UPDATE with the last node before `x` (which must be in the list) on every level. */
  private findUpdate(x: ZNode): void {
    const a = this.arena.i32;
    const f = this.arena.f64;
    const members = this.arena.members;
    const score = f[x >> 1];
    const member = members[a[x + ID]];
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL && nx !== x; nx = a[n + link]) {
        const s = f[nx >> 1];
        if (s > score || (s === score && members[a[nx + ID]] >= member)) break;
        n = nx;
      }
      UPDATE[i] = n;
    }
  }

  private unlink(x: ZNode): void {
    if (lastOwner === this.serial) lastOwner = 0;
    const a = this.arena.i32;
    for (let i = 0; i < this.level; i++) {
      const u = UPDATE[i];
      const link = LINKS + 2 * i;
      if (a[u + link] === x) {
        a[u + link + 1] += a[x + link + 1] - 1;
        a[u + link] = a[x + link];
      } else {
        a[u + link + 1]--;
      }
    }
    const nx = a[x + LINKS];
    if (nx !== NIL) a[nx + PREV] = a[x + PREV];
    else this.tail = a[x + PREV];
    while (this.level > 1 && a[this.head + LINKS + 2 * (this.level - 1)] === NIL) this.level--;
    this.length--;
  }

  /** Gives `x` a new score, moving it only when its neighbours would no longer bracket it (zslUpdateScore). */
  rescore(x: ZNode, score: number): void {
    const a = this.arena.i32;
    const f = this.arena.f64;
    const prev = a[x + PREV];
    const next = a[x + LINKS];
    if ((prev === NIL || f[prev >> 1] < score) && (next === NIL || f[next >> 1] > score)) {
      f[x >> 1] = score;
      return;
    }
    this.findUpdate(x);
    this.unlink(x);
    f[x >> 1] = score;
    this.insert(x);
  }

  /** 1-based rank of `x`, 0 when it is not in the list. */
  rankOf(x: ZNode): number {
    const a = this.arena.i32;
    const f = this.arena.f64;
    const members = this.arena.members;
    const score = f[x >> 1];
    const member = members[a[x + ID]];
    let rank = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL; nx = a[n + link]) {
        if (nx !== x) {
          const s = f[nx >> 1];
          if (s > score || (s === score && members[a[nx + ID]] >= member)) break;
        }
        rank += a[n + link + 1];
        n = nx;
      }
      if (n === x) return rank;
    }
    return 0;
  }

  /** The node of 1-based rank `rank`, or NIL when out of range. */
  byRank(rank: number): ZNode {
    if (rank < 1 || rank > this.length) return NIL;
    const a = this.arena.i32;
    let traversed = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL && traversed + a[n + link + 1] <= rank; nx = a[n + link]) {
        traversed += a[n + link + 1];
        n = nx;
      }
      if (traversed === rank) return n;
    }
    return NIL;
  }

  /** The last node on level 0 for which `go` holds, searching down from the top level; head when none. */
  private lastWhere(go: (n: ZNode) => boolean): ZNode {
    const a = this.arena.i32;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL && go(nx); nx = a[n + link]) n = nx;
    }
    return n;
  }

  /** First node whose score is within `r`, or NIL. */
  firstInScore(r: ScoreRange): ZNode {
    if (!this.anyInScore(r)) return NIL;
    const x = this.next(this.lastWhere((n) => !scoreAboveMin(this.score(n), r)));
    return x !== NIL && scoreBelowMax(this.score(x), r) ? x : NIL;
  }

  /** Last node whose score is within `r`, or NIL. */
  lastInScore(r: ScoreRange): ZNode {
    if (!this.anyInScore(r)) return NIL;
    const n = this.lastWhere((x) => scoreBelowMax(this.score(x), r));
    return n !== this.head && scoreAboveMin(this.score(n), r) ? n : NIL;
  }

  private anyInScore(r: ScoreRange): boolean {
    if (scoreRangeEmpty(r) || this.length === 0) return false;
    return scoreAboveMin(this.score(this.tail), r) && scoreBelowMax(this.score(this.first()), r);
  }

  firstInLex(min: LexBound, max: LexBound): ZNode {
    if (!this.anyInLex(min, max)) return NIL;
    const x = this.next(this.lastWhere((n) => !lexAboveMin(this.member(n), min)));
    return x !== NIL && lexBelowMax(this.member(x), max) ? x : NIL;
  }

  lastInLex(min: LexBound, max: LexBound): ZNode {
    if (!this.anyInLex(min, max)) return NIL;
    const n = this.lastWhere((x) => lexBelowMax(this.member(x), max));
    return n !== this.head && lexAboveMin(this.member(n), min) ? n : NIL;
  }

  private anyInLex(min: LexBound, max: LexBound): boolean {
    if (lexRangeEmpty(min, max) || this.length === 0) return false;
    return lexAboveMin(this.member(this.tail), min) && lexBelowMax(this.member(this.first()), max);
  }

  /** Deletes the nodes of 1-based ranks start..end (inclusive) and returns their members in order. */
  removeRankRange(start: number, end: number): string[] {
    const a = this.arena.i32;
    let traversed = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      const link = LINKS + 2 * i;
      for (let nx = a[n + link]; nx !== NIL && traversed + a[n + link + 1] < start; nx = a[n + link]) {
        traversed += a[n + link + 1];
        n = nx;
      }
      UPDATE[i] = n;
    }
    const out: string[] = [];
    let x = a[n + LINKS];
    for (let rank = traversed + 1; x !== NIL && rank <= end; rank++) {
      const following = a[x + LINKS];
      out.push(this.member(x));
      this.unlink(x);
      this.arena.release(x);
      x = following;
    }
    return out;
  }
}
