// The Zipfian benchmark (--zipf): N keys (strings, or hashes of F fields) preloaded into an all-hot faha, closed-loop
// GET/SET (HGET/HSET) runs on scrambled-Zipfian (or uniform) keys; --compare adds a faha with other directives, same
// preload and keys, runs alternating, medians' ratio reported (issue 5: >= 0.9 with a 10% hot tier), INFO
// hot_/cold_/index_ fields after each run. Measures only.
import { directiveArgs } from './faha-directives.js';
import { infoLines } from './info-lines.js';
import { fieldNameBytes, KEY_BYTES } from './key-commands.js';
import { checkFreeSpace } from './memory.js';
import { preload } from './preload.js';
import { mib } from '../../server/platform/resident-memory.js';
import { median } from './report.js';
import type { ZipfType } from './options.js';
import { MODE_ARGS } from './servers.js';
import { startSolo, type SoloServer } from './solo-server.js';
import { ZipfLoad, type ZipfLoadResult } from './zipf-load.js';
import { ScrambledZipfianGenerator, seededRandom, UniformGenerator, type RankGenerator } from './zipfian.js';

export interface ZipfBenchOptions {
  keys: number;
  /** Bytes of each string value, or of each hash field's value. */
  valueSize: number;
  type: ZipfType;
  /** Fields of each hash (--type hash only). */
  fields: number;
  theta: number;
  readRatio: number;
  uniform: boolean;
  seconds: number;
  runs: number;
  clients: number;
  pipeline: number;
  seed: number;
  /** name=value directives for every faha. */
  fahaArgs: string[];
  /** name=value directives of the compared configuration (none: one configuration only). */
  compare: string[];
  tmpRoot: string;
  log: (line: string) => void;
}

interface Config {
  name: string;
  args: string[];
  faha: SoloServer | null;
  results: ZipfLoadResult[];
}

/** Replies of the first second are not counted: connections open and the hot tier reacts to the new workload. */
const WARMUP_SECONDS = 1;
/** INFO faha fields shown after each run. */
const INFO_FIELDS = /^(hot_|cold_|index_)/;

/** Length prefixes of a field and its value in a hash IMAGE or DELTA record (server/docs/log-format.md). */
const HASH_FIELD_OVERHEAD = 8;

/** Fields per key the load and the preload use: 0 for strings. */
const fieldsOf = (o: ZipfBenchOptions): number => (o.type === 'hash' ? o.fields : 0);

/** Key and value bytes of the dataset (hashes: key, field names and values), the base of N% directives. */
export function datasetBytes(o: Pick<ZipfBenchOptions, 'keys' | 'valueSize' | 'type' | 'fields'>): number {
  if (o.type === 'string') return o.keys * (o.valueSize + KEY_BYTES);
  return o.keys * (o.fields * o.valueSize + fieldNameBytes(o.fields) + KEY_BYTES);
}

/** What one key's value takes in the log, for the free-space check (which adds the key and a record header). */
function loggedValueBytes(o: ZipfBenchOptions): number {
  if (o.type === 'string') return o.valueSize;
  return o.fields * (o.valueSize + HASH_FIELD_OVERHEAD) + fieldNameBytes(o.fields);
}

/** hot-cache-size 0 lifts the hot tier's budget: the reference configuration keeps every value in DRAM. */
const ALL_HOT = ['--hot-cache-size', '0'];

function configs(o: ZipfBenchOptions, datasetBytes: number): Config[] {
  const base = [...MODE_ARGS.memory.faha, ...directiveArgs(o.fahaArgs, datasetBytes)];
  const budgetGiven = o.fahaArgs.some((d) => d.startsWith('hot-cache-size='));
  const reference = budgetGiven ? base : [...base, ...ALL_HOT];
  const out: Config[] = [{ name: budgetGiven ? 'reference' : 'all hot', args: reference, faha: null, results: [] }];
  if (o.compare.length > 0) out.push({ name: o.compare.join(' '), args: [...base, ...directiveArgs(o.compare, datasetBytes)], faha: null, results: [] });
  return out;
}

/** Key draws whose random source is reseeded per run, so every configuration's run r sees the same keys. */
function keySource(o: ZipfBenchOptions): { keys: RankGenerator; reseed(seed: number): void } {
  let current = seededRandom(o.seed);
  const random = () => current();
  const keys = o.uniform ? new UniformGenerator(o.keys, random) : new ScrambledZipfianGenerator(o.keys, o.theta, random, o.seed);
  return { keys, reseed: (seed) => (current = seededRandom(seed)) };
}

function describe(r: ZipfLoadResult, o: ZipfBenchOptions): string {
  const [read, write] = o.type === 'hash' ? ['HGET', 'HSET'] : ['GET', 'SET'];
  const lat = `p50 ${r.latency.percentileMs(50).toFixed(3)} ms, p99 ${r.latency.percentileMs(99).toFixed(3)} ms`;
  const bad = r.errors + r.wrongReplies > 0 ? `, ${r.errors} errors, ${r.wrongReplies} wrong replies (first: ${r.firstProblem})` : ', every reply checked ok';
  return `${r.opsPerSecond.toFixed(0)} ops/s (${r.reads} ${read}, ${r.writes} ${write}), ${lat}, generator ${(r.generatorCores * 100).toFixed(0)}% of a core${bad}`;
}

async function oneRun(c: Config, o: ZipfBenchOptions, src: ReturnType<typeof keySource>, run: number): Promise<void> {
  src.reseed(o.seed + 1 + run);
  const ops = seededRandom(o.seed + 1000 + run);
  const port = c.faha!.server.port;
  const load = new ZipfLoad({ port, valueSize: o.valueSize, fields: fieldsOf(o), readRatio: o.readRatio, clients: o.clients, pipeline: o.pipeline, warmupSeconds: WARMUP_SECONDS, seconds: o.seconds, keys: src.keys, random: ops });
  const r = await load.run();
  c.results.push(r);
  o.log(`[zipf] run ${run + 1} ${c.name}: ${describe(r, o)}`);
  const info = (await infoLines(port, 'faha')).filter((l) => INFO_FIELDS.test(l));
  o.log(`[zipf]   INFO faha: ${info.length > 0 ? info.join(' ') : '(no hot_/cold_/index_ fields)'}`);
}

function summary(cs: Config[], o: ZipfBenchOptions): string {
  const rows = [['configuration', 'runs', 'ops/s', 'p50 ms', 'p99 ms', `vs ${cs[0].name}`]];
  const base = median(cs[0].results.map((r) => r.opsPerSecond));
  for (const c of cs) {
    const ops = median(c.results.map((r) => r.opsPerSecond));
    const p = (q: number) => median(c.results.map((r) => r.latency.percentileMs(q))).toFixed(3);
    rows.push([c.name, String(c.results.length), ops.toFixed(0), p(50), p(99), (ops / base).toFixed(3)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const table = rows.map((x) => x.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ')).join('\n');
  return `Medians of ${o.runs} run(s) of ${o.seconds} s each:\n\n${table}`;
}

/** Returns the number of error and wrong replies seen (0: every reply was what the preload implies). */
export async function zipfBench(o: ZipfBenchOptions): Promise<number> {
  checkFreeSpace(o.tmpRoot, o.compare.length > 0 ? 2 * o.keys : o.keys, loggedValueBytes(o));
  const bytes = datasetBytes(o);
  const dist = o.uniform ? 'uniform' : `scrambled zipfian theta ${o.theta}`;
  const shape = o.type === 'hash' ? `hashes x ${o.fields} fields x ${o.valueSize} B (${mib(bytes)} of keys, fields and values)` : `x ${o.valueSize} B (${mib(bytes)} of keys and values)`;
  o.log(`\n[zipf] ${o.keys} keys ${shape}, ${dist}, reads ${o.readRatio}, ${o.clients} connections x ${o.pipeline} in flight, seed ${o.seed}`);
  const t0 = Date.now();
  const src = keySource(o);
  o.log(`[zipf] key generator ready in ${Date.now() - t0} ms`);
  const cs = configs(o, bytes);
  try {
    for (const c of cs) {
      c.faha = await startSolo('faha', o.tmpRoot, c.args);
      const p = await preload({ port: c.faha.server.port, keys: o.keys, valueSize: o.valueSize, fields: fieldsOf(o) });
      o.log(`[zipf] faha ${c.args.join(' ')}: preloaded in ${p.seconds.toFixed(1)} s (${(o.keys / p.seconds).toFixed(0)} ${o.type === 'hash' ? 'HSET' : 'SET'}/s)`);
    }
    for (let run = 0; run < o.runs; run++) {
      // Alternate who goes first so drift on a shared machine does not favour one configuration.
      for (const c of run % 2 === 0 ? cs : [...cs].reverse()) await oneRun(c, o, src, run);
    }
  } finally {
    await Promise.all(cs.map((c) => c.faha?.stop()));
  }
  o.log(`\n${summary(cs, o)}`);
  return cs.flatMap((c) => c.results).reduce((n, r) => n + r.errors + r.wrongReplies, 0);
}
