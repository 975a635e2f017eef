// COPY source destination [DB db] [REPLACE] and MOVE key db: a key's value into another name or database, as
// logged effects (keyspace/keys.ts). Redis checks options one by one, so a DB index out of range found before a
// syntax error is what gets reported: the plan keeps the order for exec, which knows how many databases exist.
import { copyKey, moveKey } from '../../keyspace/keys.js';
import { ERR_DB_INDEX, ERR_INT_OUT_OF_RANGE, ERR_NOT_INTEGER, ERR_SAME_OBJECT, ERR_SYNTAX } from '../../resp/errors.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { isOption, parseInt32 } from '../args.js';

function dbArgument(b: Buffer): number | ErrorReply {
  const v = parseInt32(b);
  if (v === 'not-integer') return new ErrorReply(ERR_NOT_INTEGER);
  if (v === 'out-of-range') return new ErrorReply(ERR_INT_OUT_OF_RANGE);
  return v;
}

function validDb(ctx: Context, db: number): boolean {
  return db >= 0 && db < ctx.ks.databases;
}

interface MovePlan {
  key: string;
  db: number;
}

const move: Handler<MovePlan> = {
  name: 'move',
  parse(argv) {
    const db = dbArgument(argv[2]);
    return db instanceof ErrorReply ? db : { key: argv[1].toString('latin1'), db };
  },
  exec(ctx, plan) {
    if (!validDb(ctx, plan.db)) ctx.reply.error(ERR_DB_INDEX);
    else if (plan.db === ctx.session.db) ctx.reply.error(ERR_SAME_OBJECT);
    else ctx.reply.integer(moveKey(ctx.ks, ctx.session.db, plan.db, plan.key) ? 1 : 0);
  },
};

interface CopyPlan {
  from: string;
  to: string;
  replace: boolean;
  /** Every DB option in order; the last one is the target. Each must be in range before `error` counts. */
  dbs: number[];
  error: ErrorReply | null;
}

function parseCopy(argv: Buffer[]): CopyPlan | ErrorReply {
  const plan: CopyPlan = { from: argv[1].toString('latin1'), to: argv[2].toString('latin1'), replace: false, dbs: [], error: null };
  for (let i = 3; i < argv.length && plan.error === null; i++) {
    if (isOption(argv[i], 'replace')) {
      plan.replace = true;
    } else if (isOption(argv[i], 'db') && i + 1 < argv.length) {
      const db = dbArgument(argv[++i]);
      if (db instanceof ErrorReply) plan.error = db;
      else plan.dbs.push(db);
    } else {
      plan.error = new ErrorReply(ERR_SYNTAX);
    }
  }
  // With no DB option before it, an error needs no data to be decided: report it at parse time.
  return plan.error !== null && plan.dbs.length === 0 ? plan.error : plan;
}

const copy: Handler<CopyPlan> = {
  name: 'copy',
  parse: parseCopy,
  exec(ctx, plan) {
    for (const db of plan.dbs) {
      if (!validDb(ctx, db)) {
        ctx.reply.error(ERR_DB_INDEX);
        return;
      }
    }
    if (plan.error !== null) {
      ctx.reply.error(plan.error.message);
      return;
    }
    const src = ctx.session.db;
    const dst = plan.dbs.length > 0 ? plan.dbs[plan.dbs.length - 1] : src;
    if (src === dst && plan.from === plan.to) {
      ctx.reply.error(ERR_SAME_OBJECT);
      return;
    }
    ctx.reply.integer(copyKey(ctx.ks, src, plan.from, dst, plan.to, plan.replace) ? 1 : 0);
  },
};

export const COPY_MOVE_HANDLERS: Handler<any>[] = [copy, move];
