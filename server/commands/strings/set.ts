// SET (with NX XX GET KEEPTTL EX PX EXAT PXAT), SETNX, SETEX, PSETEX and GETSET: whole-value writes whose
// value encoding follows tryObjectEncoding. Option checks are in parse; the clock is read in exec.
import { lookupStringRead, setValue, type SetCondition } from '../../keyspace/strings.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { Opt, parseExpire, parseExtendedOptions, resolveDeadline, type ExpireSpec } from './expiry-options.js';

interface SetPlan {
  /** The command's name, for "invalid expire time in '<name>' command". */
  name: string;
  key: string;
  value: Buffer;
  flags: number;
  expire: ExpireSpec | null;
  /** What to answer when written / when NX or XX prevented it (SETNX answers 1 / 0). */
  written: 'ok' | 'one';
}

/** setGenericCommand: deadline, then the optional GET, then the conditional write. */
function execSet(ctx: Context, p: SetPlan): void {
  let expireAt = 0;
  if (p.expire !== null) {
    const at = resolveDeadline(p.expire, p.name);
    if (at instanceof ErrorReply) return ctx.reply.error(at.message);
    expireAt = at;
  }
  const db = ctx.session.db;
  const withGet = (p.flags & Opt.Get) !== 0;
  if (withGet && !replyCurrent(ctx, p.key)) return;
  const cond = { nx: (p.flags & Opt.NX) !== 0, xx: (p.flags & Opt.XX) !== 0, keepTtl: (p.flags & Opt.KeepTtl) !== 0, expireAt };
  const done = setValue(ctx.ks, db, p.key, p.value, cond);
  if (withGet) return;
  if (p.written === 'one') ctx.reply.integer(done ? 1 : 0);
  else if (done) ctx.reply.ok();
  else ctx.reply.nil();
}

/** getGenericCommand: replies the current value (or nil); false, after replying WRONGTYPE, for another type. */
function replyCurrent(ctx: Context, key: string): boolean {
  const e = lookupStringRead(ctx.ks, ctx.session.db, key);
  if (e === WRONGTYPE) {
    ctx.reply.error(ERR_WRONGTYPE);
    return false;
  }
  if (e === undefined) ctx.reply.nil();
  else ctx.reply.bulk(ctx.ks.valueOf(e));
  return true;
}

const PLAIN: SetCondition = { nx: false, xx: false, keepTtl: false, expireAt: 0 };

/** SET key value without options; what the hot path (commands/fast-path.ts) runs for a plain SET. */
export function execPlainSet(ctx: Context, key: string, value: Buffer): void {
  setValue(ctx.ks, ctx.session.db, key, value, PLAIN);
  ctx.reply.ok();
}

export const setHandler: Handler<SetPlan> = {
  name: 'set',
  parse(argv) {
    const opts = parseExtendedOptions(argv, 3, true);
    if (opts instanceof ErrorReply) return opts;
    let expire: ExpireSpec | null = null;
    if (opts.expireArg !== null) {
      const spec = parseExpire(opts.expireArg, opts.flags, 'set');
      if (spec instanceof ErrorReply) return spec;
      expire = spec;
    }
    return { name: 'set', key: argv[1].toString('latin1'), value: argv[2], flags: opts.flags, expire, written: 'ok' };
  },
  exec: execSet,
};

export const setnxHandler: Handler<SetPlan> = {
  name: 'setnx',
  parse: (argv) => ({ name: 'setnx', key: argv[1].toString('latin1'), value: argv[2], flags: Opt.NX, expire: null, written: 'one' }),
  exec: execSet,
};

/** SETEX / PSETEX key ttl value. */
function setWithTtl(name: 'setex' | 'psetex', unit: Opt.EX | Opt.PX): Handler<SetPlan> {
  return {
    name,
    parse(argv) {
      const spec = parseExpire(argv[2], unit, name);
      if (spec instanceof ErrorReply) return spec;
      return { name, key: argv[1].toString('latin1'), value: argv[3], flags: unit, expire: spec, written: 'ok' };
    },
    exec: execSet,
  };
}

export const setexHandler = setWithTtl('setex', Opt.EX);
export const psetexHandler = setWithTtl('psetex', Opt.PX);

/** GETSET: the old value (or nil), then a plain SET that clears the deadline. */
export const getsetHandler: Handler<{ key: string; value: Buffer }> = {
  name: 'getset',
  parse: (argv) => ({ key: argv[1].toString('latin1'), value: argv[2] }),
  exec(ctx, p) {
    if (!replyCurrent(ctx, p.key)) return;
    setValue(ctx.ks, ctx.session.db, p.key, p.value, { nx: false, xx: false, keepTtl: false, expireAt: 0 });
  },
};
