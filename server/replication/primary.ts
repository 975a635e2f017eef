// The primary role: accepts backups (PSYNC), decides between catch-up from the log and a full sync, ships every
// sealed batch to the live ones, and turns their acks into the log's backup gate (sync-backups) and the NOREPLICAS
// state. Owns the backup links; never writes the log.
import type { Socket } from 'node:net';
import { BH_FIRST_LSN_LO, readU64 } from '../engine/format.js';
import type { Log, SealedPart } from '../engine/log.js';
import type { Segment } from '../engine/segment.js';
import { encodeHistory, outgoingBatch } from './frames.js';
import { BackupLink, type LinkHooks } from './backup-link.js';
import type { BackupState } from './handshake.js';
import { linkTransport, type LinkContext } from './transport/choose.js';
import { TcpTransport } from './transport/tcp.js';

/** What the primary reads of the configuration, live (CONFIG SET takes effect at once). */
export interface PrimarySettings {
  syncBackups(): number;
  syncBackupsTimeoutMs(): number;
  minReplicasToWrite(): number;
  minReplicasMaxLagSeconds(): number;
  /** Seconds without an ack after which a backup's link is dropped (repl-timeout, as Redis drops silent replicas). */
  timeoutSeconds(): number;
}

const CHECK_MS = 100;
const PING_MS = 1000;

export class Primary {
  readonly links = new Set<BackupLink>();
  /** NOREPLICAS: writes are refused (sync-backups unmet for longer than its timeout, or min-replicas-to-write). */
  refuseWrites = false;
  private gate = 0;
  private gateFor = 0;
  private degradedSince = 0;
  private readonly timer: NodeJS.Timeout;
  private lastPing = 0;
  private readonly hooks: LinkHooks;

  constructor(
    private readonly log: Log,
    private readonly settings: PrimarySettings,
    private readonly replId: string,
    private readonly say: (msg: string) => void,
    /** Told whenever an ack advances or a backup goes (WAIT listens). */
    private readonly notify: () => void,
    private readonly linkContext: LinkContext,
  ) {
    this.hooks = {
      acked: () => this.acked(),
      closed: (link, why) => this.linkClosed(link, why),
      online: () => this.check(),
      log: say,
    };
    this.gate = log.appliedLSN;
    log.onSealed = (parts) => this.sealed(parts);
    log.onFreed = (id) => {
      for (const l of this.links) l.freed(id);
    };
    this.refreshGate();
    this.timer = setInterval(() => this.tick(), CHECK_MS);
    this.timer.unref();
    this.check();
  }

  /**
   * Stops being a primary: every backup link is closed and replies no longer wait for backups. Returns the LSN the
   * required backups acknowledged (Infinity when none were required): replies waiting for more must not go out.
   */
  stop(): number {
    clearInterval(this.timer);
    this.log.onSealed = null;
    this.log.onFreed = () => {};
    for (const l of [...this.links]) l.close('this node is no longer a primary');
    const backed = this.settings.syncBackups() === 0 ? Infinity : this.gate;
    this.refuseWrites = false;
    return backed;
  }

  /** After stop(): replies wait for nothing from backups any more. */
  openGate(): void {
    this.log.setBackupGate(Infinity);
  }

  /**
   * PSYNC from a backup whose handshake said where its log stands: answers +CONTINUE (catch-up from our log) or
   * +FULLRESYNC (a snapshot), then streams. The socket is no longer a client's.
   */
  accept(socket: Socket, backup: BackupState): void {
    const transport = linkTransport(new TcpTransport(socket), 'primary', this.linkContext);
    const link = new BackupLink(transport, backup.port, this.log, this.hooks);
    this.links.add(link);
    const from = this.catchUpPoint(backup);
    if (from === null) {
      socket.write(`+FULLRESYNC ${this.replId} ${this.log.appliedLSN}\r\n`);
      transport.send(encodeHistory(this.log.epochHistory));
      link.startSnapshot();
    } else {
      socket.write(`+CONTINUE ${this.replId}\r\n`);
      transport.send(encodeHistory(this.log.epochHistory));
      const live = new Set(this.log.segmentList.map((s) => s.id));
      const stale = backup.segments.filter((id) => !live.has(id) && id < from.seg.id);
      this.say(`Backup ${transport.remoteAddress}:${backup.port} continues from LSN ${backup.lsn + 1}.`);
      link.startCatchUp(from, stale);
    }
    this.refreshGate();
    this.check();
  }

  /**
   * Where a backup can go on from in our log, or null when it needs a full sync: its log must be a prefix of ours
   * (its epoch in our history, and it has nothing written after that epoch ended here), the next batch must still
   * be in our log, and it must sit where the backup's log ends.
   */
  private catchUpPoint(b: BackupState): { seg: Segment; off: number } | null {
    if (b.epoch === 0 || b.lsn > this.log.appliedLSN) return null;
    const history = this.log.epochHistory;
    // The same number is not enough: epochs numbered alike on their own (two new logs) have different ids.
    const i = history.findIndex((e) => e.epoch === b.epoch && e.id === b.epochId);
    if (i < 0) {
      this.say(`Backup's epoch ${b.epoch} (id ${b.epochId}) is not in this log's history: a full sync replaces its log.`);
      return null;
    }
    const epochEnd = i + 1 < history.length ? history[i + 1].start - 1 : Infinity;
    if (b.lsn > epochEnd) {
      this.say(`Backup at LSN ${b.lsn} of epoch ${b.epoch} wrote past where that epoch ended here (LSN ${epochEnd}): its divergent tail is dropped by a full sync.`);
      return null;
    }
    const pos = this.log.positionOf(b.lsn + 1);
    if (pos === null) return null;
    const sameSpot = pos.seg.id === b.headSeg && pos.off === b.headOff;
    const nextSegment = pos.off === 0 && pos.seg.id > b.headSeg;
    return sameSpot || nextSegment ? pos : null;
  }

  /** Backups whose persisted LSN is at least `lsn`. */
  ackedBy(lsn: number): number {
    let n = 0;
    for (const l of this.links) if (l.ackLSN >= lsn) n++;
    return n;
  }

  /** The live backup at `host`:`port`, or the most advanced live one when `host` is null. */
  pick(host: string | null, port: number): BackupLink | null {
    let best: BackupLink | null = null;
    for (const l of this.links) {
      if (l.state !== 'online') continue;
      if (host !== null && (l.ip !== host || l.port !== port)) continue;
      if (best === null || l.ackLSN > best.ackLSN) best = l;
    }
    return best;
  }

  /** sync-backups or a NOREPLICAS setting changed (CONFIG SET): applied at once. */
  settingsChanged(): void {
    this.refreshGate();
    this.check();
  }

  private sealed(parts: SealedPart[]): void {
    if (this.links.size === 0) return;
    let live = false;
    for (const l of this.links) if (l.live) live = true;
    if (!live) return;
    const first = parts[0];
    const batch = outgoingBatch(readU64(first.seg.buf, first.from + BH_FIRST_LSN_LO), this.log.appliedLSN, parts);
    for (const l of this.links) l.ship(batch);
  }

  private acked(): void {
    this.refreshGate();
    // A backup that answers again ends NOREPLICAS at once, not at the next check.
    if (this.refuseWrites) this.check();
    this.notify();
  }

  /**
   * The log's backup gate: the sync-backups-th highest ack among connected backups. It only moves forward; with
   * fewer backups than required it stays, and replies wait.
   */
  private refreshGate(): void {
    const n = this.settings.syncBackups();
    if (n === 0) {
      this.gateFor = 0;
      this.log.setBackupGate(Infinity);
      return;
    }
    // Turning sync-backups on does not hold back what was written before.
    if (this.gateFor === 0) this.gate = Math.max(this.gate, this.log.appliedLSN);
    this.gateFor = n;
    if (this.links.size >= n) {
      const acks = [...this.links].map((l) => l.ackLSN).sort((a, b) => b - a);
      if (acks[n - 1] > this.gate) this.gate = acks[n - 1];
    }
    this.log.setBackupGate(this.gate);
  }

  private linkClosed(link: BackupLink, why: string): void {
    this.links.delete(link);
    this.say(`Connection with the backup at ${link.ip}:${link.port} lost: ${why}.`);
    this.check();
    this.notify();
  }

  private tick(): void {
    const now = Date.now();
    if (now - this.lastPing >= PING_MS) {
      this.lastPing = now;
      const silentAfter = this.settings.timeoutSeconds() * 1000;
      for (const l of [...this.links]) {
        if (l.live && now - l.lastAckAt > silentAfter) l.close(`timeout: no ack for ${this.settings.timeoutSeconds()} s`);
        else if (l.live) l.ping(this.log.appliedLSN);
      }
    }
    this.check();
  }

  /**
   * Recomputes NOREPLICAS. sync-backups N: refused once fewer than N live backups have acked everything older than
   * the timeout, for longer than the timeout. min-replicas-to-write M: refused while fewer than M live backups
   * acked within min-replicas-max-lag seconds (Redis's rule).
   */
  private check(): void {
    const now = Date.now();
    let refuse = false;
    const n = this.settings.syncBackups();
    if (n > 0) {
      const timeout = this.settings.syncBackupsTimeoutMs();
      let online = 0;
      let inSync = 0;
      for (const l of this.links) {
        if (l.state !== 'online') continue;
        online++;
        if (l.unackedAgeMs(now) <= timeout) inSync++;
      }
      if (inSync >= n) this.degradedSince = 0;
      else if (this.degradedSince === 0) this.degradedSince = now;
      // A connected backup that has left a batch unacked for longer than the timeout has been out of sync that
      // long already; a missing one counts from when it went (or from start-up).
      refuse = this.degradedSince !== 0 && (online >= n || now - this.degradedSince > timeout);
    } else this.degradedSince = 0;
    const m = this.settings.minReplicasToWrite();
    // Redis applies the rule only when both settings are non-zero.
    if (m > 0 && this.settings.minReplicasMaxLagSeconds() > 0) {
      const maxLag = this.settings.minReplicasMaxLagSeconds();
      let good = 0;
      for (const l of this.links) if (l.state === 'online' && l.lagSeconds <= maxLag) good++;
      if (good < m) refuse = true;
    }
    if (refuse !== this.refuseWrites) {
      this.refuseWrites = refuse;
      this.say(refuse ? 'Not enough backups in sync: write commands are refused with NOREPLICAS.' : 'Enough backups in sync: write commands are accepted again.');
    }
  }
}
