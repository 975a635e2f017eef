// Runs one soak phase: starts faha (appendfsync always) with the phase's space-amplification bound in a fresh data
// directory, drives the SET load while sampling INFO faha every second, then stops faha by pid, keeps its output
// in a log file and removes the data directory on every path. Measures only.
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MODE_ARGS } from '../bench/servers.js';
import { startFaha, type RunningServer } from '../../server/testing/servers.js';
import { Histogram } from './histogram.js';
import { InfoClient, type FahaSample } from './info.js';
import { SetLoad } from './load.js';
import type { SoakOptions } from './options.js';
import { runBenchmark, testId, type BenchResult } from '../bench/redis-benchmark.js';

export type PhaseName = 'A' | 'B';

export const PHASES: Record<PhaseName, { label: string; amplification: string }> = {
  A: { label: 'no cleaning', amplification: '100' },
  B: { label: 'cleaning', amplification: '2' },
};

/** One second of the run: the INFO sample at its end and the latencies of the replies that arrived in it. */
export interface Tick {
  sample: FahaSample;
  /** Replies received by the end of the tick. */
  completed: number;
  /** Null when redis-benchmark drove the load (it reports no per-second latencies). */
  hist: Histogram | null;
  /** The cleaner was running at the sample, or rewrote keys or freed segments since the previous one. */
  cleaning: boolean;
}

export interface PhaseResult {
  phase: PhaseName;
  run: number;
  seconds: number;
  writes: number;
  ticks: Tick[];
  errors: number;
  firstError: string;
  rb: BenchResult | null;
  logFile: string;
  cleanerLines: string[];
  warningLines: string[];
}

const TICK_MS = 1000;
/** Bytes a SET of this size leaves in the log, with margin (measured ~140 for 100-byte values and 16-byte keys). */
const logBytesPerWrite = (valueSize: number): number => valueSize + 64;

const liveDirs = new Set<string>();

/** Removes every data directory still present (also on Ctrl-C). */
export function removeSoakDirs(): void {
  for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  liveDirs.clear();
}

/** Refuses to start a phase that would fill the disk (phase A keeps every write). */
export function checkDisk(tmpRoot: string, o: SoakOptions): void {
  const s = statfsSync(tmpRoot);
  const free = s.bavail * s.bsize;
  const need = o.writes * logBytesPerWrite(o.valueSize) * 1.2 + 256 * 2 ** 20;
  if (free < need) {
    throw new Error(`${tmpRoot} has ${(free / 2 ** 30).toFixed(1)} GiB free; a phase of ${o.writes} writes needs about ` +
      `${(need / 2 ** 30).toFixed(1)} GiB: scale down with --writes`);
  }
}

function isCleaning(prev: FahaSample, s: FahaSample): boolean {
  return s.cleanerRunning || s.keysRewritten > prev.keysRewritten || s.segmentsFreed > prev.segmentsFreed;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

/** Samples every TICK_MS until `load` settles; the last tick ends when it does. */
async function sampleWhile(load: Promise<unknown>, info: InfoClient, onTick: () => { completed: number; hist: Histogram | null }): Promise<Tick[]> {
  let settled = false;
  const watched = load.finally(() => (settled = true));
  watched.catch(() => {});
  const ticks: Tick[] = [];
  let prev = await info.sample();
  const started = Date.now();
  for (let k = 1; ; k++) {
    await Promise.race([sleep(started + k * TICK_MS - Date.now()), watched.catch(() => {})]);
    if (settled) await watched;
    const sample = await info.sample();
    ticks.push({ sample, ...onTick(), cleaning: isCleaning(prev, sample) });
    prev = sample;
    if (settled) return ticks;
  }
}

/** The soak's SETs driven by redis-benchmark (-t set -r keys -d size): its whole-run summary row. */
async function setsByRedisBenchmark(p: { port: number; writes: number; keys: number; valueSize: number; pipeline: number; clients: number }): Promise<BenchResult> {
  const run = await runBenchmark({ port: p.port, tests: ['set'], requests: p.writes, clients: p.clients, pipeline: p.pipeline, keyspace: p.keys, valueSize: p.valueSize });
  const row = run.results.find((r) => testId(r.test) === 'set');
  if (run.exitCode !== 0 || row === undefined) throw new Error(`redis-benchmark failed (exit ${run.exitCode}): ${run.stderr}`);
  return row;
}

async function drive(faha: RunningServer, o: SoakOptions): Promise<{ ticks: Tick[]; seconds: number; errors: number; firstError: string; rb: BenchResult | null }> {
  const info = new InfoClient(faha.port);
  const params = { port: faha.port, writes: o.writes, keys: o.keys, valueSize: o.valueSize, pipeline: o.pipeline, clients: o.clients };
  const t0 = performance.now();
  try {
    if (o.load === 'redis-benchmark') {
      let rb: BenchResult | null = null;
      const running = setsByRedisBenchmark(params).then((r) => (rb = r));
      const ticks = await sampleWhile(running, info, () => ({ completed: NaN, hist: null }));
      // redis-benchmark tells no progress: replies per tick are estimated as a steady rate over the run.
      ticks.forEach((t, i) => (t.completed = Math.round((o.writes * (i + 1)) / ticks.length)));
      return { ticks, seconds: (performance.now() - t0) / 1000, errors: 0, firstError: '', rb };
    }
    const load = new SetLoad(params);
    const ticks = await sampleWhile(load.run(), info, () => ({ completed: load.completed, hist: load.rotate() }));
    return { ticks, seconds: (performance.now() - t0) / 1000, errors: load.errors, firstError: load.firstError, rb: null };
  } finally {
    info.close();
  }
}

export async function runPhase(phase: PhaseName, run: number, o: SoakOptions, tmpRoot: string, logDir: string): Promise<PhaseResult> {
  const dir = mkdtempSync(join(tmpRoot, 'faha-soak-'));
  liveDirs.add(dir);
  let faha: RunningServer | null = null;
  let output = '';
  const logFile = join(logDir, `faha-${phase}-run${run}.log`);
  let d: Awaited<ReturnType<typeof drive>>;
  try {
    const segments = o.segmentSize === '' ? [] : ['--segment-size', o.segmentSize];
    faha = await startFaha({ dir, args: [...MODE_ARGS.durable.faha, ...segments, '--log-max-space-amplification', PHASES[phase].amplification] });
    d = await drive(faha, o);
  } finally {
    await faha?.stop(false);
    rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
    output = faha?.output() ?? '';
    writeFileSync(logFile, output);
  }
  return { phase, run, writes: o.writes, ...d, logFile, ...scanLog(output) };
}

/** Lines of faha's output that mention the cleaner, and its warnings ('#' level, as Redis marks them) once ready. */
export function scanLog(output: string): { cleanerLines: string[]; warningLines: string[] } {
  const lines = output.split('\n');
  const ready = lines.findIndex((l) => l.includes('Ready to accept connections'));
  const running = lines.slice(ready + 1);
  return {
    cleanerLines: lines.filter((l) => l.includes('Cleaner')),
    warningLines: running.filter((l) => / # /.test(l) && !/SIGTERM|ready to exit/.test(l)),
  };
}
