// The dispatcher: everything that happens to every command before and after its handler — lookup, arity,
// authentication, stats, MONITOR — so handlers never repeat a preamble. Handlers parse, then exec.
import { now } from '../clock.js';
import { ERR_NOAUTH, unknownCommand, unknownSubcommand, wrongArity } from '../resp/errors.js';
import { CmdFlag, type CommandDef, type CommandTable } from './registry.js';
import { ErrorReply, type Context, type ServerContext } from './types.js';
import { formatMonitorLine } from './monitor-format.js';

export class Dispatcher {
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
    const name = argv[0].toString('latin1');
    let def = this.table.lookup(name);
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

  private reject(def: CommandDef, ctx: Context, msg: string): void {
    this.statsFor(def).rejected++;
    this.server.stats.totalCommands++;
    ctx.reply.error(msg);
  }

  run(def: CommandDef, ctx: Context, argv: Buffer[]): void {
    const handler = def.handler!;
    const stats = this.statsFor(def);
    const t0 = performance.now();
    const plan = handler.parse(argv);
    if (plan instanceof ErrorReply) {
      stats.failed++;
      ctx.reply.error(plan.message);
    } else {
      handler.exec(ctx, plan);
    }
    stats.calls++;
    stats.usec += Math.round((performance.now() - t0) * 1000);
    this.server.stats.totalCommands++;
    ctx.session.lastCommand = def.spec.name;
    const monitors = this.server.clients.monitors;
    if (monitors.size > 0 && (def.flags & (CmdFlag.SkipMonitor | CmdFlag.Admin)) === 0) {
      const line = formatMonitorLine(now(), ctx.session, argv);
      for (const m of monitors) m.sendMonitorLine?.(line);
    }
  }

  private statsFor(def: CommandDef): { calls: number; usec: number; rejected: number; failed: number } {
    const key = def.spec.name;
    let s = this.server.stats.commands.get(key);
    if (s === undefined) {
      s = { calls: 0, usec: 0, rejected: 0, failed: 0 };
      this.server.stats.commands.set(key, s);
    }
    return s;
  }
}
