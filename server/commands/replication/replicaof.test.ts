// Unit tests: REPLICAOF/SLAVEOF and ROLE against a fake ReplicationView, with Redis 7.0.15's replies.
import { expect } from 'chai';
import { FakeConnection, FakeView, backup, link } from './fake-view.js';
import { REPLICATION_HANDLERS } from './index.js';

describe('REPLICAOF and ROLE', () => {
  let view: FakeView;
  let conn: FakeConnection;
  const run = (...args: string[]) => conn.run(REPLICATION_HANDLERS, ...args);

  beforeEach(() => {
    view = new FakeView();
    conn = new FakeConnection(view);
  });

  it('REPLICAOF host port makes the node a backup, answers OK and shows in CONFIG GET replicaof', () => {
    expect(run('REPLICAOF', '127.0.0.1', '7001')).to.equal('+OK\r\n');
    expect(view.calls).to.deep.equal(['replicaOf 127.0.0.1 7001']);
    expect(conn.config.str('replicaof')).to.equal('127.0.0.1 7001');
  });

  it('REPLICAOF to the primary it already follows changes nothing and says so', () => {
    view.role = 'backup';
    view.link = link('LocalHost', 7001);
    expect(run('SLAVEOF', 'localhost', '7001')).to.equal('+OK Already connected to specified master\r\n');
    expect(view.calls).to.deep.equal([]);
  });

  it('REPLICAOF NO ONE promotes a backup, and on a primary answers OK doing nothing', () => {
    expect(run('REPLICAOF', 'no', 'one')).to.equal('+OK\r\n');
    expect(view.calls).to.deep.equal([]);
    run('REPLICAOF', 'h', '1');
    expect(run('slaveof', 'NO', 'ONE')).to.equal('+OK\r\n');
    expect(view.calls).to.deep.equal(['replicaOf h 1', 'promote']);
    expect(conn.config.str('replicaof')).to.equal('');
  });

  it('REPLICAOF refuses a port that is not an integer in 0..65535 with "Invalid master port"', () => {
    for (const p of ['abc', '70000', '-1', '00001', '1.5', '']) {
      expect(run('REPLICAOF', 'h', p), p).to.equal('-ERR Invalid master port\r\n');
    }
    expect(view.calls).to.deep.equal([]);
  });

  it('REPLICAOF is refused while a failover runs', () => {
    view.failoverState = 'waiting-for-sync';
    expect(run('REPLICAOF', 'no', 'one')).to.equal('-ERR REPLICAOF not allowed while failing over.\r\n');
  });

  it('ROLE on a primary lists its online backups with port and offset as bulk strings', () => {
    view.offset = 120;
    view.backups = [backup('127.0.0.1', 7001, 100), backup('127.0.0.1', 7002, 5, 'send_bulk')];
    expect(run('ROLE')).to.equal('*3\r\n$6\r\nmaster\r\n:120\r\n*1\r\n*3\r\n$9\r\n127.0.0.1\r\n$4\r\n7001\r\n$3\r\n100\r\n');
  });

  it('ROLE on a standalone primary matches redis-server: master, 0, empty list', () => {
    expect(run('ROLE')).to.equal('*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n');
  });

  it('ROLE on a backup gives host, integer port, link state, and -1 as offset until the link is live', () => {
    view.role = 'backup';
    view.offset = 42;
    view.link = link('127.0.0.1', 1);
    expect(run('ROLE')).to.equal('*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:1\r\n$7\r\nconnect\r\n:-1\r\n');
    view.link = link('127.0.0.1', 1, { up: true, state: 'connected' });
    expect(run('ROLE')).to.equal('*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:1\r\n$9\r\nconnected\r\n:42\r\n');
  });
});
