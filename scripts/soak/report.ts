// Turns soak phase results into the printed figures: throughput, latency percentiles (whole run, and for the
// cleaning phase the seconds the cleaner worked vs the rest), the log's bytes vs live bytes, the cleaner's work,
// and the issue's two criteria. Formatting and arithmetic only.
import { Histogram, mergeAll } from './histogram.js';
import { PHASES, type PhaseResult, type Tick } from './phase.js';

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface AmpSummary {
  samples: number;
  max: number;
  maxAtWrites: number;
  mean: number;
  final: number;
  over: number;
  maxDisk: number;
}

const MB = 2 ** 20;

export function latencyOf(h: Histogram): Latency {
  return { count: h.count, p50: h.percentileMs(50), p99: h.percentileMs(99), max: h.maxMs };
}

function hist(ticks: Tick[]): Histogram {
  return mergeAll(ticks.flatMap((t) => (t.hist === null ? [] : [t.hist])));
}

export function wholeRun(r: PhaseResult): Latency | null {
  if (r.rb !== null) return { count: r.writes, p50: r.rb.p50ms, p99: r.rb.p99Ms, max: r.rb.maxMs };
  return latencyOf(hist(r.ticks));
}

export function whileCleaning(r: PhaseResult): Latency | null {
  if (r.rb !== null) return null;
  return latencyOf(hist(r.ticks.filter((t) => t.cleaning)));
}

/**
 * log_disk_bytes / log_live_bytes over the 1-s samples taken once at least `fromWrites` replies had arrived
 * (under redis-benchmark, estimated from the time elapsed).
 */
export function amplification(r: PhaseResult, fromWrites: number, bound: number): AmpSummary | null {
  const ticks = r.ticks.filter((t) => t.completed >= fromWrites);
  if (ticks.length === 0) return null;
  const amps = ticks.map((t) => t.sample.diskBytes / Math.max(1, t.sample.liveBytes));
  const i = amps.indexOf(Math.max(...amps));
  return {
    samples: amps.length,
    max: amps[i],
    maxAtWrites: ticks[i].completed,
    mean: amps.reduce((a, b) => a + b, 0) / amps.length,
    final: amps[amps.length - 1],
    over: amps.filter((a) => a > bound).length,
    maxDisk: Math.max(...ticks.map((t) => t.sample.diskBytes)),
  };
}

const f = (x: number, d = 2): string => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const lat = (l: Latency | null): string => (l === null || l.count === 0 ? 'n/a' : `p50 ${f(l.p50, 3)} ms, p99 ${f(l.p99, 3)} ms, max ${f(l.max, 3)} ms (${l.count} replies)`);

export function describe(r: PhaseResult, keys: number): string[] {
  const out: string[] = [];
  const last = r.ticks[r.ticks.length - 1].sample;
  const tag = `[${r.phase} ${PHASES[r.phase].label}, run ${r.run}]`;
  out.push(`${tag} ${r.writes} SETs in ${f(r.seconds, 1)} s = ${f(r.writes / r.seconds, 0)} writes/s; errors ${r.errors}${r.firstError ? ` (first: ${r.firstError})` : ''}`);
  out.push(`${tag} latency, whole run: ${lat(wholeRun(r))}`);
  if (r.rb !== null) out.push(`${tag} redis-benchmark CSV: rps ${r.rb.rps}, avg ${r.rb.avgMs}, p50 ${r.rb.p50ms}, p95 ${r.rb.p95Ms}, p99 ${r.rb.p99Ms}, max ${r.rb.maxMs} ms`);
  if (r.phase === 'B' && r.rb === null) {
    const cleaning = r.ticks.filter((t) => t.cleaning);
    out.push(`${tag} latency, the ${cleaning.length} of ${r.ticks.length} one-second ticks the cleaner worked in: ${lat(whileCleaning(r))}`);
    out.push(`${tag} latency, the other ${r.ticks.length - cleaning.length} ticks: ${lat(latencyOf(hist(r.ticks.filter((t) => !t.cleaning))))}`);
  }
  const bound = Number(PHASES[r.phase].amplification);
  for (const [name, from] of [['first fill (replies >= keys)', keys], ['3 x keys replies', 3 * keys]] as const) {
    const a = amplification(r, from, bound);
    if (a === null) continue;
    out.push(`${tag} log_disk_bytes / log_live_bytes, 1-s samples after ${name}: max ${f(a.max)} (at ${a.maxAtWrites} replies), mean ${f(a.mean)}, ` +
      `final ${f(a.final)}, ${a.over} of ${a.samples} samples over ${bound}; max disk ${f(a.maxDisk / MB, 0)} MiB`);
  }
  out.push(`${tag} at the end: log_disk_bytes ${last.diskBytes} (${f(last.diskBytes / MB, 0)} MiB), log_live_bytes ${last.liveBytes} (${f(last.liveBytes / MB, 0)} MiB), ` +
    `segments ${last.segments}; cleaner: segments freed ${last.segmentsFreed}, bytes copied ${last.bytesCopied} (${f(last.bytesCopied / MB, 0)} MiB), keys rewritten ${last.keysRewritten}`);
  out.push(`${tag} faha log ${r.logFile}: ${r.cleanerLines.length} line(s) mention 'Cleaner', ${r.warningLines.length} warning line(s)`);
  for (const l of [...r.cleanerLines, ...r.warningLines].slice(0, 10)) out.push(`${tag}   ${l}`);
  return out;
}

/** The issue's criteria, per run that has both phases: p99 while cleaning ≤ 2 × p99 without, and the log bound. */
export function verdict(results: PhaseResult[], keys: number): string[] {
  const out: string[] = [];
  for (const b of results.filter((r) => r.phase === 'B')) {
    const a = results.find((r) => r.phase === 'A' && r.run === b.run);
    const amp = amplification(b, keys, 2);
    const ampText = amp === null ? 'no samples after the first fill' : `max ${f(amp.max)} after the first fill → ${amp.max <= 2 ? 'held' : 'NOT held'}`;
    out.push(`run ${b.run}: log bytes <= 2 x live bytes: ${ampText}`);
    if (a === undefined) continue;
    const pa = wholeRun(a)!.p99;
    const cleaning = whileCleaning(b) ?? wholeRun(b)!;
    const which = b.rb === null ? 'B while cleaning' : 'B whole run (redis-benchmark)';
    out.push(`run ${b.run}: p99 ${which} ${f(cleaning.p99, 3)} ms vs A ${f(pa, 3)} ms = ${f(cleaning.p99 / pa)} x → ${cleaning.p99 <= 2 * pa ? 'within 2x' : 'NOT within 2x'}` +
      `; B whole run p99 ${f(wholeRun(b)!.p99, 3)} ms`);
  }
  return out;
}
