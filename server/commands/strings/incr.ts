// INCR, DECR, INCRBY, DECRBY (64-bit integer arithmetic, results stored int-encoded) and INCRBYFLOAT (C long
// double through the native addon; the printed result is what gets logged). Deadlines are kept.
import { incrBy, incrByFloat, SMALL_DELTA } from '../../keyspace/strings.js';
import { LLONG_MIN, parseLongDouble, parseLongLong, type LongDouble } from '../../keyspace/number-parse.js';
import { ERR_DECREMENT_OVERFLOW, ERR_NOT_INTEGER } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { statusError } from './status-errors.js';

interface IncrPlan {
  key: string;
  /** A number when small enough for exact number arithmetic (see incrBy). */
  delta: number | bigint;
}

function incrHandler(name: string, parseDelta: (argv: Buffer[]) => bigint | ErrorReply): Handler<IncrPlan> {
  return {
    name,
    parse(argv) {
      const delta = parseDelta(argv);
      if (delta instanceof ErrorReply) return delta;
      const small = delta < SMALL_DELTA && delta > -SMALL_DELTA;
      return { key: argv[1].toString('latin1'), delta: small ? Number(delta) : delta };
    },
    exec: (ctx, p) => execIncrBy(ctx, p.key, p.delta),
  };
}

/** INCRBY's whole behaviour; the hot path (commands/fast-path.ts) runs it for plain INCR and DECR. */
export function execIncrBy(ctx: Context, key: string, delta: number | bigint): void {
  const r = incrBy(ctx.ks, ctx.session.db, key, delta);
  if (typeof r === 'bigint' || typeof r === 'number') ctx.reply.integer(r);
  else ctx.reply.error(statusError(r));
}

function integerArg(arg: Buffer): bigint | ErrorReply {
  const v = parseLongLong(arg);
  return v === null ? new ErrorReply(ERR_NOT_INTEGER) : v;
}

export const incrHandlers: Handler<IncrPlan>[] = [
  incrHandler('incr', () => 1n),
  incrHandler('decr', () => -1n),
  incrHandler('incrby', (argv) => integerArg(argv[2])),
  incrHandler('decrby', (argv) => {
    const v = integerArg(argv[2]);
    if (v instanceof ErrorReply) return v;
    // -LLONG_MIN does not fit in 64 bits; Redis refuses it before looking at the key.
    return v === LLONG_MIN ? new ErrorReply(ERR_DECREMENT_OVERFLOW) : -v;
  }),
];

interface FloatPlan {
  key: string;
  /** Null when the increment is not a valid float: reported after the stored value was checked. */
  incr: LongDouble | null;
}

export const incrbyfloatHandler: Handler<FloatPlan> = {
  name: 'incrbyfloat',
  parse: (argv) => ({ key: argv[1].toString('latin1'), incr: parseLongDouble(argv[2]) }),
  exec(ctx, p) {
    const r = incrByFloat(ctx.ks, ctx.session.db, p.key, p.incr);
    if (Buffer.isBuffer(r)) ctx.reply.bulk(r);
    else ctx.reply.error(statusError(r));
  },
};
