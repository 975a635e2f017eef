// The command table: specs (data, as in Redis's src/commands/*.json) joined with handlers (behaviour). A command
// is supported exactly when it has a handler; its spec then drives arity, flags, COMMAND INFO/DOCS and GETKEYS.
// A handler without a spec is a start-up error, so the dispatcher and COMMAND can never disagree.
import { NameTable } from './name-table.js';
import type { CommandSpec, Handler } from './types.js';

export const enum CmdFlag {
  Write = 1 << 0,
  ReadOnly = 1 << 1,
  DenyOom = 1 << 2,
  Admin = 1 << 3,
  PubSub = 1 << 4,
  NoScript = 1 << 5,
  Blocking = 1 << 6,
  Loading = 1 << 7,
  Stale = 1 << 8,
  SkipMonitor = 1 << 9,
  SkipSlowlog = 1 << 10,
  Fast = 1 << 11,
  NoAuth = 1 << 12,
  MayReplicate = 1 << 13,
  NoMulti = 1 << 14,
  AllowBusy = 1 << 15,
  NoMandatoryKeys = 1 << 16,
  MovableKeys = 1 << 17,
  NoAsyncLoading = 1 << 18,
  Asking = 1 << 19,
}

const FLAG_BITS: Record<string, number> = {
  write: CmdFlag.Write,
  readonly: CmdFlag.ReadOnly,
  denyoom: CmdFlag.DenyOom,
  admin: CmdFlag.Admin,
  pubsub: CmdFlag.PubSub,
  noscript: CmdFlag.NoScript,
  blocking: CmdFlag.Blocking,
  loading: CmdFlag.Loading,
  stale: CmdFlag.Stale,
  skip_monitor: CmdFlag.SkipMonitor,
  skip_slowlog: CmdFlag.SkipSlowlog,
  fast: CmdFlag.Fast,
  no_auth: CmdFlag.NoAuth,
  may_replicate: CmdFlag.MayReplicate,
  no_multi: CmdFlag.NoMulti,
  allow_busy: CmdFlag.AllowBusy,
  no_mandatory_keys: CmdFlag.NoMandatoryKeys,
  movablekeys: CmdFlag.MovableKeys,
  no_async_loading: CmdFlag.NoAsyncLoading,
  asking: CmdFlag.Asking,
};

export interface CommandStats {
  calls: number;
  usec: number;
  rejected: number;
  failed: number;
}

export interface CommandDef {
  /** The spec as supported: a container's `subcommands` holds only the supported subcommands. */
  readonly spec: CommandSpec;
  /**
   * Null only for containers (CLIENT, CONFIG…), which dispatch to a subcommand. A container may also have a
   * handler of its own for when it is called without one (COMMAND).
   */
  readonly handler: Handler | null;
  readonly flags: number;
  readonly subcommands: Map<string, CommandDef> | null;
  readonly parent: CommandDef | null;
}

/**
 * A handler that describes the table serving it (COMMAND and its subcommands). The table introduces itself to such
 * handlers when it is built, since the Context that exec receives does not carry the table.
 */
export interface TableAware {
  bindTable(table: CommandTable): void;
}

function isTableAware(h: Handler): h is Handler & TableAware {
  return typeof (h as Partial<TableAware>).bindTable === 'function';
}

/** True when `argc` arguments (the name included) satisfy the command's arity, as Redis's processCommand checks. */
export function arityAccepts(def: CommandDef, argc: number): boolean {
  const arity = def.spec.arity;
  return arity > 0 ? arity === argc : argc >= -arity;
}

function flagBits(spec: CommandSpec): number {
  let flags = 0;
  for (const f of spec.flags) {
    const bit = FLAG_BITS[f];
    if (bit === undefined) throw new Error(`command ${spec.name}: unknown flag ${f}`);
    flags |= bit;
  }
  return flags;
}

/** The part of a subcommand's full name after the '|' (`client|id` → `id`). */
function subName(fullName: string): string {
  return fullName.slice(fullName.indexOf('|') + 1);
}

export class CommandTable {
  private readonly byName = new Map<string, CommandDef>();
  /** Exact-case spellings looked up by name → command, so "SET" and "set" both skip toLowerCase after once. */
  private readonly spellings = new Map<string, CommandDef | null>();
  /** The same names looked up by a request's bytes (lookupRequest). */
  private readonly byBytes: NameTable<CommandDef>;

  constructor(specs: CommandSpec[], handlers: Handler[]) {
    const byHandlerName = new Map<string, Handler>();
    for (const h of handlers) {
      if (byHandlerName.has(h.name)) throw new Error(`two handlers for command ${h.name}`);
      byHandlerName.set(h.name, h);
    }
    const used = new Set<string>();
    const specNames = new Set<string>();
    for (const spec of specs) {
      if (specNames.has(spec.name)) throw new Error(`two specs for command ${spec.name}`);
      specNames.add(spec.name);
      const def = spec.subcommands && spec.subcommands.length > 0 ? container(spec, byHandlerName, used) : plain(spec, byHandlerName, used);
      if (def !== null) this.byName.set(spec.name, def);
    }
    for (const name of byHandlerName.keys()) {
      if (!used.has(name)) throw new Error(`handler ${name} has no spec`);
    }
    this.byBytes = new NameTable(this.byName);
    for (const h of byHandlerName.values()) if (isTableAware(h)) h.bindTable(this);
  }

  /** The top-level command named `name` (any case). */
  lookup(name: string): CommandDef | undefined {
    let def = this.spellings.get(name);
    if (def === undefined) {
      def = this.byName.get(name.toLowerCase()) ?? null;
      // Bounded: junk names from a fuzzer must not grow the cache without limit.
      if (this.spellings.size < 4096) this.spellings.set(name, def);
    }
    return def ?? undefined;
  }

  /**
   * A command by its full name, `get` or `client|id` (any case), as COMMAND INFO/DOCS name them: a container
   * with a second part must have that subcommand, a plain command must not have one, and deeper names are none.
   */
  lookupFullName(fullName: string): CommandDef | undefined {
    const parts = fullName.split('|');
    if (parts.length > 2) return undefined;
    const base = this.byName.get(parts[0].toLowerCase());
    if (parts.length === 1 || base === undefined) return base;
    return base.subcommands?.get(parts[1].toLowerCase());
  }

  /**
   * The command a request names by its first words (argv as received): the container itself when it is called
   * alone or has no subcommands, else its subcommand, or undefined when that is not served. The dispatcher and
   * COMMAND GETKEYS both resolve requests through this.
   */
  lookupRequest(argv: Buffer[]): CommandDef | undefined {
    const base = this.byBytes.get(argv[0]);
    if (base === undefined || base.subcommands === null || argv.length === 1) return base;
    return base.subcommands.get(argv[1].toString('latin1').toLowerCase());
  }

  /** All supported top-level commands, in table order. */
  all(): IterableIterator<CommandDef> {
    return this.byName.values();
  }

  /** Every supported command, each container followed by its subcommands (COMMAND LIST's order). */
  *everyCommand(): IterableIterator<CommandDef> {
    for (const def of this.byName.values()) {
      yield def;
      if (def.subcommands !== null) yield* def.subcommands.values();
    }
  }

  /** Number of top-level commands (COMMAND COUNT). */
  get size(): number {
    return this.byName.size;
  }
}

function plain(spec: CommandSpec, handlers: Map<string, Handler>, used: Set<string>): CommandDef | null {
  const h = handlers.get(spec.name);
  if (h === undefined) return null;
  used.add(spec.name);
  return { spec, handler: h, flags: flagBits(spec), subcommands: null, parent: null };
}

/** A container is served when it has a handler of its own or at least one served subcommand. */
function container(spec: CommandSpec, handlers: Map<string, Handler>, used: Set<string>): CommandDef | null {
  const supported = spec.subcommands!.filter((s) => handlers.has(s.name));
  const own = handlers.get(spec.name) ?? null;
  if (supported.length === 0 && own === null) return null;
  if (own !== null) used.add(spec.name);
  const subs = new Map<string, CommandDef>();
  const def: CommandDef = { spec: { ...spec, subcommands: supported }, handler: own, flags: flagBits(spec), subcommands: subs, parent: null };
  for (const s of supported) {
    used.add(s.name);
    subs.set(subName(s.name), { spec: s, handler: handlers.get(s.name)!, flags: flagBits(s), subcommands: null, parent: def });
  }
  return def;
}
