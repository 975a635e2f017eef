// SSCAN key cursor [MATCH pattern] [COUNT count]. The cursor is checked first; the options only after the key
// was found to be a set, as scanGenericCommand parses them (a missing key answers an empty scan regardless).
import { stringMatch } from '../../keyspace/glob.js';
import { readSet } from '../../keyspace/set.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_INVALID_CURSOR, ERR_WRONGTYPE } from '../../resp/errors.js';
import { parseCursor } from '../args.js';
import { ErrorReply, type Handler } from '../types.js';
import { parseCollectionScanOptions, type CollectionScanOptions } from '../collection-scan-args.js';

interface SscanPlan {
  key: string;
  /** Infinity for a cursor beyond any slot (it ends the scan at once). */
  cursor: number;
  /** An option error is reported only once the key is known to hold a set. */
  options: CollectionScanOptions | ErrorReply;
}

export const sscan: Handler<SscanPlan> = {
  name: 'sscan',
  parse(argv) {
    const cursor = parseCursor(argv[2]);
    if (cursor === null) return new ErrorReply(ERR_INVALID_CURSOR);
    return {
      key: argv[1].toString('latin1'),
      cursor: cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor),
      options: parseCollectionScanOptions(argv.slice(3)),
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
    const step = set === undefined ? { cursor: 0, members: [] } : set.scan(p.cursor, (p.options as CollectionScanOptions).count);
    const pattern = p.options instanceof ErrorReply ? null : p.options.pattern;
    const members = pattern === null ? step.members : step.members.filter((m) => stringMatch(pattern, m));
    ctx.reply.array(2);
    ctx.reply.bulkString(String(step.cursor));
    ctx.reply.array(members.length);
    for (const m of members) ctx.reply.bulkString(m, 'latin1');
  },
};
