// The timeout argument of blocking commands (BLPOP … BZMPOP), read as Redis 7.0's getTimeoutFromObjectOrReply
// reads it: seconds as a long double, scaled to ms, rounded up, then cast to a C long long. Pure; no data.
import { formatLongDouble, isFiniteLongDouble } from '../platform/native.js';
import { parseLongDouble } from '../keyspace/number-parse.js';
import { ERR_TIMEOUT_NEGATIVE, ERR_TIMEOUT_NOT_FLOAT } from '../resp/errors.js';
import { ErrorReply } from './types.js';

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
