// This process's RDMA resources, shared by every RDMA link: the device, one protection domain, one completion
// channel watched by libuv (no busy polling) and one CQ whose completions are dispatched to links by QP number,
// plus the registrations of log segments (one per segment, whatever the number of links). Opened on first use.
import { IBV, loadVerbs, watchFd, type CompletionChannel, type CompletionQueue, type FdWatcher, type MemoryRegion, type ProtectionDomain, type QueuePair, type VerbsDevice, type WorkCompletion } from '../../platform/ibverbs.js';
import type { Segment } from '../../engine/segment.js';

/** Completions the CQ can hold: every link's send queue and receive queue together. */
const CQ_DEPTH = 8192;
export const PORT = 1;
export const GID_INDEX = 0;

export interface PortParams {
  lid: number;
  mtu: number;
  gid: Uint8Array;
  /** A GRH (the GID) is needed in every address on RoCE (Ethernet link layer). */
  global: boolean;
}

export class RdmaEndpoint {
  readonly port: PortParams;
  private readonly byQp = new Map<number, (wc: WorkCompletion) => void>();
  /** Segment registrations by segment id, with the Segment they were made for (a freed one is deregistered). */
  private readonly mrs = new Map<number, { seg: Segment; mr: MemoryRegion; remote: boolean }>();
  private readonly watcher: FdWatcher;

  private constructor(
    readonly device: VerbsDevice,
    readonly pd: ProtectionDomain,
    private readonly channel: CompletionChannel,
    readonly cq: CompletionQueue,
  ) {
    const p = device.queryPort(PORT);
    if (p.state !== IBV.PORT_ACTIVE) throw new Error(`${device.name} port ${PORT} is not active`);
    const global = p.linkLayer === IBV.LINK_LAYER_ETHERNET;
    this.port = { lid: p.lid, mtu: p.activeMtu, gid: device.queryGid(PORT, GID_INDEX), global };
    cq.reqNotify();
    this.watcher = watchFd(channel.fd, (err) => (err === null ? this.completions() : undefined));
  }

  /** Opens the first device (through FAHA_IBVERBS_LIB's library when set). Throws with the reason when it cannot. */
  static open(): RdmaEndpoint {
    const verbs = loadVerbs();
    const device = verbs.openFirstDevice();
    const pd = device.allocPd();
    const channel = device.createCompChannel();
    const cq = device.createCq(CQ_DEPTH, channel);
    return new RdmaEndpoint(device, pd, channel, cq);
  }

  /** A new RC queue pair on the shared CQ; its completions go to `onCompletion`. */
  createQp(maxSendWr: number, maxRecvWr: number, onCompletion: (wc: WorkCompletion) => void): QueuePair {
    const qp = this.pd.createRcQp(this.cq, this.cq, { maxSendWr, maxRecvWr, maxSendSge: 1, maxRecvSge: 1 });
    this.byQp.set(qp.qpNum, onCompletion);
    return qp;
  }

  forgetQp(qp: QueuePair): void {
    this.byQp.delete(qp.qpNum);
  }

  /** The registration of `seg`'s whole mapping (made once); `remote` adds remote-write access (a backup's log). */
  register(seg: Segment, remote: boolean): MemoryRegion {
    const known = this.mrs.get(seg.id);
    // A registration made for another Segment of that id (freed since), or without the remote access a backup's
    // segment needs (this node was the primary), is made again.
    if (known !== undefined && known.seg === seg && (known.remote || !remote)) return known.mr;
    if (known !== undefined) this.deregister(seg.id);
    const access = IBV.ACCESS_LOCAL_WRITE | (remote ? IBV.ACCESS_REMOTE_WRITE : 0);
    const mr = this.pd.regMr(seg.file.address, seg.size, access);
    this.mrs.set(seg.id, { seg, mr, remote });
    return mr;
  }

  registered(id: number): boolean {
    return this.mrs.has(id);
  }

  /** A freed segment's registration goes (nothing writes to or from a freed segment any more). */
  deregister(id: number): void {
    const known = this.mrs.get(id);
    if (known === undefined) return;
    this.mrs.delete(id);
    known.mr.dereg();
  }

  /** Registrations whose segment is not among `live` any more. */
  deregisterAllBut(live: ReadonlySet<number>): void {
    for (const id of [...this.mrs.keys()]) if (!live.has(id)) this.deregister(id);
  }

  /** The channel fired: take its events, re-arm, then poll, so no completion is missed between the two. */
  private completions(): void {
    let events = 0;
    while (this.channel.getCqEvent() !== null) events++;
    if (events > 0) this.cq.ackEvents(events);
    this.cq.reqNotify();
    for (;;) {
      const wcs = this.cq.poll();
      if (wcs.length === 0) break;
      for (const wc of wcs) this.byQp.get(wc.qpNum)?.(wc);
    }
  }

  close(): void {
    this.watcher.close();
  }
}

let shared: RdmaEndpoint | null = null;
let failure: string | null = null;

/** This process's endpoint, opened on first use; null with rdmaUnavailable() saying why when there is none. */
export function rdmaEndpoint(): RdmaEndpoint | null {
  if (shared !== null || failure !== null) return shared;
  try {
    shared = RdmaEndpoint.open();
  } catch (err) {
    failure = (err as Error).message;
  }
  return shared;
}

/** Why no RDMA endpoint could be opened (after rdmaEndpoint() returned null). */
export function rdmaUnavailable(): string {
  return failure ?? 'not tried';
}
