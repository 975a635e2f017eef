// Unit tests of the byte-key index: it maps keys to positions as a reference Map does through growth, shrinking,
// removals inside probe runs and overflow-arena rewrites, with the caller's slot words moving with their keys.
import { expect } from 'chai';
import { ByteKeyIndex, hashBytes, hashString, INLINE } from './byte-key-index.js';
import { prng } from '../testing/prng.js';

/** Keys of every kind the index stores differently: empty, inline up to INLINE bytes, longer (arena), high bytes. */
function key(n: number): string {
  switch (n % 4) {
    case 0:
      return `k${n}`;
    case 1:
      return `${n}:`.padEnd(INLINE, 'i');
    case 2:
      return `long ${n} `.padEnd(INLINE + 1 + (n % 50), 'L');
    default:
      return n === 3 ? '' : `\u00ff\u0080${n}`;
  }
}

describe('byte key index', () => {
  it('hashes a latin1 string and its bytes alike, the bytes also when they lie inside a larger buffer', () => {
    for (const s of ['', 'a', 'element:000000012345', '\u00ff\u0000\u0080x', 'L'.repeat(300)]) {
      expect(hashString(s), JSON.stringify(s)).to.equal(hashBytes(Buffer.from(s, 'latin1'), 0, s.length));
      expect(hashString(s), JSON.stringify(s)).to.equal(hashBytes(Buffer.from(`<${s}>`, 'latin1'), 1, s.length));
    }
  });

  it('answers as a reference Map does, keeping each position and its words, through growth, shrinking and emptying', () => {
    const rnd = prng(19);
    const t = new ByteKeyIndex(2);
    const ref = new Map<string, number>();
    let nextPos = 0;
    for (let round = 0; round < 6; round++) {
      const target = round === 2 ? 0 : 10 + Math.floor(rnd() * 3000);
      for (let i = 0; i < 20000; i++) {
        const k = key(Math.floor(rnd() * 5000));
        // The key inside a larger buffer, given by place: bytes on either side must not count.
        const bytes = Buffer.from(`\u0000${k}\u00ff`, 'latin1');
        const h = hashString(k);
        const j = rnd() < 0.5 ? t.find(bytes, 1, k.length, h) : t.findString(k, h);
        expect(j >= 0, `present ${k}`).to.equal(ref.has(k));
        if (ref.size < target ? rnd() < 0.8 : rnd() < 0.2) {
          if (j >= 0) continue;
          const pos = nextPos++;
          const slot = rnd() < 0.5 ? t.add(bytes, 1, k.length, h, pos) : t.addString(k, h, pos);
          // The caller's words: something derived from the position, to check that they travel with the key.
          t.setExtra(slot, 0, pos * 3);
          t.setExtra(slot, 1, -pos);
          ref.set(k, pos);
        } else if (j >= 0) {
          t.removeAt(j);
          ref.delete(k);
          if (ref.size === 0) nextPos = 0;
        }
      }
      expect(t.size).to.equal(ref.size);
      for (const [k, pos] of ref) {
        const j = t.find(Buffer.from(k, 'latin1'), 0, k.length, hashString(k));
        expect(t.position(j), k).to.equal(pos);
        expect(t.slotAt(pos)).to.equal(j);
        expect([t.holds(pos), t.keyAt(pos), t.extra(j, 0), t.extra(j, 1)]).to.deep.equal([true, k, pos * 3, -pos]);
      }
    }
  });

  it('keeps long keys readable after most of them are removed and the arena is rewritten', () => {
    const t = new ByteKeyIndex();
    const keys = Array.from({ length: 2000 }, (_, i) => `a key long enough for the arena ${i}`);
    keys.forEach((k, i) => t.addString(k, hashString(k), i));
    for (let i = 0; i < keys.length; i++) if (i % 10 !== 0) t.removeAt(t.findString(keys[i], hashString(keys[i])));
    for (let i = 0; i < keys.length; i++) {
      expect([t.holds(i), t.keyAt(i)], keys[i]).to.deep.equal(i % 10 === 0 ? [true, keys[i]] : [false, undefined]);
    }
  });

  it('a clone is independent of the original', () => {
    const t = new ByteKeyIndex(1);
    for (let i = 0; i < 100; i++) t.setExtra(t.addString(key(i), hashString(key(i)), i), 0, i);
    const c = t.clone();
    t.removeAt(t.findString(key(1), hashString(key(1))));
    c.setExtra(c.addString('new', hashString('new'), 100), 0, 7);
    expect([t.holds(1), c.holds(1), t.holds(100), c.keyAt(100), c.extra(c.slotAt(100), 0), t.size, c.size]).to.deep.equal([
      false,
      true,
      false,
      'new',
      7,
      99,
      101,
    ]);
  });
});
