// The command table: specs (data, as in Redis's src/commands/*.json) joined with handlers (behaviour). A command
// is supported exactly when it has a handler; its spec then drives arity, flags, COMMAND INFO/DOCS and GETKEYS.
// A handler without a spec is a start-up error, so the dispatcher and COMMAND can never disagree.
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
  /** Null only for containers (CLIENT, CONFIG…), which dispatch to a subcommand. */
  readonly handler: Handler | null;
  readonly flags: number;
  readonly subcommands: Map<string, CommandDef> | null;
  readonly parent: CommandDef | null;
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

export class CommandTable {
  private readonly byName = new Map<string, CommandDef>();
  /** Exact-case spellings seen on the wire → command, so "SET" and "set" both skip toLowerCase after once. */
  private readonly spellings = new Map<string, CommandDef | null>();

  constructor(specs: CommandSpec[], handlers: Handler[]) {
    const byHandlerName = new Map<string, Handler>();
    for (const h of handlers) {
      if (byHandlerName.has(h.name)) throw new Error(`two handlers for command ${h.name}`);
      byHandlerName.set(h.name, h);
    }
    const used = new Set<string>();
    for (const spec of specs) {
      if (this.byName.has(spec.name)) throw new Error(`two specs for command ${spec.name}`);
      if (spec.subcommands && spec.subcommands.length > 0) {
        const supported = spec.subcommands.filter((s) => byHandlerName.has(s.name));
        if (supported.length === 0) continue;
        const containerSpec: CommandSpec = { ...spec, subcommands: supported };
        const subs = new Map<string, CommandDef>();
        const def: CommandDef = { spec: containerSpec, handler: null, flags: flagBits(spec), subcommands: subs, parent: null };
        for (const s of supported) {
          used.add(s.name);
          subs.set(s.name.slice(s.name.indexOf('|') + 1), { spec: s, handler: byHandlerName.get(s.name)!, flags: flagBits(s), subcommands: null, parent: def });
        }
        this.byName.set(spec.name, def);
      } else {
        const h = byHandlerName.get(spec.name);
        if (h === undefined) continue;
        used.add(spec.name);
        this.byName.set(spec.name, { spec, handler: h, flags: flagBits(spec), subcommands: null, parent: null });
      }
    }
    for (const name of byHandlerName.keys()) {
      if (!used.has(name)) throw new Error(`handler ${name} has no spec`);
    }
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

  /** All supported top-level commands, in table order. */
  all(): IterableIterator<CommandDef> {
    return this.byName.values();
  }

  get size(): number {
    return this.byName.size;
  }
}
