// Unit tests: MurmurHash64A against an independent BigInt reference, register placement and estimates against
// values read from a real redis-server 7.0, the sparse encoding's exact bytes, and HLL values through a Store reopen.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Entry } from '../engine/entry.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { HLL_CORRUPT, NOT_HLL, pfAdd, pfCountOne, pfCountUnion, pfMerge } from './hyperloglog.js';
import { HLL_DENSE_SIZE, denseGet } from './hyperloglog/dense.js';
import { HLL_SEED, murmurHash64A, patternOf } from './hyperloglog/murmur.js';
import { emptySparse, sparseSet, sparseToDense } from './hyperloglog/sparse.js';
import { Keyspace } from './keyspace.js';
import { ValueType, WRONGTYPE } from './types.js';

/** MurmurHash64A written directly from its definition with BigInt (slow, but obviously 64-bit). */
function referenceHash(data: Uint8Array, seed: number): bigint {
  const mask = (1n << 64n) - 1n;
  const m = 0xc6a4a7935bd1e995n;
  const len = data.length;
  let h = (BigInt(seed) ^ (BigInt(len) * m)) & mask;
  const whole = len - (len & 7);
  for (let i = 0; i < whole; i += 8) {
    let k = 0n;
    for (let b = 7; b >= 0; b--) k = (k << 8n) | BigInt(data[i + b]);
    k = (k * m) & mask;
    k ^= k >> 47n;
    k = (k * m) & mask;
    h ^= k;
    h = (h * m) & mask;
  }
  if ((len & 7) !== 0) {
    for (let j = (len & 7) - 1; j >= 0; j--) h ^= BigInt(data[whole + j]) << BigInt(8 * j);
    h = (h * m) & mask;
  }
  h ^= h >> 47n;
  h = (h * m) & mask;
  h ^= h >> 47n;
  return h;
}

/** PFADD of one element to a new key in redis-server 7.0.15, then GET, as hex. */
const REDIS_SINGLE: [string, string][] = [
  ['a', '48594c4c01000000000000000000008071a6844e57'],
  ['foo', '48594c4c0100000000000000000000805cb390634a'],
  ['hello', '48594c4c01000000000000000000008063ff805bfe'],
  ['', '48594c4c01000000000000000000008057318468cc'],
  ['12345678', '48594c4c01000000000000000000008069528856ab'],
  ['abcdefghi', '48594c4c0100000000000000000000805af6806507'],
];

describe('keyspace: HyperLogLog', () => {
  it('MurmurHash64A on 32-bit halves equals the 64-bit definition for every tail length', () => {
    let x = 12345;
    for (let len = 0; len < 48; len++) {
      const data = new Uint8Array(len).map(() => (x = (x * 1103515245 + 12345) >>> 0) >>> 24);
      for (const seed of [0, HLL_SEED, 0xffffffff]) {
        const [hi, lo] = murmurHash64A(data, seed);
        expect((BigInt(hi) << 32n) | BigInt(lo), `len ${len} seed ${seed}`).to.equal(referenceHash(data, seed));
      }
    }
  });

  it('an element lands in the register and with the count redis-server gives it', () => {
    for (const [el, hex] of REDIS_SINGLE) {
      const { index, count } = patternOf(Buffer.from(el));
      const { value } = sparseSet(emptySparse(), index, count, 3000);
      expect(value.toString('hex'), JSON.stringify(el)).to.equal(hex);
    }
  });

  it('sparse updates split and merge runs, and turn dense past the byte limit with the same registers', () => {
    let v = emptySparse();
    for (const [reg, count] of [[10, 3], [11, 3], [12, 3], [13, 3], [14, 3], [9, 2], [16383, 5], [0, 1]]) {
      v = sparseSet(v, reg, count, 3000).value;
    }
    // VAL 1 at 0, ZERO ×8 (1..8), VAL 2 at 9, VAL 3 ×4 (10..13), VAL 3 ×1 (14), XZERO ×16368, VAL 5 at 16383.
    expect(v.subarray(16).toString('hex')).to.equal('80' + '07' + '84' + '8b' + '88' + '7fef' + '90');
    expect(sparseSet(v, 12, 2, 3000).status).to.equal(0);
    const promoted = sparseSet(v, 100, 40, 3000).value;
    expect(promoted.length).to.equal(HLL_DENSE_SIZE);
    expect([denseGet(promoted, 0), denseGet(promoted, 9), denseGet(promoted, 13), denseGet(promoted, 100), denseGet(promoted, 16383)]).to.deep.equal([1, 2, 3, 40, 5]);
    const tight = sparseSet(v, 5000, 3, v.length).value;
    expect(tight.length).to.equal(HLL_DENSE_SIZE);
    expect(sparseToDense(Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe', 'latin1'))).to.equal(null);
  });

  describe('through the keyspace and a Store reopen', () => {
    let dir: string;
    let store: Store;
    let ks: Keyspace;
    const open = () => {
      store = new Store({ dir, databases: 1, segmentSize: 1 << 22, backend: openBackend('auto'), fsync: 'always' });
      ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    };
    const reopen = () => {
      store.log.close();
      open();
    };
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'faha-hll-'));
      open();
    });
    afterEach(() => {
      store.log.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const addRange = (key: string, n: number) => {
      for (let i = 0; i < n; i += 1000) {
        const batch: Buffer[] = [];
        for (let j = i; j < Math.min(n, i + 1000); j++) batch.push(Buffer.from('e' + j));
        pfAdd(ks, 0, key, batch);
      }
    };

    it('estimates equal redis-server 7.0 from 1 to 100000 elements and survive a reopen', () => {
      const expected: [number, number, number][] = [[1, 1, 21], [10, 10, 48], [100, 100, 285], [1000, 1008, 1906], [10000, 9973, 12304], [100000, 100853, 12304]];
      for (const [n] of expected) addRange('h' + n, n);
      reopen();
      for (const [n, card, len] of expected) {
        expect(ks.peek(0, 'h' + n)!.len, `length for ${n}`).to.equal(len);
        expect(pfCountOne(ks, 0, 'h' + n), `count for ${n}`).to.equal(card);
      }
      reopen();
      expect(pfCountOne(ks, 0, 'h1000')).to.equal(1008n);
    });

    it('PFMERGE and a PFCOUNT union agree and the merged value comes back after a reopen', () => {
      addRange('a', 800);
      pfAdd(ks, 0, 'b', [Buffer.from('x'), Buffer.from('e1')]);
      const union = pfCountUnion(ks, 0, ['a', 'b', 'missing']);
      expect(pfMerge(ks, 0, 'm', ['a', 'b'])).to.equal(true);
      reopen();
      expect(pfCountOne(ks, 0, 'm')).to.equal(union);
    });

    it('PFADD answers 0 when no register changes and refuses strings that are not HLLs', () => {
      expect(pfAdd(ks, 0, 'h', [Buffer.from('a')])).to.equal(1);
      expect(pfAdd(ks, 0, 'h', [Buffer.from('a')])).to.equal(0);
      ks.setString(0, 's', Buffer.from('not an hll'), 0);
      expect(pfAdd(ks, 0, 's', [])).to.equal(NOT_HLL);
      expect(pfCountUnion(ks, 0, ['h', 's'])).to.equal(NOT_HLL);
      ks.setString(0, 'c', Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xfe', 'latin1'), 0);
      expect(pfCountOne(ks, 0, 'c')).to.equal(HLL_CORRUPT);
      store.dbs[0].set('l', new Entry(ValueType.List, 0, 0, 0, 0, 0, []));
      expect(pfMerge(ks, 0, 'h', ['l'])).to.equal(WRONGTYPE);
    });
  });
});
