// The reply writer: handlers speak in reply types (bulk, integer, map, double, null…) and this is the only place
// that knows how RESP2 and RESP3 spell them. Bytes accumulate in one growing buffer per connection; large bulks
// go out as chunks of their own. Hot path: see scripts/bench.ts (redis-benchmark SET/GET -P 16).
// Imported, not the global: Node 20's global Buffer is a getter on globalThis (see keyspace/strings.ts).
import { Buffer } from 'node:buffer';
import { formatDouble } from './double.js';
import { sanitizeError } from './errors.js';

const CRLF = 0x0a0d; // "\r\n" as a little-endian u16
const INITIAL = 16 * 1024;
/** Bulks this large go out as a separate chunk instead of being copied into the growing buffer. */
const BY_REFERENCE = 16 * 1024;

export type RespVersion = 2 | 3;

export class ReplyWriter {
  resp: RespVersion = 2;
  /** Error replies written so far (the dispatcher tells failed calls by it). */
  errorCount = 0;
  /** Told of every error reply (INFO errorstats). */
  onError: ((msg: string) => void) | null = null;
  private buf = Buffer.allocUnsafe(INITIAL);
  private pos = 0;
  private chunks: Buffer[] = [];
  private chunkBytes = 0;

  /** Bytes written and not yet taken. */
  get length(): number {
    return this.pos + this.chunkBytes;
  }

  /** Everything written since the last take, in order; the writer starts afresh. */
  take(): Buffer[] {
    const out = this.chunks;
    if (this.pos > 0) out.push(this.detach());
    this.chunks = [];
    this.chunkBytes = 0;
    return out;
  }

  /**
   * Drops everything written after `mark` (a `length` read earlier), e.g. the reply of a command run under
   * CLIENT REPLY OFF/SKIP.
   */
  discardFrom(mark: number): void {
    let keep = mark;
    const kept: Buffer[] = [];
    for (const c of this.chunks) {
      if (keep === 0) break;
      if (c.length <= keep) {
        kept.push(c);
        keep -= c.length;
      } else {
        kept.push(c.subarray(0, keep));
        keep = 0;
      }
    }
    // Whatever of the mark is not in chunks is at the start of the buffer.
    this.chunks = kept;
    this.chunkBytes = mark - keep;
    this.pos = keep;
  }

  private detach(): Buffer {
    const n = this.pos;
    this.pos = 0;
    if (n <= 4096) return Buffer.from(this.buf.subarray(0, n));
    const out = this.buf.subarray(0, n);
    this.buf = Buffer.allocUnsafe(INITIAL);
    return out;
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }

  private ascii(s: string): void {
    this.ensure(s.length);
    this.pos += this.buf.write(s, this.pos, 'latin1');
  }

  /** Already-encoded protocol bytes (pre-encoded constant replies). */
  raw(bytes: Buffer): void {
    this.ensure(bytes.length);
    bytes.copy(this.buf, this.pos);
    this.pos += bytes.length;
  }

  private crlf(): void {
    this.buf.writeUInt16LE(CRLF, this.pos);
    this.pos += 2;
  }

  /**
   * `prefix`, the decimal digits of `n`, CRLF — written byte by byte: building the line as a string first and
   * encoding it was ~3% of LPUSH -P 16 (scripts/bench.ts). Any other number takes the string path.
   */
  private line(prefix: number, n: number): void {
    if (!Number.isSafeInteger(n)) {
      this.ascii(String.fromCharCode(prefix) + n + '\r\n');
      return;
    }
    this.ensure(20);
    const buf = this.buf;
    let p = this.pos;
    buf[p++] = prefix;
    if (n < 0) {
      buf[p++] = 0x2d;
      n = -n;
    }
    p += decimalLength(n);
    let q = p;
    // Below 2^31 in int32 arithmetic, which the compiler turns into a multiply (a double % and / per digit was 3%
    // of LPUSH -P 16, whose replies are list lengths in the millions).
    while (n > 0x7fffffff) {
      const r = n % 10;
      buf[--q] = 0x30 + r;
      n = (n - r) / 10;
    }
    let m = n | 0;
    do {
      const d = (m / 10) | 0;
      buf[--q] = 0x30 + m - d * 10;
      m = d;
    } while (m > 0);
    buf[p] = 0x0d;
    buf[p + 1] = 0x0a;
    this.pos = p + 2;
  }

  ok(): void {
    this.raw(OK);
  }

  simple(s: string): void {
    this.ascii('+' + s + '\r\n');
  }

  /**
   * `msg` is the whole error text, code prefix included (see errors.ts). Written as latin1: error texts that
   * quote the client's bytes (unknown command, bad option) carry them one char per byte, like keys.
   */
  error(msg: string): void {
    this.errorCount++;
    this.onError?.(msg);
    const s = sanitizeError(msg);
    this.ensure(s.length + 3);
    this.buf[this.pos++] = 0x2d;
    this.pos += this.buf.write(s, this.pos, 'latin1');
    this.crlf();
  }

  integer(n: number | bigint): void {
    if (n === 0) this.raw(ZERO);
    else if (n === 1) this.raw(ONE);
    else if (typeof n === 'number') this.line(COLON, n);
    else this.ascii(':' + n + '\r\n');
  }

  bulk(b: Buffer): void {
    const n = b.length;
    if (n >= BY_REFERENCE) {
      this.line(DOLLAR, n);
      // A copy, not the caller's bytes: a string's value is a view into a log segment, which the cleaner may unmap
      // while a slow client's reply still waits in the socket.
      this.pushChunk(Buffer.from(b));
      this.ensure(2);
      this.crlf();
      return;
    }
    this.line(DOLLAR, n);
    this.ensure(n + 2);
    b.copy(this.buf, this.pos);
    this.pos += n;
    this.crlf();
  }

  /** A bulk from a JS string; `latin1` keeps binary keys (stored as latin1 strings) byte-exact. */
  bulkString(s: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    const n = encoding === 'latin1' ? s.length : Buffer.byteLength(s);
    this.ensure(n + 24);
    this.pos += this.buf.write('$' + n + '\r\n', this.pos, 'latin1');
    this.pos += encoding === 'latin1' ? this.buf.write(s, this.pos, 'latin1') : this.buf.write(s, this.pos, 'utf8');
    this.crlf();
  }

  /** The null bulk (RESP2 `$-1`, RESP3 `_`). */
  nil(): void {
    this.raw(this.resp === 3 ? NULL3 : NIL_BULK);
  }

  /** The null array (RESP2 `*-1`, RESP3 `_`). */
  nilArray(): void {
    this.raw(this.resp === 3 ? NULL3 : NIL_ARRAY);
  }

  array(n: number): void {
    if (n === 0) this.raw(EMPTY_ARRAY);
    else this.line(STAR, n);
  }

  /** A map of `n` pairs: RESP3 `%n`, RESP2 a flat array of 2n. */
  map(n: number): void {
    if (this.resp === 3) this.line(PERCENT, n);
    else this.array(n * 2);
  }

  /** A set: RESP3 `~n`, RESP2 an array. */
  set(n: number): void {
    if (this.resp === 3) this.line(TILDE, n);
    else this.array(n);
  }

  /** Out-of-band data (pub/sub, MONITOR under RESP3): RESP3 `>n`, RESP2 an array. */
  push(n: number): void {
    if (this.resp === 3) this.line(GREATER, n);
    else this.array(n);
  }

  /** A double as Redis 7.0 prints it (%.17g; inf/-inf): RESP3 `,`, RESP2 a bulk string. */
  double(x: number): void {
    const s = formatDouble(x);
    if (this.resp === 3) this.ascii(',' + s + '\r\n');
    else this.ascii('$' + s.length + '\r\n' + s + '\r\n');
  }

  /** RESP3 `#t`/`#f`; RESP2 the integers 1 and 0. */
  bool(b: boolean): void {
    if (this.resp === 3) this.raw(b ? TRUE3 : FALSE3);
    else this.raw(b ? ONE : ZERO);
  }

  /** RESP3 verbatim string (`=len\r\ntxt:…`); RESP2 a bulk string. */
  verbatim(text: string, format: 'txt' | 'mkd' = 'txt'): void {
    if (this.resp !== 3) {
      this.bulkString(text);
      return;
    }
    const n = Buffer.byteLength(text) + 4;
    this.ascii('=' + n + '\r\n' + format + ':');
    this.ensure(n + 2);
    this.pos += this.buf.write(text, this.pos, 'utf8');
    this.crlf();
  }

  private pushChunk(b: Buffer): void {
    if (this.pos > 0) {
      const head = this.detach();
      this.chunks.push(head);
      this.chunkBytes += head.length;
    }
    this.chunks.push(b);
    this.chunkBytes += b.length;
  }
}

const COLON = 0x3a;
const DOLLAR = 0x24;
const STAR = 0x2a;
const PERCENT = 0x25;
const TILDE = 0x7e;
const GREATER = 0x3e;

/** Digits of a non-negative safe integer. */
function decimalLength(n: number): number {
  let len = 1;
  // Powers of ten are exact doubles far beyond 2^53.
  for (let limit = 10; n >= limit; limit *= 10) len++;
  return len;
}

const OK = Buffer.from('+OK\r\n');
const ZERO = Buffer.from(':0\r\n');
const ONE = Buffer.from(':1\r\n');
const NIL_BULK = Buffer.from('$-1\r\n');
const NIL_ARRAY = Buffer.from('*-1\r\n');
const NULL3 = Buffer.from('_\r\n');
const EMPTY_ARRAY = Buffer.from('*0\r\n');
const TRUE3 = Buffer.from('#t\r\n');
const FALSE3 = Buffer.from('#f\r\n');
