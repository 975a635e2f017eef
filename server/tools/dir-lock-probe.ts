// Tells whether a faha server holds a data directory, the way dir-lock.ts enforces it: an flock on <dir>/faha.lock.
// Opens the lock file read-only and never writes it; while the probe holds the lock no server can start there.
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DirLockProbe {
  /** A running server holds the directory. */
  held: boolean;
  /** The pid the lock file names, when it names one. */
  pid: number | null;
  /** Drops the probe's own lock (taken when the directory was free). */
  release(): void;
}

function lockFilePid(path: string): number | null {
  const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the directory's lock without waiting when it is free (hold it while repairing, then release). Where libc's
 * flock cannot be bound, falls back to asking whether the pid in the lock file is alive.
 */
export async function probeDirLock(dataDir: string): Promise<DirLockProbe> {
  const path = join(dataDir, 'faha.lock');
  if (!existsSync(path)) return { held: false, pid: null, release: () => {} };
  const pid = lockFilePid(path);
  let tryLock: ((fd: number) => boolean) | null = null;
  try {
    tryLock = (await import('../platform/libc.js')).tryLockExclusive;
  } catch {
    return { held: pid !== null && pid !== process.pid && alive(pid), pid, release: () => {} };
  }
  const fd = openSync(path, 'r');
  if (tryLock(fd)) return { held: false, pid, release: () => closeSync(fd) };
  closeSync(fd);
  return { held: true, pid, release: () => {} };
}
