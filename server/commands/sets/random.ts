// The random commands: SPOP (which logs the members it actually popped) and SRANDMEMBER (a read). Counts are
// validated in parse, where Redis checks them before looking at the key.
import { LLONG_MIN } from '../../keyspace/number-parse.js';
import { popMany, popOne, randomDistinct, randomWithRepeats, readSet, type SetValue } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_VALUE_NOT_POSITIVE, ERR_WRONGTYPE, longOutOfRange } from '../../resp/errors.js';
import { parseLongLong } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { replyMemberArray, replyMemberSet } from './reply.js';

interface RandomPlan {
  key: string;
  /** Null without a count argument. */
  count: number | null;
}

export const spop: Handler<RandomPlan> = {
  name: 'spop',
  parse(argv) {
    if (argv.length > 3) return new ErrorReply(ERR_SYNTAX);
    const key = argv[1].toString('latin1');
    if (argv.length === 2) return { key, count: null };
    // getPositiveLongFromObjectOrReply: a non-integer gets the same message as a negative count.
    const n = parseLongLong(argv[2]);
    if (n === null || n < 0n) return new ErrorReply(ERR_VALUE_NOT_POSITIVE);
    return { key, count: Number(n) };
  },
  exec(ctx, p) {
    const db = ctx.session.db;
    if (p.count === null) {
      const m = popOne(ctx.ks, db, p.key);
      if (m === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
      else if (m === null) ctx.reply.nil();
      else ctx.reply.bulkString(m, 'latin1');
      return;
    }
    const popped = popMany(ctx.ks, db, p.key, p.count);
    if (popped === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else replyMemberSet(ctx.reply, popped);
  },
};

/** srandmember's count is read with the range [-LONG_MAX, LONG_MAX], so LONG_MIN has its own error. */
const COUNT_RANGE_ERROR = longOutOfRange(LLONG_MIN + 1n, -(LLONG_MIN + 1n));

/**
 * Redis writes a negative count's reply without bound until the client's output limit closes it. Past this many
 * reply bytes faha closes the connection instead of exhausting the process's memory.
 */
const REPEATS_REPLY_LIMIT = 512 * 1024 * 1024;

export const srandmember: Handler<RandomPlan> = {
  name: 'srandmember',
  parse(argv) {
    if (argv.length > 3) return new ErrorReply(ERR_SYNTAX);
    const key = argv[1].toString('latin1');
    if (argv.length === 2) return { key, count: null };
    const n = parseLongLong(argv[2]);
    if (n === null) return new ErrorReply(ERR_NOT_INTEGER);
    if (n === LLONG_MIN) return new ErrorReply(COUNT_RANGE_ERROR);
    return { key, count: Number(n) };
  },
  exec(ctx, p) {
    const set = readSet(ctx.ks, ctx.session.db, p.key);
    if (set === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else if (p.count === null) {
      if (set === undefined) ctx.reply.nil();
      else ctx.reply.bulkString(set.random(), 'latin1');
    } else if (set === undefined || p.count === 0) ctx.reply.array(0);
    else if (p.count < 0 || p.count === 1) replyRepeats(ctx, set, Math.abs(p.count));
    else if (p.count >= set.size) replyMemberArray(ctx.reply, set.members());
    else replyMemberArray(ctx.reply, randomDistinct(set, p.count));
  },
};

/** Draws written as they are made, so a huge count never builds a huge array first. */
function replyRepeats(ctx: Context, set: SetValue, count: number): void {
  if (count <= 1024) {
    replyMemberArray(ctx.reply, randomWithRepeats(set, count));
    return;
  }
  ctx.reply.array(count);
  const start = ctx.reply.length;
  for (let i = 0; i < count; i++) {
    ctx.reply.bulkString(set.random(), 'latin1');
    if (ctx.reply.length - start > REPEATS_REPLY_LIMIT) {
      ctx.session.close(false);
      return;
    }
  }
}
