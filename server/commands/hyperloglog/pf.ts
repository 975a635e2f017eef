// PFADD, PFCOUNT and PFMERGE: HyperLogLog estimates kept in string values (keyspace/hyperloglog.ts does the work).
import { HLL_CORRUPT, NOT_HLL, pfAdd, pfCountOne, pfCountUnion, pfMerge, type HllStatus } from '../../keyspace/hyperloglog.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_HLL_CORRUPT, ERR_NOT_HLL, ERR_WRONGTYPE } from '../../resp/errors.js';
import type { Context, Handler } from '../types.js';

const MESSAGES = new Map<symbol, string>([
  [WRONGTYPE, ERR_WRONGTYPE],
  [NOT_HLL, ERR_NOT_HLL],
  [HLL_CORRUPT, ERR_HLL_CORRUPT],
]);

function replyStatus(ctx: Context, s: HllStatus): void {
  ctx.reply.error(MESSAGES.get(s)!);
}

interface KeysPlan {
  keys: string[];
}

interface AddPlan {
  key: string;
  elements: Buffer[];
}

export const pfaddHandler: Handler<AddPlan> = {
  name: 'pfadd',
  parse: (argv) => ({ key: argv[1].toString('latin1'), elements: argv.slice(2) }),
  exec(ctx, p) {
    const r = pfAdd(ctx.ks, ctx.session.db, p.key, p.elements);
    if (typeof r === 'symbol') replyStatus(ctx, r);
    else ctx.reply.integer(r);
  },
};

export const pfcountHandler: Handler<KeysPlan> = {
  name: 'pfcount',
  parse: (argv) => ({ keys: argv.slice(1).map((k) => k.toString('latin1')) }),
  exec(ctx, p) {
    const db = ctx.session.db;
    const r = p.keys.length === 1 ? pfCountOne(ctx.ks, db, p.keys[0]) : pfCountUnion(ctx.ks, db, p.keys);
    if (typeof r === 'symbol') replyStatus(ctx, r);
    else ctx.reply.integer(r);
  },
};

export const pfmergeHandler: Handler<KeysPlan> = {
  name: 'pfmerge',
  parse: (argv) => ({ keys: argv.slice(1).map((k) => k.toString('latin1')) }),
  exec(ctx, p) {
    const r = pfMerge(ctx.ks, ctx.session.db, p.keys[0], p.keys.slice(1));
    if (r === true) ctx.reply.ok();
    else replyStatus(ctx, r);
  },
};
