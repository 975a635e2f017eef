// GETBIT and SETBIT: one bit of a string. The offset's range check needs proto-max-bulk-len, so it runs in exec,
// still before anything else is looked at (Redis's order: offset, then the bit value, then the key).
import { getBit, setBit } from '../../keyspace/bitmap.js';
import { parseLongLong } from '../args.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_BIT_OFFSET, ERR_BIT_VALUE, ERR_WRONGTYPE } from '../../resp/errors.js';
import type { Handler } from '../types.js';
import { maxStringBytes, offsetInRange, readOffset } from './offsets.js';

interface GetBitPlan {
  key: string;
  offset: bigint | null;
}

export const getbitHandler: Handler<GetBitPlan> = {
  name: 'getbit',
  parse: (argv) => ({ key: argv[1].toString('latin1'), offset: readOffset(argv[2]) }),
  exec(ctx, p) {
    if (!offsetInRange(p.offset, maxStringBytes(ctx))) return ctx.reply.error(ERR_BIT_OFFSET);
    const r = getBit(ctx.ks, ctx.session.db, p.key, Number(p.offset));
    if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(r);
  },
};

interface SetBitPlan extends GetBitPlan {
  /** null when the value is not 0 or 1. */
  on: 0 | 1 | null;
}

function bitValue(arg: Buffer): 0 | 1 | null {
  const v = parseLongLong(arg);
  return v === 0n || v === 1n ? (Number(v) as 0 | 1) : null;
}

export const setbitHandler: Handler<SetBitPlan> = {
  name: 'setbit',
  parse: (argv) => ({ key: argv[1].toString('latin1'), offset: readOffset(argv[2]), on: bitValue(argv[3]) }),
  exec(ctx, p) {
    if (!offsetInRange(p.offset, maxStringBytes(ctx))) return ctx.reply.error(ERR_BIT_OFFSET);
    if (p.on === null) return ctx.reply.error(ERR_BIT_VALUE);
    const r = setBit(ctx.ks, ctx.session.db, p.key, Number(p.offset), p.on);
    if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(r);
  },
};
