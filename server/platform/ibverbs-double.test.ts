// The typed verbs API end to end through the libibverbs test double (native/test-verbs/, selected by path as
// FAHA_IBVERBS_LIB would): device and port queries, MRs, two RC QPs in this process brought INIT→RTR→RTS, an RDMA
// WRITE_WITH_IMM of two SGEs, and both completions delivered through the completion channel's fd and watchFd.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { IBV, loadVerbs, watchFd, type CompletionChannel, type CompletionQueue, type WorkCompletion } from './ibverbs.js';

const DOUBLE_SOURCE = join(PROJECT_ROOT, 'native', 'test-verbs', 'faha_test_verbs.c');

/** Resolves with every completion seen once `count` have arrived, woken only by the channel's fd. */
function completions(channel: CompletionChannel, count: number): Promise<{ cq: CompletionQueue; wc: WorkCompletion }[]> {
  return new Promise((resolve, reject) => {
    const seen: { cq: CompletionQueue; wc: WorkCompletion }[] = [];
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`only ${seen.length} of ${count} completions arrived`));
    }, 5000);
    const watcher = watchFd(channel.fd, (err) => {
      if (err) return reject(err);
      for (let cq = channel.getCqEvent(); cq !== null; cq = channel.getCqEvent()) {
        cq.ackEvents();
        cq.reqNotify();
        for (const wc of cq.poll()) seen.push({ cq, wc });
      }
      if (seen.length >= count) {
        clearTimeout(timer);
        watcher.close();
        resolve(seen);
      }
    });
  });
}

describe('platform: libibverbs bindings through the test double', function () {
  this.timeout(20000);
  let dir = '';
  let libPath = '';
  let savedStateDir: string | undefined;

  before(function () {
    if (!existsSync(DOUBLE_SOURCE)) this.skip(); // The double is built from native/test-verbs/ (issue 7).
    dir = mkdtempSync(join(tmpdir(), 'faha-verbs-double-'));
    libPath = join(dir, 'libfaha-test-verbs.so');
    execFileSync('cc', ['-shared', '-fPIC', '-O2', '-o', libPath, DOUBLE_SOURCE, '-lpthread']);
    // The double keeps its socket and registry there (else in /tmp/faha-verbs-<uid>, which would outlive the test).
    savedStateDir = process.env.FAHA_TEST_VERBS_DIR;
    process.env.FAHA_TEST_VERBS_DIR = join(dir, 'state');
    mkdirSync(process.env.FAHA_TEST_VERBS_DIR);
  });

  after(() => {
    if (savedStateDir === undefined) delete process.env.FAHA_TEST_VERBS_DIR;
    else process.env.FAHA_TEST_VERBS_DIR = savedStateDir;
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('writes with an immediate from one RC QP into another and completes both sides through the channel fd', async () => {
    const verbs = loadVerbs(libPath);
    expect(verbs.listDevices()).to.deep.equal(['faha_double0']);
    const dev = verbs.openFirstDevice();
    const port = dev.queryPort(1);
    expect(port.state).to.equal(IBV.PORT_ACTIVE);
    expect(port.linkLayer).to.equal(IBV.LINK_LAYER_ETHERNET);
    const gid = dev.queryGid(1, 0);
    expect(Buffer.from(gid.subarray(0, 4)).toString()).to.equal('FAHA');
    expect(Buffer.from(gid).readUInt32BE(4)).to.equal(process.pid);

    const pd = dev.allocPd();
    const access = IBV.ACCESS_LOCAL_WRITE | IBV.ACCESS_REMOTE_WRITE;
    const src = Buffer.from('hello, backup');
    const dst = Buffer.alloc(32);
    const srcMr = pd.regMr(src, src.length, access);
    const dstMr = pd.regMr(dst, dst.length, access);
    const channel = dev.createCompChannel();
    const sendCq = dev.createCq(16, channel);
    const recvCq = dev.createCq(16, channel);
    const cap = { maxSendWr: 16, maxRecvWr: 16, maxSendSge: 2, maxRecvSge: 1 };
    const primary = pd.createRcQp(sendCq, sendCq, cap);
    const backup = pd.createRcQp(recvCq, recvCq, cap);
    for (const [qp, peer] of [[primary, backup], [backup, primary]] as const) {
      qp.modifyToInit(1, access);
      qp.modifyToRtr({ destQpNum: peer.qpNum, rqPsn: 0, pathMtu: port.activeMtu, dlid: port.lid, dgid: gid, sgidIndex: 0, port: 1 });
      qp.modifyToRts({ sqPsn: 0 });
    }
    backup.postRecv(77);
    sendCq.reqNotify();
    recvCq.reqNotify();

    const done = completions(channel, 2);
    const sges = [
      { addr: srcMr.addr, length: 7, lkey: srcMr.lkey },
      { addr: srcMr.addr + 7n, length: 6, lkey: srcMr.lkey },
    ];
    primary.postWrite(sges, dstMr.addr + 4n, dstMr.rkey, 0xdeadbeef, true, 42);
    const seen = await done;

    expect(dst.subarray(4, 4 + src.length).toString()).to.equal('hello, backup');
    const recv = seen.find((s) => s.cq === recvCq)!.wc;
    expect(recv).to.include({ wrId: 77, status: IBV.WC_SUCCESS, opcode: IBV.WC_RECV_RDMA_WITH_IMM, imm: 0xdeadbeef, qpNum: backup.qpNum });
    const sent = seen.find((s) => s.cq === sendCq)!.wc;
    expect(sent).to.include({ wrId: 42, status: IBV.WC_SUCCESS, opcode: IBV.WC_RDMA_WRITE, imm: null, qpNum: primary.qpNum });

    primary.destroy();
    backup.destroy();
    sendCq.destroy();
    recvCq.destroy();
    channel.destroy();
    srcMr.dereg();
    dstMr.dereg();
    pd.dealloc();
    dev.close();
  });
});
