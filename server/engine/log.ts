// The append-only log: records go into the open batch of the head segment; the batch is sealed once per
// event-loop turn (group commit), handed to the persister, and `durableLSN` advances as it is persisted. Owns
// segments, the manifest and the write head; knows record bytes, not keys' meaning.
import { randomInt } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { PersistenceBackend } from '../platform/pmem.js';
import { copyBytes } from './bytes.js';
import { crc32c } from './crc.js';
import { EngineError, LogFullError } from './errors.js';
import {
  BATCH_ALIGN, BATCH_CONTINUED, BATCH_HEADER_SIZE, BATCH_MAGIC, BATCH_VERSION, BH_COUNT, BH_CRC, BH_EPOCH,
  BH_FIRST_LSN_LO, BH_FLAGS, BH_LENGTH, BH_MAGIC, BH_RESERVED, BH_VERSION, REC_DB, REC_EXPIRE_HI, REC_EXPIRE_LO,
  REC_FLAGS, REC_HEADER_SIZE, REC_KEY_LEN, REC_KIND, REC_LENGTH, REC_VALUE_LEN, RecordKind, alignUp, readU64,
  writeU64,
} from './format.js';
import { readManifest, writeManifest, type Manifest } from './manifest.js';
import { recoverLog, type RecordVisitor, type RecoveryEnd, type RecoveryProgress } from './recovery.js';
import { Persister, type FsyncPolicy, type PersistMode } from './persister.js';
import { Segment, SegmentTable, segmentFileName } from './segment.js';

export type { FsyncPolicy, PersistMode } from './persister.js';

/** One sealed batch piece, as shipped to backups: bytes [from, to) of `seg` (a logical batch may have several). */
export interface SealedPart {
  seg: Segment;
  from: number;
  to: number;
}

/** A batch piece a backup receives: where it goes in the log (same segment and offset as on the primary). */
export interface ReceivedPart {
  segId: number;
  segSize: number;
  off: number;
  bytes: Buffer;
}

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
  /** Told how far recovery has got while the log is replayed at open (see RecoveryProgress). */
  onRecoveryProgress?: RecoveryProgress;
  /** Where the live segments are kept by id: the store passes the table its index reads (even during recovery). */
  segments?: SegmentTable;
}

const TWO_32 = 0x100000000;
/** How far ahead of the write head pages are pre-faulted (scripts/bench.ts memory SET -P 16: ~3% faster). */
const PREFAULT_WINDOW = 8 * 1024 * 1024;
/** The head's fill level at which the next segment file (the spare) is made, ahead of need. */
const SPARE_AT_FILL = 0.5;
/** How often making a spare is retried while it fails (the write-error state). */
const SPARE_RETRY_MS = 1000;
/**
 * Head room a write command must leave when no spare is ready: records no command admission sees (deletes by
 * lazy and active expiry, pops that serve blocked clients) go there, so they never need a new file.
 */
const UNADMITTED_MARGIN = 64 * 1024;

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
  /** Where the record appended last starts in `lastSeg` (extendLast checks its header). */
  private lastRecordOff = 0;
  /** Called whenever `durableLSN` may have advanced (local persistence, or backups' acks). */
  onDurable: (lsn: number) => void = () => {};
  fsync: FsyncPolicy;
  /** Told of every logical batch as it is sealed (before it is persisted here), to ship it to backups. */
  onSealed: ((parts: SealedPart[]) => void) | null = null;
  /** Told whenever the persisted LSN advances (a backup acks it). */
  onPersisted: (lsn: number) => void = () => {};
  /** Told when a segment has been freed, so backups free theirs. */
  onFreed: (id: number) => void = () => {};
  /** While above 0 no segment is freed: a backup is being sent a snapshot or a catch-up that reads them. */
  freeHolds = 0;
  /** A backup's log: written only with its primary's batches (receive), never appended to. */
  replica = false;

  private readonly logDir: string;
  private readonly segments: Segment[] = [];
  private readonly byId: SegmentTable;
  private cur!: Segment;
  private epoch = 1;
  /** Each epoch this log has seen and the first LSN written in it, oldest first (see EpochStart). */
  private epochs: EpochStart[] = [];

  private batchOpen = false;
  private batchStart = 0;
  private batchFirstLSN = 0;
  private batchCount = 0;
  private sealScheduled = false;

  private readonly persister: Persister;
  private everysecTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly warn: (msg: string) => void;
  /**
   * Called once at the end of a turn, before its batch is sealed for a persist (appendfsync always), to take in
   * requests that arrived meanwhile: they join this batch and its flush instead of waiting through it for one of
   * their own. Set by the composition root to read the client sockets. Why: at redis-benchmark -c 50 -P 1 the
   * clients fell into two groups of ~25, each arriving during the other's msync, so each request paid a whole
   * flush (docs/performance.md).
   */
  beforeSeal: (() => void) | null = null;
  private inBeforeSeal = false;
  /** The end of a turn that appended: the batch is sealed (and, under always, persisted). */
  private readonly sealNow = () => {
    if (this.batchOpen && this.fsync === 'always' && this.beforeSeal !== null && !this.inBeforeSeal) {
      this.inBeforeSeal = true;
      try {
        this.beforeSeal();
      } finally {
        this.inBeforeSeal = false;
      }
    }
    this.sealTurn();
  };
  /** The LSN the required backups have persisted (durableLSN never passes it); Infinity when none are required. */
  private backupGate = Infinity;
  /** Pieces of the logical batch being sealed, for onSealed. */
  private sealedParts: SealedPart[] = [];

  /**
   * An allocated, empty segment the MANIFEST already names after the head: a roll adopts it, so no file is created
   * (and no ENOSPC can arise) in the middle of a command. Not in `segments` until adopted.
   */
  private spare: Segment | null = null;
  private spareTimer: NodeJS.Timeout | null = null;
  /** Why the last attempt to make a spare failed while none was ready; cleared by a success. */
  private spareError: Error | null = null;
  private spareFailures = 0;
  private lastSpareFailure: Error | null = null;
  private lastSpareFailureAt = 0;

  private constructor(private readonly opts: LogOptions) {
    this.logDir = join(opts.dir, 'log');
    this.byId = opts.segments ?? new SegmentTable();
    this.fsync = opts.fsync;
    this.warn = opts.warn ?? (() => {});
    this.persister = new Persister(opts.persistMode ?? 'inline', this.warn);
    this.persister.onPersisted = (lsn) => {
      if (this.fsync === 'always') this.onDurable(this.durableLSN);
      this.onPersisted(lsn);
    };
  }

  /** Opens the log in `opts.dir`, replaying every record into `visit` (recovery), and readies the write head. */
  static open(opts: LogOptions, visit: RecordVisitor): Log {
    const log = new Log(opts);
    mkdirSync(log.logDir, { recursive: true });
    const manifest = readManifest(log.logDir);
    if (manifest === null) {
      log.epoch = 1;
      log.epochs = [{ epoch: 1, start: 1, id: newEpochId() }];
      log.addSegment(opts.segmentSize);
    } else {
      log.epoch = manifest.epoch;
      // Manifests from before epoch ids name their epochs with id 0.
      log.epochs = (manifest.epochs ?? [[manifest.epoch, 1, 0]]).map(([epoch, start, id]) => ({ epoch, start, id: id ?? 0 }));
      log.removeStrays(manifest.segments);
      for (const id of manifest.segments) {
        const seg = Segment.open(opts.backend, log.logDir, id);
        log.segments.push(seg);
        log.byId.set(seg);
      }
      if (log.segments.length === 0) log.addSegment(opts.segmentSize);
      log.replay(visit);
    }
    log.cur = log.segments[log.segments.length - 1];
    log.prefault();
    log.lastSeg = log.cur;
    log.persister.sealedLSN = log.persister.persistedLSN = log.nextLSN - 1;
    log.setFsync(opts.fsync);
    return log;
  }

  /**
   * Replays every live segment into `visit` and puts the write head after the last whole batch: at open, and on a
   * backup once a full sync's snapshot is in.
   */
  replay(visit: RecordVisitor): RecoveryEnd {
    const end = recoverLog(this.segments, visit, this.warn, this.opts.onRecoveryProgress);
    this.nextLSN = end.nextLSN;
    this.dropSegmentsAfter(end.headIndex);
    this.cur = this.segments[this.segments.length - 1];
    this.cur.head = end.head;
    this.lastSeg = this.cur;
    for (const s of this.segments) s.endsContinued = endsContinued(s);
    this.persister.sealedLSN = this.persister.persistedLSN = this.nextLSN - 1;
    return end;
  }

  get appliedLSN(): number {
    return this.nextLSN - 1;
  }

  /**
   * The LSN up to which a reply may be released. Under `always` that is what is persisted; under `everysec`
   * and `no` replies never wait (Redis's meaning of those policies).
   */
  get durableLSN(): number {
    const local = this.fsync === 'always' ? this.persister.persistedLSN : this.nextLSN - 1;
    return local < this.backupGate ? local : this.backupGate;
  }

  /**
   * What the backups a reply needs have persisted (replication's sync-backups): durableLSN never passes it.
   * Infinity when no backup is required.
   */
  setBackupGate(lsn: number): void {
    if (lsn === this.backupGate) return;
    this.backupGate = lsn;
    this.persister.backupsGate = lsn !== Infinity;
    this.onDurable(this.durableLSN);
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
    const s = this.findSegment(id);
    if (s === undefined) throw new EngineError('ERR_LOG_SEGMENT', `no live segment ${id}`);
    return s;
  }

  /** The live segment `id`, or undefined. */
  findSegment(id: number): Segment | undefined {
    return this.byId.get(id);
  }

  /** Bytes the log occupies on disk: the segment files, the spare made ahead of need included. */
  get diskBytes(): number {
    let n = this.spare === null ? 0 : this.spare.size;
    for (const s of this.segments) n += s.size;
    return n;
  }

  /** The size a new segment gets (the configured segment size). */
  get segmentSize(): number {
    return this.opts.segmentSize;
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
    if (wasAlways && policy !== 'always') this.onDurable(this.durableLSN);
  }

  /**
   * Appends one record to the open batch and returns its LSN. `key` is a latin1 string (one char per byte);
   * `value` may be null. After the call, `lastSeg`/`lastValueOff` locate the value bytes.
   */
  append(kind: number, flags: number, db: number, key: string, value: Buffer | null, expireAt: number): number {
    if (this.replica) throw new EngineError('ERR_LOG_REPLICA', "a backup's log is written by its primary only");
    const keyLen = key.length;
    const valueLen = value === null ? 0 : value.length;
    const need = REC_HEADER_SIZE + keyLen + valueLen;
    if (!this.batchOpen) this.openBatch(need);
    else if (this.cur.head + need > this.cur.size) this.rollSegment(need);
    const seg = this.cur;
    const buf = seg.buf;
    const dv = seg.view;
    const at = seg.head;
    seg.kinds |= 1 << kind;
    seg.records++;
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
    this.lastRecordOff = at;
    this.batchCount++;
    return this.nextLSN++;
  }

  /**
   * Adds a DELTA payload's items to the record appended last instead of writing a record of its own, when that
   * record is a DELTA of the same database and key length still in the open batch, and its payload begins with
   * the same `countAt` bytes as `payload` (op and whatever the type keeps before the count). The record's u32 at
   * `countAt` becomes the sum of both counts and `payload`'s items follow the record's; the caller (the store)
   * knows the record is its key's, and the type's codec says such payloads concatenate (collections.ts). Returns
   * the bytes the record grew by, or -1 when it cannot be extended (nothing written).
   * Why: redis-benchmark LPUSH -P 16 pushes one list 800 times a turn; a record each was ~45 log bytes and a
   * header written per push, which the log, the hot tier's budget and the cleaner all paid for (server/docs/
   * performance.md). The batch is not sealed, persisted or shipped yet, so its records may still change.
   */
  extendLast(db: number, keyLen: number, payload: Buffer, countAt: number): number {
    if (!this.batchOpen || this.batchCount === 0) return -1;
    const seg = this.cur;
    const at = this.lastRecordOff;
    const buf = seg.buf;
    const dv = seg.view;
    if (this.lastSeg !== seg || buf[at + REC_KIND] !== RecordKind.Delta) return -1;
    if (dv.getUint16(at + REC_DB, true) !== db || dv.getUint32(at + REC_KEY_LEN, true) !== keyLen) return -1;
    const valueAt = this.lastValueOff;
    for (let i = 0; i < countAt; i++) if (buf[valueAt + i] !== payload[i]) return -1;
    const from = countAt + 4;
    const added = payload.length - from;
    const head = seg.head;
    if (added < 0 || head + added > seg.size) return -1;
    const countOff = valueAt + countAt;
    dv.setUint32(countOff, dv.getUint32(countOff, true) + payload.readUInt32LE(countAt), true);
    // Not Buffer#copy, which makes a typed array per call (70% of this method's time).
    copyBytes(payload, from, added, buf, head);
    dv.setUint32(at + REC_LENGTH, dv.getUint32(at + REC_LENGTH, true) + added, true);
    dv.setUint32(at + REC_VALUE_LEN, dv.getUint32(at + REC_VALUE_LEN, true) + added, true);
    seg.head = head + added;
    return added;
  }

  /** Seals the open batch now (normally done once per turn) and starts persisting it. */
  flush(): void {
    this.sealTurn();
  }

  /** Persists everything sealed, synchronously (SAVE, SHUTDOWN). */
  persistAllSync(): void {
    this.sealTurn();
    this.persister.persistAllSync();
    this.onDurable(this.durableLSN);
  }

  close(): void {
    if (this.closed) return;
    this.persistAllSync();
    this.closed = true;
    if (this.everysecTimer) clearInterval(this.everysecTimer);
    for (const s of this.segments) s.close();
    this.spare?.close();
    this.spare = null;
  }

  private openBatch(firstRecord: number): void {
    if (this.cur.head + BATCH_HEADER_SIZE + firstRecord > this.cur.size) this.newHeadSegment(firstRecord);
    this.cur.warmAhead();
    this.batchStart = this.cur.head;
    this.cur.head += BATCH_HEADER_SIZE;
    this.batchFirstLSN = this.nextLSN;
    this.batchCount = 0;
    this.batchOpen = true;
    if (!this.sealScheduled) {
      this.sealScheduled = true;
      setImmediate(this.sealNow);
    }
    if (this.spare === null && this.spareTimer === null && this.cur.head > this.cur.size * SPARE_AT_FILL) this.scheduleSpare(0);
  }

  /**
   * The record does not fit in the head segment: the records so far are sealed as a CONTINUED part and the
   * logical batch goes on in a new segment, so recovery applies both parts or neither.
   */
  private rollSegment(need: number): void {
    // The next segment is made first: if that fails, nothing has changed (the batch stays open here, whole), and
    // the command that needed the room gets the error instead of leaving a CONTINUED part with no continuation.
    const size = Math.max(this.opts.segmentSize, alignUp(BATCH_HEADER_SIZE + need, BATCH_ALIGN));
    const spare = this.spare;
    if (spare === null || spare.size < size || !this.manifestNames(spare)) {
      const err = this.makeSpare(BATCH_HEADER_SIZE + need);
      if (err !== null) throw new LogFullError(err);
    }
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

  /**
   * Moves the head to the spare when it is ready and big enough (no file is made, nothing can fail); otherwise,
   * for a command admission underestimated, makes the segment here, where ENOSPC would escape mid-command.
   */
  private newHeadSegment(need: number): void {
    const size = Math.max(this.opts.segmentSize, alignUp(BATCH_HEADER_SIZE + need, BATCH_ALIGN));
    const spare = this.spare;
    if (spare !== null && spare.size >= size && this.manifestNames(spare)) {
      this.spare = null;
      this.segments.push(spare);
      this.byId.set(spare);
      this.cur = spare;
    } else {
      try {
        this.addSegment(size);
      } catch (err) {
        this.spareFailed(err as Error, false);
        throw new LogFullError(err as Error);
      }
    }
    this.cur = this.segments[this.segments.length - 1];
    this.prefault();
  }

  /** Why write commands are refused now (persisting fails, or no next segment can be made), or null. */
  get writeError(): Error | null {
    return this.persister.lastError ?? this.spareError;
  }

  /** The newest failure to write or persist the log, even one that has cleared, and when (ms); INFO shows it. */
  get lastWriteFailure(): { error: Error; at: number } | null {
    const p = this.persister;
    if (p.lastFailure !== null && (this.lastSpareFailure === null || p.lastFailureAt >= this.lastSpareFailureAt)) {
      return { error: p.lastFailure, at: p.lastFailureAt };
    }
    return this.lastSpareFailure === null ? null : { error: this.lastSpareFailure, at: this.lastSpareFailureAt };
  }

  /** Failed attempts to persist or to make a segment, retries included. */
  get writeFailures(): number {
    return this.persister.failures + this.spareFailures;
  }

  /**
   * Admission of a write command whose records take about `bytes`: null when it may start, else the error that
   * refuses it. Refused while persisting fails. Otherwise it may start when the head segment (keeping
   * UNADMITTED_MARGIN) or the spare can take the records; when neither can, a spare is made now, before the
   * command changes anything, unless making one is already failing (then the retry timer tries again).
   */
  admitWrite(bytes: number): Error | null {
    if (this.replica) return new EngineError('ERR_LOG_REPLICA', "a backup's log is written by its primary only");
    const persistError = this.persister.lastError;
    if (persistError !== null) return persistError;
    const need = bytes + BATCH_HEADER_SIZE + BATCH_ALIGN;
    if (this.cur.size - this.cur.head >= need + UNADMITTED_MARGIN) return null;
    const spare = this.spare;
    if (spare !== null && spare.size >= need) return null;
    if (spare === null && this.spareError !== null) return this.spareError;
    return this.makeSpare(need);
  }

  /**
   * The manifest for `segments` (default: the live ones) that also names the spare after them. Every manifest
   * write must use it: a manifest without the spare would let a roll put acknowledged writes in an unnamed file.
   */
  manifestFor(segments: readonly Segment[] = this.segments): Manifest {
    const ids = segments.map((s) => s.id);
    if (this.spare !== null) ids.push(this.spare.id);
    const epochs = this.epochs.map((e) => [e.epoch, e.start, e.id]);
    return { format: 1, epoch: this.epoch, segments: ids, beginLSN: this.firstLSNIn(segments), epochs };
  }

  /** The first LSN held by `segments` (the next one when they hold no batch yet). */
  private firstLSNIn(segments: readonly Segment[]): number {
    for (const seg of segments) {
      if (seg.head >= BATCH_HEADER_SIZE && seg.view.getUint32(BH_MAGIC, true) === BATCH_MAGIC) return readU64(seg.buf, BH_FIRST_LSN_LO);
    }
    return this.nextLSN;
  }

  private scheduleSpare(delayMs: number): void {
    if (this.spareTimer !== null || this.closed) return;
    this.spareTimer = setTimeout(() => {
      this.spareTimer = null;
      if (this.spare === null && !this.closed) this.makeSpare(0);
    }, delayMs);
    this.spareTimer.unref();
  }

  /**
   * Makes a spare of at least `need` bytes (a segment-size one for 0), named in the MANIFEST before it counts as
   * ready; a smaller spare it replaces is deleted afterwards. Returns the failure, or null.
   */
  private makeSpare(need: number): Error | null {
    const old = this.spare;
    const id = (old ?? this.segments[this.segments.length - 1]).id + 1;
    const size = Math.max(this.opts.segmentSize, alignUp(need, BATCH_ALIGN));
    let seg: Segment;
    try {
      seg = Segment.create(this.opts.backend, this.logDir, id, size);
    } catch (err) {
      rmSync(join(this.logDir, segmentFileName(id)), { force: true });
      return this.spareFailed(err as Error, old !== null);
    }
    try {
      writeManifest(this.logDir, { ...this.manifestFor(), segments: [...this.segments.map((s) => s.id), id] });
    } catch (err) {
      seg.close();
      rmSync(seg.path, { force: true });
      return this.spareFailed(err as Error, old !== null);
    }
    this.spare = seg;
    if (old !== null) {
      old.close();
      rmSync(old.path, { force: true });
    }
    if (this.spareError !== null) {
      this.spareError = null;
      this.warn(`Made the log's next segment ${seg.path}: write commands are accepted again.`);
    }
    return null;
  }

  /**
   * Counts a failure to make a segment. Without a spare (`hadSpare` false) the log is in the write-error state:
   * logged once, retried every second. A failed bigger replacement of a ready spare only refuses that command.
   */
  private spareFailed(err: Error, hadSpare: boolean): Error {
    this.spareFailures++;
    this.lastSpareFailure = err;
    this.lastSpareFailureAt = Date.now();
    if (hadSpare) return err;
    if (this.spareError === null) {
      this.warn(`Cannot make the log's next segment (${err.message}): write commands that may not fit the head segment are refused with MISCONF; retrying every second.`);
    }
    this.spareError = err;
    this.scheduleSpare(SPARE_RETRY_MS);
    return err;
  }

  /** Whether the MANIFEST on disk names the spare (read back: another writer may have left it out), rewriting it if not. */
  private manifestNames(spare: Segment): boolean {
    if (readManifest(this.logDir)?.segments.includes(spare.id) === true) return true;
    try {
      writeManifest(this.logDir, this.manifestFor());
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Pre-faults pages ahead of the head, except under appendfsync always: there every page is written back by our
   * own msync moments later, and pre-dirtied pages ahead of it made the kernel's background writeback compete
   * with those msyncs (p50 grew from 0.14 to 0.55 ms as a segment filled; scripts/bench.ts durable SET -P 1).
   */
  private prefault(): void {
    if (this.fsync !== 'always') this.cur.prefaultAhead(PREFAULT_WINDOW);
  }

  /** Live segments, oldest first; the last is the head. */
  get segmentList(): readonly Segment[] {
    return this.segments;
  }

  /** The segment being appended to. */
  get headSegment(): Segment {
    return this.cur;
  }

  /**
   * Seals the open batch and persists everything written from `from`/`fromOff` up to the head, off the event
   * loop, whatever the fsync policy: the cleaner frees a segment only once the copies of its live records are
   * durable, and under everysec or no nothing else would make them so.
   */
  persistFrom(from: Segment, fromOff: number, done: (err: Error | null) => void): void {
    this.sealTurn();
    const ranges = this.segments.filter((s) => s.id >= from.id).map((s) => ({ seg: s, off: s === from ? fromOff : 0 }));
    let left = ranges.length;
    let failure: Error | null = null;
    if (left === 0) {
      done(null);
      return;
    }
    for (const r of ranges) {
      r.seg.file.persistAsync(r.off, r.seg.head - r.off, (err) => {
        if (err) failure = err;
        if (--left === 0) done(failure);
      });
    }
  }

  /**
   * Whether `seg` can be unmapped now: no persist of it pending or running and no prefault in flight (both hold
   * its address).
   */
  canRelease(seg: Segment): boolean {
    return this.freeHolds === 0 && !seg.prefaulting && !this.persister.holds(seg);
  }

  /**
   * Drops a segment the cleaner has emptied: out of the manifest first (so a crash now leaves at worst a stray
   * file, removed at the next start), then unmapped and deleted. Never the head.
   */
  freeSegment(seg: Segment): void {
    const i = this.segments.indexOf(seg);
    if (i < 0 || seg === this.cur) throw new EngineError('ERR_LOG_SEGMENT', `segment ${seg.id} cannot be freed`);
    const rest = this.segments.filter((s) => s !== seg);
    writeManifest(this.logDir, this.manifestFor(rest));
    this.segments.splice(i, 1);
    this.byId.delete(seg.id);
    seg.close();
    rmSync(seg.path, { force: true });
    this.onFreed(seg.id);
  }

  /** Removes segment files the manifest does not name: left by a crash between a manifest update and a deletion. */
  private removeStrays(named: number[]): void {
    const keep = new Set(named.map(segmentFileName));
    for (const f of readdirSync(this.logDir)) {
      if (f.endsWith('.seg') && !keep.has(f)) {
        rmSync(join(this.logDir, f), { force: true });
        this.warn(`Removed ${f}, a segment file the manifest no longer names.`);
      }
    }
  }

  /** Removes segments after `index` (left empty by a crash right after they were added). */
  private dropSegmentsAfter(index: number): void {
    const dropped = this.segments.splice(index + 1);
    if (dropped.length === 0) return;
    for (const s of dropped) {
      this.byId.delete(s.id);
      s.close();
    }
    writeManifest(this.logDir, this.manifestFor());
    for (const s of dropped) rmSync(s.path, { force: true });
  }

  /** Makes and adopts a new head segment now; a spare it passes over (too small) is dropped. */
  private addSegment(size: number): void {
    const last = this.spare ?? this.segments[this.segments.length - 1];
    const seg = this.createNamed(last === undefined ? 1 : last.id + 1, size);
    this.segments.push(seg);
    this.byId.set(seg);
    this.cur = seg;
    const skipped = this.spare;
    if (skipped !== null) {
      this.spare = null;
      skipped.close();
      rmSync(skipped.path, { force: true });
    }
  }

  /** The id of the current epoch (see EpochStart.id). */
  get epochId(): number {
    return this.epochs[this.epochs.length - 1].id;
  }

  /** The epochs this log has seen, oldest first. */
  get epochHistory(): readonly EpochStart[] {
    return this.epochs;
  }

  /**
   * Promotion: a new epoch, higher than any this log has seen, begins at the next LSN; recorded in the MANIFEST
   * before any batch carries it.
   */
  beginEpoch(epoch: number): void {
    this.epoch = epoch;
    this.epochs.push({ epoch, start: this.nextLSN, id: newEpochId() });
    writeManifest(this.logDir, this.manifestFor());
  }

  /** A backup takes on its primary's epoch history (its log is about to be, or already is, a prefix of the primary's). */
  adoptEpochs(history: readonly EpochStart[]): void {
    this.epochs = history.map((e) => ({ ...e }));
    this.epoch = history[history.length - 1].epoch;
    writeManifest(this.logDir, this.manifestFor());
  }

  /**
   * Where the batch starting at `lsn` lies (segment and offset), the sealed end when `lsn` is the next LSN, or null
   * when the log no longer (or never) held it. Walks batch headers only.
   */
  positionOf(lsn: number): { seg: Segment; off: number } | null {
    this.sealTurn();
    if (lsn === this.nextLSN) return { seg: this.cur, off: this.cur.head };
    for (const seg of this.segments) {
      let off = 0;
      while (off + BATCH_HEADER_SIZE <= seg.head && seg.view.getUint32(off + BH_MAGIC, true) === BATCH_MAGIC) {
        const first = readU64(seg.buf, off + BH_FIRST_LSN_LO);
        if (first === lsn) return { seg, off };
        if (first > lsn) return null;
        off = alignUp(off + BATCH_HEADER_SIZE + seg.view.getUint32(off + BH_LENGTH, true));
      }
    }
    return null;
  }

  /** The end of what is sealed: segment and offset after the last sealed batch (an open batch starts there). */
  get sealedEnd(): { seg: Segment; off: number } {
    return { seg: this.cur, off: this.batchOpen ? this.batchStart : this.cur.head };
  }

  /**
   * Where the data ends: after the last batch of the newest segment holding any (a restarted log's head may be an
   * empty segment after it, the spare it had named). A backup's next batch goes here.
   */
  get dataEnd(): { seg: Segment; off: number } {
    const end = this.sealedEnd;
    if (end.off > 0) return end;
    for (let i = this.segments.length - 1; i >= 0; i--) {
      const s = this.segments[i];
      if (s.head > 0) return { seg: s, off: s.head };
    }
    return end;
  }

  /** The live segment after `seg`, or null when `seg` is the head. */
  segmentAfter(seg: Segment): Segment | null {
    const i = this.segments.indexOf(seg);
    return i >= 0 && i + 1 < this.segments.length ? this.segments[i + 1] : null;
  }

  /**
   * A backup: writes the primary's batch pieces at the same segments and offsets and takes their last LSN as its
   * own; persistReceived() makes them durable (once for everything received in one read). A segment named for the
   * first time is made (and named in the MANIFEST) first.
   */
  receive(parts: readonly ReceivedPart[], lastLSN: number): Segment[] {
    const segs: Segment[] = [];
    for (const p of parts) {
      let seg = this.byId.get(p.segId) ?? this.adoptSegment(p.segId, p.segSize);
      if (seg.size !== p.segSize) {
        // An empty segment this node made on its own (a new log's first, a spare named before a restart) before it
        // knew the primary's size for it.
        if (seg.head !== 0) throw new EngineError('ERR_LOG_SEGMENT', `segment ${p.segId} differs in size from the primary's`);
        this.segments.splice(this.segments.indexOf(seg), 1);
        this.byId.delete(seg.id);
        seg.close();
        rmSync(seg.path, { force: true });
        if (this.cur === seg) this.cur = this.segments[this.segments.length - 1] ?? seg;
        seg = this.adoptSegment(p.segId, p.segSize);
      }
      if (p.off + p.bytes.length > seg.size) throw new EngineError('ERR_LOG_SEGMENT', `a batch piece runs past segment ${p.segId}`);
      // An RDMA transport's batch is already in place (written into this mapping by the primary): no copy.
      if (p.bytes.buffer !== seg.buf.buffer || p.bytes.byteOffset !== seg.buf.byteOffset + p.off) seg.buf.set(p.bytes, p.off);
      this.persister.add(seg, p.off, p.off + p.bytes.length);
      if (p.off + p.bytes.length > seg.head) seg.head = p.off + p.bytes.length;
      seg.endsContinued = (seg.buf[p.off + BH_FLAGS] & BATCH_CONTINUED) !== 0;
      seg.lastWrite = Date.now();
      if (seg.id > this.cur.id) this.cur = seg;
      segs.push(seg);
    }
    this.nextLSN = lastLSN + 1;
    this.persister.sealedLSN = lastLSN;
    this.lastSeg = this.cur;
    return segs;
  }

  /** A backup: persists what receive() wrote, now, on this thread. Throws on failure. */
  persistReceived(): void {
    this.persister.persistAllSync();
  }

  /**
   * A backup: persists what receive() wrote as persist-mode says, inline (the default: an msync here, which measured
   * faster for 2 sync backups at -P 16, 0.62 against 0.56 of no backups, scripts/bench.ts --replication) or on a
   * worker thread while more batches arrive; onPersisted tells when. Call again then: what arrived during a worker
   * round waits for the next.
   */
  persistReceivedAsync(): void {
    this.persister.start(false);
  }

  /** A backup: the primary freed segment `id` (its live records were copied later in the log). */
  freeReceived(id: number): void {
    const seg = this.byId.get(id);
    if (seg === undefined || seg === this.cur) return;
    this.freeSegment(seg);
  }

  /**
   * A backup starting a full sync: every segment it has goes, and the primary's live segments are made empty in
   * their place, to be filled by writeSnapshot and replayed by replay().
   */
  resetForSnapshot(segments: readonly { id: number; size: number }[]): void {
    for (const s of this.segments) {
      this.byId.delete(s.id);
      s.close();
      rmSync(s.path, { force: true });
    }
    this.spare?.close();
    if (this.spare !== null) rmSync(this.spare.path, { force: true });
    this.spare = null;
    this.segments.length = 0;
    writeManifest(this.logDir, this.manifestFor());
    for (const { id, size } of segments) this.adoptSegment(id, size);
    this.nextLSN = 1;
  }

  /** A backup receiving a snapshot: bytes at `off` of segment `id`, persisted when the snapshot ends (persistAll). */
  writeSnapshot(id: number, off: number, bytes: Buffer): void {
    const seg = this.byId.get(id);
    if (seg === undefined || off + bytes.length > seg.size) throw new EngineError('ERR_LOG_SEGMENT', `a snapshot chunk does not fit segment ${id}`);
    seg.buf.set(bytes, off);
    if (off + bytes.length > seg.head) seg.head = off + bytes.length;
  }

  /** Persists every live segment up to its head, synchronously (a backup, at the end of a snapshot). */
  persistSegments(): void {
    for (const s of this.segments) if (s.head > 0) s.file.persist(0, s.head);
  }

  /** Makes segment `id` (a backup following its primary) and names it in the MANIFEST; it becomes the head if newest. */
  private adoptSegment(id: number, size: number): Segment {
    const seg = this.createNamed(id, size);
    this.segments.push(seg);
    this.segments.sort((a, b) => a.id - b.id);
    this.byId.set(seg);
    if (this.cur === undefined || this.segments.length === 1 || seg.id > this.cur.id) this.cur = seg;
    return seg;
  }

  /**
   * Makes segment file `id` and a MANIFEST naming it after the live segments (it must be named before any
   * acknowledged write can live in it); on failure nothing is left behind and the error is thrown.
   */
  private createNamed(id: number, size: number): Segment {
    const seg = Segment.create(this.opts.backend, this.logDir, id, size);
    try {
      writeManifest(this.logDir, { ...this.manifestFor(), segments: [...this.segments.map((s) => s.id), id] });
    } catch (err) {
      seg.close();
      rmSync(seg.path, { force: true });
      throw err;
    }
    return seg;
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
    // Shipped before the local persist, so the backups' persist overlaps ours.
    if (this.onSealed !== null) {
      const parts = this.sealedParts;
      this.sealedParts = [];
      this.onSealed(parts);
    }
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
    seg.endsContinued = (flags & BATCH_CONTINUED) !== 0;
    seg.lastWrite = Date.now();
    const end = Math.min(alignUp(seg.head), seg.size);
    // Padding must read as zeros so recovery's "end of segment" test stays exact.
    if (end > seg.head) buf.fill(0, seg.head, end);
    seg.head = end;
    this.persister.add(seg, start, end);
    if (this.onSealed !== null) this.sealedParts.push({ seg, from: start, to: end });
  }
}

/**
 * An epoch and the first LSN written in it: a log whose records up to LSN x agree with ours shares our history to x.
 * The random id tells apart epochs that got the same number on their own (two new logs, two backups promoted
 * separately): a log is a prefix of ours only if its epoch has our number and our id.
 */
export interface EpochStart {
  epoch: number;
  id: number;
  start: number;
}

/** A random non-zero 32-bit epoch id. */
function newEpochId(): number {
  return randomInt(1, 0xffffffff);
}

/** Whether the last batch of a (recovered) segment is a CONTINUED part: a walk over batch headers only. */
function endsContinued(seg: Segment): boolean {
  let off = 0;
  let continued = false;
  while (off + BATCH_HEADER_SIZE <= seg.head && seg.view.getUint32(off + BH_MAGIC, true) === BATCH_MAGIC) {
    continued = (seg.buf[off + BH_FLAGS] & BATCH_CONTINUED) !== 0;
    off = alignUp(off + BATCH_HEADER_SIZE + seg.view.getUint32(off + BH_LENGTH, true));
  }
  return continued;
}
