// The persist RPC over RDMA (issue 7): a batch's pieces are written by RDMA WRITE straight from the primary's log
// mapping into the same offsets of the backup's registered log segments, the last with WRITE_WITH_IMM (immediate =
// the batch's sequence number), so the backup learns of it by a receive completion, without a copy and without its
// CPU taking part in the transfer. Everything else (the handshake, acks, frees, snapshots, and a notice of each
// RDMA batch with its LSNs) stays on the TCP replication connection this transport wraps; a batch into a segment
// the backup has not registered yet goes over TCP whole. Set-up and messages: server/docs/rdma.md.
import { randomInt } from 'node:crypto';
import type { Segment } from '../../engine/segment.js';
import { IBV, type QueuePair, type WorkCompletion } from '../../platform/ibverbs.js';
import { FrameType, encodeTransport, type Frame, type OutgoingBatch } from '../frames.js';
import { GID_INDEX, PORT, type RdmaEndpoint } from './rdma-endpoint.js';
import { RdmaMsg, decodeRdmaMessage, encodeBatchNotice, encodeHello, encodeRefuse, encodeRegion, type BatchNotice, type Hello, type Region } from './rdma-messages.js';
import type { TcpTransport } from './tcp.js';
import type { Transport } from './transport.js';

/** Send work requests a link may have outstanding; beyond that a batch goes over TCP. */
const MAX_SEND_WR = 1024;
/** Receive work requests kept posted on a backup: one is consumed per RDMA batch. */
const RECV_DEPTH = 512;

/** What the transport reads of the local log: its live segments. */
export interface LogSegments {
  list(): readonly Segment[];
  byId(id: number): Segment | undefined;
}

export type RdmaRole = 'primary' | 'backup';

export class RdmaTransport implements Transport {
  onFrames: (frames: Frame[]) => void = () => {};
  onDrain: () => void = () => {};
  onClose: (why: string) => void = () => {};
  /** 'tcp' until the queue pairs are connected (and for good after a refusal in auto mode). */
  mode: 'negotiating' | 'rdma' | 'tcp' = 'negotiating';
  private qp: QueuePair | null = null;
  private readonly psn = randomInt(0, 1 << 24);
  /** Primary: the backup's registered segments. */
  private readonly regions = new Map<number, Region>();
  private seq = 0;
  /** Batches this link carried by RDMA, and over TCP (before the exchange, or into a segment not registered yet). */
  private rdmaBatches = 0;
  private tcpBatches = 0;
  private outstanding = 0;
  /** Primary: send WRs per signaled batch, by sequence number, to count the queue down on completion. */
  private readonly wrsOf = new Map<number, number>();
  /** Backup: sequence numbers whose WRITE_WITH_IMM has completed, and frames waiting (in order) behind a notice. */
  private readonly landed = new Set<number>();
  private readonly queue: (Frame | BatchNotice)[] = [];
  /** Backup: the segments registered and announced to the primary, by id (a segment remade under its id is new). */
  private readonly announced = new Map<number, Segment>();
  private closed = false;
  /**
   * Backup: between a full sync's SnapshotBegin and SnapshotEnd no segment is announced. Bytes the primary wrote by
   * RDMA after the snapshot's end would otherwise already sit in the segments the snapshot is replayed from.
   */
  private snapshotting = false;

  /**
   * `endpoint` null: a primary without RDMA (configured tcp, or no usable device; `refusal` says which) that
   * answers a backup's hello with a refusal, so the link goes on over TCP.
   */
  constructor(
    private readonly tcp: TcpTransport,
    private readonly endpoint: RdmaEndpoint | null,
    private readonly role: RdmaRole,
    private readonly segments: LogSegments,
    /** 'rdma': a refusal is a failure of the link; 'auto': it means TCP. */
    private readonly required: boolean,
    private readonly say: (msg: string) => void,
    private readonly refusal = 'no RDMA here',
  ) {
    tcp.onFrames = (frames) => this.fromTcp(frames);
    tcp.onDrain = () => this.onDrain();
    tcp.onClose = (why) => this.shutDown(why);
  }

  get remoteAddress(): string {
    return this.tcp.remoteAddress;
  }

  get queuedBytes(): number {
    return this.tcp.queuedBytes;
  }

  /** Starts reading; a backup opens the exchange with its queue pair. */
  start(leftover: Buffer | null = null): void {
    if (this.role === 'backup') {
      const qp = this.makeQp();
      for (let i = 0; i < RECV_DEPTH; i++) qp.postRecv(i);
      this.tcp.send(encodeTransport(encodeHello(this.hello())));
    }
    this.tcp.start(leftover);
  }

  send(frame: Buffer): boolean {
    if (this.role === 'primary') {
      // The primary freed a segment: nothing is written from it any more.
      if (this.endpoint !== null && frame[4] === FrameType.Free) this.endpoint.deregister(frame.readUInt32LE(5));
      // A full sync makes the backup replace every segment: its registrations are void until it announces anew.
      if (frame[4] === FrameType.SnapshotBegin) this.regions.clear();
    }
    return this.tcp.send(frame);
  }

  describe(): string {
    return this.mode === 'rdma' ? `rdma,rdma_batches=${this.rdmaBatches},tcp_batches=${this.tcpBatches}` : 'tcp';
  }

  sendBatch(batch: OutgoingBatch): boolean {
    if (this.mode !== 'rdma' || !this.canWrite(batch)) {
      this.tcpBatches++;
      return this.tcp.sendBatch(batch);
    }
    this.rdmaBatches++;
    const qp = this.qp!;
    const seq = this.seq++ >>> 0;
    const parts = batch.parts;
    const endpoint = this.endpoint!;
    try {
      parts.forEach((p, i) => {
        const mr = endpoint.register(p.seg, false);
        const region = this.regions.get(p.seg.id)!;
        const last = i === parts.length - 1;
        qp.postWrite([{ addr: p.seg.file.address + BigInt(p.from), length: p.to - p.from, lkey: mr.lkey }], region.addr + BigInt(p.from), region.rkey, last ? seq : null, last, seq);
      });
    } catch (err) {
      // A registration or post that fails (locked-memory limit, a QP gone to ERR) ends the link like any
      // transport failure: the backup reconnects and catches up.
      this.close(`RDMA: ${(err as Error).message}`);
      return false;
    }
    this.outstanding += parts.length;
    this.wrsOf.set(seq, parts.length);
    const notice: BatchNotice = { seq, firstLSN: batch.firstLSN, lastLSN: batch.lastLSN, parts: parts.map((p) => ({ segId: p.seg.id, segSize: p.seg.size, off: p.from, len: p.to - p.from })) };
    return this.tcp.send(encodeTransport(encodeBatchNotice(notice)));
  }

  close(why: string): void {
    this.tcp.close(why);
  }

  /** A batch can go by RDMA when the backup registered every segment it touches, at their sizes, and the queue has room. */
  private canWrite(batch: OutgoingBatch): boolean {
    if (this.outstanding + batch.parts.length > MAX_SEND_WR) return false;
    for (const p of batch.parts) {
      const r = this.regions.get(p.seg.id);
      if (r === undefined || r.size !== p.seg.size) return false;
    }
    return true;
  }

  private hello(): Hello {
    const port = this.endpoint!.port;
    return { qpn: this.qp!.qpNum, psn: this.psn, lid: port.lid, mtu: port.mtu, gid: port.gid };
  }

  private makeQp(): QueuePair {
    const qp = this.endpoint!.createQp(MAX_SEND_WR, RECV_DEPTH, (wc) => this.completed(wc));
    qp.modifyToInit(PORT, IBV.ACCESS_LOCAL_WRITE | IBV.ACCESS_REMOTE_WRITE);
    this.qp = qp;
    return qp;
  }

  /** INIT → RTR → RTS against the peer's queue pair. */
  private connect(peer: Hello): void {
    const port = this.endpoint!.port;
    const qp = this.qp!;
    qp.modifyToRtr({ destQpNum: peer.qpn, rqPsn: peer.psn, pathMtu: Math.min(port.mtu, peer.mtu), dlid: peer.lid, dgid: port.global ? peer.gid : null, sgidIndex: GID_INDEX, port: PORT });
    qp.modifyToRts({ sqPsn: this.psn });
    this.mode = 'rdma';
  }

  private fromTcp(frames: Frame[]): void {
    if (this.closed) return;
    try {
      for (const f of frames) {
        if (f.type === FrameType.Transport) this.message(f.body);
        else this.queue.push(f);
      }
      this.deliver();
    } catch (err) {
      this.close(`RDMA transport: ${(err as Error).message}`);
    }
  }

  private message(body: Buffer): void {
    const m = decodeRdmaMessage(body);
    switch (m.kind) {
      case RdmaMsg.Hello:
        if (this.role === 'primary') {
          if (this.endpoint === null) {
            this.mode = 'tcp';
            this.tcp.send(encodeTransport(encodeRefuse(this.refusal)));
            break;
          }
          this.makeQp();
          this.connect(m.hello);
          this.tcp.send(encodeTransport(encodeHello(this.hello())));
          this.say(`RDMA link to the backup at ${this.remoteAddress} is up (QP ${this.qp!.qpNum} ↔ ${m.hello.qpn}).`);
        } else {
          this.connect(m.hello);
          this.announceSegments();
          this.say(`RDMA link to the primary is up (QP ${this.qp!.qpNum} ↔ ${m.hello.qpn}).`);
        }
        break;
      case RdmaMsg.Refuse:
        if (this.required) throw new Error(`the primary refuses RDMA (${m.reason}) and replication-transport is rdma`);
        this.mode = 'tcp';
        this.say(`The primary refuses RDMA (${m.reason}): batches go over TCP.`);
        break;
      case RdmaMsg.Region:
        this.regions.set(m.region.segId, m.region);
        break;
      case RdmaMsg.BatchNotice:
        this.queue.push(m.notice);
        break;
    }
  }

  /**
   * Backup: passes frames up in order; a batch notice waits until its WRITE_WITH_IMM has completed (the bytes are
   * then in our log) and goes up as a Batch frame whose pieces are views of our own segments. Segments the frames
   * made or freed are registered or deregistered after.
   */
  private deliver(): void {
    // A backup that must use RDMA takes nothing from the stream until the queue pairs are connected: otherwise a
    // Ping ahead of a refusal would bring the link up over TCP for a moment.
    if (this.role === 'backup' && this.required && this.mode !== 'rdma') return;
    const out: Frame[] = [];
    while (this.queue.length > 0) {
      const f = this.queue[0];
      if (!('type' in f)) {
        if (!this.landed.delete(f.seq)) break;
        out.push(this.batchFrame(f));
        this.rdmaBatches++;
      } else {
        if (f.type === FrameType.Batch) this.tcpBatches++;
        else if (f.type === FrameType.SnapshotBegin) this.snapshotting = true;
        else if (f.type === FrameType.SnapshotEnd) this.snapshotting = false;
        out.push(f);
      }
      this.queue.shift();
    }
    if (out.length > 0) this.onFrames(out);
    if (this.role === 'backup' && this.mode === 'rdma' && !this.snapshotting) this.announceSegments();
  }

  private batchFrame(n: BatchNotice): Frame {
    const parts = n.parts.map((p) => {
      const seg = this.segments.byId(p.segId);
      if (seg === undefined) throw new Error(`a batch was written into segment ${p.segId}, which this backup does not have`);
      return { segId: p.segId, segSize: p.segSize, off: p.off, bytes: seg.buf.subarray(p.off, p.off + p.len) };
    });
    return { type: FrameType.Batch, firstLSN: n.firstLSN, lastLSN: n.lastLSN, parts };
  }

  /** Backup: registers for remote writes every live segment not announced yet, and forgets freed ones. */
  private announceSegments(): void {
    const live = new Set<number>();
    for (const seg of this.segments.list()) {
      live.add(seg.id);
      if (this.announced.get(seg.id) === seg) continue;
      const mr = this.endpoint!.register(seg, true);
      this.announced.set(seg.id, seg);
      this.tcp.send(encodeTransport(encodeRegion({ segId: seg.id, size: seg.size, addr: mr.addr, rkey: mr.rkey })));
    }
    for (const id of [...this.announced.keys()]) {
      if (live.has(id)) continue;
      this.announced.delete(id);
      this.endpoint!.deregister(id);
    }
  }

  private completed(wc: WorkCompletion): void {
    if (this.closed) return;
    if (wc.status !== IBV.WC_SUCCESS) {
      this.close(`RDMA work request failed (status ${wc.status}, opcode ${wc.opcode})`);
      return;
    }
    if (wc.opcode === IBV.WC_RECV_RDMA_WITH_IMM) {
      this.landed.add(wc.imm! >>> 0);
      try {
        this.qp!.postRecv(wc.wrId);
        this.deliver();
      } catch (err) {
        this.close(`RDMA transport: ${(err as Error).message}`);
      }
      return;
    }
    const n = this.wrsOf.get(wc.wrId);
    if (n !== undefined) {
      this.wrsOf.delete(wc.wrId);
      this.outstanding -= n;
    }
  }

  private shutDown(why: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.qp !== null) {
      this.endpoint!.forgetQp(this.qp);
      try {
        this.qp.modifyToError();
        this.qp.destroy();
      } catch {
        // The link is gone either way; a QP that cannot be torn down cleanly is left to the device.
      }
      this.qp = null;
    }
    this.onClose(why);
  }
}
