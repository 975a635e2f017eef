// ZSCAN key cursor [MATCH pattern] [COUNT count]. A listpack-encoded set answers everything at once, in order,
// with cursor 0 (as Redis does, whatever the cursor); a skiplist-encoded one walks the set's slot table, whose
// cursors never skip a member present for the whole scan. MATCH filters members; scores print as each encoding stores them.
import { stringMatch } from '../../keyspace/glob.js';
import { readZset, type ZSet } from '../../keyspace/zset/index.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { formatDouble } from '../../resp/double.js';
import { ERR_INVALID_CURSOR, ERR_WRONGTYPE } from '../../resp/errors.js';
import { parseCursor } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { parseCollectionScanOptions } from '../collection-scan-args.js';
import { str } from './args.js';
import { member } from './reply.js';

interface ScanPlan {
  key: string;
  /** Beyond any slot when it exceeds 2^53 (the scan then ends at once). */
  cursor: number;
  /** The options, parsed in exec: Redis reads them only once it found the set. */
  options: Buffer[];
}

function step(z: ZSet, cursor: number, count: number): { cursor: number; items: [string, number][] } {
  if (z.listpack) return { cursor: 0, items: Array.from(z.ascending(), (n): [string, number] => [z.list.member(n), z.list.score(n)]) };
  return z.scanIds(cursor, count);
}

/** Redis's double2ll range: integral scores within it sit in a listpack as integers and print as such. */
const LISTPACK_INT_LIMIT = 2 ** 62;

/** A score as ZSCAN prints it: the listpack's stored text, or the skiplist's %.17g. */
function scoreText(score: number, listpack: boolean): string {
  if (listpack && Number.isInteger(score) && Math.abs(score) <= LISTPACK_INT_LIMIT) return BigInt(score).toString();
  return formatDouble(score);
}

function reply(ctx: Context, cursor: number, items: [string, number][], listpack: boolean): void {
  ctx.reply.array(2);
  ctx.reply.bulkString(String(cursor));
  ctx.reply.array(items.length * 2);
  for (const [m, score] of items) {
    member(ctx.reply, m);
    ctx.reply.bulkString(scoreText(score, listpack));
  }
}

export const zscanHandler: Handler<ScanPlan> = {
  name: 'zscan',
  parse(argv) {
    const cursor = parseCursor(argv[2]);
    if (cursor === null) return new ErrorReply(ERR_INVALID_CURSOR);
    const n = cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor);
    return { key: str(argv[1]), cursor: n, options: argv.slice(3) };
  },
  exec(ctx, p) {
    const z = readZset(ctx.ks, ctx.session.db, p.key);
    if (z === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (z === undefined) return reply(ctx, 0, [], false);
    const opts = parseCollectionScanOptions(p.options);
    if (opts instanceof ErrorReply) return ctx.reply.error(opts.message);
    const s = step(z, p.cursor, opts.count);
    const pattern = opts.pattern;
    const items = pattern === null ? s.items : s.items.filter(([m]) => stringMatch(pattern, m));
    reply(ctx, s.cursor, items, z.listpack);
  },
};
