// Differential tests of the replication commands on a standalone node (no backups): REPLICAOF/SLAVEOF, WAIT and
// FAILOVER argument errors and answers, ROLE's shape, INFO replication's field names, CONFIG GET/SET of the
// replication directives, WAIT inside MULTI. Offsets differ by design (faha's is its log's LSN), so ROLE and INFO
// are compared with offsets and ids masked. WAITAOF (Redis 7.2) is a known difference.
import { expect } from 'chai';
import { decodeReply, type Decoded } from '../server/testing/resp-frame.js';
import { infoFields } from '../server/testing/info-fields.js';
import { differential, type Pair } from './harness.js';

const REPLICA_DIRECTIVES = [
  'replicaof', 'slaveof', 'masterauth', 'masteruser', 'replica-read-only', 'slave-read-only', 'replica-priority', 'slave-priority',
  'min-replicas-to-write', 'min-slaves-to-write', 'min-replicas-max-lag', 'min-slaves-max-lag', 'repl-timeout',
  'repl-ping-replica-period', 'repl-ping-slave-period', 'replica-announce-ip', 'slave-announce-ip', 'replica-announce-port',
  'slave-announce-port', 'replica-announced',
];

/** A decoded reply with every integer replaced by 0: shapes and strings compared, offsets not. */
function masked(v: Decoded): unknown {
  if (Array.isArray(v)) return v.map(masked);
  if (typeof v === 'number' || typeof v === 'bigint') return 0;
  if (Buffer.isBuffer(v)) return v.toString('latin1');
  return v;
}

describe('compat: replication commands on a standalone node', function () {
  this.timeout(20000);
  const d = differential();

  it('REPLICAOF and SLAVEOF refuse bad ports and arities exactly as Redis', async () => {
    for (const port of ['abc', '70000', '-1', '00001', '']) await d.pair.cmd('REPLICAOF', '127.0.0.1', port);
    await d.pair.cmd('SLAVEOF', '127.0.0.1', 'x');
    await d.pair.cmd('REPLICAOF', 'a');
    await d.pair.cmd('SLAVEOF', 'a', 'b', 'c');
  });

  it('REPLICAOF NO ONE on a primary answers OK, in any case', async () => {
    await d.pair.cmd('REPLICAOF', 'NO', 'ONE');
    await d.pair.cmd('SLAVEOF', 'no', 'one');
  });

  it('ROLE of a primary without backups has Redis shape: bulk "master", an integer offset, an empty list', async () => {
    const [r, f] = await d.pair.both('ROLE');
    expect(masked(decodeReply(f).value)).to.deep.equal(masked(decodeReply(r).value));
    expect(f.toString('latin1')).to.match(/^\*3\r\n\$6\r\nmaster\r\n:\d+\r\n\*0\r\n$/);
  });

  it('INFO replication has Redis field names in Redis order, faha fields after them', async () => {
    const [r, f] = await d.pair.both('INFO', 'replication');
    const fahaKeys = Object.keys(infoFields(f));
    const own = fahaKeys.filter((k) => k.startsWith('faha_'));
    expect(own).to.deep.equal(['faha_epoch', 'faha_sync_backups', 'faha_backups_in_sync']);
    expect(fahaKeys.slice(0, fahaKeys.length - own.length)).to.deep.equal(Object.keys(infoFields(r)));
    const fields = infoFields(f);
    expect([fields.role, fields.connected_slaves, fields.master_failover_state]).to.deep.equal(['master', '0', 'no-failover']);
  });

  it('WAIT reads its arguments as Redis and answers 0 at once or after its timeout without backups', async () => {
    await d.pair.cmd('WAIT', 'a', '0');
    await d.pair.cmd('WAIT', '0', 'a');
    await d.pair.cmd('WAIT', '0', '1.5');
    await d.pair.cmd('WAIT', '0', '-1');
    await d.pair.cmd('WAIT', '99999999999999999999', '0');
    await d.pair.cmd('WAIT', '0', '0');
    await d.pair.cmd('WAIT', '-1', '0');
    await d.pair.cmd('WAIT', '1', '20');
    await d.pair.cmd('WAIT', '1');
  });

  it('WAIT inside MULTI answers at once within EXEC', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('WAIT', '1', '0');
    await d.pair.cmd('EXEC');
  });

  it('FAILOVER parses and refuses as Redis when there are no replicas', async () => {
    const cases = [
      [], ['ABORT'], ['TO', '127.0.0.1', '1'], ['TIMEOUT', '0'], ['TIMEOUT', '-1'], ['TIMEOUT', 'abc'], ['FORCE'], ['TO', 'a'],
      ['TO', 'a', 'b'], ['TO', '127.0.0.1', '1', 'FORCE'], ['TIMEOUT', '10', 'FORCE'], ['foo'], ['ABORT', 'TIMEOUT', '10'],
      ['TO', 'x', '1', 'ABORT'], ['TIMEOUT', '10', 'TIMEOUT', '10'], ['TO', 'x', '1', 'TO', 'y', '2'], ['ABORT', 'ABORT'],
    ];
    for (const c of cases) await d.pair.cmd('FAILOVER', ...c);
  });

  it('CONFIG GET shows the replication directives and their slave aliases as Redis does', async () => {
    for (const name of REPLICA_DIRECTIVES) await d.pair.cmd('CONFIG', 'GET', name);
  });

  it('CONFIG SET refuses replicaof as immutable and checks the replica directives ranges', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'replicaof', '127.0.0.1 1');
    await d.pair.cmd('CONFIG', 'SET', 'slaveof', 'no one');
    await d.pair.cmd('CONFIG', 'SET', 'repl-timeout', '0');
    await d.pair.cmd('CONFIG', 'SET', 'replica-announce-port', '-1');
    await d.pair.cmd('CONFIG', 'SET', 'min-replicas-max-lag', '-1');
    await d.pair.cmd('CONFIG', 'SET', 'replica-announced', 'maybe');
    await d.pair.cmd('CONFIG', 'SET', 'masterauth', 'secret');
    await d.pair.cmd('CONFIG', 'GET', 'masterauth');
    await d.pair.cmd('CONFIG', 'SET', 'masterauth', '');
    await d.pair.cmd('CONFIG', 'SET', 'slave-priority', '7');
    await d.pair.cmd('CONFIG', 'GET', 'replica-priority');
    await d.pair.cmd('CONFIG', 'SET', 'replica-priority', '100');
  });

  /**
   * faha recomputes NOREPLICAS on its replication timer, Redis at CONFIG SET: waits (bounded) until a probe write on
   * `pair`'s faha connection is refused (or accepted) before comparing.
   */
  async function untilFaha(pair: Pair, refusing: boolean): Promise<void> {
    for (let i = 0; i < 60; i++) {
      pair.faha.send('SET', 'probe', '1');
      if ((await pair.faha.readRaw()).toString().startsWith('-NOREPLICAS') === refusing) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`faha did not ${refusing ? 'start' : 'stop'} refusing writes within 3 s`);
  }

  it('min-replicas-to-write without backups refuses writes with NOREPLICAS, also in MULTI and at EXEC', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'min-replicas-to-write', '1');
    await untilFaha(d.pair, true);
    try {
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('INCR', 'n');
      await d.pair.cmd('MULTI');
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('EXEC');
      await d.pair.cmd('MULTI');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('EXEC');
      // A transaction queued before the refusal began is discarded at EXEC.
      const other = await d.newPair();
      await other.cmd('CONFIG', 'SET', 'min-replicas-to-write', '0');
      await untilFaha(other, false);
      await d.pair.cmd('MULTI');
      await d.pair.cmd('SET', 'k', 'v');
      await other.cmd('CONFIG', 'SET', 'min-replicas-to-write', '1');
      await untilFaha(other, true);
      await d.pair.cmd('EXEC');
    } finally {
      const fresh = await d.newPair();
      await fresh.cmd('CONFIG', 'SET', 'min-replicas-to-write', '0');
      await untilFaha(fresh, false);
    }
    await d.pair.cmd('SET', 'k', 'v');
  });

  it('PSYNC, SYNC and REPLCONF, the replication stream commands, refuse wrong arities and options as Redis', async () => {
    await d.pair.cmd('PSYNC', '?');
    await d.pair.cmd('SYNC', 'x');
    await d.pair.cmd('REPLCONF', 'listening-port');
  });

  it('WAITAOF (Redis 7.2) is served by faha: numlocal counts its log, numreplicas its backups', async () => {
    const [r, f] = await d.pair.cmdKnown('waitaof', 'WAITAOF', '1', '0', '0');
    expect(r.toString()).to.match(/^-ERR unknown command 'WAITAOF'/);
    expect(f.toString()).to.equal('*2\r\n:1\r\n:0\r\n');
    const [, bad] = await d.pair.cmdKnown('waitaof', 'WAITAOF', '2', '0', '0');
    expect(bad.toString()).to.equal('-ERR value is out of range, value must between 0 and 1\r\n');
  });
});
