// HRANDFIELD key [count [WITHVALUES]]: one random field, `count` distinct fields (the whole hash, in its order,
// when count reaches its size), or -count fields drawn with repetition. Which fields come out is random; the
// shapes, limits and errors are Redis's.
import { readHash, type HashObject } from '../../keyspace/hash.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, ERR_VALUE_OUT_OF_RANGE, ERR_WRONGTYPE, longOutOfRange } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { isOption, parseLongLong } from '../args.js';

const LONG_MAX = 2n ** 63n - 1n;

interface RandPlan {
  key: string;
  /** Null for the single-field form. */
  count: number | null;
  withValues: boolean;
}

function parseRand(argv: Buffer[]): RandPlan | ErrorReply {
  const plan: RandPlan = { key: argv[1].toString('latin1'), count: null, withValues: false };
  if (argv.length < 3) return plan;
  const l = parseLongLong(argv[2]);
  if (l === null) return new ErrorReply(ERR_NOT_INTEGER);
  if (l < -LONG_MAX) return new ErrorReply(longOutOfRange(-LONG_MAX, LONG_MAX));
  if (argv.length > 4 || (argv.length === 4 && !isOption(argv[3], 'withvalues'))) return new ErrorReply(ERR_SYNTAX);
  if (argv.length === 4) {
    // Redis refuses counts whose doubled reply length would overflow a long.
    if (l < -LONG_MAX / 2n || l > LONG_MAX / 2n) return new ErrorReply(ERR_VALUE_OUT_OF_RANGE);
    plan.withValues = true;
  }
  plan.count = Number(l);
  return plan;
}

/** The reply's array header for `n` picks: pairs are flat in RESP2 and nested arrays in RESP3. */
function header(ctx: Context, n: number, withValues: boolean): void {
  ctx.reply.array(withValues && ctx.reply.resp === 2 ? n * 2 : n);
}

function pick(ctx: Context, h: HashObject, field: string, withValues: boolean): void {
  if (withValues && ctx.reply.resp === 3) ctx.reply.array(2);
  ctx.reply.bulkString(field, 'latin1');
  if (withValues) ctx.reply.bulk(h.get(field)!);
}

/**
 * Draws fields uniformly with repetition. A listpack-sized hash is small: one array of its fields per command is
 * cheaper than keeping an index on it; a hashtable uses its field index (built once, then kept in step).
 */
function sampler(h: HashObject): () => string {
  if (!h.listpack) {
    const index = h.fieldIndex();
    return () => index.random();
  }
  const all = [...h.keys()];
  return () => all[Math.floor(Math.random() * all.length)];
}

/** `count` distinct fields (count < size). */
function distinct(h: HashObject, count: number): string[] {
  if (count * 3 > h.size) {
    // Many of them: choose positions by a partial shuffle and keep the hash's order, as a listpack sample does.
    const all = [...h.keys()];
    const positions = all.map((_, i) => i);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(Math.random() * (all.length - i));
      [positions[i], positions[j]] = [positions[j], positions[i]];
    }
    return positions.slice(0, count).sort((a, b) => a - b).map((i) => all[i]);
  }
  const draw = sampler(h);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(draw());
  return [...chosen];
}

function withCount(ctx: Context, h: HashObject, count: number, withValues: boolean): void {
  if (count === 0) {
    ctx.reply.array(0);
    return;
  }
  if (count < 0) {
    const draw = sampler(h);
    header(ctx, -count, withValues);
    for (let i = 0; i < -count; i++) pick(ctx, h, draw(), withValues);
    return;
  }
  const fields = count >= h.size ? [...h.keys()] : distinct(h, count);
  header(ctx, fields.length, withValues);
  for (const f of fields) pick(ctx, h, f, withValues);
}

export const hrandfieldHandler: Handler<RandPlan> = {
  name: 'hrandfield',
  parse: parseRand,
  exec(ctx, p) {
    const h = readHash(ctx.ks, ctx.session.db, p.key);
    if (h === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else if (p.count === null) {
      if (h === undefined) ctx.reply.nil();
      else ctx.reply.bulkString(sampler(h)(), 'latin1');
    } else if (h === undefined) ctx.reply.array(0);
    else withCount(ctx, h, p.count, p.withValues);
  },
};
