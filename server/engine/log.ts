// The append-only log: records go into the open batch of the head segment; the batch is sealed once per
// event-loop turn (group commit), handed to the persister, and `durableLSN` advances as it is persisted. Owns
// segments, the manifest and the write head; knows record bytes, not keys' meaning.
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
import { Persister, type FsyncPolicy, type PersistMode } from './persister.js';
import { Segment } from './segment.js';

export type { FsyncPolicy, PersistMode } from './persister.js';

export interface LogOptions {
  /** The data directory; segments live in `<dir>/log`. */
  dir: string;
  segmentSize: number;
  backend: PersistenceBackend;
  fsync: FsyncPolicy;
  /** Reports recovery progress and persistence errors; the server passes its logger. */
  warn?: (msg: string) => void;
  /** Where msync runs under appendfsync always (see PersistMode). */
  persistMode?: PersistMode;
}

const TWO_32 = 0x100000000;
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
  fsync: FsyncPolicy;

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

  private readonly persister: Persister;
  private everysecTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly warn: (msg: string) => void;
  private readonly sealNow = () => this.sealTurn();

  private constructor(private readonly opts: LogOptions) {
    this.logDir = join(opts.dir, 'log');
    this.fsync = opts.fsync;
    this.warn = opts.warn ?? (() => {});
    this.persister = new Persister(opts.persistMode ?? 'inline', this.warn);
    this.persister.onPersisted = (lsn) => {
      if (this.fsync === 'always') this.onDurable(lsn);
    };
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
    log.persister.sealedLSN = log.persister.persistedLSN = log.nextLSN - 1;
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
    return this.fsync === 'always' ? this.persister.persistedLSN : this.nextLSN - 1;
  }

  /** What faha knows is persisted (under everysec/no this lags durableLSN, which only gates replies). */
  get persistedLSNValue(): number {
    return this.persister.persistedLSN;
  }

  /** The persistence error that is holding durability back, if any (INFO reports it). */
  get lastPersistError(): Error | null {
    return this.persister.lastError;
  }

  get persistMode(): PersistMode {
    return this.persister.mode;
  }

  set persistMode(mode: PersistMode) {
    this.persister.mode = mode;
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
      // everysec persists a whole second of writes: off the event loop, as Redis's background fsync.
      this.everysecTimer = setInterval(() => this.persister.start(true), 1000);
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
    this.persister.persistAllSync();
    this.onDurable(this.persister.persistedLSN);
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
    this.persister.sealedLSN = this.nextLSN - 1;
    this.prefault();
    if (this.fsync === 'always') this.persister.start(false);
    else if (this.fsync === 'no') this.persister.dropPending();
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
    this.persister.add(seg, start, end);
  }
}
