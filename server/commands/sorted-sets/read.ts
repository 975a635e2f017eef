// The sorted-set lookups: ZCARD, ZSCORE, ZMSCORE, ZRANK, ZREVRANK, ZCOUNT, ZLEXCOUNT. Ranges are parsed before
// the key is looked at, as Redis does; counts come from ranks, so they cost O(log n).
import { NIL, parseLexRange, parseScoreRange, readZset, type LexBound, type ScoreRange, type ZSet } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE, ERR_ZSET_MIN_MAX_FLOAT, ERR_ZSET_MIN_MAX_LEX } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Context, type Handler } from '../types.js';
import { str } from './args.js';

/** The set at argv[1] for reading; replies (and returns null) when absent with `absent`, or on WRONGTYPE. */
function lookup(ctx: Context, key: Buffer, absent: () => void): ZSet | null {
  const z = readZset(ctx.ks, ctx.session.db, str(key));
  if (z === WRONGTYPE) {
    ctx.reply.error(ERR_WRONGTYPE);
    return null;
  }
  if (z === undefined) {
    absent();
    return null;
  }
  return z;
}

export const zcardHandler = simpleHandler('zcard', (ctx, argv) => {
  const z = lookup(ctx, argv[1], () => ctx.reply.integer(0));
  if (z !== null) ctx.reply.integer(z.size);
});

export const zscoreHandler = simpleHandler('zscore', (ctx, argv) => {
  const z = lookup(ctx, argv[1], () => ctx.reply.nil());
  if (z === null) return;
  const s = z.score(str(argv[2]));
  if (s === undefined) ctx.reply.nil();
  else ctx.reply.double(s);
});

export const zmscoreHandler = simpleHandler('zmscore', (ctx, argv) => {
  const z = readZset(ctx.ks, ctx.session.db, str(argv[1]));
  if (z === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  ctx.reply.array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    const s = z?.score(str(argv[i]));
    if (s === undefined) ctx.reply.nil();
    else ctx.reply.double(s);
  }
});

function rankHandler(name: string, reverse: boolean): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const z = lookup(ctx, argv[1], () => ctx.reply.nil());
    if (z === null) return;
    const r = z.rank(str(argv[2]), reverse);
    if (r < 0) ctx.reply.nil();
    else ctx.reply.integer(r);
  });
}

export const zrankHandler = rankHandler('zrank', false);
export const zrevrankHandler = rankHandler('zrevrank', true);

interface CountPlan<R> {
  key: Buffer;
  range: R;
}

export const zcountHandler: Handler<CountPlan<ScoreRange>> = {
  name: 'zcount',
  parse(argv) {
    const range = parseScoreRange(argv[2], argv[3]);
    return range === null ? new ErrorReply(ERR_ZSET_MIN_MAX_FLOAT) : { key: argv[1], range };
  },
  exec(ctx, p) {
    const z = lookup(ctx, p.key, () => ctx.reply.integer(0));
    if (z === null) return;
    const first = z.list.firstInScore(p.range);
    const last = first === NIL ? NIL : z.list.lastInScore(p.range);
    ctx.reply.integer(first === NIL || last === NIL ? 0 : z.rankOfNode(last) - z.rankOfNode(first) + 1);
  },
};

export const zlexcountHandler: Handler<CountPlan<{ min: LexBound; max: LexBound }>> = {
  name: 'zlexcount',
  parse(argv) {
    const range = parseLexRange(argv[2], argv[3]);
    return range === null ? new ErrorReply(ERR_ZSET_MIN_MAX_LEX) : { key: argv[1], range };
  },
  exec(ctx, p) {
    const z = lookup(ctx, p.key, () => ctx.reply.integer(0));
    if (z === null) return;
    const first = z.firstInLex(p.range.min, p.range.max);
    const last = first === NIL ? NIL : z.lastInLex(p.range.min, p.range.max);
    ctx.reply.integer(first === NIL || last === NIL ? 0 : z.rankOfNode(last) - z.rankOfNode(first) + 1);
  },
};
