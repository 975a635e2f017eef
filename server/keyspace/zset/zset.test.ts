// Unit tests: sorted sets are rebuilt exactly (members, scores bit for bit, encoding) from their DELTA and IMAGE
// records through a real Store reopen, for every op code; and the keyspace operations keep Redis's rules.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../engine/store.js';
import { openBackend } from '../../platform/pmem.js';
import { ENCODING_LIMITS } from '../encoding-limits.js';
import { Keyspace } from '../keyspace.js';
import { ValueType, WRONGTYPE } from '../types.js';
import { parseScoreRange, storeZset, zadd, zpop, zrem, zremRange, zsetEntries, zsetFromEntries, ZSet } from './index.js';
import { parseBound, parseScore } from './strtod.js';

const backend = openBackend('auto');
const plain = { incr: false, nx: false, xx: false, gt: false, lt: false };


/** A member as ZADD passes it: argument bytes. */
const b = (m: string): Buffer => Buffer.from(m, 'latin1');
describe('keyspace: sorted sets', () => {
  let dir: string;
  let store: Store;
  let ks: Keyspace;
  const open = () => {
    store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend, fsync: 'always' });
    ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
  };
  const reopen = () => {
    store.log.close();
    open();
  };
  const zsetAt = (key: string, db = 0) => store.dbs[db].get(key)?.obj as ZSet | undefined;
  const entries = (key: string) => {
    const z = zsetAt(key);
    return z === undefined ? undefined : [...zsetEntries(z)];
  };
  const saved = { ...ENCODING_LIMITS };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-zset-'));
    open();
  });
  afterEach(() => {
    store.log.close();
    Object.assign(ENCODING_LIMITS, saved);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds a set from SET and REMOVE deltas, scores bit for bit and the encoding included', () => {
    ENCODING_LIMITS.zsetMaxListpackEntries = 3;
    // The fourth member converts the set first, so -0 goes into the skiplist as -0 (a listpack would keep 0).
    zadd(ks, 0, 'k', [[1, b('a')], [Infinity, b('inf')], [0.1, b('tenth')], [-0, b('neg')]], plain);
    zadd(ks, 0, 'k', [[5, b('a')]], { ...plain, incr: true });
    zrem(ks, 0, 'k', ['inf', 'absent']);
    zremRange(ks, 0, 'k', { by: 'score', range: parseScoreRange(Buffer.from('0.1'), Buffer.from('0.1'))! });
    const before = entries('k');
    expect(before).to.deep.equal([['neg', -0], ['a', 6]]);
    expect(zsetAt('k')!.listpack).to.equal(false);
    ENCODING_LIMITS.zsetMaxListpackEntries = 128;
    reopen();
    expect(entries('k')).to.deep.equal(before);
    expect(Object.is(zsetAt('k')!.score('neg'), -0)).to.equal(true);
    expect(zsetAt('k')!.listpack).to.equal(false);
  });

  it('rebuilds a stored result from its IMAGE, and deltas applied on top of it', () => {
    zadd(ks, 0, 'src', [[3, b('c')], [1, b('a')], [2, b('b')]], plain);
    storeZset(ks, 1, 'dst', zsetFromEntries([['x', 2], ['y', 1]]) as ZSet, 'zunionstore');
    zadd(ks, 1, 'dst', [[0, b('w')]], plain);
    const popped = zpop(ks, 0, 'src', store.dbs[0].get('src')!, false, 2);
    expect(popped).to.deep.equal([['a', 1], ['b', 2]]);
    reopen();
    expect(store.dbs[1].get('dst')!.obj).to.be.instanceOf(ZSet);
    expect([...zsetEntries(zsetAt('dst', 1))]).to.deep.equal([['w', 0], ['y', 1], ['x', 2]]);
    expect(zsetAt('dst', 1)!.listpack).to.equal(true);
    expect(entries('src')).to.deep.equal([['c', 3]]);
  });

  it('deletes the key when the last member goes, and the delete survives a reopen', () => {
    zadd(ks, 0, 'k', [[1, b('a')], [2, b('b')]], plain);
    expect(zremRange(ks, 0, 'k', { by: 'rank', start: 0, end: -1 })).to.equal(2);
    expect(store.dbs[0].get('k')).to.equal(undefined);
    expect(storeZset(ks, 0, 'k', new ZSet(), 'zrangestore')).to.equal(0);
    reopen();
    expect(store.dbs[0].get('k')).to.equal(undefined);
  });

  it('follows ZADD flags and reports WRONGTYPE for another type', () => {
    expect(zadd(ks, 0, 'k', [[1, b('a')]], { ...plain, xx: true })).to.deep.include({ added: 0, processed: 0 });
    expect(store.dbs[0].get('k')).to.equal(undefined);
    zadd(ks, 0, 'k', [[5, b('a')]], plain);
    expect(zadd(ks, 0, 'k', [[3, b('a')]], { ...plain, gt: true })).to.deep.include({ updated: 0, processed: 0 });
    expect(zadd(ks, 0, 'k', [[7, b('a')]], { ...plain, gt: true, xx: true })).to.deep.include({ updated: 1 });
    zadd(ks, 0, 'i', [[Infinity, b('a')]], plain);
    expect(zadd(ks, 0, 'i', [[-Infinity, b('a')]], { ...plain, incr: true })).to.deep.include({ nan: true });
    ks.setString(0, 's', Buffer.from('v'), 0);
    expect(zadd(ks, 0, 's', [[1, b('a')]], plain)).to.equal(WRONGTYPE);
    expect(store.dbs[0].get('k')!.type).to.equal(ValueType.ZSet);
  });

  it('turns skiplist for good once a threshold is crossed, as Redis converts on an add', () => {
    ENCODING_LIMITS.zsetMaxListpackEntries = 2;
    const z = ZSet.forFirstMember('a');
    z.insert('a', 1);
    z.insert('b', 2);
    expect(z.listpack).to.equal(true);
    z.insert('c', 3);
    expect(z.listpack).to.equal(false);
    z.remove('c');
    z.remove('b');
    expect(z.listpack).to.equal(false);
    ENCODING_LIMITS.zsetMaxListpackValue = 3;
    expect(ZSet.forFirstMember('long').listpack).to.equal(false);
  });

  it('reads plain integer scores on the fast path exactly as strtod reads them', () => {
    for (const t of ['0', '-0', '+7', '-42', '000000012345', '999999999999999', '-999999999999999', '1234567890123456', '12345678901234567890']) {
      const v = parseScore(Buffer.from(t));
      expect(Object.is(v, Number(t)), t).to.equal(true);
    }
    for (const bad of ['-', '+', '--1', '1-', '1a', '+-1']) expect(parseScore(Buffer.from(bad)), bad).to.equal(null);
  });

  it('reads scores as string2d and range bounds as zslParseRange', () => {
    expect(parseScore(Buffer.from('1.5'))).to.equal(1.5);
    expect(parseScore(Buffer.from('-inf'))).to.equal(-Infinity);
    expect(parseScore(Buffer.from('0x1p3'))).to.equal(8);
    for (const bad of ['', ' 1', '1 ', 'nan', '1e400', '1e-400', 'x', '1\u00002']) expect(parseScore(Buffer.from(bad)), bad).to.equal(null);
    expect(parseBound(Buffer.from(''), 0)).to.equal(0);
    expect(parseBound(Buffer.from(' 2'), 0)).to.equal(2);
    expect(parseBound(Buffer.from('1e-400'), 0)).to.equal(0);
    expect(parseBound(Buffer.from('3\u0000junk'), 0)).to.equal(3);
    expect(parseBound(Buffer.from(' '), 0)).to.equal(null);
    expect(parseBound(Buffer.from('nan'), 0)).to.equal(null);
  });
});
