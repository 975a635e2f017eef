// The composition root: builds config → persistence backend → store (recovery) → keyspace → command table →
// listeners, runs the cron (active expiry, idle timeouts, INFO's rate samples), and shuts down cleanly. The only
// file that knows every layer; each layer only knows the ones below it.
import { randomBytes } from 'node:crypto';
import { closeSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandTable } from './commands/registry.js';
import { Dispatcher } from './commands/dispatcher.js';
import { FastPath } from './commands/fast-path.js';
import { BlockingRegistry } from './commands/blocking.js';
import { ENCODING_LIMITS } from './keyspace/encoding-limits.js';
import { ALL_HANDLERS } from './commands/handlers.js';
import { WatchRegistry } from './commands/transactions/watch.js';
import type { ServerAdmin } from './commands/server/admin.js';
import { usedMemory } from './commands/server/info/memory.js';
import { SaveState } from './commands/server/save-state.js';
import { ALL_SPECS } from './commands/specs/index.js';
import { ErrorReply } from './commands/types.js';
import type { Config } from './config/config.js';
import { lockDataDir } from './engine/dir-lock.js';
import type { FsyncPolicy, PersistMode } from './engine/log.js';
import { Cleaner } from './engine/cleaner.js';
import { HotTier } from './engine/hot-tier.js';
import { Store } from './engine/store.js';
import { ActiveExpire } from './keyspace/active-expire.js';
import { Eviction, type EvictionPolicy } from './keyspace/eviction.js';
import { Keyspace } from './keyspace/keyspace.js';
import { lfuFrequency } from './keyspace/lfu.js';
import { Logger, type LogLevel } from './logger.js';
import { Replication } from './replication/replication.js';
import { rdmaSettingProblem, type TransportSetting } from './replication/transport/choose.js';
import type { Role } from './replication/types.js';
import { Clients, listen, type BoundListeners } from './net/listener.js';
import { openBackend, type PersistenceBackend } from './platform/pmem.js';
import { RecoveryProgressReporter, summaryLine } from './recovery-progress.js';
import { ERR_SHUTDOWN_FAILED } from './resp/errors.js';
import { ServerStats } from './stats.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from './version.js';

/** Where a daemonized server writes its pid when no pidfile is configured (Redis: /var/run/redis.pid). */
const DEFAULT_PIDFILE = '/var/run/faha.pid';
/** Redis samples its instantaneous metrics every 100 ms. */
const RATE_SAMPLE_MS = 100;

export interface ServerOptions {
  /** The process was started with daemonize yes (it is the detached child): write a pid file even by default. */
  daemonized?: boolean;
}

export class FahaServer implements ServerAdmin {
  readonly logger: Logger;
  readonly stats: ServerStats;
  readonly startedAt = Date.now();
  readonly runId = randomBytes(20).toString('hex');
  readonly replId = randomBytes(20).toString('hex');
  readonly executable = resolve(process.argv[1] ?? process.execPath);
  readonly startupMemory = usedMemory(0);
  readonly backend: PersistenceBackend;
  readonly store: Store;
  readonly ks: Keyspace;
  readonly clients: Clients;
  readonly blocking = new BlockingRegistry();
  readonly watches: WatchRegistry;
  readonly dispatcher: Dispatcher;
  readonly saves: SaveState;
  readonly cleaner: Cleaner;
  readonly hotTier: HotTier;
  readonly eviction: Eviction;
  readonly replication: Replication;
  readonly dataDir: string;
  private readonly lockFd: number;
  private readonly activeExpire: ActiveExpire;
  private readonly pidfile: string;
  private listeners: BoundListeners | null = null;
  private cronTimer: NodeJS.Timeout | null = null;
  private lastRateSample = 0;
  private stopping = false;
  private started = false;
  /** Resolves with the exit code when the server has shut down (SHUTDOWN, signal). */
  readonly done: Promise<number>;
  private finish!: (code: number) => void;

  constructor(
    readonly config: Config,
    opts: ServerOptions = {},
  ) {
    this.done = new Promise((r) => (this.finish = r));
    this.logger = new Logger(config.str('loglevel') as LogLevel, config.str('logfile'));
    // A property load, not a config lookup: it is read on every timed command.
    this.stats = new ServerStats(() => config.live['latency-tracking'] === true);
    this.pidfile = config.str('pidfile') !== '' ? config.str('pidfile') : opts.daemonized ? DEFAULT_PIDFILE : '';
    this.dataDir = resolve(config.str('dir'));
    this.lockFd = lockDataDir(this.dataDir);
    this.backend = openBackend(config.str('persistence-backend') as 'auto' | 'libpmem' | 'libc');
    this.logger.notice(`Persistence backend: ${this.backend.description}`);
    this.trackEncodingLimits();
    const progress = new RecoveryProgressReporter({ stream: process.stderr, log: (m) => this.logger.notice(m) });
    try {
      this.store = new Store({
        dir: this.dataDir,
        databases: config.num('databases'),
        segmentSize: config.num('segment-size'),
        backend: this.backend,
        fsync: config.str('appendfsync') as FsyncPolicy,
        persistMode: config.str('persist-mode') as PersistMode,
        warn: (m) => this.logger.warning(m),
        onRecoveryProgress: progress.onProgress,
      });
    } finally {
      progress.finish();
    }
    const r = this.store.recovery;
    this.logger.notice(summaryLine({ keys: r.keys, records: r.records, bytes: this.store.log.usedBytes, millis: r.millis }));
    this.ks = new Keyspace(this.store, this.stats);
    this.ks.onKeyReady = (db, key) => this.blocking.keyReady(db, key);
    this.watches = new WatchRegistry(this.ks);
    this.ks.onKeyChange = (db, key) => this.watches.touched(db, key);
    this.ks.onFlush = (db) => this.watches.flushing(db);
    this.ks.onSwap = (a, b) => this.watches.swapping(a, b);
    // Redis's dbSwapDatabases rescans both databases' blocked keys: a key that exists after the swap is ready.
    this.ks.onSwapped = (a, b) => {
      for (const db of [a, b]) {
        for (const key of this.blocking.waitedKeys(db)) if (this.ks.db(db).has(key)) this.ks.signalReady(db, key);
      }
    };
    const lfuPolicy = (v: unknown) => String(v).endsWith('-lfu');
    this.ks.lfu = lfuPolicy(config.str('maxmemory-policy'));
    config.onChange('maxmemory-policy', (v) => (this.ks.lfu = lfuPolicy(v)));
    this.saves = new SaveState(this.store.log, (m) => this.logger.warning(m));
    this.cleaner = new Cleaner(this.store, {
      maxAmplification: Number(config.str('log-max-space-amplification')),
      minLogBytes: config.num('auto-aof-rewrite-min-size'),
      warn: (m) => this.logger.warning(m),
    });
    config.onChange('log-max-space-amplification', (v) => (this.cleaner.maxAmplification = Number(v)));
    config.onChange('auto-aof-rewrite-min-size', (v) => (this.cleaner.minLogBytes = Number(v)));
    this.hotTier = new HotTier(this.store, {
      budget: config.num('hot-cache-size'),
      byFrequency: () => this.ks.lfu,
      frequency: lfuFrequency,
    });
    config.onChange('hot-cache-size', (v) => {
      this.hotTier.budget = Number(v);
      this.hotTier.check();
    });
    this.eviction = new Eviction(this.ks, this.hotTier);
    this.eviction.maxmemory = config.num('maxmemory');
    this.eviction.policy = config.str('maxmemory-policy') as EvictionPolicy;
    config.onChange('maxmemory', (v) => (this.eviction.maxmemory = Number(v)));
    config.onChange('maxmemory-policy', (v) => (this.eviction.policy = v as EvictionPolicy));
    this.activeExpire = new ActiveExpire(this.ks);
    this.clients = new Clients(this.store.log, this.logger);
    this.dispatcher = new Dispatcher(new CommandTable(ALL_SPECS, ALL_HANDLERS), this);
    this.clients.server = this;
    this.clients.dispatcher = this.dispatcher;
    this.clients.fast = new FastPath(this.dispatcher);
    const sockets = this.clients.sockets;
    if (sockets !== null) this.store.log.beforeSeal = () => sockets.pollNow();
    this.clients.bulkLimit.value = config.num('proto-max-bulk-len');
    config.onChange('proto-max-bulk-len', (v) => (this.clients.bulkLimit.value = Number(v)));
    this.replication = new Replication(
      this.store,
      config,
      this.replId,
      {
        roleChanged: (role) => this.roleChanged(role),
        pauseWrites: (ms) => this.clients.pause(Date.now() + ms, true),
        unpauseWrites: () => this.clients.unpause(),
        listeningPort: () => this.tcpPort,
        dropHeldAfter: (lsn) => this.clients.dropHeldAfter(lsn),
      },
      (m) => this.logger.notice(m),
    );
    this.applyConfigChanges();
  }

  /**
   * What only a primary does stops on a backup: the cleaner (the primary's copies arrive as batches), active expiry
   * and eviction (the primary's deletes arrive as records), and lazy expiry's deletes (ks.replica).
   */
  private roleChanged(role: Role): void {
    const backup = role === 'backup';
    this.ks.replica = backup;
    this.eviction.onBackup = backup;
    this.logger.role = backup ? 'S' : 'M';
    if (!this.started) return;
    if (backup) this.cleaner.stop();
    else this.cleaner.start();
  }

  /** Encoding thresholds, set before recovery since rebuilding a collection applies them as it grows. */
  private trackEncodingLimits(): void {
    const limits: [string, keyof typeof ENCODING_LIMITS][] = [
      ['hash-max-listpack-entries', 'hashMaxListpackEntries'],
      ['hash-max-listpack-value', 'hashMaxListpackValue'],
      ['set-max-intset-entries', 'setMaxIntsetEntries'],
      ['zset-max-listpack-entries', 'zsetMaxListpackEntries'],
      ['zset-max-listpack-value', 'zsetMaxListpackValue'],
    ];
    for (const [name, field] of limits) {
      ENCODING_LIMITS[field] = this.config.num(name);
      this.config.onChange(name, (v) => (ENCODING_LIMITS[field] = Number(v)));
    }
  }

  /**
   * Run-time CONFIG SET effects that are not read afresh where they are used (maxclients, timeout, requirepass,
   * proto-max-bulk-len… are read at each use).
   */
  private applyConfigChanges(): void {
    const cfg = this.config;
    cfg.onChange('loglevel', (v) => (this.logger.level = v as LogLevel));
    cfg.onChange('appendfsync', (v) => this.store.log.setFsync(v as FsyncPolicy));
    cfg.onChange('persist-mode', (v) => (this.store.log.persistMode = v as PersistMode));
    cfg.onChange('hz', () => this.scheduleCron());

  }

  async start(): Promise<void> {
    const cfg = this.config;
    // replication-transport rdma is a promise faha cannot keep without a usable device: refuse to start, clearly.
    const rdma = rdmaSettingProblem(cfg.str('replication-transport') as TransportSetting);
    if (rdma !== null) throw new Error(rdma);
    this.listeners = await listen(cfg.str('bind'), cfg.num('port'), cfg.num('tcp-backlog'), (s) => this.clients.accept(s), this.logger, this.clients.sockets !== null);
    this.started = true;
    this.replication.start();
    if (this.replication.role === 'primary') this.cleaner.start();
    this.hotTier.start();
    this.writePidfile();
    this.scheduleCron();
    this.logger.notice(`faha ${FAHA_VERSION} (Redis ${REDIS_COMPAT_VERSION} compatible), pid ${process.pid}, port ${this.tcpPort}`);
    this.logger.notice('Ready to accept connections');
  }

  /** Ports actually bound (for tests that pass port 0). */
  get ports(): number[] {
    return (this.listeners?.servers ?? []).map((s) => (s.address() as { port: number }).port);
  }

  get tcpPort(): number {
    return this.ports[0] ?? this.config.num('port');
  }

  private writePidfile(): void {
    if (this.pidfile === '') return;
    try {
      writeFileSync(this.pidfile, `${process.pid}\n`);
    } catch (err) {
      // Best effort, as in Redis: a server that cannot write its pid file still serves.
      this.logger.warning(`Failed to write PID file: ${(err as Error).message}`);
    }
  }

  private scheduleCron(): void {
    if (this.cronTimer) clearInterval(this.cronTimer);
    const hz = this.config.num('hz');
    this.cronTimer = setInterval(() => this.cron(hz), Math.floor(1000 / hz));
  }

  private cron(hz: number): void {
    // Redis gives active expiry 25% of each cron period.
    this.activeExpire.cycle(250 / hz);
    this.clients.closeIdle(this.config.num('timeout'));
    const now = Date.now();
    if (now - this.lastRateSample >= RATE_SAMPLE_MS) {
      this.lastRateSample = now;
      this.stats.sampleRates(now);
      this.stats.coldReadsPerSec.sample(now, this.hotTier.coldReads);
      this.stats.peakMemory = Math.max(this.stats.peakMemory, usedMemory(this.store.log.diskBytes));
    }
  }

  /** SHUTDOWN: the log is persisted whatever the mode (faha's data is the log); FORCE goes on despite errors. */
  shutdown(mode: { save: boolean | null; now: boolean; force: boolean }): ErrorReply | null {
    if (this.stopping) return null;
    this.logger.warning('User requested shutdown...');
    try {
      this.store.log.persistAllSync();
    } catch (err) {
      this.logger.warning(`Error persisting the log on shutdown: ${(err as Error).message}`);
      if (!mode.force) {
        this.logger.warning('Errors trying to shut down the server. Check the logs for more information.');
        return new ErrorReply(ERR_SHUTDOWN_FAILED);
      }
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
    this.replication.stop();
    this.cleaner.stop();
    this.hotTier.stop();
    this.store.log.close();
    if (this.pidfile !== '') {
      this.logger.notice('Removing the pid file.');
      try {
        unlinkSync(this.pidfile);
      } catch {
        // Already gone, or never written: nothing to remove.
      }
    }
    closeSync(this.lockFd);
    await closing;
    this.logger.warning('faha is now ready to exit, bye bye...');
    this.finish(code);
  }
}
