// TCP listeners for every `bind` address on `port`, and the registry of live connections (maxclients, CLIENT
// LIST/KILL/PAUSE, timeouts, release of held replies when the log becomes durable).
import { createServer, type Server, type Socket } from 'node:net';
import type { Dispatcher } from '../commands/dispatcher.js';
import { CmdFlag } from '../commands/registry.js';
import type { ClientRegistry, ServerContext, Session } from '../commands/types.js';
import { now } from '../clock.js';
import type { Log } from '../engine/log.js';
import type { Logger } from '../logger.js';
import { ERR_MAX_CLIENTS } from '../resp/errors.js';
import { Connection, type ConnectionHost } from './connection.js';

export class Clients implements ClientRegistry, ConnectionHost {
  readonly waiting = new Set<Connection>();
  readonly monitors = new Set<Session>();
  private readonly conns = new Map<number, Connection>();
  private pausedUntil = 0;
  private pauseWritesOnly = false;
  private pauseTimer: NodeJS.Timeout | null = null;
  server!: ServerContext;
  dispatcher!: Dispatcher;

  constructor(
    readonly log: Log,
    readonly logger: Logger,
  ) {
    log.onDurable = (lsn) => this.released(lsn);
  }

  get count(): number {
    return this.conns.size;
  }

  all(): Iterable<Connection> {
    return this.conns.values();
  }

  byId(id: number): Connection | undefined {
    return this.conns.get(id);
  }

  accept(socket: Socket): void {
    const stats = this.server.stats;
    if (this.conns.size >= this.server.config.num('maxclients')) {
      stats.rejectedConnections++;
      socket.end('-' + ERR_MAX_CLIENTS + '\r\n');
      return;
    }
    stats.totalConnections++;
    const keepalive = this.server.config.num('tcp-keepalive');
    if (keepalive > 0) socket.setKeepAlive(true, keepalive * 1000);
    const c = new Connection(socket, this);
    this.conns.set(c.id, c);
  }

  closed(conn: Connection): void {
    this.conns.delete(conn.id);
    this.waiting.delete(conn);
    this.monitors.delete(conn);
  }

  private released(lsn: number): void {
    for (const c of this.waiting) if (c.release(lsn)) this.waiting.delete(c);
  }

  pause(untilMs: number, writesOnly: boolean): void {
    this.pausedUntil = untilMs;
    this.pauseWritesOnly = writesOnly;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => this.unpause(), Math.max(0, untilMs - now()));
  }

  unpause(): void {
    this.pausedUntil = 0;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    for (const c of this.conns.values()) c.process();
  }

  isPaused(conn: Connection, argv: Buffer[]): boolean {
    if (this.pausedUntil === 0 || now() >= this.pausedUntil) return false;
    if (!this.pauseWritesOnly) return true;
    const def = this.dispatcher.table.lookup(argv[0].toString('latin1'));
    // CLIENT PAUSE WRITE holds back commands that may write (and EVAL-like may_replicate ones).
    return def !== undefined && (def.flags & (CmdFlag.Write | CmdFlag.MayReplicate)) !== 0;
  }

  /** Closes clients idle for longer than `timeout` seconds (called from the server cron). */
  closeIdle(timeoutSecs: number): void {
    if (timeoutSecs <= 0) return;
    const limit = now() - timeoutSecs * 1000;
    for (const c of this.conns.values()) {
      if (c.lastInteraction < limit && !c.isMonitor) {
        this.logger.verbose(`Closing idle client`);
        c.destroy();
      }
    }
  }

  closeAll(): void {
    for (const c of this.conns.values()) c.destroy();
  }
}

export interface BoundListeners {
  servers: Server[];
  close(): Promise<void>;
}

/**
 * Listens on each address of `bind`; an address with a leading '-' is skipped if it cannot be bound (as in
 * redis.conf's default "127.0.0.1 -::1"). Rejects if a required address fails.
 */
export async function listen(bind: string, port: number, backlog: number, onSocket: (s: Socket) => void, logger: Logger): Promise<BoundListeners> {
  const servers: Server[] = [];
  const addrs = bind.split(/\s+/).filter((a) => a !== '');
  for (const raw of addrs) {
    const optional = raw.startsWith('-');
    const host = optional ? raw.slice(1) : raw;
    const srv = createServer({ noDelay: true }, onSocket);
    try {
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen({ host: host === '*' ? '0.0.0.0' : host, port, backlog, exclusive: true }, () => {
          srv.off('error', reject);
          resolve();
        });
      });
      servers.push(srv);
    } catch (err) {
      if (optional) {
        logger.verbose(`Skipping optional bind address ${host}: ${(err as Error).message}`);
        continue;
      }
      for (const s of servers) s.close();
      throw new Error(`Could not create server TCP listening socket ${host}:${port}: ${(err as Error).message}`);
    }
  }
  if (servers.length === 0) throw new Error(`Failed listening on port ${port} (tcp), aborting.`);
  return {
    servers,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => {}),
  };
}
