// Micro-benchmark of the sorted-set object alone (no server, no log): ZADD's insert and rescore, ZRANK, a
// ZRANGE-like rank seek plus a 10-member walk, and loading a set from its members in order (as an IMAGE loads),
// on sets of 100k and 1M members named as redis-benchmark names them. Usage: node .build/<dir>/scripts/zset-micro.js
// [runs]. Prints the median ns per operation.
import { ZSet, type AddResult } from '../server/keyspace/zset/index.js';
import { NIL } from '../server/keyspace/zset/score-tree.js';

const FLAGS = { incr: false, nx: false, xx: false, gt: false, lt: false };

function members(n: number): string[] {
  return Array.from({ length: n }, (_, i) => 'element:' + String(i).padStart(12, '0'));
}

function shuffled<T>(a: T[]): T[] {
  const out = a.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** ns per call of `f` over `count` calls. */
function time(count: number, f: (i: number) => void): number {
  const t = process.hrtime.bigint();
  for (let i = 0; i < count; i++) f(i);
  return Number(process.hrtime.bigint() - t) / count;
}

function once(n: number): Record<string, number> {
  const names = shuffled(members(n));
  const scores = Float64Array.from({ length: n }, () => Math.floor(Math.random() * n));
  const r: AddResult = { outcome: 'nop', score: 0, stored: 0 };
  const z = new ZSet(false);
  // ZADD takes its members as argument bytes.
  const args = names.map((m) => Buffer.from(m, 'latin1'));
  const insert = time(n, (i) => z.add(args[i], scores[i], FLAGS, r));
  const ops = Math.min(n, 200000);
  const pickAt = Array.from({ length: ops }, () => Math.floor(Math.random() * n));
  const rescore = time(ops, (i) => z.add(args[pickAt[i]], scores[(i * 7) % n], FLAGS, r));
  let sink = 0;
  const rank = time(ops, (i) => (sink += z.rank(names[pickAt[i]], false)));
  const range = time(ops, (i) => {
    let x = z.list.byRank(1 + ((i * 7919) % n));
    for (let k = 0; k < 10 && x !== NIL; k++, x = z.list.next(x)) sink += z.list.score(x);
  });
  const sorted: [string, number][] = [];
  for (const x of z.ascending()) sorted.push([z.list.member(x), z.list.score(x)]);
  const copy = new ZSet(false);
  const load = time(n, (i) => copy.appendSorted(sorted[i][0], sorted[i][1]));
  if (sink === -1) console.log(sink);
  return { insert, rescore, rank, range, load };
}

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const runs = Number(process.argv[2] ?? 3);
for (const n of [100_000, 1_000_000]) {
  const all: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) all.push(once(n));
  const line = Object.keys(all[0]).map((k) => `${k} ${median(all.map((x) => x[k])).toFixed(0)} ns`);
  console.log(`${n} members: ${line.join(', ')}`);
}
