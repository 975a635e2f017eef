// faha-check-log --fix: truncates a log at the cut check-log.ts found, the way recovery drops a torn tail: zero the
// bytes from the cut on (fsynced), name only the segments up to it in the MANIFEST, then delete the later files.
// Assumes the caller holds the data directory's lock and has the user's consent; decides nothing itself.
import { closeSync, fsyncSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { writeManifest } from '../engine/manifest.js';
import type { CheckResult } from './check-log.js';

const CHUNK = 1024 * 1024;
const ZEROS = Buffer.alloc(CHUNK);

export interface FixOutcome {
  /** Bytes overwritten with zeros in the segment holding the cut. */
  zeroed: number;
  /** Segment files removed from the MANIFEST (and deleted when present). */
  removed: string[];
}

export function fixLog(res: CheckResult): FixOutcome {
  if (res.cut === null) return { zeroed: 0, removed: [] };
  const { index, offset } = res.cut;
  const seg = res.segments[index];
  const zeroed = seg.missing ? 0 : zeroFrom(seg.path, offset);
  const keep = seg.missing ? index : index + 1;
  const dropped = res.segments.slice(keep);
  if (dropped.length > 0) {
    // Manifest first, files second (the server's order): a crash in between leaves stray files, never a
    // manifest naming a file that is gone.
    writeManifest(res.logDir, { format: 1, epoch: res.epoch, segments: res.segments.slice(0, keep).map((s) => s.id) });
    for (const s of dropped) rmSync(s.path, { force: true });
    syncDir(res.logDir);
  }
  return { zeroed, removed: dropped.map((s) => s.file) };
}

/** Overwrites every nonzero 1 MiB chunk from `offset` to the end of the file with zeros, then fsyncs. */
function zeroFrom(path: string, offset: number): number {
  const fd = openSync(path, 'r+');
  const buf = Buffer.allocUnsafe(CHUNK);
  let zeroed = 0;
  try {
    for (let pos = offset; ; pos += CHUNK) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      if (buf.subarray(0, n).equals(ZEROS.subarray(0, n))) continue;
      writeSync(fd, ZEROS, 0, n, pos);
      zeroed += n;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return zeroed;
}

function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
