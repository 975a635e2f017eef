// FAILOVER [TO host port [FORCE]] [ABORT] [TIMEOUT ms]: Redis 7.0's failoverCommand grammar and refusals, in its
// order. The hand-over itself (waiting for the target to hold every write, promoting it) is the ReplicationView's.
import { parseLongLong } from '../../keyspace/number-parse.js';
import {
  ERR_FAILOVER_FORCE,
  ERR_FAILOVER_IN_PROGRESS,
  ERR_FAILOVER_NO_REPLICAS,
  ERR_FAILOVER_NOT_A_REPLICA,
  ERR_FAILOVER_NOT_ONLINE,
  ERR_FAILOVER_ON_REPLICA,
  ERR_FAILOVER_TIMEOUT,
  ERR_NO_FAILOVER,
  ERR_NOT_INTEGER,
  ERR_SYNTAX,
} from '../../resp/errors.js';
import { cString, isOption } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

export type FailoverPlan =
  | { abort: true }
  | { abort: false; host: string | null; port: number; timeoutMs: number; force: boolean };

export function parseFailover(argv: Buffer[]): FailoverPlan | ErrorReply {
  if (argv.length === 2 && isOption(argv[1], 'abort')) return { abort: true };
  let timeoutMs = 0;
  let host: string | null = null;
  let port = 0;
  let force = false;
  for (let j = 1; j < argv.length; j++) {
    // Each option once: a repeated one falls through to the syntax error, as in Redis.
    if (isOption(argv[j], 'timeout') && j + 1 < argv.length && timeoutMs === 0) {
      const v = parseLongLong(argv[j + 1]);
      if (v === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (v <= 0n) return new ErrorReply(ERR_FAILOVER_TIMEOUT);
      timeoutMs = Number(v);
      j++;
    } else if (isOption(argv[j], 'to') && j + 2 < argv.length && host === null) {
      const v = parseLongLong(argv[j + 2]);
      if (v === null) return new ErrorReply(ERR_NOT_INTEGER);
      host = cString(argv[j + 1]);
      port = Number(v);
      j += 2;
    } else if (isOption(argv[j], 'force') && !force) {
      force = true;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return { abort: false, host, port, timeoutMs, force };
}

/** Why this node cannot start the failover `plan` asks for (Redis's checks after parsing), or null. */
function refusal(ctx: Context, plan: Extract<FailoverPlan, { abort: false }>): string | null {
  const repl = ctx.server.replication;
  if (repl.failoverState !== 'no-failover') return ERR_FAILOVER_IN_PROGRESS;
  if (repl.role === 'backup') return ERR_FAILOVER_ON_REPLICA;
  if (repl.backups.length === 0) return ERR_FAILOVER_NO_REPLICAS;
  if (plan.force && (plan.timeoutMs === 0 || plan.host === null)) return ERR_FAILOVER_FORCE;
  if (plan.host === null) return null;
  const host = plan.host.toLowerCase();
  const target = repl.backups.find((b) => b.ip.toLowerCase() === host && b.port === plan.port);
  if (target === undefined) return ERR_FAILOVER_NOT_A_REPLICA;
  return target.state === 'online' ? null : ERR_FAILOVER_NOT_ONLINE;
}

export const FAILOVER_HANDLER: Handler<FailoverPlan> = {
  name: 'failover',
  parse: parseFailover,
  exec(ctx, plan) {
    const repl = ctx.server.replication;
    if (plan.abort) {
      if (repl.failoverState === 'no-failover') return ctx.reply.error(ERR_NO_FAILOVER);
      const err = repl.abortFailover();
      return err === null ? ctx.reply.ok() : ctx.reply.error(err);
    }
    const why = refusal(ctx, plan);
    if (why !== null) return ctx.reply.error(why);
    const err = repl.failover({ host: plan.host, port: plan.port, timeoutMs: plan.timeoutMs, force: plan.force });
    if (err === null) ctx.reply.ok();
    else ctx.reply.error(err);
  },
};
