// The data path of the verbs bindings: completion queues, completion channels and RC queue pairs, with the four
// static inline verbs of verbs.h (post_send, post_recv, poll_cq, req_notify_cq) called through the context's ops
// table. Created only through ibverbs.ts's device and PD handles; no connection logic here.
import koffi from 'koffi';
import type { Fns } from './ibverbs.js';
import { IBV, VERBS_TYPES } from './ibverbs-structs.js';
import { strerror } from './libc.js';

type Ptr = bigint;

const EAGAIN = 11;
const T = VERBS_TYPES;
const SEND_WR_SIZE = koffi.sizeof(T.ibv_send_wr);
const RECV_WR_SIZE = koffi.sizeof(T.ibv_recv_wr);
const SGE_SIZE = koffi.sizeof(T.ibv_sge);
const WC_SIZE = koffi.sizeof(T.ibv_wc);
const POLL_BATCH = 32;

/** A verbs call failed, the library is unusable, or the layouts do not match; `code` says which. */
export class VerbsError extends Error {
  constructor(
    message: string,
    readonly code: 'ERR_RDMA_VERBS' | 'ERR_RDMA_UNAVAILABLE' | 'ERR_RDMA_LAYOUT' = 'ERR_RDMA_VERBS',
    readonly errno = 0,
  ) {
    super(message);
    this.name = 'VerbsError';
  }
}

export function callFailed(call: string, errno: number): VerbsError {
  const why = errno > 0 ? `${strerror(errno)} (errno ${errno})` : 'failed';
  return new VerbsError(`${call}: ${why}`, 'ERR_RDMA_VERBS', errno);
}

// The static inline verbs of verbs.h, called through the context's ops table exactly as the header does.
export const PROTOS = {
  post_send: koffi.proto('int faha_ibv_post_send(void *qp, void *wr, void *bad_wr)'),
  post_recv: koffi.proto('int faha_ibv_post_recv(void *qp, void *wr, void *bad_wr)'),
  poll_cq: koffi.proto('int faha_ibv_poll_cq(void *cq, int num_entries, void *wc)'),
  req_notify_cq: koffi.proto('int faha_ibv_req_notify_cq(void *cq, int solicited_only)'),
};
export type Ops = Record<keyof typeof PROTOS, Ptr>;

export interface ScatterGather {
  addr: Ptr;
  length: number;
  lkey: number;
}

export interface WorkCompletion {
  wrId: number;
  /** IBV.WC_SUCCESS or an error status. */
  status: number;
  opcode: number;
  byteLen: number;
  /** The immediate data (host order) of a WRITE_WITH_IMM's receive completion, else null. */
  imm: number | null;
  qpNum: number;
}

export class CompletionQueue {
  private readonly wcs = Buffer.alloc(WC_SIZE * POLL_BATCH);
  /** Completion events taken from the channel and not yet acknowledged (destroy would wait for them). */
  unacked = 0;

  constructor(
    private readonly fn: Fns,
    private readonly ops: Ops,
    readonly ptr: Ptr,
    private readonly onDestroy: () => void,
  ) {}

  /** Up to `max` completions (at most 32 per call), oldest first; [] when the CQ is empty. */
  poll(max = POLL_BATCH): WorkCompletion[] {
    const n = koffi.call(this.ops.poll_cq, PROTOS.poll_cq, this.ptr, Math.min(max, POLL_BATCH), this.wcs) as number;
    // Providers return a negative number on error, not an errno (mlx5: -2).
    if (n < 0) throw new VerbsError(`ibv_poll_cq returned ${n}`);
    const out: WorkCompletion[] = [];
    for (let i = 0; i < n; i++) {
      const w = koffi.decode(this.wcs, i * WC_SIZE, T.ibv_wc) as Record<string, number>;
      const withImm = (w.wc_flags & IBV.WC_WITH_IMM) !== 0;
      const imm = withImm ? w.imm_data : null;
      out.push({ wrId: Number(w.wr_id), status: w.status, opcode: w.opcode, byteLen: w.byte_len, imm, qpNum: w.qp_num });
    }
    return out;
  }

  /** Arms the CQ: the next completion makes its channel's fd readable once. */
  reqNotify(solicitedOnly = false): void {
    const rc = koffi.call(this.ops.req_notify_cq, PROTOS.req_notify_cq, this.ptr, solicitedOnly ? 1 : 0) as number;
    if (rc !== 0) throw callFailed('ibv_req_notify_cq', rc);
  }

  ackEvents(n = this.unacked): void {
    if (n <= 0) return;
    this.fn.ack_cq_events(this.ptr, n);
    this.unacked -= n;
  }

  destroy(): void {
    this.ackEvents();
    const rc = this.fn.destroy_cq(this.ptr) as number;
    if (rc !== 0) throw callFailed('ibv_destroy_cq', rc);
    this.onDestroy();
  }
}

export class CompletionChannel {
  /** Readable when an armed CQ has a completion: watch it with watchFd. libuv makes it non-blocking. */
  readonly fd: number;

  constructor(
    private readonly fn: Fns,
    /** The device's CQs by address: an event names a CQ pointer. */
    private readonly cqs: ReadonlyMap<Ptr, CompletionQueue>,
    readonly ptr: Ptr,
  ) {
    this.fd = (koffi.decode(ptr, T.ibv_comp_channel) as { fd: number }).fd;
  }

  /** The CQ that has an event, or null when none is pending (EAGAIN on the non-blocking fd). Ack it later. */
  getCqEvent(): CompletionQueue | null {
    const cq: (Ptr | null)[] = [null];
    const ctx: (Ptr | null)[] = [null];
    if ((this.fn.get_cq_event(this.ptr, cq, ctx) as number) !== 0) {
      const errno = koffi.errno();
      if (errno === EAGAIN) return null;
      throw callFailed('ibv_get_cq_event', errno);
    }
    const handle = cq[0] === null ? undefined : this.cqs.get(cq[0]);
    if (handle === undefined) throw new VerbsError(`ibv_get_cq_event named an unknown CQ ${cq[0]}`);
    handle.unacked++;
    return handle;
  }

  destroy(): void {
    const rc = this.fn.destroy_comp_channel(this.ptr) as number;
    if (rc !== 0) throw callFailed('ibv_destroy_comp_channel', rc);
  }
}

/** What RTR needs about the remote end (exchanged over the TCP replication connection). */
export interface RtrParams {
  destQpNum: number;
  rqPsn: number;
  /** An IBV.MTU_* value: the smaller of both ports' active MTU. */
  pathMtu: number;
  dlid: number;
  /** The remote GID: set, the address carries a GRH (required on RoCE); null on an InfiniBand subnet by LID. */
  dgid: Uint8Array | null;
  sgidIndex: number;
  port: number;
  maxDestRdAtomic?: number;
  minRnrTimer?: number;
}

export interface RtsParams {
  sqPsn: number;
  timeout?: number;
  retryCnt?: number;
  rnrRetry?: number;
  maxRdAtomic?: number;
}

export class QueuePair {
  // One send WR and its SGEs, re-encoded per post: the provider copies a WR before ibv_post_send returns.
  private readonly scratch: Buffer;
  private readonly base: Ptr;

  constructor(
    private readonly fn: Fns,
    private readonly ops: Ops,
    readonly ptr: Ptr,
    readonly qpNum: number,
    private readonly maxSge: number,
  ) {
    this.scratch = Buffer.alloc(SEND_WR_SIZE + SGE_SIZE * maxSge + 8);
    this.base = koffi.address(this.scratch);
  }

  modifyToInit(port: number, access: number): void {
    const attr = { qp_state: IBV.QPS_INIT, pkey_index: 0, port_num: port, qp_access_flags: access };
    this.modify(attr, IBV.QP_STATE | IBV.QP_PKEY_INDEX | IBV.QP_PORT | IBV.QP_ACCESS_FLAGS);
  }

  modifyToRtr(p: RtrParams): void {
    const ah = {
      is_global: p.dgid === null ? 0 : 1,
      grh: p.dgid === null ? {} : { dgid: { raw: p.dgid }, sgid_index: p.sgidIndex, hop_limit: 1 },
      dlid: p.dlid,
      port_num: p.port,
    };
    const attr = {
      qp_state: IBV.QPS_RTR,
      path_mtu: p.pathMtu,
      dest_qp_num: p.destQpNum,
      rq_psn: p.rqPsn,
      max_dest_rd_atomic: p.maxDestRdAtomic ?? 1,
      min_rnr_timer: p.minRnrTimer ?? 12,
      ah_attr: ah,
    };
    const mask = IBV.QP_STATE | IBV.QP_AV | IBV.QP_PATH_MTU | IBV.QP_DEST_QPN | IBV.QP_RQ_PSN;
    this.modify(attr, mask | IBV.QP_MAX_DEST_RD_ATOMIC | IBV.QP_MIN_RNR_TIMER);
  }

  modifyToRts(p: RtsParams): void {
    const attr = {
      qp_state: IBV.QPS_RTS,
      sq_psn: p.sqPsn,
      timeout: p.timeout ?? 14,
      retry_cnt: p.retryCnt ?? 7,
      rnr_retry: p.rnrRetry ?? 7,
      max_rd_atomic: p.maxRdAtomic ?? 1,
    };
    const mask = IBV.QP_STATE | IBV.QP_TIMEOUT | IBV.QP_RETRY_CNT | IBV.QP_RNR_RETRY | IBV.QP_SQ_PSN;
    this.modify(attr, mask | IBV.QP_MAX_QP_RD_ATOMIC);
  }

  /** Moves the QP to ERR: outstanding work requests complete with IBV.WC_WR_FLUSH_ERR. */
  modifyToError(): void {
    this.modify({ qp_state: IBV.QPS_ERR }, IBV.QP_STATE);
  }

  /** One RDMA WRITE (WRITE_WITH_IMM when `imm` is a number) of `sges` to remoteAddr under rkey. */
  postWrite(sges: ScatterGather[], remoteAddr: Ptr, rkey: number, imm: number | null, signaled: boolean, wrId: number): void {
    const sgList = this.encodeSges(sges);
    koffi.encode(this.scratch, 0, T.ibv_send_wr, {
      wr_id: wrId,
      sg_list: sgList,
      num_sge: sges.length,
      opcode: imm === null ? IBV.WR_RDMA_WRITE : IBV.WR_RDMA_WRITE_WITH_IMM,
      send_flags: signaled ? IBV.SEND_SIGNALED : 0,
      imm_data: imm ?? 0,
      wr: { rdma: { remote_addr: remoteAddr, rkey } },
    });
    const rc = koffi.call(this.ops.post_send, PROTOS.post_send, this.ptr, this.base, this.badWrSlot()) as number;
    if (rc !== 0) throw callFailed('ibv_post_send', rc);
  }

  /** One receive WR; WRITE_WITH_IMM consumes one, so the receiver keeps the queue replenished. */
  postRecv(wrId: number, sges: ScatterGather[] = []): void {
    const sgList = this.encodeSges(sges);
    const wr = { wr_id: wrId, next: null, sg_list: sges.length === 0 ? null : sgList, num_sge: sges.length };
    koffi.encode(this.scratch, 0, T.ibv_recv_wr, wr);
    const rc = koffi.call(this.ops.post_recv, PROTOS.post_recv, this.ptr, this.base, this.badWrSlot()) as number;
    if (rc !== 0) throw callFailed('ibv_post_recv', rc);
  }

  destroy(): void {
    const rc = this.fn.destroy_qp(this.ptr) as number;
    if (rc !== 0) throw callFailed('ibv_destroy_qp', rc);
  }

  private modify(attr: Record<string, unknown>, mask: number): void {
    const rc = this.fn.modify_qp(this.ptr, attr, mask) as number;
    if (rc !== 0) throw callFailed(`ibv_modify_qp(state ${attr.qp_state as number}, mask 0x${mask.toString(16)})`, rc);
  }

  private encodeSges(sges: ScatterGather[]): Ptr {
    if (sges.length > this.maxSge) {
      throw new VerbsError(`${sges.length} scatter/gather entries, the QP was created for ${this.maxSge}`);
    }
    const offset = Math.max(SEND_WR_SIZE, RECV_WR_SIZE);
    sges.forEach((s, i) => koffi.encode(this.scratch, offset + i * SGE_SIZE, T.ibv_sge, s));
    return this.base + BigInt(offset);
  }

  private badWrSlot(): Ptr {
    return this.base + BigInt(SEND_WR_SIZE + SGE_SIZE * this.maxSge);
  }
}
