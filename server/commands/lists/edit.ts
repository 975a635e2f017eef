// Commands that change elements in place or drop them: LSET, LREM, LTRIM.
import { lookupList, removeMatching, setAt, trimTo } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_INDEX_OUT_OF_RANGE, ERR_NO_SUCH_KEY, ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';
import { readLong } from './args.js';
import { parseRange } from './read.js';

interface SetPlan {
  key: string;
  /** Read only after the key checks: Redis reports a missing key or wrong type first. */
  index: Buffer;
  value: Buffer;
}

export const lsetHandler: Handler<SetPlan> = {
  name: 'lset',
  parse: (argv) => ({ key: argv[1].toString('latin1'), index: argv[2], value: argv[3] }),
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupList(ctx.ks, db, p.key, true);
    if (e === undefined) return ctx.reply.error(ERR_NO_SUCH_KEY);
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const index = readLong(p.index);
    if (index instanceof ErrorReply) return ctx.reply.error(index.message);
    if (setAt(ctx.ks, db, p.key, e, index, p.value)) ctx.reply.ok();
    else ctx.reply.error(ERR_INDEX_OUT_OF_RANGE);
  },
};

interface RemPlan {
  key: string;
  count: number;
  element: Buffer;
}

export const lremHandler: Handler<RemPlan> = {
  name: 'lrem',
  parse(argv) {
    const count = readLong(argv[2]);
    if (count instanceof ErrorReply) return count;
    return { key: argv[1].toString('latin1'), count, element: argv[3] };
  },
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupList(ctx.ks, db, p.key, true);
    if (e === undefined) return ctx.reply.integer(0);
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    ctx.reply.integer(removeMatching(ctx.ks, db, p.key, e, p.element, p.count));
  },
};

export const ltrimHandler: Handler<{ key: string; start: number; end: number }> = {
  name: 'ltrim',
  parse: parseRange,
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupList(ctx.ks, db, p.key, true);
    if (e === undefined) return ctx.reply.ok();
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    trimTo(ctx.ks, db, p.key, e, p.start, p.end);
    ctx.reply.ok();
  },
};
