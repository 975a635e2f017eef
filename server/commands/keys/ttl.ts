// TTL, PTTL, EXPIRETIME, PEXPIRETIME: a key's deadline, relative or absolute, in seconds or milliseconds;
// -2 for a missing key, -1 for a key without deadline. Reads only (LOOKUP_NOTOUCH).
import { now } from '../../clock.js';
import { readKeyNoTouch } from '../../keyspace/keys.js';
import { simpleHandler, type Handler } from '../types.js';

function ttlHandler(name: string, ms: boolean, absolute: boolean): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const e = readKeyNoTouch(ctx.ks, ctx.session.db, argv[1].toString('latin1'));
    if (e === undefined) {
      ctx.reply.integer(-2);
      return;
    }
    if (e.expireAt === 0) {
      ctx.reply.integer(-1);
      return;
    }
    const t = absolute ? e.expireAt : remaining(e.expireAt);
    ctx.reply.integer(ms ? t : seconds(t));
  });
}

/** Deadlines beyond 2^53 ms are doubles; BigInt keeps the arithmetic on them from rounding again. */
function remaining(expireAt: number): number | bigint {
  if (expireAt <= Number.MAX_SAFE_INTEGER) return Math.max(0, expireAt - now());
  return BigInt(expireAt) - BigInt(now());
}

/** Seconds rounded to nearest, as Redis's (ttl+500)/1000. */
function seconds(ms: number | bigint): number | bigint {
  if (typeof ms === 'bigint') return (ms + 500n) / 1000n;
  return ms <= Number.MAX_SAFE_INTEGER ? Math.floor((ms + 500) / 1000) : (BigInt(ms) + 500n) / 1000n;
}

export const TTL_HANDLERS: Handler<any>[] = [
  ttlHandler('ttl', false, false),
  ttlHandler('pttl', true, false),
  ttlHandler('expiretime', false, true),
  ttlHandler('pexpiretime', true, true),
];
