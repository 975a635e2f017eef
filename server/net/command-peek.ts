// What a request resolves to, found without replying: the connection needs it before dispatching (for CLIENT
// LIST's cmd= and for CLIENT PAUSE, which only holds back commands the dispatcher would run). Mirrors
// Dispatcher.resolve, which stays the one place that replies to unknown commands and wrong arity.
import type { CommandDef, CommandTable } from '../commands/registry.js';

/** The command or subcommand `argv` names, or null when there is none (Redis then shows cmd=NULL). */
export function peekCommand(table: CommandTable, argv: Buffer[]): CommandDef | null {
  const def = table.lookup(argv[0].toString('latin1'));
  if (def === undefined) return null;
  if (def.subcommands === null || argv.length < 2) return def;
  return def.subcommands.get(argv[1].toString('latin1').toLowerCase()) ?? null;
}

/** True when `argc` arguments satisfy the command's arity. */
export function arityOk(def: CommandDef, argc: number): boolean {
  const arity = def.spec.arity;
  return arity > 0 ? arity === argc : argc >= -arity;
}
