// Argument readers of the sorted-set commands with t_zset.c's exact messages: longs, bounded longs, scores, and
// the numkeys/MIN|MAX/COUNT tail of ZMPOP and BZMPOP. Pure functions of the bytes; no data, no replies.
import { parseScore } from '../../keyspace/zset/index.js';
import { ERR_NOT_FLOAT } from '../../resp/errors.js';
import { parseMpopArgs, readLong, readLongAtLeast } from '../args.js';
import { ErrorReply } from '../types.js';

export { readLong, readLongAtLeast };

/** A key or member argument as faha keeps them: one latin1 char per byte. */
export function str(b: Buffer): string {
  return b.toString('latin1');
}

/** getDoubleFromObject (string2d) with `message` for a refusal. */
export function readScore(b: Buffer, message = ERR_NOT_FLOAT): number | ErrorReply {
  const v = parseScore(b);
  return v === null ? new ErrorReply(message) : v;
}

export interface MpopPlan {
  keys: string[];
  max: boolean;
  count: number;
}

/** `numkeys key… MIN|MAX [COUNT n]` from `numkeysIdx`, in the order zmpopGenericCommand checks it. */
export function parseMpop(argv: Buffer[], numkeysIdx: number): MpopPlan | ErrorReply {
  const a = parseMpopArgs(argv, numkeysIdx, ['min', 'max']);
  return a instanceof ErrorReply ? a : { keys: a.keys, max: a.side === 1, count: a.count };
}
