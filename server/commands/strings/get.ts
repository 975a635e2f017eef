// Reads of whole string values: GET, MGET, STRLEN, and the reads that also change the key: GETDEL, GETEX.
// Values are views of the log, replied within the command and never kept.
import { changeExpiry, deleteKey, lookupStringRead } from '../../keyspace/strings.js';
import { ValueType, WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { Opt, parseExpire, parseExtendedOptions, resolveDeadline, type ExpireSpec } from './expiry-options.js';

interface KeyPlan {
  key: string;
}

const keyPlan = (argv: Buffer[]): KeyPlan => ({ key: argv[1].toString('latin1') });

/** GET's whole behaviour; also what the hot path (commands/fast-path.ts) runs for a plain GET. */
export function execGet(ctx: Context, key: string): void {
  const v = ctx.ks.readString(ctx.session.db, key);
  if (v === null) ctx.reply.nil();
  else if (v === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.bulk(v);
}

export const getHandler: Handler<KeyPlan> = {
  name: 'get',
  parse: keyPlan,
  exec: (ctx, p) => execGet(ctx, p.key),
};

export const getdelHandler: Handler<KeyPlan> = {
  name: 'getdel',
  parse: keyPlan,
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupStringRead(ctx.ks, db, p.key);
    if (e === undefined) return ctx.reply.nil();
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    // The value is replied before the delete, so its notification follows the reply as in Redis.
    ctx.reply.bulk(ctx.ks.valueOf(e));
    deleteKey(ctx.ks, db, p.key);
  },
};

/** MGET: nil for a missing key and for a key of another type. */
export const mgetHandler: Handler<string[]> = {
  name: 'mget',
  parse: (argv) => argv.slice(1).map((k) => k.toString('latin1')),
  exec(ctx, keys) {
    ctx.reply.array(keys.length);
    for (const key of keys) {
      const e = ctx.ks.lookupRead(ctx.session.db, key);
      if (e === undefined || e.type !== ValueType.String) ctx.reply.nil();
      else ctx.reply.bulk(ctx.ks.valueOf(e));
    }
  },
};

export const strlenHandler: Handler<KeyPlan> = {
  name: 'strlen',
  parse: keyPlan,
  exec(ctx, p) {
    const e = lookupStringRead(ctx.ks, ctx.session.db, p.key);
    if (e === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(e === undefined ? 0 : e.len);
  },
};

interface GetexPlan {
  key: string;
  persist: boolean;
  /** The expiry argument, or its error: Redis reports a bad value only once the key was found to be a string. */
  expire: ExpireSpec | ErrorReply | null;
}

/** GETEX: like GET, then sets, clears (PERSIST) or, for an EXAT/PXAT in the past, deletes. */
export const getexHandler: Handler<GetexPlan> = {
  name: 'getex',
  parse(argv) {
    const opts = parseExtendedOptions(argv, 2, false);
    if (opts instanceof ErrorReply) return opts;
    const expire = opts.expireArg === null ? null : parseExpire(opts.expireArg, opts.flags, 'getex');
    return { key: argv[1].toString('latin1'), persist: (opts.flags & Opt.Persist) !== 0, expire };
  },
  exec(ctx, p) {
    const db = ctx.session.db;
    const e = lookupStringRead(ctx.ks, db, p.key);
    if (e === undefined) return ctx.reply.nil();
    if (e === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (p.expire instanceof ErrorReply) return ctx.reply.error(p.expire.message);
    const at = p.expire === null ? null : resolveDeadline(p.expire, 'getex');
    if (at instanceof ErrorReply) return ctx.reply.error(at.message);
    ctx.reply.bulk(ctx.ks.valueOf(e));
    if (at !== null) changeExpiry(ctx.ks, db, p.key, e, at);
    else if (p.persist) changeExpiry(ctx.ks, db, p.key, e, 'persist');
  },
};
