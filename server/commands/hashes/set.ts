// HSET, HMSET, HSETNX and HDEL: the hash family's writes of given values. Parsing checks only what Redis checks
// before looking at the key (HSET's field/value pairing); the keyspace does the rest.
import { hashDelete, hashSet, hashSetNx, hashSetOne } from '../../keyspace/hash.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE, wrongArity } from '../../resp/errors.js';
import { keyString } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

interface SetPlan {
  key: string;
  /** field, value, field, value … (views into argv: the keyspace copies what it keeps). */
  pairs: Buffer[];
}

/** HSET's effect and reply: the number of fields created. */
export function execHset(ctx: Context, key: string, pairs: readonly Buffer[]): void {
  const r = hashSet(ctx.ks, ctx.session.db, key, pairs);
  if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.integer(r);
}

/** HSET of one field and value given by place in `src` (the hot path's: no view of them is made). */
export function execHsetOne(ctx: Context, key: string, src: Buffer, fAt: number, fLen: number, vAt: number, vLen: number): void {
  const r = hashSetOne(ctx.ks, ctx.session.db, key, src, fAt, fLen, vAt, vLen);
  if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
  else ctx.reply.integer(r);
}

function setHandler(name: 'hset' | 'hmset'): Handler<SetPlan> {
  return {
    name,
    parse(argv) {
      // The spec's arity only says "at least 4"; an unpaired field is an arity error too.
      if (argv.length % 2 === 1) return new ErrorReply(wrongArity(name));
      return { key: keyString(argv[1]), pairs: argv.slice(2) };
    },
    exec(ctx, p) {
      if (name === 'hset') return execHset(ctx, p.key, p.pairs);
      const r = hashSet(ctx.ks, ctx.session.db, p.key, p.pairs);
      if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
      else ctx.reply.ok();
    },
  };
}

export const hsetHandler = setHandler('hset');
export const hmsetHandler = setHandler('hmset');

export const hsetnxHandler: Handler<Buffer[]> = {
  name: 'hsetnx',
  parse: (argv) => argv,
  exec(ctx, argv) {
    const r = hashSetNx(ctx.ks, ctx.session.db, argv[1].toString('latin1'), argv[2], argv[3]);
    if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(r ? 1 : 0);
  },
};

export const hdelHandler: Handler<Buffer[]> = {
  name: 'hdel',
  parse: (argv) => argv,
  exec(ctx, argv) {
    const r = hashDelete(ctx.ks, ctx.session.db, argv[1].toString('latin1'), argv.slice(2));
    if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(r);
  },
};
