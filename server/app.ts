// The composition root: builds config → persistence backend → store (recovery) → keyspace → command table →
// listeners, runs the cron (active expiry, idle timeouts), and shuts down cleanly. The only file that knows
// every layer; each layer only knows the ones below it.
import { randomBytes } from 'node:crypto';
import { closeSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandTable } from './commands/registry.js';
import { Dispatcher } from './commands/dispatcher.js';
import { ALL_HANDLERS } from './commands/handlers.js';
import { ALL_SPECS } from './commands/specs/index.js';
import { ErrorReply, type ServerContext } from './commands/types.js';
import type { Config } from './config/config.js';
import { lockDataDir } from './engine/dir-lock.js';
import type { FsyncPolicy } from './engine/log.js';
import { Store } from './engine/store.js';
import { ActiveExpire } from './keyspace/active-expire.js';
import { Keyspace } from './keyspace/keyspace.js';
import { Logger, type LogLevel } from './logger.js';
import { Clients, listen, type BoundListeners } from './net/listener.js';
import { openBackend, type PersistenceBackend } from './platform/pmem.js';
import { ServerStats } from './stats.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from './version.js';

export class FahaServer implements ServerContext {
  readonly logger: Logger;
  readonly stats = new ServerStats();
  readonly startedAt = Date.now();
  readonly runId = randomBytes(20).toString('hex');
  readonly backend: PersistenceBackend;
  readonly store: Store;
  readonly ks: Keyspace;
  readonly clients: Clients;
  readonly dispatcher: Dispatcher;
  readonly dataDir: string;
  private readonly lockFd: number;
  private readonly activeExpire: ActiveExpire;
  private listeners: BoundListeners | null = null;
  private cronTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  /** Resolves when the server has shut down (SHUTDOWN, signal). */
  readonly done: Promise<number>;
  private finish!: (code: number) => void;

  constructor(readonly config: Config) {
    this.done = new Promise((r) => (this.finish = r));
    this.logger = new Logger(config.str('loglevel') as LogLevel, config.str('logfile'));
    config.onChange('loglevel', (v) => (this.logger.level = v as LogLevel));
    this.dataDir = resolve(config.str('dir'));
    this.lockFd = lockDataDir(this.dataDir);
    this.backend = openBackend(config.str('persistence-backend') as 'auto' | 'libpmem' | 'libc');
    this.logger.notice(`Persistence backend: ${this.backend.description}`);
    this.store = new Store({
      dir: this.dataDir,
      databases: config.num('databases'),
      segmentSize: config.num('segment-size'),
      backend: this.backend,
      fsync: config.str('appendfsync') as FsyncPolicy,
      warn: (m) => this.logger.warning(m),
    });
    const r = this.store.recovery;
    this.logger.notice(`DB loaded from log: ${r.keys} keys from ${r.records} records in ${(r.millis / 1000).toFixed(3)} seconds`);
    config.onChange('appendfsync', (v) => this.store.log.setFsync(v as FsyncPolicy));
    this.ks = new Keyspace(this.store, this.stats);
    this.activeExpire = new ActiveExpire(this.ks);
    this.clients = new Clients(this.store.log, this.logger);
    this.dispatcher = new Dispatcher(new CommandTable(ALL_SPECS, ALL_HANDLERS), this);
    this.clients.server = this;
    this.clients.dispatcher = this.dispatcher;
  }

  async start(): Promise<void> {
    const cfg = this.config;
    this.listeners = await listen(cfg.str('bind'), cfg.num('port'), cfg.num('tcp-backlog'), (s) => this.clients.accept(s), this.logger);
    if (cfg.str('pidfile') !== '') writeFileSync(cfg.str('pidfile'), `${process.pid}\n`);
    this.scheduleCron();
    cfg.onChange('hz', () => this.scheduleCron());
    this.logger.notice(`faha ${FAHA_VERSION} (Redis ${REDIS_COMPAT_VERSION} compatible), pid ${process.pid}, port ${cfg.num('port')}`);
    this.logger.notice('Ready to accept connections tcp');
  }

  /** Port actually bound (for tests that pass port 0 to a listener). */
  get ports(): number[] {
    return (this.listeners?.servers ?? []).map((s) => (s.address() as { port: number }).port);
  }

  private scheduleCron(): void {
    if (this.cronTimer) clearInterval(this.cronTimer);
    const hz = Math.min(500, Math.max(1, this.config.num('hz')));
    this.cronTimer = setInterval(() => this.cron(hz), Math.floor(1000 / hz));
  }

  private cron(hz: number): void {
    // Redis gives active expiry 25% of each cron period.
    this.activeExpire.cycle(250 / hz);
    this.clients.closeIdle(this.config.num('timeout'));
  }

  shutdown(mode: { save: boolean | null; now: boolean; force: boolean }): ErrorReply | null {
    if (this.stopping) return null;
    this.logger.warning('User requested shutdown...');
    try {
      this.store.log.persistAllSync();
    } catch (err) {
      this.logger.warning(`Error persisting the log on shutdown: ${(err as Error).message}`);
      if (!mode.force) return new ErrorReply('ERR Errors trying to SHUTDOWN. Check logs.');
    }
    void this.stop(0);
    return null;
  }

  /** Stops listening, closes clients, persists and closes the log, releases the lock. */
  async stop(code: number): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.cronTimer) clearInterval(this.cronTimer);
    const closing = this.listeners?.close();
    this.clients.closeAll();
    this.store.log.close();
    if (this.config.str('pidfile') !== '') {
      try {
        unlinkSync(this.config.str('pidfile'));
      } catch {
        /* already gone */
      }
    }
    closeSync(this.lockFd);
    await closing;
    this.logger.warning('faha is now ready to exit, bye bye...');
    this.finish(code);
  }
}
