// BITFIELD and BITFIELD_RO. The operations are read left to right with Redis's checks in Redis's order (the
// offset check needs proto-max-bulk-len, so reading happens in exec, before any key is touched); BITFIELD_RO
// refuses writes only once every argument has been read, then the key is looked up.
import { bitfieldRead, bitfieldWrite, type FieldOp } from '../../keyspace/bitmap.js';
import type { FieldType, OverflowMode } from '../../keyspace/bitmap/bitfield-int.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import {
  ERR_BITFIELD_OVERFLOW,
  ERR_BITFIELD_RO_WRITE,
  ERR_BIT_OFFSET,
  ERR_BITFIELD_TYPE,
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
  ERR_WRONGTYPE,
} from '../../resp/errors.js';
import { cString, isOption, parseLongLong, word } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { maxStringBytes, offsetInRange, readOffset } from './offsets.js';

/** getBitfieldTypeFromArgument: 'i' or 'u' (lower case only) and a width, u64 excluded. */
function fieldType(arg: Buffer): FieldType | null {
  const s = cString(arg);
  const signed = s[0] === 'i';
  if (!signed && s[0] !== 'u') return null;
  const bits = parseLongLong(Buffer.from(s.slice(1), 'latin1'));
  if (bits === null || bits < 1n || bits > (signed ? 64n : 63n)) return null;
  return { signed, bits: Number(bits) };
}

const OVERFLOW_MODES: readonly OverflowMode[] = ['wrap', 'sat', 'fail'];

/** The operations of `args` (everything after the key), or the first error Redis would report. */
export function readFieldOps(args: Buffer[], maxBytes: number): FieldOp[] | ErrorReply {
  const ops: FieldOp[] = [];
  let overflow: OverflowMode = 'wrap';
  for (let j = 0; j < args.length; j++) {
    const left = args.length - j - 1;
    let kind: FieldOp['kind'];
    if (isOption(args[j], 'get') && left >= 2) kind = 'get';
    else if (isOption(args[j], 'set') && left >= 3) kind = 'set';
    else if (isOption(args[j], 'incrby') && left >= 3) kind = 'incrby';
    else if (isOption(args[j], 'overflow') && left >= 1) {
      const name = word(args[++j]);
      const mode = OVERFLOW_MODES.find((m) => m === name);
      if (mode === undefined) return new ErrorReply(ERR_BITFIELD_OVERFLOW);
      overflow = mode;
      continue;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
    const type = fieldType(args[j + 1]);
    if (type === null) return new ErrorReply(ERR_BITFIELD_TYPE);
    const offset = readOffset(args[j + 2], type.bits);
    if (!offsetInRange(offset, maxBytes)) return new ErrorReply(ERR_BIT_OFFSET);
    let arg = 0n;
    if (kind !== 'get') {
      const v = parseLongLong(args[j + 3]);
      if (v === null) return new ErrorReply(ERR_NOT_INTEGER);
      arg = v;
    }
    ops.push({ kind, type, offset: Number(offset), arg, overflow });
    j += kind === 'get' ? 2 : 3;
  }
  return ops;
}

interface BitfieldPlan {
  key: string;
  args: Buffer[];
}

function bitfieldHandler(name: 'bitfield' | 'bitfield_ro'): Handler<BitfieldPlan> {
  return {
    name,
    parse: (argv) => ({ key: argv[1].toString('latin1'), args: argv.slice(2) }),
    exec(ctx: Context, p) {
      const ops = readFieldOps(p.args, maxStringBytes(ctx));
      if (ops instanceof ErrorReply) return ctx.reply.error(ops.message);
      const writes = ops.some((op) => op.kind !== 'get');
      if (writes && name === 'bitfield_ro') return ctx.reply.error(ERR_BITFIELD_RO_WRITE);
      const db = ctx.session.db;
      const r = writes ? bitfieldWrite(ctx.ks, db, p.key, ops) : bitfieldRead(ctx.ks, db, p.key, ops);
      if (r === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
      ctx.reply.array(r.length);
      for (const v of r) {
        if (v === null) ctx.reply.nil();
        else ctx.reply.integer(v);
      }
    },
  };
}

export const bitfieldHandlers = [bitfieldHandler('bitfield'), bitfieldHandler('bitfield_ro')];
