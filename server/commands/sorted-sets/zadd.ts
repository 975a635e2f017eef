// ZADD (NX XX GT LT CH INCR) and ZINCRBY: every option and score is checked before the key is looked at, as
// zaddGenericCommand does, so a bad score never leaves a half-applied command.
import { zadd, type AddFlags } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import {
  ERR_SYNTAX, ERR_WRONGTYPE, ERR_ZADD_GT_LT_NX, ERR_ZADD_INCR_PAIRS, ERR_ZADD_XX_NX, ERR_ZSET_NAN,
} from '../../resp/errors.js';
import { keyString, word } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { readScore } from './args.js';

interface ZaddPlan {
  key: string;
  flags: AddFlags;
  ch: boolean;
  /** Scores with their members' bytes (argv views). */
  pairs: [number, Buffer][];
}

const OPTIONS = new Set(['nx', 'xx', 'ch', 'incr', 'gt', 'lt']);
/** First letters of OPTIONS, either case: a score argument ("12", "-inf") is told apart without a string. */
const OPTION_INITIALS = new Set([...'nxcigl'].map((c) => c.charCodeAt(0)));

function mayBeOption(b: Buffer): boolean {
  return b.length > 0 && OPTION_INITIALS.has(b[0] | 0x20);
}

function parseZadd(argv: Buffer[], incr: boolean): ZaddPlan | ErrorReply {
  const flags: AddFlags = { incr, nx: false, xx: false, gt: false, lt: false };
  let ch = false;
  let at = 2;
  for (; at < argv.length; at++) {
    if (!mayBeOption(argv[at])) break;
    const opt = word(argv[at]);
    // strcasecmp on the C string: an option followed by a NUL byte still counts.
    if (!OPTIONS.has(opt)) break;
    if (opt === 'ch') ch = true;
    else flags[opt as keyof AddFlags] = true;
  }
  const rest = argv.length - at;
  if (rest === 0 || rest % 2 !== 0) return new ErrorReply(ERR_SYNTAX);
  if (flags.nx && flags.xx) return new ErrorReply(ERR_ZADD_XX_NX);
  if ((flags.gt && flags.nx) || (flags.lt && flags.nx) || (flags.gt && flags.lt)) return new ErrorReply(ERR_ZADD_GT_LT_NX);
  if (flags.incr && rest > 2) return new ErrorReply(ERR_ZADD_INCR_PAIRS);
  const pairs: [number, Buffer][] = [];
  for (let i = at; i < argv.length; i += 2) {
    const score = readScore(argv[i]);
    if (score instanceof ErrorReply) return score;
    pairs.push([score, argv[i + 1]]);
  }
  return { key: keyString(argv[1]), flags, ch, pairs };
}

function execZadd(ctx: Context, p: ZaddPlan): void {
  const r = zadd(ctx.ks, ctx.session.db, p.key, p.pairs, p.flags);
  if (r === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
  if (r.nan) return ctx.reply.error(ERR_ZSET_NAN);
  if (p.flags.incr) {
    if (r.processed > 0) ctx.reply.double(r.score);
    else ctx.reply.nil();
  } else {
    ctx.reply.integer(p.ch ? r.added + r.updated : r.added);
  }
}

const NO_FLAGS: AddFlags = Object.freeze({ incr: false, nx: false, xx: false, gt: false, lt: false });

/** ZADD key score member, as parseZadd and execZadd would run it (the hot path's; the score is not an option). */
export function execZaddOne(ctx: Context, key: string, score: Buffer, member: Buffer): void {
  const s = readScore(score);
  if (s instanceof ErrorReply) return ctx.reply.error(s.message);
  execZadd(ctx, { key, flags: NO_FLAGS, ch: false, pairs: [[s, member]] });
}

export const zaddHandler: Handler<ZaddPlan> = {
  name: 'zadd',
  parse: (argv) => parseZadd(argv, false),
  exec: execZadd,
};

export const zincrbyHandler: Handler<ZaddPlan> = {
  name: 'zincrby',
  parse: (argv) => parseZadd(argv, true),
  exec: execZadd,
};
