// The data directory lock: one faha process per `dir`, enforced with flock on <dir>/faha.lock (released by the
// kernel when the process dies, so a crash never leaves a stale lock).
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tryLockExclusive } from '../platform/libc.js';
import { DirLockedError } from './errors.js';

export function lockDataDir(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const fd = openSync(join(dir, 'faha.lock'), 'a+', 0o644);
  if (!tryLockExclusive(fd)) throw new DirLockedError(dir);
  writeFileSync(join(dir, 'faha.lock'), `${process.pid}\n`);
  return fd;
}
