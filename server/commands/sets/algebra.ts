// Set algebra: SMEMBERS (SINTER of one key, as in Redis 7.0), SINTER, SINTERCARD, SINTERSTORE, SUNION,
// SUNIONSTORE, SDIFF, SDIFFSTORE. Every key is type-checked before a missing one empties an intersection.
import { difference, intersect, readSets, SetValue, storeResult, union } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_LIST_NUMKEYS, ERR_SET_NUMKEYS_EXCEED_ARGS, ERR_SYNTAX, ERR_WRONGTYPE, ERR_ZSET_LIMIT_NEGATIVE } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { replyMemberSet } from './reply.js';

interface KeysPlan {
  /** Null for the reading forms; the *STORE destination otherwise. */
  dst: string | null;
  keys: string[];
}

const latin1 = (b: Buffer): string => b.toString('latin1');
const readPlan = (argv: Buffer[]): KeysPlan => ({ dst: null, keys: argv.slice(1).map(latin1) });
const storePlan = (argv: Buffer[]): KeysPlan => ({ dst: latin1(argv[1]), keys: argv.slice(2).map(latin1) });

/** The sets of `keys`, or null after replying WRONGTYPE. */
function setsOrReply(ctx: Context, keys: string[]): (SetValue | undefined)[] | null {
  const sets = readSets(ctx.ks, ctx.session.db, keys);
  if (sets !== WRONGTYPE) return sets;
  ctx.reply.error(ERR_WRONGTYPE);
  return null;
}

/** The intersection as a result set, or null when some key is missing (the result is then empty). */
function present(sets: (SetValue | undefined)[]): SetValue[] | null {
  return sets.every((s) => s !== undefined) ? (sets as SetValue[]) : null;
}

function execInter(ctx: Context, p: KeysPlan): void {
  const sets = setsOrReply(ctx, p.keys);
  if (sets === null) return;
  const all = present(sets);
  const members = all === null ? [] : intersect(all);
  if (p.dst === null) replyMemberSet(ctx.reply, members);
  else ctx.reply.integer(storeResult(ctx.ks, ctx.session.db, p.dst, SetValue.from(members), 'sinterstore'));
}

function execUnionOrDiff(ctx: Context, p: KeysPlan, op: 'union' | 'diff'): void {
  const sets = setsOrReply(ctx, p.keys);
  if (sets === null) return;
  const result = op === 'union' ? union(sets) : difference(sets);
  if (p.dst === null) replyMemberSet(ctx.reply, result.members());
  else ctx.reply.integer(storeResult(ctx.ks, ctx.session.db, p.dst, result, op === 'union' ? 'sunionstore' : 'sdiffstore'));
}

export const smembers: Handler<KeysPlan> = { name: 'smembers', parse: readPlan, exec: execInter };
export const sinter: Handler<KeysPlan> = { name: 'sinter', parse: readPlan, exec: execInter };
export const sinterstore: Handler<KeysPlan> = { name: 'sinterstore', parse: storePlan, exec: execInter };
export const sunion: Handler<KeysPlan> = { name: 'sunion', parse: readPlan, exec: (ctx, p) => execUnionOrDiff(ctx, p, 'union') };
export const sunionstore: Handler<KeysPlan> = { name: 'sunionstore', parse: storePlan, exec: (ctx, p) => execUnionOrDiff(ctx, p, 'union') };
export const sdiff: Handler<KeysPlan> = { name: 'sdiff', parse: readPlan, exec: (ctx, p) => execUnionOrDiff(ctx, p, 'diff') };
export const sdiffstore: Handler<KeysPlan> = { name: 'sdiffstore', parse: storePlan, exec: (ctx, p) => execUnionOrDiff(ctx, p, 'diff') };

interface CardPlan {
  keys: string[];
  /** 0 = no limit. */
  limit: number;
}

/** SINTERCARD numkeys key [key ...] [LIMIT limit]: every argument error comes before any key is read. */
export const sintercard: Handler<CardPlan> = {
  name: 'sintercard',
  parse(argv) {
    const numkeys = parseLongLong(argv[1]);
    if (numkeys === null || numkeys < 1n) return new ErrorReply(ERR_LIST_NUMKEYS);
    if (numkeys > BigInt(argv.length - 2)) return new ErrorReply(ERR_SET_NUMKEYS_EXCEED_ARGS);
    const n = Number(numkeys);
    let limit = 0;
    for (let i = 2 + n; i < argv.length; i++) {
      if (!isOption(argv[i], 'limit') || i + 1 >= argv.length) return new ErrorReply(ERR_SYNTAX);
      const v = parseLongLong(argv[++i]);
      if (v === null || v < 0n) return new ErrorReply(ERR_ZSET_LIMIT_NEGATIVE);
      limit = Number(v);
    }
    return { keys: argv.slice(2, 2 + n).map(latin1), limit };
  },
  exec(ctx, p) {
    const sets = setsOrReply(ctx, p.keys);
    if (sets === null) return;
    const all = present(sets);
    ctx.reply.integer(all === null ? 0 : intersect(all, p.limit).length);
  },
};
