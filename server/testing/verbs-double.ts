// Test support: builds the libibverbs test double (native/test-verbs) with the system C compiler, and its self-test.
// It only compiles and names paths; loading the double is FAHA_IBVERBS_LIB's job, never this module's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCE = join('native', 'test-verbs', 'faha_test_verbs.c');

/** The repository root: the first ancestor of this module holding the double's sources (works from any outDir). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, SOURCE))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find ${SOURCE} above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}

/** The directory of the double's C sources. */
export function verbsDoubleSources(): string {
  return join(repoRoot(), 'native', 'test-verbs');
}

function cc(args: string[]): void {
  const r = spawnSync('cc', args, { encoding: 'utf8' });
  if (r.error) throw new Error(`cannot run cc (install gcc or clang): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`cc ${args.join(' ')} failed:\n${r.stderr}`);
}

/** Compiles the double into `dir` and returns the path of the shared object (for FAHA_IBVERBS_LIB). */
export function buildVerbsDouble(dir: string): string {
  const so = join(dir, 'libfaha-test-verbs.so');
  cc(['-shared', '-fPIC', '-O2', '-Wall', '-o', so, join(verbsDoubleSources(), 'faha_test_verbs.c'), '-lpthread']);
  return so;
}

/** Compiles the self-test, linked against the double at `so`, into `dir`; returns the executable's path. */
export function buildVerbsSelftest(dir: string, so: string): string {
  const exe = join(dir, 'double-selftest');
  cc(['-O2', '-Wall', '-o', exe, join(verbsDoubleSources(), 'double_selftest.c'), so, `-Wl,-rpath,${dirname(so)}`]);
  return exe;
}

/**
 * The environment that makes a process use the double. Processes that talk to each other must share `stateDir`
 * (their sockets and MR registries live there; default /tmp/faha-verbs-<uid>). devices: 0 mimics a machine
 * without an RDMA device.
 */
export function verbsDoubleEnv(so: string, stateDir?: string, devices: 0 | 1 = 1): Record<string, string> {
  const env: Record<string, string> = { FAHA_IBVERBS_LIB: so, FAHA_TEST_VERBS_DEVICES: String(devices) };
  if (stateDir !== undefined) env.FAHA_TEST_VERBS_DIR = stateDir;
  return env;
}
