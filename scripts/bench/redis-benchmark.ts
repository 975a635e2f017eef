// Runs redis-benchmark (the Redis project's own load generator) against one server and reads its CSV output.
// Knows nothing of which server it is measuring.
import { spawn } from 'node:child_process';

export interface BenchResult {
  /** Test name as redis-benchmark prints it ("SET", "MSET (10 keys)"). */
  test: string;
  rps: number;
  /** Latencies of redis-benchmark 7.0's CSV summary, in ms. */
  avgMs: number;
  p50ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface BenchRun {
  results: BenchResult[];
  exitCode: number;
  stderr: string;
  seconds: number;
}

export interface BenchParams {
  port: number;
  tests: string[];
  requests: number;
  clients: number;
  pipeline: number;
  /** -r: random keys in [0, keyspace) so the load touches many keys, not one; 0 leaves -r out. */
  keyspace: number;
  /** -d: value size in bytes (redis-benchmark's default, 3, when absent). */
  valueSize?: number;
}

/** "SET" → "set", "MSET (10 keys)" → "mset": the name -t takes. */
export function testId(name: string): string {
  return name.split(' ')[0].toLowerCase();
}

function parseCsv(out: string): BenchResult[] {
  const results: BenchResult[] = [];
  for (const line of out.split('\n')) {
    const cells = line.split('","').map((c) => c.replace(/^"|"$/g, ''));
    if (cells.length < 8 || cells[0] === 'test') continue;
    const n = cells.map(Number);
    results.push({ test: cells[0], rps: n[1], avgMs: n[2], p50ms: n[4], p95Ms: n[5], p99Ms: n[6], maxMs: n[7] });
  }
  return results;
}

export function runBenchmark(p: BenchParams): Promise<BenchRun> {
  const args = ['-h', '127.0.0.1', '-p', String(p.port), '-c', String(p.clients), '-n', String(p.requests),
    '-P', String(p.pipeline), ...(p.keyspace > 0 ? ['-r', String(p.keyspace)] : []), ...(p.valueSize !== undefined ? ['-d', String(p.valueSize)] : []),
    '-t', p.tests.join(','), '--csv'];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn('redis-benchmark', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ results: parseCsv(out), exitCode: code ?? -1, stderr: err.trim(), seconds: (Date.now() - started) / 1000 });
    });
  });
}
