// Argument readers of the list commands, with t_list.c's exact messages: LEFT/RIGHT, positive longs, and the
// numkeys/where/COUNT tail of LMPOP and BLMPOP. Pure functions of the bytes; no data, no replies.
import { ERR_SYNTAX } from '../../resp/errors.js';
import { isOption, parseMpopArgs, readLong, readLongAtLeast } from '../args.js';
import { ErrorReply } from '../types.js';

export { readLong, readLongAtLeast };

export const LONG_MIN = -(2n ** 63n);

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
  const a = parseMpopArgs(argv, numkeysIdx, ['left', 'right']);
  return a instanceof ErrorReply ? a : { keys: a.keys, head: a.side === 0, count: a.count };
}
