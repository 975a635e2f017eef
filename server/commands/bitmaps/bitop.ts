// BITOP AND|OR|XOR|NOT destkey key…: the operation and NOT's single source are checked before any key is read.
import { bitOp, type BitOp } from '../../keyspace/bitmap.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_BITOP_NOT_ONE_KEY, ERR_SYNTAX, ERR_WRONGTYPE } from '../../resp/errors.js';
import { word } from '../args.js';
import { ErrorReply, type Handler } from '../types.js';

interface BitOpPlan {
  op: BitOp;
  dest: string;
  sources: string[];
}

const OPS: readonly BitOp[] = ['and', 'or', 'xor', 'not'];

export const bitopHandler: Handler<BitOpPlan> = {
  name: 'bitop',
  parse(argv) {
    const name = word(argv[1]);
    const op = OPS.find((o) => o === name);
    if (op === undefined) return new ErrorReply(ERR_SYNTAX);
    if (op === 'not' && argv.length !== 4) return new ErrorReply(ERR_BITOP_NOT_ONE_KEY);
    return { op, dest: argv[2].toString('latin1'), sources: argv.slice(3).map((k) => k.toString('latin1')) };
  },
  exec(ctx, p) {
    const r = bitOp(ctx.ks, ctx.session.db, p.op, p.dest, p.sources);
    if (r === WRONGTYPE) ctx.reply.error(ERR_WRONGTYPE);
    else ctx.reply.integer(r);
  },
};
