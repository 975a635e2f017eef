// Unit tests of the hot/cold key index (key-index.ts) on a real store: cold keys name their record and are
// verified against it, get() promotes, demote() gives back exactly what was hot, and the store's live-byte
// accounting stays exact through cold and hot writes, deletes, demotions, FLUSHDB and SWAPDB.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBackend } from '../platform/pmem.js';
import { prng } from '../testing/prng.js';
import { Cleaner } from './cleaner.js';
import { codecOf, registerCollectionCodec } from './collections.js';
import { REC_HEADER_SIZE } from './format.js';
import { hashString } from './key-hash.js';
import { HOT_ENTRY_OVERHEAD, type KeyIndex } from './key-index.js';
import { Store } from './store.js';

/** A toy collection for these tests: an array of strings; delta 'p<item>' pushes, 'x' pops; image joined by ','. */
const LIST = 247;
registerCollectionCodec(LIST, {
  create: () => [] as string[],
  applyDelta: (obj, payload) => {
    const op = payload.toString('latin1');
    if (op[0] === 'p') (obj as string[]).push(op.slice(1));
    else (obj as string[]).pop();
  },
  decodeImage: (payload) => (payload.length === 0 ? [] : payload.toString('latin1').split(',')),
  encodeImage: (obj) => Buffer.from((obj as string[]).join(','), 'latin1'),
});

const SEGMENT = 256 * 1024;
const DATABASES = 3;
const FAR = 4102444800000;

/** Keys with equal 32-bit hashes (found by a birthday search over 'key:<n>'): same length, and different lengths. */
const SAME_HASH_SAME_LENGTH = ['key:86869', 'key:97731'];
const SAME_HASH_OTHER_LENGTH = ['key:38407', 'key:116518'];

/** What a key holds, read without promoting it: type, expiry, value (a collection as JSON). */
function peek(store: Store, d: KeyIndex, key: string): string | undefined {
  const slot = d.slotOf(key);
  if (slot === -1) return undefined;
  const e = d.hotAt(slot);
  if (e !== null) return `${e.type} ${e.expireAt} ${e.type === 0 ? store.valueOf(e).toString('latin1') : JSON.stringify(e.obj)}`;
  const type = d.coldType(slot);
  const bytes = d.coldValue(slot);
  return `${type} ${d.coldExpireAt(slot)} ${type === 0 ? bytes.toString('latin1') : JSON.stringify(codecOf(type)!.decodeImage(bytes))}`;
}

/** Every key of every database, read without promoting anything. */
function dump(store: Store): string[] {
  const out: string[] = [];
  store.dbs.forEach((d, db) => {
    const keys: string[] = [];
    d.forEach((key) => keys.push(key));
    for (const key of keys) out.push(`${db}/${key} ${peek(store, d, key)}`);
  });
  return out.sort();
}

function liveOfSegments(store: Store): number {
  let n = 0;
  for (const s of store.log.segmentList) n += s.live;
  return n;
}

describe('engine: the hot/cold key index', () => {
  let dir: string;
  let store: Store;
  const open = () => {
    store = new Store({ dir, databases: DATABASES, segmentSize: SEGMENT, backend: openBackend('libc'), fsync: 'no' });
  };
  const reopen = () => {
    store.log.close();
    open();
  };
  const cold = (db: number, key: string, value: string, expireAt = 0, enc = 0, atime = 1000) =>
    store.putBytesCold(db, key, Buffer.from(value, 'latin1'), expireAt, enc, store.dbs[db].slotOf(key), atime);
  const hot = (db: number, key: string, value: string, expireAt = 0, enc = 0) => store.putBytes(db, key, Buffer.from(value, 'latin1'), expireAt, enc);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-keyindex-'));
    open();
  });
  afterEach(() => {
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a string written by putBytesCold is cold until get() promotes it with its record\'s place, length, expiry, encoding and access time', () => {
    const d = store.dbs[1];
    cold(1, 'name', 'some value', FAR + 5, 2, 424242);
    const seg = store.log.lastSeg;
    const valueOff = store.log.lastValueOff;
    expect([d.size, d.hotCount, d.hotBytes]).to.deep.equal([1, 0, 0]);
    expect(d.has('name')).to.equal(true);
    expect(d.expireAtOf('name')).to.equal(FAR + 5);
    const e = d.get('name')!;
    expect([d.hotCount, d.coldReads, d.hotHits]).to.deep.equal([1, 1, 0]);
    expect([e.key, e.seg, e.off, e.len, e.expireAt, e.enc, e.atime, e.type]).to.deep.equal(['name', seg.id, valueOff, 10, FAR + 5, 2, 424242, 0]);
    expect(e.base, 'the segment its bytes are counted in').to.equal(seg);
    expect(e.bytes).to.equal(REC_HEADER_SIZE + 4 + 10);
    expect(store.valueOf(e).toString()).to.equal('some value');
    expect(d.hotBytes).to.equal(HOT_ENTRY_OVERHEAD + 4);
    expect(d.get('name'), 'the same entry on the next lookup').to.equal(e);
    expect([d.hotCount, d.coldReads, d.hotHits]).to.deep.equal([1, 1, 1]);
  });

  it('strings recovered from the log come back cold; each get() promotes one and counts a cold read, later gets count hits', () => {
    for (let i = 0; i < 500; i++) hot(0, `k${i}`, `value ${i}`, i % 3 === 0 ? FAR + i : 0, i % 3);
    expect(store.dbs[0].hotCount).to.equal(500);
    reopen();
    const d = store.dbs[0];
    expect([d.size, d.hotCount, d.hotBytes]).to.deep.equal([500, 0, 0]);
    for (let i = 0; i < 500; i++) {
      const e = d.get(`k${i}`)!;
      expect([store.valueOf(e).toString(), e.expireAt, e.enc]).to.deep.equal([`value ${i}`, i % 3 === 0 ? FAR + i : 0, i % 3]);
    }
    expect([d.hotCount, d.coldReads, d.hotHits]).to.deep.equal([500, 500, 0]);
    for (let i = 0; i < 500; i += 5) d.get(`k${i}`);
    expect([d.coldReads, d.hotHits]).to.deep.equal([500, 100]);
  });

  it('an expiry set on a hot key before a restart is the cold key\'s expiry after it', () => {
    const e = hot(0, 'a', 'x');
    store.setExpire(0, 'a', e, FAR + 7);
    hot(0, 'b', 'y', FAR);
    store.setExpire(0, 'b', store.dbs[0].get('b')!, 0);
    reopen();
    const d = store.dbs[0];
    expect([d.hotCount, d.expireAtOf('a'), d.expireAtOf('b'), d.expireAtOf('c')]).to.deep.equal([0, FAR + 7, 0, -1]);
    expect([...d.volatile]).to.deep.equal(['a']);
  });

  it('demote() then get() gives back the same value, expiry, encoding tag, flags and LFU counter', () => {
    const d = store.dbs[2];
    const cases = [
      { key: 'plain', enc: 0, expireAt: 0, flags: 0, lfu: -1, atime: 100 },
      { key: 'counted', enc: 2, expireAt: FAR + 1, flags: 0x55, lfu: 200, atime: 1_700_000_000 },
      { key: 'extremes', enc: 255, expireAt: FAR + 2, flags: 0x7f, lfu: 255, atime: 0xfffffff0 },
      { key: 'zero-counter', enc: 1, expireAt: 0, flags: 1, lfu: 0, atime: 5 },
    ];
    for (const c of cases) {
      const e = hot(2, c.key, `v-${c.key}`, c.expireAt, c.enc);
      e.flags = c.flags;
      e.lfu = c.lfu;
      e.atime = c.atime;
    }
    for (const c of cases) expect(d.demote(c.key), `demote ${c.key}`).to.equal(true);
    expect([d.hotCount, d.hotBytes, d.size]).to.deep.equal([0, 0, cases.length]);
    expect(d.demote('plain'), 'an already cold key').to.equal(false);
    expect(d.demote('absent')).to.equal(false);
    for (const c of cases) {
      const e = d.get(c.key)!;
      expect([store.valueOf(e).toString(), e.expireAt, e.enc, e.flags, e.lfu, e.atime], c.key).to.deep.equal([`v-${c.key}`, c.expireAt, c.enc, c.flags, c.lfu, c.atime]);
    }
  });

  it('a cold string overwritten by putBytesCold keeps its LFU counter and drops the flags of the old value', () => {
    const d = store.dbs[0];
    const e = hot(0, 'k', 'old');
    e.lfu = 77;
    e.flags = 3;
    d.demote('k');
    cold(0, 'k', 'new', FAR, 1, 999);
    expect([d.size, d.hotCount]).to.deep.equal([1, 0]);
    const back = d.get('k')!;
    expect([store.valueOf(back).toString(), back.lfu, back.flags, back.expireAt, back.enc, back.atime]).to.deep.equal(['new', 77, 0, FAR, 1, 999]);
  });

  it('two keys with the same 32-bit hash are told apart by their records while cold and by their entries while hot', () => {
    for (const pair of [SAME_HASH_SAME_LENGTH, SAME_HASH_OTHER_LENGTH]) {
      expect(hashString(pair[0]), `${pair.join(' and ')} collide`).to.equal(hashString(pair[1]));
    }
    const d = store.dbs[0];
    const keys = [...SAME_HASH_SAME_LENGTH, ...SAME_HASH_OTHER_LENGTH];
    for (const k of keys) cold(0, k, `value of ${k}`);
    const read = () => keys.map((k) => peek(store, d, k));
    const want = keys.map((k) => `0 0 value of ${k}`);
    expect(read(), 'all cold').to.deep.equal(want);
    d.get(keys[0]);
    d.get(keys[3]);
    expect(d.hotCount).to.equal(2);
    expect(read(), 'mixed').to.deep.equal(want);
    expect(store.valueOf(d.get(keys[1])!).toString()).to.equal(`value of ${keys[1]}`);
    expect(store.valueOf(d.get(keys[2])!).toString()).to.equal(`value of ${keys[2]}`);
    expect(d.demote(keys[0])).to.equal(true);
    expect(d.delete(keys[1]), 'delete the hot twin').to.equal(true);
    expect(d.delete(keys[2]), 'delete the other hot twin').to.equal(true);
    expect([d.has(keys[0]), d.has(keys[1]), d.has(keys[2]), d.has(keys[3])]).to.deep.equal([true, false, false, true]);
    expect(peek(store, d, keys[0])).to.equal(`0 0 value of ${keys[0]}`);
  });

  it('50 000 keys with a long common prefix each resolve to their own value with cold and hot keys mixed', function () {
    this.timeout(20000);
    const prefix = 'tenant:0000000000:session:0000000000:';
    const n = 50000;
    const d = store.dbs[0];
    for (let i = 0; i < n; i++) {
      if (i % 2 === 0) cold(0, prefix + i, `v${i}`);
      else hot(0, prefix + i, `v${i}`);
    }
    // Every third hot key goes cold again; every fifth cold key is promoted.
    for (let i = 1; i < n; i += 6) d.demote(prefix + i);
    for (let i = 0; i < n; i += 10) d.get(prefix + i);
    expect(d.hotCount).to.be.within(n / 4, (3 * n) / 4);
    expect(d.size).to.equal(n);
    let wrong = 0;
    for (let i = 0; i < n; i++) if (peek(store, d, prefix + i) !== `0 0 v${i}`) wrong++;
    expect(wrong, 'keys read back with another value').to.equal(0);
    for (let i = n; i < n + 1000; i++) if (d.has(prefix + i)) wrong++;
    for (let i = 0; i < 1000; i++) if (d.has(`${prefix}${i}x`) || d.has(prefix.slice(0, -1) + i)) wrong++;
    expect(wrong, 'absent keys found').to.equal(0);
    for (let i = 0; i < n; i++) if (store.valueOf(d.get(prefix + i)!).toString() !== `v${i}`) wrong++;
    expect([wrong, d.hotCount]).to.deep.equal([0, n]);
  });

  it('deleting cold and hot keys removes them: has(), expireAtOf(), get() and the volatile set agree', () => {
    const d = store.dbs[0];
    cold(0, 'c1', 'a', FAR);
    cold(0, 'c2', 'b');
    hot(0, 'h1', 'c', FAR);
    hot(0, 'h2', 'd');
    expect(new Set(d.volatile)).to.deep.equal(new Set(['c1', 'h1']));
    for (const k of ['c1', 'h1', 'c2']) expect(store.delete(0, k), k).to.equal(true);
    expect(store.delete(0, 'c1'), 'twice').to.equal(false);
    expect(['c1', 'c2', 'h1', 'h2'].map((k) => d.has(k))).to.deep.equal([false, false, false, true]);
    expect(['c1', 'c2', 'h1', 'h2'].map((k) => d.expireAtOf(k))).to.deep.equal([-1, -1, -1, 0]);
    expect(d.get('c1')).to.equal(undefined);
    expect([d.size, d.hotCount, d.volatile.size]).to.deep.equal([1, 1, 0]);
    reopen();
    expect(dump(store)).to.deep.equal(['0/h2 0 0 d']);
  });

  it('forEach() lists every key exactly once with its expiry, cold or hot, and promotes none', () => {
    const d = store.dbs[1];
    const want: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const at = i % 4 === 0 ? FAR + i : 0;
      if (i % 3 === 0) hot(1, `k${i}`, 'v', at);
      else cold(1, `k${i}`, 'v', at);
      want.push(`k${i} ${at}`);
    }
    for (let i = 0; i < 3000; i += 7) d.demote(`k${i}`);
    const hotBefore = d.hotCount;
    const seen: string[] = [];
    d.forEach((key, at) => seen.push(`${key} ${at}`));
    expect(seen.length).to.equal(3000);
    expect(seen.sort()).to.deep.equal(want.sort());
    expect(d.hotCount).to.equal(hotBefore);
  });

  it('scanKeys() returns every key present throughout a walk while keys are added and removed between steps', () => {
    const d = store.dbs[0];
    const rnd = prng(11);
    for (let i = 0; i < 4000; i++) {
      if (rnd() < 0.5) cold(0, `stay${i}`, 'v');
      else hot(0, `stay${i}`, 'v');
    }
    for (let i = 0; i < 4000; i += 3) d.demote(`stay${i}`);
    let cursor = 0;
    let step = 0;
    let churn = 0;
    const seen = new Set<string>();
    do {
      const r = d.scanKeys(cursor, 10);
      for (const k of r.keys) seen.add(k);
      cursor = r.cursor;
      // Between steps: new keys arrive (growing the table), some arrive and leave again (shrinking it).
      for (let j = 0; j < 40; j++) {
        const k = `churn${churn++}`;
        if (rnd() < 0.5) cold(0, k, 'x');
        else hot(0, k, 'x');
      }
      for (let j = churn - 40; j < churn; j += 2) store.delete(0, `churn${j}`);
      if (step++ % 10 === 0) for (let j = churn - 39; j < churn; j += 8) d.get(`churn${j}`);
    } while (cursor !== 0 && step < 100000);
    expect(cursor, 'the walk ended').to.equal(0);
    const missing: string[] = [];
    for (let i = 0; i < 4000; i++) if (!seen.has(`stay${i}`)) missing.push(`stay${i}`);
    expect(missing).to.deep.equal([]);
    for (const k of seen) expect(/^(stay|churn)\d+$/.test(k), k).to.equal(true);
  });

  it('randomKey() returns present keys, cold and hot alike, and promotes none', () => {
    const d = store.dbs[0];
    expect(d.randomKey()).to.equal(undefined);
    for (let i = 0; i < 200; i++) {
      if (i < 100) cold(0, `c${i}`, 'v');
      else hot(0, `h${i}`, 'v');
    }
    const rnd = prng(5);
    const got = new Set<string>();
    for (let i = 0; i < 2000; i++) got.add(d.randomKey(rnd)!);
    expect([...got].every((k) => d.has(k))).to.equal(true);
    expect([...got].filter((k) => k[0] === 'c').length, 'cold keys drawn').to.be.greaterThan(80);
    expect([...got].filter((k) => k[0] === 'h').length, 'hot keys drawn').to.be.greaterThan(80);
    expect(d.hotCount).to.equal(100);
  });

  it('a collection demotes only when its value is one IMAGE record, and comes back equal on get()', () => {
    const d = store.dbs[0];
    const e = store.createCollection(0, 'grown', LIST, ['a']);
    store.appendDelta(0, 'grown', LIST, Buffer.from('pa'), e);
    expect(d.demote('grown'), 'a delta chain').to.equal(false);
    const img = store.putCollection(0, 'whole', LIST, ['x', 'y'], Buffer.from('x,y'), FAR);
    expect(store.hotValueBytes).to.equal(e.bytes + img.bytes);
    expect(d.demote('whole'), 'one image').to.equal(true);
    expect(store.hotValueBytes, 'a cold collection holds no DRAM').to.equal(e.bytes);
    const back = d.get('whole')!;
    expect([back.type, back.expireAt, back.obj]).to.deep.equal([LIST, FAR, ['x', 'y']]);
    expect(store.hotValueBytes).to.equal(e.bytes + back.bytes);
    (back.obj as string[]).push('z');
    store.appendDelta(0, 'whole', LIST, Buffer.from('pz'), back);
    expect(d.demote('whole'), 'an image plus a delta').to.equal(false);
    expect(store.rewrite(0, 'whole', back)).to.equal(null);
    expect(d.demote('whole'), 'rewritten as one image').to.equal(true);
    expect(store.rewrite(0, 'grown', e)).to.equal(null);
    expect(d.demote('grown')).to.equal(true);
    expect([d.hotCount, store.hotValueBytes]).to.deep.equal([0, 0]);
    expect(dump(store)).to.deep.equal([`0/grown ${LIST} 0 ["a"]`, `0/whole ${LIST} ${FAR} ["x","y","z"]`]);
    reopen();
    expect(dump(store)).to.deep.equal([`0/grown ${LIST} 0 ["a"]`, `0/whole ${LIST} ${FAR} ["x","y","z"]`]);
  });

  it('a string written over a hot collection through its entry gives back the collection\'s hot bytes', () => {
    store.putCollection(0, 'k', LIST, ['a', 'b'], Buffer.from('a,b'), 0);
    expect(store.hotValueBytes).to.be.greaterThan(0);
    hot(0, 'k', 'now a string');
    expect(store.hotValueBytes).to.equal(0);
    store.flushDb(0);
    expect(store.hotValueBytes).to.equal(0);
  });

  it('live bytes stay exact through cold and hot writes, deletes, demotions, FLUSHDB and SWAPDB, and a reopened store counts the same', function () {
    this.timeout(20000);
    const rnd = prng(23);
    const int = (n: number) => Math.floor(rnd() * n);
    let demoted = 0;
    for (let step = 0; step < 8000; step++) {
      const db = int(DATABASES);
      const d = store.dbs[db];
      const k = `k${int(60)}`;
      const r = rnd();
      const at = rnd() < 0.2 ? FAR + int(1000) : 0;
      if (r < 0.25) {
        const slot = d.slotOf(k);
        // putBytesCold is for absent keys and cold strings (the keyspace writes hot ones through their entry).
        if (slot === -1 || (d.hotAt(slot) === null && d.coldType(slot) === 0)) cold(db, k, 'c'.repeat(int(400)), at);
        else hot(db, k, 'h'.repeat(int(400)), at);
      } else if (r < 0.45) {
        hot(db, k, 'h'.repeat(int(400)), at);
      } else if (r < 0.55) {
        store.delete(db, k);
      } else if (r < 0.65) {
        if (d.demote(k)) demoted++;
      } else if (r < 0.7) {
        const e = d.get(k);
        if (e !== undefined) store.setExpire(db, k, e, at);
      } else if (r < 0.85) {
        let e = d.get(k);
        if (e === undefined || e.type !== LIST) {
          if (e !== undefined) store.delete(db, k);
          e = store.createCollection(db, k, LIST, []);
        }
        const item = `i${int(100)}`;
        (e.obj as string[]).push(item);
        store.appendDelta(db, k, LIST, Buffer.from('p' + item), e);
      } else if (r < 0.93) {
        const items = Array.from({ length: 1 + int(6) }, () => `m${int(100)}`);
        store.putCollection(db, k, LIST, items, Buffer.from(items.join(','), 'latin1'), at);
      } else if (r < 0.96) {
        const e = d.get(k);
        if (e !== undefined && e.type === LIST) {
          store.rewrite(db, k, e);
          if (d.demote(k)) demoted++;
        }
      } else if (r < 0.995) {
        store.swapDb(int(DATABASES), int(DATABASES));
      } else {
        store.flushDb(db);
      }
      if (step % 400 === 399) expect(liveOfSegments(store), `segments' live bytes at step ${step}`).to.equal(store.liveBytes);
      if (step % 2000 === 1999) {
        const was = dump(store);
        const live = store.liveBytes;
        reopen();
        expect(dump(store), `after reopening at step ${step}`).to.deep.equal(was);
        expect(store.liveBytes, `live bytes after reopening at step ${step}`).to.equal(live);
        expect(liveOfSegments(store)).to.equal(live);
      }
    }
    expect(store.log.segmentList.length, 'the history spans several segments').to.be.greaterThan(3);
    expect(demoted, 'demotions that happened').to.be.greaterThan(200);
  });

  for (const [how, indexScanRatio] of [['walking records', Infinity], ['scanning the index', 0]] as const) {
    it(`the cleaner (${how}) copies cold keys and leaves them cold, with their values, expiries and live bytes`, async function () {
      this.timeout(20000);
      const warnings: string[] = [];
      let cleaner = new Cleaner(store, { maxAmplification: 1.3, warn: (m) => warnings.push(m), indexScanRatio });
      cleaner.start();
      const rnd = prng(31);
      const int = (n: number) => Math.floor(rnd() * n);
      for (let i = 0; i < 200; i++) {
        const items = [`a${i}`, `b${i}`];
        store.putCollection(i % DATABASES, `coll${i}`, LIST, items, Buffer.from(items.join(','), 'latin1'), i % 2 === 0 ? FAR + i : 0);
        store.dbs[i % DATABASES].demote(`coll${i}`);
      }
      // Overwrites of a few hot keys and many cold ones fill segments with dead records around the cold keys.
      for (let step = 0; step < 6000; step++) {
        const db = int(DATABASES);
        const k = `k${int(300)}`;
        const value = `${step}:${'v'.repeat(int(1000))}`;
        const at = rnd() < 0.3 ? FAR + step : 0;
        const r = rnd();
        const slot = store.dbs[db].slotOf(k);
        if (r < 0.1 || (r < 0.8 && slot !== -1 && store.dbs[db].hotAt(slot) !== null)) hot(db, k, value, at);
        else if (r < 0.8) cold(db, k, value, at);
        else store.delete(db, k);
        if (step % 100 === 99) {
          store.log.flush();
          const hotBefore = store.dbs.map((d) => d.hotCount);
          for (let i = 0; i < 2000 && (cleaner.check(), cleaner.running); i++) await sleep(1);
          expect(store.dbs.map((d) => d.hotCount), `hot keys after cleaning at step ${step}`).to.deep.equal(hotBefore);
        }
      }
      expect(cleaner.stats.segmentsFreed, 'segments freed').to.be.greaterThan(5);
      expect(cleaner.stats.keysRewritten, 'keys copied').to.be.greaterThan(0);
      expect(store.dbs.reduce((n, d) => n + d.hotCount, 0), 'hot keys').to.be.within(1, 899);
      expect(liveOfSegments(store)).to.equal(store.liveBytes);
      const was = dump(store);
      expect(was.filter((l) => l.includes('/coll')).length).to.equal(200);
      const live = store.liveBytes;
      cleaner.stop();
      reopen();
      cleaner = new Cleaner(store, { maxAmplification: 1.3, warn: (m) => warnings.push(m), indexScanRatio });
      expect(dump(store)).to.deep.equal(was);
      expect(store.liveBytes).to.equal(live);
      expect(warnings).to.deep.equal([]);
    });
  }
});
