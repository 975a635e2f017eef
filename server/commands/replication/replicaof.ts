// REPLICAOF host port / REPLICAOF NO ONE (and SLAVEOF, its older name): Redis 7.0's replicaofCommand branches and
// replies. Validates and answers; the role change itself is the ReplicationView's.
import { parseLongLong } from '../../keyspace/number-parse.js';
import { ERR_INVALID_MASTER_PORT, ERR_REPLICAOF_WHILE_FAILING_OVER } from '../../resp/errors.js';
import { cString, isOption } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

export type ReplicaOfPlan = { kind: 'no-one' } | { kind: 'primary'; host: string; port: number };

export function parseReplicaOf(argv: Buffer[]): ReplicaOfPlan | ErrorReply {
  if (isOption(argv[1], 'no') && isOption(argv[2], 'one')) return { kind: 'no-one' };
  const port = parseLongLong(argv[2]);
  // getRangeLongFromObjectOrReply(0..65535) with one message for both failures.
  if (port === null || port < 0n || port > 65535n) return new ErrorReply(ERR_INVALID_MASTER_PORT);
  return { kind: 'primary', host: cString(argv[1]), port: Number(port) };
}

/** Keeps CONFIG GET replicaof (and CONFIG REWRITE) on the node's current primary, as Redis's masterhost does. */
function recordPrimary(ctx: Context, words: string[]): void {
  ctx.server.config.setInitial('replicaof', words);
}

export function execReplicaOf(ctx: Context, plan: ReplicaOfPlan): void {
  const repl = ctx.server.replication;
  if (repl.failoverState !== 'no-failover') {
    ctx.reply.error(ERR_REPLICAOF_WHILE_FAILING_OVER);
    return;
  }
  if (plan.kind === 'no-one') {
    if (repl.role === 'backup') {
      repl.promote();
      recordPrimary(ctx, ['no', 'one']);
    }
    ctx.reply.ok();
    return;
  }
  const link = repl.link;
  // Redis compares the host with strcasecmp.
  if (link !== null && link.host.toLowerCase() === plan.host.toLowerCase() && link.port === plan.port) {
    ctx.reply.simple('OK Already connected to specified master');
    return;
  }
  repl.replicaOf(plan.host, plan.port);
  recordPrimary(ctx, [plan.host, String(plan.port)]);
  ctx.reply.ok();
}

export const REPLICAOF_HANDLER: Handler<ReplicaOfPlan> = { name: 'replicaof', parse: parseReplicaOf, exec: execReplicaOf };
export const SLAVEOF_HANDLER: Handler<ReplicaOfPlan> = { name: 'slaveof', parse: parseReplicaOf, exec: execReplicaOf };
