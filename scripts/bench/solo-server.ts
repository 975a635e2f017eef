// Starts one faha or redis-server for the memory and Zipfian benchmarks, with extra arguments, in its own temporary
// data directory under the benchmark's temp root (the repository's filesystem), and removes it after, also on Ctrl-C.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startFaha, startRedis, type RunningServer } from '../../server/testing/servers.js';

export type ServerKind = 'faha' | 'redis';

export interface SoloServer {
  server: RunningServer;
  stop(): Promise<void>;
}

const liveDirs = new Set<string>();

/** Removes every data directory still present (the Ctrl-C path). */
export function removeSoloDirs(): void {
  for (const d of liveDirs) rmSync(d, { recursive: true, force: true });
  liveDirs.clear();
}

/** Loading millions of keys makes a restart-free start slow only for faha's recovery; 60 s covers a busy machine. */
const START_TIMEOUT_MS = 60_000;

export async function startSolo(kind: ServerKind, tmpRoot: string, args: string[]): Promise<SoloServer> {
  const dir = mkdtempSync(join(tmpRoot, `faha-bench-${kind}-`));
  liveDirs.add(dir);
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true });
    liveDirs.delete(dir);
  };
  let server: RunningServer;
  try {
    const opts = { dir, args, timeoutMs: START_TIMEOUT_MS };
    server = kind === 'faha' ? await startFaha(opts) : await startRedis(opts);
  } catch (err) {
    remove();
    throw err;
  }
  return {
    server,
    stop: async () => {
      await server.stop(false);
      remove();
    },
  };
}
