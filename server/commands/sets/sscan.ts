// SSCAN key cursor [MATCH pattern] [COUNT count]. The cursor is checked first; the options only after the key
// was found to be a set, as scanGenericCommand parses them (a missing key answers an empty scan regardless).
import { stringMatch } from '../../keyspace/glob.js';
import { readSet } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX, ERR_WRONGTYPE } from '../../resp/errors.js';
import { isOption, parseCursor, parseLongLong } from '../args.js';
import { ErrorReply, type Handler } from '../types.js';

interface ScanOptions {
  count: number;
  /** Null when every member matches (no MATCH, or MATCH "*"). */
  pattern: string | null;
}

interface SscanPlan {
  key: string;
  /** Infinity for a cursor beyond any slot (it ends the scan at once). */
  cursor: number;
  /** An option error is reported only once the key is known to hold a set. */
  options: ScanOptions | ErrorReply;
}

function parseOptions(argv: Buffer[]): ScanOptions | ErrorReply {
  const opts: ScanOptions = { count: 10, pattern: null };
  for (let i = 3; i < argv.length; i += 2) {
    const hasValue = i + 1 < argv.length;
    if (hasValue && isOption(argv[i], 'count')) {
      const n = parseLongLong(argv[i + 1]);
      if (n === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (n < 1n) return new ErrorReply(ERR_SYNTAX);
      opts.count = Number(n);
    } else if (hasValue && isOption(argv[i], 'match')) {
      const p = argv[i + 1].toString('latin1');
      opts.pattern = p === '*' ? null : p;
    } else {
      // TYPE filters keys only: on a set it is a syntax error, as any unknown option.
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return opts;
}

export const sscan: Handler<SscanPlan> = {
  name: 'sscan',
  parse(argv) {
    const cursor = parseCursor(argv[2]);
    if (cursor === null) return new ErrorReply(ERR_INVALID_CURSOR);
    return {
      key: argv[1].toString('latin1'),
      cursor: cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor),
      options: parseOptions(argv),
    };
  },
  exec(ctx, p) {
    const set = readSet(ctx.ks, ctx.session.db, p.key);
    if (set === WRONGTYPE) {
      ctx.reply.error(ERR_WRONGTYPE);
      return;
    }
    if (set !== undefined && p.options instanceof ErrorReply) {
      ctx.reply.error(p.options.message);
      return;
    }
    const step = set === undefined ? { cursor: 0, members: [] } : set.scan(p.cursor, (p.options as ScanOptions).count);
    const pattern = p.options instanceof ErrorReply ? null : p.options.pattern;
    const members = pattern === null ? step.members : step.members.filter((m) => stringMatch(pattern, m));
    ctx.reply.array(2);
    ctx.reply.bulkString(String(step.cursor));
    ctx.reply.array(members.length);
    for (const m of members) ctx.reply.bulkString(m, 'latin1');
  },
};
