// Unit tests: collections come back from DELTA and IMAGE records exactly, through their registered codec.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../platform/pmem.js';
import { registerCollectionCodec } from './collections.js';
import type { Entry } from './entry.js';
import { REC_HEADER_SIZE } from './format.js';
import { Store } from './store.js';

/** A toy type for the test: an array of strings; a delta appends its payload's bytes, an image is the items joined by ','. */
const TOY = 249;
registerCollectionCodec(TOY, {
  create: () => [] as string[],
  applyDelta: (obj, payload) => (obj as string[]).push(payload.toString('latin1')),
  decodeImage: (payload) => payload.toString('latin1').split(','),
  encodeImage: (obj) => Buffer.from((obj as string[]).join(','), 'latin1'),
});

/**
 * A toy type whose op 1 concatenates: payload = op, u32 n, n × (u32 length, bytes); applying pushes each item.
 * Op 2 has the same shape, is not declared concatenable and changes nothing.
 * `applied` counts payloads applied, so a test can tell one record from several.
 */
const CAT = 245;
let applied = 0;
registerCollectionCodec(CAT, {
  create: () => [] as string[],
  applyDelta: (obj, payload) => {
    applied++;
    if (payload[0] !== 1) return;
    let at = 5;
    for (let n = payload.readUInt32LE(1); n > 0; n--) {
      const len = payload.readUInt32LE(at);
      (obj as string[]).push(payload.toString('latin1', at + 4, at + 4 + len));
      at += 4 + len;
    }
  },
  decodeImage: (payload) => payload.toString('latin1').split(','),
  encodeImage: (obj) => Buffer.from((obj as string[]).join(','), 'latin1'),
  concatenable: { 1: 1 },
});

function catPayload(op: number, ...items: string[]): Buffer {
  const b = Buffer.alloc(5 + items.reduce((n, it) => n + 4 + it.length, 0));
  b[0] = op;
  b.writeUInt32LE(items.length, 1);
  let at = 5;
  for (const it of items) {
    b.writeUInt32LE(it.length, at);
    b.write(it, at + 4, 'latin1');
    at += 4 + it.length;
  }
  return b;
}

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

  describe('deltas that concatenate', () => {
    const add = (db: number, key: string, e: Entry, op: number, ...items: string[]) => {
      (e.obj as string[]).push(...(op === 1 ? items : []));
      store.appendDelta(db, key, CAT, catPayload(op, ...items), e);
    };
    beforeEach(() => {
      applied = 0;
    });

    it("a key's deltas in one batch become one record, rebuilt with every item in order and its bytes counted once", () => {
      const e = store.createCollection(0, 'q', CAT, []);
      add(0, 'q', e, 1, 'a');
      add(0, 'q', e, 1, 'bb', 'c');
      add(0, 'q', e, 1, 'd');
      // One header and key, then op and count once, then the four items.
      const record = REC_HEADER_SIZE + 1 + 5 + (4 + 1) + (4 + 2) + (4 + 1) + (4 + 1);
      expect(e.bytes).to.equal(record);
      expect(store.liveBytes).to.equal(record);
      reopen();
      expect(store.dbs[0].get('q')!.obj).to.deep.equal(['a', 'bb', 'c', 'd']);
      expect(applied).to.equal(1);
    });

    it('another record in between, another op, a sealed batch or a new key starts a new record', () => {
      const e = store.createCollection(0, 'q', CAT, []);
      add(0, 'q', e, 1, 'a');
      // A new collection's entry points at the log's last record, which is q's: its first delta must not join it.
      const f = store.createCollection(0, 'r', CAT, []);
      add(0, 'r', f, 1, 'r1');
      add(0, 'q', e, 1, 'b');
      add(0, 'q', e, 2, 'x');
      add(0, 'q', e, 1, 'c');
      store.log.flush();
      add(0, 'q', e, 1, 'd');
      const g = store.createCollection(1, 'q', CAT, []);
      add(1, 'q', g, 1, 'other db');
      reopen();
      expect(store.dbs[0].get('q')!.obj).to.deep.equal(['a', 'b', 'c', 'd']);
      expect(store.dbs[0].get('r')!.obj).to.deep.equal(['r1']);
      expect(store.dbs[1].get('q')!.obj).to.deep.equal(['other db']);
      expect(applied).to.equal(7);
    });

    it('a type that does not declare an op concatenable gets a record per delta', () => {
      const e = store.createCollection(0, 'k', TOY, []);
      store.appendDelta(0, 'k', TOY, Buffer.from('a'), e);
      store.appendDelta(0, 'k', TOY, Buffer.from('b'), e);
      reopen();
      expect(store.dbs[0].get('k')!.obj).to.deep.equal(['a', 'b']);
    });
  });
});
