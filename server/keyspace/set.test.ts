// Unit tests of the set type: intset rules, encodings, SSCAN slots, algebra encodings, and recovery of every
// delta op and image through a real Store reopen.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { ENCODING_LIMITS } from './encoding-limits.js';
import { copyKey, encodingName } from './keys.js';
import { Keyspace } from './keyspace.js';
import { addMembers, difference, moveMember, popMany, popOne, removeMembers, setFromMembers, setMembers, SetValue, storeResult, union } from './set.js';
import { compareIntMembers, isIntMember } from './set/integers.js';
import { ValueType } from './types.js';


/** Members as SADD passes them: argument bytes. */
const bufs = (...members: string[]): Buffer[] => members.map((m) => Buffer.from(m, 'latin1'));
describe('set type', () => {
  describe('intset members', () => {
    it('accepts exactly what string2ll accepts', () => {
      for (const s of ['0', '1', '-1', '9223372036854775807', '-9223372036854775808', '1234567890123456789']) expect(isIntMember(s), s).to.equal(true);
      for (const s of ['', '-', '-0', '01', '+1', ' 1', '1 ', '1.0', 'a', '9223372036854775808', '-9223372036854775809', '12345678901234567890']) {
        expect(isIntMember(s), s).to.equal(false);
      }
    });

    it('orders integers numerically, beyond 2^53 too', () => {
      const xs = ['10', '-3', '9', '0', '-10', '9223372036854775807', '9007199254740993', '9007199254740992', '-9223372036854775808'];
      expect(xs.slice().sort(compareIntMembers)).to.deep.equal([
        '-9223372036854775808', '-10', '-3', '0', '9', '10', '9007199254740992', '9007199254740993', '9223372036854775807',
      ]);
    });
  });

  describe('SetValue', () => {
    it('stays an intset in ascending order until a non-integer or too many members arrive, and never goes back', () => {
      const s = SetValue.from(['3', '1', '2']);
      expect([s.isIntset, s.members()]).to.deep.equal([true, ['1', '2', '3']]);
      s.add('x');
      expect(s.isIntset).to.equal(false);
      s.remove('x');
      expect(s.isIntset).to.equal(false);
      const saved = ENCODING_LIMITS.setMaxIntsetEntries;
      ENCODING_LIMITS.setMaxIntsetEntries = 3;
      try {
        const t = SetValue.from(['1', '2', '3']);
        expect(t.isIntset).to.equal(true);
        t.add('4');
        expect(t.isIntset).to.equal(false);
      } finally {
        ENCODING_LIMITS.setMaxIntsetEntries = saved;
      }
    });

    it('an SSCAN over a hashtable returns every member present for the whole scan despite removals', () => {
      const s = SetValue.from(['a', ...Array.from({ length: 200 }, (_, i) => `m${i}`)]);
      const seen = new Set<string>();
      let cursor = 0;
      let round = 0;
      do {
        const step = s.scan(cursor, 7);
        step.members.forEach((m) => seen.add(m));
        cursor = step.cursor;
        s.remove(`m${round * 3}`);
        s.add(`new${round++}`);
      } while (cursor !== 0);
      for (let i = 0; i < 200; i++) if (s.has(`m${i}`)) expect(seen.has(`m${i}`), `m${i}`).to.equal(true);
    });

    it('a clone shares nothing with the original', () => {
      const s = SetValue.from(['a', 'b']);
      const c = s.clone();
      c.add('c');
      s.remove('a');
      expect([[...s.members()], [...c.members()].sort()]).to.deep.equal([['b'], ['a', 'b', 'c']]);
    });
  });

  describe('algebra', () => {
    it('SDIFF by adding the whole first set leaves a hashtable; by adding survivors an intset', () => {
      const big = SetValue.from(['a', ...Array.from({ length: 50 }, (_, i) => String(i))]);
      // Two sets (missing keys do not count): walking the first set is the cheaper estimate; survivors are integers.
      const one = difference([big, SetValue.from(['a']), undefined]);
      expect([one.isIntset, one.size]).to.deep.equal([true, 50]);
      // Three sets: copying the first set (a hashtable) and removing is cheaper, and the result stays a hashtable.
      const two = difference([big, SetValue.from(['a']), SetValue.from(['1'])]);
      expect([two.isIntset, two.size]).to.deep.equal([false, 49]);
      expect(difference([big, big]).size).to.equal(0);
    });

    it('a union is an intset only while every member is an integer', () => {
      expect(union([SetValue.from(['2']), undefined, SetValue.from(['1'])]).members()).to.deep.equal(['1', '2']);
      expect(union([SetValue.from(['2']), SetValue.from(['x'])]).isIntset).to.equal(false);
    });

    it('setFromMembers and setMembers round-trip in intset order', () => {
      expect([...setMembers(setFromMembers(['5', '-1', '3']))]).to.deep.equal(['-1', '3', '5']);
    });
  });

  describe('recovery', () => {
    let dir: string;
    let store: Store;
    let ks: Keyspace;
    const open = () => {
      store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'always' });
      ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'faha-set-'));
      open();
    });
    afterEach(() => {
      store.log.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const snapshot = (db: number, key: string) => {
      const e = store.dbs[db].get(key);
      if (e === undefined) return null;
      const s = e.obj as SetValue;
      return { type: e.type, enc: encodingName(e), members: [...s.members()].sort(), expireAt: e.expireAt };
    };

    it('every delta op and image rebuilds the same sets with the same encodings', () => {
      addMembers(ks, 0, 'ints', bufs('3', '1', '2'));
      removeMembers(ks, 0, 'ints', ['2', 'nope']);
      addMembers(ks, 0, 'mixed', bufs('1', 'x', '2'));
      removeMembers(ks, 0, 'mixed', ['x']);
      addMembers(ks, 0, 'gone', bufs('a'));
      removeMembers(ks, 0, 'gone', ['a']);
      moveMember(ks, 0, 'ints', 'moved', '1');
      addMembers(ks, 1, 'popped', bufs(...Array.from({ length: 20 }, (_, i) => String(i))));
      popOne(ks, 1, 'popped');
      popMany(ks, 1, 'popped', 3);
      // A hashtable of integers whose survivors are rebuilt as an intset (SPOP's "keep the survivors" strategy).
      addMembers(ks, 1, 'rebuilt', bufs('y', ...Array.from({ length: 10 }, (_, i) => String(i))));
      removeMembers(ks, 1, 'rebuilt', ['y']);
      popMany(ks, 1, 'rebuilt', 9);
      storeResult(ks, 0, 'stored', union([SetValue.from(['k', 'l'])]), 'sunionstore');
      copyKey(ks, 0, 'mixed', 1, 'copied', false);
      const keys: [number, string][] = [[0, 'ints'], [0, 'mixed'], [0, 'gone'], [0, 'moved'], [1, 'popped'], [1, 'rebuilt'], [0, 'stored'], [1, 'copied']];
      const before = keys.map(([db, k]) => snapshot(db, k));
      expect(before[2]).to.equal(null);
      expect(before[5]!.enc).to.equal('intset');
      expect(before[1]!.enc).to.equal('hashtable');
      store.log.close();
      open();
      expect(keys.map(([db, k]) => snapshot(db, k))).to.deep.equal(before);
    });

    it('a *STORE with an empty result deletes the destination, and the delete is what recovery sees', () => {
      addMembers(ks, 0, 'dst', bufs('a'));
      expect(storeResult(ks, 0, 'dst', new SetValue(), 'sinterstore')).to.equal(0);
      expect(storeResult(ks, 0, 'dst', new SetValue(), 'sinterstore')).to.equal(0);
      store.log.close();
      open();
      expect(store.dbs[0].get('dst')).to.equal(undefined);
      expect(ValueType.Set).to.equal(2);
    });
  });
});
