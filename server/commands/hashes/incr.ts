// HINCRBY and HINCRBYFLOAT. The increment is checked before the key is looked at (as Redis does), so its errors
// win over WRONGTYPE; the stored value's errors come from the keyspace after the lookup.
import { hashIncrBy, hashIncrByFloat } from '../../keyspace/hash.js';
import { parseLongDouble, parseLongLong, type LongDouble } from '../../keyspace/number-parse.js';
import { isFiniteLongDouble } from '../../platform/native.js';
import { ERR_NAN_OR_INFINITY, ERR_NOT_FLOAT, ERR_NOT_INTEGER } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';
import { hashStatusError } from './status-errors.js';

interface IncrPlan<T> {
  key: string;
  field: Buffer;
  incr: T;
}

export const hincrbyHandler: Handler<IncrPlan<bigint>> = {
  name: 'hincrby',
  parse(argv) {
    const incr = parseLongLong(argv[3]);
    if (incr === null) return new ErrorReply(ERR_NOT_INTEGER);
    return { key: argv[1].toString('latin1'), field: argv[2], incr };
  },
  exec(ctx, p) {
    const r = hashIncrBy(ctx.ks, ctx.session.db, p.key, p.field, p.incr);
    if (typeof r === 'bigint') ctx.reply.integer(r);
    else ctx.reply.error(hashStatusError(r));
  },
};

export const hincrbyfloatHandler: Handler<IncrPlan<LongDouble>> = {
  name: 'hincrbyfloat',
  parse(argv) {
    const incr = parseLongDouble(argv[3]);
    if (incr === null) return new ErrorReply(ERR_NOT_FLOAT);
    if (!isFiniteLongDouble(incr)) return new ErrorReply(ERR_NAN_OR_INFINITY);
    return { key: argv[1].toString('latin1'), field: argv[2], incr };
  },
  exec(ctx, p) {
    const r = hashIncrByFloat(ctx.ks, ctx.session.db, p.key, p.field, p.incr);
    if (Buffer.isBuffer(r)) ctx.reply.bulk(r);
    else ctx.reply.error(hashStatusError(r));
  },
};
