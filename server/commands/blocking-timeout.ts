// What the blocking commands (BLPOP … BZMPOP) share: their timeout argument, read as Redis 7.0's
// getTimeoutFromObjectOrReply reads it (seconds as a long double, scaled to ms, rounded up, cast to a C long
// long), and what they do when nothing can serve them. The waiting itself is commands/blocking.ts's.
import { formatLongDouble, isFiniteLongDouble } from '../platform/native.js';
import { parseLongDouble } from '../keyspace/number-parse.js';
import { ERR_TIMEOUT_NEGATIVE, ERR_TIMEOUT_NOT_FLOAT } from '../resp/errors.js';
import { ErrorReply, type Context } from './types.js';

const LLONG_LIMIT = 2 ** 63;

/** Milliseconds to wait (0 = forever), or the error Redis answers. */
export function parseBlockTimeout(arg: Buffer): number | ErrorReply {
  const v = parseLongDouble(arg);
  if (v === null) return new ErrorReply(ERR_TIMEOUT_NOT_FLOAT);
  // An infinite or out-of-range product casts to LLONG_MIN on x86-64, which Redis then calls negative.
  if (!isFiniteLongDouble(v)) return new ErrorReply(ERR_TIMEOUT_NEGATIVE);
  const ms = Math.ceil(Number(formatLongDouble(v, 'auto')) * 1000);
  if (!(ms < LLONG_LIMIT) || ms < 0) return new ErrorReply(ERR_TIMEOUT_NEGATIVE);
  // ceil of a small negative number is -0, which C casts to 0 (wait forever).
  return ms === 0 ? 0 : ms;
}

/** BLPOP-style arguments: keys, then the timeout last. */
export function parseKeysThenTimeout(argv: Buffer[]): { keys: string[]; timeoutMs: number } | ErrorReply {
  const timeoutMs = parseBlockTimeout(argv[argv.length - 1]);
  if (timeoutMs instanceof ErrorReply) return timeoutMs;
  return { keys: argv.slice(1, -1).map((k) => k.toString('latin1')), timeoutMs };
}

/**
 * The non-blocking form's plan with the timeout at `at` added, read after the plan as Redis reads it (BLMPOP,
 * BZMPOP, BLMOVE: a syntax error wins over a bad timeout).
 */
export function withTimeout<P extends object>(plan: P | ErrorReply, argv: Buffer[], at: number): (P & { timeoutMs: number }) | ErrorReply {
  if (plan instanceof ErrorReply) return plan;
  const timeoutMs = parseBlockTimeout(argv[at]);
  if (timeoutMs instanceof ErrorReply) return timeoutMs;
  return { ...plan, timeoutMs };
}

/**
 * Nothing to serve: block on `keys` as the command's last act, or inside MULTI/EXEC answer as a timeout would —
 * a null array, or for BLMOVE and BRPOPLPUSH (`nullArray` false) a null bulk, as Redis's blmoveGenericCommand.
 */
export function blockOrGiveUp(ctx: Context, keys: string[], timeoutMs: number, nullArray = true): void {
  if (ctx.canBlock) ctx.block(keys, timeoutMs);
  else if (nullArray) ctx.reply.nilArray();
  else ctx.reply.nil();
}
