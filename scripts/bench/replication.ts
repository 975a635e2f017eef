// The replication benchmark (--replication, issue 6): faha SET throughput and p50/p99 with 0..N synchronous backups
// (redis-benchmark -t set, -P 1 and -P 16), then the Redis anchor: redis-server + 2 replicas and faha + 2 sync
// backups under SETs with WAIT 2 0 after each pipeline (wait-load.ts). A fresh replica set for every run of every
// configuration, all on this machine; medians and per-run ratios printed with the raw runs. Measures only.
import { loadavg } from 'node:os';
import { runBenchmark, testId, type BenchResult } from './redis-benchmark.js';
import { median } from './report.js';
import { startReplicaSet, type ReplicaSet } from './servers.js';
import type { ServerKind } from './solo-server.js';
import { WaitLoad, type WaitLoadResult } from './wait-load.js';
import { seededRandom } from './zipfian.js';

export interface ReplicationBenchOptions {
  runs: number;
  /** Backup counts of the redis-benchmark part, in this order (reversed on odd runs). */
  backups: number[];
  /** Seconds each measurement should last. */
  seconds: number;
  clients: number;
  /** Random keys over this many (redis-benchmark -r; 0: one key). */
  keyspace: number;
  tmpRoot: string;
  log: (line: string) => void;
}

const PIPELINES = [1, 16];
/** The anchor's replicas and WAIT's numreplicas (issue 6: redis-server with 2 replicas, WAIT 2). */
const ANCHOR_REPLICAS = 2;
/** redis-benchmark's default value size, so both parts write the same records. */
const VALUE_SIZE = 3;
/** A first probe of this many requests per pipeline slot warms the fresh primary; it sizes a second probe of about
 *  a second, which sizes the measured run (one short probe read -P 1 at ~60% of the steady rate). */
const PROBE_REQUESTS = 10000;
/** How long the WAIT load lets connections finish their last pipeline before cutting them. */
const GRACE_SECONDS = 10;

interface Measured {
  rps: number;
  p50: number;
  p99: number;
}

interface BackupSample extends Measured {
  backups: number;
  pipeline: number;
  run: number;
}

interface AnchorSample extends Measured {
  server: ServerKind;
  pipeline: number;
  run: number;
}

const ms = (x: number): string => x.toFixed(3);
const backupsText = (n: number): string => `${n} backup${n === 1 ? '' : 's'}`;
/** "redis + 2 replicas", "faha + 2 backups": each in its own project's words. */
const anchorName = (server: ServerKind): string => `${server} + ${ANCHOR_REPLICAS} ${server === 'redis' ? 'replicas' : 'backups'}`;

async function setBench(port: number, pipeline: number, requests: number, o: ReplicationBenchOptions): Promise<BenchResult & { seconds: number }> {
  const run = await runBenchmark({ port, tests: ['set'], requests, clients: o.clients, pipeline, keyspace: o.keyspace, valueSize: VALUE_SIZE });
  const r = run.results.find((x) => testId(x.test) === 'set');
  if (run.exitCode !== 0 || r === undefined) {
    throw new Error(`redis-benchmark -t set -P ${pipeline} on port ${port} failed (exit ${run.exitCode}): ${run.stderr}`);
  }
  return { ...r, seconds: run.seconds };
}

const requestsFor = (rps: number, seconds: number): number => Math.min(50_000_000, Math.max(1000, Math.round(rps * seconds)));

/** redis-benchmark has no duration option: probes set -n for about `seconds` of load. */
async function measureSet(port: number, pipeline: number, o: ReplicationBenchOptions): Promise<Measured & { requests: number; seconds: number }> {
  const first = await setBench(port, pipeline, PROBE_REQUESTS * pipeline, o);
  const second = await setBench(port, pipeline, requestsFor(first.rps, 1), o);
  const requests = requestsFor(second.rps, o.seconds);
  const r = await setBench(port, pipeline, requests, o);
  return { rps: r.rps, p50: r.p50ms, p99: r.p99Ms, requests, seconds: r.seconds };
}

async function withSet<T>(kind: ServerKind, backups: number, o: ReplicationBenchOptions, work: (set: ReplicaSet) => Promise<T>): Promise<T> {
  const set = await startReplicaSet(kind, backups, o.tmpRoot);
  try {
    const pids = set.backups.map((b) => `${b.pid}:${b.port}`).join(' ');
    o.log(`[replication] ${kind} primary pid ${set.primary.pid} port ${set.primary.port}, ${backupsText(backups)} linked${pids === '' ? '' : ` (pid:port ${pids})`}`);
    return await work(set);
  } finally {
    await set.stop();
  }
}

async function backupRun(backups: number, run: number, o: ReplicationBenchOptions, out: BackupSample[]): Promise<void> {
  await withSet('faha', backups, o, async (set) => {
    for (const pipeline of PIPELINES) {
      const m = await measureSet(set.primary.port, pipeline, o);
      out.push({ backups, pipeline, run, rps: m.rps, p50: m.p50, p99: m.p99 });
      o.log(`[replication] run ${run + 1} faha ${backupsText(backups)} SET -P ${pipeline} -n ${m.requests} (${m.seconds.toFixed(1)} s): ${m.rps.toFixed(0)} rps, p50 ${ms(m.p50)} ms, p99 ${ms(m.p99)} ms`);
    }
  });
}

function describeWait(r: WaitLoadResult): string {
  const bad = r.errors + r.wrongReplies + r.unanswered;
  const problems = bad > 0 ? `, ${r.errors} errors, ${r.wrongReplies} wrong replies, ${r.unanswered} connections cut (first: ${r.firstProblem})` : ', every reply checked ok';
  return `${r.setsPerSecond.toFixed(0)} SET/s (${r.pipelines} pipelines), p50 ${ms(r.latency.percentileMs(50))} ms, p99 ${ms(r.latency.percentileMs(99))} ms, generator ${(r.generatorCores * 100).toFixed(0)}% of a core${problems}`;
}

/** Returns the replies that were errors, wrong or never came. */
async function anchorRun(server: ServerKind, run: number, o: ReplicationBenchOptions, out: AnchorSample[]): Promise<number> {
  return withSet(server, ANCHOR_REPLICAS, o, async (set) => {
    let bad = 0;
    for (const pipeline of PIPELINES) {
      const load = new WaitLoad({ port: set.primary.port, clients: o.clients, pipeline, keyspace: o.keyspace, valueSize: VALUE_SIZE, waitReplicas: ANCHOR_REPLICAS,
        seconds: o.seconds, graceSeconds: GRACE_SECONDS, random: seededRandom(1 + run * 100 + pipeline) });
      const r = await load.run();
      out.push({ server, pipeline, run, rps: r.setsPerSecond, p50: r.latency.percentileMs(50), p99: r.latency.percentileMs(99) });
      o.log(`[replication] run ${run + 1} ${anchorName(server)}, ${pipeline} SET + WAIT ${ANCHOR_REPLICAS} 0: ${describeWait(r)}`);
      bad += r.errors + r.wrongReplies + r.unanswered;
    }
    return bad;
  });
}

/** Columns padded to their widest cell; the first `left` columns align left, the rest right. */
function formatTable(rows: string[][], left: number): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

/** Median over runs of a/b, each pair taken from the same run ('-' when no run has both). */
function medianRatio<S extends { run: number; rps: number }>(as: S[], bs: S[]): string {
  const ratios = as.flatMap((a) => bs.filter((b) => b.run === a.run).map((b) => a.rps / b.rps));
  return ratios.length === 0 ? '-' : median(ratios).toFixed(2);
}

const medianOf = <S>(xs: S[], f: (s: S) => number): number => median(xs.map(f));

function backupTable(samples: BackupSample[], o: ReplicationBenchOptions): string {
  const rows = [['backups', 'P', 'runs', 'SET rps', 'p50 ms', 'p99 ms', 'vs 0 backups']];
  for (const pipeline of PIPELINES) {
    const base = samples.filter((s) => s.backups === 0 && s.pipeline === pipeline);
    for (const backups of o.backups) {
      const xs = samples.filter((s) => s.backups === backups && s.pipeline === pipeline);
      if (xs.length === 0) continue;
      rows.push([String(backups), String(pipeline), String(xs.length), medianOf(xs, (s) => s.rps).toFixed(0), ms(medianOf(xs, (s) => s.p50)),
        ms(medianOf(xs, (s) => s.p99)), medianRatio(xs, base)]);
    }
  }
  return formatTable(rows, 0);
}

function anchorTable(samples: AnchorSample[]): string {
  const rows = [['P', 'runs', 'redis SET/s', 'redis p50', 'redis p99', 'faha SET/s', 'faha p50', 'faha p99', 'faha/redis']];
  for (const pipeline of PIPELINES) {
    const [r, f] = (['redis', 'faha'] as const).map((server) => samples.filter((s) => s.server === server && s.pipeline === pipeline));
    if (r.length === 0 || f.length === 0) continue;
    const cells = (xs: AnchorSample[]) => [medianOf(xs, (s) => s.rps).toFixed(0), ms(medianOf(xs, (s) => s.p50)), ms(medianOf(xs, (s) => s.p99))];
    rows.push([String(pipeline), String(Math.min(r.length, f.length)), ...cells(r), ...cells(f), medianRatio(f, r)]);
  }
  return formatTable(rows, 0);
}

/** Every measurement, run by run in the order taken. */
function rawRuns(backups: BackupSample[], anchor: AnchorSample[]): string {
  const row = (s: BackupSample | AnchorSample, name: string) => ({ run: s.run, cells: [String(s.run + 1), name, String(s.pipeline), s.rps.toFixed(0), ms(s.p50), ms(s.p99)] });
  const all = [
    ...backups.map((s) => row(s, `faha, ${backupsText(s.backups)}, redis-benchmark`)),
    ...anchor.map((s) => row(s, `${anchorName(s.server)}, WAIT ${ANCHOR_REPLICAS} 0`)),
  ].sort((a, b) => a.run - b.run);
  return formatTable([['run', 'configuration', 'P', 'rps', 'p50 ms', 'p99 ms'], ...all.map((r) => r.cells)], 2);
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Returns the anchor's replies that were errors, wrong or never came (0: every reply checked ok). */
export async function replicationBench(o: ReplicationBenchOptions): Promise<number> {
  o.log(`\n[replication] SET, ${o.clients} connections, keyspace ${o.keyspace === 0 ? 'one key' : o.keyspace}, ${VALUE_SIZE}-byte values, ~${o.seconds} s per measurement, ${o.runs} run(s); every node appendfsync always; load average ${load()}`);
  const backups: BackupSample[] = [];
  const anchor: AnchorSample[] = [];
  let bad = 0;
  for (let run = 0; run < o.runs; run++) {
    // Alternate the order so drift on a shared machine does not favour one configuration.
    for (const n of run % 2 === 0 ? o.backups : [...o.backups].reverse()) await backupRun(n, run, o, backups);
    for (const server of run % 2 === 0 ? (['redis', 'faha'] as const) : (['faha', 'redis'] as const)) bad += await anchorRun(server, run, o, anchor);
  }
  o.log(`\n[replication] load average at the end ${load()}`);
  o.log(`\nfaha SET with synchronous backups (redis-benchmark -t set -c ${o.clients}); medians of ${o.runs} run(s); vs 0 backups: median of each run's ratio:\n`);
  o.log(backupTable(backups, o));
  o.log(`\nSETs with WAIT ${ANCHOR_REPLICAS} 0 after each pipeline (wait-load, -c ${o.clients}); latency per pipeline; faha/redis: median of each run's ratio:\n`);
  o.log(anchorTable(anchor));
  o.log(`\nRaw runs:\n\n${rawRuns(backups, anchor)}`);
  return bad;
}
