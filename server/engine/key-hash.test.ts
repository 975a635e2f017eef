// The key hash: one value per byte sequence whether it comes as a latin1 string or as record bytes, never 0, and
// well spread in the low bits the key table uses as home bucket.
import { expect } from 'chai';
import { hashBytes, hashString, ZERO_HASH_STANDIN } from './key-hash.js';

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

describe('engine: the key hash', () => {
  it('is MurmurHash3 x86_32 with seed 0 on its published test vectors', () => {
    expect(hashString('test')).to.equal(0xba6bd213);
    expect(hashString('Hello, world!')).to.equal(0xc0363e43);
    expect(hashString('The quick brown fox jumps over the lazy dog')).to.equal(0x2e4ff723);
  });

  it('gives the same value for a string and its bytes, for every byte value and every tail length', () => {
    for (let b = 0; b < 256; b++) {
      const one = Uint8Array.of(b);
      expect(hashBytes(one, 0, 1), `byte ${b}`).to.equal(hashString(String.fromCharCode(b)));
    }
    const all = new Uint8Array(256);
    for (let b = 0; b < 256; b++) all[b] = 255 - b;
    for (let n = 0; n <= 256; n++) {
      expect(hashBytes(all, 0, n), `length ${n}`).to.equal(hashString(latin1(all.subarray(0, n))));
    }
  });

  it('hashes only the requested sub-range of a buffer', () => {
    const buf = Buffer.from('xxxxmy:key:0042yyyy', 'latin1');
    const h = hashBytes(buf, 4, 15);
    expect(h).to.equal(hashString('my:key:0042'));
    buf[3] = 0x41;
    buf[15] = 0x42;
    expect(hashBytes(buf, 4, 15), 'bytes outside the range must not count').to.equal(h);
    buf[14] = 0x33;
    expect(hashBytes(buf, 4, 15), 'the last byte inside the range must count').to.not.equal(h);
    for (let start = 0; start < 8; start++) {
      for (let end = start; end <= buf.length; end++) {
        expect(hashBytes(buf, start, end)).to.equal(hashString(latin1(buf.subarray(start, end))));
      }
    }
  });

  it('is never 0: the empty key, whose raw MurmurHash3 is 0, maps to the fixed stand-in', () => {
    expect(hashString('')).to.equal(ZERO_HASH_STANDIN);
    expect(hashBytes(new Uint8Array(4), 2, 2)).to.equal(ZERO_HASH_STANDIN);
    for (let i = 0; i < 200_000; i++) {
      const h = hashString(`k${i}`);
      if (h === 0 || h < 0 || h > 0xffffffff || !Number.isInteger(h)) expect.fail(`hash of k${i} is ${h}`);
    }
  });

  it('spreads 1M keys "key:%012d" over 2^20 buckets by low bits like a random function', () => {
    const buckets = 1 << 20;
    const load = new Uint8Array(buckets);
    for (let i = 0; i < buckets; i++) {
      const key = 'key:' + String(i).padStart(12, '0');
      load[hashString(key) & (buckets - 1)]++;
    }
    let empty = 0;
    let max = 0;
    for (let b = 0; b < buckets; b++) {
      if (load[b] === 0) empty++;
      if (load[b] > max) max = load[b];
    }
    // A random function leaves e^-1 = 36.8% of buckets empty (sd ~0.05%) and a max load of about 9.
    expect(empty / buckets).to.be.within(0.364, 0.372);
    expect(max).to.be.at.most(12);
  });

  it('spreads keys differing only in their first byte over the low bits too', () => {
    const buckets = 1 << 8;
    const load = new Uint32Array(buckets);
    for (let i = 0; i < 256 * 64; i++) {
      load[hashString(String.fromCharCode(i & 0xff) + ':suffix:' + String.fromCharCode(i >> 8)) & (buckets - 1)]++;
    }
    expect(Math.max(...load)).to.be.below(128);
    expect(Math.min(...load)).to.be.above(24);
  });
});
