// Drives the soak's SET load with redis-benchmark (-t set -r keys -d size --csv) and reads its whole latency
// summary (scripts/bench/redis-benchmark.ts keeps only rps and p50 and passes no -d). Load only.
import { spawn } from 'node:child_process';

export interface RbSummary {
  rps: number;
  avgMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RbParams {
  port: number;
  writes: number;
  keys: number;
  valueSize: number;
  pipeline: number;
  clients: number;
}

/** The SET row of redis-benchmark 7.0's CSV: test, rps, avg, min, p50, p95, p99, max. */
function parseSetRow(out: string): RbSummary | null {
  for (const line of out.split('\n')) {
    const c = line.split('","').map((x) => x.replace(/^"|"$/g, '').trim());
    if (c[0] !== 'SET' || c.length < 8) continue;
    const n = c.map(Number);
    return { rps: n[1], avgMs: n[2], p50Ms: n[4], p95Ms: n[5], p99Ms: n[6], maxMs: n[7] };
  }
  return null;
}

export function runRedisBenchmark(p: RbParams): Promise<RbSummary> {
  const args = ['-h', '127.0.0.1', '-p', String(p.port), '-c', String(p.clients), '-n', String(p.writes), '-P', String(p.pipeline),
    '-r', String(p.keys), '-d', String(p.valueSize), '-t', 'set', '--csv'];
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      const row = parseSetRow(out);
      if (code !== 0 || row === null) reject(new Error(`redis-benchmark ${args.join(' ')} failed (exit ${code}): ${err.trim()}`));
      else resolve(row);
    });
  });
}
