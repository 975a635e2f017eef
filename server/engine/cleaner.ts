// The log cleaner (DESIGN.md §7): keeps the log's bytes on disk within `log-max-space-amplification` × live bytes
// by rewriting, at the head and through the normal batch path, every key whose value is rebuilt from a victim
// segment, then freeing the segment once those copies are durable. Works in slices of about a millisecond.
// Knows records and index entries; a collection is rewritten as its codec's IMAGE, never interpreted here.
import { performance } from 'node:perf_hooks';
import {
  BATCH_HEADER_SIZE, BATCH_MAGIC, BH_COUNT, BH_LENGTH, BH_MAGIC, REC_DB, REC_HEADER_SIZE, REC_KEY_LEN, REC_KIND,
  REC_LENGTH, RecordKind, alignUp,
} from './format.js';
import type { Entry } from './entry.js';
import type { KeyIndex } from './key-index.js';
import type { Segment } from './segment.js';
import type { Store } from './store.js';

export interface CleanerOptions {
  maxAmplification: number;
  /** A victim with more records than this many per key is cleaned by scanning the index (tests set 0: always). */
  indexScanRatio?: number;
  /** A log smaller than this is left alone (auto-aof-rewrite-min-size); 0 = always keep the bound. */
  minLogBytes?: number;
  /** Tests: every slice gets exactly this budget in ms (0: one check's worth of steps), so walks span slices. */
  sliceMs?: number;
  warn: (msg: string) => void;
}

export interface CleanerStats {
  segmentsFreed: number;
  bytesFreed: number;
  keysRewritten: number;
  bytesCopied: number;
  /** When the last victim was freed (ms since the epoch); 0 = never. */
  lastFreedAt: number;
  /** Extra rounds of an index scan because a removal moved a live key behind the walk (see nextEntry). */
  scanRounds: number;
  /** Full passes (BGREWRITEAOF) finished, and how long the last one took in ms (-1 before the first). */
  passes: number;
  lastPassMillis: number;
}

/** A slice of cleaning work stops after this long, so a client waits at most about this behind it. */
const SLICE_MS = 1;
/**
 * Once the log is over its bound a writer is outrunning the cleaner (one 1 ms slice per event-loop turn is a
 * small share of a turn that serves 50 pipelining clients: the soak sat at 2.4-2.9x for a bound of 2). Slices then
 * take a share of the time since the last one, up to this long: a bounded stall of writers that lets the cleaner
 * catch up.
 */
const OVER_BOUND_SLICE_MS = 5;
/** The share of the time since the last slice a slice may take while the log is over its bound. */
const OVER_BOUND_SHARE = 1;
/**
 * Finding a victim's live values: walking its records costs a key decode and an index lookup per record; scanning
 * the index costs a sequential step per key. A segment of small overwrites of a small hot dataset holds many
 * records per key (the benchmark's 100k keys: ~270k records in a 16 MB segment), so above one record per key the
 * index is scanned instead.
 */
const INDEX_SCAN_RATIO = 1;
/**
 * The index is first walked in slot order, SEQUENTIAL_STEP slots a step: SCAN's reverse-binary order jumps across
 * the whole table at every step, a cache and TLB miss each (memory SET -P 16 over 100k keys: ~85 ms per victim
 * for 262k buckets, 9-15% of the server's CPU). A walk in slot order misses only keys that a removal shifted from
 * ahead of it to behind it; the exact live count shows whether any was, and then the walk goes round again, after
 * SEQUENTIAL_PASSES rounds in SCAN order, which misses nothing present throughout.
 */
const SEQUENTIAL_STEP = 64;
const SEQUENTIAL_PASSES = 2;
/** Segments of room the cleaner keeps below the bound (see overBound). */
const HEADROOM_SEGMENTS = 2;
/** How often the cleaner looks at the amplification while idle. */
const CHECK_MS = 100;
/**
 * A segment this full of live bytes is not worth cleaning: copying it frees almost nothing, and when the bound
 * cannot be reached (live data close to a whole number of segments) the cleaner would otherwise copy forever.
 */
const MAX_VICTIM_USE = 0.9;
/** How long to wait before trying again to free a segment whose persist failed or whose mapping is busy. */
const RETRY_MS = 50;

/**
 * Segments holding only whole values (strings, IMAGEs) may be freed while older segments remain: every record
 * there either rebuilds a value on its own (rewritten at the head if still current) or was replaced later. A
 * DELETE, EXPIRE, FLUSH, SWAPDB or DELTA acts on what older segments left, so a segment holding one is freed only
 * once it is the oldest, when nothing older is left for it to act on.
 */
const WHOLE_VALUES = (1 << RecordKind.PutString) | (1 << RecordKind.Image);
/** Kinds whose records start or extend a value: the ones that point the cleaner at an index entry. */
const VALUE_KINDS = WHOLE_VALUES | (1 << RecordKind.Delta);

/** Where the index scan of the current victim is: which index, and where in it (see nextEntry). */
interface IndexScan {
  indexes: KeyIndex[];
  at: number;
  /** The SCAN-order round's cursor. */
  cursor: number;
  /** The slot-order rounds' next slot, and the index layout they walk. */
  pos: number;
  layout: number;
  /** Rounds finished with live bytes left in the victim. */
  passes: number;
}

export class Cleaner {
  maxAmplification: number;
  minLogBytes: number;
  readonly stats: CleanerStats = { segmentsFreed: 0, bytesFreed: 0, keysRewritten: 0, bytesCopied: 0, lastFreedAt: 0, scanRounds: 0, passes: 0, lastPassMillis: -1 };

  private victim: Segment | null = null;
  /** Offset of the next batch of the victim to read, and the record walk inside the current batch. */
  private batchOff = 0;
  private recAt = 0;
  private recLeft = 0;
  /**
   * Index scan of the current victim (see startVictim): the index objects to visit, which one, and where in it.
   * Null while the victim's records are walked instead.
   */
  private scan: IndexScan | null = null;
  private readonly bucket: number[] = [];
  private readonly indexScanRatio: number;
  private readonly fixedSliceMs: number | null;
  /** Where the head was when this victim started: its copies lie from here on. */
  private copiesFrom: { seg: Segment; off: number } | null = null;
  private freeing = false;
  /** Segments whose accounting disagreed with their walk: never picked again (see free). */
  private readonly kept = new Set<Segment>();
  private timer: NodeJS.Timeout | null = null;
  private sliceScheduled = false;
  /** When the last slice ended (performance.now()). */
  private lastSliceEnd = 0;
  /** A full pass in progress: segments with a smaller id are cleaned whatever the amplification. */
  private pass: { upTo: number; startedAt: number } | null = null;
  private readonly warn: (msg: string) => void;

  constructor(
    private readonly store: Store,
    opts: CleanerOptions,
  ) {
    this.maxAmplification = opts.maxAmplification;
    this.minLogBytes = opts.minLogBytes ?? 0;
    this.fixedSliceMs = opts.sliceMs ?? null;
    this.indexScanRatio = opts.indexScanRatio ?? INDEX_SCAN_RATIO;
    this.warn = opts.warn;
  }

  /** Log bytes on disk per live byte (what `log-max-space-amplification` bounds). */
  get amplification(): number {
    return this.store.log.diskBytes / Math.max(this.store.liveBytes, 1);
  }

  /**
   * Whether to clean now: once the log could not take two more segments within the bound — the head may roll
   * onto the spare and a new spare is then made. Starting only when it is already over let it sit a segment above
   * the bound while the head filled as fast as a victim was freed (the soak: 2.25-2.45x for a bound of 2 with
   * 64 MB segments and 134 MB live).
   */
  private overBound(): boolean {
    const log = this.store.log;
    // Like Redis's auto-aof-rewrite-min-size: a small log is not worth the copying its bound would cost (a 10 MB
    // dataset under a bound of 2 would be cleaned at every segment roll).
    if (log.diskBytes + HEADROOM_SEGMENTS * log.segmentSize <= this.minLogBytes) return false;
    return log.diskBytes + HEADROOM_SEGMENTS * log.segmentSize > this.maxAmplification * this.store.liveBytes;
  }

  get running(): boolean {
    return this.victim !== null;
  }

  /** When the running full pass started (ms since the epoch), or null. */
  get passStartedAt(): number | null {
    return this.pass === null ? null : this.pass.startedAt;
  }

  /**
   * BGREWRITEAOF: cleans every segment older than the head now, oldest first, whatever the amplification, so the
   * log ends up holding little more than its live records. False when a pass is already running.
   */
  fullPass(): boolean {
    if (this.pass !== null) return false;
    this.pass = { upTo: this.store.log.headSegment.id, startedAt: Date.now() };
    this.check();
    return true;
  }

  start(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => this.check(), CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.victim = null;
    this.pass = null;
  }

  /** Starts on a victim when the log is over its bound and one can be freed. Cheap; also called by tests. */
  check(): void {
    // While the log cannot take writes (a full disk, failing flushes) copies could not land either.
    if (this.victim !== null || this.timer === null || this.store.log.writeError !== null) return;
    const victim = this.pass !== null ? this.nextOfPass(this.pass.upTo) : this.overBound() ? this.pick() : null;
    if (victim === null) return;
    const head = this.store.log.headSegment;
    this.victim = victim;
    this.batchOff = 0;
    this.recLeft = 0;
    let keys = 0;
    for (const d of this.store.dbs) keys += d.size;
    const indexes = this.store.dbs.slice();
    this.scan = victim.records > this.indexScanRatio * keys ? { indexes, at: 0, cursor: 0, pos: 0, layout: -1, passes: 0 } : null;
    this.copiesFrom = { seg: head, off: head.head };
    this.scheduleSlice();
  }

  /**
   * Cost-benefit (LFS): free space gained per byte copied, weighted by age, among the segments that may be freed
   * now — the oldest always, others only when they hold whole values alone (see WHOLE_VALUES).
   */
  private pick(): Segment | null {
    const segs = this.store.log.segmentList;
    const now = Date.now();
    let best: Segment | null = null;
    let bestScore = -1;
    for (let i = 0; i < segs.length - 1; i++) {
      const s = segs[i];
      if (this.kept.has(s)) continue;
      const movable = i === 0 || ((s.kinds & ~WHOLE_VALUES) === 0 && !segs[i - 1].endsContinued);
      if (!movable) continue;
      const u = Math.min(1, s.live / Math.max(s.head, 1));
      if (u > MAX_VICTIM_USE) continue;
      const age = now - s.lastWrite + 1;
      const score = ((1 - u) * age) / (1 + u);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** The pass's next victim: the oldest segment, while it is older than the head was when the pass began. */
  private nextOfPass(upTo: number): Segment | null {
    const segs = this.store.log.segmentList;
    const oldest = segs[0];
    if (segs.length > 1 && oldest.id < upTo && !this.kept.has(oldest)) return oldest;
    this.stats.passes++;
    this.stats.lastPassMillis = Date.now() - this.pass!.startedAt;
    this.pass = null;
    return null;
  }

  private scheduleSlice(): void {
    if (this.sliceScheduled) return;
    this.sliceScheduled = true;
    setImmediate(() => {
      this.sliceScheduled = false;
      this.slice();
    });
  }

  /** Rewrites the keys of the victim's next records until the time budget is spent. */
  private slice(): void {
    const victim = this.victim;
    if (victim === null || this.freeing) return;
    const start = performance.now();
    const deadline = start + this.sliceBudget(start);
    let n = 0;
    try {
      // The live count is exact, so once it is zero the records left are all dead and need no walk (a segment
      // that died whole, the common case under overwrites, costs no walk at all).
      while (victim.live > 0 && (this.scan !== null ? this.nextEntry(victim) : this.nextRecord(victim))) {
        if ((++n & 31) === 0 && performance.now() > deadline) {
          this.lastSliceEnd = performance.now();
          this.scheduleSlice();
          return;
        }
      }
    } catch (err) {
      // A copy the log refused (no next segment can be made, persisting fails): the copies so far are ordinary
      // records, so dropping this victim loses nothing; it is picked again once the log takes writes.
      this.warn(`Cleaner: copying out of segment ${victim.id} failed (${(err as Error).message}); it stays for now.`);
      this.victim = null;
      return;
    }
    this.lastSliceEnd = performance.now();
    this.free(victim);
  }

  /** How long this slice may run: SLICE_MS, more while the log is over its bound (see OVER_BOUND_SLICE_MS). */
  private sliceBudget(now: number): number {
    if (this.fixedSliceMs !== null) return this.fixedSliceMs;
    const log = this.store.log;
    if (log.diskBytes <= this.maxAmplification * this.store.liveBytes || this.pass !== null) return SLICE_MS;
    return Math.min(OVER_BOUND_SLICE_MS, Math.max(SLICE_MS, (now - this.lastSliceEnd) * OVER_BOUND_SHARE));
  }

  /**
   * Handles the next keys of the index scan (see SEQUENTIAL_STEP); false when it is over. Keys added meanwhile may
   * be visited too (their base is the head, so they are skipped); SWAPDB moves index objects, which the scan keeps.
   */
  private nextEntry(victim: Segment): boolean {
    const scan = this.scan!;
    if (scan.at >= scan.indexes.length) {
      // Called only while the victim still counts live bytes: a key was missed, so the walk goes round again.
      if (scan.passes >= SEQUENTIAL_PASSES) return false;
      scan.passes++;
      this.stats.scanRounds++;
      scan.at = 0;
      scan.pos = 0;
      scan.cursor = 0;
      scan.layout = -1;
    }
    const index = scan.indexes[scan.at];
    const out = this.bucket;
    out.length = 0;
    let done: boolean;
    if (scan.passes < SEQUENTIAL_PASSES) {
      // A rebuilt table moved every key: this index's walk starts again.
      if (index.layout !== scan.layout) {
        scan.layout = index.layout;
        scan.pos = 0;
      }
      const next = index.slotsFrom(scan.pos, SEQUENTIAL_STEP, out);
      scan.pos = next;
      done = next === -1;
    } else {
      // The last round, in SCAN order: keys present throughout are all visited, whatever the table does.
      scan.cursor = index.scan(scan.cursor, out);
      done = scan.cursor === 0;
    }
    if (out.length > 0) {
      // Copies change no slot's position, so these slots stay valid while they are handled.
      const db = this.store.dbs.indexOf(index);
      for (const slot of out) this.copyIfIn(victim, index, db, slot);
    }
    if (done) {
      scan.at++;
      scan.pos = 0;
      scan.cursor = 0;
      scan.layout = -1;
    }
    return true;
  }

  /**
   * Handles one record of the victim; false when there are none left. A resumable walk of its own rather than
   * batch-walk.ts's walkRecords: one batch of a busy turn holds thousands of records, more than a slice may take.
   */
  private nextRecord(victim: Segment): boolean {
    const buf = victim.buf;
    const view = victim.view;
    if (this.recLeft === 0) {
      const off = this.batchOff;
      if (off + BATCH_HEADER_SIZE > victim.head || view.getUint32(off + BH_MAGIC, true) !== BATCH_MAGIC) return false;
      this.recLeft = view.getUint32(off + BH_COUNT, true);
      this.recAt = off + BATCH_HEADER_SIZE;
      this.batchOff = alignUp(off + BATCH_HEADER_SIZE + view.getUint32(off + BH_LENGTH, true));
      if (this.recLeft === 0) return true;
    }
    const at = this.recAt;
    this.recAt += view.getUint32(at + REC_LENGTH, true);
    this.recLeft--;
    const kind = buf[at + REC_KIND];
    if (((1 << kind) & VALUE_KINDS) === 0) return true;
    const db = view.getUint16(at + REC_DB, true);
    const keyAt = at + REC_HEADER_SIZE;
    const key = buf.toString('latin1', keyAt, keyAt + view.getUint32(at + REC_KEY_LEN, true));
    const index = this.store.dbsAt(victim, at)[db];
    const slot = index === undefined ? -1 : index.slotOf(key);
    if (slot !== -1) this.copyIfIn(victim, index!, this.store.dbs.indexOf(index!), slot);
    return true;
  }

  /** Only a value rebuilt from the victim needs its copy; anything else found there was replaced since. */
  private copyIfIn(victim: Segment, index: KeyIndex, db: number, slot: number): void {
    const e = index.hotAt(slot);
    if (e !== null) {
      if (e.base === victim) this.copy(db, e.key, e);
      return;
    }
    if (index.coldSegment(slot) !== victim) return;
    const length = index.coldLength(slot);
    const refused = this.store.rewriteCold(db, index.keyAt(slot), slot);
    if (refused !== null) throw refused;
    this.stats.keysRewritten++;
    this.stats.bytesCopied += length;
  }

  private copy(db: number, key: string, e: Entry): void {
    const refused = this.store.rewrite(db, key, e);
    if (refused !== null) throw refused;
    this.stats.keysRewritten++;
    this.stats.bytesCopied += e.bytes;
  }

  /** Every copy is written: once they are durable, the victim goes. */
  private free(victim: Segment): void {
    const log = this.store.log;
    if (victim.live !== 0) {
      // Accounting says something still lives here that the walk did not rewrite: never free live data.
      this.warn(`Cleaner: segment ${victim.id} still counts ${victim.live} live bytes after its walk; it is kept.`);
      this.victim = null;
      this.kept.add(victim);
      return;
    }
    this.freeing = true;
    const from = this.copiesFrom!;
    log.persistFrom(from.seg, from.off, (err) => {
      if (err) {
        this.warn(`Cleaner: persisting the copies failed (${err.message}); retrying.`);
        setTimeout(() => {
          this.freeing = false;
          this.free(victim);
        }, RETRY_MS).unref();
        return;
      }
      this.release(victim);
    });
  }

  private release(victim: Segment): void {
    const log = this.store.log;
    if (this.victim !== victim) return;
    if (!log.canRelease(victim)) {
      setTimeout(() => this.release(victim), RETRY_MS).unref();
      return;
    }
    const bytes = victim.size;
    try {
      log.freeSegment(victim);
    } catch (err) {
      this.warn(`Cleaner: freeing segment ${victim.id} failed (${(err as Error).message}); retrying.`);
      setTimeout(() => this.release(victim), RETRY_MS * 20).unref();
      return;
    }
    this.store.forgetLayoutsBefore(log.segmentList[0].id);
    this.stats.segmentsFreed++;
    this.stats.bytesFreed += bytes;
    this.stats.lastFreedAt = Date.now();
    this.victim = null;
    this.freeing = false;
    this.check();
  }
}
