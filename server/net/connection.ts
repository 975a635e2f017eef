// One client connection: reads bytes into the request parser, runs each command through the dispatcher and hands
// each round's replies to its output queue (which waits for durability). Owns the socket, backpressure, CLIENT
// REPLY's dropping of replies and CLIENT PAUSE's holding of commands; knows nothing of what commands do.
import type { Socket } from 'node:net';
import type { Waiter } from '../commands/blocking.js';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { CommandDef } from '../commands/registry.js';
import { ErrorReply, type Context, type MultiState, type ServerContext, type Session } from '../commands/types.js';
import { coarseNow, now } from '../clock.js';
import type { Log } from '../engine/log.js';
import type { Logger } from '../logger.js';
import { ReplyWriter } from '../resp/reply.js';
import { ProtocolError, RequestParser, SIMPLE_NONE, type ParserLimits } from '../resp/request-parser.js';
import type { FastPath } from '../commands/fast-path.js';
import { formatClientInfo, type ClientInfoSource } from './client-info.js';
import type { ClientSocket, WriteGroup } from './client-socket.js';
import { OutputQueue } from './output-queue.js';

/**
 * Output a connection may have queued (replies of this round, replies waiting for durability, bytes the kernel
 * has not taken) before it stops running that client's commands and reading its requests. Bounds the memory a
 * client that pipelines a lot and reads slowly can pin, and lets every other client keep its turn.
 */
export const OUTPUT_HIGH_WATER = 1024 * 1024;
/** How long CLIENT LIST's rbp (reply peak) remembers a peak, as Redis's clientsCron does. */
const PEAK_WINDOW_MS = 5000;

export interface ConnectionHost {
  readonly server: ServerContext;
  readonly dispatcher: Dispatcher;
  readonly log: Log;
  readonly logger: Logger;
  /** Connections with held output, flushed when the log reports durability. */
  readonly waiting: Set<Connection>;
  /** Sessions in MONITOR mode (the hot path is off while there are any). */
  readonly monitors: Set<Session>;
  /** proto-max-bulk-len, kept current by the composition root (the parser reads it for every bulk). */
  readonly bulkLimit: { value: number };
  /** The GET/SET hot path. */
  readonly fast: FastPath;
  /** True while a CLIENT PAUSE is in effect (the hot path is off then). */
  pauseActive(): boolean;
  /** True when CLIENT PAUSE holds back `argv` (which resolves to `def`, null if to nothing) for now. */
  holds(conn: Connection, def: CommandDef | null, argv: Buffer[]): boolean;
  /** `conn` has a command held back and must be resumed when the pause ends. */
  parked(conn: Connection): void;
  closed(conn: Connection): void;
}

let nextId = 1;

let flushQueue: Connection[] = [];
function flushAll(): void {
  const q = flushQueue;
  flushQueue = [];
  // The turn's replies leave together where the socket layer can (one native call for all the sockets).
  const group = q.length > 1 ? q[0].writeGroup : null;
  group?.begin();
  try {
    for (const c of q) c.flushNow();
  } finally {
    group?.end();
  }
}
function scheduleFlush(c: Connection): void {
  if (flushQueue.push(c) === 1) setImmediate(flushAll);
}

function argvBytes(argv: Buffer[]): number {
  let n = 0;
  for (const a of argv) n += a.length;
  return n;
}

export class Connection implements Session, ClientInfoSource {
  readonly id = nextId++;
  db = 0;
  name = '';
  libName = '';
  libVer = '';
  authenticated: boolean;
  noEvict = false;
  isMonitor = false;
  readonly createdAt = now();
  lastInteraction = this.createdAt;
  lastCommand = 'NULL';
  readonly addr: string;
  readonly laddr: string;
  readonly fd: number;
  readonly reply = new ReplyWriter();
  readonly ctx: Context & { readyKey?: string };

  private readonly parser: RequestParser;
  private readonly output: OutputQueue;
  private closeAfterReply = false;
  private dead = false;
  /** Reading is paused because output backed up (the socket wants a drain, or OUTPUT_HIGH_WATER was reached). */
  private inputPaused = false;
  /** Inside process(): replies go out with the round, and process() must not re-enter. */
  private processing = false;
  /** A command held back by CLIENT PAUSE (copied: it outlives the parser's buffer). */
  private parkedArgv: Buffer[] | null = null;
  /** The command being run, for argv-mem. */
  private currentArgv: Buffer[] | null = null;
  /** Redis's qbuf while a round runs: everything received that the round started with. */
  private roundInput = -1;
  private peak = 0;
  private peakSince = this.createdAt;
  private mode: 'on' | 'off' | 'skip' = 'on';
  /** The command being run follows CLIENT REPLY SKIP: its reply is dropped (Redis's CLIENT_REPLY_SKIP). */
  private skipCurrent = false;
  private flushScheduled = false;
  private resumeScheduled = false;
  readonly subscriptions = { channels: new Set<string>(), patterns: new Set<string>() };
  multi: MultiState | null = null;
  dirtyCas = false;
  /** Set by ctx.block() during a command; taken by whoever ran the command. */
  private blockRequest: { keys: string[]; timeoutMs: number } | null = null;
  /** What the command just run asked to be resumed by (ctx.suspend), and how to cancel it while suspended. */
  private suspendRequest: Parameters<Context['suspend']>[0] | null = null;
  private cancelSuspend: (() => void) | null = null;
  /** The command this connection is blocked in (BLPOP…), if any. */
  private blockedOn: BlockedCommand | null = null;

  constructor(
    private readonly socket: ClientSocket,
    private readonly host: ConnectionHost,
  ) {
    const node = socket.node;
    this.addr = formatAddr(node.remoteAddress, node.remotePort);
    this.laddr = formatAddr(node.localAddress, node.localPort);
    this.fd = socket.fd;
    const cfg = host.server.config;
    // Redis authenticates a connection at creation when the default user needs no password.
    this.authenticated = cfg.str('requirepass') === '';
    this.parser = new RequestParser(new ConnectionLimits(this, host));
    this.ctx = {
      session: this,
      reply: this.reply,
      ks: host.server.ks,
      server: host.server,
      canBlock: true,
      touched: false,
      block: (keys, timeoutMs) => (this.blockRequest = { keys, timeoutMs }),
      suspend: (start) => (this.suspendRequest = start),
    };
    this.reply.onError = (msg) => host.server.stats.recordErrorReply(msg);
    this.output = new OutputQueue(socket, host.log, (bytes, ok) => this.written(bytes, ok));
    node.setNoDelay(true);
    socket.start({
      data: (chunk) => this.onData(chunk),
      drain: () => this.maybeResume(),
      full: () => this.pauseInput(),
      end: () => this.peerEnded(),
      gone: () => this.destroy(),
    });
  }

  /** CLIENT REPLY's mode; 'skip' means the next command's reply is dropped. */
  get replyMode(): 'on' | 'off' | 'skip' {
    return this.mode;
  }

  /** Turning replies on also cancels the skip of the command being run, as CLIENT REPLY ON does in Redis. */
  set replyMode(v: 'on' | 'off' | 'skip') {
    if (v === 'on') this.skipCurrent = false;
    this.mode = v;
  }

  get resp(): 2 | 3 {
    return this.reply.resp;
  }

  setResp(v: 2 | 3): void {
    this.reply.resp = v;
  }

  private onData(chunk: Buffer): void {
    if (this.dead || this.closeAfterReply) return;
    this.host.server.stats.netInputBytes += chunk.length;
    this.lastInteraction = coarseNow();
    this.parser.feed(chunk);
    if (this.closedOverQueryLimit()) return;
    this.process();
    // The arguments of an unfinished command count only once parsed, and the chunk just run may have parsed
    // most of them: checking on the next chunk alone would miss a client that has sent all it means to.
    this.closedOverQueryLimit();
  }

  /**
   * Closes the client, with Redis's log line, when its input is over client-query-buffer-limit. The commands before
   * the oversized one keep their replies (Redis has written them before it reads further); it gets none.
   */
  private closedOverQueryLimit(): boolean {
    if (this.dead || this.parser.heldBytes <= (this.host.server.config.live['client-query-buffer-limit'] as number)) {
      return false;
    }
    this.host.logger.warning(`Closing client that reached max query buffer length: ${this.describe()}`);
    this.close(true);
    return true;
  }

  /** Runs every complete command in the input (until output backs up or a pause holds one), then sends or holds the replies. */
  process(): void {
    if (this.processing || this.dead) return;
    this.processing = true;
    this.roundInput = this.parser.pendingBytes;
    try {
      this.runCommands();
    } finally {
      this.processing = false;
      this.currentArgv = null;
      this.roundInput = -1;
    }
    this.flush();
  }

  private runCommands(): void {
    // A hot-path command changes none of what fastAllowed() reads; any other command may, so it is asked again
    // after each of those. Asking per command was ~1% of LPUSH -P 16.
    let fast = this.fastAllowed();
    for (;;) {
      if (this.closeAfterReply || this.dead || this.blockedOn !== null) return;
      if (this.outputBacklog >= OUTPUT_HIGH_WATER) {
        this.pauseInput();
        return;
      }
      const parked = this.parkedArgv;
      if (parked === null && fast) {
        const op = this.parser.nextSimple();
        if (op !== SIMPLE_NONE) {
          const parser = this.parser;
          this.host.fast.run(op, this.ctx, parser.simpleKey, parser);
          // Keys made ready for blocked clients are served after the command, as after any command (runOne).
          const blocking = this.host.server.blocking;
          if (blocking.hasReady) blocking.serveReady();
          continue;
        }
      }
      this.parkedArgv = null;
      const argv = parked ?? this.parser.next();
      if (argv === null) return;
      if (argv instanceof ProtocolError) {
        this.protocolError(argv);
        return;
      }
      if (!this.runOne(argv, parked !== null)) return;
      fast = this.fastAllowed();
    }
  }

  /** Whether plain GET/SET may take the hot path (commands/fast-path.ts) for this connection right now. */
  private fastAllowed(): boolean {
    const host = this.host;
    const subs = this.subscriptions;
    return (
      this.authenticated &&
      this.mode === 'on' &&
      this.multi === null &&
      host.fast.enabled &&
      host.monitors.size === 0 &&
      subs.channels.size + subs.patterns.size === 0 &&
      !host.pauseActive()
    );
  }

  /** Dispatches one command; false when CLIENT PAUSE holds it back. */
  private runOne(argv: Buffer[], copied: boolean): boolean {
    const def = this.host.dispatcher.lookup(argv);
    // Redis records the command as the client's last before running it (even when its arity is wrong or a
    // pause holds it back).
    this.lastCommand = def === null ? 'NULL' : def.spec.name;
    if (this.host.holds(this, def, argv)) {
      this.parkedArgv = copied ? argv : argv.map((a) => Buffer.from(a));
      this.host.parked(this);
      return false;
    }
    // CLIENT REPLY SKIP drops the reply of the command after it; OFF drops every reply until ON.
    if (this.mode === 'skip') {
      this.mode = 'on';
      this.skipCurrent = true;
    }
    const mark = this.reply.length;
    this.currentArgv = argv;
    this.host.dispatcher.execute(this.ctx, def, argv);
    this.currentArgv = null;
    if (this.skipCurrent || this.mode === 'off') this.reply.discardFrom(mark);
    this.skipCurrent = false;
    const blocking = this.host.server.blocking;
    if (this.blockRequest !== null) this.startBlocking(def!, copied ? argv : argv.map((a) => Buffer.from(a)));
    else if (this.suspendRequest !== null) this.startSuspended(def!, copied ? argv : argv.map((a) => Buffer.from(a)));
    if (blocking.hasReady) blocking.serveReady();
    return this.blockedOn === null;
  }

  /** The command just run asked to block (ctx.block): wait on its keys until served or timed out. */
  private startBlocking(def: CommandDef, argv: Buffer[]): void {
    const req = this.blockRequest!;
    this.blockRequest = null;
    const b = new BlockedCommand(this.db, req.keys, def, argv, (key) => this.retryBlocked(key));
    this.blockedOn = b;
    this.host.server.blocking.add(b);
    if (req.timeoutMs > 0) {
      // setTimeout caps at 2^31-1 ms; a longer wait re-arms until its deadline.
      const deadline = now() + req.timeoutMs;
      const arm = () => {
        const left = deadline - now();
        if (left <= 0) this.blockTimedOut();
        else b.timer = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
      };
      arm();
    }
  }

  /**
   * The command just run asked to be suspended (ctx.suspend): blocked on no key until resumed. It counts as a
   * blocked client (as Redis's WAIT does) for CLIENT LIST and the idle timeout, not for any key's waiters.
   */
  private startSuspended(def: CommandDef, argv: Buffer[]): void {
    const start = this.suspendRequest!;
    this.suspendRequest = null;
    const b = new BlockedCommand(this.db, [], def, argv, () => true);
    this.blockedOn = b;
    let resumed = false;
    this.cancelSuspend = start((write) => {
      if (resumed || this.dead || this.blockedOn !== b) return;
      resumed = true;
      this.cancelSuspend = null;
      write(this.reply);
      this.unblocked();
    });
  }

  /** One of the blocked command's keys may be ready: run the command again; true when it was served. */
  private retryBlocked(key: string): boolean {
    const b = this.blockedOn;
    if (b === null || this.dead) return true;
    const handler = b.def.handler!;
    const plan = handler.parse(b.argv);
    this.ctx.readyKey = key;
    this.ctx.touched = true;
    try {
      if (plan instanceof ErrorReply) this.reply.error(plan.message);
      else handler.exec(this.ctx, plan);
    } finally {
      this.ctx.readyKey = undefined;
    }
    if (this.blockRequest !== null) {
      this.blockRequest = null;
      return false;
    }
    this.unblocked();
    return true;
  }

  private blockTimedOut(): void {
    const b = this.blockedOn;
    if (b === null) return;
    this.host.server.blocking.remove(b);
    this.reply.nilArray();
    this.unblocked();
  }

  /** Leaves the blocked state: the reply goes out and the input that waited behind the command runs. */
  private unblocked(): void {
    const b = this.blockedOn!;
    if (b.timer !== null) clearTimeout(b.timer);
    this.blockedOn = null;
    this.flush();
    setImmediate(() => this.process());
  }

  private protocolError(err: ProtocolError): void {
    // The parser builds the text from raw bytes (an offending byte as one latin1 character): sent byte for byte.
    if (this.mode !== 'off') this.reply.error(err.message);
    this.closeAfterReply = true;
    this.host.logger.verbose(`Protocol error (${err.message}) from client: ${this.describe()}`);
  }

  /** Sends this round's replies now if everything they depend on is durable, else holds them. */
  flush(): void {
    if (this.dead) return;
    // Replies leave at the end of the event-loop turn, after every readable client has been served (Redis's
    // handleClientsWithPendingWrites): one wake-up of a client per turn instead of one per read
    // (scripts/bench.ts, -c 50: the writes' wake-ups were a third of the server's time).
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      scheduleFlush(this);
    }
  }

  /** What batches this connection's writes with other connections' at the end of a turn, if its socket layer does. */
  get writeGroup(): WriteGroup | null {
    return this.socket.group;
  }

  /** Sends (or holds for durability) what this turn's commands replied. */
  flushNow(): void {
    this.flushScheduled = false;
    if (this.dead) return;
    if (this.reply.length > 0) {
      this.notePeak(this.reply.length);
      // A round of replies none of which read or wrote data (PING, INFO, refusals) waits for nothing: a node whose
      // writes wait for absent backups still answers them.
      const tag = this.ctx.touched === true ? this.host.log.appliedLSN : 0;
      this.ctx.touched = false;
      if (this.output.push(this.reply.take(), tag)) {
        this.host.waiting.add(this);
        return;
      }
    }
    if (this.closeAfterReply && !this.output.waiting) this.end();
  }

  /** The log is durable up to `lsn`: send what waited for it. Returns true when nothing is held any more. */
  /** The newest LSN a held reply of this connection waits for (0 when none waits). */
  get heldUntil(): number {
    return this.output.newestTag;
  }

  release(lsn: number): boolean {
    if (this.dead) return true;
    if (!this.output.release(lsn)) return false;
    // Reading paused at the high-water mark resumes through written(), which every release goes through.
    if (this.closeAfterReply) this.end();
    return true;
  }

  sendMonitorLine(line: string): void {
    this.deliver((r) => r.simple(line));
  }

  deliver(write: (reply: ReplyWriter) => void): void {
    // Under CLIENT REPLY OFF Redis drops such output like any other.
    if (this.dead || this.mode === 'off') return;
    write(this.reply);
    // While this connection runs commands (or has replies of this turn pending), the output joins them.
    if (this.processing || this.flushScheduled) return;
    if (this.output.pushUntagged(this.reply.take())) this.host.waiting.add(this);
  }

  private written(bytes: number, ok: boolean): void {
    this.host.server.stats.netOutputBytes += bytes;
    // Redis counts a write as interaction too (idle time, timeout).
    if (bytes > 0) this.lastInteraction = coarseNow();
    // The client is not reading its replies: stop reading its requests until the kernel takes more.
    if (!ok) this.pauseInput();
    // A write the kernel took whole returns true and is followed by no 'drain' (Node 20 settles a synchronous
    // write before write() returns), so reading paused at the high-water mark must be resumed from here.
    // Deferred: written() runs inside flushes and durability callbacks, which must not run commands.
    else if (this.inputPaused && !this.resumeScheduled) {
      this.resumeScheduled = true;
      setImmediate(() => {
        this.resumeScheduled = false;
        this.maybeResume();
      });
    }
  }

  /** Bytes of output queued and not yet taken by the kernel. */
  private get outputBacklog(): number {
    return this.reply.length + this.output.pendingBytes;
  }

  private pauseInput(): void {
    if (this.inputPaused) return;
    this.inputPaused = true;
    this.socket.pauseReading();
  }

  /**
   * The peer sent its last bytes (they have run): as in Redis the client goes, but faha first lets out the replies
   * still waiting for durability. A blocked command is dropped, as Redis frees a blocked client.
   */
  private peerEnded(): void {
    if (this.blockedOn !== null || this.parkedArgv !== null) this.destroy();
    else this.close(true);
  }

  /** Resumes reading and running commands once output has drained below the high-water mark. */
  private maybeResume(): void {
    if (!this.inputPaused || this.dead || this.socket.needsDrain || this.outputBacklog >= OUTPUT_HIGH_WATER) return;
    this.inputPaused = false;
    this.socket.resumeReading();
    this.process();
  }

  /** The pause that held this connection back is over (called by the registry, outside any dispatch). */
  unparked(): void {
    if (this.parkedArgv !== null) this.process();
  }

  close(afterReply: boolean): void {
    if (!afterReply) this.destroy();
    else if (!this.closeAfterReply) {
      this.closeAfterReply = true;
      if (!this.processing) this.flush();
    }
  }

  /**
   * PSYNC: the socket leaves the client layer to carry a replication stream. What this connection was answered
   * before (the handshake's replies) is written first, held or not, since it depends on no data.
   */
  detach(): Socket {
    const out = this.output.takeHeld();
    if (this.reply.length > 0) out.push(...this.reply.take());
    const node = this.socket.detach();
    for (const b of out) node.write(b);
    this.dead = true;
    this.host.waiting.delete(this);
    this.host.closed(this);
    return node;
  }

  private end(): void {
    if (this.dead) return;
    this.dead = true;
    this.socket.end();
    this.host.closed(this);
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.cancelSuspend !== null) {
      this.cancelSuspend();
      this.cancelSuspend = null;
    }
    if (this.blockedOn !== null) {
      this.host.server.blocking.remove(this.blockedOn);
      if (this.blockedOn.timer !== null) clearTimeout(this.blockedOn.timer);
      this.blockedOn = null;
    }
    this.socket.destroy();
    this.host.closed(this);
  }

  private notePeak(bytes: number): void {
    const t = coarseNow();
    if (t - this.peakSince >= PEAK_WINDOW_MS) {
      this.peak = 0;
      this.peakSince = t;
    }
    if (bytes > this.peak) this.peak = bytes;
  }

  /** Replies of this turn not yet handed to the output queue (they leave at the end of the turn). */
  get flushPending(): boolean {
    return this.flushScheduled;
  }

  get blocked(): boolean {
    return this.parkedArgv !== null || this.blockedOn !== null;
  }

  get closing(): boolean {
    return this.closeAfterReply;
  }

  get queryBufferBytes(): number {
    return this.roundInput >= 0 ? this.roundInput : this.parser.pendingBytes;
  }

  get argvBytes(): number {
    const argv = this.currentArgv ?? this.parkedArgv ?? this.blockedOn?.argv ?? null;
    return argv === null ? 0 : argvBytes(argv);
  }

  get replyBufferBytes(): number {
    return this.reply.length;
  }

  get replyPeak(): number {
    return now() - this.peakSince >= PEAK_WINDOW_MS ? 0 : this.peak;
  }

  get pendingOutputChunks(): number {
    return this.output.pendingChunks;
  }

  get pendingOutputBytes(): number {
    return this.output.pendingBytes;
  }

  get reading(): boolean {
    return !this.inputPaused;
  }

  get writing(): boolean {
    return this.socket.queuedBytes > 0;
  }

  describe(): string {
    return formatClientInfo(this, now());
  }
}

/** Redis's anetFormatAddr: IPv6 addresses in brackets; IPv4-mapped IPv6 shown as plain IPv4. */
export function formatAddr(ip: string | undefined, port: number | undefined): string {
  const a = ip ?? '?';
  const bare = a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
  return bare.includes(':') ? `[${bare}]:${port ?? 0}` : `${bare}:${port ?? 0}`;
}

/**
 * The parser's limits for one connection. A class, so every connection's limits share one map: an object literal
 * with a getter got a map of its own per connection, and with 50 clients the parser's reads of it went
 * megamorphic (Builtins_LoadIC was 6.6% of LPUSH -P 16 under perf).
 */
class ConnectionLimits implements ParserLimits {
  constructor(
    private readonly conn: Connection,
    private readonly host: ConnectionHost,
  ) {}

  get maxBulk(): number {
    return this.host.bulkLimit.value;
  }

  authRequired(): boolean {
    return !this.conn.authenticated && this.host.server.config.live.requirepass !== '';
  }
}

/** A command waiting in BLPOP and friends: where it waits, and what to run again when a key may be ready. */
class BlockedCommand implements Waiter {
  timer: NodeJS.Timeout | null = null;
  constructor(
    readonly db: number,
    readonly keys: readonly string[],
    readonly def: CommandDef,
    /** Copied: it outlives the parser's buffer. */
    readonly argv: Buffer[],
    readonly retry: (key: string) => boolean,
  ) {}
}
