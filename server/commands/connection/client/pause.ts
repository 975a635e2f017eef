// CLIENT PAUSE <timeout-ms> [WRITE|ALL] and CLIENT UNPAUSE. The registry (net/) holds commands back; a new pause
// can only lengthen the current one or widen it from WRITE to ALL, as in Redis 7.0.
import { ERR_PAUSE_MODE, ERR_TIMEOUT_NEGATIVE, ERR_TIMEOUT_NOT_INTEGER, subcommandSyntaxError } from '../../../resp/errors.js';
import { now } from '../../../clock.js';
import { ErrorReply, simpleHandler, type Handler } from '../../types.js';
import { parseLongLong, word } from '../../args.js';

const LLONG_MAX = 2n ** 63n - 1n;

interface PausePlan {
  timeoutMs: bigint;
  writesOnly: boolean;
}

export const clientPause: Handler<PausePlan> = {
  name: 'client|pause',
  parse(argv) {
    if (argv.length > 4) return new ErrorReply(subcommandSyntaxError(argv[1], argv[0].toString('latin1')));
    let writesOnly = false;
    if (argv.length === 4) {
      const mode = word(argv[3]);
      if (mode !== 'write' && mode !== 'all') return new ErrorReply(ERR_PAUSE_MODE);
      writesOnly = mode === 'write';
    }
    const timeoutMs = parseLongLong(argv[2]);
    if (timeoutMs === null) return new ErrorReply(ERR_TIMEOUT_NOT_INTEGER);
    if (timeoutMs < 0n) return new ErrorReply(ERR_TIMEOUT_NEGATIVE);
    return { timeoutMs, writesOnly };
  },
  exec(ctx, plan) {
    ctx.server.clients.pause(pauseEnd(plan.timeoutMs, now()), plan.writesOnly);
    ctx.reply.ok();
  },
};

/**
 * The absolute end of the pause. Redis 7.0 adds the timeout to the clock in a signed 64-bit integer without an
 * overflow check, so a sum past LLONG_MAX wraps into the past and pauses nothing; that is kept. 0 stays 0.
 */
export function pauseEnd(timeoutMs: bigint, nowMs: number): number {
  if (timeoutMs === 0n) return 0;
  const end = timeoutMs + BigInt(nowMs);
  return end > LLONG_MAX ? -1 : Number(end);
}

export const clientUnpause = simpleHandler('client|unpause', (ctx) => {
  ctx.server.clients.unpause();
  ctx.reply.ok();
});
