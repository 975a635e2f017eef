// Argument readers of the list commands, with t_list.c's exact messages: LEFT/RIGHT, positive longs, and the
// numkeys/where/COUNT tail of LMPOP and BLMPOP. Pure functions of the bytes; no data, no replies.
import { ERR_LIST_MPOP_COUNT, ERR_LIST_NUMKEYS, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply } from '../types.js';

export const LONG_MIN = -(2n ** 63n);

/** getLongFromObject: an integer (as a JS number: indexes beyond 2^53 only ever compare as out of range). */
export function readLong(b: Buffer): number | ErrorReply {
  const v = parseLongLong(b);
  return v === null ? new ErrorReply(ERR_NOT_INTEGER) : Number(v);
}

/** getRangeLongFromObjectOrReply(min..LONG_MAX) with one message for both failures, as Redis words them. */
export function readLongAtLeast(b: Buffer, min: number, message: string): number | ErrorReply {
  const v = parseLongLong(b);
  if (v === null || v < BigInt(min)) return new ErrorReply(message);
  return Number(v);
}

/** LEFT or RIGHT (any case): true for the head. */
export function readWhere(b: Buffer): boolean | ErrorReply {
  if (isOption(b, 'left')) return true;
  if (isOption(b, 'right')) return false;
  return new ErrorReply(ERR_SYNTAX);
}

export interface MpopPlan {
  keys: string[];
  head: boolean;
  count: number;
}

/** `numkeys key… LEFT|RIGHT [COUNT n]` from `numkeysIdx`, in the order Redis checks it. */
export function parseMpop(argv: Buffer[], numkeysIdx: number): MpopPlan | ErrorReply {
  const numkeys = readLongAtLeast(argv[numkeysIdx], 1, ERR_LIST_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return new ErrorReply(ERR_SYNTAX);
  const head = readWhere(argv[whereIdx]);
  if (head instanceof ErrorReply) return head;
  let count = -1;
  for (let j = whereIdx + 1; j < argv.length; j++) {
    if (count === -1 && isOption(argv[j], 'count') && j + 1 < argv.length) {
      const c = readLongAtLeast(argv[++j], 1, ERR_LIST_MPOP_COUNT);
      if (c instanceof ErrorReply) return c;
      count = c;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  const keys = argv.slice(numkeysIdx + 1, whereIdx).map((k) => k.toString('latin1'));
  return { keys, head, count: count === -1 ? 1 : count };
}
