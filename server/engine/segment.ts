// One segment file of the log: a fixed-size file mapped into memory. Owns its mapping and write head;
// knows nothing of batches or records.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MappedFile, PersistenceBackend } from '../platform/pmem.js';

export function segmentFileName(id: number): string {
  return `${String(id).padStart(8, '0')}.seg`;
}

/** Bytes past the head warmAhead keeps in the cache: well inside L2, a few turns of records at -P 16. */
const WARM_AHEAD = 64 * 1024;

export class Segment {
  /** Next free byte: batches are appended here. */
  head = 0;
  /** Bytes from 0 already pre-faulted for writing, and whether a prefault is running. */
  prefaulted = 0;
  prefaulting = false;
  /** Bytes of records that current values are rebuilt from, counted where each value's first record is. */
  live = 0;
  /** Records written here (the cleaner compares it with the number of keys to choose how to find live ones). */
  records = 0;
  /** Bit (1 << kind) set for every record kind written here: tells the cleaner which segments it may free early. */
  kinds = 0;
  /** The last batch here ends a logical batch that goes on in the next segment (BATCH_CONTINUED). */
  endsContinued = false;
  /** When a record was last appended here (ms since the epoch); the cleaner prefers old segments. */
  lastWrite = Date.now();
  /** For header fields: DataView stores compile to plain moves, several times cheaper than Buffer.writeUInt32LE. */
  readonly view: DataView;

  private constructor(
    readonly id: number,
    readonly file: MappedFile,
  ) {
    this.view = new DataView(file.buf.buffer, file.buf.byteOffset, file.buf.byteLength);
  }

  get buf(): Buffer {
    return this.file.buf;
  }

  get size(): number {
    return this.file.size;
  }

  get path(): string {
    return this.file.path;
  }

  static create(backend: PersistenceBackend, logDir: string, id: number, size: number): Segment {
    const path = join(logDir, segmentFileName(id));
    // Mapping creates the file but does not truncate one that exists: a stray left by a crash must not lend its
    // old bytes to the new segment.
    rmSync(path, { force: true });
    return new Segment(id, backend.map(path, size, true));
  }

  static open(backend: PersistenceBackend, logDir: string, id: number): Segment {
    return new Segment(id, backend.map(join(logDir, segmentFileName(id)), 0, false));
  }

  /** End of the bytes past the head already written (with zeros) once, so they are in the CPU's cache. */
  private warmEnd = 0;

  /**
   * Keeps WARM_AHEAD bytes past the head in the cache by storing zeros there (they are zero already: nothing
   * changes), in one sequential pass a few times per WARM_AHEAD bytes of records. Why: appending a record to a line
   * not in the cache first reads that line from memory, one miss per ~40-byte record that the store cannot hide.
   */
  warmAhead(): void {
    if (this.warmEnd - this.head >= WARM_AHEAD / 2) return;
    const from = Math.max(this.warmEnd, this.head);
    const to = Math.min(this.size, from + WARM_AHEAD);
    if (to > from) this.file.buf.fill(0, from, to);
    this.warmEnd = to;
  }

  /** Keeps pre-faulted pages ahead of the write head, so stores into the log do not take page faults. */
  prefaultAhead(window: number): void {
    if (this.prefaulting || this.prefaulted >= this.size || this.head + window / 2 < this.prefaulted) return;
    const from = Math.max(this.prefaulted, this.head);
    const to = Math.min(this.size, from + window);
    this.prefaulting = true;
    this.file.prefault(from, to - from, () => {
      this.prefaulting = false;
      this.prefaulted = to;
    });
  }

  close(): void {
    this.file.unmap();
  }
}

/**
 * The live segments by id, in an array (ids only grow, so it stays dense): the index names a cold key's segment by
 * id and looks it up on every access, where a Map's hashing showed in profiles. Shared by the log, which adds and
 * frees segments, and the index, which only reads.
 */
export class SegmentTable {
  private readonly byId: (Segment | undefined)[] = [];

  get(id: number): Segment | undefined {
    return this.byId[id];
  }

  set(seg: Segment): void {
    while (this.byId.length < seg.id) this.byId.push(undefined);
    this.byId[seg.id] = seg;
  }

  delete(id: number): void {
    this.byId[id] = undefined;
  }
}
