// Commands that pop: LPOP, RPOP (with COUNT), LMPOP; and the [key, elements] reply LMPOP shares with BLMPOP.
import type { Entry } from '../../engine/entry.js';
import { lookupList, popItems, popOneEncoded } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_VALUE_NOT_POSITIVE, ERR_WRONGTYPE, wrongArity } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { parseMpop, readLongAtLeast, type MpopPlan } from './args.js';
import { popSource } from './source.js';

interface PopPlan {
  key: string;
  /** null without the COUNT argument (a single bulk reply). */
  count: number | null;
}

function popHandler(name: string, head: boolean): Handler<PopPlan> {
  return {
    name,
    parse(argv) {
      if (argv.length > 3) return new ErrorReply(wrongArity(name));
      if (argv.length === 2) return { key: argv[1].toString('latin1'), count: null };
      const count = readLongAtLeast(argv[2], 0, ERR_VALUE_NOT_POSITIVE);
      if (count instanceof ErrorReply) return count;
      return { key: argv[1].toString('latin1'), count };
    },
    exec(ctx, p) {
      const db = ctx.session.db;
      const e = lookupList(ctx.ks, db, p.key, true);
      if (e === undefined) return p.count === null ? ctx.reply.nil() : ctx.reply.nilArray();
      if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      if (p.count === 0) return ctx.reply.array(0);
      if (p.count === null) return ctx.reply.raw(popOneEncoded(ctx.ks, db, p.key, e, head));
      const items = popItems(ctx.ks, db, p.key, e, head, p.count);
      ctx.reply.array(items.length);
      for (const b of items) ctx.reply.bulk(b);
    },
  };
}

export const lpopHandler = popHandler('lpop', true);
export const rpopHandler = popHandler('rpop', false);

/** LMPOP's and BLMPOP's reply: [key, [elements…]] after popping up to `count` from the key. */
export function mpopFrom(ctx: Context, key: string, e: Entry, head: boolean, count: number): void {
  const items = popItems(ctx.ks, ctx.session.db, key, e, head, count);
  ctx.reply.array(2);
  ctx.reply.bulkString(key, 'latin1');
  ctx.reply.array(items.length);
  for (const b of items) ctx.reply.bulk(b);
}

export const lmpopHandler: Handler<MpopPlan> = {
  name: 'lmpop',
  parse: (argv) => parseMpop(argv, 1),
  exec(ctx, p) {
    const found = popSource(ctx, p.keys);
    if (found === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (found === null) return ctx.reply.nilArray();
    mpopFrom(ctx, found.key, found.e, p.head, p.count);
  },
};
