// Commands that only read a list: LLEN, LINDEX, LRANGE, LPOS.
import type { ListObject } from '../../keyspace/list/deque.js';
import { clampRange, listOf, lookupList, resolveIndex } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';
import { readLong } from './args.js';
import { parseLposOptions, type LposOptions } from './lpos-options.js';

export const llenHandler: Handler<string> = {
  name: 'llen',
  parse: (argv) => argv[1].toString('latin1'),
  exec(ctx, key) {
    const e = lookupList(ctx.ks, ctx.session.db, key, false);
    if (e === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(e === undefined ? 0 : listOf(e).length);
  },
};

interface IndexPlan {
  key: string;
  /** Read only once the key is known to be a list: Redis reports a bad index after the type. */
  index: Buffer;
}

export const lindexHandler: Handler<IndexPlan> = {
  name: 'lindex',
  parse: (argv) => ({ key: argv[1].toString('latin1'), index: argv[2] }),
  exec(ctx, p) {
    const e = lookupList(ctx.ks, ctx.session.db, p.key, false);
    if (e === undefined) return ctx.reply.nil();
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const index = readLong(p.index);
    if (index instanceof ErrorReply) return ctx.reply.error(index.message);
    const list = listOf(e);
    const i = resolveIndex(index, list.length);
    if (i < 0) ctx.reply.nil();
    else ctx.reply.raw(list.encodedAt(i));
  },
};

interface RangePlan {
  key: string;
  start: number;
  end: number;
}

/** LRANGE and LTRIM read both indexes before looking at the key. */
export function parseRange(argv: Buffer[]): RangePlan | ErrorReply {
  const start = readLong(argv[2]);
  if (start instanceof ErrorReply) return start;
  const end = readLong(argv[3]);
  if (end instanceof ErrorReply) return end;
  return { key: argv[1].toString('latin1'), start, end };
}

export const lrangeHandler: Handler<RangePlan> = {
  name: 'lrange',
  parse: parseRange,
  exec(ctx, p) {
    const e = lookupList(ctx.ks, ctx.session.db, p.key, false);
    if (e === undefined) return ctx.reply.array(0);
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const list = listOf(e);
    const r = clampRange(list.length, p.start, p.end);
    if (r === null) return ctx.reply.array(0);
    ctx.reply.array(r.end - r.start + 1);
    // The list keeps its elements RESP-encoded: each node's run goes out with one copy (see list/chunk.ts).
    list.encodedRuns(r.start, r.end, (run) => ctx.reply.raw(run));
  },
};

interface LposPlan {
  key: string;
  element: Buffer;
  opts: LposOptions;
}

export const lposHandler: Handler<LposPlan> = {
  name: 'lpos',
  parse(argv) {
    const opts = parseLposOptions(argv);
    if (opts instanceof ErrorReply) return opts;
    return { key: argv[1].toString('latin1'), element: argv[2], opts };
  },
  exec(ctx, p) {
    const withCount = p.opts.count !== -1;
    const e = lookupList(ctx.ks, ctx.session.db, p.key, false);
    if (e === undefined) return withCount ? ctx.reply.array(0) : ctx.reply.nil();
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const found = lposMatches(listOf(e), p.element, p.opts);
    if (withCount) {
      ctx.reply.array(found.length);
      for (const i of found) ctx.reply.integer(i);
    } else if (found.length === 0) ctx.reply.nil();
    else ctx.reply.integer(found[0]);
  },
};

/** The indexes LPOS reports: matches from the rank-th on, up to count (0 = all), within maxlen (0 = all). */
function lposMatches(list: ListObject, element: Buffer, o: LposOptions): number[] {
  const len = list.length;
  const limit = o.count === -1 ? 1 : o.count;
  const scan = o.maxlen === 0 ? len : Math.min(o.maxlen, len);
  const out: number[] = [];
  let matches = 0;
  for (let n = 0; n < scan; n++) {
    const i = o.fromTail ? len - 1 - n : n;
    if (!list.at(i).equals(element)) continue;
    if (++matches < o.rank) continue;
    out.push(i);
    if (limit !== 0 && !o.unlimited && out.length >= limit) break;
  }
  return out;
}
