// One segment file of the log: a fixed-size file mapped into memory. Owns its mapping and write head;
// knows nothing of batches or records.
import { join } from 'node:path';
import type { MappedFile, PersistenceBackend } from '../platform/pmem.js';

export function segmentFileName(id: number): string {
  return `${String(id).padStart(8, '0')}.seg`;
}

export class Segment {
  /** Next free byte: batches are appended here. */
  head = 0;

  private constructor(
    readonly id: number,
    readonly file: MappedFile,
  ) {}

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
    return new Segment(id, backend.map(join(logDir, segmentFileName(id)), size, true));
  }

  static open(backend: PersistenceBackend, logDir: string, id: number): Segment {
    return new Segment(id, backend.map(join(logDir, segmentFileName(id)), 0, false));
  }

  close(): void {
    this.file.unmap();
  }
}
