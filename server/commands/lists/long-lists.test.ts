// Differential (against redis-server 7.0, byte for byte): lists long enough to span many of faha's packed nodes
// (list/chunk.ts), with elements from empty to larger than a node, read and edited across node boundaries.
import { differential, type Pair } from '../../../compat-tests/harness.js';
import { prng } from '../../testing/prng.js';

/** Elements mostly short, some empty, some of a few hundred bytes, a few larger than a node (8 KiB). */
function elements(rnd: () => number, n: number, tag: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const len = r < 0.02 ? 0 : r < 0.03 ? 9000 + Math.floor(rnd() * 3000) : r < 0.1 ? 200 + Math.floor(rnd() * 300) : 1 + Math.floor(rnd() * 10);
    out.push(`${tag}${i}:`.padEnd(len, 'abcdefgh'[i % 8]).slice(0, Math.max(len, 0)));
  }
  return out;
}

/** Pushes 6000 elements in batches at both ends, so the list has head-grown and tail-grown nodes. */
async function fill(p: Pair, key: string, rnd: () => number): Promise<void> {
  for (let batch = 0; batch < 12; batch++) {
    await p.cmd(batch % 3 === 0 ? 'LPUSH' : 'RPUSH', key, ...elements(rnd, 500, `b${batch}-`));
  }
}

describe('lists spanning many nodes, against redis-server', () => {
  const d = differential();

  it('LRANGE, LINDEX and LPOS read the same elements across node boundaries', async function () {
    this.timeout(20000);
    const rnd = prng(41);
    await fill(d.pair, 'big', rnd);
    await d.pair.cmd('LLEN', 'big');
    await d.pair.cmd('LRANGE', 'big', '0', '-1');
    for (let t = 0; t < 60; t++) {
      const start = Math.floor(rnd() * 6200) - 100;
      await d.pair.cmd('LRANGE', 'big', String(start), String(start + Math.floor(rnd() * 400)));
      await d.pair.cmd('LRANGE', 'big', String(-start), '-1');
      await d.pair.cmd('LINDEX', 'big', String(Math.floor(rnd() * 12000) - 6000));
    }
    await d.pair.cmd('LPOS', 'big', 'b4-7:', 'COUNT', '0');
    await d.pair.cmd('LPOS', 'big', '', 'COUNT', '0', 'RANK', '-1');
  });

  it('LSET, LINSERT, LREM, LTRIM and pops in the middle of a long list leave the same list', async function () {
    this.timeout(20000);
    const rnd = prng(42);
    await fill(d.pair, 'big', rnd);
    for (let t = 0; t < 40; t++) {
      const i = String(Math.floor(rnd() * 5000));
      await d.pair.cmd('LSET', 'big', i, t % 5 === 0 ? 'n'.repeat(9000) : `set${t}`);
      await d.pair.cmd('LINSERT', 'big', t % 2 === 0 ? 'BEFORE' : 'AFTER', `b${t % 12}-${t * 7}:`, `ins${t}`);
    }
    await d.pair.cmd('LREM', 'big', '3', '');
    await d.pair.cmd('LREM', 'big', '-2', '');
    await d.pair.cmd('LPOP', 'big', '700');
    await d.pair.cmd('RPOP', 'big', '650');
    await d.pair.cmd('LTRIM', 'big', '333', '-444');
    await d.pair.cmd('RPOPLPUSH', 'big', 'big');
    await d.pair.cmd('LMOVE', 'big', 'big', 'LEFT', 'RIGHT');
    await d.pair.cmd('LRANGE', 'big', '0', '-1');
    for (let t = 0; t < 200; t++) await d.pair.cmd(t % 2 === 0 ? 'LPOP' : 'RPOP', 'big');
    await d.pair.cmd('LRANGE', 'big', '0', '-1');
  });

  it('a queue (LPUSH in, RPOP out) many nodes long keeps its order', async function () {
    this.timeout(20000);
    const rnd = prng(43);
    for (let round = 0; round < 20; round++) {
      await d.pair.cmd('LPUSH', 'q', ...elements(rnd, 300, `r${round}-`));
      await d.pair.cmd('RPOP', 'q', '250');
      await d.pair.cmd('LINDEX', 'q', '-1');
    }
    await d.pair.cmd('LRANGE', 'q', '0', '-1');
  });
});
