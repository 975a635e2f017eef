// Unit tests of the list type: the deque against a plain array model, the keyspace operations' results, and
// that every delta op code (and the image) rebuilds the same list through a real Store reopen.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecOf } from '../engine/collections.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { copyKey, encodingName } from './keys.js';
import { Keyspace } from './keyspace.js';
import { listFromItems, listItems } from './list.js';
import { ListOp } from './list/codec.js';
import { ListObject } from './list/deque.js';
import {
  clampRange, insertAtPivot, lookupList, moveOne, popItems, pushItems, removeMatching, setAt, trimCounts, trimTo,
} from './list/ops.js';
import { NotifyClass } from './notify.js';
import { ValueType } from './types.js';

const B = (s: string) => Buffer.from(s, 'latin1');
const strs = (o: unknown) => listItems(o).map((b) => b.toString('latin1'));

function open(dir: string): Keyspace {
  const store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'no' });
  return new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
}

describe('keyspace: lists', () => {
  describe('the deque', () => {
    it('behaves like an array under random pushes, pops, inserts, removals and trims', () => {
      let seed = 7;
      const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
      const list = new ListObject();
      const model: string[] = [];
      for (let step = 0; step < 5000; step++) {
        const v = String(step);
        switch (rnd(7)) {
          case 0: list.pushHead(B(v)); model.unshift(v); break;
          case 1: list.pushTail(B(v)); model.push(v); break;
          case 2: expect(list.popHead()?.toString()).to.equal(model.shift()); break;
          case 3: expect(list.popTail()?.toString()).to.equal(model.pop()); break;
          case 4: { const i = rnd(model.length + 1); list.insert(i, B(v)); model.splice(i, 0, v); break; }
          case 5: {
            const idx = [...new Set([rnd(model.length + 1), rnd(model.length + 1)])].filter((i) => i < model.length).sort((a, b) => a - b);
            list.removeIndexes(idx);
            for (const i of [...idx].reverse()) model.splice(i, 1);
            break;
          }
          default: if (rnd(20) === 0) { list.trim(1, 1); model.splice(0, 1); model.splice(-1, 1); }
        }
        expect(list.length).to.equal(model.length);
      }
      expect(strs(list)).to.deep.equal(model);
    });

    it('clampRange and trimCounts follow LRANGE and LTRIM index rules', () => {
      expect(clampRange(5, 0, -1)).to.deep.equal({ start: 0, end: 4 });
      expect(clampRange(5, -100, 100)).to.deep.equal({ start: 0, end: 4 });
      expect(clampRange(5, 3, 1)).to.equal(null);
      expect(clampRange(5, 5, 9)).to.equal(null);
      expect(trimCounts(6, 1, -2)).to.deep.equal({ left: 1, right: 1 });
      expect(trimCounts(6, 4, 2)).to.deep.equal({ left: 6, right: 0 });
    });
  });

  describe('operations and the log', () => {
    let dir: string;
    let ks: Keyspace;
    const events: string[] = [];
    const ready: string[] = [];
    const wire = () => {
      // Only the list's own events and 'del' (the keyspace raises 'new' itself on creation).
      ks.onNotify = (cls, event, _db, key) => {
        if (cls === NotifyClass.Generic || cls === NotifyClass.List) events.push(`${cls === NotifyClass.Generic ? 'g' : 'l'}:${event}:${key}`);
      };
      ks.onKeyReady = (_db, key) => ready.push(key);
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'faha-list-'));
      ks = open(dir);
      wire();
      events.length = 0;
      ready.length = 0;
    });
    afterEach(() => {
      ks.store.log.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const reopen = () => {
      ks.store.log.close();
      ks = open(dir);
      wire();
    };
    const entry = (key: string, db = 0) => {
      const e = lookupList(ks, db, key, true);
      if (e === undefined || typeof e === 'symbol') throw new Error(`${key} is not a list`);
      return e;
    };
    const items = (key: string, db = 0) => strs(entry(key, db).obj);

    it('every delta op code rebuilds the same list after a reopen', () => {
      const used = new Set<number>();
      const spy = ks.store.appendDelta.bind(ks.store);
      ks.store.appendDelta = (db, key, type, payload, e) => {
        used.add(payload[0]);
        spy(db, key, type, payload, e);
      };
      pushItems(ks, 1, 'k', undefined, [B('a'), B('b'), B('c')], false);
      pushItems(ks, 1, 'k', entry('k', 1), [B('x'), B('y')], true);
      popItems(ks, 1, 'k', entry('k', 1), true, 1);
      popItems(ks, 1, 'k', entry('k', 1), false, 1);
      setAt(ks, 1, 'k', entry('k', 1), -1, B('B'));
      insertAtPivot(ks, 1, 'k', entry('k', 1), B('a'), B('i'), true);
      pushItems(ks, 1, 'k', entry('k', 1), [B('a'), B('q'), B('a')], false);
      removeMatching(ks, 1, 'k', entry('k', 1), B('a'), -2);
      trimTo(ks, 1, 'k', entry('k', 1), 1, -1);
      const before = items('k', 1);
      expect([...used].sort()).to.deep.equal([ListOp.PushHead, ListOp.PushTail, ListOp.PopHead, ListOp.PopTail, ListOp.Set, ListOp.Insert, ListOp.Remove, ListOp.Trim]);
      reopen();
      expect(items('k', 1)).to.deep.equal(before);
      expect(before).to.deep.equal(['a', 'i', 'B', 'q']);
    });

    it('an image (COPY) and the deltas after it rebuild the list, and the copy shares nothing', () => {
      pushItems(ks, 0, 'src', undefined, [B('1'), B('2')], false);
      copyKey(ks, 0, 'src', 0, 'dst', false);
      pushItems(ks, 0, 'dst', entry('dst'), [B('3')], false);
      expect(items('src')).to.deep.equal(['1', '2']);
      expect(encodingName(entry('dst'))).to.equal('quicklist');
      reopen();
      expect(items('dst')).to.deep.equal(['1', '2', '3']);
      expect(items('src')).to.deep.equal(['1', '2']);
      expect(ready).to.include('dst');
    });

    it('emptying a list deletes the key, logs the delete and raises the events in Redis order', () => {
      pushItems(ks, 0, 'k', undefined, [B('a'), B('b')], false);
      expect(popItems(ks, 0, 'k', entry('k'), false, 5).map(String)).to.deep.equal(['b', 'a']);
      expect(lookupList(ks, 0, 'k', true)).to.equal(undefined);
      expect(events).to.deep.equal(['l:rpush:k', 'l:rpop:k', 'g:del:k']);
      expect(ready).to.deep.equal(['k']);
      reopen();
      expect(ks.peek(0, 'k')).to.equal(undefined);
    });

    it('a move within one single-element list keeps the key, and a move to a new key creates it', () => {
      pushItems(ks, 0, 'k', undefined, [B('a')], false);
      const e = entry('k');
      expect(moveOne(ks, 0, 'k', e, 'k', e, true, false).toString()).to.equal('a');
      moveOne(ks, 0, 'k', e, 'n', undefined, true, true);
      expect(events).to.deep.equal(['l:rpush:k', 'l:rpush:k', 'l:lpop:k', 'l:lpush:n', 'l:lpop:k', 'g:del:k']);
      reopen();
      expect(ks.peek(0, 'k')).to.equal(undefined);
      expect(items('n')).to.deep.equal(['a']);
    });

    it('listFromItems copies its input and the codec round-trips an image', () => {
      const src = [B('x'), B('')];
      const obj = listFromItems(src);
      src[0][0] = 0x41;
      expect(strs(obj)).to.deep.equal(['x', '']);
      const codec = codecOf(ValueType.List)!;
      expect(strs(codec.decodeImage(codec.encodeImage(obj)))).to.deep.equal(['x', '']);
    });
  });
});
