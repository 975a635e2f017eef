// Replication as the server sees it: which role this node has (primary with backups, or backup of a primary), the
// switches between them (REPLICAOF, REPLICAOF NO ONE, FAILOVER), and the view commands and INFO read. Owns the
// role objects; tells the server when the role changes so it can stop or start what only a primary does.
import type { Session } from '../commands/types.js';
import type { Config } from '../config/config.js';
import type { Store } from '../engine/store.js';
import { ERR_PSYNC_NO_SOCKET, ERR_PSYNC_NOT_FAHA, psyncOnBackup } from '../resp/errors.js';
import { Backup } from './backup.js';
import { takeBackupState } from './handshake.js';
import { Primary } from './primary.js';
import { StaleNotice } from './stale-notice.js';
import type { LinkContext, TransportSetting } from './transport/choose.js';
import type { BackupView, PrimaryLinkView, ReplicationView, Role } from './types.js';

export interface ReplicationHooks {
  /** The role changed: a backup runs no cleaner, no active expiry, no eviction, and refuses writes. */
  roleChanged(role: Role): void;
  /** FAILOVER holds write commands while the chosen backup catches up (CLIENT PAUSE WRITE), and lets them go. */
  pauseWrites(ms: number): void;
  unpauseWrites(): void;
  /** The port this node serves clients on (a backup tells its primary). */
  listeningPort(): number;
  /** Closes the connections whose replies wait for an LSN past `lsn` (never acknowledged by enough backups). */
  dropHeldAfter(lsn: number): void;
}

/** How often FAILOVER looks whether its backup has every write. */
const FAILOVER_POLL_MS = 10;

/** "host port" of the replicaof directive, or null when unset. */
export function parseReplicaOf(v: string): { host: string; port: number } | null {
  const words = v.trim().split(/\s+/);
  if (words.length !== 2 || words[0] === '') return null;
  const port = Number(words[1]);
  return Number.isInteger(port) && port > 0 && port < 65536 ? { host: words[0], port } : null;
}

export class Replication implements ReplicationView {
  private primary: Primary | null = null;
  private backup: Backup | null = null;
  private readonly listeners = new Set<() => void>();
  private failing: { timer: NodeJS.Timeout; deadline: number } | null = null;
  /** After a promotion: the former primary, told it is stale until it joins (see stale-notice.ts). */
  private notice: StaleNotice | null = null;
  failoverState = 'no-failover';

  constructor(
    private readonly store: Store,
    private readonly config: Config,
    readonly replId: string,
    private readonly hooks: ReplicationHooks,
    private readonly say: (msg: string) => void,
  ) {}

  /** Takes the configured role: a backup of `replicaof` when set, else a primary. */
  start(): void {
    const of = parseReplicaOf(this.config.str('replicaof'));
    if (of !== null) this.replicaOf(of.host, of.port);
    else this.becomePrimary();
    for (const name of ['sync-backups', 'sync-backups-timeout', 'min-replicas-to-write', 'min-replicas-max-lag']) {
      this.config.onChange(name, () => this.primary?.settingsChanged());
    }
  }

  stop(): void {
    this.cancelFailover();
    this.notice?.stop();
    this.stepDown();
    this.backup?.stop();
    this.backup = null;
  }

  get role(): Role {
    return this.backup === null ? 'primary' : 'backup';
  }

  get epoch(): number {
    return this.store.log.epochNumber;
  }

  get offset(): number {
    return this.store.log.appliedLSN;
  }

  get backups(): readonly BackupView[] {
    return this.primary === null ? [] : [...this.primary.links];
  }

  get link(): PrimaryLinkView | null {
    return this.backup;
  }

  noReplicasRefusal(): boolean {
    return this.primary !== null && this.primary.refuseWrites;
  }

  ackedBy(lsn: number): number {
    return this.primary === null ? 0 : this.primary.ackedBy(lsn);
  }

  onAck(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  replicaOf(host: string, port: number): void {
    if (this.backup !== null && this.backup.host === host && this.backup.port === port) return;
    this.cancelFailover();
    this.notice?.stop();
    this.notice = null;
    this.stepDown();
    this.backup?.stop();
    const log = this.store.log;
    log.flush();
    log.replica = true;
    this.hooks.roleChanged('backup');
    const b = new Backup(host, port, this.store, {
      listeningPort: () => this.hooks.listeningPort(),
      masterAuth: () => this.config.str('masterauth'),
      masterUser: () => this.config.str('masteruser'),
      timeoutSeconds: () => this.config.num('repl-timeout'),
    }, this.say, this.linkContext);
    b.onPromote = () => this.promote();
    // Our primary became a backup (FAILOVER to another node): follow it to its primary.
    b.onRedirect = (h, p) => {
      this.say(`${host}:${port} is now a backup of ${h}:${p}: following it.`);
      this.replicaOf(h, p);
    };
    this.backup = b;
    // CONFIG GET replicaof and CONFIG REWRITE follow the role, however it changed (REPLICAOF, FAILOVER, fencing).
    this.config.setInitial('replicaof', [host, String(port)]);
    this.say(`Becoming a backup of ${host}:${port}.`);
    b.start();
    this.notify();
  }

  promote(): void {
    if (this.backup === null) return;
    const former = this.backup;
    former.stop();
    this.backup = null;
    const log = this.store.log;
    log.replica = false;
    this.config.setInitial('replicaof', ['no', 'one']);
    const epoch = Math.max(...log.epochHistory.map((e) => e.epoch)) + 1;
    log.beginEpoch(epoch);
    this.say(`Promoted to primary: epoch ${epoch} begins at LSN ${log.nextLSN}.`);
    this.becomePrimary();
    this.notice = new StaleNotice(
      former.host,
      former.port,
      () => this.epoch,
      () => this.hooks.listeningPort(),
      () => ({ user: this.config.str('masteruser'), pass: this.config.str('masterauth') }),
      this.say,
    );
    this.notice.start();
    this.notify();
  }

  /**
   * `REPLCONF faha-stale <epoch> <port>` from `host`: a primary of a newer epoch says this node was replaced. A
   * primary of an older epoch becomes its backup (the full sync drops its unacknowledged tail); true when it did.
   */
  staleNotice(host: string, epoch: number, port: number): boolean {
    if (this.primary === null || epoch <= this.epoch) return false;
    this.say(`A primary of epoch ${epoch} at ${host}:${port} replaced this node (epoch ${this.epoch}): rejoining as its backup.`);
    this.replicaOf(host, port);
    return true;
  }

  acceptBackup(session: Session): string | null {
    if (this.primary === null) return this.backup === null ? ERR_PSYNC_NO_SOCKET : psyncOnBackup(this.backup.host, this.backup.port);
    const state = takeBackupState(session);
    if (state === null) return ERR_PSYNC_NOT_FAHA;
    if (session.detach === undefined) return ERR_PSYNC_NO_SOCKET;
    this.primary.accept(session.detach(), state);
    return null;
  }

  failover(opts: { host: string | null; port: number; timeoutMs: number; force: boolean }): string | null {
    const primary = this.primary;
    if (primary === null || this.failing !== null) return 'ERR FAILOVER already in progress.';
    const target = primary.pick(opts.host, opts.port);
    if (target === null) return opts.host === null ? 'ERR FAILOVER requires connected replicas.' : 'ERR FAILOVER target HOST and PORT is not a replica.';
    const deadline = opts.timeoutMs > 0 ? Date.now() + opts.timeoutMs : Infinity;
    this.failoverState = 'waiting-for-sync';
    this.hooks.pauseWrites(opts.timeoutMs > 0 ? opts.timeoutMs + 1000 : 2 ** 31 - 1);
    this.say(`FAILOVER to ${target.ip}:${target.port}: writes paused until it has every write.`);
    const poll = (): void => {
      if (this.primary !== primary) return;
      const level = target.ackLSN >= this.store.log.appliedLSN;
      const late = Date.now() >= deadline;
      if (!level && !late) {
        this.failing = { timer: setTimeout(poll, FAILOVER_POLL_MS), deadline };
        return;
      }
      if (!level && !opts.force) {
        this.say('FAILOVER timed out before the backup had every write: aborted.');
        this.cancelFailover();
        return;
      }
      this.failing = null;
      this.failoverState = 'failover-in-progress';
      target.promote();
      // Closing the link must not drop the PROMOTE frame still queued on it.
      const handOver = (): void => {
        if (this.primary !== primary) return;
        if (!target.flushed) {
          setTimeout(handOver, FAILOVER_POLL_MS);
          return;
        }
        this.replicaOf(target.ip, target.port);
        this.failoverState = 'no-failover';
        this.hooks.unpauseWrites();
      };
      handOver();
    };
    this.failing = { timer: setTimeout(poll, 0), deadline };
    return null;
  }

  abortFailover(): string | null {
    if (this.failing === null) return 'ERR No failover in progress.';
    this.say('FAILOVER aborted.');
    this.cancelFailover();
    return null;
  }

  private cancelFailover(): void {
    if (this.failing === null) return;
    clearTimeout(this.failing.timer);
    this.failing = null;
    this.failoverState = 'no-failover';
    this.hooks.unpauseWrites();
  }

  /** Ends the primary role, if any, without letting an unbacked write's reply out as a success. */
  private stepDown(): void {
    const p = this.primary;
    if (p === null) return;
    this.primary = null;
    const backed = p.stop();
    if (backed !== Infinity) this.hooks.dropHeldAfter(backed);
    p.openGate();
  }

  private becomePrimary(): void {
    this.hooks.roleChanged('primary');
    this.primary = new Primary(
      this.store.log,
      {
        syncBackups: () => this.config.num('sync-backups'),
        syncBackupsTimeoutMs: () => this.config.num('sync-backups-timeout'),
        minReplicasToWrite: () => this.config.num('min-replicas-to-write'),
        minReplicasMaxLagSeconds: () => this.config.num('min-replicas-max-lag'),
        timeoutSeconds: () => this.config.num('repl-timeout'),
      },
      this.replId,
      this.say,
      () => this.notify(),
      this.linkContext,
    );
  }

  /** What a link needs to pick and run its transport. */
  private get linkContext(): LinkContext {
    return {
      setting: this.config.str('replication-transport') as TransportSetting,
      segments: () => this.store.log.segmentList,
      segment: (id) => this.store.log.findSegment(id),
      say: this.say,
    };
  }

  private notify(): void {
    for (const f of [...this.listeners]) f();
  }
}
