// The blocking list commands: BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH. Each serves at once when a key has
// elements (same reply and effects as its non-blocking form); otherwise it answers as a timeout would inside
// MULTI/EXEC, or blocks on its keys as its last act (commands/blocking.ts runs it again when a key is ready).
import { lookupList, popOneEncoded } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { blockOrGiveUp, parseBlockTimeout, parseKeysThenTimeout, withTimeout } from '../blocking-timeout.js';
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
    parse: parseKeysThenTimeout,
    exec(ctx, p) {
      const found = popSource(ctx, p.keys);
      if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      if (found === null) return blockOrGiveUp(ctx, p.keys, p.timeoutMs);
      const value = popOneEncoded(ctx.ks, ctx.session.db, found.key, found.e, head);
      ctx.reply.array(2);
      ctx.reply.bulkString(found.key, 'latin1');
      ctx.reply.raw(value);
    },
  };
}

export const blpopHandler = bpopHandler('blpop', true);
export const brpopHandler = bpopHandler('brpop', false);

export const blmpopHandler: Handler<MpopPlan & { timeoutMs: number }> = {
  name: 'blmpop',
  // Redis reads numkeys, the side and COUNT before the timeout.
  parse: (argv) => withTimeout(parseMpop(argv, 2), argv, 1),
  exec(ctx, p) {
    const found = popSource(ctx, p.keys);
    if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (found === null) return blockOrGiveUp(ctx, p.keys, p.timeoutMs);
    mpopFrom(ctx, found.key, found.e, p.head, p.count);
  },
};

type BmovePlan = MovePlan & { timeoutMs: number };

function execBmove(ctx: Context, p: BmovePlan): void {
  const se = lookupList(ctx.ks, ctx.session.db, p.src, true);
  // Run again for a ready source that now holds another type, Redis 7.0 leaves the client blocked (no WRONGTYPE).
  const retry = readyKeyOf(ctx) !== undefined;
  if (se === WRONGTYPE && !retry) return ctx.reply.error(ERR_WRONGTYPE);
  if (se === undefined || se === WRONGTYPE) return blockOrGiveUp(ctx, [p.src], p.timeoutMs, false);
  moveFrom(ctx, p, se);
}

export const blmoveHandler: Handler<BmovePlan> = {
  name: 'blmove',
  parse: (argv) => withTimeout(parseMove(argv), argv, 5),
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
