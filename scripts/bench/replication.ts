// The replication benchmark (--replication, issues 6 and 7): faha SET throughput and p50/p99 with 0..N synchronous
// backups (redis-benchmark -t set, -P 1 and -P 16), their links over TCP and/or RDMA through the libibverbs test
// double, then the Redis anchor: redis-server + 2 replicas and faha + 2 sync backups under SETs with WAIT 2 0 after
// each pipeline (wait-load.ts). A fresh replica set for every run of every configuration, all on this machine;
// medians and per-run ratios printed with the raw runs. Measures only.
import { loadavg } from 'node:os';
import { buildVerbsDouble } from '../../server/testing/verbs-double.js';
import { infoLines } from './info-lines.js';
import type { BenchTransport } from './options.js';
import { runBenchmark, testId, type BenchResult } from './redis-benchmark.js';
import { median } from './report.js';
import { startReplicaSet, tempRoot, type LinkSetup, type ReplicaSet } from './servers.js';
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
  /** Transports of the configurations with backups (0 backups has no link: measured once). */
  transports: BenchTransport[];
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
/** Batches the primary may still send over TCP on an RDMA link (before the exchange, or into a segment the backup
 *  has not registered yet), as a share of all, before the run says so loudly. */
const TCP_SHARE_WARN = 0.01;
const DOUBLE_NOTE = 'the RDMA rows run over the libibverbs test double, not a NIC: each RDMA WRITE is a process_vm_writev into the backup, ' +
  "each WRITE_WITH_IMM also a unix-socket message to the backup's completion thread; what rdma/tcp shows is the transport's own overhead per batch, not RDMA hardware speed";

interface Measured {
  rps: number;
  p50: number;
  p99: number;
}

/** A configuration of the first table: backups and how their links carry batches (null: 0 backups, no link). */
interface Config {
  backups: number;
  transport: BenchTransport | null;
}

interface BackupSample extends Measured, Config {
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
const configText = (c: Config): string => `${backupsText(c.backups)}${c.transport === null ? '' : ` over ${c.transport}`}`;
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

async function withSet<T>(kind: ServerKind, backups: number, o: ReplicationBenchOptions, work: (set: ReplicaSet) => Promise<T>, link?: LinkSetup): Promise<T> {
  const set = await startReplicaSet(kind, backups, o.tmpRoot, link);
  try {
    const pids = set.backups.map((b) => `${b.pid}:${b.port}`).join(' ');
    o.log(`[replication] ${kind} primary pid ${set.primary.pid} port ${set.primary.port}, ${backupsText(backups)} linked${pids === '' ? '' : ` (pid:port ${pids})`}`);
    return await work(set);
  } finally {
    await set.stop();
  }
}

/** Every configuration of the first table: 0 backups once, each other count over each transport. */
function configurations(o: ReplicationBenchOptions): Config[] {
  return o.backups.flatMap((backups): Config[] => (backups === 0 ? [{ backups, transport: null }] : o.transports.map((transport) => ({ backups, transport }))));
}

interface BatchCounts {
  rdma: number;
  tcp: number;
}

/** The primary's faha_backupN lines, by backup port: how many batches went by RDMA and how many over TCP. */
async function batchCounts(primaryPort: number): Promise<Map<string, BatchCounts>> {
  const counts = new Map<string, BatchCounts>();
  for (const line of (await infoLines(primaryPort, 'replication')).filter((l) => /^faha_backup\d+:/.test(l))) {
    const field = (name: string): string | undefined => new RegExp(`[:,]${name}=([^,]*)`).exec(line)?.[1];
    const [port, rdma, tcp] = [field('port'), field('rdma_batches'), field('tcp_batches')];
    if (port === undefined || rdma === undefined || tcp === undefined) throw new Error(`the primary's link is not on RDMA: ${line}`);
    counts.set(port, { rdma: Number(rdma), tcp: Number(tcp) });
  }
  return counts;
}

/** Prints each RDMA link's batch counters before and after measuring; a link whose RDMA count did not grow makes
 *  the RDMA figures meaningless and stops the benchmark. */
function checkBatches(before: Map<string, BatchCounts>, after: Map<string, BatchCounts>, run: number, o: ReplicationBenchOptions): void {
  for (const [port, a] of after) {
    const b = before.get(port) ?? { rdma: 0, tcp: 0 };
    const [rdma, tcp] = [a.rdma - b.rdma, a.tcp - b.tcp];
    const share = rdma + tcp === 0 ? 0 : tcp / (rdma + tcp);
    const warn = share > TCP_SHARE_WARN ? ` — WARNING: ${(share * 100).toFixed(1)}% of this link's batches went over TCP` : '';
    o.log(`[replication] run ${run + 1} primary → backup port ${port}: rdma_batches ${b.rdma} → ${a.rdma} (+${rdma}), tcp_batches ${b.tcp} → ${a.tcp} (+${tcp})${warn}`);
    if (rdma <= 0) throw new Error(`the link to the backup at port ${port} carried no batch by RDMA while measuring (rdma_batches ${b.rdma} → ${a.rdma})`);
  }
  if (after.size === 0) throw new Error('the primary shows no faha_backupN line after measuring');
}

function linkOf(c: Config, doubleSo: string | null): LinkSetup | undefined {
  if (c.transport === null) return undefined;
  if (c.transport === 'tcp') return { transport: 'tcp' };
  if (doubleSo === null) throw new Error('the RDMA configurations need the libibverbs test double built first');
  return { transport: 'rdma', doubleSo };
}

async function backupRun(c: Config, run: number, o: ReplicationBenchOptions, out: BackupSample[], doubleSo: string | null): Promise<void> {
  await withSet('faha', c.backups, o, async (set) => {
    const links = await Promise.all(set.backups.map(async (b) => `${b.port} ${(await infoLines(b.port, 'replication')).find((l) => l.startsWith('faha_link_transport:'))}`));
    if (links.length > 0) o.log(`[replication] backups' links before measuring (port, INFO): ${links.join('; ')}`);
    const before = c.transport === 'rdma' ? await batchCounts(set.primary.port) : null;
    for (const pipeline of PIPELINES) {
      const m = await measureSet(set.primary.port, pipeline, o);
      out.push({ ...c, pipeline, run, rps: m.rps, p50: m.p50, p99: m.p99 });
      o.log(`[replication] run ${run + 1} faha ${configText(c)} SET -P ${pipeline} -n ${m.requests} (${m.seconds.toFixed(1)} s): ${m.rps.toFixed(0)} rps, p50 ${ms(m.p50)} ms, p99 ${ms(m.p99)} ms`);
    }
    if (before !== null) checkBatches(before, await batchCounts(set.primary.port), run, o);
  }, linkOf(c, doubleSo));
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

/** One row per configuration and P; with RDMA measured, an rdma/tcp column (RDMA rows: against TCP, same backups). */
function backupTable(samples: BackupSample[], o: ReplicationBenchOptions): string {
  const withRdma = o.transports.includes('rdma');
  const rows = [['backups', 'transport', 'P', 'runs', 'SET rps', 'p50 ms', 'p99 ms', 'vs 0 backups', ...(withRdma ? ['rdma/tcp'] : [])]];
  for (const pipeline of PIPELINES) {
    const of = (c: Config) => samples.filter((s) => s.backups === c.backups && s.transport === c.transport && s.pipeline === pipeline);
    const base = of({ backups: 0, transport: null });
    for (const c of configurations(o)) {
      const xs = of(c);
      if (xs.length === 0) continue;
      const vsTcp = c.transport === 'rdma' ? medianRatio(xs, of({ backups: c.backups, transport: 'tcp' })) : '-';
      rows.push([String(c.backups), c.transport ?? '-', String(pipeline), String(xs.length), medianOf(xs, (s) => s.rps).toFixed(0), ms(medianOf(xs, (s) => s.p50)),
        ms(medianOf(xs, (s) => s.p99)), medianRatio(xs, base), ...(withRdma ? [vsTcp] : [])]);
    }
  }
  return formatTable(rows, 2);
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
    ...backups.map((s) => row(s, `faha, ${configText(s)}, redis-benchmark`)),
    ...anchor.map((s) => row(s, `${anchorName(s.server)}, WAIT ${ANCHOR_REPLICAS} 0`)),
  ].sort((a, b) => a.run - b.run);
  return formatTable([['run', 'configuration', 'P', 'rps', 'p50 ms', 'p99 ms'], ...all.map((r) => r.cells)], 2);
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Returns the anchor's replies that were errors, wrong or never came (0: every reply checked ok). */
export async function replicationBench(o: ReplicationBenchOptions): Promise<number> {
  o.log(`\n[replication] SET, ${o.clients} connections, keyspace ${o.keyspace === 0 ? 'one key' : o.keyspace}, ${VALUE_SIZE}-byte values, ~${o.seconds} s per measurement, ${o.runs} run(s); every node appendfsync always; links over ${o.transports.join(' and ')}; load average ${load()}`);
  const configs = configurations(o);
  // The double is built once; each RDMA replica set gets its own state directory inside its data directory.
  const needsDouble = configs.some((c) => c.transport === 'rdma');
  const doubleDir = needsDouble ? tempRoot(o.tmpRoot) : null;
  try {
    const doubleSo = doubleDir === null ? null : buildVerbsDouble(doubleDir.root);
    if (doubleSo !== null) o.log(`[replication] built the libibverbs test double ${doubleSo}; ${DOUBLE_NOTE}`);
    return await measureAll(configs, o, doubleSo);
  } finally {
    doubleDir?.remove();
  }
}

async function measureAll(configs: Config[], o: ReplicationBenchOptions, doubleSo: string | null): Promise<number> {
  const backups: BackupSample[] = [];
  const anchor: AnchorSample[] = [];
  let bad = 0;
  for (let run = 0; run < o.runs; run++) {
    // Alternate the order so drift on a shared machine does not favour one configuration.
    for (const c of run % 2 === 0 ? configs : [...configs].reverse()) await backupRun(c, run, o, backups, doubleSo);
    for (const server of run % 2 === 0 ? (['redis', 'faha'] as const) : (['faha', 'redis'] as const)) bad += await anchorRun(server, run, o, anchor);
  }
  o.log(`\n[replication] load average at the end ${load()}`);
  const rdmaNote = doubleSo === null ? '' : `; rdma/tcp: median of each run's ratio to the same backups over TCP.\nNote: ${DOUBLE_NOTE}`;
  o.log(`\nfaha SET with synchronous backups (redis-benchmark -t set -c ${o.clients}); medians of ${o.runs} run(s); vs 0 backups: median of each run's ratio${rdmaNote}:\n`);
  o.log(backupTable(backups, o));
  o.log(`\nSETs with WAIT ${ANCHOR_REPLICAS} 0 after each pipeline (wait-load, -c ${o.clients}); latency per pipeline; faha/redis: median of each run's ratio:\n`);
  o.log(anchorTable(anchor));
  o.log(`\nRaw runs:\n\n${rawRuns(backups, anchor)}`);
  return bad;
}
