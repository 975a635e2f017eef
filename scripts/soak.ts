// The soak (npm run soak -- --help; issue 4 §6): millions of SETs over a large key space against faha with
// appendfsync always, once with the cleaner held off (phase A) and once with its default bound (phase B), printing
// throughput, latency percentiles, the log's bytes against live bytes, and the two criteria. Measures only.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runCli } from './cli.js';
import { tmpRootFor } from './bench/servers.js';
import { parseOptions, USAGE, type SoakOptions } from './soak/options.js';
import { checkDisk, removeSoakDirs, runPhase, type PhaseName, type PhaseResult } from './soak/phase.js';
import { describe, verdict } from './soak/report.js';

function log(line: string): void {
  process.stdout.write(line + '\n');
}

function version(cmd: string): string {
  const r = spawnSync(cmd, ['--version']);
  return r.status === 0 ? r.stdout.toString().trim() : `${cmd} not found`;
}

/** Run 1 in the order asked, later runs alternating, so drift on a shared machine favours neither phase. */
function orderOf(run: number, phases: PhaseName[]): PhaseName[] {
  return run % 2 === 1 ? phases : [...phases].reverse();
}

async function soak(o: SoakOptions): Promise<void> {
  const tmpRoot = tmpRootFor(o.tmpRoot);
  checkDisk(tmpRoot, o);
  const logDir = mkdtempSync(join(tmpdir(), 'faha-soak-logs-'));
  mkdirSync(logDir, { recursive: true });
  log(`node ${process.version}; ${o.load === 'own' ? 'load: the soak\'s own generator' : version('redis-benchmark')}`);
  log(`SET: ${o.writes} writes per phase over ${o.keys} random keys, ${o.valueSize}-byte values, ${o.clients} clients, pipeline ${o.pipeline}; ` +
    `faha appendfsync always, ${o.segmentSize === '' ? "faha's default" : o.segmentSize} segments, data under ${tmpRoot}; faha logs in ${logDir}`);
  const results: PhaseResult[] = [];
  for (let run = 1; run <= o.runs; run++) {
    for (const phase of orderOf(run, o.phases)) {
      const r = await runPhase(phase, run, o, tmpRoot, logDir);
      results.push(r);
      for (const line of describe(r, o.keys)) log(line);
    }
  }
  log('');
  for (const line of verdict(results, o.keys)) log(line);
}

async function main(opts: SoakOptions): Promise<number> {
  await soak(opts);
  return 0;
}

runCli('soak', USAGE, parseOptions, main, removeSoakDirs);
