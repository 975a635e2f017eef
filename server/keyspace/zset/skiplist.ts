// The ordered half of a sorted set: a skip list with span counts (Pugh's list as Redis's zskiplist keeps it), so
// rank lookups, rank ranges and score/lex range starts are O(log n). Orders by (score, member bytes); knows
// nothing of the member→node map, encodings or the log.
import type { LexBound, ScoreRange } from './ranges.js';
import { lexAboveMin, lexBelowMax, lexRangeEmpty, scoreAboveMin, scoreBelowMax, scoreRangeEmpty } from './ranges.js';

const MAX_LEVEL = 32;
/** Redis's ZSKIPLIST_P: each level holds about a quarter of the nodes of the level below. */
const P = 0.25;

export class ZNode {
  /** next[i]: the following node on level i; span[i]: how many level-0 steps that link covers. */
  readonly next: (ZNode | null)[];
  readonly span: number[];
  back: ZNode | null = null;
  /** Position in the owning set's scan table (ZSCAN cursors walk these); -1 when not placed. */
  slot = -1;
  constructor(
    /** Latin1 string, one char per byte, so JS string order is memcmp order. */
    readonly member: string,
    public score: number,
    level: number,
  ) {
    this.next = new Array<ZNode | null>(level).fill(null);
    this.span = new Array<number>(level).fill(0);
  }
}

function randomLevel(): number {
  let level = 1;
  while (level < MAX_LEVEL && Math.random() < P) level++;
  return level;
}

/** True when `n` sorts before (score, member). */
function before(n: ZNode, score: number, member: string): boolean {
  return n.score < score || (n.score === score && n.member < member);
}

export class SkipList {
  readonly head = new ZNode('', 0, MAX_LEVEL);
  tail: ZNode | null = null;
  level = 1;
  length = 0;

  /** A node for a member not yet in the list (the caller keeps members unique). */
  static node(member: string, score: number): ZNode {
    return new ZNode(member, score, randomLevel());
  }

  first(): ZNode | null {
    return this.head.next[0];
  }

  /** Links `x` (not in the list) at its place by (score, member). */
  insert(x: ZNode): void {
    const update = new Array<ZNode>(MAX_LEVEL);
    const rank = new Array<number>(MAX_LEVEL);
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      rank[i] = i === this.level - 1 ? 0 : rank[i + 1];
      for (let f = n.next[i]; f !== null && before(f, x.score, x.member); f = n.next[i]) {
        rank[i] += n.span[i];
        n = f;
      }
      update[i] = n;
    }
    const level = x.next.length;
    if (level > this.level) {
      for (let i = this.level; i < level; i++) {
        rank[i] = 0;
        update[i] = this.head;
        this.head.span[i] = this.length;
      }
      this.level = level;
    }
    for (let i = 0; i < level; i++) {
      x.next[i] = update[i].next[i];
      update[i].next[i] = x;
      x.span[i] = update[i].span[i] - (rank[0] - rank[i]);
      update[i].span[i] = rank[0] - rank[i] + 1;
    }
    for (let i = level; i < this.level; i++) update[i].span[i]++;
    x.back = update[0] === this.head ? null : update[0];
    if (x.next[0] !== null) x.next[0].back = x;
    else this.tail = x;
    this.length++;
  }

  /** Unlinks `x`, which must be in the list with its current score. */
  remove(x: ZNode): void {
    const update = this.path(x.score, x.member);
    this.unlink(x, update);
  }

  /** The last node before (score, member) on every level. */
  private path(score: number, member: string): ZNode[] {
    const update = new Array<ZNode>(this.level);
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && before(f, score, member); f = n.next[i]) n = f;
      update[i] = n;
    }
    return update;
  }

  private unlink(x: ZNode, update: ZNode[]): void {
    for (let i = 0; i < this.level; i++) {
      if (update[i].next[i] === x) {
        update[i].span[i] += x.span[i] - 1;
        update[i].next[i] = x.next[i];
      } else {
        update[i].span[i]--;
      }
    }
    if (x.next[0] !== null) x.next[0].back = x.back;
    else this.tail = x.back;
    while (this.level > 1 && this.head.next[this.level - 1] === null) this.level--;
    this.length--;
    x.next.fill(null);
    x.span.fill(0);
    x.back = null;
  }

  /** Gives `x` a new score, moving it only when its neighbours would no longer bracket it. */
  rescore(x: ZNode, score: number): void {
    const prev = x.back;
    const next = x.next[0];
    if ((prev === null || prev.score < score) && (next === null || next.score > score)) {
      x.score = score;
      return;
    }
    this.remove(x);
    x.score = score;
    this.insert(x);
  }

  /** 1-based rank of the node holding (score, member), 0 when absent. */
  rankOf(score: number, member: string): number {
    let rank = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && (before(f, score, member) || (f.score === score && f.member === member)); f = n.next[i]) {
        rank += n.span[i];
        n = f;
      }
      if (n !== this.head && n.score === score && n.member === member) return rank;
    }
    return 0;
  }

  /** The node of 1-based rank `rank`, or null when out of range. */
  byRank(rank: number): ZNode | null {
    if (rank < 1 || rank > this.length) return null;
    let traversed = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && traversed + n.span[i] <= rank; f = n.next[i]) {
        traversed += n.span[i];
        n = f;
      }
      if (traversed === rank) return n;
    }
    return null;
  }

  /** First node whose score is within `r`, or null. */
  firstInScore(r: ScoreRange): ZNode | null {
    if (!this.anyInScore(r)) return null;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && !scoreAboveMin(f.score, r); f = n.next[i]) n = f;
    }
    const x = n.next[0];
    return x !== null && scoreBelowMax(x.score, r) ? x : null;
  }

  /** Last node whose score is within `r`, or null. */
  lastInScore(r: ScoreRange): ZNode | null {
    if (!this.anyInScore(r)) return null;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && scoreBelowMax(f.score, r); f = n.next[i]) n = f;
    }
    return n !== this.head && scoreAboveMin(n.score, r) ? n : null;
  }

  private anyInScore(r: ScoreRange): boolean {
    if (scoreRangeEmpty(r)) return false;
    const last = this.tail;
    const first = this.head.next[0];
    return last !== null && first !== null && scoreAboveMin(last.score, r) && scoreBelowMax(first.score, r);
  }

  firstInLex(min: LexBound, max: LexBound): ZNode | null {
    if (!this.anyInLex(min, max)) return null;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && !lexAboveMin(f.member, min); f = n.next[i]) n = f;
    }
    const x = n.next[0];
    return x !== null && lexBelowMax(x.member, max) ? x : null;
  }

  lastInLex(min: LexBound, max: LexBound): ZNode | null {
    if (!this.anyInLex(min, max)) return null;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && lexBelowMax(f.member, max); f = n.next[i]) n = f;
    }
    return n !== this.head && lexAboveMin(n.member, min) ? n : null;
  }

  private anyInLex(min: LexBound, max: LexBound): boolean {
    if (lexRangeEmpty(min, max)) return false;
    const last = this.tail;
    const first = this.head.next[0];
    return last !== null && first !== null && lexAboveMin(last.member, min) && lexBelowMax(first.member, max);
  }

  /** Unlinks the nodes of 1-based ranks start..end (inclusive) and returns them in order. */
  removeRankRange(start: number, end: number): ZNode[] {
    const update = new Array<ZNode>(this.level);
    let traversed = 0;
    let n = this.head;
    for (let i = this.level - 1; i >= 0; i--) {
      for (let f = n.next[i]; f !== null && traversed + n.span[i] < start; f = n.next[i]) {
        traversed += n.span[i];
        n = f;
      }
      update[i] = n;
    }
    const out: ZNode[] = [];
    let x = n.next[0];
    for (let rank = traversed + 1; x !== null && rank <= end; rank++) {
      const following: ZNode | null = x.next[0];
      this.unlink(x, update);
      out.push(x);
      x = following;
    }
    return out;
  }
}
