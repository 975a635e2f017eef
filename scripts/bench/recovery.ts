// The recovery benchmark (--recovery): one dataset loaded into faha (its log) and into redis-server (an AOF it must
// replay command by command), both stopped cleanly, then each restarted on its directory several times and timed
// from spawn to "Ready to accept connections". Prints medians and the faha/redis ratio. Measures only.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { startFaha, startRedis, type RunningServer } from '../../server/testing/servers.js';
import { datasetFor, datasetKeys, loadDataset, type Dataset } from './recovery-dataset.js';
import { median } from './report.js';
import { rawCommand } from './raw-command.js';

export interface RecoveryBenchOptions {
  keys: number;
  runs: number;
  tmpRoot: string;
  /** NODE_OPTIONS for faha's process ('' = none). */
  nodeOptions: string;
  log: (line: string) => void;
}

type Side = 'redis' | 'faha';

/**
 * Redis replays commands only without an RDB preamble; appendfsync always makes every loaded write durable; with
 * automatic rewrites off the AOF holds exactly the commands the loader sent (a rewrite past 64 MB would compact it).
 */
const REDIS_ARGS = ['--appendonly', 'yes', '--appendfsync', 'always', '--aof-use-rdb-preamble', 'no', '--auto-aof-rewrite-percentage', '0'];
const FAHA_ARGS = ['--appendfsync', 'always'];
/** A 1M-key restart takes seconds; the loaders' default 15 s is too tight on a loaded 2-core machine. */
const START_TIMEOUT_MS = 300_000;

interface Restart {
  side: Side;
  /** Spawn to "Ready to accept connections", as the client sees it. */
  readySeconds: number;
  /** The server's own figure for loading (its log line). */
  loadSeconds: number;
  keys: number;
}

function start(side: Side, dir: string, nodeOptions: string): Promise<RunningServer> {
  const opts = { dir, args: side === 'redis' ? REDIS_ARGS : FAHA_ARGS, timeoutMs: START_TIMEOUT_MS };
  if (side === 'redis') return startRedis(opts);
  return startFaha(nodeOptions === '' ? opts : { ...opts, env: { NODE_OPTIONS: nodeOptions } });
}

/** Restart times swing with whatever else the machine runs: say how busy it was. */
function load(): string {
  return `load average ${loadavg().map((x) => x.toFixed(2)).join(' ')} on ${cpus().length} cores`;
}

/** The loading time each server logs: Redis's "DB loaded from append only file", faha's recovery summary. */
function loggedLoadSeconds(side: Side, output: string): number {
  const re = side === 'redis' ? /DB loaded from append only file: ([\d.]+) seconds/ : /DB loaded from log: .* in ([\d.]+) seconds/;
  const m = re.exec(output);
  if (m === null) throw new Error(`${side} did not log how long loading took:\n${output}`);
  return Number(m[1]);
}

async function dbsize(port: number): Promise<number> {
  const reply = await rawCommand(port, ['DBSIZE']);
  return Number(reply.slice(1));
}

/** Proof that Redis will replay commands: a multi-part AOF whose base holds no RDB preamble. */
function describeAof(dir: string): string {
  const aofDir = join(dir, 'appendonlydir');
  const files = readdirSync(aofDir).map((f) => ({ f, size: statSync(join(aofDir, f)).size }));
  const base = files.find((x) => x.f.endsWith('.base.aof'));
  if (base === undefined) throw new Error(`redis wrote no AOF base in ${aofDir}`);
  if (readFileSync(join(aofDir, base.f)).subarray(0, 5).toString() === 'REDIS') throw new Error('the AOF base is an RDB: redis would not replay commands');
  const total = files.reduce((n, x) => n + x.size, 0);
  return `${(total / 1e6).toFixed(0)} MB of commands in ${files.length} files (base ${base.size} bytes, no RDB preamble)`;
}

function logBytes(dir: string): number {
  const d = join(dir, 'log');
  return readdirSync(d).filter((f) => f.endsWith('.seg')).reduce((n, f) => n + statSync(join(d, f)).size, 0);
}

async function loadBoth(dirs: Record<Side, string>, d: Dataset, log: (l: string) => void): Promise<void> {
  const expected = datasetKeys(d);
  for (const side of ['redis', 'faha'] as const) {
    const s = await start(side, dirs[side], '');
    try {
      const t0 = Date.now();
      const commands = await loadDataset(s.port, d);
      const keys = await dbsize(s.port);
      log(`[recovery] loaded ${side}: ${commands} commands in ${((Date.now() - t0) / 1000).toFixed(1)} s, ${keys} keys`);
      if (keys !== expected) throw new Error(`${side} holds ${keys} keys after loading, expected ${expected}`);
    } finally {
      await s.stop(false);
    }
  }
}

async function restart(side: Side, dir: string, expected: number, nodeOptions: string): Promise<Restart> {
  const t0 = process.hrtime.bigint();
  const s = await start(side, dir, nodeOptions);
  const readySeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  try {
    const keys = await dbsize(s.port);
    if (keys !== expected) throw new Error(`${side} restarted with ${keys} keys, expected ${expected}`);
    return { side, readySeconds, loadSeconds: loggedLoadSeconds(side, s.output()), keys };
  } finally {
    await s.stop(false);
  }
}

function summary(results: Restart[]): string {
  const pick = (side: Side, f: (r: Restart) => number) => median(results.filter((r) => r.side === side).map(f));
  const rows = [
    ['', 'redis', 'faha', 'faha/redis'],
    ...[
      ['start → ready (s)', (r: Restart) => r.readySeconds] as const,
      ['loading, as logged (s)', (r: Restart) => r.loadSeconds] as const,
    ].map(([name, f]) => {
      const [r, fa] = [pick('redis', f), pick('faha', f)];
      return [name, r.toFixed(3), fa.toFixed(3), (fa / r).toFixed(2)];
    }),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

export async function recoveryBench(o: RecoveryBenchOptions): Promise<void> {
  const d = datasetFor(o.keys);
  const expected = datasetKeys(d);
  const root = mkdtempSync(join(o.tmpRoot, 'faha-bench-recovery-'));
  const dirs = { redis: join(root, 'redis'), faha: join(root, 'faha') };
  mkdirSync(dirs.redis);
  mkdirSync(dirs.faha);
  try {
    if (o.nodeOptions !== '') o.log(`[recovery] faha restarts with NODE_OPTIONS=${o.nodeOptions}`);
    o.log(`\n[recovery] dataset: ${d.strings} strings of ${d.valueBytes} bytes, ${d.collections} hashes, lists and zsets of ${d.fields} (${expected} keys)`);
    await loadBoth(dirs, d, o.log);
    o.log(`[recovery] redis AOF: ${describeAof(dirs.redis)}`);
    o.log(`[recovery] faha log: ${(logBytes(dirs.faha) / 1e6).toFixed(0)} MB of segments`);
    o.log(`[recovery] before the restarts: ${load()}`);
    const results: Restart[] = [];
    for (let run = 0; run < o.runs; run++) {
      // Alternate who goes first so page-cache warmth and drift do not favour one server.
      const order: Side[] = run % 2 === 0 ? ['redis', 'faha'] : ['faha', 'redis'];
      for (const side of order) {
        const r = await restart(side, dirs[side], expected, o.nodeOptions);
        results.push(r);
        o.log(`[recovery] run ${run + 1} ${side}: ready in ${r.readySeconds.toFixed(3)} s (logged loading ${r.loadSeconds.toFixed(3)} s), ${r.keys} keys`);
      }
    }
    o.log(`[recovery] after the restarts: ${load()}`);
    o.log(`\nMedians of ${o.runs} restart(s) each (faha/redis < 1 means faha recovers faster):\n`);
    o.log(summary(results));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
