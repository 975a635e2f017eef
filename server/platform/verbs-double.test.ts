// The libibverbs test double builds with the system cc, exports real libibverbs names, and passes its two-process
// self-test: RDMA WRITE and WRITE_WITH_IMM land in the peer's memory and complete through channel fds.
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import koffi from 'koffi';
import { buildVerbsDouble, buildVerbsSelftest, verbsDoubleEnv } from '../testing/verbs-double.js';

const ENTRY_POINTS = [
  'ibv_get_device_list', 'ibv_free_device_list', 'ibv_get_device_name', 'ibv_open_device', 'ibv_close_device',
  'ibv_query_device', 'ibv_query_port', 'ibv_query_gid', 'ibv_alloc_pd', 'ibv_dealloc_pd', 'ibv_reg_mr',
  'ibv_reg_mr_iova2', 'ibv_dereg_mr', 'ibv_create_comp_channel', 'ibv_destroy_comp_channel', 'ibv_create_cq',
  'ibv_destroy_cq', 'ibv_create_qp', 'ibv_modify_qp', 'ibv_query_qp', 'ibv_destroy_qp', 'ibv_get_cq_event',
  'ibv_ack_cq_events', 'ibv_wc_status_str',
];

describe('platform: the libibverbs test double', function () {
  this.timeout(20000);
  let dir: string;
  let so: string;
  let selftest: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-verbs-double-'));
    so = buildVerbsDouble(dir);
    selftest = buildVerbsSelftest(dir, so);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('passes its self-test: two processes connect RC QPs and one writes into the other with WRITE and WRITE_WITH_IMM', () => {
    const state = join(dir, 'state');
    mkdirSync(state);
    const r = spawnSync(selftest, [], { encoding: 'utf8', timeout: 10000, env: { ...process.env, ...verbsDoubleEnv(so, state) } });
    const out = r.stdout;
    expect(out, out + r.stderr).to.not.contain('FAIL');
    expect(r.status, out + r.stderr).to.equal(0);
    for (const line of [
      'target: the 4096 bytes of the RDMA WRITE are in this process\'s buffer',
      'target: the completion channel fd becomes readable without this process posting anything',
      'target: the receive completion is RECV_RDMA_WITH_IMM with the posted wr_id, imm 0xbadcafe and byte_len 64',
      'writer: the signaled WRITE_WITH_IMM completes locally as IBV_WC_RDMA_WRITE / SUCCESS',
      'target: posting receive WRs delivers the waiting immediates in order',
      'writer: WRITE_WITH_IMM with rnr_retry 0 and no receive WR at the peer fails with RNR retry exceeded',
      'writer: a WRITE with a wrong rkey fails with a remote access error',
      'writer: a WRITE to a peer that has gone fails with transport retry exceeded',
      'writer: INIT->RTR without IBV_QP_MIN_RNR_TIMER in the mask is refused',
    ])
      expect(out).to.contain(`ok   ${line}`);
    expect(out.match(/^ok {3}/gm)?.length).to.equal(32);
    expect(out).to.match(/selftest: passed\n$/);
    expect(readdirSync(state)).to.deep.equal([]);
  });

  it('exports each entry point faha binds under a name the real libibverbs.so.1 also exports', () => {
    const double = koffi.load(so);
    const real = koffi.load('libibverbs.so.1');
    for (const name of ENTRY_POINTS) {
      expect(() => double.func(name, 'void', []), `double: ${name}`).to.not.throw();
      expect(() => real.func(name, 'void', []), `libibverbs: ${name}`).to.not.throw();
    }
    expect(() => double.func('ibv_no_such_verb', 'void', [])).to.throw();
  });

  it('reports one device, faha_double0, or none when FAHA_TEST_VERBS_DEVICES=0', () => {
    const lib = koffi.load(so);
    const list = lib.func('void *ibv_get_device_list(_Out_ int *num)');
    const free = lib.func('void ibv_free_device_list(void *list)');
    const name = lib.func('const char *ibv_get_device_name(void *dev)');
    const saved = process.env.FAHA_TEST_VERBS_DEVICES;
    try {
      const n = [-1];
      delete process.env.FAHA_TEST_VERBS_DEVICES;
      let l = list(n);
      expect(n[0]).to.equal(1);
      expect(name(koffi.decode(l, 'void *'))).to.equal('faha_double0');
      free(l);
      process.env.FAHA_TEST_VERBS_DEVICES = '0';
      l = list(n);
      expect(n[0]).to.equal(0);
      expect(koffi.decode(l, 'void *')).to.equal(null);
      free(l);
    } finally {
      if (saved === undefined) delete process.env.FAHA_TEST_VERBS_DEVICES;
      else process.env.FAHA_TEST_VERBS_DEVICES = saved;
    }
  });
});
