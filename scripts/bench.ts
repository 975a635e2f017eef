// The benchmark (npm run bench -- --help): faha against redis-server in the same run with redis-benchmark, durable
// (both persist every write before replying) and in memory; prints medians and faha/redis ratios (DESIGN §2), after
// a smoke run of redis-benchmark's default tests; --recovery times restarts instead (bench/recovery.ts), --memory
// and --zipf measure DRAM per key and Zipfian throughput with a load generator of our own, --replication SET with
// synchronous backups against redis-server + replicas + WAIT (bench/replication.ts). Measures only.
import { spawnSync } from 'node:child_process';
import { runCli } from './cli.js';
import { parseOptions, USAGE, type BenchMode, type BenchOptions } from './bench/options.js';
import { runBenchmark, testId, type BenchParams } from './bench/redis-benchmark.js';
import { memoryBench } from './bench/memory.js';
import { recoveryBench } from './bench/recovery.js';
import { replicationBench } from './bench/replication.js';
import { joinBench } from './bench/join.js';
import { table, type Sample } from './bench/report.js';
import { removeTempDirs, startFahaOnly, startPair, tmpRootFor, type ServerPair } from './bench/servers.js';
import { removeSoloDirs } from './bench/solo-server.js';
import { zipfBench } from './bench/zipf.js';

/** redis-benchmark's default suite (issue 3: it must run against faha without errors). */
const SMOKE_TESTS = ['ping', 'set', 'get', 'incr', 'lpush', 'rpush', 'lpop', 'rpop', 'sadd', 'hset', 'spop', 'zadd', 'zpopmin', 'lrange', 'mset'];
const PIPELINES = [1, 16];
const CLIENTS = 50;
/** Seconds one measured run should last; request counts are calibrated to it. */
const TARGET_SECONDS = 3;

function log(line: string): void {
  process.stdout.write(line + '\n');
}

function versionOf(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args);
  return r.status === 0 ? r.stdout.toString().trim() : `${cmd} not found`;
}

/** One redis-benchmark run; a failed run (error reply, missing result) stops the benchmark. */
async function measure(port: number, test: string, pipeline: number, requests: number, keyspace: number): Promise<number> {
  const params: BenchParams = { port, tests: [test], requests, clients: CLIENTS, pipeline, keyspace };
  const run = await runBenchmark(params);
  const r = run.results.find((x) => testId(x.test) === test);
  if (run.exitCode !== 0 || r === undefined) {
    throw new Error(`redis-benchmark -t ${test} -P ${pipeline} on port ${port} failed (exit ${run.exitCode}): ${run.stderr}`);
  }
  return r.rps;
}

/** Requests for ~TARGET_SECONDS per run, from a short probe of both servers (their geometric mean rate). */
async function calibrate(pair: ServerPair, test: string, pipeline: number, quick: boolean, keyspace: number): Promise<number> {
  if (quick) return pipeline === 1 ? 5000 : 50000;
  const probe = 10000 * pipeline;
  const rates = [await measure(pair.redis.port, test, pipeline, probe, keyspace), await measure(pair.faha.port, test, pipeline, probe, keyspace)];
  const n = Math.round(Math.sqrt(rates[0] * rates[1]) * TARGET_SECONDS);
  return Math.min(20_000_000, Math.max(10000, n));
}

async function benchMode(mode: BenchMode, opts: BenchOptions, samples: Sample[]): Promise<void> {
  const pair = await startPair(mode, tmpRootFor(opts.tmpRoot));
  try {
    log(`\n[${mode}] redis-server pid ${pair.redis.pid} port ${pair.redis.port}; faha pid ${pair.faha.pid} port ${pair.faha.port}`);
    log(`[${mode}] faha persistence backend: ${pair.backend}`);
    for (const pipeline of PIPELINES) {
      for (const test of opts.tests) {
        const n = await calibrate(pair, test, pipeline, opts.quick, opts.keyspace);
        const line: string[] = [];
        for (let run = 0; run < opts.runs; run++) {
          // Alternate who goes first so drift on a shared machine does not favour one server.
          const order = run % 2 === 0 ? (['redis', 'faha'] as const) : (['faha', 'redis'] as const);
          for (const server of order) {
            const rps = await measure(pair[server].port, test, pipeline, n, opts.keyspace);
            samples.push({ mode, test: test.toUpperCase(), pipeline, server, rps });
            line.push(`${server} ${rps.toFixed(0)}`);
          }
        }
        log(`[${mode}] ${test.toUpperCase()} -P ${pipeline} -n ${n}: ${line.join(', ')}`);
      }
    }
  } finally {
    await pair.stop();
  }
}

/** redis-benchmark's own default suite against faha must run clean: it stops at the first error reply. */
async function smoke(opts: BenchOptions): Promise<boolean> {
  const solo = await startFahaOnly('memory', tmpRootFor(opts.tmpRoot));
  try {
    const run = await runBenchmark({ port: solo.faha.port, tests: SMOKE_TESTS, requests: 100000, clients: CLIENTS, pipeline: 1, keyspace: opts.keyspace });
    const done = run.results.map((r) => `${r.test} ${r.rps.toFixed(0)} rps`);
    const ok = run.exitCode === 0 && run.stderr.trim() === '' && run.results.length >= SMOKE_TESTS.length;
    log(`smoke: redis-benchmark -t ${SMOKE_TESTS.join(',')} -n 100000 against faha (${solo.backend}):\n  ${done.join('\n  ')}` +
      (ok ? '\n  — ok' : `\n  — FAILED (exit ${run.exitCode}): ${run.stderr}`));
    return ok;
  } finally {
    await solo.stop();
  }
}

async function main(opts: BenchOptions): Promise<number> {
  log(`${versionOf('redis-server', ['--version'])}\n${versionOf('redis-benchmark', ['--version'])}\nnode ${process.version}`);
  if (opts.recovery) {
    await recoveryBench({ keys: opts.keys, runs: opts.runs, tmpRoot: tmpRootFor(opts.tmpRoot), nodeOptions: opts.fahaNodeOptions, log });
    return 0;
  }
  if (opts.memory) {
    await memoryBench({ keys: opts.keys, valueSize: opts.valueSize ?? 1024, fahaArgs: opts.fahaArgs, tmpRoot: tmpRootFor(opts.tmpRoot), log });
    return 0;
  }
  if (opts.zipf) {
    const bad = await zipfBench({ ...opts, valueSize: opts.valueSize ?? 100, tmpRoot: tmpRootFor(opts.tmpRoot), log });
    return bad === 0 ? 0 : 1;
  }
  if (opts.join) return (await joinBench({ ...opts, valueSize: opts.valueSize ?? 100, sample: 1000, tmpRoot: tmpRootFor(opts.tmpRoot), log })) === 0 ? 0 : 1;
  if (opts.replication) {
    const bad = await replicationBench({ ...opts, tmpRoot: tmpRootFor(opts.tmpRoot), log });
    return bad === 0 ? 0 : 1;
  }
  log(`clients ${CLIENTS}, keyspace ${opts.keyspace === 0 ? 'one key (no -r)' : opts.keyspace}, runs ${opts.runs}${opts.quick ? ' (quick: request counts too small for real numbers)' : ''}`);
  if (!(await smoke(opts))) return 1;
  if (opts.smokeOnly) return 0;
  const samples: Sample[] = [];
  for (const mode of opts.modes) await benchMode(mode, opts, samples);
  log(`\nMedians of ${opts.runs} run(s) each (requests per second; faha/redis > 1 means faha is faster):\n`);
  log(table(samples));
  return 0;
}

runCli('bench', USAGE, parseOptions, main, () => {
  removeTempDirs();
  removeSoloDirs();
});
