// ZRANDMEMBER key [count [WITHSCORES]]: one random member, `count` distinct members (the whole set, highest
// score first, when count reaches its size), or -count members drawn with repetition. Which members come out is random; the
// shapes, limits and errors are Redis's.
import { NIL, readZset, type ZSet } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_VALUE_OUT_OF_RANGE, ERR_WRONGTYPE, longOutOfRange } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { str } from './args.js';
import { member, pairItem, pairsHeader } from './reply.js';

const LONG_MAX = 2n ** 63n - 1n;

interface RandPlan {
  key: string;
  /** Null for the single-member form. */
  count: number | null;
  withScores: boolean;
}

function parseRand(argv: Buffer[]): RandPlan | ErrorReply {
  const plan: RandPlan = { key: str(argv[1]), count: null, withScores: false };
  if (argv.length < 3) return plan;
  const l = parseLongLong(argv[2]);
  if (l === null) return new ErrorReply(ERR_NOT_INTEGER);
  if (l < -LONG_MAX) return new ErrorReply(longOutOfRange(-LONG_MAX, LONG_MAX));
  if (argv.length > 4 || (argv.length === 4 && !isOption(argv[3], 'withscores'))) return new ErrorReply(ERR_SYNTAX);
  if (argv.length === 4) {
    // Redis refuses counts whose doubled reply length would overflow a long.
    if (l < -LONG_MAX / 2n || l > LONG_MAX / 2n) return new ErrorReply(ERR_VALUE_OUT_OF_RANGE);
    plan.withScores = true;
  }
  plan.count = Number(l);
  return plan;
}

/** `count` distinct members (count < size), in random order: a partial Fisher-Yates over the ranks. */
function distinct(z: ZSet, count: number): number[] {
  const ranks = Array.from({ length: z.size }, (_, i) => i + 1);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(Math.random() * (ranks.length - i));
    [ranks[i], ranks[j]] = [ranks[j], ranks[i]];
  }
  return ranks.slice(0, count);
}

function withCount(ctx: Context, z: ZSet, l: number, withScores: boolean): void {
  if (l === 0) return ctx.reply.array(0);
  if (l < 0 || l === 1) {
    const n = Math.abs(l);
    pairsHeader(ctx.reply, n, withScores);
    for (let i = 0; i < n; i++) {
      const node = z.randomNode();
      pairItem(ctx.reply, z.list.member(node), z.list.score(node), withScores);
    }
    return;
  }
  if (l >= z.size) {
    // The whole set, in the order Redis's set-operation iterator walks it: from the highest score down.
    pairsHeader(ctx.reply, z.size, withScores);
    for (let n = z.list.last(); n !== NIL; n = z.list.prev(n)) pairItem(ctx.reply, z.list.member(n), z.list.score(n), withScores);
    return;
  }
  pairsHeader(ctx.reply, l, withScores);
  for (const r of distinct(z, l)) {
    const node = z.list.byRank(r);
    pairItem(ctx.reply, z.list.member(node), z.list.score(node), withScores);
  }
}

export const zrandmemberHandler: Handler<RandPlan> = {
  name: 'zrandmember',
  parse: parseRand,
  exec(ctx, p) {
    const z = readZset(ctx.ks, ctx.session.db, p.key);
    if (z === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (p.count !== null) {
      if (z === undefined) return ctx.reply.array(0);
      return withCount(ctx, z, p.count, p.withScores);
    }
    if (z === undefined) return ctx.reply.nil();
    member(ctx.reply, z.list.member(z.randomNode()));
  },
};
