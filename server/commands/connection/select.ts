// SELECT and SWAPDB: database indexes, checked as Redis does (a C int first, then the configured range in exec).
import {
  ERR_DB_INDEX, ERR_INT_OUT_OF_RANGE, ERR_INVALID_FIRST_DB_INDEX, ERR_INVALID_SECOND_DB_INDEX, ERR_NOT_INTEGER,
} from '../../resp/errors.js';
import { ErrorReply, type Handler } from '../types.js';
import { parseInt32 } from '../args.js';

export const select: Handler<number> = {
  name: 'select',
  parse(argv) {
    const db = parseInt32(argv[1]);
    if (db === 'not-integer') return new ErrorReply(ERR_NOT_INTEGER);
    if (db === 'out-of-range') return new ErrorReply(ERR_INT_OUT_OF_RANGE);
    return db;
  },
  exec(ctx, db) {
    if (db < 0 || db >= ctx.ks.databases) {
      ctx.reply.error(ERR_DB_INDEX);
      return;
    }
    ctx.session.db = db;
    ctx.reply.ok();
  },
};

export const swapdb: Handler<[number, number]> = {
  name: 'swapdb',
  parse(argv) {
    // With a message of its own, getIntFromObjectOrReply uses it for both failures.
    const a = parseInt32(argv[1]);
    if (typeof a !== 'number') return new ErrorReply(ERR_INVALID_FIRST_DB_INDEX);
    const b = parseInt32(argv[2]);
    if (typeof b !== 'number') return new ErrorReply(ERR_INVALID_SECOND_DB_INDEX);
    return [a, b];
  },
  exec(ctx, [a, b]) {
    const n = ctx.ks.databases;
    if (a < 0 || a >= n || b < 0 || b >= n) {
      ctx.reply.error(ERR_DB_INDEX);
      return;
    }
    // Swapping a database with itself changes nothing, so nothing is logged.
    if (a !== b) ctx.ks.swapDb(a, b);
    ctx.reply.ok();
  },
};
