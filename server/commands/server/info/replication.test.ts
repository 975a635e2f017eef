// Unit tests: INFO replication's fields and order (Redis 7.0's genRedisInfoString) for a primary with backups and
// for a backup while it syncs and once live, from a fake ReplicationView.
import { expect } from 'chai';
import { Config } from '../../../config/config.js';
import { FakeView, backup, link } from '../../replication/fake-view.js';
import { replicationFields } from './replication.js';

const REPLID = 'a'.repeat(40);
const TAIL = ['master_failover_state', 'master_replid', 'master_replid2', 'master_repl_offset', 'second_repl_offset', 'repl_backlog_active',
  'repl_backlog_size', 'repl_backlog_first_byte_offset', 'repl_backlog_histlen', 'faha_epoch', 'faha_sync_backups', 'faha_backups_in_sync'];

describe('INFO replication', () => {
  it('a standalone primary has redis-server 7.0.15 fields in its order, then faha own', () => {
    const f = replicationFields(new FakeView(), new Config(), REPLID);
    expect(f.map(([k]) => k)).to.deep.equal(['role', 'connected_slaves', ...TAIL]);
    expect(Object.fromEntries(f)).to.include({ role: 'master', connected_slaves: 0, master_repl_offset: 0, second_repl_offset: -1, faha_epoch: 1 });
  });

  it('a primary lists each backup as slaveN with its acked offset, lag only while online, and good backups under min-replicas', () => {
    const view = new FakeView();
    view.offset = 300;
    view.backups = [backup('127.0.0.1', 7001, 300, 'online', 2), backup('127.0.0.1', 7002, 10, 'send_bulk', 9)];
    const config = new Config();
    config.setInitial('min-replicas-to-write', ['1']);
    config.setInitial('sync-backups', ['1']);
    const f = replicationFields(view, config, REPLID);
    expect(f.slice(0, 5)).to.deep.equal([
      ['role', 'master'],
      ['connected_slaves', 2],
      ['min_slaves_good_slaves', 1],
      ['slave0', 'ip=127.0.0.1,port=7001,state=online,offset=300,lag=2'],
      ['slave1', 'ip=127.0.0.1,port=7002,state=send_bulk,offset=10,lag=0'],
    ]);
    expect(Object.fromEntries(f)).to.include({
      master_repl_offset: 300,
      repl_backlog_active: 1,
      faha_sync_backups: 1,
      faha_backups_in_sync: 1,
      faha_backup0: 'ip=127.0.0.1,port=7001,transport=tcp',
      faha_backup1: 'ip=127.0.0.1,port=7002,transport=tcp',
    });
  });

  it('a backup syncing shows the master_sync_* fields and the link down time, in Redis order', () => {
    const view = new FakeView();
    view.role = 'backup';
    view.offset = 50;
    view.link = link('10.0.0.1', 6380, { state: 'sync', syncInProgress: true, syncReceived: 25, syncTotal: 100, lastIoSecondsAgo: 0, downSinceSeconds: 3 });
    const f = replicationFields(view, new Config(), REPLID);
    expect(f.map(([k]) => k)).to.deep.equal([
      'role', 'master_host', 'master_port', 'master_link_status', 'master_last_io_seconds_ago', 'master_sync_in_progress', 'slave_read_repl_offset',
      'slave_repl_offset', 'master_sync_total_bytes', 'master_sync_read_bytes', 'master_sync_left_bytes', 'master_sync_perc',
      'master_sync_last_io_seconds_ago', 'master_link_down_since_seconds', 'slave_priority', 'slave_read_only', 'replica_announced',
      'connected_slaves', ...TAIL, 'faha_link_transport',
    ]);
    expect(Object.fromEntries(f)).to.include({ role: 'slave', master_link_status: 'down', master_sync_left_bytes: 75, master_sync_perc: '25.00', slave_repl_offset: 50, faha_link_transport: 'tcp' });
  });

  it('a live backup drops the sync and link-down fields', () => {
    const view = new FakeView();
    view.role = 'backup';
    view.link = link('h', 1, { up: true, state: 'connected', lastIoSecondsAgo: 1 });
    const keys = replicationFields(view, new Config(), REPLID).map(([k]) => k);
    expect(keys).to.not.include('master_link_down_since_seconds');
    expect(keys).to.not.include('master_sync_total_bytes');
    expect(keys).to.include('master_link_status');
  });
});
