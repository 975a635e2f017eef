// Differential: the HyperLogLog commands (hyperloglog.c) against redis-server 7.0, byte for byte — estimates, the
// stored sparse and dense strings (GET), the cached cardinality, promotion to dense, PFMERGE, values written
// by SET, corrupt and foreign strings, and a seeded random run.
import { differential, type Pair } from './harness.js';
import { prng } from '../server/testing/prng.js';

/** Makes `key` a list on both servers: a key of another type for the WRONGTYPE tests. */
async function makeNonString(pair: Pair, key: string): Promise<void> {
  await pair.cmd('LPUSH', key, 'x');
}

/** Adds `n` distinct elements named `${prefix}${i}` in batches of 500. */
async function addMany(pair: Pair, key: string, prefix: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 500) {
    const batch: string[] = [];
    for (let j = i; j < Math.min(n, i + 500); j++) batch.push(prefix + j);
    await pair.cmd('PFADD', key, ...batch);
  }
}

describe('compat: hyperloglog commands', () => {
  const d = differential();

  it('PFADD creates a sparse HLL, answers whether a register changed, and stores the same bytes', async () => {
    await d.pair.cmd('PFADD', 'h');
    await d.pair.cmd('GET', 'h');
    await d.pair.cmd('PFADD', 'h');
    await d.pair.cmd('PFADD', 'h', 'a', 'b', 'c');
    await d.pair.cmd('PFADD', 'h', 'a', 'b', 'c');
    await d.pair.cmd('GET', 'h');
    await d.pair.cmd('PFADD', 'h', '', 'x'.repeat(100), Buffer.from([0, 255, 13, 10]));
    await d.pair.cmd('GET', 'h');
    await d.pair.cmd('OBJECT', 'ENCODING', 'h');
    await d.pair.cmd('STRLEN', 'h');
  });

  it('PFCOUNT estimates like Redis and caches the estimate in the value', async () => {
    await d.pair.cmd('PFCOUNT', 'missing');
    await d.pair.cmd('PFADD', 'h', 'a', 'b', 'c', 'd');
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('GET', 'h');
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('PFADD', 'h', 'a');
    await d.pair.cmd('GET', 'h');
    await d.pair.cmd('PFADD', 'h', 'zz');
    await d.pair.cmd('GET', 'h');
  });

  it('PFADD turns the HLL dense past hll-sparse-max-bytes with the same bytes and estimates', async function () {
    this.timeout(20000);
    await addMany(d.pair, 'h', 'e', 1500);
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('STRLEN', 'h');
    await addMany(d.pair, 'h', 'f', 3000);
    await d.pair.cmd('STRLEN', 'h');
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('GET', 'h');
    await addMany(d.pair, 'h', 'g', 20000);
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('GET', 'h');
  });

  it('PFCOUNT of several keys estimates their union without storing it', async function () {
    this.timeout(20000);
    await d.pair.cmd('PFADD', 'a', 'x', 'y', 'z');
    await d.pair.cmd('PFADD', 'b', 'z', 'w');
    await d.pair.cmd('PFCOUNT', 'a', 'b');
    await d.pair.cmd('PFCOUNT', 'a', 'b', 'missing');
    await d.pair.cmd('PFCOUNT', 'missing', 'other');
    await addMany(d.pair, 'big', 'm', 4000);
    await d.pair.cmd('PFCOUNT', 'a', 'big', 'b');
    await d.pair.cmd('GET', 'a');
    await d.pair.cmd('GET', 'big');
  });

  it('PFMERGE stores the union, sparse while every input is sparse and dense otherwise', async function () {
    this.timeout(20000);
    await d.pair.cmd('PFADD', 'a', 'x', 'y', 'z');
    await d.pair.cmd('PFADD', 'b', 'z', 'w', 'v');
    await d.pair.cmd('PFMERGE', 'm', 'a', 'b');
    await d.pair.cmd('GET', 'm');
    await d.pair.cmd('PFCOUNT', 'm');
    await d.pair.cmd('PFMERGE', 'a', 'b');
    await d.pair.cmd('GET', 'a');
    await d.pair.cmd('PFMERGE', 'empty');
    await d.pair.cmd('GET', 'empty');
    await d.pair.cmd('PFMERGE', 'n', 'missing');
    await d.pair.cmd('GET', 'n');
    await addMany(d.pair, 'big', 'm', 3000);
    await d.pair.cmd('PFMERGE', 'a', 'big');
    await d.pair.cmd('GET', 'a');
    await d.pair.cmd('PFCOUNT', 'a');
    await addMany(d.pair, 's1', 'p', 600);
    await addMany(d.pair, 's2', 'q', 600);
    await d.pair.cmd('PFMERGE', 'u', 's1', 's2');
    await d.pair.cmd('GET', 'u');
  });

  it('PFADD and PFMERGE keep the deadline; PFADD and PFCOUNT leave the string raw', async () => {
    await d.pair.cmd('PFADD', 'h', 'a');
    await d.pair.cmd('EXPIRE', 'h', '1000');
    await d.pair.cmd('PFADD', 'h', 'b');
    await d.pair.cmd('PFMERGE', 'h', 'h');
    await d.pair.cmd('TTL', 'h');
    const sparse = await d.pair.redis.call('GET', 'h');
    const value = sparse.subarray(sparse.indexOf(10) + 1, sparse.length - 2);
    await d.pair.cmd('SET', 's', value);
    await d.pair.cmd('OBJECT', 'ENCODING', 's');
    await d.pair.cmd('PFCOUNT', 's');
    await d.pair.cmd('OBJECT', 'ENCODING', 's');
    await d.pair.cmd('SET', 't', value);
    await d.pair.cmd('PFADD', 't', 'a');
    await d.pair.cmd('OBJECT', 'ENCODING', 't');
  });

  it('HLL strings written by SET interoperate with PFADD, PFCOUNT and PFMERGE', async function () {
    this.timeout(20000);
    await addMany(d.pair, 'dense', 'd', 5000);
    const reply = await d.pair.redis.call('GET', 'dense');
    const value = reply.subarray(reply.indexOf(10) + 1, reply.length - 2);
    await d.pair.cmd('SET', 'copy', value);
    await d.pair.cmd('PFCOUNT', 'copy');
    await d.pair.cmd('PFADD', 'copy', 'new1', 'new2', 'new3');
    await d.pair.cmd('PFCOUNT', 'copy');
    await d.pair.cmd('PFCOUNT', 'copy', 'dense');
    await d.pair.cmd('PFMERGE', 'copy', 'dense');
    await d.pair.cmd('GET', 'copy');
    // A stale cache flag with a made-up cached value: PFCOUNT recomputes; a valid one is believed as is.
    const stale = Buffer.from(value);
    stale[8] = 7;
    stale[15] = 0;
    await d.pair.cmd('SET', 'trusted', stale);
    await d.pair.cmd('PFCOUNT', 'trusted');
    stale[15] = 0x80;
    await d.pair.cmd('SET', 'stale', stale);
    await d.pair.cmd('PFCOUNT', 'stale');
    await d.pair.cmd('GET', 'stale');
  });

  it('a string that is not an HLL is refused with the HyperLogLog WRONGTYPE error', async () => {
    const header = Buffer.from('HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80', 'latin1');
    const values: Buffer[] = [
      Buffer.from('foo'), Buffer.from('12345678901234567'), Buffer.from('HYLL'), Buffer.from('HYLX\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff', 'latin1'),
      Buffer.from('HYLL\x02\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff', 'latin1'), Buffer.from('HYLL\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80\x7f\xff', 'latin1'),
      Buffer.concat([header.subarray(0, 15), Buffer.from([0])]),
    ];
    for (const v of values) {
      await d.pair.cmd('SET', 'k', v);
      await d.pair.cmd('PFADD', 'k', 'a');
      await d.pair.cmd('PFCOUNT', 'k');
      await d.pair.cmd('PFCOUNT', 'k', 'other');
      await d.pair.cmd('PFMERGE', 'd', 'k');
      await d.pair.cmd('PFMERGE', 'k');
    }
    await d.pair.cmd('SET', 'n', '1234567890123456');
    await d.pair.cmd('PFCOUNT', 'n');
    await d.pair.cmd('EXISTS', 'd');
  });

  it('a corrupt sparse HLL answers INVALIDOBJ where Redis detects it', async () => {
    const hdr = 'HYLL\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x80';
    const bodies = [
      '\x7f\xfe', '\x7f\xff\x80', '\x7f\xff\x80\x0a', '\x7f\xfe\x80\x80', '\x40\x00', '\x84\x7f\xfe', '\x7f\xff\x7f\xff', '', '\x3f',
      '\xfc\x7f\xfa', '\x7f\xfb\xfc\xfc', '\x7f\xff\x00',
    ];
    for (const body of bodies) {
      const v = Buffer.from(hdr + body, 'latin1');
      await d.pair.cmd('SET', 'k', v);
      await d.pair.cmd('PFCOUNT', 'k');
      await d.pair.cmd('PFCOUNT', 'k', 'k');
      await d.pair.cmd('PFMERGE', 'd', 'k');
      await d.pair.cmd('PFADD', 'k', 'a', 'b', 'c');
      await d.pair.cmd('GET', 'k');
    }
  });

  it('the HyperLogLog commands fail against a key holding another type', async function () {
    await makeNonString(d.pair, 'c');
    await d.pair.cmd('PFADD', 'c', 'a');
    await d.pair.cmd('PFCOUNT', 'c');
    await d.pair.cmd('PFCOUNT', 'c', 'x');
    await d.pair.cmd('PFMERGE', 'c', 'x');
    await d.pair.cmd('PFMERGE', 'x', 'c');
    await d.pair.cmd('EXISTS', 'x');
  });

  it('the HyperLogLog replies are the same in RESP3', async () => {
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('PFADD', 'h', 'a');
    await d.pair.cmd('PFCOUNT', 'h');
    await d.pair.cmd('PFMERGE', 'g', 'h');
    await d.pair.cmd('SET', 'k', 'x');
    await d.pair.cmd('PFCOUNT', 'k');
  });

  it('a seeded random run of HyperLogLog commands gets the same replies and values', async function () {
    this.timeout(20000);
    const rnd = prng(77);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const keys = ['a', 'b', 'c', 'd'];
    const element = (): string => 'e' + Math.floor(rnd() * 3000);
    for (let i = 0; i < 2000; i++) {
      const r = rnd();
      if (r < 0.55) {
        const els: string[] = [];
        for (let j = 0, n = Math.floor(rnd() * 20); j < n; j++) els.push(element());
        await d.pair.cmd('PFADD', pick(keys), ...els);
      } else if (r < 0.75) await d.pair.cmd('PFCOUNT', pick(keys));
      else if (r < 0.85) await d.pair.cmd('PFCOUNT', pick(keys), pick(keys), pick(keys));
      else if (r < 0.92) await d.pair.cmd('PFMERGE', pick(keys), pick(keys), pick(keys));
      else await d.pair.cmd('GET', pick(keys));
    }
    for (const k of keys) await d.pair.cmd('GET', k);
  });
});
