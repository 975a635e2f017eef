// The dispatcher: everything that happens to every command before and after its handler — lookup, arity,
// authentication, stats, MONITOR — so handlers never repeat a preamble. Handlers parse, then exec.
import { beginCommand, endCommand, now } from '../clock.js';
import { ERR_NOAUTH, unknownCommand, unknownSubcommand, wrongArity } from '../resp/errors.js';
import { formatMonitorLine } from './monitor-format.js';
import { CmdFlag, type CommandDef, type CommandStats, type CommandTable } from './registry.js';
import { ErrorReply, type Context, type ServerContext } from './types.js';

/**
 * Command durations are measured on one call in TIMING_SAMPLE and scaled, so INFO commandstats' usec is an
 * estimate; timing every call costs two clock reads per command on the hot path (scripts/bench.ts, SET -P 16).
 */
const TIMING_SAMPLE = 8;

export class Dispatcher {
  private readonly statsByDef = new Map<CommandDef, CommandStats>();
  private sampleCountdown = TIMING_SAMPLE;

  constructor(
    readonly table: CommandTable,
    private readonly server: ServerContext,
  ) {}

  /** True when the connection still has to AUTH before running commands other than no_auth ones. */
  authRequired(ctx: Context): boolean {
    return !ctx.session.authenticated && this.server.config.str('requirepass') !== '';
  }

  /** Resolves argv to a command (or its subcommand); replies with Redis's error and returns null when none. */
  resolve(ctx: Context, argv: Buffer[]): CommandDef | null {
    let def = this.table.lookup(argv[0].toString('latin1'));
    if (def === undefined) {
      ctx.reply.error(unknownCommand(argv[0], argv.slice(1)));
      return null;
    }
    if (def.subcommands !== null && argv.length > 1) {
      const sub = def.subcommands.get(argv[1].toString('latin1').toLowerCase());
      if (sub === undefined) {
        ctx.reply.error(unknownSubcommand(argv[1], def.spec.name));
        return null;
      }
      def = sub;
    }
    const arity = def.spec.arity;
    if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
      ctx.reply.error(wrongArity(def.spec.name));
      return null;
    }
    return def;
  }

  /** Runs one command to completion, replying through ctx.reply. */
  dispatch(ctx: Context, argv: Buffer[]): void {
    const def = this.resolve(ctx, argv);
    if (def === null) {
      this.server.stats.totalCommands++;
      return;
    }
    if ((def.flags & CmdFlag.NoAuth) === 0 && this.authRequired(ctx)) {
      this.reject(def, ctx, ERR_NOAUTH);
      return;
    }
    this.run(def, ctx, argv);
  }

  reject(def: CommandDef, ctx: Context, msg: string): void {
    this.statsFor(def).rejected++;
    this.server.stats.totalCommands++;
    ctx.reply.error(msg);
  }

  /** Executes an already resolved and admitted command (also used by MULTI/EXEC later). */
  run(def: CommandDef, ctx: Context, argv: Buffer[]): void {
    const handler = def.handler!;
    const stats = this.statsFor(def);
    const timed = --this.sampleCountdown === 0;
    const t0 = timed ? performance.now() : 0;
    beginCommand();
    try {
      const plan = handler.parse(argv);
      if (plan instanceof ErrorReply) {
        stats.failed++;
        ctx.reply.error(plan.message);
      } else {
        handler.exec(ctx, plan);
      }
    } finally {
      endCommand();
    }
    if (timed) {
      this.sampleCountdown = TIMING_SAMPLE;
      stats.usec += Math.round((performance.now() - t0) * 1000 * TIMING_SAMPLE);
    }
    stats.calls++;
    this.server.stats.totalCommands++;
    ctx.session.lastCommand = def.spec.name;
    const monitors = this.server.clients.monitors;
    if (monitors.size > 0 && (def.flags & (CmdFlag.SkipMonitor | CmdFlag.Admin)) === 0) {
      const line = formatMonitorLine(now(), ctx.session, argv);
      for (const m of monitors) m.sendMonitorLine?.(line);
    }
  }

  private statsFor(def: CommandDef): CommandStats {
    // CONFIG RESETSTAT empties the shared map; our shortcut cache must follow.
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
