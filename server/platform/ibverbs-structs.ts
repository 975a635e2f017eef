// koffi definitions of the libibverbs structs and enum values faha's bindings use, and the check that they match the
// layout recorded from the C headers (ibverbs-layout.json, printed by native/layout/verbs_layout.c). Keep in sync
// with: native/layout/verbs_layout.c, server/platform/ibverbs.ts. No calls into libibverbs here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import koffi from 'koffi';
import { PROJECT_ROOT } from '../paths.js';

type Type = ReturnType<typeof koffi.struct>;

// C enums are 4-byte ints on every ABI libibverbs supports; named so the definitions read like verbs.h.
const ENUM = 'int';

// union ibv_gid holds a raw[16] and a struct of two __be64, so it is 8-byte aligned: a plain byte array here would
// shift every field after ibv_ah_attr inside ibv_qp_attr (the layout test exists for mistakes like that one).
const gid = koffi.struct('ibv_gid', { raw: [8, koffi.array('uint8_t', 16, 'Typed')] });

const sge = koffi.struct('ibv_sge', { addr: 'uint64_t', length: 'uint32_t', lkey: 'uint32_t' });

const sendWr = koffi.struct('ibv_send_wr', {
  wr_id: 'uint64_t',
  next: 'void *',
  sg_list: 'void *',
  num_sge: 'int',
  opcode: ENUM,
  send_flags: 'unsigned int',
  // Anonymous union { __be32 imm_data; uint32_t invalidate_rkey; }: immediate data travels in network byte order.
  imm_data: 'uint32_be_t',
  wr: koffi.union({
    rdma: koffi.struct({ remote_addr: 'uint64_t', rkey: 'uint32_t' }),
    atomic: koffi.struct({ remote_addr: 'uint64_t', compare_add: 'uint64_t', swap: 'uint64_t', rkey: 'uint32_t' }),
    ud: koffi.struct({ ah: 'void *', remote_qpn: 'uint32_t', remote_qkey: 'uint32_t' }),
  }),
  qp_type: koffi.union({ xrc: koffi.struct({ remote_srqn: 'uint32_t' }) }),
  // Anonymous union { bind_mw; tso; }, named after its first member as C's offsetof sees it.
  bind_mw: koffi.union({
    bind_mw: koffi.struct({
      mw: 'void *',
      rkey: 'uint32_t',
      bind_info: koffi.struct({ mr: 'void *', addr: 'uint64_t', length: 'uint64_t', mw_access_flags: 'unsigned int' }),
    }),
    tso: koffi.struct({ hdr: 'void *', hdr_sz: 'uint16_t', mss: 'uint16_t' }),
  }),
});

const recvWr = koffi.struct('ibv_recv_wr', { wr_id: 'uint64_t', next: 'void *', sg_list: 'void *', num_sge: 'int' });

const wc = koffi.struct('ibv_wc', {
  wr_id: 'uint64_t',
  status: ENUM,
  opcode: ENUM,
  vendor_err: 'uint32_t',
  byte_len: 'uint32_t',
  imm_data: 'uint32_be_t',
  qp_num: 'uint32_t',
  src_qp: 'uint32_t',
  wc_flags: 'unsigned int',
  pkey_index: 'uint16_t',
  slid: 'uint16_t',
  sl: 'uint8_t',
  dlid_path_bits: 'uint8_t',
});

const qpCap = koffi.struct('ibv_qp_cap', {
  max_send_wr: 'uint32_t',
  max_recv_wr: 'uint32_t',
  max_send_sge: 'uint32_t',
  max_recv_sge: 'uint32_t',
  max_inline_data: 'uint32_t',
});

const qpInitAttr = koffi.struct('ibv_qp_init_attr', {
  qp_context: 'void *',
  send_cq: 'void *',
  recv_cq: 'void *',
  srq: 'void *',
  cap: qpCap,
  qp_type: ENUM,
  sq_sig_all: 'int',
});

const globalRoute = koffi.struct('ibv_global_route', {
  dgid: gid,
  flow_label: 'uint32_t',
  sgid_index: 'uint8_t',
  hop_limit: 'uint8_t',
  traffic_class: 'uint8_t',
});

const ahAttr = koffi.struct('ibv_ah_attr', {
  grh: globalRoute,
  dlid: 'uint16_t',
  sl: 'uint8_t',
  src_path_bits: 'uint8_t',
  static_rate: 'uint8_t',
  is_global: 'uint8_t',
  port_num: 'uint8_t',
});

const qpAttr = koffi.struct('ibv_qp_attr', {
  qp_state: ENUM,
  cur_qp_state: ENUM,
  path_mtu: ENUM,
  path_mig_state: ENUM,
  qkey: 'uint32_t',
  rq_psn: 'uint32_t',
  sq_psn: 'uint32_t',
  dest_qp_num: 'uint32_t',
  qp_access_flags: 'unsigned int',
  cap: qpCap,
  ah_attr: ahAttr,
  alt_ah_attr: ahAttr,
  pkey_index: 'uint16_t',
  alt_pkey_index: 'uint16_t',
  en_sqd_async_notify: 'uint8_t',
  sq_draining: 'uint8_t',
  max_rd_atomic: 'uint8_t',
  max_dest_rd_atomic: 'uint8_t',
  min_rnr_timer: 'uint8_t',
  port_num: 'uint8_t',
  timeout: 'uint8_t',
  retry_cnt: 'uint8_t',
  rnr_retry: 'uint8_t',
  alt_port_num: 'uint8_t',
  alt_timeout: 'uint8_t',
  rate_limit: 'uint32_t',
});

const portAttr = koffi.struct('ibv_port_attr', {
  state: ENUM,
  max_mtu: ENUM,
  active_mtu: ENUM,
  gid_tbl_len: 'int',
  port_cap_flags: 'uint32_t',
  max_msg_sz: 'uint32_t',
  bad_pkey_cntr: 'uint32_t',
  qkey_viol_cntr: 'uint32_t',
  pkey_tbl_len: 'uint16_t',
  lid: 'uint16_t',
  sm_lid: 'uint16_t',
  lmc: 'uint8_t',
  max_vl_num: 'uint8_t',
  sm_sl: 'uint8_t',
  subnet_timeout: 'uint8_t',
  init_type_reply: 'uint8_t',
  active_width: 'uint8_t',
  active_speed: 'uint8_t',
  phys_state: 'uint8_t',
  link_layer: 'uint8_t',
  flags: 'uint8_t',
  port_cap_flags2: 'uint16_t',
});

const mr = koffi.struct('ibv_mr', {
  context: 'void *',
  pd: 'void *',
  addr: 'void *',
  length: 'size_t',
  handle: 'uint32_t',
  lkey: 'uint32_t',
  rkey: 'uint32_t',
});

const compChannel = koffi.struct('ibv_comp_channel', { context: 'void *', fd: 'int', refcnt: 'int' });

// Prefixes: the structs below continue with pthread objects and provider state faha never touches, so only the
// fields up to the last one read are declared (their offsets are checked, their sizes are not).
const cqHead = koffi.struct('ibv_cq', { context: 'void *', channel: 'void *', cq_context: 'void *', handle: 'uint32_t', cqe: 'int' });

const qpHead = koffi.struct('ibv_qp', {
  context: 'void *',
  qp_context: 'void *',
  pd: 'void *',
  send_cq: 'void *',
  recv_cq: 'void *',
  srq: 'void *',
  handle: 'uint32_t',
  qp_num: 'uint32_t',
  state: ENUM,
  qp_type: ENUM,
});

/** ibv_context_ops up to post_recv, in header order; the four verbs.h calls inline are read from it. */
const OPS_NAMES = [
  '_compat_query_device', '_compat_query_port', '_compat_alloc_pd', '_compat_dealloc_pd', '_compat_reg_mr',
  '_compat_rereg_mr', '_compat_dereg_mr', 'alloc_mw', 'bind_mw', 'dealloc_mw', '_compat_create_cq', 'poll_cq',
  'req_notify_cq', '_compat_cq_event', '_compat_resize_cq', '_compat_destroy_cq', '_compat_create_srq',
  '_compat_modify_srq', '_compat_query_srq', '_compat_destroy_srq', 'post_srq_recv', '_compat_create_qp',
  '_compat_query_qp', '_compat_modify_qp', '_compat_destroy_qp', 'post_send', 'post_recv',
] as const;
const opsHead = koffi.struct('ibv_context_ops', Object.fromEntries(OPS_NAMES.map((n) => [n, 'void *'])));
const contextHead = koffi.struct('ibv_context', { device: 'void *', ops: opsHead });

/** Every struct definition, by its C name: what the layout check compares. */
export const VERBS_TYPES: Readonly<Record<string, Type>> = {
  ibv_gid: gid,
  ibv_sge: sge,
  ibv_send_wr: sendWr,
  ibv_recv_wr: recvWr,
  ibv_wc: wc,
  ibv_qp_cap: qpCap,
  ibv_qp_init_attr: qpInitAttr,
  ibv_global_route: globalRoute,
  ibv_ah_attr: ahAttr,
  ibv_qp_attr: qpAttr,
  ibv_port_attr: portAttr,
  ibv_mr: mr,
  ibv_comp_channel: compChannel,
  ibv_cq: cqHead,
  ibv_qp: qpHead,
  ibv_context: contextHead,
  ibv_context_ops: opsHead,
};

/** The enum values of verbs.h the bindings use (checked against the header like the layouts). */
export const IBV = {
  QPT_RC: 2,
  QPS_RESET: 0,
  QPS_INIT: 1,
  QPS_RTR: 2,
  QPS_RTS: 3,
  QPS_ERR: 6,
  QP_STATE: 1 << 0,
  QP_ACCESS_FLAGS: 1 << 3,
  QP_PKEY_INDEX: 1 << 4,
  QP_PORT: 1 << 5,
  QP_AV: 1 << 7,
  QP_PATH_MTU: 1 << 8,
  QP_TIMEOUT: 1 << 9,
  QP_RETRY_CNT: 1 << 10,
  QP_RNR_RETRY: 1 << 11,
  QP_RQ_PSN: 1 << 12,
  QP_MAX_QP_RD_ATOMIC: 1 << 13,
  QP_MIN_RNR_TIMER: 1 << 15,
  QP_SQ_PSN: 1 << 16,
  QP_MAX_DEST_RD_ATOMIC: 1 << 17,
  QP_DEST_QPN: 1 << 20,
  ACCESS_LOCAL_WRITE: 1,
  ACCESS_REMOTE_WRITE: 2,
  ACCESS_REMOTE_READ: 4,
  WR_RDMA_WRITE: 0,
  WR_RDMA_WRITE_WITH_IMM: 1,
  SEND_SIGNALED: 2,
  WC_SUCCESS: 0,
  WC_WR_FLUSH_ERR: 5,
  WC_RDMA_WRITE: 1,
  WC_RECV: 128,
  WC_RECV_RDMA_WITH_IMM: 129,
  WC_WITH_IMM: 2,
  MTU_256: 1,
  MTU_512: 2,
  MTU_1024: 3,
  MTU_2048: 4,
  MTU_4096: 5,
  PORT_ACTIVE: 4,
  LINK_LAYER_UNSPECIFIED: 0,
  LINK_LAYER_INFINIBAND: 1,
  LINK_LAYER_ETHERNET: 2,
} as const;

export interface RecordedStruct {
  size: number;
  align: number;
  /** True when faha declares only a prefix of the struct: its size is not compared. */
  partial: boolean;
  /** Offsets by member path ("wr.rdma.rkey" for nested members). */
  fields: Record<string, number>;
}

/** What native/layout/verbs_layout.c prints. */
export interface RecordedLayout {
  /** The platform it was compiled for, named like process.arch. */
  arch: string;
  structs: Record<string, RecordedStruct>;
  constants: Record<string, number>;
}

export const RECORDED_LAYOUT_PATH = join(PROJECT_ROOT, 'server', 'platform', 'ibverbs-layout.json');

interface Member {
  offset: number;
  type: Type;
}

/** The offset of a dotted member path in a koffi struct, or null when a part is missing. */
function offsetOfPath(type: Type, path: string): number | null {
  let offset = 0;
  let current = koffi.type(type);
  for (const part of path.split('.')) {
    const member = (current.members as Record<string, Member> | undefined)?.[part];
    if (member === undefined) return null;
    offset += member.offset;
    current = koffi.type(member.type);
  }
  return offset;
}

function structProblems(name: string, type: Type | undefined, rec: RecordedStruct): string[] {
  if (type === undefined) return [`${name}: recorded in the layout table but not defined in the bindings`];
  const out: string[] = [];
  if (!rec.partial && koffi.sizeof(type) !== rec.size) out.push(`sizeof(${name}) is ${rec.size} in C, ${koffi.sizeof(type)} in koffi`);
  if (!rec.partial && koffi.alignof(type) !== rec.align) out.push(`alignof(${name}) is ${rec.align} in C, ${koffi.alignof(type)} in koffi`);
  for (const [path, offset] of Object.entries(rec.fields)) {
    const ours = offsetOfPath(type, path);
    if (ours !== offset) out.push(`offsetof(${name}, ${path}) is ${offset} in C, ${ours ?? 'missing'} in koffi`);
  }
  for (const member of Object.keys(koffi.type(type).members ?? {})) {
    if (!(member in rec.fields)) out.push(`${name}.${member} is used by the bindings but not recorded from the C header`);
  }
  return out;
}

/**
 * Every difference between koffi definitions and a recorded C layout (empty when they agree): sizes and alignments
 * of whole structs, every recorded member offset, members the bindings declare that C did not record, and enum
 * values. Pure, so tests can feed it deliberately wrong definitions.
 */
export function layoutProblems(
  types: Readonly<Record<string, Type>>,
  constants: Readonly<Record<string, number>>,
  recorded: RecordedLayout,
  arch: string = process.arch,
): string[] {
  const out: string[] = [];
  if (recorded.arch !== arch) out.push(`the layout table was recorded for ${recorded.arch}, this process runs on ${arch}`);
  for (const [name, rec] of Object.entries(recorded.structs)) out.push(...structProblems(name, types[name], rec));
  for (const name of Object.keys(types)) if (!(name in recorded.structs)) out.push(`${name} is not recorded from the C header`);
  for (const [name, value] of Object.entries(recorded.constants)) {
    const ours = constants[name.replace(/^IBV_/, '')];
    if (ours !== value) out.push(`${name} is ${value} in C, ${ours ?? 'missing'} in the bindings`);
  }
  for (const name of Object.keys(constants)) if (!(`IBV_${name}` in recorded.constants)) out.push(`IBV_${name} is not recorded from the C header`);
  return out;
}

export function readRecordedLayout(path: string = RECORDED_LAYOUT_PATH): RecordedLayout {
  return JSON.parse(readFileSync(path, 'utf8')) as RecordedLayout;
}

let cachedProblem: string | null | undefined;

/**
 * Null when the bindings' struct layouts match the table recorded from verbs.h; else a message saying what differs.
 * Runs without a compiler (the table is checked-in data); the RDMA transport refuses to start on a non-null answer.
 */
export function verbsLayoutProblem(): string | null {
  if (cachedProblem !== undefined) return cachedProblem;
  let problems: string[];
  try {
    problems = layoutProblems(VERBS_TYPES, IBV, readRecordedLayout());
  } catch (err) {
    problems = [`cannot read ${RECORDED_LAYOUT_PATH}: ${(err as Error).message}`];
  }
  cachedProblem = problems.length === 0 ? null : `libibverbs struct layouts do not match the bindings: ${problems.join('; ')}`;
  return cachedProblem;
}
