// faha-check-log's judgement: walks a log with plain file reads, batch by batch as recovery does, and says whether
// it is OK, ends in a TORN TAIL (what faha-server truncates by itself) or is CORRUPT, and what lies after the bad
// spot. Never writes (check-log-fix.ts does), never maps segments, never prompts or exits (check-log-main.ts).
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBatchHeader, segmentStartLSNProblem, walkRecords } from '../engine/batch-walk.js';
import { BATCH_ALIGN, BATCH_HEADER_SIZE, BATCH_MAGIC, BH_LENGTH, BH_MAGIC, alignUp } from '../engine/format.js';
import { readManifest } from '../engine/manifest.js';
import { checkBatch } from '../engine/recovery.js';
import { segmentFileName } from '../engine/segment.js';
import { SegmentReader } from './segment-reader.js';

export type Verdict = 'OK' | 'TORN TAIL' | 'CORRUPT';

export interface SegmentReport {
  id: number;
  file: string;
  path: string;
  missing: boolean;
  /** File size in bytes (segments are preallocated). */
  size: number;
  /** End of the last good batch before the bad spot: the bytes in use. */
  used: number;
  batches: number;
  records: number;
  /** LSN range of those batches; 0 when there are none. */
  firstLSN: number;
  lastLSN: number;
  /** Good batches found after the bad spot (in this segment or because it comes after the bad one). */
  afterBad: { batches: number; records: number; bytes: number };
}

/** The first place recovery cannot go past. */
export interface BadSpot {
  index: number;
  file: string;
  offset: number;
  reason: string;
  /** faha-server refuses to start on it whatever follows (a missing file, a record that does not fit its batch). */
  fatal: boolean;
}

export interface CheckResult {
  logDir: string;
  dataDir: string;
  epoch: number;
  segments: SegmentReport[];
  /** Segment files in the log directory that the manifest does not name. */
  strays: string[];
  notes: string[];
  verdict: Verdict;
  bad: BadSpot | null;
  /** Where --fix truncates: the bad spot, or the first part of a CONTINUED batch left incomplete by it. */
  cut: { index: number; offset: number } | null;
  /** What --fix discards that passes its checks (good batches after the bad spot, incomplete CONTINUED parts). */
  lost: { batches: number; records: number; bytes: number; files: string[] };
  /** Nonzero bytes from the cut to the end of each segment's data, all segments after the cut's together. */
  discardedBytes: number;
}

export class CheckLogError extends Error {
  readonly code = 'ERR_CHECK_LOG';
}

/** `path` is a data directory (holding log/) or the log directory itself (holding MANIFEST). */
export function locateLog(path: string): { logDir: string; dataDir: string } {
  const abs = resolve(path);
  if (existsSync(join(abs, 'MANIFEST'))) return { logDir: abs, dataDir: dirname(abs) };
  if (existsSync(join(abs, 'log', 'MANIFEST'))) return { logDir: join(abs, 'log'), dataDir: abs };
  if (!existsSync(abs)) throw new CheckLogError(`Cannot open ${path}: No such file or directory`);
  throw new CheckLogError(`No faha log in ${path}: neither ${join(path, 'MANIFEST')} nor ${join(path, 'log', 'MANIFEST')} exists`);
}

interface CarriedPart {
  index: number;
  off: number;
  end: number;
  records: number;
}

/** Mutable state of one walk through the manifest's segments. */
interface Walk {
  expectLSN: number;
  carried: CarriedPart[];
  bad: BadSpot | null;
}

export function checkLog(path: string): CheckResult {
  const { logDir, dataDir } = locateLog(path);
  const manifest = readManifest(logDir);
  if (manifest === null) throw new CheckLogError(`No MANIFEST in ${logDir}`);
  const segments = manifest.segments.map((id) => emptyReport(logDir, id));
  const walk: Walk = { expectLSN: -1, carried: [], bad: null };
  const notes: string[] = [];
  for (let i = 0; i < segments.length && walk.bad === null; i++) walkSegment(segments, i, walk, notes);
  const { discarded, laterJunk } = walk.bad === null ? { discarded: 0, laterJunk: false } : measureAfterBad(segments, walk.bad);
  const result: CheckResult = {
    logDir, dataDir, epoch: manifest.epoch, segments, strays: findStrays(logDir, manifest.segments), notes,
    verdict: 'OK', bad: walk.bad, cut: null, lost: { batches: 0, records: 0, bytes: 0, files: [] }, discardedBytes: discarded,
  };
  judge(result, walk, laterJunk);
  noteReusedStrays(result, manifest.segments);
  return result;
}

function emptyReport(logDir: string, id: number): SegmentReport {
  const file = segmentFileName(id);
  const path = join(logDir, file);
  return {
    id, file, path, missing: !existsSync(path), size: 0, used: 0, batches: 0, records: 0, firstLSN: 0, lastLSN: 0,
    afterBad: { batches: 0, records: 0, bytes: 0 },
  };
}

function findStrays(logDir: string, live: number[]): string[] {
  const named = new Set(live.map(segmentFileName));
  return readdirSync(logDir).filter((f) => /^\d{8}\.seg$/.test(f) && !named.has(f)).sort();
}

/**
 * faha-server names a new segment after the newest live one and creates it over an existing file, keeping that
 * file's old bytes: a stray with a higher id is worth deleting before the server starts.
 */
function noteReusedStrays(res: CheckResult, live: number[]): void {
  const newest = live.length === 0 ? 0 : Math.max(...live);
  for (const f of res.strays) {
    if (Number(f.slice(0, 8)) > newest) res.notes.push(`stray ${f} has an id faha-server may reuse for a new segment, keeping its old bytes; delete it.`);
  }
}

/** Walks segment `i`'s batches from offset 0 until its data ends or a batch fails; sets walk.bad on failure. */
function walkSegment(segments: SegmentReport[], i: number, walk: Walk, notes: string[]): void {
  const rep = segments[i];
  if (rep.missing) {
    walk.bad = { index: i, file: rep.file, offset: 0, reason: 'segment file named by the MANIFEST is missing', fatal: true };
    return;
  }
  const r = new SegmentReader(rep.path);
  try {
    rep.size = r.size;
    let off = 0;
    while (off + BATCH_HEADER_SIZE <= r.size && r.view(off, 4).readUInt32LE(BH_MAGIC) !== 0) {
      const next = acceptBatch(r, segments, i, off, walk);
      if (next < 0) {
        rep.used = off;
        return;
      }
      off = next;
    }
    rep.used = off;
    checkAfterEnd(r, segments, i, walk, notes);
  } finally {
    r.close();
  }
}

/** The bytes of the batch at `off`, or only its header when its length runs past the file (checkBatch says so). */
function batchBytes(r: SegmentReader, off: number): Buffer {
  const length = r.view(off, BATCH_HEADER_SIZE).readUInt32LE(BH_LENGTH);
  const whole = off + BATCH_HEADER_SIZE + length <= r.size;
  return r.view(off, whole ? BATCH_HEADER_SIZE + length : BATCH_HEADER_SIZE);
}

/** Why the batch at `off` cannot be replayed (and whether the server refuses to start on it), or null. */
function judgeBatch(b: Buffer, fileLeft: number, off: number, expectLSN: number): { reason: string; fatal: boolean } | null {
  // As recovery: LSNs may jump forward at a segment's start (segments freed by the cleaner), never go back.
  const problem = checkBatch({ buf: b, size: fileLeft }, 0, off === 0 ? -1 : expectLSN) ??
    (off === 0 ? segmentStartLSNProblem(readBatchHeader(b, 0).firstLSN, expectLSN) : null);
  if (problem !== null) return { reason: problem, fatal: false };
  const bad = walkRecords(b, 0);
  // Recovery stops on a record that does not fit its batch wherever it is: the CRC held, so this is no torn write.
  if (bad !== null) return { reason: `record at offset ${off + bad.at}: ${bad.reason}`, fatal: true };
  return null;
}

/** Checks and counts the batch at `off`; returns the next batch's offset, or -1 after recording the bad spot. */
function acceptBatch(r: SegmentReader, segments: SegmentReport[], i: number, off: number, walk: Walk): number {
  const rep = segments[i];
  const b = batchBytes(r, off);
  const problem = judgeBatch(b, r.size - off, off, walk.expectLSN);
  if (problem !== null) {
    walk.bad = { index: i, file: rep.file, offset: off, ...problem };
    return -1;
  }
  const h = readBatchHeader(b, 0);
  rep.batches++;
  rep.records += h.count;
  if (h.count > 0) {
    if (rep.firstLSN === 0) rep.firstLSN = h.firstLSN;
    rep.lastLSN = h.firstLSN + h.count - 1;
  }
  walk.expectLSN = h.firstLSN + h.count;
  const next = Math.min(alignUp(off + BATCH_HEADER_SIZE + h.length), r.size);
  if (h.continued) walk.carried.push({ index: i, off, end: next, records: h.count });
  else walk.carried = [];
  return next;
}

/**
 * After the zero header that ends a segment's data: good batches hidden behind it mean a header was wiped (data
 * recovery would skip); other nonzero bytes are a torn tail in the last segment, and ignored by recovery elsewhere.
 */
function checkAfterEnd(r: SegmentReader, segments: SegmentReport[], i: number, walk: Walk, notes: string[]): void {
  const rep = segments[i];
  const last = r.lastNonZero(rep.used);
  if (last < 0) return;
  const hidden = countGood(r, rep.used);
  if (hidden.batches > 0) {
    walk.bad = { index: i, file: rep.file, offset: rep.used, reason: 'a zeroed batch header, with good batches after it', fatal: false };
  } else if (i === segments.length - 1) {
    walk.bad = { index: i, file: rep.file, offset: rep.used, reason: `${last + 1 - rep.used} bytes after the last batch are not a batch`, fatal: false };
  } else {
    notes.push(`${rep.file} has nonzero bytes between the end of its data (offset ${rep.used}) and offset ${last + 1}; faha-server ignores them.`);
  }
}

interface Found {
  batches: number;
  records: number;
  bytes: number;
}

/** Batches that pass their own checks (LSN continuity aside) at 256-byte aligned offsets from `from` on. */
function countGood(r: SegmentReader, from: number): Found {
  const found: Found = { batches: 0, records: 0, bytes: 0 };
  let off = alignUp(from);
  while (off + BATCH_HEADER_SIZE <= r.size) {
    if (r.view(off, 4).readUInt32LE(BH_MAGIC) === BATCH_MAGIC) {
      const b = batchBytes(r, off);
      if (judgeBatch(b, r.size - off, off, -1) === null) {
        const h = readBatchHeader(b, 0);
        const size = alignUp(BATCH_HEADER_SIZE + h.length);
        found.batches++;
        found.records += h.count;
        found.bytes += size;
        off += size;
        continue;
      }
    }
    off += BATCH_ALIGN;
  }
  return found;
}

/** Counts the good batches after the bad spot and the nonzero bytes a truncation there would discard. */
function measureAfterBad(segments: SegmentReport[], bad: BadSpot): { discarded: number; laterJunk: boolean } {
  let discarded = 0;
  let laterJunk = false;
  for (let i = bad.index; i < segments.length; i++) {
    const rep = segments[i];
    if (rep.missing) continue;
    const r = new SegmentReader(rep.path);
    try {
      rep.size = r.size;
      const from = i === bad.index ? bad.offset : 0;
      // From the bad spot itself: a batch that is whole but out of LSN order is no torn write, and counts as lost.
      rep.afterBad = countGood(r, from);
      const last = r.lastNonZero(from);
      if (last >= 0) {
        discarded += Math.min(alignUp(last + 1), r.size) - from;
        if (i > bad.index) laterJunk = true;
      }
    } finally {
      r.close();
    }
  }
  return { discarded, laterJunk };
}

/** Sets the verdict, the cut --fix would make and what it would lose. */
function judge(res: CheckResult, walk: Walk, laterJunk: boolean): void {
  const carried = walk.carried;
  if (res.bad === null && carried.length === 0) return;
  const goodAfter = res.segments.reduce((n, s) => n + s.afterBad.batches, 0);
  if (res.bad === null) {
    const first = carried[0];
    res.bad = { index: first.index, file: res.segments[first.index].file, offset: first.off, reason: 'the log ends in a CONTINUED batch whose final part is missing', fatal: false };
  }
  res.cut = carried.length > 0 ? { index: carried[0].index, offset: carried[0].off } : { index: res.bad.index, offset: res.bad.offset };
  const lost = res.lost;
  for (const s of res.segments) {
    lost.batches += s.afterBad.batches;
    lost.records += s.afterBad.records;
    lost.bytes += s.afterBad.bytes;
  }
  for (const p of carried) {
    lost.batches++;
    lost.records += p.records;
    lost.bytes += p.end - p.off;
    res.discardedBytes += p.end - p.off;
  }
  const keep = res.segments[res.cut.index].missing ? res.cut.index : res.cut.index + 1;
  lost.files = res.segments.slice(keep).filter((s) => !s.missing).map((s) => s.file);
  // A bad spot is a torn tail only when nothing good follows it anywhere: otherwise truncating drops good data.
  const corrupt = res.bad.fatal || goodAfter > 0 || laterJunk;
  res.verdict = corrupt ? 'CORRUPT' : 'TORN TAIL';
}
