// Unit tests of the hot tier's budget (hot-tier.ts) on a real store: demotion brings the estimated hot DRAM within
// hot-cache-size, picks the least recently (or, under an *-lfu policy, least frequently) used entries, turns
// collections into one IMAGE before dropping them, and never loses or changes a value.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openBackend } from '../platform/pmem.js';
import { registerCollectionCodec } from './collections.js';
import { Entry } from './entry.js';
import { REC_HEADER_SIZE } from './format.js';
import { HotTier } from './hot-tier.js';
import { HOT_ENTRY_OVERHEAD } from './key-index.js';
import { Store } from './store.js';

/** A toy collection: an array of strings; delta 'p<item>' pushes; image joined by ','. */
const LIST = 246;
registerCollectionCodec(LIST, {
  create: () => [] as string[],
  applyDelta: (obj, payload) => (obj as string[]).push(payload.toString('latin1').slice(1)),
  decodeImage: (payload) => (payload.length === 0 ? [] : payload.toString('latin1').split(',')),
  encodeImage: (obj) => Buffer.from((obj as string[]).join(','), 'latin1'),
});

const N = 2000;
/** Keys of one length, so every hot string entry is estimated at the same DRAM. */
const keyOf = (i: number) => `key${String(i).padStart(6, '0')}`;
const PER_ENTRY = HOT_ENTRY_OVERHEAD + keyOf(0).length;

describe('engine: the hot tier keeps hot DRAM within hot-cache-size', () => {
  let dir: string;
  let store: Store;
  let tier: HotTier | null = null;
  const open = () => {
    store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend: openBackend('libc'), fsync: 'no' });
  };
  /** N hot strings in `db`, key i last accessed at second 1000 + i. */
  const fill = (db = 0) => {
    for (let i = 0; i < N; i++) {
      const e = store.putBytes(db, keyOf(i), Buffer.from(`value ${i}`), 0, 0);
      e.atime = 1000 + i;
    }
  };
  /** Every string key of `db` still reads its value (without promoting any). */
  const allReadBack = (db = 0) => {
    const d = store.dbs[db];
    let wrong = 0;
    for (let i = 0; i < N; i++) {
      const slot = d.slotOf(keyOf(i));
      const e = slot === -1 ? null : d.hotAt(slot);
      const v = slot === -1 ? null : e !== null ? store.valueOf(e) : d.coldValue(slot);
      if (v === null || v.toString() !== `value ${i}`) wrong++;
    }
    return wrong;
  };
  /** Of the keys still hot, the share accessed in the newer half (i >= N/2). */
  const newerShare = () => {
    const d = store.dbs[0];
    let hot = 0;
    let newer = 0;
    for (let i = 0; i < N; i++) {
      if (d.hotAt(d.slotOf(keyOf(i))) === null) continue;
      hot++;
      if (i >= N / 2) newer++;
    }
    return newer / hot;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-hottier-'));
    open();
  });
  afterEach(() => {
    tier?.stop();
    tier = null;
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hotBytes is the entries\' estimate plus the log bytes of hot collections', () => {
    fill();
    const c = store.putCollection(1, 'coll', LIST, ['a', 'b'], Buffer.from('a,b'), 0);
    tier = new HotTier(store, { budget: 0 });
    const collection = REC_HEADER_SIZE + 'coll'.length + 'a,b'.length;
    expect(c.bytes).to.equal(collection);
    expect(tier.hotBytes).to.equal(N * PER_ENTRY + HOT_ENTRY_OVERHEAD + 'coll'.length + collection);
  });

  it('with a budget, demoteFor() brings hotBytes within it and every key still reads its value', () => {
    fill();
    tier = new HotTier(store, { budget: Math.floor((N * PER_ENTRY) / 3) });
    expect(tier.overBudget).to.equal(true);
    const n = tier.demoteFor(10000);
    expect(tier.hotBytes).to.be.at.most(tier.budget);
    expect(tier.overBudget).to.equal(false);
    expect(n).to.equal(tier.stats.demotions);
    expect(store.dbs[0].hotCount).to.equal(N - n);
    // No more than needed: one more entry would have fitted within the budget.
    expect(tier.hotBytes + PER_ENTRY).to.be.greaterThan(tier.budget);
    expect(allReadBack()).to.equal(0);
  });

  it('LRU: the entries accessed longest ago go first, so most survivors are the recently used', () => {
    fill();
    tier = new HotTier(store, { budget: (N / 2) * PER_ENTRY });
    tier.demoteFor(10000);
    expect(store.dbs[0].hotCount).to.equal(N / 2);
    // Redis's sampled LRU (5 samples) is approximate; an unbiased choice would leave about half.
    expect(newerShare()).to.be.greaterThan(0.75);
  });

  it('LFU: under an *-lfu policy the least frequently used go first, whatever their access times', () => {
    fill();
    // Counters run against recency: the older half is the frequently used one.
    for (let i = 0; i < N; i++) store.dbs[0].get(keyOf(i))!.lfu = i < N / 2 ? 200 : 10;
    let lfu = true;
    tier = new HotTier(store, { budget: (N / 2) * PER_ENTRY, byFrequency: () => lfu, frequency: (e) => e.lfu });
    tier.demoteFor(10000);
    expect(newerShare(), 'share of the rarely used among survivors').to.be.lessThan(0.25);
    lfu = false;
    tier.budget = (N / 4) * PER_ENTRY;
    tier.demoteFor(10000);
    expect(store.dbs[0].hotCount).to.equal(N / 4);
  });

  it('demotion samples every database, in proportion to its hot entries', () => {
    fill(0);
    fill(1);
    tier = new HotTier(store, { budget: N * PER_ENTRY });
    tier.demoteFor(10000);
    expect(store.dbs[0].hotCount + store.dbs[1].hotCount).to.equal(N);
    expect(store.dbs[0].hotCount).to.be.within(N / 4, (3 * N) / 4);
    expect([allReadBack(0), allReadBack(1)]).to.deep.equal([0, 0]);
  });

  it('demoteAll() leaves nothing hot, first writes an IMAGE for a collection that is not one record, and every value survives a reopen', () => {
    fill();
    const grown = store.createCollection(1, 'grown', LIST, ['a']);
    store.appendDelta(1, 'grown', LIST, Buffer.from('pa'), grown);
    (grown.obj as string[]).push('b');
    store.appendDelta(1, 'grown', LIST, Buffer.from('pb'), grown);
    store.putCollection(1, 'whole', LIST, ['x'], Buffer.from('x'), 4102444800000);
    const live = store.liveBytes;
    tier = new HotTier(store, { budget: 0 });
    expect(tier.demoteAll()).to.equal(N + 2);
    expect([store.dbs[0].hotCount, store.dbs[1].hotCount, tier.hotBytes, store.hotValueBytes]).to.deep.equal([0, 0, 0, 0]);
    // The grown list needed an image; the whole one already was its one IMAGE record.
    expect(tier.stats).to.deep.equal({ demotions: N + 2, imagesWritten: 1 });
    // The grown list's two deltas became one image, a little smaller.
    expect(store.liveBytes).to.be.lessThan(live);
    expect(tier.demoteAll(), 'a second call').to.equal(0);
    expect(allReadBack()).to.equal(0);
    expect(store.dbs[1].get('grown')!.obj).to.deep.equal(['a', 'b']);
    const whole = store.dbs[1].get('whole')!;
    expect([whole.obj, whole.expireAt]).to.deep.equal([['x'], 4102444800000]);
    const liveNow = store.liveBytes;
    store.log.close();
    open();
    expect(store.liveBytes).to.equal(liveNow);
    expect(allReadBack()).to.equal(0);
    expect(store.dbs[1].get('grown')!.obj).to.deep.equal(['a', 'b']);
  });

  it('a collection over budget only by its delta chain is written as one IMAGE and stays hot', () => {
    const grown = store.createCollection(0, 'grown', LIST, []);
    for (let i = 0; i < 200; i++) {
      (grown.obj as string[]).push('x');
      store.appendDelta(0, 'grown', LIST, Buffer.from('px'), grown);
    }
    // The 200 deltas' log bytes are over the budget; the IMAGE ("x,x,…", 399 bytes) is well within it.
    tier = new HotTier(store, { budget: HOT_ENTRY_OVERHEAD + 'grown'.length + REC_HEADER_SIZE + 'grown'.length + 1000 });
    expect(tier.overBudget).to.equal(true);
    tier.demoteFor(10000);
    expect([tier.overBudget, tier.stats.imagesWritten, tier.stats.demotions, store.dbs[0].hotCount]).to.deep.equal([false, 1, 0, 1]);
    expect(store.dbs[0].get('grown')!.obj).to.have.length(200);
  });

  it('budget 0 means no limit: nothing is over budget and nothing is demoted', () => {
    fill();
    tier = new HotTier(store, { budget: 0 });
    expect(tier.overBudget).to.equal(false);
    expect(tier.demoteFor(1000)).to.equal(0);
    expect(store.dbs[0].hotCount).to.equal(N);
  });

  it('over budget with nothing it can demote, the tier waits for its next check instead of spinning', async () => {
    // A hot entry with no record behind it (as the store makes for a collection before its first delta).
    store.dbs[0].set('norecord', new Entry(LIST, 0, 0, 0, 0, 0, []));
    tier = new HotTier(store, { budget: 1 });
    let slices = 0;
    const demoteFor = tier.demoteFor.bind(tier);
    tier.demoteFor = (ms: number) => {
      slices++;
      return demoteFor(ms);
    };
    tier.check();
    await sleep(200);
    tier.budget = 0;
    expect(tier.stats.demotions).to.equal(0);
    expect(slices, 'slices run in 200 ms').to.be.at.most(5);
  });

  it('once started, the tier demotes in the background after check() until within a lowered budget', async () => {
    fill();
    tier = new HotTier(store, { budget: 0 });
    tier.start();
    tier.budget = 100 * PER_ENTRY;
    tier.check();
    for (let i = 0; i < 400 && tier.overBudget; i++) await sleep(5);
    expect(tier.hotBytes).to.be.at.most(tier.budget);
    expect(store.dbs[0].hotCount).to.equal(100);
    expect(allReadBack()).to.equal(0);
  });
});
