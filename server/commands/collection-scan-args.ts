// The options of HSCAN, SSCAN and ZSCAN, read as scanGenericCommand reads them for a collection: MATCH and COUNT
// in any order and number, TYPE (SCAN's alone) a syntax error. Pure; callers decide when to read them (Redis reads
// them only once the key was found to hold the right type).
import { ERR_NOT_INTEGER, ERR_SYNTAX } from '../resp/errors.js';
import { isOption, parseLongLong } from './args.js';
import { ErrorReply } from './types.js';

export interface CollectionScanOptions {
  count: number;
  /** Null when every element matches (no MATCH, or MATCH "*"). */
  pattern: string | null;
}

/** `args` are the words after the cursor. */
export function parseCollectionScanOptions(args: Buffer[]): CollectionScanOptions | ErrorReply {
  const opts: CollectionScanOptions = { count: 10, pattern: null };
  for (let i = 0; i < args.length; i += 2) {
    const hasValue = i + 1 < args.length;
    if (hasValue && isOption(args[i], 'count')) {
      const n = parseLongLong(args[i + 1]);
      if (n === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (n < 1n) return new ErrorReply(ERR_SYNTAX);
      opts.count = Number(n);
    } else if (hasValue && isOption(args[i], 'match')) {
      const p = args[i + 1].toString('latin1');
      opts.pattern = p === '*' ? null : p;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return opts;
}
