// Unit tests: FAILOVER's grammar and refusals in Redis 7.0's order, and what it asks of the ReplicationView.
import { expect } from 'chai';
import { FakeConnection, FakeView, backup } from './fake-view.js';
import { REPLICATION_HANDLERS } from './index.js';

const SYNTAX = '-ERR syntax error\r\n';
const NOT_INTEGER = '-ERR value is not an integer or out of range\r\n';

describe('FAILOVER', () => {
  let view: FakeView;
  let conn: FakeConnection;
  const run = (...args: string[]) => conn.run(REPLICATION_HANDLERS, ...args);

  beforeEach(() => {
    view = new FakeView();
    conn = new FakeConnection(view);
  });

  it('parses as redis-server 7.0.15 does: each option once, ABORT alone, TIMEOUT positive, TO with two words', () => {
    expect(run('FAILOVER', 'foo')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'to', 'a')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'to', 'a', 'b')).to.equal(NOT_INTEGER);
    expect(run('FAILOVER', 'timeout', 'abc')).to.equal(NOT_INTEGER);
    expect(run('FAILOVER', 'timeout', '0')).to.equal('-ERR FAILOVER timeout must be greater than 0\r\n');
    expect(run('FAILOVER', 'timeout', '-1')).to.equal('-ERR FAILOVER timeout must be greater than 0\r\n');
    expect(run('FAILOVER', 'timeout', '10', 'timeout', '10')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'to', 'x', '1', 'to', 'y', '2')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'abort', 'timeout', '10')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'abort', 'abort')).to.equal(SYNTAX);
    expect(run('FAILOVER', 'force', 'force')).to.equal(SYNTAX);
    expect(view.calls).to.deep.equal([]);
  });

  it('without backups it answers "FAILOVER requires connected replicas." before checking FORCE', () => {
    expect(run('FAILOVER')).to.equal('-ERR FAILOVER requires connected replicas.\r\n');
    expect(run('FAILOVER', 'force')).to.equal('-ERR FAILOVER requires connected replicas.\r\n');
    expect(run('FAILOVER', 'to', '127.0.0.1', '1')).to.equal('-ERR FAILOVER requires connected replicas.\r\n');
  });

  it('is refused on a backup, and while another failover runs', () => {
    view.role = 'backup';
    expect(run('FAILOVER')).to.equal('-ERR FAILOVER is not valid when server is a replica.\r\n');
    view.role = 'primary';
    view.failoverState = 'waiting-for-sync';
    expect(run('FAILOVER')).to.equal('-ERR FAILOVER already in progress.\r\n');
  });

  it('FORCE needs both TO and TIMEOUT; TO must name a connected, online backup', () => {
    view.backups = [backup('127.0.0.1', 7001, 0), backup('127.0.0.1', 7002, 0, 'send_bulk')];
    expect(run('FAILOVER', 'force', 'timeout', '10')).to.equal('-ERR FAILOVER with force option requires both a timeout and target HOST and IP.\r\n');
    expect(run('FAILOVER', 'to', '127.0.0.1', '7001', 'force')).to.equal('-ERR FAILOVER with force option requires both a timeout and target HOST and IP.\r\n');
    expect(run('FAILOVER', 'to', '127.0.0.1', '7009')).to.equal('-ERR FAILOVER target HOST and PORT is not a replica.\r\n');
    expect(run('FAILOVER', 'to', '127.0.0.1', '7002')).to.equal('-ERR FAILOVER target replica is not online.\r\n');
    expect(view.calls).to.deep.equal([]);
  });

  it('hands the parsed request to the view and answers OK, or the error the view gives', () => {
    view.backups = [backup('127.0.0.1', 7001, 0)];
    expect(run('FAILOVER', 'TO', '127.0.0.1', '7001', 'TIMEOUT', '500', 'FORCE')).to.equal('+OK\r\n');
    expect(run('FAILOVER')).to.equal('+OK\r\n');
    view.failoverAnswer = 'ERR something went wrong';
    expect(run('FAILOVER', 'timeout', '5')).to.equal('-ERR something went wrong\r\n');
    expect(view.calls).to.deep.equal(['failover 127.0.0.1 7001 500 true', 'failover null 0 0 false', 'failover null 0 5 false']);
  });

  it('FAILOVER ABORT answers "No failover in progress." or aborts the running one', () => {
    expect(run('FAILOVER', 'ABORT')).to.equal('-ERR No failover in progress.\r\n');
    view.failoverState = 'failover-in-progress';
    expect(run('FAILOVER', 'abort')).to.equal('+OK\r\n');
    expect(view.calls).to.deep.equal(['abortFailover']);
  });
});
