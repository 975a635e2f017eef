// The koffi struct definitions against the real C layout: compiles native/layout/verbs_layout.c against the installed
// <infiniband/verbs.h>, checks its output is the recorded table the server compares with at start, and that the
// definitions match it; then shows the comparison catches a padding mistake and a wrong enum value.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { PROJECT_ROOT } from '../paths.js';
import { IBV, VERBS_TYPES, layoutProblems, readRecordedLayout, verbsLayoutProblem, type RecordedLayout } from './ibverbs-structs.js';

const HEADER = '/usr/include/infiniband/verbs.h';
const SOURCE = join(PROJECT_ROOT, 'native', 'layout', 'verbs_layout.c');

describe('platform: libibverbs struct layouts', function () {
  this.timeout(20000);
  let dir = '';
  let printed: RecordedLayout;

  before(function () {
    if (!existsSync(HEADER)) this.skip(); // Needs Debian's libibverbs-dev (installed by .ci/run).
    dir = mkdtempSync(join(tmpdir(), 'faha-verbs-layout-'));
    const exe = join(dir, 'verbs_layout');
    execFileSync('cc', ['-std=c11', '-Wall', '-Werror', '-o', exe, SOURCE]);
    printed = JSON.parse(execFileSync(exe, { encoding: 'utf8' })) as RecordedLayout;
  });

  after(() => {
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('the layout program prints exactly the table recorded in ibverbs-layout.json', () => {
    expect(printed).to.deep.equal(readRecordedLayout(), 'regenerate server/platform/ibverbs-layout.json from native/layout/verbs_layout.c');
  });

  it('every koffi definition matches the C sizes, alignments, offsets and enum values', () => {
    expect(layoutProblems(VERBS_TYPES, IBV, printed)).to.deep.equal([]);
    expect(Object.keys(printed.structs)).to.include.members(['ibv_send_wr', 'ibv_wc', 'ibv_qp_attr', 'ibv_context_ops']);
  });

  it('the start-time check agrees on this machine', () => {
    expect(verbsLayoutProblem()).to.equal(null);
  });

  it('reads the four inline verbs at the ops-table offsets verbs.h compiles to', () => {
    const ctx = printed.structs.ibv_context.fields.ops;
    const ops = printed.structs.ibv_context_ops.fields;
    const ours = (member: string) => koffi.offsetof(VERBS_TYPES.ibv_context, 'ops') + koffi.offsetof(VERBS_TYPES.ibv_context_ops, member);
    for (const m of ['post_send', 'post_recv', 'poll_cq', 'req_notify_cq']) expect(ours(m), m).to.equal(ctx + ops[m]);
  });

  it('reports a padding mistake: a GID without its 8-byte alignment shifts ibv_qp_attr', () => {
    // union ibv_gid declared as a bare byte array: ibv_global_route, ibv_ah_attr, ibv_qp_attr lose their alignment.
    const badGid = koffi.struct({ raw: koffi.array('uint8_t', 16) });
    const badGrh = koffi.struct({ dgid: badGid, flow_label: 'uint32_t', sgid_index: 'uint8_t', hop_limit: 'uint8_t', traffic_class: 'uint8_t' });
    const badAh = koffi.struct({ grh: badGrh, dlid: 'uint16_t', sl: 'uint8_t', src_path_bits: 'uint8_t', static_rate: 'uint8_t', is_global: 'uint8_t', port_num: 'uint8_t' });
    const qpAttrMembers = Object.fromEntries(
      Object.values(koffi.type(VERBS_TYPES.ibv_qp_attr).members!).map((m) => [m.name, m.name.endsWith('ah_attr') ? badAh : m.type]),
    );
    const types = { ...VERBS_TYPES, ibv_gid: badGid, ibv_qp_attr: koffi.struct(qpAttrMembers) };
    const problems = layoutProblems(types, IBV, printed);
    expect(problems).to.include('alignof(ibv_gid) is 8 in C, 1 in koffi');
    expect(problems).to.include('sizeof(ibv_qp_attr) is 144 in C, 140 in koffi');
  });

  it('reports a missing anonymous union: ibv_wc without imm_data shifts every later field', () => {
    const members = Object.values(koffi.type(VERBS_TYPES.ibv_wc).members!).filter((m) => m.name !== 'imm_data');
    const badWc = koffi.struct(Object.fromEntries(members.map((m) => [m.name, m.type])));
    const problems = layoutProblems({ ...VERBS_TYPES, ibv_wc: badWc }, IBV, printed);
    expect(problems).to.include('offsetof(ibv_wc, qp_num) is 28 in C, 24 in koffi');
    expect(problems).to.include('offsetof(ibv_wc, imm_data) is 24 in C, missing in koffi');
  });

  it('reports a wrong enum value, a struct the header does not describe, and another architecture', () => {
    const problems = layoutProblems({ ...VERBS_TYPES, ibv_srq: koffi.struct({ context: 'void *' }) }, { ...IBV, WC_RECV_RDMA_WITH_IMM: 128 }, printed, 'riscv64');
    expect(problems).to.include('IBV_WC_RECV_RDMA_WITH_IMM is 129 in C, 128 in the bindings');
    expect(problems).to.include('ibv_srq is not recorded from the C header');
    expect(problems).to.include(`the layout table was recorded for ${printed.arch}, this process runs on riscv64`);
  });
});
