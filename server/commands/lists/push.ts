// Commands that add elements: LPUSH, RPUSH, LPUSHX, RPUSHX, LINSERT.
import { insertAtPivot, lookupList, pushItems, pushOne } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_SYNTAX, ERR_WRONGTYPE } from '../../resp/errors.js';
import { isOption, keyString } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

interface PushPlan {
  key: string;
  /** The whole argv: the elements are argv[2..] (not sliced out: one array fewer per push). */
  argv: Buffer[];
}

const pushPlan = (argv: Buffer[]): PushPlan => ({ key: keyString(argv[1]), argv });

/** Pushes items[from..] and replies the list's length (LPUSH, RPUSH, their X forms, and the hot path's pushes). */
export function execPush(ctx: Context, key: string, items: readonly Buffer[], from: number, head: boolean, onlyIfExists: boolean): void {
  const db = ctx.session.db;
  const e = lookupList(ctx.ks, db, key, true);
  if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  if (e === undefined && onlyIfExists) return ctx.reply.integer(0);
  ctx.reply.integer(pushItems(ctx.ks, db, key, e, items, head, from));
}

/** LPUSH or RPUSH of one element given as the `len` bytes of `src` from `at` (the hot path's: no view is made). */
export function execPushOne(ctx: Context, key: string, src: Uint8Array, at: number, len: number, head: boolean): void {
  const db = ctx.session.db;
  const e = lookupList(ctx.ks, db, key, true);
  if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  ctx.reply.integer(pushOne(ctx.ks, db, key, e, src, at, len, head));
}

function pushHandler(name: string, head: boolean, onlyIfExists: boolean): Handler<PushPlan> {
  return {
    name,
    parse: pushPlan,
    exec: (ctx, p) => execPush(ctx, p.key, p.argv, 2, head, onlyIfExists),
  };
}

export const lpushHandler = pushHandler('lpush', true, false);
export const rpushHandler = pushHandler('rpush', false, false);
export const lpushxHandler = pushHandler('lpushx', true, true);
export const rpushxHandler = pushHandler('rpushx', false, true);

interface InsertPlan {
  key: string;
  after: boolean;
  pivot: Buffer;
  value: Buffer;
}

export const linsertHandler: Handler<InsertPlan> = {
  name: 'linsert',
  parse(argv) {
    const after = isOption(argv[2], 'after');
    if (!after && !isOption(argv[2], 'before')) return new ErrorReply(ERR_SYNTAX);
    return { key: argv[1].toString('latin1'), after, pivot: argv[3], value: argv[4] };
  },
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupList(ctx.ks, db, p.key, true);
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (e === undefined) return ctx.reply.integer(0);
    ctx.reply.integer(insertAtPivot(ctx.ks, db, p.key, e, p.pivot, p.value, p.after));
  },
};
