// Behaviour test of a backup as clients see it: it serves reads of what the primary acknowledged, refuses writes with
// Redis's READONLY error (a transaction with a write is discarded), and INFO replication and ROLE on both nodes
// speak Redis's field names with offsets (LSNs) that agree. Last, REPLICAOF NO ONE turns the backup into a primary.
import { expect } from 'chai';
import { RawClient } from '../testing/raw-client.js';
import { command, HOST, replicationInfo, ReplicationCluster, slaveLines } from '../testing/replication-cluster.js';

const READONLY = "-READONLY You can't write against a read only replica.\r\n";

describe('replication: a backup as clients see it', function () {
  this.timeout(30000);
  let cluster: ReplicationCluster;
  let c: RawClient | null = null;

  before(async function () {
    this.timeout(60000);
    // Only the first primary waits for its backup: the promoted node of the last test has none and must still write.
    cluster = await ReplicationCluster.start({ backups: 1, primaryArgs: ['--sync-backups', '1'] });
  });

  after(async () => {
    await cluster?.stopAll();
  });

  afterEach(() => {
    c?.close();
    c = null;
  });

  const primary = () => cluster.primary.port;
  const backup = () => cluster.backups[0].port;

  it('a backup answers GET with a value the primary has acknowledged, at once', async () => {
    expect(await command(primary(), 'SET', 'ro:k1', 'hello')).to.equal('OK');
    // With sync-backups 1 the reply waited for the backup to persist and apply the batch: no polling needed.
    expect(await command(backup(), 'GET', 'ro:k1')).to.equal('hello');
    expect(await command(primary(), 'HSET', 'ro:h', 'f', 'v')).to.equal(1);
    expect(await command(backup(), 'HGETALL', 'ro:h')).to.deep.equal(['f', 'v']);
  });

  it('a backup refuses SET, DEL, INCR and HSET with READONLY and leaves the key as the primary wrote it', async () => {
    expect(await command(primary(), 'SET', 'ro:k2', 'kept')).to.equal('OK');
    c = await RawClient.connect(backup());
    for (const cmd of [['SET', 'ro:k2', 'x'], ['DEL', 'ro:k2'], ['INCR', 'ro:n'], ['HSET', 'ro:h2', 'f', 'v']]) {
      expect((await c.call(...cmd)).toString('latin1'), cmd.join(' ')).to.equal(READONLY);
    }
    expect(await command(backup(), 'GET', 'ro:k2')).to.equal('kept');
    expect(await command(backup(), 'EXISTS', 'ro:n', 'ro:h2')).to.equal(0);
  });

  it('a write queued in MULTI on a backup is refused with READONLY and EXEC answers EXECABORT', async () => {
    c = await RawClient.connect(backup());
    expect((await c.call('MULTI')).toString()).to.equal('+OK\r\n');
    expect((await c.call('SET', 'ro:tx', '1')).toString('latin1')).to.equal(READONLY);
    expect((await c.call('GET', 'ro:tx')).toString()).to.equal('+QUEUED\r\n');
    expect((await c.call('EXEC')).toString()).to.equal('-EXECABORT Transaction discarded because of previous errors.\r\n');
  });

  it('INFO replication on a backup names its primary, the link up and the same offset as the primary', async () => {
    expect(await command(primary(), 'SET', 'ro:k3', 'x')).to.equal('OK');
    const at = await cluster.waitCaughtUp(10000);
    const info = await replicationInfo(backup());
    expect(info.role).to.equal('slave');
    expect(info.master_host).to.equal(HOST);
    expect(info.master_port).to.equal(String(primary()));
    expect(info.master_link_status).to.equal('up');
    expect(Number(info.slave_repl_offset)).to.equal(at);
    expect(at, 'the offset is the LSN, and writes were made').to.be.greaterThan(0);
    expect(info.slave_priority).to.match(/^\d+$/);
    expect(info.master_replid).to.match(/^[0-9a-f]{40}$/);
  });

  it('INFO replication on the primary lists the backup online at its port with its offset, and the offset grows with writes', async () => {
    const at = await cluster.waitCaughtUp(10000);
    const info = await replicationInfo(primary());
    expect(info.role).to.equal('master');
    expect(info.connected_slaves).to.equal('1');
    const [s0, ...more] = slaveLines(info);
    expect(more).to.deep.equal([]);
    expect(s0).to.include({ ip: HOST, port: String(backup()), state: 'online', offset: String(at) });
    expect(s0.lag).to.match(/^\d+$/);
    expect(Number(info.master_repl_offset)).to.equal(at);
    expect(await command(primary(), 'SET', 'ro:k4', 'y')).to.equal('OK');
    expect(await cluster.primaryOffset()).to.be.greaterThan(at);
  });

  it('ROLE answers master with its backups on the primary and slave with the link state on the backup', async () => {
    const at = await cluster.waitCaughtUp(10000);
    expect(await command(primary(), 'ROLE')).to.deep.equal(['master', at, [[HOST, String(backup()), String(at)]]]);
    expect(await command(backup(), 'ROLE')).to.deep.equal(['slave', HOST, primary(), 'connected', at]);
  });

  it('REPLICAOF NO ONE makes the backup a primary that accepts writes and keeps the data', async () => {
    const node = cluster.backups[0];
    await cluster.promote(node);
    const info = await replicationInfo(node.port);
    expect(info.role).to.equal('master');
    expect(info.connected_slaves).to.equal('0');
    expect(await command(node.port, 'GET', 'ro:k1')).to.equal('hello');
    expect(await command(node.port, 'SET', 'ro:after', 'promoted')).to.equal('OK');
    expect(await command(node.port, 'GET', 'ro:after')).to.equal('promoted');
  });
});
