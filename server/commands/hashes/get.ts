// The hash family's reads: HGET, HMGET, HEXISTS, HSTRLEN, HLEN, HGETALL, HKEYS, HVALS. Nothing to parse beyond
// arity; each looks the key up for reading (hits and misses counted) and replies in the hash's current order.
// Single-field reads of a cold hash are answered from its IMAGE (see fieldRead).
import { readHash, type HashObject } from '../../keyspace/hash.js';
import { hashImageField } from '../../keyspace/hash/codec.js';
import { ValueType, WRONGTYPE } from '../../keyspace/types.js';
import { ERR_WRONGTYPE } from '../../resp/errors.js';
import { simpleHandler, type Context, type Handler } from '../types.js';

/** A read command: WRONGTYPE is answered here; `answer` gets the hash or undefined for a missing key. */
function hashRead(name: string, answer: (ctx: Context, h: HashObject | undefined, argv: Buffer[]) => void): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const h = readHash(ctx.ks, ctx.session.db, argv[1].toString('latin1'));
    if (h === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else answer(ctx, h, argv);
  });
}

function field(h: HashObject | undefined, name: Buffer): Buffer | undefined {
  return h?.get(name.toString('latin1'));
}

/**
 * A read of single fields: a cold hash answers from its IMAGE in the log without being rebuilt in DRAM (as GET
 * answers a cold string), so reads alone never promote it; anything else reads the hash object.
 */
function fieldRead(name: string, answer: (ctx: Context, get: (f: Buffer) => Buffer | undefined, argv: Buffer[]) => void): Handler<Buffer[]> {
  return simpleHandler(name, (ctx, argv) => {
    const key = argv[1].toString('latin1');
    const image = ctx.ks.coldImage(ctx.session.db, key, ValueType.Hash);
    if (image === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (image !== null) return answer(ctx, (f) => hashImageField(image, f), argv);
    const h = readHash(ctx.ks, ctx.session.db, key);
    if (h === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else answer(ctx, (f) => field(h, f), argv);
  });
}

function bulkOrNil(ctx: Context, v: Buffer | undefined): void {
  if (v === undefined) ctx.reply.nil();
  else ctx.reply.bulk(v);
}

export const hgetHandler = fieldRead('hget', (ctx, get, argv) => bulkOrNil(ctx, get(argv[2])));

export const hmgetHandler = fieldRead('hmget', (ctx, get, argv) => {
  ctx.reply.array(argv.length - 2);
  for (let i = 2; i < argv.length; i++) bulkOrNil(ctx, get(argv[i]));
});

export const hexistsHandler = fieldRead('hexists', (ctx, get, argv) => ctx.reply.integer(get(argv[2]) === undefined ? 0 : 1));

export const hstrlenHandler = fieldRead('hstrlen', (ctx, get, argv) => ctx.reply.integer(get(argv[2])?.length ?? 0));

export const hlenHandler = hashRead('hlen', (ctx, h) => ctx.reply.integer(h?.size ?? 0));

export const hgetallHandler = hashRead('hgetall', (ctx, h) => {
  ctx.reply.map(h?.size ?? 0);
  for (const [f, v] of h?.entries() ?? []) {
    ctx.reply.bulkString(f, 'latin1');
    ctx.reply.bulk(v);
  }
});

export const hkeysHandler = hashRead('hkeys', (ctx, h) => {
  ctx.reply.array(h?.size ?? 0);
  for (const f of h?.keys() ?? []) ctx.reply.bulkString(f, 'latin1');
});

export const hvalsHandler = hashRead('hvals', (ctx, h) => {
  ctx.reply.array(h?.size ?? 0);
  for (const v of h?.values() ?? []) ctx.reply.bulk(v);
});
