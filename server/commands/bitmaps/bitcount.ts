// BITCOUNT and BITPOS. Redis 7.0 looks the key up before reading the range arguments, so a missing key answers
// 0 (BITCOUNT) or -1/0 (BITPOS) whatever follows; those arguments are therefore read in exec, after the lookup.
import { readBits } from '../../keyspace/bitmap.js';
import { countBits, findPosition, type BitRange } from '../../keyspace/bitmap/ranges.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_BIT_ARGUMENT, ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply, type Handler } from '../types.js';

/** BYTE or BIT (any case); null for anything else. */
function unit(arg: Buffer): boolean | null {
  if (isOption(arg, 'bit')) return true;
  if (isOption(arg, 'byte')) return false;
  return null;
}

/** BITCOUNT's optional `start end [BYTE|BIT]`, in Redis's order of checks. */
function countRange(args: Buffer[]): BitRange | null | ErrorReply {
  if (args.length === 0) return null;
  if (args.length > 3 || args.length === 1) return new ErrorReply(ERR_SYNTAX);
  const start = parseLongLong(args[0]);
  const end = start === null ? null : parseLongLong(args[1]);
  if (start === null || end === null) return new ErrorReply(ERR_NOT_INTEGER);
  const bit = args.length === 3 ? unit(args[2]) : false;
  if (bit === null) return new ErrorReply(ERR_SYNTAX);
  return { start, end, bit };
}

interface KeyArgsPlan {
  key: string;
  args: Buffer[];
}

export const bitcountHandler: Handler<KeyArgsPlan> = {
  name: 'bitcount',
  parse: (argv) => ({ key: argv[1].toString('latin1'), args: argv.slice(2) }),
  exec(ctx, p) {
    const v = readBits(ctx.ks, ctx.session.db, p.key);
    if (v === null) return ctx.reply.integer(0);
    if (v === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const range = countRange(p.args);
    if (range instanceof ErrorReply) return ctx.reply.error(range.message);
    ctx.reply.integer(countBits(v, range));
  },
};

interface BitPosPlan extends KeyArgsPlan {
  bit: 0 | 1;
}

export const bitposHandler: Handler<BitPosPlan> = {
  name: 'bitpos',
  parse(argv) {
    const bit = parseLongLong(argv[2]);
    if (bit === null) return new ErrorReply(ERR_NOT_INTEGER);
    if (bit !== 0n && bit !== 1n) return new ErrorReply(ERR_BIT_ARGUMENT);
    return { key: argv[1].toString('latin1'), bit: Number(bit) as 0 | 1, args: argv.slice(3) };
  },
  exec(ctx, p) {
    const v = readBits(ctx.ks, ctx.session.db, p.key);
    if (v === null) return ctx.reply.integer(p.bit === 1 ? -1 : 0);
    if (v === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    const a = p.args;
    if (a.length > 3) return ctx.reply.error(ERR_SYNTAX);
    const start = a.length > 0 ? parseLongLong(a[0]) : null;
    if (a.length > 0 && start === null) return ctx.reply.error(ERR_NOT_INTEGER);
    const bitUnit = a.length === 3 ? unit(a[2]) : false;
    if (bitUnit === null) return ctx.reply.error(ERR_SYNTAX);
    const end = a.length > 1 ? parseLongLong(a[1]) : null;
    if (a.length > 1 && end === null) return ctx.reply.error(ERR_NOT_INTEGER);
    ctx.reply.integer(findPosition(v, p.bit, start, end, bitUnit));
  },
};
