// The append-only log: records go into the open batch of the head segment; the batch is sealed once per
// event-loop turn (group commit), persisted, and then `durableLSN` advances. Owns segments, the manifest, the
// write head and the persistence pipeline; knows record bytes, not keys' meaning.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PersistenceBackend } from '../platform/pmem.js';
import { crc32c } from './crc.js';
import { EngineError } from './errors.js';
import {
  BATCH_ALIGN, BATCH_CONTINUED, BATCH_HEADER_SIZE, BATCH_MAGIC, BATCH_VERSION, BH_COUNT, BH_CRC, BH_EPOCH,
  BH_FIRST_LSN_LO, BH_FLAGS, BH_LENGTH, BH_MAGIC, BH_RESERVED, BH_VERSION, REC_DB, REC_EXPIRE_HI, REC_EXPIRE_LO,
  REC_FLAGS, REC_HEADER_SIZE, REC_KEY_LEN, REC_KIND, REC_LENGTH, REC_VALUE_LEN, alignUp, writeU64,
} from './format.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { recoverLog, type RecordVisitor } from './recovery.js';
import { Segment } from './segment.js';

export type FsyncPolicy = 'always' | 'everysec' | 'no';

export interface LogOptions {
  /** The data directory; segments live in `<dir>/log`. */
  dir: string;
  segmentSize: number;
  backend: PersistenceBackend;
  fsync: FsyncPolicy;
  /** Reports recovery progress and persistence errors; the server passes its logger. */
  warn?: (msg: string) => void;
  /**
   * Where msync runs on an ordinary file: 'inline' on the event loop at the end of the turn (as Redis's
   * appendfsync always does), or 'worker' on a thread while the next batch executes. See persistMode below.
   */
  persistMode?: PersistMode;
}

/**
 * 'inline' is the default because it measured faster here (scripts/bench.ts durable, SET -c 50 -r 100000: P1
 * 0.78-0.86 vs 0.71-0.74 of redis-server, P16 0.79-0.87 vs 0.73-0.85): an msync on another thread must
 * write-protect the pages this thread keeps writing, which costs TLB-shootdown interrupts and thread wake-ups
 * per round; with flushes of ~0.16 ms that outweighs the overlap. 'worker' may win where flushes are slow.
 */
export type PersistMode = 'inline' | 'worker';

interface PendingRange {
  seg: Segment;
  from: number;
  to: number;
}

const TWO_32 = 0x100000000;
/**
 * Persist rounds allowed in flight at once. Two lets the writes that arrive during one msync start their own at
 * the end of the turn instead of waiting a whole round (scripts/bench.ts durable SET -P 1).
 */
const PERSIST_ROUNDS = 2;

interface PersistRound {
  target: number;
  ranges: PendingRange[];
  left: number;
  failure: Error | null;
  generation: number;
}
/** How far ahead of the write head pages are pre-faulted (scripts/bench.ts memory SET -P 16: ~3% faster). */
const PREFAULT_WINDOW = 8 * 1024 * 1024;

/** Short keys dominate: a byte loop beats Buffer.write's encoding dispatch for them. */
function writeLatin1(buf: Buffer, s: string, at: number): void {
  const n = s.length;
  if (n > 32) {
    buf.write(s, at, n, 'latin1');
    return;
  }
  for (let i = 0; i < n; i++) buf[at + i] = s.charCodeAt(i);
}

export class Log {
  /** LSN the next record gets. LSNs count records from 1; batches carry their first LSN. */
  nextLSN = 1;
  /** Segment and offset of the value bytes of the record appended last (read by the store right after append). */
  lastSeg!: Segment;
  lastValueOff = 0;
  /** Called whenever `durableLSN` advances under `appendfsync always`. */
  onDurable: (lsn: number) => void = () => {};
  /** The persistence error that is holding durability back, if any (INFO reports it). */
  lastPersistError: Error | null = null;
  fsync: FsyncPolicy;
  persistMode: PersistMode;

  private readonly logDir: string;
  private readonly segments: Segment[] = [];
  private readonly byId = new Map<number, Segment>();
  private cur!: Segment;
  private epoch = 1;

  private batchOpen = false;
  private batchStart = 0;
  private batchFirstLSN = 0;
  private batchCount = 0;
  private sealScheduled = false;

  /** Highest LSN that ends a complete (non-continued) sealed batch. */
  private sealedLSN = 0;
  private persistedLSN = 0;
  private pending: PendingRange[] = [];
  private rounds: PersistRound[] = [];
  private persistGeneration = 0;
  private everysecTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly warn: (msg: string) => void;
  private readonly sealNow = () => this.sealTurn();

  private constructor(private readonly opts: LogOptions) {
    this.logDir = join(opts.dir, 'log');
    this.fsync = opts.fsync;
    this.persistMode = opts.persistMode ?? 'inline';
    this.warn = opts.warn ?? (() => {});
  }

  /** Opens the log in `opts.dir`, replaying every record into `visit` (recovery), and readies the write head. */
  static open(opts: LogOptions, visit: RecordVisitor): Log {
    const log = new Log(opts);
    mkdirSync(log.logDir, { recursive: true });
    const manifest = readManifest(log.logDir);
    if (manifest === null) {
      log.epoch = 1;
      log.addSegment(opts.segmentSize);
    } else {
      log.epoch = manifest.epoch;
      for (const id of manifest.segments) {
        const seg = Segment.open(opts.backend, log.logDir, id);
        log.segments.push(seg);
        log.byId.set(id, seg);
      }
      if (log.segments.length === 0) log.addSegment(opts.segmentSize);
      const end = recoverLog(log.segments, visit, log.warn);
      log.nextLSN = end.nextLSN;
      log.dropSegmentsAfter(end.headIndex);
      log.cur = log.segments[log.segments.length - 1];
      log.cur.head = end.head;
    }
    log.cur = log.segments[log.segments.length - 1];
    log.prefault();
    log.lastSeg = log.cur;
    log.sealedLSN = log.persistedLSN = log.nextLSN - 1;
    log.setFsync(opts.fsync);
    return log;
  }

  get appliedLSN(): number {
    return this.nextLSN - 1;
  }

  /**
   * The LSN up to which a reply may be released. Under `always` that is what is persisted; under `everysec`
   * and `no` replies never wait (Redis's meaning of those policies).
   */
  get durableLSN(): number {
    return this.fsync === 'always' ? this.persistedLSN : this.nextLSN - 1;
  }

  /** What faha knows is persisted (under everysec/no this lags durableLSN, which only gates replies). */
  get persistedLSNValue(): number {
    return this.persistedLSN;
  }

  get epochNumber(): number {
    return this.epoch;
  }

  segmentById(id: number): Segment {
    const s = this.byId.get(id);
    if (s === undefined) throw new EngineError('ERR_LOG_SEGMENT', `no live segment ${id}`);
    return s;
  }

  /** Bytes the log occupies on disk (sum of segment file sizes). */
  get diskBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** Bytes written so far in all segments (heads), i.e. the log's logical length. */
  get usedBytes(): number {
    let n = 0;
    for (const s of this.segments) n += s.head;
    return n;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  get isPmem(): boolean {
    return this.cur.file.isPmem;
  }

  setFsync(policy: FsyncPolicy): void {
    if (this.everysecTimer) clearInterval(this.everysecTimer);
    this.everysecTimer = null;
    const wasAlways = this.fsync === 'always';
    this.fsync = policy;
    if (policy === 'everysec') {
      this.everysecTimer = setInterval(() => this.startPersist(), 1000);
      this.everysecTimer.unref();
    }
    // Leaving `always` must not strand replies that wait for a persist.
    if (wasAlways && policy !== 'always') this.onDurable(this.nextLSN - 1);
  }

  /**
   * Appends one record to the open batch and returns its LSN. `key` is a latin1 string (one char per byte);
   * `value` may be null. After the call, `lastSeg`/`lastValueOff` locate the value bytes.
   */
  append(kind: number, flags: number, db: number, key: string, value: Buffer | null, expireAt: number): number {
    const keyLen = key.length;
    const valueLen = value === null ? 0 : value.length;
    const need = REC_HEADER_SIZE + keyLen + valueLen;
    if (!this.batchOpen) this.openBatch(need);
    else if (this.cur.head + need > this.cur.size) this.rollSegment(need);
    const seg = this.cur;
    const buf = seg.buf;
    const dv = seg.view;
    const at = seg.head;
    dv.setUint32(at + REC_LENGTH, need, true);
    buf[at + REC_KIND] = kind;
    buf[at + REC_FLAGS] = flags;
    dv.setUint16(at + REC_DB, db, true);
    dv.setUint32(at + REC_KEY_LEN, keyLen, true);
    dv.setUint32(at + REC_VALUE_LEN, valueLen, true);
    dv.setUint32(at + REC_EXPIRE_LO, expireAt % TWO_32, true);
    dv.setUint32(at + REC_EXPIRE_HI, Math.floor(expireAt / TWO_32), true);
    const keyAt = at + REC_HEADER_SIZE;
    if (keyLen > 0) writeLatin1(buf, key, keyAt);
    const valueAt = keyAt + keyLen;
    if (valueLen > 0) buf.set(value!, valueAt);
    this.cur.head = valueAt + valueLen;
    this.lastSeg = this.cur;
    this.lastValueOff = valueAt;
    this.batchCount++;
    return this.nextLSN++;
  }

  /** Seals the open batch now (normally done once per turn) and starts persisting it. */
  flush(): void {
    this.sealTurn();
  }

  /** Persists everything sealed, synchronously (SAVE, SHUTDOWN). */
  persistAllSync(): void {
    this.sealTurn();
    const ranges = this.pending;
    this.pending = [];
    for (const r of ranges) r.seg.file.persist(r.from, r.to - r.from);
    this.persistedLSN = this.sealedLSN;
    this.onDurable(this.persistedLSN);
  }

  close(): void {
    if (this.closed) return;
    this.persistAllSync();
    this.closed = true;
    if (this.everysecTimer) clearInterval(this.everysecTimer);
    for (const s of this.segments) s.close();
  }

  private openBatch(firstRecord: number): void {
    if (this.cur.head + BATCH_HEADER_SIZE + firstRecord > this.cur.size) this.newHeadSegment(firstRecord);
    this.batchStart = this.cur.head;
    this.cur.head += BATCH_HEADER_SIZE;
    this.batchFirstLSN = this.nextLSN;
    this.batchCount = 0;
    this.batchOpen = true;
    if (!this.sealScheduled) {
      this.sealScheduled = true;
      setImmediate(this.sealNow);
    }
  }

  /**
   * The record does not fit in the head segment: the records so far are sealed as a CONTINUED part and the
   * logical batch goes on in a new segment, so recovery applies both parts or neither.
   */
  private rollSegment(need: number): void {
    if (this.batchCount > 0) this.sealBatch(BATCH_CONTINUED);
    else this.cur.head = this.batchStart;
    this.batchOpen = false;
    this.newHeadSegment(need);
    this.batchStart = this.cur.head;
    this.cur.head += BATCH_HEADER_SIZE;
    this.batchFirstLSN = this.nextLSN;
    this.batchCount = 0;
    this.batchOpen = true;
  }

  private newHeadSegment(need: number): void {
    const size = Math.max(this.opts.segmentSize, alignUp(BATCH_HEADER_SIZE + need, BATCH_ALIGN));
    this.addSegment(size);
    this.cur = this.segments[this.segments.length - 1];
    this.prefault();
  }

  /**
   * Pre-faults pages ahead of the head, except under appendfsync always: there every page is written back by our
   * own msync moments later, and pre-dirtied pages ahead of it made the kernel's background writeback compete
   * with those msyncs (p50 grew from 0.14 to 0.55 ms as a segment filled; scripts/bench.ts durable SET -P 1).
   */
  private prefault(): void {
    if (this.fsync !== 'always') this.cur.prefaultAhead(PREFAULT_WINDOW);
  }

  /** Removes segments after `index` (left empty by a crash right after they were added). */
  private dropSegmentsAfter(index: number): void {
    const dropped = this.segments.splice(index + 1);
    if (dropped.length === 0) return;
    for (const s of dropped) {
      this.byId.delete(s.id);
      s.close();
    }
    writeManifest(this.logDir, { format: 1, epoch: this.epoch, segments: this.segments.map((s) => s.id) });
    for (const s of dropped) rmSync(s.path, { force: true });
  }

  private addSegment(size: number): void {
    const last = this.segments[this.segments.length - 1];
    const id = last === undefined ? 1 : last.id + 1;
    const seg = Segment.create(this.opts.backend, this.logDir, id, size);
    this.segments.push(seg);
    this.byId.set(id, seg);
    // The manifest must name the segment before any acknowledged write can live in it.
    const m: Manifest = { format: 1, epoch: this.epoch, segments: this.segments.map((s) => s.id) };
    writeManifest(this.logDir, m);
    this.cur = seg;
  }

  private sealTurn(): void {
    this.sealScheduled = false;
    if (!this.batchOpen) return;
    if (this.batchCount === 0) {
      this.cur.head = this.batchStart;
      this.batchOpen = false;
      return;
    }
    this.sealBatch(0);
    this.batchOpen = false;
    this.sealedLSN = this.nextLSN - 1;
    this.prefault();
    if (this.fsync === 'always') this.startPersist();
    else if (this.fsync === 'no') this.pending.length = 0;
  }

  private sealBatch(flags: number): void {
    const seg = this.cur;
    const buf = seg.buf;
    const start = this.batchStart;
    const payload = seg.head - start - BATCH_HEADER_SIZE;
    buf.writeUInt32LE(BATCH_MAGIC, start + BH_MAGIC);
    buf[start + BH_VERSION] = BATCH_VERSION;
    buf[start + BH_FLAGS] = flags;
    buf.writeUInt16LE(0, start + BH_RESERVED);
    buf.writeUInt32LE(this.epoch, start + BH_EPOCH);
    buf.writeUInt32LE(this.batchCount, start + BH_COUNT);
    writeU64(buf, start + BH_FIRST_LSN_LO, this.batchFirstLSN);
    buf.writeUInt32LE(payload, start + BH_LENGTH);
    let crc = crc32c(buf.subarray(start, start + BH_CRC));
    crc = crc32c(buf.subarray(start + BATCH_HEADER_SIZE, seg.head), crc);
    buf.writeUInt32LE(crc, start + BH_CRC);
    const end = Math.min(alignUp(seg.head), seg.size);
    // Padding must read as zeros so recovery's "end of segment" test stays exact.
    if (end > seg.head) buf.fill(0, seg.head, end);
    seg.head = end;
    const last = this.pending[this.pending.length - 1];
    if (last !== undefined && last.seg === seg && last.to === start) last.to = end;
    else this.pending.push({ seg, from: start, to: end });
  }

  /**
   * Persists every sealed range. Inline (the default, and always on real or forced pmem, where it is a cache
   * flush), or with persistMode 'worker' by msync on a worker thread while the event loop keeps executing and
   * sealing the next batches; up to PERSIST_ROUNDS such rounds run at once, so a write arriving during a round
   * does not wait for that round before its own persist starts. Durability advances in round order.
   */
  private startPersist(): void {
    if (this.rounds.length >= PERSIST_ROUNDS || this.pending.length === 0) return;
    const ranges = this.pending;
    this.pending = [];
    const target = this.sealedLSN;
    // everysec persists a whole second of writes: always off the event loop, as Redis's background fsync.
    const inline = this.persistMode === 'inline' && this.fsync === 'always';
    if (this.rounds.length === 0 && (inline || ranges.every((r) => r.seg.file.isPmem))) {
      try {
        for (const r of ranges) r.seg.file.persist(r.from, r.to - r.from);
      } catch (err) {
        this.persistGeneration++;
        this.persistFailed(err as Error, ranges);
        return;
      }
      this.persisted(target);
      return;
    }
    const round: PersistRound = { target, ranges, left: ranges.length, failure: null, generation: this.persistGeneration };
    this.rounds.push(round);
    for (const r of ranges) {
      r.seg.file.persistAsync(r.from, r.to - r.from, (err) => {
        if (err) round.failure = err;
        if (--round.left === 0) this.completeRounds();
      });
    }
  }

  private completeRounds(): void {
    let failed = false;
    while (this.rounds.length > 0 && this.rounds[0].left === 0) {
      const r = this.rounds.shift()!;
      if (r.generation !== this.persistGeneration) continue;
      if (r.failure) {
        // Rounds after a failed one may have succeeded, but durability cannot pass the failed range: only a
        // retry (a later generation, started by persistFailed's timer) advances it again.
        this.persistGeneration++;
        this.persistFailed(r.failure, r.ranges);
        failed = true;
        continue;
      }
      this.persisted(r.target);
    }
    if (!failed && this.fsync === 'always') this.startPersist();
  }

  private persisted(target: number): void {
    this.lastPersistError = null;
    if (target > this.persistedLSN) {
      this.persistedLSN = target;
      if (this.fsync === 'always') this.onDurable(target);
    }
  }

  /** Keeps the ranges and retries: replies stay held rather than acknowledging what is not durable. */
  private persistFailed(err: Error, ranges: PendingRange[]): void {
    this.lastPersistError = err;
    this.warn(`Persisting the log failed (${err.message}); retrying in 1 second. Writes are not acknowledged meanwhile.`);
    this.pending = ranges.concat(this.pending);
    setTimeout(() => this.startPersist(), 1000).unref();
  }
}
