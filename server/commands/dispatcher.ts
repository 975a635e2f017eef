// The dispatcher: everything that happens to every command before and after its handler — lookup, arity,
// authentication, stats, MONITOR — so handlers never repeat a preamble. Handlers parse, then exec.
// Imported, not the global: Node 20's global performance is a getter on globalThis.
import { performance } from 'node:perf_hooks';
import { beginCommand, endCommand, now } from '../clock.js';
import { LogFullError } from '../engine/errors.js';
import { ERR_NOAUTH, ERR_NOT_ALLOWED_IN_MULTI, ERR_OOM, execAbortBecause, misconfLogWrite, notAllowedInSubscribedMode, unknownCommand, unknownSubcommand, wrongArity } from '../resp/errors.js';
import { formatMonitorLine } from './monitor-format.js';
import { arityAccepts, CmdFlag, type CommandDef, type CommandStats, type CommandTable } from './registry.js';
import type { SimpleArgs } from '../resp/request-parser.js';
import type { FastExec } from './fast-path.js';
import { ErrorReply, type Context, type MultiState, type ServerContext } from './types.js';
import { fastWriteRefusal, isWriteCommand, reasonOf, replicationRefusal, writeRefusal } from './write-admission.js';

/**
 * After its first TIMING_SAMPLE calls, a command's duration is measured on one call in TIMING_SAMPLE on average:
 * INFO commandstats' usec is the sampled time scaled up, latencystats' percentiles come from the samples. Timing
 * every call costs two clock reads per command on the hot path (scripts/bench.ts, SET -P 16). The calls timed are
 * picked by a countdown over all commands with random gaps (mean TIMING_SAMPLE), so no random number is drawn per
 * call, and a client repeating a fixed pattern of commands still has each of them timed in its share.
 */
const TIMING_SAMPLE = 16;

/** What a RESP2 connection with subscriptions may still run (Redis's processCommand). */
const SUBSCRIBED_MODE_COMMANDS = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

/** What runs at once, not queued, between MULTI and EXEC (Redis's processCommand). */
const RUN_IN_MULTI = new Set(['exec', 'discard', 'multi', 'watch', 'quit', 'reset']);

/** RESP2 subscribed mode: the connection has subscriptions (RESP3 connections mix replies and pushes freely). */
export function inSubscribedMode(ctx: Context): boolean {
  const subs = ctx.session.subscriptions;
  return ctx.session.resp === 2 && subs.channels.size + subs.patterns.size > 0;
}

export class Dispatcher {
  private readonly statsByDef = new Map<CommandDef, CommandStats>();
  /** Calls left until the next one timed once past a command's first TIMING_SAMPLE (see TIMING_SAMPLE). */
  private untilTimed = TIMING_SAMPLE;

  constructor(
    readonly table: CommandTable,
    private readonly server: ServerContext,
  ) {}

  /** True when the connection still has to AUTH before running commands other than no_auth ones. */
  authRequired(ctx: Context): boolean {
    return !ctx.session.authenticated && this.server.config.live.requirepass !== '';
  }

  /**
   * The command (or subcommand) argv names, or null when there is none; never replies. A container named alone
   * resolves to itself (its arity then decides).
   */
  lookup(argv: Buffer[]): CommandDef | null {
    return this.table.lookupRequest(argv) ?? null;
  }

  /** Runs one command to completion, replying through ctx.reply. */
  dispatch(ctx: Context, argv: Buffer[]): void {
    this.execute(ctx, this.lookup(argv), argv);
  }

  /** Like dispatch, with argv already looked up (the connection needs the command before running it). */
  execute(ctx: Context, def: CommandDef | null, argv: Buffer[]): void {
    const multi = ctx.session.multi;
    if (def === null) {
      const base = this.table.lookup(argv[0].toString('latin1'));
      this.server.stats.totalCommands++;
      if (base !== undefined && base.subcommands !== null) ctx.reply.error(unknownSubcommand(argv[1], base.spec.name));
      else ctx.reply.error(unknownCommand(argv[0], argv.slice(1)));
      if (multi !== null) multi.aborted = true;
      return;
    }
    if (!arityAccepts(def, argv.length)) {
      this.reject(def, ctx, wrongArity(def.spec.name));
      return;
    }
    if ((def.flags & CmdFlag.NoAuth) === 0 && this.authRequired(ctx)) {
      this.reject(def, ctx, ERR_NOAUTH);
      return;
    }
    if (multi !== null && (def.flags & CmdFlag.NoMulti) !== 0) {
      this.reject(def, ctx, ERR_NOT_ALLOWED_IN_MULTI);
      return;
    }
    // maxmemory comes next in Redis's processCommand: room is made first, then a command that may grow the
    // dataset (or anything queued inside MULTI, EXEC and DISCARD aside) is refused if there still is none.
    if (this.server.eviction.maxmemory !== 0 && !this.server.eviction.perform() && deniedOnOom(def, multi)) {
      this.rejectWrite(def, ctx, ERR_OOM);
      return;
    }
    // NOREPLICAS and READONLY are decided before queuing: a write queued in MULTI dooms the transaction, and EXEC
    // of one holding a write is discarded with EXECABORT, as Redis's rejectCommand does.
    const refusal = isWriteCommand(def, multi) ? this.replicationRefusal() : null;
    // A backup's log takes only its primary's batches; that lock is not a disk error, so READONLY answers first.
    if (refusal !== null && this.server.replication.role === 'backup') {
      this.rejectWrite(def, ctx, refusal);
      return;
    }
    // Where Redis checks for disk errors: after auth and MULTI's own checks, before subscribed mode and queuing.
    const misconf = writeRefusal(this.server.ks.store.log, def, argv, multi);
    if (misconf !== null) {
      this.rejectWrite(def, ctx, misconf);
      return;
    }
    // NOREPLICAS comes after MISCONF, as in Redis's processCommand.
    if (refusal !== null) {
      this.rejectWrite(def, ctx, refusal);
      return;
    }
    if (inSubscribedMode(ctx) && !SUBSCRIBED_MODE_COMMANDS.has(def.spec.name)) {
      this.reject(def, ctx, notAllowedInSubscribedMode(def.spec.name));
      return;
    }
    if (multi !== null && !RUN_IN_MULTI.has(def.spec.name)) {
      // Queued unparsed, as Redis queues: a bad option is an error inside EXEC's reply, not an abort.
      multi.queue.push({ def, argv: argv.map((a) => Buffer.from(a)) });
      ctx.reply.simple('QUEUED');
      return;
    }
    this.run(def, ctx, argv);
  }

  /** Refuses a command before it runs (Redis's rejected_calls); inside MULTI that dooms the transaction. */
  reject(def: CommandDef, ctx: Context, msg: string): void {
    this.statsFor(def).rejected++;
    this.server.stats.totalCommands++;
    ctx.reply.error(msg);
    if (ctx.session.multi !== null) ctx.session.multi.aborted = true;
  }

  /** A MISCONF, NOREPLICAS or READONLY refusal; refusing EXEC discards the transaction first (execCommandAbort). */
  private rejectWrite(def: CommandDef, ctx: Context, msg: string): void {
    if (def.spec.name === 'exec' && ctx.session.multi !== null) {
      ctx.session.multi = null;
      this.server.watches.unwatchAll(ctx.session);
      msg = execAbortBecause(msg);
    }
    this.reject(def, ctx, msg);
  }

  /** Executes an already resolved and admitted command (also used by MULTI/EXEC later). */
  run(def: CommandDef, ctx: Context, argv: Buffer[]): void {
    const handler = def.handler!;
    // EXEC carries no data flag of its own but runs the queued commands.
    if ((def.flags & (CmdFlag.Write | CmdFlag.ReadOnly)) !== 0 || def.spec.name === 'exec') ctx.touched = true;
    const stats = this.statsFor(def);
    const t0 = this.startTimer(stats);
    const errorsBefore = ctx.reply.errorCount;
    beginCommand();
    try {
      const plan = handler.parse(argv);
      if (plan instanceof ErrorReply) ctx.reply.error(plan.message);
      else handler.exec(ctx, plan);
    } catch (err) {
      answerLogFull(ctx, err);
    } finally {
      endCommand();
    }
    this.account(def, ctx, stats, t0, errorsBefore);
    const monitors = this.server.clients.monitors;
    if (monitors.size > 0 && (def.flags & (CmdFlag.SkipMonitor | CmdFlag.Admin)) === 0) {
      const line = formatMonitorLine(now(), ctx.session, argv);
      for (const m of monitors) m.sendMonitorLine?.(line);
    }
  }

  /**
   * Runs a command recognised by the hot path (commands/fast-path.ts) with the same bookkeeping as run(), minus
   * parse and MONITOR (the hot path is off while anyone monitors).
   */
  runFast(def: CommandDef, ctx: Context, exec: FastExec, key: string, args: SimpleArgs, takesField: boolean): void {
    if (this.server.eviction.maxmemory !== 0 && !this.server.eviction.perform() && (def.flags & CmdFlag.DenyOom) !== 0) {
      this.reject(def, ctx, ERR_OOM);
      return;
    }
    if ((def.flags & CmdFlag.Write) !== 0) {
      const refusal = this.replicationRefusal();
      const fieldLen = takesField ? args.simpleFieldLen : -1;
      const misconf =
        refusal !== null && this.server.replication.role === 'backup' ? null : fastWriteRefusal(this.server.ks.store.log, key, args.simpleValueLen, fieldLen);
      if (misconf !== null || refusal !== null) {
        this.reject(def, ctx, misconf ?? refusal!);
        return;
      }
    }
    ctx.touched = true;
    const stats = this.statsFor(def);
    const t0 = this.startTimer(stats);
    const errorsBefore = ctx.reply.errorCount;
    beginCommand();
    try {
      exec(ctx, key, args);
    } catch (err) {
      answerLogFull(ctx, err);
    } finally {
      endCommand();
    }
    this.account(def, ctx, stats, t0, errorsBefore);
  }

  /** READONLY (a read-only backup) or NOREPLICAS (a primary short of backups) for a write command, else null. */
  private replicationRefusal(): string | null {
    const repl = this.server.replication;
    // Every write asks: a primary that takes writes answers after two property reads, before any config lookup.
    if (repl.role === 'primary' && !repl.noReplicasRefusal()) return null;
    return replicationRefusal(repl, this.server.config.live['replica-read-only'] === true);
  }

  /** The start time when this call is one of the timed ones (see TIMING_SAMPLE), else -1. */
  private startTimer(stats: CommandStats): number {
    if (stats.calls < TIMING_SAMPLE) return performance.now();
    if (--this.untilTimed > 0) return -1;
    this.untilTimed = 1 + Math.floor(Math.random() * (2 * TIMING_SAMPLE - 1));
    return performance.now();
  }

  /** A finished call's stats: duration (when timed), failed (it answered an error, as Redis counts), calls. */
  private account(def: CommandDef, ctx: Context, stats: CommandStats, t0: number, errorsBefore: number): void {
    if (t0 >= 0) {
      const usec = (performance.now() - t0) * 1000;
      stats.usec += Math.round(usec * (stats.calls < TIMING_SAMPLE ? 1 : TIMING_SAMPLE));
      this.server.stats.recordLatency(def.spec.name, usec);
    }
    if (ctx.reply.errorCount !== errorsBefore) stats.failed++;
    stats.calls++;
    this.server.stats.totalCommands++;
    ctx.session.lastCommand = def.spec.name;
  }

  private statsFor(def: CommandDef): CommandStats {
    // CONFIG RESETSTAT may empty the shared map; this shortcut cache must follow.
    if (this.server.stats.commands.size < this.statsByDef.size) this.statsByDef.clear();
    let s = this.statsByDef.get(def);
    if (s === undefined) {
      const key = def.spec.name;
      s = this.server.stats.commands.get(key);
      if (s === undefined) {
        s = { calls: 0, usec: 0, rejected: 0, failed: 0 };
        this.server.stats.commands.set(key, s);
      }
      this.statsByDef.set(def, s);
    }
    return s;
  }
}

/** Redis's reject_cmd_on_oom: a deny-oom command, EXEC of a transaction holding one, or anything queued in MULTI. */
function deniedOnOom(def: CommandDef, multi: MultiState | null): boolean {
  const name = def.spec.name;
  if (multi !== null && name !== 'exec' && name !== 'discard' && name !== 'quit' && name !== 'reset') return true;
  if ((def.flags & CmdFlag.DenyOom) !== 0) return true;
  return name === 'exec' && multi !== null && multi.queue.some((q) => (q.def.flags & CmdFlag.DenyOom) !== 0);
}

/**
 * A record the log had no room for, and could not make room for, ends its command with the MISCONF refusal a
 * write would have got at admission (admission estimated it smaller: APPEND to a large string). Records the
 * command wrote before stay in the open batch; a change it made in DRAM before logging stays too, as in Redis
 * when an AOF write fails after a command ran. Anything else is a bug and is thrown on.
 */
function answerLogFull(ctx: Context, err: unknown): void {
  if (!(err instanceof LogFullError)) throw err;
  ctx.reply.error(misconfLogWrite(reasonOf(err.osError)));
}
