// Unit tests: bit search and counting against a bit-by-bit reading, BITFIELD's overflow arithmetic (C's quirks
// included), and bitmap writes through the keyspace and a Store reopen.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Entry } from '../engine/entry.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { bitOp, bitfieldWrite, getBit, setBit, type FieldOp } from './bitmap.js';
import { addSigned, addUnsigned, readField, writeField } from './bitmap/bitfield-int.js';
import { findBit, popcountBits } from './bitmap/bits.js';
import { Keyspace } from './keyspace.js';
import { StringEncoding, ValueType, WRONGTYPE } from './types.js';

const bitAt = (v: Uint8Array, i: number): number => (v[i >> 3] >> (7 - (i & 7))) & 1;

describe('keyspace: bitmaps', () => {
  it('popcountBits and findBit agree with reading bit by bit over every range', () => {
    const v = Uint8Array.from([0xff, 0x00, 0xa5, 0x0f, 0xf0, 0x00, 0xff]);
    const n = v.length * 8;
    for (let from = 0; from < n; from++) {
      for (let to = from; to < n; to++) {
        let ones = 0;
        let first1 = -1;
        let first0 = -1;
        for (let i = from; i <= to; i++) {
          ones += bitAt(v, i);
          if (first1 < 0 && bitAt(v, i) === 1) first1 = i;
          if (first0 < 0 && bitAt(v, i) === 0) first0 = i;
        }
        expect(popcountBits(v, from, to), `${from}..${to}`).to.equal(ones);
        expect(findBit(v, from, to, 1), `1 in ${from}..${to}`).to.equal(first1);
        expect(findBit(v, from, to, 0), `0 in ${from}..${to}`).to.equal(first0);
      }
    }
  });

  it('fields read and write at unaligned offsets, signed fields sign-extended', () => {
    const v = new Uint8Array(10);
    writeField(v, 3, 12, -5n);
    expect(readField(v, 3, { signed: true, bits: 12 })).to.equal(-5n);
    expect(readField(v, 3, { signed: false, bits: 12 })).to.equal(4091n);
    writeField(v, 7, 64, -9223372036854775808n);
    expect(readField(v, 7, { signed: true, bits: 64 })).to.equal(-9223372036854775808n);
    expect(readField(new Uint8Array(1), 4, { signed: false, bits: 20 })).to.equal(0n);
  });

  it('overflow handling follows Redis, including its C integer wrap-around', () => {
    expect(addUnsigned(250n, 10n, 8, 'wrap')).to.deep.equal({ overflow: true, value: 4n });
    expect(addUnsigned(250n, 10n, 8, 'sat')).to.deep.equal({ overflow: true, value: 255n });
    expect(addUnsigned(5n, -10n, 8, 'sat')).to.deep.equal({ overflow: true, value: 0n });
    expect(addUnsigned(5n, -5n, 8, 'fail')).to.deep.equal({ overflow: false, value: 0n });
    expect(addSigned(100n, 100n, 8, 'wrap')).to.deep.equal({ overflow: true, value: -56n });
    expect(addSigned(-100n, -100n, 8, 'sat')).to.deep.equal({ overflow: true, value: -128n });
    expect(addSigned(9223372036854775807n, 1n, 64, 'wrap')).to.deep.equal({ overflow: true, value: -9223372036854775808n });
    // SET i8 to INT64_MIN with SAT: the bound arithmetic wraps in C and Redis saturates at the maximum.
    expect(addSigned(-9223372036854775808n, 0n, 8, 'sat')).to.deep.equal({ overflow: true, value: 127n });
  });

  describe('through the keyspace and a Store reopen', () => {
    let dir: string;
    let store: Store;
    let ks: Keyspace;
    const open = () => {
      store = new Store({ dir, databases: 1, segmentSize: 1 << 20, backend: openBackend('auto'), fsync: 'always' });
      ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    };
    const reopen = () => {
      store.log.close();
      open();
    };
    const value = (key: string) => ks.valueOf(ks.peek(0, key)!).toString('hex');
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'faha-bits-'));
      open();
    });
    afterEach(() => {
      store.log.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('SETBIT grows the value, keeps the deadline and makes it raw; the result survives a reopen', () => {
      ks.setString(0, 'k', Buffer.from('1'), 4102444800000);
      expect(setBit(ks, 0, 'k', 23, 1)).to.equal(0);
      expect(setBit(ks, 0, 'k', 2, 1)).to.equal(1);
      reopen();
      const e = ks.peek(0, 'k')!;
      expect([value('k'), e.expireAt, e.enc]).to.deep.equal(['310001', 4102444800000, StringEncoding.Raw]);
      expect([getBit(ks, 0, 'k', 23), getBit(ks, 0, 'k', 1000)]).to.deep.equal([1, 0]);
    });

    it('BITOP stores the combination without deadline and deletes the destination for empty inputs', () => {
      ks.setString(0, 'a', Buffer.from([0xf0, 0x0f]), 0);
      ks.setString(0, 'b', Buffer.from([0xff]), 0);
      ks.setString(0, 'd', Buffer.from('x'), 4102444800000);
      expect(bitOp(ks, 0, 'xor', 'd', ['a', 'b', 'missing'])).to.equal(2);
      reopen();
      expect([value('d'), ks.peek(0, 'd')!.expireAt]).to.deep.equal(['0f0f', 0]);
      expect(bitOp(ks, 0, 'not', 'd', ['missing'])).to.equal(0);
      expect(ks.peek(0, 'd')).to.equal(undefined);
    });

    it('BITFIELD writes pad the key even when every write fails, and refuse other types', () => {
      const fail: FieldOp = { kind: 'incrby', type: { signed: false, bits: 8 }, offset: 16, arg: 300n, overflow: 'fail' };
      expect(bitfieldWrite(ks, 0, 'k', [fail])).to.deep.equal([null]);
      reopen();
      expect(value('k')).to.equal('000000');
      store.dbs[0].set('l', new Entry(ValueType.List, 0, 0, 0, 0, 0, []));
      expect(bitfieldWrite(ks, 0, 'l', [fail])).to.equal(WRONGTYPE);
    });
  });
});
