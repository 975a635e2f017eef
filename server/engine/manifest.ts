// The log's manifest: which segment files are live, in order, and the epoch. Replaced atomically
// (write temp, fsync, rename, fsync directory) so a crash leaves either the old or the new one.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { checkFault } from '../platform/fault-points.js';
import { EngineError } from './errors.js';

export interface Manifest {
  format: 1;
  epoch: number;
  /** Live segment ids in log order. */
  segments: number[];
  /**
   * LSN of the first record the log holds (older ones were cleaned away); informational — recovery reads LSNs from
   * the batches. Absent in manifests written before cleaning existed.
   */
  beginLSN?: number;
  /**
   * [epoch, first LSN written in it, random id] for every epoch the log has seen, oldest first: how a primary tells
   * whether a returning node's log is a prefix of its own (replication). Absent in manifests written before
   * replication; the id is absent (0) in those written before epoch ids.
   */
  epochs?: number[][];
}

const FILE = 'MANIFEST';

export function readManifest(logDir: string): Manifest | null {
  const path = join(logDir, FILE);
  if (!existsSync(path)) return null;
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (err) {
    throw new EngineError('ERR_LOG_CORRUPT', `manifest ${path} is unreadable: ${(err as Error).message}`);
  }
  if (m.format !== 1 || !Array.isArray(m.segments) || typeof m.epoch !== 'number') {
    throw new EngineError('ERR_LOG_CORRUPT', `manifest ${path} has an unknown format`);
  }
  return m;
}

export function writeManifest(logDir: string, m: Manifest): void {
  const tmp = join(logDir, FILE + '.tmp');
  checkFault('manifest-write', `write ${tmp}`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, JSON.stringify(m) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(logDir, FILE));
  const dfd = openSync(logDir, 'r');
  try {
    fsyncSync(dfd);
  } finally {
    closeSync(dfd);
  }
}
