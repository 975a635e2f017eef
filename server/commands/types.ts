// The shapes every command shares: its spec (data, as in Redis's src/commands/*.json), its handler
// (parse → plan | error, then exec), and the context exec runs in. No behaviour lives here.
import type { Socket } from 'node:net';
import type { Config } from '../config/config.js';
import type { Eviction } from '../keyspace/eviction.js';
import type { Keyspace } from '../keyspace/keyspace.js';
import type { ReplyWriter } from '../resp/reply.js';
import type { BlockingRegistry } from './blocking.js';
import type { Dispatcher } from './dispatcher.js';
import type { CommandDef } from './registry.js';
import type { WatchRegistry } from './transactions/watch.js';
import type { ReplicationView } from '../replication/types.js';

/** A command's key specification, as COMMAND INFO reports it (Redis 7.0 key-specs). */
export interface KeySpec {
  notes?: string;
  flags: string[];
  beginSearch:
    | { type: 'index'; index: number }
    | { type: 'keyword'; keyword: string; startFrom: number }
    | { type: 'unknown' };
  findKeys:
    | { type: 'range'; lastKey: number; keyStep: number; limit: number }
    | { type: 'keynum'; keyNumIdx: number; firstKey: number; keyStep: number }
    | { type: 'unknown' };
}

/** One argument of a command, as COMMAND DOCS reports it. */
export interface ArgSpec {
  name: string;
  type: 'key' | 'string' | 'integer' | 'double' | 'pattern' | 'unix-time' | 'pure-token' | 'oneof' | 'block';
  displayText?: string;
  keySpecIndex?: number;
  token?: string;
  summary?: string;
  since?: string;
  deprecatedSince?: string;
  flags?: ('optional' | 'multiple' | 'multiple_token')[];
  arguments?: ArgSpec[];
}

export interface CommandSpec {
  /** Lowercase; a subcommand is named `parent|sub` as in Redis. */
  name: string;
  arity: number;
  /** Redis command flags: write, readonly, denyoom, admin, pubsub, noscript, blocking, loading, stale, fast,
   *  no_auth, may_replicate, skip_monitor, skip_slowlog, no_mandatory_keys, no_multi, allow_busy, … */
  flags: string[];
  firstKey: number;
  lastKey: number;
  step: number;
  /** With the leading '@', as COMMAND INFO prints them. */
  aclCategories: string[];
  tips?: string[];
  keySpecs?: KeySpec[];
  summary: string;
  since: string;
  group: string;
  complexity?: string;
  docFlags?: string[];
  deprecatedSince?: string;
  replacedBy?: string;
  history?: [string, string][];
  arguments?: ArgSpec[];
  subcommands?: CommandSpec[];
}

/** An error reply decided while parsing or executing; `message` includes the code prefix (see resp/errors.ts). */
export class ErrorReply {
  constructor(readonly message: string) {}
}

/** A command queued by MULTI: resolved, admitted, its argv copied (it outlives the parser's buffer). */
export interface QueuedCommand {
  readonly def: CommandDef;
  readonly argv: Buffer[];
}

/** An open transaction: what MULTI queued, and whether queuing failed (EXEC then answers EXECABORT). */
export interface MultiState {
  readonly queue: QueuedCommand[];
  aborted: boolean;
}

/** The connection as commands see it. net/ implements it; commands never touch sockets. */
export interface Session {
  readonly id: number;
  db: number;
  readonly resp: 2 | 3;
  setResp(v: 2 | 3): void;
  name: string;
  libName: string;
  libVer: string;
  authenticated: boolean;
  /** CLIENT REPLY: 'skip' drops the reply of the next command only. */
  replyMode: 'on' | 'off' | 'skip';
  noEvict: boolean;
  readonly addr: string;
  readonly laddr: string;
  readonly fd: number;
  /** ms since the epoch. */
  readonly createdAt: number;
  lastInteraction: number;
  lastCommand: string;
  /** Close once the replies written so far are sent (QUIT), or at once. */
  close(afterReply: boolean): void;
  isMonitor: boolean;
  /** Delivers one MONITOR line (only called on monitor sessions). */
  sendMonitorLine?(line: string): void;
  /** The open transaction (between MULTI and EXEC/DISCARD), or null. */
  multi: MultiState | null;
  /** A key this connection WATCHes changed: its next EXEC fails (Redis's CLIENT_DIRTY_CAS). */
  dirtyCas: boolean;
  /** Channels and patterns this connection subscribes to; pub/sub (commands/pubsub/) keeps them, net/ reports them. */
  readonly subscriptions: { readonly channels: Set<string>; readonly patterns: Set<string> };
  /**
   * Sends output that answers no command of this connection (a pub/sub message): written by `write`, it leaves
   * after any replies still waiting before it, and is dropped under CLIENT REPLY OFF as Redis drops it.
   */
  deliver(write: (reply: ReplyWriter) => void): void;
  /** CLIENT LIST / CLIENT INFO line (without trailing newline). */
  describe(): string;
  /**
   * PSYNC: takes the connection's socket out of the client layer (replication streams over it from now on); its
   * earlier replies are written first. Only real connections have one.
   */
  detach?(): Socket;
}

/** Connections, for CLIENT LIST/KILL/PAUSE and INFO clients. */
export interface ClientRegistry {
  all(): Iterable<Session>;
  byId(id: number): Session | undefined;
  readonly count: number;
  /** Suspends processing of commands (all, or writes only) until `untilMs`. */
  pause(untilMs: number, writesOnly: boolean): void;
  unpause(): void;
  readonly monitors: Set<Session>;
}

/** Services the server offers commands. Passed explicitly; there is no global server object. */
export interface ServerContext {
  readonly config: Config;
  readonly clients: ClientRegistry;
  readonly ks: Keyspace;
  /** maxmemory: makes room before a command and says whether a write must be refused with OOM. */
  readonly eviction: Eviction;
  /** Counters for INFO stats and CONFIG RESETSTAT. */
  readonly stats: Stats;
  readonly startedAt: number;
  readonly runId: string;
  /** Clients blocked on keys (BLPOP and friends). */
  readonly blocking: BlockingRegistry;
  /** WATCHed keys. */
  readonly watches: WatchRegistry;
  /** Runs commands; EXEC runs the queued ones through it. */
  readonly dispatcher: Dispatcher;
  /** This node's replication role, backups or primary link, and the write checks that depend on them. */
  readonly replication: ReplicationView;
  shutdown(mode: { save: boolean | null; now: boolean; force: boolean }): ErrorReply | null;
}

export interface Stats {
  totalConnections: number;
  totalCommands: number;
  rejectedConnections: number;
  expiredKeys: number;
  keyspaceHits: number;
  keyspaceMisses: number;
  netInputBytes: number;
  netOutputBytes: number;
  /** name → calls, microseconds, rejected, failed (INFO commandstats). */
  commands: Map<string, { calls: number; usec: number; rejected: number; failed: number }>;
  /** Every error reply sent (INFO errorstats, total_error_replies). */
  recordErrorReply(msg: string): void;
  /** A measured command duration (INFO latencystats). */
  recordLatency(name: string, usec: number): void;
  reset(): void;
}

export interface Context {
  readonly session: Session;
  readonly reply: ReplyWriter;
  readonly ks: Keyspace;
  readonly server: ServerContext;
  /** False inside MULTI/EXEC: a blocking command must then answer at once, as if its timeout had passed. */
  readonly canBlock: boolean;
  /**
   * Blocks the connection on `keys` of its current database: the command's last act, with no reply written. When
   * one of the keys is signalled ready (Keyspace.signalReady) the same command runs again from its argv, in
   * arrival order among the clients blocked on that key, and may block again (keeping its first deadline). If
   * `timeoutMs` (0 = forever) passes first, the client gets a null array.
   */
  block(keys: string[], timeoutMs: number): void;
  /**
   * Suspends the connection with no reply written (the command's last act, like block): its later input waits.
   * `start` is called at once with `resume`, which must be called at most once: it writes the reply through
   * `write` and lets the connection go on. `start` returns a cancel function, called if the client goes first.
   * WAIT uses it; in MULTI (canBlock false) a command must answer at once instead.
   */
  suspend(start: (resume: (write: (reply: ReplyWriter) => void) => void) => () => void): void;
  /**
   * Set by the dispatcher when a command that reads or writes data ran (not when it was refused): its reply must
   * wait until the log is durable that far. Replies of other commands (PING, INFO, refusals) depend on nothing.
   */
  touched?: boolean;
  /** When a blocked command runs again: the key signalled ready that it is being run for (Redis serves from it). */
  readonly readyKey?: string;
}

/** A command's behaviour. `parse` is pure (argument validation only); `exec` touches data and replies. */
export interface Handler<P = unknown> {
  /** Must match a spec name (`get`, `client|id`). */
  readonly name: string;
  parse(argv: Buffer[]): P | ErrorReply;
  exec(ctx: Context, plan: P): void;
}

/** Helper for a handler whose whole work is exec (no arguments to validate beyond arity). */
export function simpleHandler(name: string, exec: (ctx: Context, argv: Buffer[]) => void): Handler<Buffer[]> {
  return { name, parse: (argv) => argv, exec };
}
