// Behaviour test of the replication commands against a real primary and backup on loopback: WAIT and WAITAOF count
// the live backup, REPLICAOF to the same primary changes nothing, CONFIG GET replicaof follows the role, FAILOVER
// checks its target, and WAIT is refused on the backup with Redis's text.
import { expect } from 'chai';
import { command, HOST, ReplicationCluster } from '../../testing/replication-cluster.js';

describe('replication commands on a live primary and backup', function () {
  this.timeout(30000);
  let cluster: ReplicationCluster;

  before(async function () {
    this.timeout(60000);
    cluster = await ReplicationCluster.start({ backups: 1 });
  });
  after(async () => {
    await cluster?.stopAll();
  });

  const primary = () => cluster.primary.port;
  const backup = () => cluster.backups[0].port;

  it('WAIT 1 after a write answers 1 once the backup persisted it, and WAITAOF answers [1, 1]', async () => {
    expect(await command(primary(), 'SET', 'w:k', 'v')).to.equal('OK');
    expect(await command(primary(), 'WAIT', '1', '5000')).to.equal(1);
    expect(await command(primary(), 'WAITAOF', '1', '1', '5000')).to.deep.equal([1, 1]);
    expect(await command(primary(), 'WAIT', '2', '50')).to.equal(1);
  });

  it('ROLE on the primary lists the backup with its port and an offset as strings', async () => {
    const role = (await command(primary(), 'ROLE')) as unknown[];
    expect(role[0]).to.equal('master');
    expect(role[2]).to.deep.equal([[HOST, String(backup()), String(role[1])]]);
  });

  it('the backup answers PING, refuses WAIT with Redis text, and shows its primary in CONFIG GET replicaof', async () => {
    expect(await command(backup(), 'PING')).to.equal('PONG');
    const wait = (await command(backup(), 'WAIT', '0', '0')) as Error;
    expect(wait.message).to.match(/^ERR WAIT cannot be used with replica instances/);
    expect(await command(backup(), 'CONFIG', 'GET', 'replicaof')).to.deep.equal(['replicaof', `${HOST} ${primary()}`]);
    expect(await command(backup(), 'REPLICAOF', HOST, primary())).to.equal('OK Already connected to specified master');
  });

  it('FAILOVER names an unknown target as not a replica, and FORCE without TIMEOUT as Redis does', async () => {
    expect(((await command(primary(), 'FAILOVER', 'TO', HOST, '1')) as Error).message).to.equal('ERR FAILOVER target HOST and PORT is not a replica.');
    expect(((await command(primary(), 'FAILOVER', 'TO', HOST, backup(), 'FORCE')) as Error).message).to.equal(
      'ERR FAILOVER with force option requires both a timeout and target HOST and IP.',
    );
    expect(((await command(primary(), 'FAILOVER', 'ABORT')) as Error).message).to.equal('ERR No failover in progress.');
  });
});
