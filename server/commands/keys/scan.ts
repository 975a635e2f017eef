// SCAN cursor [MATCH pattern] [COUNT count] [TYPE type]. The cursor walks the home buckets of the database's key
// table as Redis's dictScan does (engine/key-index.ts); MATCH and TYPE filter what a step sampled, as Redis does.
import { stringMatch } from '../../keyspace/glob.js';
import { expireIfDue, readKeyNoTouch, typeName } from '../../keyspace/keys.js';
import { ERR_INVALID_CURSOR, ERR_NOT_INTEGER, ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { cString, isOption, parseCursor, parseLongLong } from '../args.js';

interface ScanPlan {
  /** Infinity for a cursor beyond any slot (it ends the scan at once). */
  cursor: number;
  count: number;
  /** Null when every key matches (no MATCH, or MATCH "*"). */
  pattern: string | null;
  /** Lower-cased, compared as strcasecmp does; null for no TYPE filter. */
  type: string | null;
}

function parseScan(argv: Buffer[]): ScanPlan | ErrorReply {
  const cursor = parseCursor(argv[1]);
  if (cursor === null) return new ErrorReply(ERR_INVALID_CURSOR);
  const plan: ScanPlan = { cursor: cursor > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(cursor), count: 10, pattern: null, type: null };
  for (let i = 2; i < argv.length; i += 2) {
    const hasValue = i + 1 < argv.length;
    if (hasValue && isOption(argv[i], 'count')) {
      const n = parseLongLong(argv[i + 1]);
      if (n === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (n < 1n) return new ErrorReply(ERR_SYNTAX);
      plan.count = Number(n);
    } else if (hasValue && isOption(argv[i], 'match')) {
      const p = argv[i + 1].toString('latin1');
      plan.pattern = p === '*' ? null : p;
    } else if (hasValue && isOption(argv[i], 'type')) {
      plan.type = cString(argv[i + 1]).toLowerCase();
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return plan;
}

/** Redis's filters in Redis's order: pattern, then type (a counted lookup), then expiry. */
function keep(ctx: Context, db: number, key: string, plan: ScanPlan): boolean {
  if (plan.pattern !== null && !stringMatch(plan.pattern, key)) return false;
  if (plan.type !== null && typeName(readKeyNoTouch(ctx.ks, db, key)) !== plan.type) return false;
  return !expireIfDue(ctx.ks, db, key);
}

export const scan: Handler<ScanPlan> = {
  name: 'scan',
  parse: parseScan,
  exec(ctx, plan) {
    const db = ctx.session.db;
    const step = ctx.ks.db(db).scanKeys(plan.cursor, plan.count);
    const keys = step.keys.filter((k) => keep(ctx, db, k, plan));
    ctx.reply.array(2);
    ctx.reply.bulkString(String(step.cursor));
    ctx.reply.array(keys.length);
    for (const k of keys) ctx.reply.bulkString(k, 'latin1');
  },
};
