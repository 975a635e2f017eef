// Unit tests of active expiry over a real store: keys past their deadline vanish without being looked up, the
// deletes are in the log, and one cycle keeps to its time budget.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, resetClock, shiftClock } from '../clock.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { ActiveExpire } from './active-expire.js';
import { Keyspace } from './keyspace.js';

function open(dir: string): Keyspace {
  const store = new Store({ dir, databases: 4, segmentSize: 4 << 20, backend: openBackend('libc'), fsync: 'no' });
  return new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
}

describe('keyspace: active expiry', () => {
  let dir: string;
  let ks: Keyspace;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-active-expire-'));
    ks = open(dir);
  });
  afterEach(() => {
    ks.store.log.close();
    rmSync(dir, { recursive: true, force: true });
    resetClock();
  });

  it('deletes expired keys in every database without any lookup, and logs the deletes', () => {
    const v = Buffer.from('v');
    for (let i = 0; i < 100; i++) ks.setString(i % 3, `gone${i}`, v, now() + 1000);
    ks.setString(0, 'later', v, now() + 60000);
    ks.setString(1, 'forever', v, 0);
    shiftClock(2000);
    const ae = new ActiveExpire(ks);
    let expired = 0;
    for (let i = 0; i < 10 && expired < 100; i++) expired += ae.cycle(25);
    expect(expired).to.equal(100);
    expect(ks.counters.expiredKeys).to.equal(100);
    expect([ks.db(0).size, ks.db(1).size, ks.db(2).size]).to.deep.equal([1, 1, 0]);
    ks.store.log.close();
    ks = open(dir);
    // Recovery applies records only (no expiry logic): deleted keys are absent because the deletes were logged.
    expect([ks.db(0).size, ks.db(1).size, ks.db(2).size]).to.deep.equal([1, 1, 0]);
  });

  it('leaves keys whose deadline has not come', () => {
    for (let i = 0; i < 50; i++) ks.setString(0, `k${i}`, Buffer.from('v'), now() + 60000);
    expect(new ActiveExpire(ks).cycle(25)).to.equal(0);
    expect(ks.db(0).size).to.equal(50);
  });

  it('stops when its time budget is spent and resumes on the next cycle', () => {
    const v = Buffer.from('v');
    for (let i = 0; i < 60000; i++) ks.setString(0, `k${i}`, v, now() + 1000);
    shiftClock(2000);
    const ae = new ActiveExpire(ks);
    const t0 = performance.now();
    const first = ae.cycle(2);
    const took = performance.now() - t0;
    expect(first).to.be.above(0);
    expect(first).to.be.below(60000);
    expect(took).to.be.below(30);
    expect(ae.timeCapReached).to.equal(1);
    let total = first;
    for (let i = 0; i < 1000 && total < 60000; i++) total += ae.cycle(5);
    expect(total).to.equal(60000);
    expect(ks.db(0).size).to.equal(0);
  });
});
