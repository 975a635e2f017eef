// The memory benchmark (--memory): N keys of B-byte values loaded into faha and into redis-server, both in memory
// mode, then the DRAM each holds: faha's anonymous resident memory (its log pages are the "persistent memory",
// file-backed), redis-server's whole RSS; baselines, bytes per key, the faha/redis ratio and load times. Measures only.
import { statfsSync } from 'node:fs';
import { directiveArgs } from './faha-directives.js';
import { infoLines } from './info-lines.js';
import { KEY_BYTES } from './key-commands.js';
import { preload } from './preload.js';
import { mib, residentMemory } from '../../server/platform/resident-memory.js';
import { rawCommand } from './raw-command.js';
import { MODE_ARGS } from './servers.js';
import { startSolo, type ServerKind, type SoloServer } from './solo-server.js';

export interface MemoryBenchOptions {
  keys: number;
  valueSize: number;
  /** name=value directives for faha. */
  fahaArgs: string[];
  tmpRoot: string;
  log: (line: string) => void;
}

interface Measured {
  kind: ServerKind;
  baseline: number;
  /** At the end of the settling time. */
  after: number;
  /** Lowest sample while settling: faha's V8 heap frees the loader's garbage at a GC of its own choosing. */
  lowest: number;
  /** Largest value sampled while loading. */
  peak: number;
  loadSeconds: number;
}

/** faha's log for N records: value, key and a record header, with room for segment slack; plus a margin. */
function diskNeeded(keys: number, valueSize: number): number {
  return Math.ceil(keys * (valueSize + KEY_BYTES + 48) * 1.25) + 1024 ** 3;
}

export function checkFreeSpace(dir: string, keys: number, valueSize: number): void {
  const s = statfsSync(dir);
  const free = s.bavail * s.bsize;
  const need = diskNeeded(keys, valueSize);
  if (free < need) {
    throw new Error(`not enough free space under ${dir} for ${keys} keys x ${valueSize} B: ${mib(free)} free, about ${mib(need)} needed (faha's log plus a margin); use --tmp DIR elsewhere or fewer keys`);
  }
}

/** The figure compared: faha's RssAnon, redis-server's VmRSS. */
function dram(kind: ServerKind, pid: number): number {
  const m = residentMemory(pid);
  return kind === 'faha' ? m.anon : m.rss;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * Sampled once a second after loading before the figure is read: freed memory settles (allocator trimming, a V8
 * GC, which on an idle faha came 10-20 s after a 200k-key load).
 */
const SETTLE_SECONDS = 15;

async function settle(kind: ServerKind, pid: number): Promise<{ after: number; lowest: number }> {
  let lowest = Infinity;
  let after = 0;
  for (let i = 0; i < SETTLE_SECONDS; i++) {
    await sleep(1000);
    after = dram(kind, pid);
    lowest = Math.min(lowest, after);
  }
  return { after, lowest };
}

async function loadAndMeasure(kind: ServerKind, s: SoloServer, o: MemoryBenchOptions, baseline: number): Promise<Measured> {
  const pid = s.server.pid;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, dram(kind, pid))), 250);
  let loadSeconds: number;
  try {
    loadSeconds = (await preload({ port: s.server.port, keys: o.keys, valueSize: o.valueSize })).seconds;
  } finally {
    clearInterval(sampler);
  }
  const dbsize = Number((await rawCommand(s.server.port, ['DBSIZE'])).slice(1));
  if (dbsize !== o.keys) throw new Error(`${kind} holds ${dbsize} keys after loading ${o.keys}`);
  o.log(`[memory] loaded ${kind}: ${o.keys} keys in ${loadSeconds.toFixed(1)} s (${(o.keys / loadSeconds).toFixed(0)} SET/s)`);
  const { after, lowest } = await settle(kind, pid);
  return { kind, baseline, after, lowest, peak: Math.max(peak, after), loadSeconds };
}

function perKey(m: Measured, keys: number): number {
  return (m.after - m.baseline) / keys;
}

function report(r: Measured, f: Measured, keys: number): string {
  const rows = [
    ['', 'redis (VmRSS)', 'faha (RssAnon)', 'faha/redis'],
    ['baseline', mib(r.baseline), mib(f.baseline), ''],
    [`after loading (+${SETTLE_SECONDS} s)`, mib(r.after), mib(f.after), (f.after / r.after).toFixed(3)],
    [`lowest in those ${SETTLE_SECONDS} s`, mib(r.lowest), mib(f.lowest), (f.lowest / r.lowest).toFixed(3)],
    ['peak while loading', mib(r.peak), mib(f.peak), (f.peak / r.peak).toFixed(3)],
    ['bytes per key', perKey(r, keys).toFixed(1), perKey(f, keys).toFixed(1), (perKey(f, keys) / perKey(r, keys)).toFixed(3)],
    ['load time (s)', r.loadSeconds.toFixed(1), f.loadSeconds.toFixed(1), (f.loadSeconds / r.loadSeconds).toFixed(2)],
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  return rows.map((x) => x.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

async function fahaDetails(s: SoloServer, o: MemoryBenchOptions): Promise<void> {
  const m = residentMemory(s.server.pid);
  o.log(`[memory] faha VmRSS ${mib(m.rss)} = RssAnon ${mib(m.anon)} + RssFile ${mib(m.file)} (mapped log) + RssShmem ${mib(m.shmem)}`);
  const lines = (await infoLines(s.server.port, 'faha')).filter((l) => /^(hot_|cold_|index_|log_disk_bytes|log_live_bytes)/.test(l));
  if (lines.length > 0) o.log(`[memory] faha INFO: ${lines.join(' ')}`);
}

/** Arguments as a shell would need them (save's empty value visible). */
function shown(args: string[]): string {
  return args.map((a) => (a === '' ? '""' : a)).join(' ');
}

export async function memoryBench(o: MemoryBenchOptions): Promise<void> {
  checkFreeSpace(o.tmpRoot, o.keys, o.valueSize);
  const datasetBytes = o.keys * (o.valueSize + KEY_BYTES);
  const fahaArgs = [...MODE_ARGS.memory.faha, ...directiveArgs(o.fahaArgs, datasetBytes)];
  o.log(`\n[memory] ${o.keys} keys x ${o.valueSize} B values (${mib(datasetBytes)} of keys and values); data under ${o.tmpRoot}`);
  o.log(`[memory] redis-server ${shown(MODE_ARGS.memory.redis)}; faha ${shown(fahaArgs)}`);
  const redis = await startSolo('redis', o.tmpRoot, MODE_ARGS.memory.redis);
  let faha: SoloServer | null = null;
  try {
    faha = await startSolo('faha', o.tmpRoot, fahaArgs);
    await sleep(1000);
    const base = { redis: dram('redis', redis.server.pid), faha: dram('faha', faha.server.pid) };
    // One at a time: the two cores go to the server being loaded and the loader.
    const r = await loadAndMeasure('redis', redis, o, base.redis);
    const f = await loadAndMeasure('faha', faha, o, base.faha);
    await fahaDetails(faha, o);
    o.log(`\n${report(r, f, o.keys)}`);
  } finally {
    await Promise.all([redis.stop(), faha?.stop()]);
  }
}
