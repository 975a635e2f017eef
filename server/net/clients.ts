// The registry of live connections: admission (maxclients), tcp-keepalive, CLIENT LIST/KILL lookups, CLIENT
// PAUSE (which commands wait, and resuming them in the order they were held), MONITOR sessions, idle timeouts,
// and releasing held replies when the log becomes durable.
import type { Socket } from 'node:net';
import type { Dispatcher } from '../commands/dispatcher.js';
import type { FastPath } from '../commands/fast-path.js';
import { arityAccepts, CmdFlag, type CommandDef } from '../commands/registry.js';
import { connectionClosed } from '../commands/session-hooks.js';
import type { ClientRegistry, ServerContext, Session } from '../commands/types.js';
import { now } from '../clock.js';
import type { Log } from '../engine/log.js';
import type { Logger } from '../logger.js';
import { ERR_MAX_CLIENTS } from '../resp/errors.js';
import { StreamSocket } from './client-socket.js';
import { Connection, type ConnectionHost } from './connection.js';
import { EpollSockets } from './epoll-sockets.js';
import { PauseState } from './pause.js';

/** setTimeout's longest delay; a longer pause re-arms the timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class Clients implements ClientRegistry, ConnectionHost {
  readonly waiting = new Set<Connection>();
  readonly monitors = new Set<Session>();
  private readonly conns = new Map<number, Connection>();
  private readonly pauseState = new PauseState();
  /** Connections holding a command back, in the order they were held (they resume in that order). */
  private readonly held = new Set<Connection>();
  private pauseTimer: NodeJS.Timeout | null = null;
  server!: ServerContext;
  dispatcher!: Dispatcher;
  fast!: FastPath;
  readonly bulkLimit = { value: 512 * 1024 * 1024 };
  /**
   * The native poller that reads every client socket in one call per turn, or null to use Node's streams (where
   * it is unavailable, or FAHA_CLIENT_IO=streams). Listeners must accept with pauseOnConnect when it is set.
   */
  readonly sockets: EpollSockets | null = process.env.FAHA_CLIENT_IO === 'streams' ? null : EpollSockets.open();

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
      // Best effort, as in Redis: the peer may already be gone.
      socket.on('error', () => {});
      // Read (and discarded) by Node, so the close completes when the peer's FIN arrives.
      socket.resume();
      socket.end('-' + ERR_MAX_CLIENTS + '\r\n');
      return;
    }
    stats.totalConnections++;
    const keepalive = this.server.config.num('tcp-keepalive');
    if (keepalive > 0) socket.setKeepAlive(true, keepalive * 1000);
    const c = new Connection(this.sockets?.adopt(socket) ?? new StreamSocket(socket), this);
    this.conns.set(c.id, c);
  }

  closed(conn: Connection): void {
    connectionClosed(conn, this.server);
    this.conns.delete(conn.id);
    this.waiting.delete(conn);
    this.monitors.delete(conn);
    this.held.delete(conn);
  }

  private released(lsn: number): void {
    for (const c of this.waiting) if (c.release(lsn)) this.waiting.delete(c);
  }

  /**
   * A primary stepping down: replies waiting for LSNs past `lsn` (what its backups acknowledged) can never be
   * released truthfully, so their connections are closed; the clients see the outcome as unknown, never as done.
   */
  dropHeldAfter(lsn: number): void {
    for (const c of [...this.waiting]) {
      if (c.heldUntil <= lsn) continue;
      this.logger.notice(`Closing a client whose write was never acknowledged by the backups: ${c.describe()}`);
      this.waiting.delete(c);
      c.destroy();
    }
  }

  pause(untilMs: number, writesOnly: boolean): void {
    const end = this.pauseState.set(untilMs, writesOnly, now());
    if (end !== 0) this.armPauseTimer();
  }

  private armPauseTimer(): void {
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    const left = this.pauseState.endsAt - now();
    this.pauseTimer = setTimeout(() => (this.pauseState.active(now()) ? this.armPauseTimer() : this.unpause()), Math.min(Math.max(0, left), MAX_TIMER_MS));
  }

  unpause(): void {
    this.pauseState.clear();
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
    if (this.held.size === 0) return;
    const resumed = [...this.held];
    this.held.clear();
    // Outside the current dispatch (CLIENT UNPAUSE runs inside one): each held client resumes in its own turn.
    setImmediate(() => {
      for (const c of resumed) c.unparked();
    });
  }

  pauseActive(): boolean {
    // Checked for every command on the hot path: read the clock only when a pause was set at all.
    return this.pauseState.pending && this.pauseState.active(now());
  }

  holds(conn: Connection, def: CommandDef | null, argv: Buffer[]): boolean {
    // Asked for every command: read the clock only when a pause was set at all (Date.now() per command was ~1.5%
    // of LPUSH -P 16, scripts/bench.ts).
    if (!this.pauseState.pending) return false;
    const t = now();
    if (!this.pauseState.active(t)) return false;
    // Redis never pauses replicas, and a MONITOR client is one there.
    if (conn.isMonitor) return false;
    // What the dispatcher rejects (unknown command, wrong arity, NOAUTH) is rejected at once, as in Redis.
    if (def === null || !arityAccepts(def, argv.length)) return false;
    if ((def.flags & CmdFlag.NoAuth) === 0 && this.dispatcher.authRequired(conn.ctx)) return false;
    return this.pauseState.holds(def, t);
  }

  parked(conn: Connection): void {
    this.held.add(conn);
  }

  /**
   * Closes clients idle for more than `timeoutSecs` whole seconds (called from the server cron). Like Redis,
   * MONITOR clients and clients held by CLIENT PAUSE are never timed out; nor is a client whose replies wait for
   * durability (Redis writes a reply in the turn its command ran, which counts as interaction).
   */
  closeIdle(timeoutSecs: number): void {
    if (timeoutSecs <= 0) return;
    const nowSecs = Math.floor(now() / 1000);
    for (const c of [...this.conns.values()]) {
      // A client with replies still to leave this turn is not idle (Redis writes them before its next cron).
      if (c.isMonitor || c.blocked || c.flushPending || this.waiting.has(c)) continue;
      if (nowSecs - Math.floor(c.lastInteraction / 1000) > timeoutSecs) {
        this.logger.verbose('Closing idle client');
        c.destroy();
      }
    }
  }

  closeAll(): void {
    for (const c of [...this.conns.values()]) c.destroy();
  }
}
