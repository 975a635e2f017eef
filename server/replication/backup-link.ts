// One backup as its primary sees it: brings it level (a snapshot of the live segments, or batches read back from the
// log from where it stands), then ships every sealed batch live, and keeps its acks. Reads the log, never writes it;
// the Primary decides what the acks mean for replies.
import { BATCH_CONTINUED, BATCH_HEADER_SIZE, BH_COUNT, BH_FIRST_LSN_LO, BH_FLAGS, BH_LENGTH, alignUp, readU64 } from '../engine/format.js';
import type { Log } from '../engine/log.js';
import type { Segment } from '../engine/segment.js';
import { FrameType, encodeEmpty, encodeFree, encodeLSN, encodeSnapshotBegin, encodeSnapshotChunk, outgoingBatch, type Frame, type OutgoingBatch } from './frames.js';
import type { Transport } from './transport/transport.js';
import type { BackupView } from './types.js';

/** Bytes queued on the link above which bringing a backup level pauses until it drains. */
const HIGH_WATER = 4 * 1024 * 1024;
/** The largest snapshot chunk (a frame per chunk). */
const CHUNK = 1024 * 1024;
/** How long one turn may spend bringing a backup level before clients get the event loop back. */
const PUMP_SLICE_MS = 2;

export interface LinkHooks {
  /** The backup's ack advanced (or it was first heard of). */
  acked(link: BackupLink): void;
  /** The link has gone (closed, failed). */
  closed(link: BackupLink, why: string): void;
  /** The link became live. */
  online(link: BackupLink): void;
  log(msg: string): void;
}

type Position = { seg: Segment; off: number };

export class BackupLink implements BackupView {
  /** Everything up to the sealed end has been sent: new batches are shipped as they are sealed. */
  live = false;
  /** The LSN the backup had been sent everything up to when it went live; it is online once it acks that. */
  private liveAt = Infinity;
  private bringing = false;
  ackLSN = 0;
  lastAckAt = Date.now();
  /** LSNs shipped and not yet acked, with when they were sent (ms): how far behind a live backup is, in time. */
  private readonly unackedLSN: number[] = [];
  private readonly unackedAt: number[] = [];
  private unackedHead = 0;
  private snapshot: { segs: { seg: Segment; length: number }[]; i: number; off: number } | null = null;
  /** Where the catch-up has got to in the log (null when live or in a snapshot). */
  private pos: Position | null = null;
  private pumpScheduled = false;
  private holdsFrees = false;
  private gone = false;
  /** Segments the backup has that the primary freed while it was away: freed on it once it is live. */
  private staleSegments: number[] = [];

  constructor(
    private readonly transport: Transport,
    readonly port: number,
    private readonly log: Log,
    private readonly hooks: LinkHooks,
  ) {
    transport.onFrames = (frames) => this.received(frames);
    transport.onDrain = () => this.schedulePump();
    transport.onClose = (why) => this.closed(why);
    transport.start();
  }

  /** How batches reach it (INFO's faha_backupN). */
  get transportInfo(): string {
    return this.transport.describe();
  }

  get ip(): string {
    return this.transport.remoteAddress;
  }

  get lagSeconds(): number {
    return Math.floor((Date.now() - this.lastAckAt) / 1000);
  }

  /** How long the oldest batch shipped to it has waited for its ack (ms); 0 when none waits. */
  unackedAgeMs(now: number): number {
    return this.unackedHead < this.unackedLSN.length ? now - this.unackedAt[this.unackedHead] : 0;
  }

  /** Full sync: the live segments as they are now, then the batches sealed since. */
  startSnapshot(): void {
    this.holdFrees();
    this.log.flush();
    const end = this.log.sealedEnd;
    const segs = this.log.segmentList.map((seg) => ({ seg, length: seg === end.seg ? end.off : seg.head }));
    this.snapshot = { segs, i: 0, off: 0 };
    this.pos = { seg: end.seg, off: end.off };
    this.bringing = true;
    this.transport.send(encodeSnapshotBegin(segs.map((s) => ({ id: s.seg.id, size: s.seg.size, length: s.length }))));
    this.hooks.log(`Starting a full sync of ${segs.length} segments (${segs.reduce((n, s) => n + s.length, 0)} bytes) to the backup at ${this.ip}:${this.port}.`);
    this.schedulePump();
  }

  /** Partial sync: batches from `pos` on, read back from the log; then the backup's freed segments, then live. */
  startCatchUp(pos: Position, staleSegments: number[]): void {
    this.holdFrees();
    this.pos = pos;
    this.staleSegments = staleSegments;
    this.bringing = true;
    this.schedulePump();
  }

  /** A live batch (shared by every backup: a TCP frame is encoded once). */
  ship(batch: OutgoingBatch): void {
    if (!this.live) return;
    this.unackedLSN.push(batch.lastLSN);
    this.unackedAt.push(Date.now());
    this.transport.sendBatch(batch);
  }

  /** A segment the primary freed: the backup frees it too (sent in order after the batches holding its copies). */
  freed(id: number): void {
    if (this.live) this.transport.send(encodeFree(id));
  }

  ping(lsn: number): void {
    this.transport.send(encodeLSN(FrameType.Ping, lsn));
  }

  /** FAILOVER: the backup becomes the primary. */
  promote(): void {
    this.transport.send(encodeEmpty(FrameType.Promote));
  }

  /** Whether everything sent has been taken by the kernel (FAILOVER waits for its PROMOTE frame to leave). */
  get flushed(): boolean {
    return this.transport.queuedBytes === 0;
  }

  close(why: string): void {
    this.transport.close(why);
  }

  private holdFrees(): void {
    if (!this.holdsFrees) {
      this.holdsFrees = true;
      this.log.freeHolds++;
    }
  }

  private releaseFrees(): void {
    if (this.holdsFrees) {
      this.holdsFrees = false;
      this.log.freeHolds--;
    }
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.gone || this.live) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Sends snapshot chunks or catch-up batches until the link is congested or the slice is used up. */
  private pump(): void {
    const deadline = performance.now() + PUMP_SLICE_MS;
    while (!this.gone && !this.live) {
      if (this.transport.queuedBytes > HIGH_WATER) return; // onDrain pumps again
      if (this.snapshot !== null) this.sendChunk();
      else if (!this.sendNextBatch()) {
        // The next logical batch is not whole yet: sealed at the end of this turn.
        this.schedulePump();
        return;
      }
      if (performance.now() > deadline) {
        this.schedulePump();
        return;
      }
    }
  }

  private sendChunk(): void {
    const snap = this.snapshot!;
    const s = snap.segs[snap.i];
    if (s === undefined) {
      this.snapshot = null;
      this.transport.send(encodeEmpty(FrameType.SnapshotEnd));
      return;
    }
    const n = Math.min(CHUNK, s.length - snap.off);
    if (n > 0) this.transport.send(encodeSnapshotChunk(s.seg.id, snap.off, s.seg.buf.subarray(snap.off, snap.off + n)));
    snap.off += n;
    if (snap.off >= s.length) {
      snap.i++;
      snap.off = 0;
    }
  }

  /**
   * The next logical batch after `pos` (all its pieces), or live when `pos` has reached the sealed end; false when
   * that batch's CONTINUED part is sealed but its last part is the batch still open (a roll in this turn).
   */
  private sendNextBatch(): boolean {
    const end = this.log.sealedEnd;
    let { seg, off } = this.pos!;
    if (seg === end.seg && off >= end.off) {
      this.goLive();
      return true;
    }
    if (off >= seg.head) {
      const next = this.log.segmentAfter(seg);
      if (next === null) {
        this.goLive();
        return true;
      }
      this.pos = { seg: next, off: 0 };
      return true;
    }
    const parts: { seg: Segment; from: number; to: number }[] = [];
    let first = -1;
    let last = 0;
    for (;;) {
      const buf = seg.buf;
      const to = Math.min(alignUp(off + BATCH_HEADER_SIZE + buf.readUInt32LE(off + BH_LENGTH)), seg.size);
      const firstLSN = readU64(buf, off + BH_FIRST_LSN_LO);
      if (first < 0) first = firstLSN;
      last = firstLSN + buf.readUInt32LE(off + BH_COUNT) - 1;
      parts.push({ seg, from: off, to });
      const continued = (buf[off + BH_FLAGS] & BATCH_CONTINUED) !== 0;
      off = to;
      if (!continued) break;
      const next = this.log.segmentAfter(seg);
      if (next === null) throw new Error(`a continued batch in segment ${seg.id} has no continuation`);
      if (next === end.seg && end.off === 0) return false;
      seg = next;
      off = 0;
    }
    this.pos = { seg, off };
    this.transport.sendBatch(outgoingBatch(first, last, parts));
    return true;
  }

  private goLive(): void {
    this.pos = null;
    for (const id of this.staleSegments) this.transport.send(encodeFree(id));
    this.staleSegments = [];
    this.live = true;
    this.liveAt = this.log.appliedLSN;
    this.releaseFrees();
    // Tells the backup it is level (its link goes up) without waiting for the next keepalive.
    this.ping(this.log.appliedLSN);
    this.noteOnline();
  }

  /**
   * Redis's replica states: wait_bgsave during the handshake, send_bulk while it is brought level (sent and
   * applied), online once it has acked everything it was sent before going live.
   */
  get state(): BackupView['state'] {
    if (this.live && this.ackLSN >= this.liveAt) return 'online';
    return this.bringing ? 'send_bulk' : 'wait_bgsave';
  }

  private wasOnline = false;

  private noteOnline(): void {
    if (this.wasOnline || this.state !== 'online') return;
    this.wasOnline = true;
    this.hooks.log(`The backup at ${this.ip}:${this.port} is in sync (LSN ${this.ackLSN}).`);
    this.hooks.online(this);
  }

  private received(frames: Frame[]): void {
    let advanced = false;
    for (const f of frames) {
      if (f.type !== FrameType.Ack) {
        this.transport.close(`unexpected frame ${f.type} from a backup`);
        return;
      }
      this.lastAckAt = Date.now();
      if (f.lsn > this.ackLSN) {
        this.ackLSN = f.lsn;
        advanced = true;
      }
    }
    while (this.unackedHead < this.unackedLSN.length && this.unackedLSN[this.unackedHead] <= this.ackLSN) this.unackedHead++;
    if (this.unackedHead > 1024 && this.unackedHead * 2 > this.unackedLSN.length) {
      this.unackedLSN.splice(0, this.unackedHead);
      this.unackedAt.splice(0, this.unackedHead);
      this.unackedHead = 0;
    }
    if (advanced) this.noteOnline();
    if (advanced || this.unackedHead >= this.unackedLSN.length) this.hooks.acked(this);
  }

  private closed(why: string): void {
    if (this.gone) return;
    this.gone = true;
    this.releaseFrees();
    this.hooks.closed(this, why);
  }
}
