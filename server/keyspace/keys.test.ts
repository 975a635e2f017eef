// Unit tests of whole-key operations over a real store in a temporary directory: statuses, accounting, and
// that what they log rebuilds the same state after a restart.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resetClock, shiftClock, now, lruSeconds } from '../clock.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import {
  RenameStatus, SHARED_REFCOUNT, copyKey, encodingName, expireIfDue, expireKeyAt, isExpired, moveKey, persistKey,
  readKeyNoTouch, refcount, renameKey, typeName,
} from './keys.js';
import { Keyspace } from './keyspace.js';
import { StringEncoding } from './types.js';


function open(dir: string): Keyspace {
  const store = new Store({ dir, databases: 4, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'no' });
  return new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
}

function value(ks: Keyspace, db: number, key: string): string | undefined {
  const e = ks.peek(db, key);
  return e === undefined ? undefined : ks.valueOf(e).toString('latin1');
}

describe('keyspace: key operations', () => {
  let dir: string;
  let ks: Keyspace;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-keys-'));
    ks = open(dir);
  });
  afterEach(() => {
    ks.store.log.close();
    rmSync(dir, { recursive: true, force: true });
    resetClock();
  });

  /** Closes and reopens the store: the state must come back from the log alone. */
  function reopen(): void {
    ks.store.log.close();
    ks = open(dir);
  }

  it('RENAME moves the value, encoding and deadline, and the log replays to the same state', () => {
    const at = now() + 100000;
    ks.setString(0, 'a', Buffer.from('hello'), at, StringEncoding.Raw);
    expect(renameKey(ks, 0, 'a', 'b', false)).to.equal(RenameStatus.Renamed);
    reopen();
    expect(value(ks, 0, 'a')).to.equal(undefined);
    expect(value(ks, 0, 'b')).to.equal('hello');
    const e = ks.peek(0, 'b')!;
    expect(e.expireAt).to.equal(at);
    expect(encodingName(e)).to.equal('raw');
  });

  it('RENAME reports a missing source, the same key, and an existing target under NX', () => {
    ks.setString(0, 'a', Buffer.from('1'), 0);
    ks.setString(0, 'b', Buffer.from('2'), 0);
    expect(renameKey(ks, 0, 'nope', 'b', false)).to.equal(RenameStatus.NoSuchKey);
    expect(renameKey(ks, 0, 'a', 'a', false)).to.equal(RenameStatus.SameKey);
    expect(renameKey(ks, 0, 'a', 'b', true)).to.equal(RenameStatus.TargetExists);
    expect(value(ks, 0, 'b')).to.equal('2');
    expect(renameKey(ks, 0, 'a', 'b', false)).to.equal(RenameStatus.Renamed);
    expect(value(ks, 0, 'b')).to.equal('1');
  });

  it('MOVE puts the key in the other database only when it is free there', () => {
    ks.setString(0, 'k', Buffer.from('v0'), 0);
    ks.setString(1, 'k', Buffer.from('v1'), 0);
    expect(moveKey(ks, 0, 1, 'k')).to.equal(false);
    ks.delete(1, 'k');
    expect(moveKey(ks, 0, 1, 'k')).to.equal(true);
    expect(moveKey(ks, 0, 1, 'missing')).to.equal(false);
    reopen();
    expect(value(ks, 0, 'k')).to.equal(undefined);
    expect(value(ks, 1, 'k')).to.equal('v0');
  });

  it('COPY makes an independent value with the same deadline, and REPLACE overwrites', () => {
    const at = now() + 50000;
    ks.setString(0, 'src', Buffer.from('abc'), at);
    ks.setString(2, 'dst', Buffer.from('old'), 0);
    expect(copyKey(ks, 0, 'src', 2, 'dst', false)).to.equal(false);
    expect(copyKey(ks, 0, 'src', 2, 'dst', true)).to.equal(true);
    ks.setString(0, 'src', Buffer.from('changed'), 0);
    reopen();
    expect(value(ks, 2, 'dst')).to.equal('abc');
    expect(ks.peek(2, 'dst')!.expireAt).to.equal(at);
    expect(value(ks, 0, 'src')).to.equal('changed');
  });

  it('a deadline in the past deletes the key as a deletion, not an expiry', () => {
    ks.setString(0, 'k', Buffer.from('v'), 0);
    expect(expireKeyAt(ks, 0, 'k', ks.peek(0, 'k')!, now() - 1)).to.equal('deleted');
    expect(ks.counters.expiredKeys).to.equal(0);
    reopen();
    expect(ks.db(0).size).to.equal(0);
  });

  it('a future deadline is logged, and PERSIST removes it', () => {
    ks.setString(0, 'k', Buffer.from('v'), 0);
    ks.setString(0, 'p', Buffer.from('v'), 0);
    const at = now() + 10000;
    expect(expireKeyAt(ks, 0, 'k', ks.peek(0, 'k')!, at)).to.equal('set');
    expireKeyAt(ks, 0, 'p', ks.peek(0, 'p')!, at);
    expect(persistKey(ks, 0, 'p', ks.peek(0, 'p')!)).to.equal(true);
    expect(persistKey(ks, 0, 'p', ks.peek(0, 'p')!)).to.equal(false);
    reopen();
    expect(ks.peek(0, 'k')!.expireAt).to.equal(at);
    expect(ks.peek(0, 'p')!.expireAt).to.equal(0);
  });

  it('expireIfDue deletes only an existing key past its deadline, counting it as expired', () => {
    ks.setString(0, 'k', Buffer.from('v'), now() + 1000);
    expect(expireIfDue(ks, 0, 'k')).to.equal(false);
    expect(expireIfDue(ks, 0, 'missing')).to.equal(false);
    shiftClock(2000);
    expect(isExpired(ks.db(0).get('k')!)).to.equal(true);
    expect(expireIfDue(ks, 0, 'k')).to.equal(true);
    expect(ks.counters.expiredKeys).to.equal(1);
    expect(expireIfDue(ks, 0, 'k')).to.equal(false);
  });

  it('a lookup without touching counts hits and misses but keeps the access time', () => {
    const e = ks.setString(0, 'k', Buffer.from('v'), 0);
    e.atime = lruSeconds() - 100;
    expect(readKeyNoTouch(ks, 0, 'k')).to.equal(e);
    expect(readKeyNoTouch(ks, 0, 'x')).to.equal(undefined);
    expect(ks.counters).to.include({ keyspaceHits: 1, keyspaceMisses: 1 });
    expect(e.atime).to.equal(lruSeconds() - 100);
    expect(typeName(e)).to.equal('string');
    expect(typeName(undefined)).to.equal('none');
  });

  it('reports shared small integers as Redis does, except copies and when sharing is off', () => {
    const small = ks.setString(0, 's', Buffer.from('9999'), 0);
    const big = ks.setString(0, 'b', Buffer.from('10000'), 0);
    const neg = ks.setString(0, 'n', Buffer.from('-1'), 0);
    const text = ks.setString(0, 't', Buffer.from('abc'), 0);
    expect(refcount(ks, small, true)).to.equal(SHARED_REFCOUNT);
    expect(refcount(ks, small, false)).to.equal(1);
    expect([big, neg, text].map((e) => refcount(ks, e, true))).to.deep.equal([1, 1, 1]);
    copyKey(ks, 0, 's', 0, 'c', false);
    expect(refcount(ks, ks.peek(0, 'c')!, true)).to.equal(1);
    expect(encodingName(ks.peek(0, 'c')!)).to.equal('int');
    renameKey(ks, 0, 'c', 'd', false);
    expect(refcount(ks, ks.peek(0, 'd')!, true)).to.equal(1);
  });
});
