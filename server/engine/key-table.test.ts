// The typed-array key table against a reference Map: probing, backward-shift deletion, resizing with caller-owned
// words intact, the reverse-binary scan's guarantee across resizes, random sampling and clear.
import { expect } from 'chai';
import { prng } from '../testing/prng.js';
import { F_EXPIRE, KeyTable, SLOT_WORDS, W_CLOCK, W_HASH, W_HOT, W_META, W_OFF, W_SEG } from './key-table.js';

const rng = prng;

const EQUAL_POOL = [0x1234_5678, 0xdead_beef, 0x0000_0001, 0xffff_ffff, 0x8000_0000];

/** Random u32 hashes, many deliberately equal or sharing low bits, so clusters get long and wrap around the end. */
function hashSource(r: () => number, nasty = 0.6): () => number {
  return () => {
    const u = (r() * 4294967296) >>> 0;
    const pick = r() * nasty * 1.6;
    let h: number;
    if (pick >= nasty) h = u;
    else if (pick < 0.25 * nasty) h = EQUAL_POOL[u % EQUAL_POOL.length];
    else if (pick < 0.55 * nasty) h = (u | 0x3ff) >>> 0; // home is the table's last slot up to capacity 1024
    else if (pick < 0.85 * nasty) h = (u & ~0x3ff) >>> 0; // home 0 up to capacity 1024
    else h = ((u & ~0xf) | 0x7) >>> 0;
    return h === 0 ? 1 : h;
  };
}

/** The table plus the truth: each live key id with the 8 words its slot must hold (W_META holds the id). */
class Model {
  readonly t = new KeyTable();
  readonly live = new Map<number, Uint32Array>();
  readonly ids: number[] = [];
  private readonly pos = new Map<number, number>();
  private nextId = 1;
  constructor(private readonly r: () => number) {}

  find(id: number, hash: number): number {
    const t = this.t;
    for (let s = t.firstCandidate(hash); s !== -1; s = t.nextCandidate(hash, s)) {
      if (t.w[s * SLOT_WORDS + W_HASH] !== hash) expect.fail(`candidate slot ${s} does not hold hash ${hash}`);
      if (t.w[s * SLOT_WORDS + W_META] === id) return s;
    }
    return -1;
  }

  insert(hash: number): number {
    const id = this.nextId++;
    const t = this.t;
    const s = t.insert(hash);
    const base = s * SLOT_WORDS;
    for (let k = 1; k < SLOT_WORDS; k++) if (t.w[base + k] !== 0) expect.fail(`insert left word ${k} of slot ${s} set`);
    t.w[base + W_HOT] = id * 7;
    t.w[base + W_META] = id;
    t.w[base + W_CLOCK] = (this.r() * 4294967296) >>> 0;
    t.w[base + W_SEG] = (this.r() * 4294967296) >>> 0;
    t.w[base + W_OFF] = (this.r() * 4294967296) >>> 0;
    const special = [NaN, -0, Infinity, 1.7e12, Number.MIN_VALUE];
    t.f[s * 4 + F_EXPIRE] = this.r() < 0.5 ? special[id % special.length] : this.r() * 1e13;
    this.live.set(id, t.w.slice(base, base + SLOT_WORDS));
    this.pos.set(id, this.ids.length);
    this.ids.push(id);
    return id;
  }

  removeAt(index: number): void {
    const id = this.ids[index];
    const words = this.live.get(id)!;
    const s = this.find(id, words[W_HASH]);
    if (s === -1) expect.fail(`live key ${id} is not found before removal`);
    this.t.remove(s);
    this.live.delete(id);
    const moved = this.ids[this.ids.length - 1];
    this.ids[index] = moved;
    this.pos.set(moved, index);
    this.ids.pop();
    this.pos.delete(id);
  }

  removeId(id: number): void {
    this.removeAt(this.pos.get(id)!);
  }

  removeRandom(): void {
    this.removeAt(Math.floor(this.r() * this.ids.length));
  }

  verify(): void {
    const t = this.t;
    expect(t.size).to.equal(this.live.size);
    let occupied = 0;
    const mask = t.capacity - 1;
    for (let s = t.nextOccupied(0); s !== -1; s = t.nextOccupied(s + 1)) {
      occupied++;
      // Linear probing's invariant: every slot from a key's home to the key is occupied.
      for (let i = t.home(t.w[s * SLOT_WORDS]); i !== s; i = (i + 1) & mask) {
        if (t.w[i * SLOT_WORDS] === 0) expect.fail(`slot ${s} is cut off from its home by empty slot ${i}`);
      }
    }
    expect(occupied).to.equal(t.size);
    for (const [id, words] of this.live) {
      const s = this.find(id, words[W_HASH]);
      if (s === -1) expect.fail(`live key ${id} is not found`);
      const got = t.w.subarray(s * SLOT_WORDS, s * SLOT_WORDS + SLOT_WORDS);
      for (let k = 0; k < SLOT_WORDS; k++) {
        if (got[k] !== words[k]) expect.fail(`key ${id} word ${k}: ${got[k]} instead of ${words[k]}`);
      }
    }
  }
}

function scanIds(t: KeyTable, cursor: number, seen: Map<number, number>): number {
  const out: number[] = [];
  const next = t.scan(cursor, out);
  for (const s of out) {
    if (t.w[s * SLOT_WORDS] === 0) expect.fail(`scan reported empty slot ${s}`);
    const id = t.w[s * SLOT_WORDS + W_META];
    seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return next;
}

describe('engine: the key table', () => {
  it('agrees with a reference Map over 100k random inserts, lookups and removals while growing and shrinking', () => {
    const r = rng(42);
    const m = new Model(r);
    const nextHash = hashSource(r);
    let peak = 0;
    let lowAfterPeak = Infinity;
    for (let op = 0; op < 100_000; op++) {
      // Alternately mostly inserts (+5000 keys) and mostly removals (down to empty).
      const growing = Math.floor(op / 12_500) % 2 === 0;
      const pInsert = growing ? 0.6 : 0.15;
      const pRemove = growing ? 0.2 : 0.65;
      const x = r();
      if (x < pInsert || m.ids.length === 0) m.insert(nextHash());
      else if (x < pInsert + pRemove) m.removeRandom();
      else {
        const id = m.ids[Math.floor(r() * m.ids.length)];
        const hash = m.live.get(id)![W_HASH];
        expect(m.find(id, hash)).to.not.equal(-1);
        expect(m.find(0, hash), 'an absent key sharing a live hash is not found').to.equal(-1);
        if (op % 50 === 0) {
          const fresh = ((r() * 4294967296) >>> 0) | 0x400;
          const hasFresh = [...m.live.values()].some((w) => w[W_HASH] === fresh);
          if (!hasFresh) expect(m.t.firstCandidate(fresh), 'a hash never inserted is not found').to.equal(-1);
        }
      }
      peak = Math.max(peak, m.t.capacity);
      if (peak >= 8192) lowAfterPeak = Math.min(lowAfterPeak, m.t.capacity);
      if (op % 2500 === 0) m.verify();
    }
    m.verify();
    while (m.ids.length > 0) m.removeRandom();
    m.verify();
    expect(peak, 'the run must grow the table well past its start').to.be.at.least(8192);
    expect(m.t.capacity, 'emptied, the table shrinks back to 16').to.equal(16);
    expect(lowAfterPeak).to.be.at.most(1024);
  });

  it('keeps caller words and f64 bit for bit through backward shifts, growth and shrinking', () => {
    const m = new Model(rng(7));
    for (let i = 0; i < 10; i++) m.insert(0x100); // one home: a cluster of ten
    m.removeAt(0);
    m.removeAt(3);
    m.verify();
    for (let i = 0; i < 3000; i++) m.insert((0x9e3779b1 * (i + 1)) >>> 0 || 1);
    expect(m.t.capacity).to.equal(4096);
    m.verify();
    while (m.ids.length > 3) m.removeAt(m.ids.length - 1);
    expect(m.t.capacity).to.equal(16);
    m.verify();
  });

  it('wraps a cluster around the table end and shifts it back across the end on removal', () => {
    const t = new KeyTable(16);
    const last = 0xabc0_000f; // home 15
    const slots = [t.insert(last), t.insert(last + 0x10), t.insert(last + 0x20)];
    expect(slots).to.deep.equal([15, 0, 1]);
    const zeroHome = t.insert(0xabc0_0010); // home 0: probes past the wrapped keys to slot 2
    expect(zeroHome).to.equal(2);
    for (const s of [15, 0, 1, 2]) t.w[s * SLOT_WORDS + W_META] = s === 15 ? 99 : s + 100;
    t.remove(15);
    expect(t.w[15 * SLOT_WORDS + W_META], 'slot 0 moved back across the end').to.equal(100);
    expect(t.w[0 * SLOT_WORDS + W_META]).to.equal(101);
    expect(t.w[1 * SLOT_WORDS + W_META], 'home-0 key moves to slot 1 only').to.equal(102);
    expect(t.w[2 * SLOT_WORDS + W_HASH]).to.equal(0);
    expect(t.firstCandidate(0xabc0_0010)).to.equal(1);
    expect(t.firstCandidate(last)).to.equal(-1);
    expect(t.size).to.equal(3);
  });

  it('scan reports every key exactly once in capacity steps when nothing changes', () => {
    const m = new Model(rng(3));
    const nextHash = hashSource(rng(4));
    for (let i = 0; i < 700; i++) m.insert(nextHash());
    const seen = new Map<number, number>();
    let cursor = 0;
    let steps = 0;
    do {
      cursor = scanIds(m.t, cursor, seen);
      steps++;
    } while (cursor !== 0 && steps < 100_000);
    expect(steps).to.equal(m.t.capacity);
    expect(seen.size).to.equal(700);
    for (const [id, n] of seen) if (n !== 1) expect.fail(`key ${id} reported ${n} times`);
  });

  it('slotsFrom walks every occupied slot once in slot order, and layout changes only when slots all move', () => {
    const m = new Model(rng(7));
    const nextHash = hashSource(rng(8));
    for (let i = 0; i < 500; i++) m.insert(nextHash());
    const layout = m.t.layout;
    const slots: number[] = [];
    for (let pos = 0; pos !== -1; ) pos = m.t.slotsFrom(pos, 37, slots);
    expect(slots).to.deep.equal([...slots].sort((a, b) => a - b));
    expect(new Set(slots.map((s) => m.t.w[s * SLOT_WORDS + W_META])).size, 'distinct keys walked').to.equal(500);
    m.removeAt(0);
    expect(m.t.layout, 'a removal shifts a run, it does not move every slot').to.equal(layout);
    for (let i = 0; i < 500; i++) m.insert(nextHash());
    expect(m.t.layout, 'growing rebuilt the table').to.be.greaterThan(layout);
    m.verify();
  });

  for (const first of [1, 5, 9, 13, 17]) {
    const seeds = [first, first + 1, first + 2, first + 3];
    it(`scan (seeds ${first}-${first + 3}) reports every key present throughout while the table grows 16→4096 and shrinks back to 16`, () => {
      for (const seed of seeds) walkThroughResizes(seed);
    });
  }

  for (const seed of [31, 32, 33]) {
    it(`scan (seed ${seed}) reports all 400 keys present throughout a walk with random churn and resizes`, () => {
      const r = rng(seed);
      const m = new Model(r);
      const nextHash = hashSource(r);
      const stable: number[] = [];
      for (let i = 0; i < 400; i++) stable.push(m.insert(nextHash()));
      const churn = new Set<number>();
      const seen = new Map<number, number>();
      const caps = new Set<number>();
      let cursor = 0;
      let steps = 0;
      let growing = true;
      do {
        cursor = scanIds(m.t, cursor, seen);
        // Swing between 0 and 2000 churn keys: the capacity moves between 1024 and 4096.
        if (churn.size >= 2000) growing = false;
        if (churn.size === 0) growing = true;
        const n = Math.floor(r() * 80);
        for (let i = 0; i < n; i++) {
          if (growing || churn.size === 0) churn.add(m.insert(nextHash()));
          else removeChurn(m, churn, r);
        }
        caps.add(m.t.capacity);
        steps++;
      } while (cursor !== 0 && steps < 200_000);
      expect(cursor).to.equal(0);
      expect(caps.size, 'the walk saw several capacities').to.be.at.least(3);
      for (const id of stable) if (!seen.has(id)) expect.fail(`stable key ${id} never reported`);
      m.verify();
    });
  }

  it('scan over an empty table returns 0 whatever the cursor', () => {
    const t = new KeyTable();
    const out: number[] = [];
    for (const c of [0, 1, 8, 12345, 0xffffffff]) expect(t.scan(c, out)).to.equal(0);
    expect(out).to.deep.equal([]);
  });

  it('randomSlot returns only occupied slots, every one about equally often, and -1 when empty', () => {
    const t = new KeyTable();
    expect(t.randomSlot()).to.equal(-1);
    const hashes = [3, 4, 5, 17, 33, 40, 0xfff0, 0xffff];
    for (const h of hashes) t.insert(h);
    const r = rng(9);
    const counts = new Map<number, number>();
    for (let i = 0; i < 16_000; i++) {
      const s = t.randomSlot(r);
      expect(t.w[s * SLOT_WORDS]).to.not.equal(0);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.size).to.equal(8);
    for (const n of counts.values()) expect(n).to.be.within(1700, 2300);
    const lone = new KeyTable();
    const s = lone.insert(5);
    expect(lone.randomSlot(() => 0), 'falls back to a walk when sampling keeps missing').to.equal(s);
  });

  it('clear empties the table and returns it to 16 slots', () => {
    const t = new KeyTable(1000);
    expect(t.capacity).to.equal(1024);
    for (let h = 1; h <= 600; h++) t.insert(h * 2654435761);
    t.clear();
    expect(t.size).to.equal(0);
    expect(t.capacity).to.equal(16);
    expect(t.bytes()).to.equal(16 * 32);
    expect(t.nextOccupied(0)).to.equal(-1);
    expect(t.firstCandidate(2654435761)).to.equal(-1);
    expect(t.w.length).to.equal(16 * SLOT_WORDS);
    expect(t.f.length).to.equal(16 * 4);
    expect(t.insert(7)).to.equal(7);
  });

  it('grows before an insert would pass 3/4 load, refuses hash 0 and removal of an empty slot', () => {
    const t = new KeyTable();
    for (let h = 1; h <= 12; h++) t.insert(h);
    expect(t.capacity).to.equal(16);
    t.insert(13);
    expect(t.capacity).to.equal(32);
    expect(t.bytes()).to.equal(32 * 32);
    expect(() => t.insert(0)).to.throw(RangeError);
    expect(() => t.remove(t.capacity - 1)).to.throw(RangeError);
  });
});

function removeChurn(m: Model, churn: Set<number>, r: () => number): void {
  if (churn.size === 0) return;
  const id = m.ids[Math.floor(r() * m.ids.length)];
  const pick = churn.has(id) ? id : churn.values().next().value!;
  churn.delete(pick);
  m.removeId(pick);
}

/** One scan walk from a 16-slot table with 3 stable keys: churn grows it to 4096, then shrinks it back to 16. */
function walkThroughResizes(seed: number): void {
  const r = rng(seed);
  const m = new Model(r);
  const nextHash = hashSource(r);
  const stable = [m.insert(nextHash()), m.insert(nextHash()), m.insert(nextHash())];
  const churn = new Set<number>();
  const seen = new Map<number, number>();
  let cursor = 0;
  let phase: 'grow' | 'shrink' | 'tail' = 'grow';
  let peak = 16;
  let lowAfterPeak = Infinity;
  let steps = 0;
  expect(m.t.capacity).to.equal(16);
  do {
    cursor = scanIds(m.t, cursor, seen);
    if (phase === 'grow') {
      for (let i = 0; i < 250; i++) churn.add(m.insert(nextHash()));
      for (let i = 0; i < 20; i++) removeChurn(m, churn, r);
      if (m.t.capacity >= 4096) phase = 'shrink';
    } else if (phase === 'shrink') {
      for (let i = 0; i < 90 && churn.size > 0; i++) removeChurn(m, churn, r);
      for (let i = 0; i < 5; i++) churn.add(m.insert(nextHash()));
      if (churn.size <= 5) phase = 'tail';
    } else {
      while (churn.size > 0) removeChurn(m, churn, r);
      if (r() < 0.5) churn.add(m.insert(nextHash()));
      else if (r() < 0.5) for (let i = 0; i < 40; i++) churn.add(m.insert(nextHash()));
    }
    peak = Math.max(peak, m.t.capacity);
    if (peak >= 4096) lowAfterPeak = Math.min(lowAfterPeak, m.t.capacity);
    steps++;
  } while (cursor !== 0 && steps < 200_000);
  expect(cursor, 'the walk completes').to.equal(0);
  expect(peak).to.equal(4096);
  expect(lowAfterPeak).to.equal(16);
  for (const id of stable) expect(seen.has(id), `stable key ${id} reported`).to.equal(true);
  m.verify();
}
