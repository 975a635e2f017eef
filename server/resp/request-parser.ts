// Incremental request parser for one connection: RESP multibulk and inline commands, with Redis 7.0's limits
// and error texts (processMultibulkBuffer / processInlineBuffer in networking.c). Arguments are zero-copy views
// of the received bytes; a caller that keeps one beyond the command must copy it.
//
// Why not redis-parser: it parses *replies* (it accepts integers, nested arrays and simple strings where a server
// must answer "expected '$'"), knows no server limits (proto-max-bulk-len, unauthenticated sizes) and waits for a
// whole declared bulk before it can reject it; Redis rejects such input as soon as the header arrives.
import {
  PROTO_INVALID_BULK, PROTO_INVALID_MBULK, PROTO_TOO_BIG_BULK, PROTO_TOO_BIG_INLINE, PROTO_TOO_BIG_MBULK,
  PROTO_UNAUTH_BULK, PROTO_UNAUTH_MBULK, PROTO_UNBALANCED_QUOTES, protoExpectedDollar,
} from './errors.js';
import { splitInlineArgs } from './inline.js';

/** Longest inline line or length header Redis waits for before calling it a protocol error. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
/** Bulks at least this long are collected in a buffer of their own instead of re-concatenating the input. */
const BIG_ARG = 32 * 1024;
const INT_MAX = 2147483647;

export interface ParserLimits {
  /** proto-max-bulk-len */
  maxBulkLen(): number;
  /** True while the connection must still authenticate (tight size limits apply then). */
  authRequired(): boolean;
}

/** A protocol error: the reply to send before closing the connection. */
export class ProtocolError {
  constructor(readonly message: string) {}
}

/** Parses a strictly formed decimal integer as Redis's string2ll does; NaN when it would refuse. */
export function parseStrictInt(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  if (len === 0 || len > 20) return NaN;
  let i = start;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
    if (i === end) return NaN;
  }
  if (buf[i] === 0x30) return i + 1 === end && !neg ? 0 : NaN;
  let v = 0;
  for (; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  // Values beyond 2^53 lose precision but every limit we compare against is far below that.
  return neg ? -v : v;
}

export class RequestParser {
  private buf: Buffer = Buffer.alloc(0);
  private pos = 0;
  /** Arguments still expected by the multibulk being parsed (0 = between commands). */
  private multibulkLen = 0;
  /** Length of the bulk being read, or -1 while its header is still expected. */
  private bulkLen = -1;
  private argv: Buffer[] = [];
  /** A big bulk is read straight into this buffer. */
  private big: Buffer | null = null;
  private bigFill = 0;
  private inline = false;

  constructor(private readonly limits: ParserLimits) {}

  /** Unparsed bytes held (for client-query-buffer-limit and CLIENT LIST qbuf). */
  get pendingBytes(): number {
    return this.buf.length - this.pos + (this.big !== null ? this.bigFill : 0);
  }

  feed(chunk: Buffer): void {
    if (this.big !== null) {
      const want = this.big.length - this.bigFill;
      const n = Math.min(want, chunk.length);
      chunk.copy(this.big, this.bigFill, 0, n);
      this.bigFill += n;
      chunk = chunk.subarray(n);
      if (chunk.length === 0) return;
    }
    if (this.pos >= this.buf.length) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk]);
      this.pos = 0;
    }
  }

  /**
   * The next complete command, null when more bytes are needed, or a ProtocolError (after which the
   * connection must reply and close). Empty commands ("*0", blank inline lines) are skipped.
   */
  next(): Buffer[] | null | ProtocolError {
    for (;;) {
      if (this.big !== null) {
        if (this.bigFill < this.big.length) return null;
        // The trailing CRLF was collected with the bulk; Redis does not check those two bytes either.
        this.argv.push(this.big.subarray(0, this.big.length - 2));
        this.big = null;
        this.bigFill = 0;
        this.bulkLen = -1;
        this.multibulkLen--;
        if (this.multibulkLen === 0) return this.finish();
      }
      if (this.multibulkLen === 0 && !this.inline) {
        if (this.pos >= this.buf.length) return null;
        if (this.buf[this.pos] !== 0x2a) this.inline = true;
      }
      if (this.inline) {
        const r = this.parseInline();
        if (r === null || r instanceof ProtocolError) return r;
        if (r.length > 0) return r;
        continue;
      }
      const r = this.parseMultibulk();
      if (r === null || r instanceof ProtocolError) return r;
      if (r.length > 0) return r;
    }
  }

  private finish(): Buffer[] {
    const argv = this.argv;
    this.argv = [];
    return argv;
  }

  /** Index of byte `c` at or after `from`, or -1; like strchr, a NUL byte ends the search. */
  private find(c: number, from: number): number {
    const buf = this.buf;
    const i = buf.indexOf(c, from);
    if (i < 0) return -1;
    const z = buf.indexOf(0, from);
    return z >= 0 && z < i ? -1 : i;
  }

  private parseInline(): Buffer[] | null | ProtocolError {
    const buf = this.buf;
    let nl = this.find(0x0a, this.pos);
    if (nl < 0) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(PROTO_TOO_BIG_INLINE);
      return null;
    }
    const next = nl + 1;
    if (nl !== this.pos && buf[nl - 1] === 0x0d) nl--;
    const args = splitInlineArgs(buf.subarray(this.pos, nl));
    if (args === null) return new ProtocolError(PROTO_UNBALANCED_QUOTES);
    this.pos = next;
    this.inline = false;
    return args;
  }

  private parseMultibulk(): Buffer[] | null | ProtocolError {
    const buf = this.buf;
    if (this.multibulkLen === 0) {
      const cr = this.findCR(this.pos);
      if (cr < 0) {
        if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(PROTO_TOO_BIG_MBULK);
        return null;
      }
      if (cr + 1 >= buf.length) return null;
      const ll = parseStrictInt(buf, this.pos + 1, cr);
      if (Number.isNaN(ll) || ll > INT_MAX) return new ProtocolError(PROTO_INVALID_MBULK);
      if (ll > 10 && this.limits.authRequired()) return new ProtocolError(PROTO_UNAUTH_MBULK);
      this.pos = cr + 2;
      if (ll <= 0) return [];
      this.multibulkLen = ll;
      this.bulkLen = -1;
    }
    while (this.multibulkLen > 0) {
      if (this.bulkLen === -1) {
        const cr = this.findCR(this.pos);
        if (cr < 0) {
          if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(PROTO_TOO_BIG_BULK);
          return null;
        }
        if (cr + 1 >= buf.length) return null;
        if (buf[this.pos] !== 0x24) return new ProtocolError(protoExpectedDollar(buf[this.pos]));
        const ll = parseStrictInt(buf, this.pos + 1, cr);
        if (Number.isNaN(ll) || ll < 0 || ll > this.limits.maxBulkLen()) return new ProtocolError(PROTO_INVALID_BULK);
        if (ll > 16384 && this.limits.authRequired()) return new ProtocolError(PROTO_UNAUTH_BULK);
        this.pos = cr + 2;
        this.bulkLen = ll;
        if (ll >= BIG_ARG && buf.length - this.pos < ll + 2) {
          // Collect the rest of this bulk in place rather than concatenating every chunk.
          this.big = Buffer.allocUnsafe(ll + 2);
          const have = buf.length - this.pos;
          buf.copy(this.big, 0, this.pos);
          this.bigFill = have;
          this.pos = buf.length;
          return null;
        }
      }
      if (buf.length - this.pos < this.bulkLen + 2) return null;
      this.argv.push(buf.subarray(this.pos, this.pos + this.bulkLen));
      this.pos += this.bulkLen + 2;
      this.bulkLen = -1;
      this.multibulkLen--;
    }
    return this.finish();
  }

  private findCR(from: number): number {
    const buf = this.buf;
    const end = buf.length;
    // Short headers dominate: a JS loop beats the native indexOf call for them.
    for (let i = from, stop = Math.min(end, from + 24); i < stop; i++) {
      const c = buf[i];
      if (c === 0x0d) return i;
      if (c === 0) return -1;
    }
    return from + 24 < end ? this.find(0x0d, from + 24) : -1;
  }
}
