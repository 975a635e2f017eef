// ZPOPMIN, ZPOPMAX, ZMPOP and the blocking BZPOPMIN, BZPOPMAX, BZMPOP. A blocking form serves at once when a key
// holds a set (same reply and effects as the non-blocking form); otherwise it answers as a timeout would inside
// MULTI/EXEC, or blocks on its keys as its last act (commands/blocking.ts runs it again when a key is ready).
import type { Entry } from '../../engine/entry.js';
import { writeZset, zpop } from '../../keyspace/zset/index.js';
import { WRONGTYPE, type WrongType } from '../../keyspace/types.js';
import { ERR_SYNTAX, ERR_VALUE_NOT_POSITIVE, ERR_WRONGTYPE } from '../../resp/errors.js';
import { blockOrGiveUp, parseKeysThenTimeout, withTimeout } from '../blocking-timeout.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { parseMpop, readLongAtLeast, str, type MpopPlan } from './args.js';
import { member } from './reply.js';

/** The first of `keys` that exists (genericZpopCommand's scan): its entry, WRONGTYPE, or null for none. */
function firstExisting(ctx: Context, keys: string[]): { key: string; e: Entry } | WrongType | null {
  for (const key of keys) {
    const e = writeZset(ctx.ks, ctx.session.db, key);
    if (e === WRONGTYPE) return e;
    if (e !== undefined) return { key, e };
  }
  return null;
}

interface PopPlan {
  key: string;
  /** -1: no COUNT argument (a single flat pair). */
  count: number;
}

function popHandler(name: string, max: boolean): Handler<PopPlan> {
  return {
    name,
    parse(argv) {
      if (argv.length > 3) return new ErrorReply(ERR_SYNTAX);
      if (argv.length < 3) return { key: str(argv[1]), count: -1 };
      const count = readLongAtLeast(argv[2], 0, ERR_VALUE_NOT_POSITIVE);
      return count instanceof ErrorReply ? count : { key: str(argv[1]), count };
    },
    exec(ctx, p) {
      const found = firstExisting(ctx, [p.key]);
      if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      if (found === null || p.count === 0) return ctx.reply.array(0);
      const popped = zpop(ctx.ks, ctx.session.db, p.key, found.e, max, p.count === -1 ? 1 : p.count);
      // RESP3 nests each pair when a count was given; a plain pop is one flat pair in both protocols.
      const nested = ctx.reply.resp === 3 && p.count !== -1;
      ctx.reply.array(nested ? popped.length : popped.length * 2);
      for (const [m, s] of popped) {
        if (nested) ctx.reply.array(2);
        member(ctx.reply, m);
        ctx.reply.double(s);
      }
    },
  };
}

export const zpopminHandler = popHandler('zpopmin', false);
export const zpopmaxHandler = popHandler('zpopmax', true);

/** ZMPOP's reply: [key, [[member, score], …]]. */
function mpopFrom(ctx: Context, key: string, e: Entry, max: boolean, count: number): void {
  const popped = zpop(ctx.ks, ctx.session.db, key, e, max, count);
  ctx.reply.array(2);
  member(ctx.reply, key);
  ctx.reply.array(popped.length);
  for (const [m, s] of popped) {
    ctx.reply.array(2);
    member(ctx.reply, m);
    ctx.reply.double(s);
  }
}

export const zmpopHandler: Handler<MpopPlan> = {
  name: 'zmpop',
  parse: (argv) => parseMpop(argv, 1),
  exec(ctx, p) {
    const found = firstExisting(ctx, p.keys);
    if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (found === null) return ctx.reply.nilArray();
    mpopFrom(ctx, found.key, found.e, p.max, p.count);
  },
};

/**
 * Where a blocking pop takes from. A first run scans its keys like the non-blocking form; a run again for a key
 * signalled ready (ctx.readyKey) looks at that key only, and a key that now holds another type leaves the client
 * blocked without an error, as Redis 7.0 serves blocked clients per ready key.
 */
function blockingSource(ctx: Context, keys: string[]): { key: string; e: Entry } | WrongType | null {
  const ready = ctx.readyKey;
  if (ready === undefined) return firstExisting(ctx, keys);
  const found = firstExisting(ctx, [ready]);
  return found === WRONGTYPE ? null : found;
}

/** Nothing to serve: block on the keys, or inside MULTI/EXEC answer as a timeout would. */
interface BpopPlan {
  keys: string[];
  timeoutMs: number;
}

function bpopHandler(name: string, max: boolean): Handler<BpopPlan> {
  return {
    name,
    parse: parseKeysThenTimeout,
    exec(ctx, p) {
      const found = blockingSource(ctx, p.keys);
      if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      if (found === null) return blockOrGiveUp(ctx, p.keys, p.timeoutMs);
      const [[m, s]] = zpop(ctx.ks, ctx.session.db, found.key, found.e, max, 1);
      ctx.reply.array(3);
      member(ctx.reply, found.key);
      member(ctx.reply, m);
      ctx.reply.double(s);
    },
  };
}

export const bzpopminHandler = bpopHandler('bzpopmin', false);
export const bzpopmaxHandler = bpopHandler('bzpopmax', true);

export const bzmpopHandler: Handler<MpopPlan & { timeoutMs: number }> = {
  name: 'bzmpop',
  // Redis reads numkeys, MIN|MAX and COUNT before the timeout.
  parse: (argv) => withTimeout(parseMpop(argv, 2), argv, 1),
  exec(ctx, p) {
    const found = blockingSource(ctx, p.keys);
    if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (found === null) return blockOrGiveUp(ctx, p.keys, p.timeoutMs);
    mpopFrom(ctx, found.key, found.e, p.max, p.count);
  },
};
