// The blocking list commands: BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH. Each serves at once when a key has
// elements (same reply and effects as its non-blocking form); otherwise it answers as a timeout would inside
// MULTI/EXEC, or blocks on its keys as its last act (commands/blocking.ts runs it again when a key is ready).
import { lookupList, popOneEncoded } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { parseBlockTimeout } from '../blocking-timeout.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { parseMpop, type MpopPlan } from './args.js';
import { moveFrom, parseMove, type MovePlan } from './move.js';
import { mpopFrom } from './pop.js';
import { popSource, readyKeyOf } from './source.js';

interface BpopPlan {
  keys: string[];
  timeoutMs: number;
}

function bpopHandler(name: string, head: boolean): Handler<BpopPlan> {
  return {
    name,
    parse(argv) {
      const timeoutMs = parseBlockTimeout(argv[argv.length - 1]);
      if (timeoutMs instanceof ErrorReply) return timeoutMs;
      return { keys: argv.slice(1, -1).map((k) => k.toString('latin1')), timeoutMs };
    },
    exec(ctx, p) {
      const found = popSource(ctx, p.keys);
      if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      if (found === null) return waitOrGiveUp(ctx, p.keys, p.timeoutMs, true);
      const value = popOneEncoded(ctx.ks, ctx.session.db, found.key, found.e, head);
      ctx.reply.array(2);
      ctx.reply.bulkString(found.key, 'latin1');
      ctx.reply.raw(value);
    },
  };
}

/**
 * Nothing to serve: block, or inside MULTI/EXEC answer at once. The pops answer a null array there; BLMOVE and
 * BRPOPLPUSH a null bulk, as Redis's blmoveGenericCommand does (their timeout, later, is a null array).
 */
function waitOrGiveUp(ctx: Context, keys: string[], timeoutMs: number, array: boolean): void {
  if (ctx.canBlock) ctx.block(keys, timeoutMs);
  else if (array) ctx.reply.nilArray();
  else ctx.reply.nil();
}

export const blpopHandler = bpopHandler('blpop', true);
export const brpopHandler = bpopHandler('brpop', false);

export const blmpopHandler: Handler<MpopPlan & { timeoutMs: number }> = {
  name: 'blmpop',
  parse(argv) {
    // Redis reads numkeys, the side and COUNT before the timeout.
    const plan = parseMpop(argv, 2);
    if (plan instanceof ErrorReply) return plan;
    const timeoutMs = parseBlockTimeout(argv[1]);
    if (timeoutMs instanceof ErrorReply) return timeoutMs;
    return { ...plan, timeoutMs };
  },
  exec(ctx, p) {
    const found = popSource(ctx, p.keys);
    if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (found === null) return waitOrGiveUp(ctx, p.keys, p.timeoutMs, true);
    mpopFrom(ctx, found.key, found.e, p.head, p.count);
  },
};

type BmovePlan = MovePlan & { timeoutMs: number };

function execBmove(ctx: Context, p: BmovePlan): void {
  const se = lookupList(ctx.ks, ctx.session.db, p.src, true);
  // Run again for a ready source that now holds another type, Redis 7.0 leaves the client blocked (no WRONGTYPE).
  const retry = readyKeyOf(ctx) !== undefined;
  if (se === WRONGTYPE && !retry) return ctx.reply.error(ERR_WRONGTYPE);
  if (se === undefined || se === WRONGTYPE) return waitOrGiveUp(ctx, [p.src], p.timeoutMs, false);
  moveFrom(ctx, p, se);
}

export const blmoveHandler: Handler<BmovePlan> = {
  name: 'blmove',
  parse(argv) {
    const plan = parseMove(argv);
    if (plan instanceof ErrorReply) return plan;
    const timeoutMs = parseBlockTimeout(argv[5]);
    if (timeoutMs instanceof ErrorReply) return timeoutMs;
    return { ...plan, timeoutMs };
  },
  exec: execBmove,
};

export const brpoplpushHandler: Handler<BmovePlan> = {
  name: 'brpoplpush',
  parse(argv) {
    const timeoutMs = parseBlockTimeout(argv[3]);
    if (timeoutMs instanceof ErrorReply) return timeoutMs;
    return { src: argv[1].toString('latin1'), dst: argv[2].toString('latin1'), fromHead: false, toHead: true, timeoutMs };
  },
  exec: execBmove,
};
