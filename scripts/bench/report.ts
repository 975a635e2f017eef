// Turns benchmark samples into the printed table: medians per (mode, test, pipeline, server) and the faha/redis
// ratio. Formatting only.
import type { BenchMode } from './options.js';

export interface Sample {
  mode: BenchMode;
  test: string;
  pipeline: number;
  server: 'redis' | 'faha';
  rps: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function table(samples: Sample[]): string {
  const rows: string[][] = [['mode', 'test', 'P', 'runs', 'redis rps', 'faha rps', 'faha/redis']];
  const keys = new Map<string, Sample>();
  for (const s of samples) keys.set(`${s.mode}|${s.test}|${s.pipeline}`, s);
  for (const k of keys.values()) {
    const pick = (server: 'redis' | 'faha') =>
      samples.filter((s) => s.mode === k.mode && s.test === k.test && s.pipeline === k.pipeline && s.server === server).map((s) => s.rps);
    const [r, f] = [pick('redis'), pick('faha')];
    const [mr, mf] = [median(r), median(f)];
    rows.push([k.mode, k.test, String(k.pipeline), String(Math.min(r.length, f.length)), mr.toFixed(0), mf.toFixed(0), (mf / mr).toFixed(2)]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => pad(c, widths[i], i >= 2)).join('  ')).join('\n');
}
