// The RDMA transport's edges: its set-up messages survive encoding byte for byte (the layouts server/docs/rdma.md
// gives), and replication-transport decides as documented when RDMA is missing or refused — rdma without a device
// stops start-up, an auto backup refused by a tcp primary replicates over TCP, an rdma backup refused never goes live.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadVerbs } from '../../platform/ibverbs.js';
import { command, HOST, pollUntil, replicationInfo, sleep } from '../../testing/replication-cluster.js';
import { startFaha, type RunningServer } from '../../testing/servers.js';
import { buildVerbsDouble, verbsDoubleEnv } from '../../testing/verbs-double.js';
import { FrameDecoder, FrameType, encodeTransport } from '../frames.js';
import { RdmaMsg, decodeRdmaMessage, encodeBatchNotice, encodeHello, encodeRefuse, encodeRegion, type BatchNotice, type Hello, type Region } from './rdma-messages.js';

/** A GID with every byte distinct, zeros and 0xff included: nothing may be trimmed, swapped or sign-extended. */
const GID = Uint8Array.from([0x46, 0x41, 0x48, 0x41, 0x00, 0x00, 0x30, 0x39, 0xff, 0x80, 0x7f, 0x01, 0x00, 0xfe, 0x10, 0xaa]);

/** The message as it travels: inside a Transport frame, cut out of the stream by the replication frame decoder. */
function overTheWire(message: Buffer): Buffer {
  const frames = new FrameDecoder().push(encodeTransport(message));
  expect(frames).to.have.length(1);
  const f = frames[0];
  if (f.type !== FrameType.Transport) throw new Error(`a Transport frame came back as type ${f.type}`);
  return f.body;
}

describe('RDMA transport: set-up messages', () => {
  it('a Hello comes back with its QPN, PSN, LID, MTU and GID, in 28 bytes', () => {
    const hello: Hello = { qpn: 0xabcdef, psn: 0xfffffe, lid: 0xbeef, mtu: 5, gid: GID };
    const wire = encodeHello(hello);
    expect(wire.length).to.equal(28);
    expect(wire[0]).to.equal(RdmaMsg.Hello);
    const m = decodeRdmaMessage(overTheWire(wire));
    if (m.kind !== RdmaMsg.Hello) throw new Error(`decoded as kind ${m.kind}`);
    expect(m.hello).to.deep.equal(hello);
  });

  it('a Hello keeps the GID byte for byte, in a copy of its own', () => {
    const wire = encodeHello({ qpn: 1, psn: 2, lid: 0, mtu: 3, gid: GID });
    expect([...wire.subarray(12, 28)]).to.deep.equal([...GID]);
    const m = decodeRdmaMessage(wire);
    if (m.kind !== RdmaMsg.Hello) throw new Error(`decoded as kind ${m.kind}`);
    wire.fill(0);
    expect([...m.hello.gid]).to.deep.equal([...GID]);
  });

  it('a Refuse comes back with its reason, UTF-8 included', () => {
    const reason = 'no RDMA device (libibverbs.so.1 lists none) — réessayez';
    const m = decodeRdmaMessage(overTheWire(encodeRefuse(reason)));
    expect(m).to.deep.equal({ kind: RdmaMsg.Refuse, reason });
  });

  it('a Region comes back with its segment, size, 64-bit address and rkey, in 21 bytes', () => {
    const region: Region = { segId: 0xfffffff0, size: 1 << 30, addr: 0xfedc_ba98_7654_3210n, rkey: 0x8000_0001 };
    const wire = encodeRegion(region);
    expect(wire.length).to.equal(21);
    expect(decodeRdmaMessage(overTheWire(wire))).to.deep.equal({ kind: RdmaMsg.Region, region });
  });

  it('a batch notice with three parts comes back with its sequence, LSNs and every part, in 23 + 16 bytes a part', () => {
    const notice: BatchNotice = {
      seq: 0xffffffff,
      firstLSN: 2 ** 40 + 1,
      lastLSN: 2 ** 40 + 17,
      parts: [
        { segId: 7, segSize: 16 << 20, off: (16 << 20) - 100, len: 100 },
        { segId: 8, segSize: 16 << 20, off: 0, len: 16 << 20 },
        { segId: 9, segSize: 1 << 20, off: 0, len: 4096 },
      ],
    };
    const wire = encodeBatchNotice(notice);
    expect(wire.length).to.equal(23 + 16 * 3);
    expect(decodeRdmaMessage(overTheWire(wire))).to.deep.equal({ kind: RdmaMsg.BatchNotice, notice });
  });

  it('a batch notice without parts comes back empty, and an unknown kind is refused by number', () => {
    const notice: BatchNotice = { seq: 0, firstLSN: 1, lastLSN: 1, parts: [] };
    expect(decodeRdmaMessage(encodeBatchNotice(notice))).to.deep.equal({ kind: RdmaMsg.BatchNotice, notice });
    expect(() => decodeRdmaMessage(Buffer.from([9, 0, 0]))).to.throw('unknown RDMA transport message 9');
  });
});

describe('RDMA transport: replication-transport when RDMA is missing or refused', function () {
  this.timeout(20000);
  let dir = '';
  let doubleEnv: Record<string, string> = {};
  const servers: RunningServer[] = [];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-rdma-test-'));
    mkdirSync(join(dir, 'state'));
    doubleEnv = verbsDoubleEnv(buildVerbsDouble(dir), join(dir, 'state'));
  });

  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop(true);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(args: string[], env: Record<string, string>): Promise<RunningServer> {
    const s = await startFaha({ args, env });
    servers.push(s);
    return s;
  }

  /** Starts faha expecting it never to become ready; returns what it printed (startFaha's rejection carries it). */
  async function failedStart(args: string[], env: Record<string, string>): Promise<string> {
    try {
      servers.push(await startFaha({ args, env }));
    } catch (err) {
      return (err as Error).message;
    }
    throw new Error('faha started although replication-transport rdma cannot be honoured');
  }

  it('faha-server --replication-transport rdma on the real libibverbs without a device exits non-zero, saying why', async function () {
    let devices: string[];
    try {
      devices = loadVerbs('libibverbs.so.1').listDevices();
    } catch {
      this.skip(); // No libibverbs installed: the double's case below covers the refusal.
    }
    if (devices.length > 0) this.skip(); // A machine with an RDMA device starts fine.
    const out = await failedStart(['--replication-transport', 'rdma'], { FAHA_IBVERBS_LIB: '' });
    expect(out).to.match(/exited \(1\) before it was ready/);
    expect(out).to.include('replication-transport is rdma, but RDMA is unavailable here: no RDMA device (libibverbs.so.1 lists none)');
  });

  it('faha-server --replication-transport rdma exits non-zero when the library it is given lists no device', async () => {
    const env = verbsDoubleEnv(doubleEnv.FAHA_IBVERBS_LIB, doubleEnv.FAHA_TEST_VERBS_DIR, 0);
    const out = await failedStart(['--replication-transport', 'rdma'], env);
    expect(out).to.match(/exited \(1\) before it was ready/);
    expect(out).to.include(`RDMA is unavailable here: no RDMA device (${env.FAHA_IBVERBS_LIB} lists none)`);
  });

  it('a backup set to auto, refused by a primary set to tcp, replicates over TCP', async () => {
    const primary = await start(['--replication-transport', 'tcp'], doubleEnv);
    const backup = await start(['--replication-transport', 'auto', '--replicaof', HOST, String(primary.port)], doubleEnv);
    await pollUntil('backup live', 10000, async () => {
      const info = await replicationInfo(backup.port);
      return info.master_link_status === 'up' ? null : `master_link_status ${info.master_link_status}`;
    });
    expect(await command(primary.port, 'SET', 'rdma:auto', 'over-tcp')).to.equal('OK');
    await pollUntil('the key on the backup', 5000, async () => ((await command(backup.port, 'GET', 'rdma:auto')) === 'over-tcp' ? null : 'not yet'));
    expect((await replicationInfo(backup.port)).faha_link_transport).to.equal('tcp');
    expect((await replicationInfo(primary.port)).faha_backup0).to.match(/,transport=tcp$/);
    expect(backup.output()).to.include('The primary refuses RDMA (replication-transport is tcp): batches go over TCP.');
    expect(backup.output()).not.to.include('RDMA link to the primary is up');
  });

  it('a backup set to rdma, refused by a primary set to tcp, fails its link with the reason and never goes live', async () => {
    const primary = await start(['--replication-transport', 'tcp'], doubleEnv);
    const backup = await start(['--replication-transport', 'rdma', '--replicaof', HOST, String(primary.port)], doubleEnv);
    const refused = 'down: RDMA transport: the primary refuses RDMA (replication-transport is tcp) and replication-transport is rdma; retrying.';
    // The backup retries every second: watch three refusals, checking all along that the link never came up.
    const deadline = Date.now() + 8000;
    while (backup.output().split(refused).length - 1 < 3) {
      expect(Date.now(), `three refusals within 8 s; backup printed:\n${backup.output()}`).to.be.below(deadline);
      expect((await replicationInfo(backup.port)).master_link_status).to.equal('down');
      await sleep(20);
    }
    expect(backup.output()).not.to.include('MASTER <-> REPLICA sync: the link is up.');
    expect((await replicationInfo(primary.port)).faha_backups_in_sync).to.equal('0');
  });

  it('a backup and a primary both set to auto with a device connect their queue pairs and carry batches by RDMA', async () => {
    const primary = await start(['--replication-transport', 'auto'], doubleEnv);
    const backup = await start(['--replication-transport', 'auto', '--replicaof', HOST, String(primary.port)], doubleEnv);
    await pollUntil('backup live over RDMA', 10000, async () => {
      const info = await replicationInfo(backup.port);
      return info.master_link_status === 'up' && info.faha_link_transport.startsWith('rdma') ? null : `${info.master_link_status} ${info.faha_link_transport}`;
    });
    // The backup's REGIONs reach the primary just after the link is up: the first writes may still go over TCP.
    let link = '';
    let i = 0;
    await pollUntil('a batch carried by RDMA', 5000, async () => {
      expect(await command(primary.port, 'SET', `rdma:k${i}`, `v${i}`)).to.equal('OK');
      i++;
      link = (await replicationInfo(backup.port)).faha_link_transport;
      return /rdma_batches=[1-9]/.test(link) ? null : link;
    });
    expect(link).to.match(/^rdma,rdma_batches=\d+,tcp_batches=\d+$/);
    const last = i - 1;
    await pollUntil('the last key on the backup', 5000, async () => ((await command(backup.port, 'GET', `rdma:k${last}`)) === `v${last}` ? null : 'not yet'));
    expect((await replicationInfo(primary.port)).faha_backup0).to.match(/,transport=rdma,rdma_batches=\d+,tcp_batches=\d+$/);
    expect(primary.output()).to.match(/RDMA link to the backup at 127\.0\.0\.1 is up \(QP \d+ ↔ \d+\)\./);
    expect(backup.output()).to.match(/RDMA link to the primary is up \(QP \d+ ↔ \d+\)\./);
  });
});
