// LPOS's options (RANK, COUNT, MAXLEN), read as lposCommand reads them: any order, repeats allowed (the last
// wins), each error at the option that causes it. Pure.
import { ERR_LPOS_COUNT_NEGATIVE, ERR_LPOS_MAXLEN_NEGATIVE, ERR_LPOS_RANK_ZERO, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply } from '../types.js';
import { LONG_MIN, readLongAtLeast } from './args.js';

export interface LposOptions {
  /** 1-based match to start from, counted from the scan's start. */
  rank: number;
  fromTail: boolean;
  /** -1 when COUNT was not given (a single index or nil is the reply), 0 for all matches. */
  count: number;
  maxlen: number;
  /**
   * RANK -9223372036854775808: Redis negates it with an overflow, and the compiled check then never stops at COUNT
   * (it still reports matches from the first one on, scanning from the tail).
   */
  unlimited: boolean;
}

export function parseLposOptions(argv: Buffer[]): LposOptions | ErrorReply {
  let rank = 1n;
  let count = -1;
  let maxlen = 0;
  for (let j = 3; j < argv.length; j++) {
    const more = j + 1 < argv.length;
    if (isOption(argv[j], 'rank') && more) {
      const r = parseLongLong(argv[++j]);
      if (r === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (r === 0n) return new ErrorReply(ERR_LPOS_RANK_ZERO);
      rank = r;
    } else if (isOption(argv[j], 'count') && more) {
      const c = readLongAtLeast(argv[++j], 0, ERR_LPOS_COUNT_NEGATIVE);
      if (c instanceof ErrorReply) return c;
      count = c;
    } else if (isOption(argv[j], 'maxlen') && more) {
      const m = readLongAtLeast(argv[++j], 0, ERR_LPOS_MAXLEN_NEGATIVE);
      if (m instanceof ErrorReply) return m;
      maxlen = m;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  const unlimited = rank === LONG_MIN;
  const fromTail = rank < 0n;
  return { rank: unlimited ? 1 : Number(fromTail ? -rank : rank), fromTail, count, maxlen, unlimited };
}
