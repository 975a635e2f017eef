// ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD (zunionInterDiffGenericCommand): numkeys and the
// key count are checked first, then the keys are read (WRONGTYPE), and only then are option errors reported.
// Scores are weighted and aggregated in Redis's order (inputs by ascending size), with NaN read as 0.
import { storeZset, ZSet } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import {
  atLeastOneInputKey, ERR_SYNTAX, ERR_WRONGTYPE, ERR_ZSET_LIMIT_NEGATIVE, ERR_ZSET_WEIGHT_FLOAT,
} from '../../resp/errors.js';
import { isOption } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { readLong, readLongAtLeast, readScore, str } from './args.js';
import { replyPairs } from './reply.js';
import { readSources, type Source } from './sources.js';

type Op = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

interface SetOpPlan {
  dst: string | null;
  keys: string[];
  weights: number[] | null;
  aggregate: Aggregate;
  withScores: boolean;
  /** ZINTERCARD's LIMIT; 0 = none. */
  limit: number;
  /** An option error, reported only after the keys were read, as Redis reads them first. */
  late: ErrorReply | null;
}

interface Shape {
  name: string;
  op: Op;
  numkeysIdx: number;
  store: boolean;
  cardOnly: boolean;
}

function parseOptions(argv: Buffer[], from: number, s: Shape, p: SetOpPlan): ErrorReply | null {
  const n = p.keys.length;
  let j = from;
  while (j < argv.length) {
    const left = argv.length - j;
    const a = argv[j];
    if (s.op !== 'diff' && !s.cardOnly && left >= n + 1 && isOption(a, 'weights')) {
      p.weights = [];
      for (let i = 0; i < n; i++) {
        const w = readScore(argv[j + 1 + i], ERR_ZSET_WEIGHT_FLOAT);
        if (w instanceof ErrorReply) return w;
        p.weights.push(w);
      }
      j += n + 1;
    } else if (s.op !== 'diff' && !s.cardOnly && left >= 2 && isOption(a, 'aggregate')) {
      const v = argv[j + 1];
      if (isOption(v, 'sum')) p.aggregate = 'sum';
      else if (isOption(v, 'min')) p.aggregate = 'min';
      else if (isOption(v, 'max')) p.aggregate = 'max';
      else return new ErrorReply(ERR_SYNTAX);
      j += 2;
    } else if (!s.store && !s.cardOnly && isOption(a, 'withscores')) {
      p.withScores = true;
      j++;
    } else if (s.cardOnly && left >= 2 && isOption(a, 'limit')) {
      const limit = readLongAtLeast(argv[j + 1], 0, ERR_ZSET_LIMIT_NEGATIVE);
      if (limit instanceof ErrorReply) return limit;
      p.limit = limit;
      j += 2;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return null;
}

function parseSetOp(argv: Buffer[], s: Shape): SetOpPlan | ErrorReply {
  const numkeys = readLong(argv[s.numkeysIdx]);
  if (numkeys instanceof ErrorReply) return numkeys;
  if (numkeys < 1) return new ErrorReply(atLeastOneInputKey(s.name));
  if (numkeys > argv.length - (s.numkeysIdx + 1)) return new ErrorReply(ERR_SYNTAX);
  const first = s.numkeysIdx + 1;
  const p: SetOpPlan = {
    dst: s.store ? str(argv[1]) : null,
    keys: argv.slice(first, first + numkeys).map(str),
    weights: null,
    aggregate: 'sum',
    withScores: false,
    limit: 0,
    late: null,
  };
  p.late = parseOptions(argv, first + numkeys, s, p);
  return p;
}

function aggregate(how: Aggregate, acc: number, v: number): number {
  if (how === 'sum') {
    const t = acc + v;
    // +inf and -inf add up to NaN; Redis keeps the convention that this sum is 0.
    return Number.isNaN(t) ? 0 : t;
  }
  if (how === 'min') return v < acc ? v : acc;
  return v > acc ? v : acc;
}

function weighted(w: number, score: number): number {
  const v = w * score;
  return Number.isNaN(v) ? 0 : v;
}

/** ZINTER: members of the smallest input found in every other, with aggregated scores; or just their count. */
function inter(src: Source[], p: SetOpPlan, cardOnly: boolean): Map<string, number> | number {
  const out = new Map<string, number>();
  let count = 0;
  if (src[0].size === 0) return cardOnly ? 0 : out;
  for (const [m, s] of src[0].entries()) {
    let score = weighted(src[0].weight, s);
    let j = 1;
    for (; j < src.length; j++) {
      const v = src[j].subject === src[0].subject ? s : src[j].score(m);
      if (v === undefined) break;
      score = aggregate(p.aggregate, score, v * src[j].weight);
    }
    if (j < src.length) continue;
    if (!cardOnly) out.set(m, score);
    else if (++count === p.limit) break;
  }
  return cardOnly ? count : out;
}

function union(src: Source[], p: SetOpPlan): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of src) {
    for (const [m, v] of s.entries()) {
      const score = weighted(s.weight, v);
      const acc = out.get(m);
      out.set(m, acc === undefined ? score : aggregate(p.aggregate, acc, score));
    }
  }
  return out;
}

/** ZDIFF: members of the first input in none of the others, with their own scores (unweighted). */
function diff(src: Source[]): Map<string, number> {
  const out = new Map<string, number>();
  const [first, ...rest] = src;
  if (first.size === 0 || rest.some((s) => s.subject === first.subject)) return out;
  for (const [m, v] of first.entries()) if (!rest.some((s) => s.score(m) !== undefined)) out.set(m, v);
  return out;
}

function byScore(a: [string, number], b: [string, number]): number {
  return a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/** The stored result: built as a skiplist, then a listpack when it fits (zsetConvertToListpackIfNeeded). */
function toZset(result: Map<string, number>): ZSet {
  const z = new ZSet(false);
  for (const [m, s] of [...result].sort(byScore)) z.appendSorted(m, s);
  z.listpackIfSmall();
  return z;
}

function execSetOp(ctx: Context, p: SetOpPlan, s: Shape): void {
  const src = readSources(ctx, p.keys);
  if (src === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  if (p.late !== null) return ctx.reply.error(p.late.message);
  if (p.weights !== null) p.weights.forEach((w, i) => (src[i].weight = w));
  // Smallest first (a stable sort, as glibc's qsort merge sort is): the order sums are taken in.
  const ordered = s.op === 'diff' ? src : [...src].sort((a, b) => a.size - b.size);
  if (s.cardOnly) return ctx.reply.integer(inter(ordered, p, true) as number);
  const result = s.op === 'union' ? union(ordered, p) : s.op === 'inter' ? (inter(ordered, p, false) as Map<string, number>) : diff(ordered);
  if (p.dst !== null) return ctx.reply.integer(storeZset(ctx.ks, ctx.session.db, p.dst, toZset(result), `z${s.op}store`));
  replyPairs(ctx.reply, [...result].sort(byScore), p.withScores);
}

function setOpHandler(s: Shape): Handler<SetOpPlan> {
  return { name: s.name, parse: (argv) => parseSetOp(argv, s), exec: (ctx, p) => execSetOp(ctx, p, s) };
}

export const SETOP_HANDLERS: Handler<SetOpPlan>[] = [
  setOpHandler({ name: 'zunion', op: 'union', numkeysIdx: 1, store: false, cardOnly: false }),
  setOpHandler({ name: 'zinter', op: 'inter', numkeysIdx: 1, store: false, cardOnly: false }),
  setOpHandler({ name: 'zdiff', op: 'diff', numkeysIdx: 1, store: false, cardOnly: false }),
  setOpHandler({ name: 'zunionstore', op: 'union', numkeysIdx: 2, store: true, cardOnly: false }),
  setOpHandler({ name: 'zinterstore', op: 'inter', numkeysIdx: 2, store: true, cardOnly: false }),
  setOpHandler({ name: 'zdiffstore', op: 'diff', numkeysIdx: 2, store: true, cardOnly: false }),
  setOpHandler({ name: 'zintercard', op: 'inter', numkeysIdx: 1, store: false, cardOnly: true }),
];
