// The byte encoding shared by every collection's DELTA and IMAGE payloads: an op byte, then fields written in
// order (length-prefixed byte strings, integers, doubles). Writing goes through one reused scratch buffer,
// because the log copies the payload at once; reading yields views into the log that the caller copies if kept.
// Keep in sync with: server/docs/log-format.md (collection payloads).
import { copyBytes } from '../engine/bytes.js';

const INITIAL = 4096;
/** Payloads shorter than this get a kept view (see end()). */
const VIEW_CACHE = 128;

/** Builds one payload. Obtain it with `deltaWriter(op)`; `end()` returns a view valid until the next payload. */
export class DeltaWriter {
  private buf = Buffer.allocUnsafe(INITIAL);
  private at = 0;
  /** Views of buf's first n bytes by n, for n below VIEW_CACHE (dropped when buf is replaced). */
  private views: Buffer[] = [];

  start(op: number): this {
    this.at = 0;
    return this.u8(op);
  }

  u8(v: number): this {
    this.room(1);
    this.buf[this.at++] = v;
    return this;
  }

  /** An unsigned integer below 2^32 (counts, lengths). */
  u32(v: number): this {
    this.room(4);
    this.putU32(v);
    return this;
  }

  /** A signed 64-bit integer (list indexes, integer values). */
  i64(v: number | bigint): this {
    this.room(8);
    this.buf.writeBigInt64LE(BigInt(v), this.at);
    this.at += 8;
    return this;
  }

  /** A double, bit for bit (a score written is exactly the score read back). */
  f64(v: number): this {
    this.room(8);
    this.buf.writeDoubleLE(v, this.at);
    this.at += 8;
    return this;
  }

  /**
   * A byte string: u32 length, then the bytes. Copied with TypedArray set, not Buffer's copy, which calls into C++
   * (6.5% of HSET -P 16 for values of three bytes).
   */
  bytes(b: Buffer): this {
    this.room(4 + b.length);
    this.putU32(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
    return this;
  }

  /** bytes() of src[at, at + len), given by place rather than as a view. */
  bytesFrom(src: Uint8Array, at: number, len: number): this {
    this.room(4 + len);
    this.putU32(len);
    copyBytes(src, at, len, this.buf, this.at);
    this.at += len;
    return this;
  }

  /** A byte string given as a latin1 JS string (one char per byte), as fields and members are kept. */
  str(s: string): this {
    this.room(4 + s.length);
    this.putU32(s.length);
    this.buf.write(s, this.at, s.length, 'latin1');
    this.at += s.length;
    return this;
  }

  end(): Buffer {
    const n = this.at;
    if (n >= VIEW_CACHE) return this.buf.subarray(0, n);
    // Making the view was ~40 ns of a ~1.2 µs HSET: the small sizes' views are made once and kept.
    return (this.views[n] ??= this.buf.subarray(0, n));
  }

  /** Four bytes little-endian, stored directly: Buffer's writeUInt32LE checks its arguments on every call. */
  private putU32(v: number): void {
    const buf = this.buf;
    const at = this.at;
    buf[at] = v;
    buf[at + 1] = v >>> 8;
    buf[at + 2] = v >>> 16;
    buf[at + 3] = v >>> 24;
    this.at = at + 4;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
    this.views = [];
  }
}

const shared = new DeltaWriter();

/** The shared writer, started with `op`. Finish with `.end()` and hand the result to the log right away. */
export function deltaWriter(op: number): DeltaWriter {
  return shared.start(op);
}

/** Reads a payload field by field, in the order it was written. */
export class DeltaReader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.at >= this.buf.length;
  }

  u8(): number {
    return this.buf[this.at++];
  }

  u32(): number {
    const v = this.buf.readUInt32LE(this.at);
    this.at += 4;
    return v;
  }

  i64(): number {
    const v = this.buf.readBigInt64LE(this.at);
    this.at += 8;
    return Number(v);
  }

  i64Big(): bigint {
    const v = this.buf.readBigInt64LE(this.at);
    this.at += 8;
    return v;
  }

  f64(): number {
    const v = this.buf.readDoubleLE(this.at);
    this.at += 8;
    return v;
  }

  /** A view into the payload: copy it (Buffer.from) to keep it. */
  bytes(): Buffer {
    const n = this.u32();
    const v = this.buf.subarray(this.at, this.at + n);
    this.at += n;
    return v;
  }

  /** A byte string as a latin1 JS string (already a copy). */
  str(): string {
    const n = this.u32();
    const v = this.buf.toString('latin1', this.at, this.at + n);
    this.at += n;
    return v;
  }
}
