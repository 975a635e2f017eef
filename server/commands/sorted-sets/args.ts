// Argument readers of the sorted-set commands with t_zset.c's exact messages: longs, bounded longs, scores, and
// the numkeys/MIN|MAX/COUNT tail of ZMPOP and BZMPOP. Pure functions of the bytes; no data, no replies.
import { parseScore } from '../../keyspace/zset/index.js';
import { ERR_LIST_MPOP_COUNT, ERR_LIST_NUMKEYS, ERR_NOT_FLOAT, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply } from '../types.js';

/** A key or member argument as faha keeps them: one latin1 char per byte. */
export function str(b: Buffer): string {
  return b.toString('latin1');
}

/** getLongFromObject: an integer (as a JS number: values beyond 2^53 only ever compare as out of range). */
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
  const numkeys = readLongAtLeast(argv[numkeysIdx], 1, ERR_LIST_NUMKEYS);
  if (numkeys instanceof ErrorReply) return numkeys;
  const whereIdx = numkeysIdx + numkeys + 1;
  if (whereIdx >= argv.length) return new ErrorReply(ERR_SYNTAX);
  const w = argv[whereIdx];
  if (!isOption(w, 'min') && !isOption(w, 'max')) return new ErrorReply(ERR_SYNTAX);
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
  const keys = argv.slice(numkeysIdx + 1, whereIdx).map(str);
  return { keys, max: isOption(w, 'max'), count: count === -1 ? 1 : count };
}
