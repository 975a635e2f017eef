// The backup role: connects to the primary's client port, says where its log stands, upgrades the connection with
// PSYNC, then writes every batch at the same place in its own log, persists it, applies it (hot standby), and acks
// the LSN. Reconnects after a failure. Owns the link to the primary; the log is written only from here.
import { connect, type Socket } from 'node:net';
import type { Store } from '../engine/store.js';
import { BH_EPOCH } from '../engine/format.js';
import type { EpochStart } from '../engine/log.js';
import type { Segment } from '../engine/segment.js';
import { FrameType, encodeLSN, type BatchFrame, type Frame } from './frames.js';
import { PSYNC_ON_BACKUP_PATTERN } from '../resp/errors.js';
import { logStateArgs, respCommand } from './handshake.js';
import { linkTransport, type LinkContext } from './transport/choose.js';
import { TcpTransport } from './transport/tcp.js';
import type { Transport } from './transport/transport.js';
import type { PrimaryLinkView } from './types.js';

export interface BackupSettings {
  listeningPort(): number;
  masterAuth(): string;
  masterUser(): string;
  /** Seconds without a byte from the primary after which the link is dropped (repl-timeout). */
  timeoutSeconds(): number;
}

const RETRY_MS = 1000;

/** The epoch `history` says LSN `lsn` was written in. */
function epochAt(history: readonly EpochStart[], lsn: number): number {
  let epoch = history[0].epoch;
  for (const e of history) if (e.start <= lsn) epoch = e.epoch;
  return epoch;
}

export class Backup implements PrimaryLinkView {
  state: PrimaryLinkView['state'] = 'connect';
  syncInProgress = false;
  syncReceived = 0;
  syncTotal = 0;
  private lastIo = 0;
  private downSince = Date.now();
  private socket: Socket | null = null;
  private transport: Transport | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Set when what we hold cannot be continued (a batch did not apply): the next handshake asks for a full sync. */
  private needFullSync = false;
  /**
   * Between +FULLRESYNC and the snapshot's end nothing is acked: the LSNs this log holds until then may be a
   * diverged history's, and an ack of one would count for the primary's.
   */
  private awaitingSnapshot = false;
  /** Called when the primary hands over its role (FAILOVER). */
  onPromote: () => void = () => {};
  /** Called when the node we follow says it is itself a backup of host:port (after a FAILOVER elsewhere). */
  onRedirect: (host: string, port: number) => void = () => {};

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly store: Store,
    private readonly settings: BackupSettings,
    private readonly say: (msg: string) => void,
    private readonly linkContext: LinkContext,
  ) {}

  /** How batches arrive (INFO's faha_link_transport). */
  get transportInfo(): string {
    return this.transport?.describe() ?? 'none';
  }

  get up(): boolean {
    return this.state === 'connected';
  }

  get lastIoSecondsAgo(): number {
    return this.lastIo === 0 ? -1 : Math.floor((Date.now() - this.lastIo) / 1000);
  }

  get downSinceSeconds(): number {
    return this.up ? -1 : Math.floor((Date.now() - this.downSince) / 1000);
  }

  start(): void {
    this.say(`Connecting to the primary ${this.host}:${this.port}`);
    this.connectNow();
    this.watchdog = setInterval(() => this.checkTimeout(), 1000);
    this.watchdog.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.drop('this node is no longer a backup of it');
  }

  private connectNow(): void {
    if (this.stopped) return;
    this.state = 'connecting';
    const socket = connect({ host: this.host, port: this.port });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('error', (err) => this.failed(`${err.message}`));
    socket.on('close', () => this.failed('connection closed'));
    socket.on('connect', () => this.handshake(socket));
  }

  private handshake(socket: Socket): void {
    const log = this.store.log;
    const lines: string[][] = [];
    const auth = this.settings.masterAuth();
    if (auth !== '') lines.push(this.settings.masterUser() !== '' ? ['AUTH', this.settings.masterUser(), auth] : ['AUTH', auth]);
    lines.push(['REPLCONF', 'listening-port', String(this.settings.listeningPort())]);
    const head = log.dataEnd;
    lines.push(
      logStateArgs({
        epoch: this.needFullSync ? 0 : log.epochNumber,
        epochId: log.epochId,
        lsn: log.appliedLSN,
        headSeg: head.seg.id,
        headOff: head.off,
        segments: log.segmentList.map((s) => s.id),
      }),
    );
    lines.push(['PSYNC', '?', String(log.appliedLSN + 1)]);
    socket.write(lines.map(respCommand).join(''));
    let expect = lines.length;
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      this.lastIo = Date.now();
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const eol = buf.indexOf('\r\n');
        if (eol < 0) return;
        const line = buf.toString('latin1', 0, eol);
        buf = buf.subarray(eol + 2);
        if (line.startsWith('-')) {
          socket.off('data', onData);
          this.failed(`the primary refused the handshake: ${line.slice(1)}`);
          const moved = PSYNC_ON_BACKUP_PATTERN.exec(line.slice(1));
          if (moved !== null && !this.stopped) setImmediate(() => this.onRedirect(moved[1], Number(moved[2])));
          return;
        }
        if (--expect > 0) continue;
        socket.off('data', onData);
        this.streaming(socket, line, buf);
        return;
      }
    };
    socket.on('data', onData);
  }

  /** PSYNC answered: from here on the connection carries frames. */
  private streaming(socket: Socket, reply: string, leftover: Buffer): void {
    socket.removeAllListeners('error');
    socket.removeAllListeners('close');
    const full = reply.startsWith('+FULLRESYNC');
    this.say(full ? 'Full sync from the primary: receiving its live segments.' : `Continuing from the primary at LSN ${this.store.log.appliedLSN + 1}.`);
    this.state = 'sync';
    this.needFullSync = false;
    this.awaitingSnapshot = full;
    const t = linkTransport(new TcpTransport(socket), 'backup', this.linkContext);
    this.transport = t;
    t.onFrames = (frames) => this.received(frames);
    t.onClose = (why) => this.failed(why);
    const log = this.store.log;
    log.onPersisted = (lsn) => {
      if (this.transport !== t) return;
      this.ack(lsn);
      log.persistReceivedAsync();
    };
    t.start(leftover);
  }

  /**
   * Batches are copied into the log, then persisted (on pmem a cache flush; on a file an msync, here by default or
   * on a worker thread while more arrive under persist-mode worker) and the ack goes out when that completes; only
   * then are they applied to the index, so applying is never on the primary's wait. Reads of them on this
   * backup wait for the persist too (their replies are tagged with the LSN, as everywhere). Any other frame
   * applies the batches before it first.
   */
  private received(frames: Frame[]): void {
    this.lastIo = Date.now();
    const log = this.store.log;
    const written: { f: BatchFrame; segs: Segment[] }[] = [];
    const applyWritten = (): void => {
      for (const w of written) this.store.applyReceived(w.f.parts, w.segs, w.f.firstLSN);
      written.length = 0;
    };
    try {
      for (const f of frames) {
        if (f.type === FrameType.Batch) {
          // Fencing: every batch carries the epoch its primary wrote it in, which the history we took on must
          // give for its LSN; anything else comes from a replaced primary or a diverged log.
          const epoch = f.parts[0].bytes.readUInt32LE(BH_EPOCH);
          const expected = epochAt(log.epochHistory, f.firstLSN);
          if (epoch !== expected) throw new Error(`a batch of epoch ${epoch} at LSN ${f.firstLSN}, where our history has epoch ${expected}`);
          written.push({ f, segs: log.receive(f.parts, f.lastLSN) });
          continue;
        }
        applyWritten();
        this.apply(f);
      }
      log.persistReceivedAsync();
      applyWritten();
    } catch (err) {
      this.say(`Replication stream from the primary failed: ${(err as Error).message}; asking for a full sync.`);
      this.needFullSync = true;
      this.transport?.close((err as Error).message);
    }
  }

  private apply(f: Exclude<Frame, BatchFrame>): void {
    const log = this.store.log;
    switch (f.type) {
      case FrameType.History: {
        const ours = log.epochNumber;
        const theirs = f.epochs[f.epochs.length - 1].epoch;
        if (theirs < ours) throw new Error(`the primary is stale: its epoch ${theirs} is older than ours (${ours})`);
        log.adoptEpochs(f.epochs);
        break;
      }
      case FrameType.SnapshotBegin:
        // Nothing of the old segments may be in flight when they go.
        log.persistReceived();
        this.syncInProgress = true;
        this.syncReceived = 0;
        this.syncTotal = f.segments.reduce((n, s) => n + s.length, 0);
        this.store.forgetAll();
        log.resetForSnapshot(f.segments);
        break;
      case FrameType.SnapshotChunk:
        log.writeSnapshot(f.segId, f.off, f.bytes);
        this.syncReceived += f.bytes.length;
        break;
      case FrameType.SnapshotEnd: {
        log.persistSegments();
        const r = this.store.reload();
        this.awaitingSnapshot = false;
        this.ack(log.persistedLSNValue);
        this.syncInProgress = false;
        this.say(`Full sync done: ${r.keys} keys from ${r.records} records in ${r.millis} ms (LSN ${log.appliedLSN}).`);
        this.linkUp();
        break;
      }
      case FrameType.Free:
        // The cleaner's copies of this segment's live records came before: they must be persisted here before
        // their originals go, or a crash now would lose keys this backup has acked.
        log.persistReceived();
        log.freeReceived(f.segId);
        this.store.forgetLayoutsBefore(log.segmentList[0].id);
        break;
      case FrameType.Ping:
        // The primary pings as soon as we are level with it, then every second; the ack keeps our lag fresh.
        if (this.state === 'sync' && !this.syncInProgress) this.linkUp();
        this.ack(log.persistedLSNValue);
        break;
      case FrameType.Promote:
        this.say('The primary handed over its role (FAILOVER): becoming the primary.');
        setImmediate(() => this.onPromote());
        break;
      default:
        throw new Error(`unexpected frame ${f.type} from the primary`);
    }
  }

  private ack(lsn: number): void {
    if (!this.awaitingSnapshot) this.transport?.send(encodeLSN(FrameType.Ack, lsn));
  }

  private linkUp(): void {
    this.state = 'connected';
    this.say('MASTER <-> REPLICA sync: the link is up.');
  }

  private checkTimeout(): void {
    if (this.state !== 'connected' && this.state !== 'sync') return;
    if (Date.now() - this.lastIo > this.settings.timeoutSeconds() * 1000) this.drop('timeout: nothing from the primary');
  }

  private failed(why: string): void {
    if (this.socket === null) return;
    this.socket.destroy();
    this.socket = null;
    this.transport = null;
    if (this.state === 'connected') this.downSince = Date.now();
    this.state = 'connect';
    this.syncInProgress = false;
    if (this.stopped) return;
    this.say(`Link with the primary ${this.host}:${this.port} down: ${why}; retrying.`);
    this.retryTimer = setTimeout(() => this.connectNow(), RETRY_MS);
    this.retryTimer.unref();
  }

  private drop(why: string): void {
    if (this.transport !== null) this.transport.close(why);
    else this.failed(why);
  }
}
