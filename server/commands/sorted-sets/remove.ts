// ZREM and ZREMRANGEBYRANK / BYSCORE / BYLEX: ranges are parsed before the key is looked at; removals are
// logged as the members removed (effects), and an emptied set's key goes.
import { parseLexRange, parseScoreRange, zrem, zremRange, type RemoveRange } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE, ERR_ZSET_MIN_MAX_FLOAT, ERR_ZSET_MIN_MAX_LEX } from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Context, type Handler } from '../types.js';
import { readLong, str } from './args.js';

export const zremHandler = simpleHandler('zrem', (ctx, argv) => {
  const n = zrem(ctx.ks, ctx.session.db, str(argv[1]), argv.slice(2).map(str));
  if (n === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.integer(n);
});

interface RangePlan {
  key: string;
  how: RemoveRange;
}

function execRemove(ctx: Context, p: RangePlan): void {
  const n = zremRange(ctx.ks, ctx.session.db, p.key, p.how);
  if (n === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.integer(n);
}

export const zremrangebyrankHandler: Handler<RangePlan> = {
  name: 'zremrangebyrank',
  parse(argv) {
    const start = readLong(argv[2]);
    if (start instanceof ErrorReply) return start;
    const end = readLong(argv[3]);
    if (end instanceof ErrorReply) return end;
    return { key: str(argv[1]), how: { by: 'rank', start, end } };
  },
  exec: execRemove,
};

export const zremrangebyscoreHandler: Handler<RangePlan> = {
  name: 'zremrangebyscore',
  parse(argv) {
    const range = parseScoreRange(argv[2], argv[3]);
    if (range === null) return new ErrorReply(ERR_ZSET_MIN_MAX_FLOAT);
    return { key: str(argv[1]), how: { by: 'score', range } };
  },
  exec: execRemove,
};

export const zremrangebylexHandler: Handler<RangePlan> = {
  name: 'zremrangebylex',
  parse(argv) {
    const range = parseLexRange(argv[2], argv[3]);
    if (range === null) return new ErrorReply(ERR_ZSET_MIN_MAX_LEX);
    return { key: str(argv[1]), how: { by: 'lex', ...range } };
  },
  exec: execRemove,
};
