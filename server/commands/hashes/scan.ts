// HSCAN key cursor [MATCH pattern] [COUNT count]. A listpack-encoded hash answers everything at once with cursor
// 0 (as Redis does, whatever the cursor); a hashtable-encoded one walks its field index (keyspace/hash/
// field-index.ts), whose cursors never skip a field present for the whole scan. MATCH filters fields only.
import { stringMatch } from '../../keyspace/glob.js';
import { readHash, type HashObject } from '../../keyspace/hash.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import { ERR_INVALID_CURSOR, ERR_WRONGTYPE } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { parseCollectionScanOptions } from '../collection-scan-args.js';
import { parseCursor } from '../args.js';

interface ScanPlan {
  key: string;
  /** Beyond any field number when it exceeds 2^53 (the scan then ends at once). */
  cursor: number;
  /** The options, parsed in exec: Redis reads them only once it found the hash. */
  options: Buffer[];
}

function parseHscan(argv: Buffer[]): ScanPlan | ErrorReply {
  const cursor = parseCursor(argv[2]);
  if (cursor === null) return new ErrorReply(ERR_INVALID_CURSOR);
  const n = cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor);
  return { key: argv[1].toString('latin1'), cursor: n, options: argv.slice(3) };
}

/** The fields this call visits, and the cursor to continue from. */
function step(h: HashObject, cursor: number, count: number): { cursor: number; fields: Iterable<string> } {
  if (h.listpack) return { cursor: 0, fields: h.keys() };
  return h.fieldIndex().scan(cursor, count);
}

function reply(ctx: Context, cursor: number, h: HashObject | null, fields: string[]): void {
  ctx.reply.array(2);
  ctx.reply.bulkString(String(cursor));
  ctx.reply.array(fields.length * 2);
  for (const f of fields) {
    ctx.reply.bulkString(f, 'latin1');
    ctx.reply.bulk(h!.get(f)!);
  }
}

export const hscanHandler: Handler<ScanPlan> = {
  name: 'hscan',
  parse: parseHscan,
  exec(ctx, p) {
    const h = readHash(ctx.ks, ctx.session.db, p.key);
    if (h === WRONGTYPE) return ctx.reply.error(ERR_WRONGTYPE);
    if (h === undefined) return reply(ctx, 0, null, []);
    const opts = parseCollectionScanOptions(p.options);
    if (opts instanceof ErrorReply) return ctx.reply.error(opts.message);
    const s = step(h, p.cursor, opts.count);
    const fields = [...s.fields].filter((f) => opts.pattern === null || stringMatch(opts.pattern, f));
    reply(ctx, s.cursor, h, fields);
  },
};
