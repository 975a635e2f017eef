// koffi bindings of the libibverbs calls an RC persist RPC needs, behind small typed handles (device, PD, MR, CQ,
// completion channel, QP) so the RDMA transport never touches raw layouts. Owns the calls and their error
// translation; connection set-up and protocol belong to server/replication/transport/rdma.ts.
import { createRequire } from 'node:module';
import koffi from 'koffi';
import { NATIVE_ADDON_PATH } from './native.js';
import { CompletionChannel, CompletionQueue, PROTOS, QueuePair, VerbsError, callFailed, type Ops } from './ibverbs-queues.js';
import { IBV, VERBS_TYPES, verbsLayoutProblem } from './ibverbs-structs.js';

export { IBV, verbsLayoutProblem } from './ibverbs-structs.js';
export { CompletionChannel, CompletionQueue, QueuePair, VerbsError } from './ibverbs-queues.js';
export type { RtrParams, RtsParams, ScatterGather, WorkCompletion } from './ibverbs-queues.js';

type Ptr = bigint;
type Fn = ReturnType<ReturnType<typeof koffi.load>['func']>;

const ENOSYS = 38;
const T = VERBS_TYPES;

/** The exported entry points, by the names `nm -D libibverbs.so.1` shows (dlsym picks the default IBVERBS_1.1 version). */
const SIGNATURES = {
  get_device_list: 'void *ibv_get_device_list(_Out_ int *num_devices)',
  free_device_list: 'void ibv_free_device_list(void *list)',
  get_device_name: 'const char *ibv_get_device_name(void *device)',
  open_device: 'void *ibv_open_device(void *device)',
  close_device: 'int ibv_close_device(void *context)',
  // verbs.h wraps this in a macro that prefers verbs_context->query_port; the exported symbol takes the compat
  // struct, a prefix of ibv_port_attr, and fills at most its size: we pass a whole zeroed ibv_port_attr (_Inout_
  // copies our zeros in, as the header's inline wrapper memsets before calling it).
  query_port: 'int ibv_query_port(void *context, uint8_t port_num, _Inout_ ibv_port_attr *port_attr)',
  query_gid: 'int ibv_query_gid(void *context, uint8_t port_num, int index, _Out_ ibv_gid *gid)',
  alloc_pd: 'void *ibv_alloc_pd(void *context)',
  dealloc_pd: 'int ibv_dealloc_pd(void *pd)',
  // verbs.h's macro routes to ibv_reg_mr_iova2 only for IBV_ACCESS_OPTIONAL_RANGE flags, which faha never uses.
  reg_mr: 'void *ibv_reg_mr(void *pd, void *addr, size_t length, int access)',
  dereg_mr: 'int ibv_dereg_mr(void *mr)',
  create_comp_channel: 'void *ibv_create_comp_channel(void *context)',
  destroy_comp_channel: 'int ibv_destroy_comp_channel(void *channel)',
  create_cq: 'void *ibv_create_cq(void *context, int cqe, void *cq_context, void *channel, int comp_vector)',
  destroy_cq: 'int ibv_destroy_cq(void *cq)',
  create_qp: 'void *ibv_create_qp(void *pd, _Inout_ ibv_qp_init_attr *init_attr)',
  modify_qp: 'int ibv_modify_qp(void *qp, ibv_qp_attr *attr, int attr_mask)',
  destroy_qp: 'int ibv_destroy_qp(void *qp)',
  get_cq_event: 'int ibv_get_cq_event(void *channel, _Out_ void **cq, _Out_ void **cq_context)',
  ack_cq_events: 'void ibv_ack_cq_events(void *cq, unsigned int nevents)',
} as const;
export type Fns = Record<keyof typeof SIGNATURES, Fn>;

/**
 * Loads libibverbs (or a stand-in such as the test double): `path`, else FAHA_IBVERBS_LIB, else libibverbs.so.1.
 * Refuses when the struct layouts do not match the recorded header, or a needed symbol is missing.
 */
export function loadVerbs(path?: string): Verbs {
  const problem = verbsLayoutProblem();
  if (problem !== null) throw new VerbsError(problem, 'ERR_RDMA_LAYOUT');
  const libPath = path ?? (process.env.FAHA_IBVERBS_LIB || 'libibverbs.so.1');
  let lib: ReturnType<typeof koffi.load>;
  try {
    lib = koffi.load(libPath);
  } catch (err) {
    throw new VerbsError(`cannot load ${libPath}: ${(err as Error).message}`, 'ERR_RDMA_UNAVAILABLE');
  }
  const fns = {} as Fns;
  for (const [key, sig] of Object.entries(SIGNATURES)) {
    try {
      fns[key as keyof Fns] = lib.func(sig);
    } catch (err) {
      throw new VerbsError(`${libPath} lacks what faha needs (${sig}): ${(err as Error).message}`, 'ERR_RDMA_UNAVAILABLE');
    }
  }
  return new Verbs(libPath, fns);
}

export class Verbs {
  constructor(
    readonly libraryPath: string,
    private readonly fn: Fns,
  ) {}

  /** Names of the RDMA devices present; [] when there are none or the kernel has no verbs support (ENOSYS). */
  listDevices(): string[] {
    return this.withDeviceList((devices) => devices.map((d) => this.fn.get_device_name(d) as string));
  }

  /** Opens the device called `name`, or the first one; throws ERR_RDMA_UNAVAILABLE when there is none. */
  openDevice(name?: string): VerbsDevice {
    return this.withDeviceList((devices) => {
      const names = devices.map((d) => this.fn.get_device_name(d) as string);
      const i = name === undefined ? 0 : names.indexOf(name);
      if (devices.length === 0 || i < 0) {
        const what = name === undefined ? 'no RDMA device' : `no RDMA device named ${name}`;
        const listed = names.length === 0 ? 'none' : names.join(', ');
        throw new VerbsError(`${what} (${this.libraryPath} lists ${listed})`, 'ERR_RDMA_UNAVAILABLE');
      }
      const ctx = this.fn.open_device(devices[i]) as Ptr | null;
      if (ctx === null) throw callFailed(`ibv_open_device(${names[i]})`, koffi.errno());
      return new VerbsDevice(this.fn, names[i], ctx);
    });
  }

  openFirstDevice(): VerbsDevice {
    return this.openDevice();
  }

  private withDeviceList<R>(use: (devices: Ptr[]) => R): R {
    const count = [0];
    const list = this.fn.get_device_list(count) as Ptr | null;
    if (list === null) {
      const errno = koffi.errno();
      if (errno === ENOSYS) return use([]);
      throw callFailed('ibv_get_device_list', errno);
    }
    try {
      const devices = count[0] === 0 ? [] : (koffi.decode(list, 'void *', count[0]) as Ptr[]);
      return use(devices);
    } finally {
      // Devices stay referenced by the contexts opened from them, so the list can go at once.
      this.fn.free_device_list(list);
    }
  }
}

export interface PortInfo {
  state: number;
  /** An IBV.MTU_* value. */
  activeMtu: number;
  lid: number;
  /** An IBV.LINK_LAYER_* value: Ethernet (RoCE) needs a GRH, so a GID, in every address. */
  linkLayer: number;
  gidTableLength: number;
}

export class VerbsDevice {
  private readonly ops: Ops;
  /** CQs by address, so a completion event (which names a CQ pointer) maps back to its handle. */
  readonly cqs = new Map<Ptr, CompletionQueue>();

  constructor(
    private readonly fn: Fns,
    readonly name: string,
    readonly ptr: Ptr,
  ) {
    const head = koffi.decode(ptr, T.ibv_context) as { ops: Record<string, Ptr | null> };
    const ops = {} as Ops;
    for (const key of Object.keys(PROTOS) as (keyof Ops)[]) {
      const p = head.ops[key];
      if (p === null || p === undefined) throw new VerbsError(`${name}: the provider has no ops.${key}`, 'ERR_RDMA_UNAVAILABLE');
      ops[key] = p;
    }
    this.ops = ops;
  }

  queryPort(port = 1): PortInfo {
    const a: Record<string, number> = {};
    const rc = this.fn.query_port(this.ptr, port, a) as number;
    if (rc !== 0) throw callFailed(`ibv_query_port(${this.name}, ${port})`, rc);
    return { state: a.state, activeMtu: a.active_mtu, lid: a.lid, linkLayer: a.link_layer, gidTableLength: a.gid_tbl_len };
  }

  /** The 16-byte GID at `index` of `port`'s table. */
  queryGid(port: number, index: number): Uint8Array {
    const out = { raw: new Uint8Array(16) };
    if ((this.fn.query_gid(this.ptr, port, index, out) as number) !== 0) {
      throw callFailed(`ibv_query_gid(${this.name}, ${port}, ${index})`, koffi.errno());
    }
    return Uint8Array.from(out.raw);
  }

  allocPd(): ProtectionDomain {
    const pd = this.fn.alloc_pd(this.ptr) as Ptr | null;
    if (pd === null) throw callFailed('ibv_alloc_pd', koffi.errno());
    return new ProtectionDomain(this.fn, this.ops, pd);
  }

  createCompChannel(): CompletionChannel {
    const ch = this.fn.create_comp_channel(this.ptr) as Ptr | null;
    if (ch === null) throw callFailed('ibv_create_comp_channel', koffi.errno());
    return new CompletionChannel(this.fn, this.cqs, ch);
  }

  /** A CQ of at least `depth` entries, reporting through `channel` when notification is armed. */
  createCq(depth: number, channel: CompletionChannel | null): CompletionQueue {
    const cq = this.fn.create_cq(this.ptr, depth, null, channel?.ptr ?? null, 0) as Ptr | null;
    if (cq === null) throw callFailed('ibv_create_cq', koffi.errno());
    const handle = new CompletionQueue(this.fn, this.ops, cq, () => this.cqs.delete(cq));
    this.cqs.set(cq, handle);
    return handle;
  }

  close(): void {
    const rc = this.fn.close_device(this.ptr) as number;
    if (rc !== 0) throw callFailed('ibv_close_device', rc);
  }
}

export interface MemoryRegion {
  readonly addr: Ptr;
  readonly length: number;
  readonly lkey: number;
  readonly rkey: number;
  dereg(): void;
}

export interface QpCapacity {
  maxSendWr: number;
  maxRecvWr: number;
  maxSendSge: number;
  maxRecvSge: number;
  maxInlineData?: number;
}

export class ProtectionDomain {
  constructor(
    private readonly fn: Fns,
    private readonly ops: Ops,
    readonly ptr: Ptr,
  ) {}

  /** Registers memory (an address and length, or a Buffer, which must then stay referenced until dereg). */
  regMr(memory: Ptr | Buffer, length: number, access: number): MemoryRegion {
    const mrPtr = this.fn.reg_mr(this.ptr, memory, length, access) as Ptr | null;
    if (mrPtr === null) throw callFailed('ibv_reg_mr', koffi.errno());
    const m = koffi.decode(mrPtr, T.ibv_mr) as { addr: Ptr; length: number; lkey: number; rkey: number };
    const fn = this.fn;
    return {
      addr: m.addr,
      length: Number(m.length),
      lkey: m.lkey,
      rkey: m.rkey,
      dereg() {
        const rc = fn.dereg_mr(mrPtr) as number;
        if (rc !== 0) throw callFailed('ibv_dereg_mr', rc);
      },
    };
  }

  createRcQp(sendCq: CompletionQueue, recvCq: CompletionQueue, cap: QpCapacity): QueuePair {
    const init = {
      send_cq: sendCq.ptr,
      recv_cq: recvCq.ptr,
      cap: {
        max_send_wr: cap.maxSendWr,
        max_recv_wr: cap.maxRecvWr,
        max_send_sge: cap.maxSendSge,
        max_recv_sge: cap.maxRecvSge,
        max_inline_data: cap.maxInlineData ?? 0,
      },
      qp_type: IBV.QPT_RC,
      sq_sig_all: 0,
    };
    const qp = this.fn.create_qp(this.ptr, init) as Ptr | null;
    if (qp === null) throw callFailed('ibv_create_qp', koffi.errno());
    const head = koffi.decode(qp, T.ibv_qp) as { qp_num: number };
    return new QueuePair(this.fn, this.ops, qp, head.qp_num, Math.max(cap.maxSendSge, cap.maxRecvSge, 1));
  }

  dealloc(): void {
    const rc = this.fn.dealloc_pd(this.ptr) as number;
    if (rc !== 0) throw callFailed('ibv_dealloc_pd', rc);
  }
}

export interface FdWatcher {
  close(): void;
}

interface FdWatchModule {
  watchFd?: (fd: number, callback: (err: Error | null) => void) => FdWatcher;
}

/**
 * Calls `callback` on the event loop each time `fd` is readable (level-triggered: read or the callback repeats),
 * through libuv's uv_poll in faha's native addon; `callback(err)` once if polling fails. Makes `fd` non-blocking.
 */
export function watchFd(fd: number, callback: (err: Error | null) => void): FdWatcher {
  const addon = createRequire(import.meta.url)(NATIVE_ADDON_PATH) as FdWatchModule;
  if (addon.watchFd === undefined) {
    throw new VerbsError(`${NATIVE_ADDON_PATH} has no watchFd: rebuild it with \`npm run build:native\``, 'ERR_RDMA_UNAVAILABLE');
  }
  return addon.watchFd(fd, callback);
}
