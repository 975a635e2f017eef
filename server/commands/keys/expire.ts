// EXPIRE, PEXPIRE, EXPIREAT, PEXPIREAT (with NX XX GT LT) and PERSIST. The relative or absolute time becomes an
// absolute deadline in ms before anything is logged; a deadline already past deletes the key instead.
import { now } from '../../clock.js';
import { expireKeyAt, persistKey, writeKey } from '../../keyspace/keys.js';
import { NotifyClass } from '../../keyspace/notify.js';
import {
  ERR_EXPIRE_GT_LT_CONFLICT, ERR_EXPIRE_NX_CONFLICT, ERR_NOT_INTEGER, invalidExpireTime, unsupportedOption,
} from '../../resp/errors.js';
import { ErrorReply, simpleHandler, type Context, type Handler } from '../types.js';
import { cString, parseLongLong } from '../args.js';

const LLONG_MAX = 2n ** 63n - 1n;
const LLONG_MIN = -(2n ** 63n);

const enum Cond {
  NX = 1,
  XX = 2,
  GT = 4,
  LT = 8,
}

interface ExpirePlan {
  key: string;
  /** Milliseconds: absolute, or relative to now when `relative`. */
  when: bigint;
  relative: boolean;
  cond: number;
}

/** The NX/XX/GT/LT flags, or Redis's error for an unknown or conflicting one. */
function parseConditions(argv: Buffer[]): number | ErrorReply {
  let cond = 0;
  for (let i = 3; i < argv.length; i++) {
    const opt = cString(argv[i]);
    switch (opt.toLowerCase()) {
      case 'nx': cond |= Cond.NX; break;
      case 'xx': cond |= Cond.XX; break;
      case 'gt': cond |= Cond.GT; break;
      case 'lt': cond |= Cond.LT; break;
      default:
        // The option is echoed as text; as UTF-8 it round-trips whenever the client sent valid UTF-8.
        return new ErrorReply(unsupportedOption(Buffer.from(opt, 'latin1').toString('utf8')));
    }
  }
  if (cond & Cond.NX && cond & (Cond.XX | Cond.GT | Cond.LT)) return new ErrorReply(ERR_EXPIRE_NX_CONFLICT);
  if (cond & Cond.GT && cond & Cond.LT) return new ErrorReply(ERR_EXPIRE_GT_LT_CONFLICT);
  return cond;
}

/** True when the NX/XX/GT/LT conditions let the new deadline replace `current` (-1: none). */
function allowed(cond: number, current: bigint, when: bigint): boolean {
  if (cond & Cond.NX && current !== -1n) return false;
  if (cond & Cond.XX && current === -1n) return false;
  // No deadline counts as infinite: GT never beats it, LT always does.
  if (cond & Cond.GT && (current === -1n || when <= current)) return false;
  if (cond & Cond.LT && current !== -1n && when >= current) return false;
  return true;
}

function expireHandler(name: string, seconds: boolean, relative: boolean): Handler<ExpirePlan> {
  return {
    name,
    parse(argv) {
      const cond = parseConditions(argv);
      if (cond instanceof ErrorReply) return cond;
      let when = parseLongLong(argv[2]);
      if (when === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (seconds) {
        if (when > LLONG_MAX / 1000n || when < LLONG_MIN / 1000n) return new ErrorReply(invalidExpireTime(name));
        when *= 1000n;
      }
      return { key: argv[1].toString('latin1'), when, relative, cond };
    },
    exec(ctx, plan) {
      const base = plan.relative ? BigInt(now()) : 0n;
      if (plan.when > LLONG_MAX - base) {
        ctx.reply.error(invalidExpireTime(name));
        return;
      }
      const when = plan.when + base;
      const db = ctx.session.db;
      const e = writeKey(ctx.ks, db, plan.key);
      if (e === undefined || (plan.cond !== 0 && !allowed(plan.cond, e.expireAt === 0 ? -1n : BigInt(e.expireAt), when))) {
        ctx.reply.integer(0);
        return;
      }
      // Redis announces a delete before its reply but a new deadline after it.
      if (expireKeyAt(ctx.ks, db, plan.key, e, Number(when)) === 'deleted') {
        ctx.ks.notify(NotifyClass.Generic, 'del', db, plan.key);
        ctx.reply.integer(1);
      } else {
        ctx.reply.integer(1);
        ctx.ks.notify(NotifyClass.Generic, 'expire', db, plan.key);
      }
    },
  };
}

const persist = simpleHandler('persist', (ctx: Context, argv) => {
  const db = ctx.session.db;
  const key = argv[1].toString('latin1');
  const e = writeKey(ctx.ks, db, key);
  ctx.reply.integer(e !== undefined && persistKey(ctx.ks, db, key, e) ? 1 : 0);
});

export const EXPIRE_HANDLERS: Handler<any>[] = [
  expireHandler('expire', true, true),
  expireHandler('pexpire', false, true),
  expireHandler('expireat', true, false),
  expireHandler('pexpireat', false, false),
  persist,
];
