// What the rest of the server sees of replication: the node's role, its backups or its primary, and the checks the
// dispatcher and WAIT need. Implemented by replication/replication.ts; commands and INFO read only this.
import type { Session } from '../commands/types.js';

export type Role = 'primary' | 'backup';

/** One backup as the primary sees it (INFO replication's slaveN line, ROLE). */
export interface BackupView {
  /** The address it connected from and the port it says it listens on (REPLCONF listening-port). */
  readonly ip: string;
  readonly port: number;
  /** Redis's replica states: wait_bgsave (handshake), send_bulk (full sync or catch-up), online (live). */
  readonly state: 'wait_bgsave' | 'send_bulk' | 'online';
  /** The highest LSN it has said is persisted on it. */
  readonly ackLSN: number;
  /** Whole seconds since its last ack (Redis's lag). */
  readonly lagSeconds: number;
  /** How batches reach it: "tcp", or "rdma,rdma_batches=…,tcp_batches=…". */
  readonly transportInfo: string;
}

/** Where a backup stands with its primary (INFO replication on a backup, ROLE). */
export interface PrimaryLinkView {
  readonly host: string;
  readonly port: number;
  /** master_link_status: up once the stream is live (catch-up or full sync done). */
  readonly up: boolean;
  /** Redis's connect / sync / connected states, for ROLE. */
  readonly state: 'connect' | 'connecting' | 'sync' | 'connected';
  /** Seconds since the primary last sent anything (-1 before the first byte). */
  readonly lastIoSecondsAgo: number;
  /** A full sync is being received. */
  readonly syncInProgress: boolean;
  /** Bytes of the full sync received so far and expected in all (0 when none runs). */
  readonly syncReceived: number;
  readonly syncTotal: number;
  /** Seconds since the link went down (-1 while up). */
  readonly downSinceSeconds: number;
  /** How batches arrive: "tcp", "rdma,…", or "none" while not connected. */
  readonly transportInfo: string;
}

export interface ReplicationView {
  readonly role: Role;
  /** The fencing epoch: bumped by every promotion; batches carry it. */
  readonly epoch: number;
  /** The replication offset: the LSN of the newest record applied here (same numbering on every node). */
  readonly offset: number;
  /** Backups connected to this primary (empty on a backup). */
  readonly backups: readonly BackupView[];
  /** The link to the primary (null on a primary). */
  readonly link: PrimaryLinkView | null;
  /** FAILOVER in progress: Redis's master_failover_state (no-failover, waiting-for-sync, failover-in-progress). */
  readonly failoverState: string;
  /**
   * Whether write commands get NOREPLICAS now (sync-backups not met for longer than sync-backups-timeout, or
   * min-replicas-to-write not met). Cheap: read for every write command.
   */
  noReplicasRefusal(): boolean;
  /** Backups whose persisted LSN is at least `lsn` (WAIT). */
  ackedBy(lsn: number): number;
  /** Calls `listener` whenever a backup's ack advances or a backup goes; returns the unsubscribe function. */
  onAck(listener: () => void): () => void;
  /** REPLICAOF host port: become (or re-point) a backup of that primary. */
  replicaOf(host: string, port: number): void;
  /** REPLICAOF NO ONE: become a primary, bumping the epoch. */
  promote(): void;
  /**
   * FAILOVER: hand the primary role to a backup (the one at host:port, or the most advanced) once it has every
   * write; null when started, else the error reply text. `force` promotes it at the timeout even if behind.
   */
  failover(opts: { host: string | null; port: number; timeoutMs: number; force: boolean }): string | null;
  /** FAILOVER ABORT: null when a failover was aborted, else the error reply text. */
  abortFailover(): string | null;
  /**
   * PSYNC from a faha backup (after its REPLCONF handshake): takes the session's socket for the replication stream
   * and answers it; null when taken, else the error reply text (nothing was taken).
   */
  acceptBackup(session: Session): string | null;
  /** REPLCONF faha-stale: a newer primary at `host`:`port` says this node was replaced; true when it rejoins. */
  staleNotice(host: string, epoch: number, port: number): boolean;
}
