// WAIT numreplicas timeout (Redis 7.0) and WAITAOF numlocal numreplicas timeout (Redis 7.2): count the backups that
// have persisted everything up to the replication offset at call time, answering at once when enough have (or in
// MULTI), else suspending the connection until acks bring enough or the timeout passes. Never writes data.
import { parseLongLong } from '../../keyspace/number-parse.js';
import type { ReplicationView } from '../../replication/types.js';
import {
  ERR_NOT_INTEGER,
  ERR_TIMEOUT_NEGATIVE,
  ERR_TIMEOUT_NOT_INTEGER,
  ERR_VALUE_NOT_POSITIVE,
  ERR_WAIT_ON_REPLICA,
  ERR_WAITAOF_ON_REPLICA,
  longOutOfRange,
} from '../../resp/errors.js';
import type { ReplyWriter } from '../../resp/reply.js';
import { ErrorReply, type Context, type Handler } from '../types.js';

/** Longest delay setTimeout honours; a longer WAIT timeout (about 24.8 days) is treated as forever. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often WAITAOF looks at local persistence again while it waits on it (appendfsync everysec or no). */
const LOCAL_POLL_MS = 10;

/** getTimeoutFromObjectOrReply in milliseconds: a string2ll integer, not negative; 0 = forever. */
export function parseWaitTimeout(arg: Buffer): number | ErrorReply {
  const v = parseLongLong(arg);
  if (v === null) return new ErrorReply(ERR_TIMEOUT_NOT_INTEGER);
  if (v < 0n) return new ErrorReply(ERR_TIMEOUT_NEGATIVE);
  return Number(v);
}

export interface WaitPlan {
  numreplicas: number;
  timeoutMs: number;
  /** Redis checks the role before reading the arguments, so their error is kept for exec to answer second. */
  argError: ErrorReply | null;
}

export function parseWait(argv: Buffer[]): WaitPlan {
  const n = parseLongLong(argv[1]);
  if (n === null) return { numreplicas: 0, timeoutMs: 0, argError: new ErrorReply(ERR_NOT_INTEGER) };
  const timeoutMs = parseWaitTimeout(argv[2]);
  if (timeoutMs instanceof ErrorReply) return { numreplicas: 0, timeoutMs: 0, argError: timeoutMs };
  return { numreplicas: Number(n), timeoutMs, argError: null };
}

/**
 * Answers through `answer` once `satisfied()` holds, or at the timeout (0 = never), or at once in MULTI or when it
 * already holds. Rechecks on every ack and, with `pollMs`, on a timer (for conditions acks do not signal).
 */
export function waitUntil(ctx: Context, satisfied: () => boolean, timeoutMs: number, answer: (reply: ReplyWriter) => void, pollMs = 0): void {
  if (satisfied() || !ctx.canBlock) {
    answer(ctx.reply);
    return;
  }
  const repl = ctx.server.replication;
  ctx.suspend((resume) => {
    let done = false;
    const timers: NodeJS.Timeout[] = [];
    let unsubscribe: () => void = () => {};
    const stop = (): void => {
      done = true;
      unsubscribe();
      for (const t of timers) clearTimeout(t);
    };
    const finish = (): void => {
      if (done) return;
      stop();
      resume(answer);
    };
    unsubscribe = repl.onAck(() => {
      if (!done && satisfied()) finish();
    });
    if (timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS) timers.push(setTimeout(finish, timeoutMs));
    if (pollMs > 0) {
      const poll = setInterval(() => {
        if (!done && satisfied()) finish();
      }, pollMs);
      timers.push(poll);
    }
    return stop;
  });
}

export const WAIT_HANDLER: Handler<WaitPlan> = {
  name: 'wait',
  parse: parseWait,
  exec(ctx, plan) {
    const repl = ctx.server.replication;
    if (repl.role === 'backup') return ctx.reply.error(ERR_WAIT_ON_REPLICA);
    if (plan.argError !== null) return ctx.reply.error(plan.argError.message);
    // Every write this connection made before WAIT has an LSN at most the current offset.
    const lsn = repl.offset;
    waitUntil(ctx, () => repl.ackedBy(lsn) >= plan.numreplicas, plan.timeoutMs, (r) => r.integer(repl.ackedBy(lsn)));
  },
};

export interface WaitAofPlan {
  numlocal: number;
  numreplicas: number;
  timeoutMs: number;
}

export function parseWaitAof(argv: Buffer[]): WaitAofPlan | ErrorReply {
  const local = parseLongLong(argv[1]);
  if (local === null) return new ErrorReply(ERR_NOT_INTEGER);
  if (local < 0n || local > 1n) return new ErrorReply(longOutOfRange(0, 1));
  const replicas = parseLongLong(argv[2]);
  if (replicas === null) return new ErrorReply(ERR_NOT_INTEGER);
  if (replicas < 0n) return new ErrorReply(ERR_VALUE_NOT_POSITIVE);
  const timeoutMs = parseWaitTimeout(argv[3]);
  if (timeoutMs instanceof ErrorReply) return timeoutMs;
  return { numlocal: Number(local), numreplicas: Number(replicas), timeoutMs };
}

/**
 * 1 when `lsn` is persistent in the local log: always so under appendfsync always (a reply is released only once
 * its batch is), else once the persister has reached it. faha always logs, so 7.2's "appendonly is disabled"
 * refusal never applies.
 */
function localAcks(ctx: Context, lsn: number): number {
  if (ctx.server.config.live['appendfsync'] === 'always') return 1;
  return ctx.server.ks.store.log.persistedLSNValue >= lsn ? 1 : 0;
}

function writeAofCounts(reply: ReplyWriter, local: number, replicas: number): void {
  reply.array(2);
  reply.integer(local);
  reply.integer(replicas);
}

export const WAITAOF_HANDLER: Handler<WaitAofPlan> = {
  name: 'waitaof',
  parse: parseWaitAof,
  exec(ctx, plan) {
    const repl: ReplicationView = ctx.server.replication;
    if (repl.role === 'backup') return ctx.reply.error(ERR_WAITAOF_ON_REPLICA);
    const lsn = repl.offset;
    const satisfied = (): boolean => localAcks(ctx, lsn) >= plan.numlocal && repl.ackedBy(lsn) >= plan.numreplicas;
    const answer = (r: ReplyWriter): void => writeAofCounts(r, localAcks(ctx, lsn), repl.ackedBy(lsn));
    waitUntil(ctx, satisfied, plan.timeoutMs, answer, localAcks(ctx, lsn) < plan.numlocal ? LOCAL_POLL_MS : 0);
  },
};
