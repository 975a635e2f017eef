// One client connection: reads bytes into the request parser, runs each command through the dispatcher, and
// releases replies in order once what they depend on is durable (DESIGN §4.5). Owns the socket, output queue and
// backpressure; knows nothing of what commands do.
import type { Socket } from 'node:net';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { Context, ServerContext, Session } from '../commands/types.js';
import { now } from '../clock.js';
import type { Log } from '../engine/log.js';
import type { Logger } from '../logger.js';
import { ReplyWriter } from '../resp/reply.js';
import { ProtocolError, RequestParser } from '../resp/request-parser.js';

/** Replies of one processing round, held until the log is durable up to `tag`. */
interface HeldOutput {
  bufs: Buffer[];
  tag: number;
}

export interface ConnectionHost {
  readonly server: ServerContext;
  readonly dispatcher: Dispatcher;
  readonly log: Log;
  readonly logger: Logger;
  /** Connections with held output, flushed when the log reports durability. */
  readonly waiting: Set<Connection>;
  /** True while CLIENT PAUSE holds this kind of command back. */
  isPaused(conn: Connection, argv: Buffer[]): boolean;
  closed(conn: Connection): void;
}

let nextId = 1;

export class Connection implements Session {
  readonly id = nextId++;
  db = 0;
  name = '';
  libName = '';
  libVer = '';
  authenticated = false;
  replyMode: 'on' | 'off' | 'skip' = 'on';
  noEvict = false;
  isMonitor = false;
  readonly createdAt = now();
  lastInteraction = this.createdAt;
  lastCommand = 'NULL';
  readonly addr: string;
  readonly laddr: string;
  readonly fd: number;
  readonly reply = new ReplyWriter();
  readonly ctx: Context;

  private readonly parser: RequestParser;
  private held: HeldOutput[] = [];
  private closeAfterReply = false;
  private dead = false;
  private readPaused = false;
  /** Commands parsed but not yet run (while paused by CLIENT PAUSE). */
  private parked: Buffer[] | null = null;

  constructor(
    private readonly socket: Socket,
    private readonly host: ConnectionHost,
  ) {
    this.addr = formatAddr(socket.remoteAddress, socket.remotePort);
    this.laddr = formatAddr(socket.localAddress, socket.localPort);
    this.fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    const cfg = host.server.config;
    this.parser = new RequestParser({
      maxBulkLen: () => cfg.num('proto-max-bulk-len'),
      authRequired: () => !this.authenticated && cfg.str('requirepass') !== '',
    });
    this.ctx = { session: this, reply: this.reply, ks: host.server.ks, server: host.server };
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('drain', () => this.onDrain());
    socket.on('error', () => this.destroy());
    socket.on('close', () => this.destroy());
  }

  get resp(): 2 | 3 {
    return this.reply.resp;
  }

  setResp(v: 2 | 3): void {
    this.reply.resp = v;
  }

  get pendingInputBytes(): number {
    return this.parser.pendingBytes;
  }

  get heldOutputBytes(): number {
    let n = this.reply.length;
    for (const h of this.held) for (const b of h.bufs) n += b.length;
    return n + this.socket.writableLength;
  }

  private onData(chunk: Buffer): void {
    if (this.dead || this.closeAfterReply) return;
    this.host.server.stats.netInputBytes += chunk.length;
    this.lastInteraction = now();
    this.parser.feed(chunk);
    if (this.parser.pendingBytes > this.host.server.config.num('client-query-buffer-limit')) {
      // Redis closes such a client without a reply and logs it.
      this.host.logger.warning(`Closing client that reached max query buffer length: ${this.describe()}`);
      this.destroy();
      return;
    }
    this.process();
  }

  /** Runs every complete command in the input, then sends or holds the replies. */
  process(): void {
    const dispatcher = this.host.dispatcher;
    for (;;) {
      let argv: Buffer[] | null | ProtocolError;
      if (this.parked !== null) {
        argv = this.parked;
        this.parked = null;
      } else {
        argv = this.parser.next();
      }
      if (argv === null) break;
      if (argv instanceof ProtocolError) {
        this.reply.error(argv.message);
        this.closeAfterReply = true;
        this.host.logger.verbose(`Protocol error (${argv.message}) from client: ${this.describe()}`);
        break;
      }
      if (this.host.isPaused(this, argv)) {
        this.parked = argv;
        break;
      }
      dispatcher.dispatch(this.ctx, argv);
      if (this.closeAfterReply || this.dead) break;
    }
    this.flush();
  }

  /** Sends this round's replies now if everything they depend on is durable, else holds them. */
  flush(): void {
    if (this.dead) return;
    if (this.reply.length > 0) {
      const log = this.host.log;
      const tag = log.appliedLSN;
      if (this.held.length === 0 && tag <= log.durableLSN) {
        this.write(this.reply.take());
      } else {
        this.held.push({ bufs: this.reply.take(), tag });
        this.host.waiting.add(this);
        return;
      }
    }
    if (this.closeAfterReply && this.held.length === 0) this.end();
  }

  /** The log is durable up to `lsn`: send what waited for it. Returns true when nothing is held any more. */
  release(lsn: number): boolean {
    if (this.dead) return true;
    let i = 0;
    while (i < this.held.length && this.held[i].tag <= lsn) {
      this.write(this.held[i].bufs);
      i++;
    }
    if (i > 0) this.held = this.held.slice(i);
    if (this.held.length > 0) return false;
    if (this.closeAfterReply) this.end();
    return true;
  }

  sendMonitorLine(line: string): void {
    if (this.dead) return;
    this.reply.simple(line);
    // Monitor output does not depend on durability of anything this client wrote.
    if (this.held.length === 0) this.write(this.reply.take());
  }

  private write(bufs: Buffer[]): void {
    const socket = this.socket;
    let ok = true;
    if (bufs.length === 1) {
      this.host.server.stats.netOutputBytes += bufs[0].length;
      ok = socket.write(bufs[0]);
    } else {
      socket.cork();
      for (const b of bufs) {
        this.host.server.stats.netOutputBytes += b.length;
        ok = socket.write(b) && ok;
      }
      socket.uncork();
    }
    if (!ok && !this.readPaused) {
      // The client is not reading its replies: stop reading its requests until the kernel takes more.
      this.readPaused = true;
      socket.pause();
    }
  }

  private onDrain(): void {
    if (!this.readPaused || this.dead) return;
    this.readPaused = false;
    this.socket.resume();
    this.process();
  }

  close(afterReply: boolean): void {
    if (afterReply) this.closeAfterReply = true;
    else this.destroy();
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
    this.socket.destroy();
    this.host.closed(this);
  }

  describe(): string {
    const idle = Math.floor((now() - this.lastInteraction) / 1000);
    const age = Math.floor((now() - this.createdAt) / 1000);
    return (
      `id=${this.id} addr=${this.addr} laddr=${this.laddr} fd=${this.fd} name=${this.name} age=${age} idle=${idle} ` +
      `flags=${this.isMonitor ? 'O' : 'N'} db=${this.db} sub=0 psub=0 ssub=0 multi=-1 qbuf=${this.parser.pendingBytes} ` +
      `qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=0 events=r ` +
      `cmd=${this.lastCommand} user=default redir=-1 resp=${this.resp} lib-name=${this.libName} lib-ver=${this.libVer}`
    );
  }
}

/** Redis's anetFormatAddr: IPv6 addresses in brackets. */
export function formatAddr(ip: string | undefined, port: number | undefined): string {
  const a = ip ?? '?';
  const bare = a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
  return bare.includes(':') ? `[${bare}]:${port ?? 0}` : `${bare}:${port ?? 0}`;
}
