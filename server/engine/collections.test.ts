// Unit tests: collections come back from DELTA and IMAGE records exactly, through their registered codec.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../platform/pmem.js';
import { registerCollectionCodec } from './collections.js';
import { Store } from './store.js';

/** A toy type for the test: an array of strings; a delta appends its payload's bytes, an image is the items joined by ','. */
const TOY = 249;
registerCollectionCodec(TOY, {
  create: () => [] as string[],
  applyDelta: (obj, payload) => (obj as string[]).push(payload.toString('latin1')),
  decodeImage: (payload) => payload.toString('latin1').split(','),
  encodeImage: (obj) => Buffer.from((obj as string[]).join(','), 'latin1'),
});

describe('engine: collection records', () => {
  let dir: string;
  let store: Store;
  const open = () => (store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'always' }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-coll-'));
    open();
  });
  afterEach(() => {
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const reopen = () => {
    store.log.close();
    open();
  };

  it('a collection built by deltas is rebuilt by replaying them', () => {
    const obj = ['a'];
    const e = store.createCollection(1, 'k', TOY, obj);
    store.appendDelta(1, 'k', TOY, Buffer.from('a'), e);
    obj.push('b');
    store.appendDelta(1, 'k', TOY, Buffer.from('b'), e);
    reopen();
    const back = store.dbs[1].get('k')!;
    expect(back.type).to.equal(TOY);
    expect(back.obj).to.deep.equal(['a', 'b']);
    expect(store.dbs[0].get('k')).to.equal(undefined);
  });

  it('an image replaces what the key held, keeps its expiry, and later deltas apply on top', () => {
    store.putBytes(0, 'k', Buffer.from('str'), 0, 0);
    const e = store.putCollection(0, 'k', TOY, ['x', 'y'], Buffer.from('x,y'), 4102444800000);
    store.appendDelta(0, 'k', TOY, Buffer.from('z'), e);
    reopen();
    const back = store.dbs[0].get('k')!;
    expect([back.type, back.expireAt, back.obj]).to.deep.equal([TOY, 4102444800000, ['x', 'y', 'z']]);
  });

  it('a delete between deltas starts the collection afresh', () => {
    let e = store.createCollection(0, 'k', TOY, []);
    store.appendDelta(0, 'k', TOY, Buffer.from('old'), e);
    store.delete(0, 'k');
    e = store.createCollection(0, 'k', TOY, []);
    store.appendDelta(0, 'k', TOY, Buffer.from('new'), e);
    reopen();
    expect(store.dbs[0].get('k')!.obj).to.deep.equal(['new']);
  });

  it('a delta for a key that holds a string is reported as corruption', () => {
    const e = store.createCollection(0, 'k', TOY, []);
    store.putBytes(0, 'k', Buffer.from('s'), 0, 0);
    store.appendDelta(0, 'k', TOY, Buffer.from('x'), e);
    store.log.close();
    expect(open).to.throw(/a delta of type 249 for a key of type 0/);
    // afterEach closes a store: give it a fresh one (and this test's directory goes now).
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'faha-coll-'));
    open();
  });
});
