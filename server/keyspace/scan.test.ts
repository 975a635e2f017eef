// Unit tests of the slot-table walks behind SCAN and RANDOMKEY.
import { expect } from 'chai';
import { Entry } from '../engine/entry.js';
import { KeyIndex } from '../engine/key-index.js';
import { randomSlotKey, scanSlots } from './scan.js';

function entry(): Entry {
  return new Entry(0, 0, 0, 0, 0, 0, null);
}

function indexWith(keys: string[]): KeyIndex {
  const idx = new KeyIndex();
  for (const k of keys) idx.set(k, entry());
  return idx;
}

function fullScan(idx: KeyIndex, count: number, between: (step: number) => void = () => {}): string[] {
  const seen: string[] = [];
  let cursor = 0;
  let steps = 0;
  do {
    const r = scanSlots(idx, cursor, count);
    seen.push(...r.keys);
    cursor = r.cursor;
    between(steps++);
  } while (cursor !== 0);
  return seen;
}

/** A small deterministic generator, so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('scan: scanSlots', () => {
  it('returns every key exactly once over a full scan of a stable table', () => {
    const keys = Array.from({ length: 95 }, (_, i) => `k${i}`);
    const seen = fullScan(indexWith(keys), 10);
    expect(seen.slice().sort()).to.deep.equal(keys.slice().sort());
  });

  it('collects COUNT keys per step from a dense table', () => {
    const idx = indexWith(Array.from({ length: 50 }, (_, i) => `k${i}`));
    const r = scanSlots(idx, 0, 10);
    expect(r.keys).to.have.length(10);
    expect(r.cursor).to.equal(10);
  });

  it('bounds the slots one step visits to about ten times COUNT in a sparse table', () => {
    const idx = indexWith(Array.from({ length: 200 }, (_, i) => `k${i}`));
    for (let i = 0; i < 199; i++) idx.delete(`k${i}`);
    const r = scanSlots(idx, 0, 2);
    expect(r.keys).to.deep.equal([]);
    expect(r.cursor).to.equal(21);
    expect(fullScan(idx, 2)).to.deep.equal(['k199']);
  });

  it('ends at once for an empty table or a cursor past the last slot', () => {
    expect(scanSlots(new KeyIndex(), 0, 10)).to.deep.equal({ cursor: 0, keys: [] });
    expect(scanSlots(indexWith(['a', 'b']), 5, 10)).to.deep.equal({ cursor: 0, keys: [] });
    expect(scanSlots(indexWith(['a', 'b']), Infinity, 10)).to.deep.equal({ cursor: 0, keys: [] });
  });

  it('returns every key present for the whole scan while others come and go', () => {
    const rand = lcg(42);
    const stable = Array.from({ length: 300 }, (_, i) => `stable${i}`);
    const idx = new KeyIndex();
    const live: string[] = [];
    let made = 0;
    for (const k of stable) {
      idx.set(k, entry());
      live.push(`churn${made++}`);
      idx.set(live[live.length - 1], entry());
    }
    let steps = 0;
    const seen = new Set(
      fullScan(idx, 7, () => {
        steps++;
        // Replace some transient keys: freed slots get reused, possibly behind the cursor.
        for (let i = 0; i < 20; i++) {
          const at = Math.floor(rand() * live.length);
          idx.delete(live[at]);
          live[at] = `churn${made++}`;
          idx.set(live[at], entry());
        }
      }),
    );
    expect(steps).to.be.above(50);
    for (const k of stable) expect(seen.has(k), k).to.equal(true);
  });
});

describe('scan: randomSlotKey', () => {
  it('returns undefined for an empty table', () => {
    expect(randomSlotKey(new KeyIndex())).to.equal(undefined);
  });

  it('draws every key of a small table', () => {
    const idx = indexWith(['a', 'b', 'c', 'd']);
    const rand = lcg(7);
    const drawn = new Set<string>();
    for (let i = 0; i < 200; i++) drawn.add(randomSlotKey(idx, rand)!);
    expect([...drawn].sort()).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('finds the one live key of a very sparse table without looping forever', () => {
    const idx = indexWith(Array.from({ length: 5000 }, (_, i) => `k${i}`));
    for (let i = 1; i < 5000; i++) idx.delete(`k${i}`);
    idx.set('z', entry());
    idx.delete('k0');
    const rand = lcg(3);
    expect(randomSlotKey(idx, rand)).to.equal('z');
    const idx2 = indexWith(Array.from({ length: 5000 }, (_, i) => `k${i}`));
    for (let i = 0; i < 4999; i++) idx2.delete(`k${i}`);
    expect(randomSlotKey(idx2, () => 0)).to.equal('k4999');
  });
});
