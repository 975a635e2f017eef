// Unit tests: WAIT and WAITAOF against a fake ReplicationView: argument errors in Redis's order, answering at once,
// in MULTI, on acks, at the timeout, and cleaning up when the client goes.
import { expect } from 'chai';
import { FakeConnection, FakeView, backup } from './fake-view.js';
import { REPLICATION_HANDLERS } from './index.js';

const ON_REPLICA =
  '-ERR WAIT cannot be used with replica instances. Please also note that since Redis 4.0 if a replica is configured to be writable (which is not the default) writes to replicas are just local and are not propagated.\r\n';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

describe('WAIT and WAITAOF', () => {
  let view: FakeView;
  let conn: FakeConnection;
  const run = (...args: string[]) => conn.run(REPLICATION_HANDLERS, ...args);

  beforeEach(() => {
    view = new FakeView();
    conn = new FakeConnection(view);
  });
  afterEach(() => conn.suspended?.());

  it('WAIT reads numreplicas then the timeout, with redis-server 7.0.15 errors', () => {
    expect(run('WAIT', 'a', '0')).to.equal('-ERR value is not an integer or out of range\r\n');
    expect(run('WAIT', '99999999999999999999', '0')).to.equal('-ERR value is not an integer or out of range\r\n');
    expect(run('WAIT', '0', 'a')).to.equal('-ERR timeout is not an integer or out of range\r\n');
    expect(run('WAIT', '0', '1.5')).to.equal('-ERR timeout is not an integer or out of range\r\n');
    expect(run('WAIT', '0', '-1')).to.equal('-ERR timeout is negative\r\n');
  });

  it('WAIT on a backup is refused before its arguments are read', () => {
    view.role = 'backup';
    expect(run('WAIT', '0', '0')).to.equal(ON_REPLICA);
    expect(run('WAIT', 'a', '0')).to.equal(ON_REPLICA);
  });

  it('WAIT answers at once when enough backups persisted the current offset', () => {
    view.offset = 10;
    view.backups = [backup('a', 1, 10), backup('b', 2, 9)];
    expect(run('WAIT', '1', '0')).to.equal(':1\r\n');
    expect(run('WAIT', '0', '0')).to.equal(':1\r\n');
    expect(run('WAIT', '-1', '0')).to.equal(':1\r\n');
    expect(conn.suspended).to.equal(null);
  });

  it('WAIT inside MULTI answers at once with the current count', () => {
    conn.canBlock = false;
    view.offset = 10;
    view.backups = [backup('a', 1, 9)];
    expect(run('WAIT', '1', '0')).to.equal(':0\r\n');
  });

  it('WAIT suspends until acks bring enough backups, then answers their count', () => {
    view.offset = 10;
    view.backups = [backup('a', 1, 5), backup('b', 2, 5)];
    expect(run('WAIT', '2', '0')).to.equal('');
    expect(conn.suspended).to.not.equal(null);
    view.ack(0, 10);
    expect(conn.resumed).to.equal(null);
    // Writes after WAIT began do not move its target.
    view.offset = 20;
    view.ack(1, 12);
    expect(conn.resumed).to.equal(':2\r\n');
    expect(view.listeners.size).to.equal(0);
  });

  it('WAIT answers the count it has when the timeout passes', async () => {
    view.offset = 10;
    view.backups = [backup('a', 1, 10), backup('b', 2, 5)];
    expect(run('WAIT', '2', '30')).to.equal('');
    await sleep(80);
    expect(conn.resumed).to.equal(':1\r\n');
    expect(view.listeners.size).to.equal(0);
  });

  it('a client that goes while WAIT waits leaves no listener or timer behind', async () => {
    view.offset = 10;
    view.backups = [backup('a', 1, 5)];
    run('WAIT', '1', '20');
    conn.suspended!();
    expect(view.listeners.size).to.equal(0);
    await sleep(50);
    expect(conn.resumed).to.equal(null);
  });

  it('WAITAOF checks numlocal 0..1, numreplicas not negative, then the timeout, as Redis 7.2', () => {
    expect(run('WAITAOF', 'x', '0', '0')).to.equal('-ERR value is not an integer or out of range\r\n');
    expect(run('WAITAOF', '2', '0', '0')).to.equal('-ERR value is out of range, value must between 0 and 1\r\n');
    expect(run('WAITAOF', '1', '-1', '0')).to.equal('-ERR value is out of range, must be positive\r\n');
    expect(run('WAITAOF', '1', '0', '-5')).to.equal('-ERR timeout is negative\r\n');
    view.role = 'backup';
    expect(run('WAITAOF', '2', '0', '0')).to.equal('-ERR value is out of range, value must between 0 and 1\r\n');
    expect(run('WAITAOF', '0', '0', '0')).to.equal(
      '-ERR WAITAOF cannot be used with replica instances. Please also note that writes to replicas are just local and are not propagated.\r\n',
    );
  });

  it('WAITAOF counts the local log as persisted under appendfsync always, and the backups as WAIT does', () => {
    view.offset = 10;
    view.backups = [backup('a', 1, 10)];
    expect(run('WAITAOF', '1', '1', '0')).to.equal('*2\r\n:1\r\n:1\r\n');
    conn.canBlock = false;
    expect(run('WAITAOF', '1', '2', '0')).to.equal('*2\r\n:1\r\n:1\r\n');
  });

  it('WAITAOF under appendfsync everysec waits for the persister to reach the offset', async () => {
    conn.config.setInitial('appendfsync', ['everysec']);
    view.offset = 10;
    conn.persistedLSN = 4;
    expect(run('WAITAOF', '0', '0', '0')).to.equal('*2\r\n:0\r\n:0\r\n');
    expect(run('WAITAOF', '1', '0', '0')).to.equal('');
    conn.persistedLSN = 10;
    await sleep(40);
    expect(conn.resumed).to.equal('*2\r\n:1\r\n:0\r\n');
  });
});
