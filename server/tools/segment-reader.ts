// Reads a segment file through a sliding window with plain node:fs (no mapping, no libpmem), so faha-check-log
// can walk a 1 GiB segment in a few MiB of memory on any machine. Read-only; knows nothing of batches.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Bytes read per refill; a batch larger than this gets a window of its own size. */
const WINDOW = 8 * 1024 * 1024;

export class SegmentReader {
  readonly size: number;
  private readonly fd: number;
  private store = Buffer.alloc(0);
  private win = Buffer.alloc(0);
  private winOff = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }

  /**
   * Bytes [off, off + len), clipped to the end of the file. The buffer is only valid until the next call: the
   * window is reused, which is what keeps memory flat.
   */
  view(off: number, len: number): Buffer {
    const n = Math.max(0, Math.min(len, this.size - off));
    if (off >= this.winOff && off + n <= this.winOff + this.win.length) {
      return this.win.subarray(off - this.winOff, off - this.winOff + n);
    }
    const want = Math.min(Math.max(n, WINDOW), this.size - off);
    if (this.store.length < want) this.store = Buffer.allocUnsafe(want);
    let got = 0;
    while (got < want) {
      const r = readSync(this.fd, this.store, got, want - got, off + got);
      if (r === 0) break;
      got += r;
    }
    this.win = this.store.subarray(0, got);
    this.winOff = off;
    return this.win.subarray(0, Math.min(n, got));
  }

  /** Offset of the last nonzero byte at or after `from`, or -1 when the rest of the file is zeros. */
  lastNonZero(from: number): number {
    let last = -1;
    for (let off = from; off < this.size; off += WINDOW) {
      const at = lastNonZeroIn(this.view(off, WINDOW));
      if (at >= 0) last = off + at;
    }
    return last;
  }

  close(): void {
    closeSync(this.fd);
  }
}

const BLOCK = 4096;
const ZEROS = Buffer.alloc(BLOCK);

/** Blocks are compared with memcmp against zeros (Buffer.equals), so a GiB of preallocated zeros scans quickly. */
function lastNonZeroIn(b: Buffer): number {
  for (let start = Math.floor((b.length - 1) / BLOCK) * BLOCK; start >= 0; start -= BLOCK) {
    const block = b.subarray(start, Math.min(start + BLOCK, b.length));
    if (block.equals(ZEROS.subarray(0, block.length))) continue;
    for (let i = block.length - 1; i >= 0; i--) if (block[i] !== 0) return start + i;
  }
  return -1;
}
