// Unit tests of expiry on a backup (Keyspace.replica): a key past its deadline reads as absent, but neither lazy
// nor active expiry deletes it or logs anything; the primary's delete does. A write's own lookup still deletes it.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, resetClock, shiftClock } from '../clock.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { ActiveExpire } from './active-expire.js';
import { Keyspace } from './keyspace.js';

describe('keyspace: expiry on a backup', () => {
  let dir: string;
  let ks: Keyspace;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-replica-expiry-'));
    const store = new Store({ dir, databases: 1, segmentSize: 4 << 20, backend: openBackend('libc'), fsync: 'no' });
    ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    ks.setString(0, 'k', Buffer.from('v'), now() + 1000);
    ks.replica = true;
    shiftClock(2000);
  });
  afterEach(() => {
    ks.store.log.close();
    rmSync(dir, { recursive: true, force: true });
    resetClock();
  });

  it('reads an expired key as absent without deleting, counting or logging it', () => {
    const lsn = ks.store.log.nextLSN;
    expect(ks.getString(0, 'k')).to.equal(null);
    expect(ks.readString(0, 'k')).to.equal(null);
    expect(ks.peek(0, 'k')).to.equal(undefined);
    expect(ks.db(0).size).to.equal(1);
    expect(ks.counters.expiredKeys).to.equal(0);
    expect(ks.store.log.nextLSN).to.equal(lsn);
  });

  it('runs no active expiry cycle', () => {
    const lsn = ks.store.log.nextLSN;
    expect(new ActiveExpire(ks).cycle(25)).to.equal(0);
    expect(ks.db(0).size).to.equal(1);
    expect(ks.store.log.nextLSN).to.equal(lsn);
  });

  it('expires as a primary again once the flag is cleared', () => {
    ks.replica = false;
    expect(ks.getString(0, 'k')).to.equal(null);
    expect(ks.db(0).size).to.equal(0);
    expect(ks.counters.expiredKeys).to.equal(1);
  });

  it('a write through a writable backup replaces the expired key as a new one', () => {
    const e = ks.lookupWrite(0, 'k');
    expect(e).to.equal(undefined);
    expect(ks.db(0).size).to.equal(0);
    ks.setString(0, 'k', Buffer.from('w'), 0);
    expect(ks.getString(0, 'k')!.toString()).to.equal('w');
    expect(ks.db(0).size).to.equal(1);
  });
});
