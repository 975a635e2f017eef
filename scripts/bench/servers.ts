// Starts the two servers a benchmark mode compares, with matching durability, their data directories side by side
// on one filesystem (the repository's, not /dev/shm, unless --tmp says otherwise), and removes everything after.
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../server/paths.js';
import { startFaha, startRedis, type RunningServer } from '../../server/testing/servers.js';
import type { BenchMode } from './options.js';

export interface ServerPair {
  redis: RunningServer;
  faha: RunningServer;
  /** The persistence backend faha reported at start-up. */
  backend: string;
  stop(): Promise<void>;
}

/** What each mode asks of each server: the same durability promise on both sides. */
export const MODE_ARGS: Record<BenchMode, { redis: string[]; faha: string[] }> = {
  durable: { redis: ['--appendonly', 'yes', '--appendfsync', 'always'], faha: ['--appendfsync', 'always'] },
  memory: { redis: ['--appendonly', 'no', '--save', ''], faha: ['--appendfsync', 'no'] },
};

const liveRoots = new Set<string>();

/** Removes every data directory still present (also on Ctrl-C). */
export function removeTempDirs(): void {
  for (const d of liveRoots) rmSync(d, { recursive: true, force: true });
  liveRoots.clear();
}

/** The system temp dir when it shares the repository's filesystem, else a directory inside the repository. */
function defaultTmpRoot(): string {
  const t = tmpdir();
  if (!t.startsWith('/dev/shm') && statSync(t).dev === statSync(PROJECT_ROOT).dev) return t;
  const inRepo = join(PROJECT_ROOT, '.bench-tmp');
  mkdirSync(inRepo, { recursive: true });
  return inRepo;
}

export function tmpRootFor(requested: string): string {
  return requested !== '' ? requested : defaultTmpRoot();
}

function tempRoot(tmpRoot: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpRoot, 'faha-bench-'));
  liveRoots.add(root);
  return {
    root,
    remove: () => {
      rmSync(root, { recursive: true, force: true });
      liveRoots.delete(root);
    },
  };
}

function backendOf(faha: RunningServer): string {
  const m = /Persistence backend: (.*)/.exec(faha.output());
  return m === null ? "unknown (not in faha's start-up log)" : m[1].trim();
}

/** faha alone (the smoke run). */
export async function startFahaOnly(mode: BenchMode, tmpRoot: string): Promise<{ faha: RunningServer; backend: string; stop(): Promise<void> }> {
  const t = tempRoot(tmpRoot);
  let faha: RunningServer;
  try {
    faha = await startFaha({ dir: t.root, args: MODE_ARGS[mode].faha });
  } catch (err) {
    t.remove();
    throw err;
  }
  const stop = async () => {
    await faha.stop(false);
    t.remove();
  };
  return { faha, backend: backendOf(faha), stop };
}

export async function startPair(mode: BenchMode, tmpRoot: string): Promise<ServerPair> {
  const t = tempRoot(tmpRoot);
  const [redisDir, fahaDir] = [join(t.root, 'redis'), join(t.root, 'faha')];
  mkdirSync(redisDir);
  mkdirSync(fahaDir);
  let redis: RunningServer | null = null;
  let faha: RunningServer | null = null;
  const stop = async () => {
    await Promise.all([redis?.stop(false), faha?.stop(false)]);
    t.remove();
  };
  try {
    redis = await startRedis({ dir: redisDir, args: MODE_ARGS[mode].redis });
    faha = await startFaha({ dir: fahaDir, args: MODE_ARGS[mode].faha });
  } catch (err) {
    await stop();
    throw err;
  }
  return { redis, faha, backend: backendOf(faha), stop };
}
