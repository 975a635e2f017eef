// ZRANGE (BYSCORE BYLEX REV LIMIT WITHSCORES), ZRANGESTORE and the older ZREVRANGE, Z[REV]RANGEBYSCORE,
// Z[REV]RANGEBYLEX: one parser in zrangeGenericCommand's order (options, conflicts, then the range), one walk
// over the ordered tree that starts at a rank found in O(log n), and two consumers (the reply, or a stored set).
import {
  parseLexRange, parseScoreRange, readZset, scoreAboveMin, scoreBelowMax, lexAboveMin, lexBelowMax, storeZset, ZSet,
  NIL, type LexBound, type ScoreRange, type ZPos,
} from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import {
  ERR_SYNTAX, ERR_WRONGTYPE, ERR_ZRANGE_LIMIT_BY_RANK, ERR_ZRANGE_WITHSCORES_BYLEX, ERR_ZSET_MIN_MAX_FLOAT, ERR_ZSET_MIN_MAX_LEX,
} from '../../resp/errors.js';
import { isOption } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { readLong, str } from './args.js';
import { pairItem, pairsHeader, replyPairs } from './reply.js';

type Kind = 'rank' | 'score' | 'lex';

type Bounds =
  | { kind: 'rank'; start: number; end: number }
  | { kind: 'score'; range: ScoreRange }
  | { kind: 'lex'; min: LexBound; max: LexBound };

interface ZrangePlan {
  src: string;
  dst: string | null;
  reverse: boolean;
  withScores: boolean;
  offset: number;
  /** Negative: no limit. */
  limit: number;
  bounds: Bounds;
}

interface Options {
  kind: Kind | null;
  reverse: boolean | null;
  withScores: boolean;
  offset: number;
  limit: number;
}

/** The options after `<src> <min> <max>`; kind and reverse stay null unless ZRANGE's BYSCORE, BYLEX and REV may set them. */
function parseOptions(argv: Buffer[], from: number, store: boolean, o: Options): ErrorReply | null {
  for (let j = from; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const a = argv[j];
    if (!store && isOption(a, 'withscores')) {
      o.withScores = true;
    } else if (isOption(a, 'limit') && left >= 2) {
      const offset = readLong(argv[j + 1]);
      if (offset instanceof ErrorReply) return offset;
      const limit = readLong(argv[j + 2]);
      if (limit instanceof ErrorReply) return limit;
      o.offset = offset;
      o.limit = limit;
      j += 2;
    } else if (o.reverse === null && isOption(a, 'rev')) {
      o.reverse = true;
    } else if (o.kind === null && isOption(a, 'bylex')) {
      o.kind = 'lex';
    } else if (o.kind === null && isOption(a, 'byscore')) {
      o.kind = 'score';
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return null;
}

function parseBounds(kind: Kind, min: Buffer, max: Buffer): Bounds | ErrorReply {
  if (kind === 'rank') {
    const start = readLong(min);
    if (start instanceof ErrorReply) return start;
    const end = readLong(max);
    return end instanceof ErrorReply ? end : { kind, start, end };
  }
  if (kind === 'score') {
    const range = parseScoreRange(min, max);
    return range === null ? new ErrorReply(ERR_ZSET_MIN_MAX_FLOAT) : { kind, range };
  }
  const lex = parseLexRange(min, max);
  return lex === null ? new ErrorReply(ERR_ZSET_MIN_MAX_LEX) : { kind, ...lex };
}

/** zrangeGenericCommand's parsing; `at` is the source key's index, kind/reverse null for ZRANGE's "auto". */
function parseZrange(argv: Buffer[], at: number, store: boolean, kind: Kind | null, reverse: boolean | null): ZrangePlan | ErrorReply {
  const o: Options = { kind, reverse, withScores: false, offset: 0, limit: -1 };
  const bad = parseOptions(argv, at + 3, store, o);
  if (bad !== null) return bad;
  const k = o.kind ?? 'rank';
  const rev = o.reverse ?? false;
  // An explicit LIMIT of -1 is indistinguishable from none, as in Redis.
  if (o.limit !== -1 && k === 'rank') return new ErrorReply(ERR_ZRANGE_LIMIT_BY_RANK);
  if (o.withScores && k === 'lex') return new ErrorReply(ERR_ZRANGE_WITHSCORES_BYLEX);
  // Reversed score and lex ranges are given as max, min.
  const swap = rev && k !== 'rank';
  const bounds = parseBounds(k, argv[swap ? at + 2 : at + 1], argv[swap ? at + 1 : at + 2]);
  if (bounds instanceof ErrorReply) return bounds;
  return {
    src: str(argv[at]),
    dst: store ? str(argv[1]) : null,
    reverse: rev,
    withScores: o.withScores || store,
    offset: o.offset,
    limit: o.limit,
    bounds,
  };
}

function step(z: ZSet, n: ZPos, reverse: boolean): ZPos {
  return reverse ? z.list.prev(n) : z.list.next(n);
}

function byRank(z: ZSet, start: number, end: number, reverse: boolean): ZPos[] {
  const len = z.size;
  let s = start < 0 ? len + start : start;
  let e = end < 0 ? len + end : end;
  if (s < 0) s = 0;
  if (s > e || s >= len) return [];
  if (e >= len) e = len - 1;
  const out: ZPos[] = [];
  let n = z.list.byRank(reverse ? len - s : s + 1);
  for (let i = e - s + 1; i > 0 && n !== NIL; i--, n = step(z, n, reverse)) out.push(n);
  return out;
}

/** From the first node in range, skip `offset` (by rank, O(log n)) and take up to `limit` while `inRange`. */
function walk(z: ZSet, first: ZPos, p: ZrangePlan, inRange: (n: ZPos) => boolean): ZPos[] {
  // Redis walks a negative offset down to the end of the set, so it selects nothing.
  if (first === NIL || p.offset < 0) return [];
  let n = first;
  if (p.offset > 0) {
    const r = z.rankOfNode(first) + (p.reverse ? -p.offset : p.offset);
    n = z.list.byRank(r);
  }
  const out: ZPos[] = [];
  for (let left = p.limit < 0 ? Infinity : p.limit; n !== NIL && left > 0 && inRange(n); left--, n = step(z, n, p.reverse)) out.push(n);
  return out;
}

function select(z: ZSet, p: ZrangePlan): ZPos[] {
  const b = p.bounds;
  if (b.kind === 'rank') return byRank(z, b.start, b.end, p.reverse);
  if (b.kind === 'score') {
    if (p.offset > 0 && p.offset >= z.size) return [];
    const r = b.range;
    const first = p.reverse ? z.list.lastInScore(r) : z.list.firstInScore(r);
    return walk(z, first, p, p.reverse ? (n) => scoreAboveMin(z.list.score(n), r) : (n) => scoreBelowMax(z.list.score(n), r));
  }
  const first = p.reverse ? z.lastInLex(b.min, b.max) : z.firstInLex(b.min, b.max);
  return walk(z, first, p, p.reverse ? (n) => lexAboveMin(z.list.member(n), b.min) : (n) => lexBelowMax(z.list.member(n), b.max));
}

function execZrange(ctx: Context, p: ZrangePlan): void {
  const db = ctx.session.db;
  const z = readZset(ctx.ks, db, p.src);
  if (z === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  if (p.dst === null) {
    if (z === undefined) return replyPairs(ctx.reply, [], p.withScores);
    const l = z.list;
    const nodes = select(z, p);
    pairsHeader(ctx.reply, nodes.length, p.withScores);
    for (const n of nodes) pairItem(ctx.reply, l.member(n), l.score(n), p.withScores);
    return;
  }
  // ZRANGESTORE builds its result as ZADD would, from a listpack that converts on the same thresholds.
  const out = new ZSet(true);
  if (z !== undefined) for (const n of select(z, p)) out.insert(z.list.member(n), z.list.score(n));
  ctx.reply.integer(storeZset(ctx.ks, db, p.dst, out, 'zrangestore'));
}

function rangeHandler(name: string, at: number, store: boolean, kind: Kind | null, reverse: boolean | null): Handler<ZrangePlan> {
  return { name, parse: (argv) => parseZrange(argv, at, store, kind, reverse), exec: execZrange };
}

export const RANGE_HANDLERS: Handler<ZrangePlan>[] = [
  rangeHandler('zrange', 1, false, null, null),
  rangeHandler('zrangestore', 2, true, null, null),
  rangeHandler('zrevrange', 1, false, 'rank', true),
  rangeHandler('zrangebyscore', 1, false, 'score', false),
  rangeHandler('zrevrangebyscore', 1, false, 'score', true),
  rangeHandler('zrangebylex', 1, false, 'lex', false),
  rangeHandler('zrevrangebylex', 1, false, 'lex', true),
];
