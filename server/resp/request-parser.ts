// Incremental request parser for one connection: RESP multibulk and inline commands, with Redis 7.0's limits
// and error texts (processMultibulkBuffer / processInlineBuffer in networking.c). Arguments are zero-copy views
// of the received bytes; a caller that keeps one beyond the command must copy it. Knows nothing of commands.
//
// Why not redis-parser: it parses *replies* (it accepts integers, nested arrays and simple strings where a server
// must answer "expected '$'"), knows no server limits (proto-max-bulk-len, unauthenticated sizes) and waits for a
// whole declared bulk before it can reject it; Redis rejects such input as soon as the header arrives.
import { constants as bufferConstants } from 'node:buffer';
import {
  ERR_PROTO_INVALID_BULK, ERR_PROTO_INVALID_MBULK, ERR_PROTO_TOO_BIG_BULK, ERR_PROTO_TOO_BIG_INLINE,
  ERR_PROTO_TOO_BIG_MBULK, ERR_PROTO_UNAUTH_BULK, ERR_PROTO_UNAUTH_MBULK, ERR_PROTO_UNBALANCED_QUOTES,
  errProtoExpectedDollar,
} from './errors.js';
import { splitInlineArgs } from './inline.js';

/** Longest inline line or length header Redis waits for before calling it a protocol error. */
export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
/**
 * A line whose terminator lies this far from its start is refused even when it arrived whole. Redis checks the
 * 64 KiB limit after each read of at most 16 KiB (PROTO_IOBUF_LEN), so a line sent at once is refused once a read
 * ends past 64 KiB without the terminator, at 80 KiB at the latest; checking only at the ends of faha's chunks (up
 * to 64 KiB, their sizes up to the network) made the outcome for such lines depend on how they were split.
 */
const PROTO_LINE_REFUSED_AT = PROTO_INLINE_MAX_SIZE + 16 * 1024;
/** Arguments longer than this are not shared between commands (argView): a view pins the input it came in. */
const RECENT_MAX = 64;
/** Bulks at least this long are collected in a buffer of their own (Redis's PROTO_MBULK_BIG_ARG). */
export const BIG_ARG = 32 * 1024;
const INT_MAX = 2147483647;
/** Before AUTH, Redis refuses more arguments or longer bulks than these. */
const UNAUTH_MAX_ARGS = 10;
const UNAUTH_MAX_BULK = 16384;
/** A big bulk's buffer starts at most this large and doubles as its bytes arrive, so a declared length costs nothing. */
const BIG_INITIAL = 1024 * 1024;
/** Spare room when unparsed bytes must be joined with a new chunk, so a trickle of tiny chunks is not quadratic. */
const JOIN_SLACK = 16 * 1024;
/**
 * V8 heap bytes one argument view costs beyond its data (measured on Node 20: ~113 B per subarray). Past
 * ARGS_FREE arguments it counts in heldBytes, so a never-finished "*2147483647" of empty bulks is bounded by the
 * query-buffer limit; ordinary commands are measured exactly as Redis measures them.
 */
export const ARG_OVERHEAD = 128;
const ARGS_FREE = 1024;
/** A bulk whose buffer Node cannot allocate is refused like one over proto-max-bulk-len. */
const MAX_BULK = bufferConstants.MAX_LENGTH - 2;
const EMPTY = Buffer.alloc(0);

const LLONG_MAX = 9223372036854775807n;

/** nextSimple() results. */
export const SIMPLE_NONE = 0;
export const SIMPLE_GET = 1;
export const SIMPLE_SET = 2;
export const SIMPLE_INCR = 3;
export const SIMPLE_DECR = 4;
export const SIMPLE_LPUSH = 5;
export const SIMPLE_RPUSH = 6;
export const SIMPLE_SADD = 7;
export const SIMPLE_HSET = 8;
export const SIMPLE_ZADD = 9;

/** The arguments of a request nextSimple() recognised, after its key (the parser itself; valid until its next call). */
export interface SimpleArgs {
  /** The last argument (value, element, member) as a view. */
  readonly simpleValue: Buffer;
  /** Where the last argument lies without a view: simpleBuf[simpleValueAt, simpleValueAt + simpleValueLen). */
  readonly simpleBuf: Buffer;
  readonly simpleValueAt: number;
  readonly simpleValueLen: number;
  /** HSET's field or ZADD's score (a view; empty for the others), and where it lies in simpleBuf. */
  readonly simpleField: Buffer;
  readonly simpleFieldAt: number;
  readonly simpleFieldLen: number;
}

/**
 * Parses a length as Redis's string2ll does: optional '-', no leading zeros or '+', no spaces, at most 20
 * characters, within a signed 64-bit range. NaN when Redis would refuse it. Values beyond 2^53 come back rounded to
 * the nearest double; every limit they are compared with is far below that.
 */
export function parseStrictInt(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  if (len === 0 || len > 20) return NaN;
  let i = start;
  const neg = buf[i] === 0x2d;
  if (neg && ++i === end) return NaN;
  if (buf[i] === 0x30) return i + 1 === end && !neg ? 0 : NaN;
  let v = 0;
  for (; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  if (v > Number.MAX_SAFE_INTEGER) {
    // Beyond 2^53 only exact arithmetic can tell the 64-bit edge (LLONG_MIN's magnitude is LLONG_MAX + 1).
    const exact = BigInt(buf.toString('latin1', neg ? start + 1 : start, end));
    if (exact > (neg ? LLONG_MAX + 1n : LLONG_MAX)) return NaN;
    v = Number(exact);
  }
  return neg ? -v : v;
}

/** First letters (lower case) of ZADD's options: NX XX CH INCR GT LT. */
const ZADD_OPTION_INITIALS = [0x6e, 0x78, 0x63, 0x69, 0x67, 0x6c];

/**
 * Whether latin1 string `s` spells exactly buf[start, end). Compared from the end: keys that differ (key:000012,
 * key:000345) mostly differ there, so a miss costs a byte or two.
 */
function sameLatin1(s: string, buf: Buffer, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = s.length - 1; i >= 0; i--) if (s.charCodeAt(i) !== buf[start + i]) return false;
  return true;
}

export interface ParserLimits {
  /** proto-max-bulk-len, kept current by the owner (read for every bulk, so a plain property). */
  readonly maxBulk: number;
  /** True while the connection must still authenticate (tight size limits apply then). */
  authRequired(): boolean;
}

/** A protocol error: the reply to send before closing the connection. */
export class ProtocolError {
  constructor(readonly message: string) {}
}

export class RequestParser implements SimpleArgs {
  /** Received bytes; [pos, end) is not parsed yet. Bytes before pos may still be viewed by arguments. */
  private buf: Buffer = EMPTY;
  private pos = 0;
  private end = 0;
  /** True when buf was allocated here and bytes may be appended after `end`. */
  private owned = false;
  /** Arguments still expected by the multibulk being parsed (0 = between commands). */
  private multibulkLen = 0;
  /** Length of the bulk being read, or -1 while its header is still expected. */
  private bulkLen = -1;
  private argv: Buffer[] = [];
  /** The last command's first two arguments, while their input is held (see argView). */
  private recentName: Buffer | null = null;
  private recentKey: Buffer | null = null;
  /** A big bulk is read straight into this buffer; it holds `bigFill` bytes of the bulkLen + 2 expected. */
  private big: Buffer | null = null;
  private bigFill = 0;
  private inline = false;

  constructor(private readonly limits: ParserLimits) {}

  /** Received bytes not parsed yet, as Redis's qbuf counts them (a big bulk being read counts as unparsed). */
  get pendingBytes(): number {
    return this.end - this.pos + this.bigFill;
  }

  /**
   * What client-query-buffer-limit compares: the unparsed bytes (as Redis counts its query buffer) plus the
   * overhead of an unfinished command's arguments beyond the first ARGS_FREE (Redis keeps those far smaller).
   */
  get heldBytes(): number {
    return this.pendingBytes + Math.max(0, this.argv.length - ARGS_FREE) * ARG_OVERHEAD;
  }

  feed(chunk: Buffer): void {
    if (this.big !== null && this.bigFill < this.bulkLen + 2) {
      const n = this.fillBig(chunk);
      if (n === chunk.length) return;
      chunk = chunk.subarray(n);
    }
    const pending = this.end - this.pos;
    if (pending <= 0) {
      this.buf = chunk;
      this.pos = 0;
      this.end = chunk.length;
      this.owned = false;
    } else if (this.owned && this.buf.length - this.end >= chunk.length) {
      // Appending after `end` leaves every byte an argument may still view untouched.
      chunk.copy(this.buf, this.end);
      this.end += chunk.length;
    } else {
      const next = Buffer.allocUnsafe(pending + chunk.length + JOIN_SLACK);
      this.buf.copy(next, 0, this.pos, this.end);
      chunk.copy(next, pending);
      this.buf = next;
      this.pos = 0;
      this.end = pending + chunk.length;
      this.owned = true;
    }
  }

  /** Copies the start of `chunk` into the big bulk's buffer, growing it; returns the bytes taken. */
  private fillBig(chunk: Buffer): number {
    const want = this.bulkLen + 2;
    const n = Math.min(want - this.bigFill, chunk.length);
    let big = this.big!;
    if (this.bigFill + n > big.length) {
      let size = big.length;
      while (size < this.bigFill + n) size *= 2;
      const grown = Buffer.allocUnsafe(Math.min(want, size));
      big.copy(grown, 0, 0, this.bigFill);
      this.big = big = grown;
    }
    chunk.copy(big, this.bigFill, 0, n);
    this.bigFill += n;
    return n;
  }

  /**
   * The next complete command, null when more bytes are needed, or a ProtocolError (after which the
   * connection must reply and close). Empty commands ("*0", blank inline lines) are skipped.
   */
  next(): Buffer[] | null | ProtocolError {
    for (;;) {
      if (this.big !== null) {
        if (this.bigFill < this.bulkLen + 2) return null;
        // The bulk's trailing two bytes are skipped unchecked, as Redis does.
        this.pushArg(this.big.subarray(0, this.bulkLen));
        this.big = null;
        this.bigFill = 0;
        this.bulkLen = -1;
        if (--this.multibulkLen === 0) return this.finish();
      }
      if (this.multibulkLen === 0 && !this.inline) {
        if (this.pos >= this.end) {
          this.release();
          return null;
        }
        if (this.buf[this.pos] !== 0x2a) this.inline = true;
      }
      const r = this.inline ? this.parseInline() : this.parseMultibulk();
      if (r === null || r instanceof ProtocolError || r.length > 0) return r;
    }
  }

  /**
   * The hot-path recogniser (see commands/fast-path.ts): when the next request is, complete and in canonical
   * form, exactly `GET key`, `SET key value`, `INCR key`, `DECR key`, `LPUSH key value`, `RPUSH key value`,
   * `SADD key member`, `HSET key field value` or `ZADD key score member` whose score cannot be an option (any
   * case, small bulks, every CRLF in place), consumes it and returns its SIMPLE_* code with the key (latin1) in
   * `simpleKey`, the last argument in `simpleValue` (or where it lies: SimpleArgs) and HSET's field or ZADD's score in
   * `simpleField`. Anything else, or anything incomplete, returns SIMPLE_NONE and leaves the input to
   * next(), which then applies every Redis rule (limits, errors) as usual. Used only for authenticated clients.
   */
  nextSimple(): number {
    if (this.multibulkLen !== 0 || this.inline || this.big !== null) return SIMPLE_NONE;
    const buf = this.buf;
    const end = this.end;
    let p = this.pos;
    // "*<2|3>\r\n$<3|4>\r\n", the name, "\r\n".
    if (end - p < 16 || buf[p] !== 0x2a || buf[p + 2] !== 0x0d || buf[p + 3] !== 0x0a || buf[p + 4] !== 0x24) return SIMPLE_NONE;
    if (buf[p + 6] !== 0x0d || buf[p + 7] !== 0x0a) return SIMPLE_NONE;
    const argc = buf[p + 1];
    const nameLen = buf[p + 5] - 0x30;
    const op =
      nameLen === 3 ? this.name3(p + 8, argc) : nameLen === 4 ? this.name4(p + 8, argc) : nameLen === 5 && argc === 0x33 ? this.name5(p + 8) : SIMPLE_NONE;
    if (op === SIMPLE_NONE) return SIMPLE_NONE;
    p += 10 + nameLen;
    const keyStart = this.simpleBulk(p);
    if (keyStart < 0) return SIMPLE_NONE;
    const keyEnd = keyStart + this.simpleLen;
    p = keyEnd + 2;
    // SET, LPUSH, RPUSH and SADD carry one more argument (the value), HSET two (field, value).
    this.simpleFieldLen = 0;
    if (argc === 0x32) {
      this.simpleBuf = EMPTY;
      this.simpleValueAt = 0;
      this.simpleValueLen = 0;
    } else {
      let at = this.simpleBulk(p);
      if (at < 0) return SIMPLE_NONE;
      let len = this.simpleLen;
      p = at + len + 2;
      if (argc === 0x34) {
        // ZADD's score may instead be an option (NX, CH…: then a syntax error), which next() sorts out.
        if (op === SIMPLE_ZADD && len > 0 && ZADD_OPTION_INITIALS.includes(buf[at] | 0x20)) return SIMPLE_NONE;
        const fieldAt = at;
        const fieldLen = len;
        at = this.simpleBulk(p);
        if (at < 0) return SIMPLE_NONE;
        len = this.simpleLen;
        p = at + len + 2;
        this.simpleFieldAt = fieldAt;
        this.simpleFieldLen = fieldLen;
      }
      this.simpleBuf = buf;
      this.simpleValueAt = at;
      this.simpleValueLen = len;
    }
    if (!sameLatin1(this.simpleKey, buf, keyStart, keyEnd)) this.simpleKey = buf.toString('latin1', keyStart, keyEnd);
    this.pos = p;
    return op;
  }

  /** GET (2 arguments) or SET (3) at `at`, followed by CRLF. */
  private name3(at: number, argc: number): number {
    const buf = this.buf;
    if ((buf[at + 1] | 0x20) !== 0x65 || (buf[at + 2] | 0x20) !== 0x74 || buf[at + 3] !== 0x0d || buf[at + 4] !== 0x0a) return SIMPLE_NONE;
    const first = buf[at] | 0x20;
    if (first === 0x67 && argc === 0x32) return SIMPLE_GET;
    if (first === 0x73 && argc === 0x33) return SIMPLE_SET;
    return SIMPLE_NONE;
  }

  /** INCR or DECR (2 arguments), SADD (3) or HSET (4) at `at`, followed by CRLF. */
  private name4(at: number, argc: number): number {
    const buf = this.buf;
    if (buf[at + 4] !== 0x0d || buf[at + 5] !== 0x0a) return SIMPLE_NONE;
    const a = buf[at] | 0x20;
    const b = buf[at + 1] | 0x20;
    const c = buf[at + 2] | 0x20;
    const d = buf[at + 3] | 0x20;
    if (argc === 0x32 && c === 0x63 && d === 0x72) {
      if (a === 0x69 && b === 0x6e) return SIMPLE_INCR;
      if (a === 0x64 && b === 0x65) return SIMPLE_DECR;
    } else if (argc === 0x33 && a === 0x73 && b === 0x61 && c === 0x64 && d === 0x64) {
      return SIMPLE_SADD;
    } else if (argc === 0x34 && a === 0x68 && b === 0x73 && c === 0x65 && d === 0x74) {
      return SIMPLE_HSET;
    } else if (argc === 0x34 && a === 0x7a && b === 0x61 && c === 0x64 && d === 0x64) {
      return SIMPLE_ZADD;
    }
    return SIMPLE_NONE;
  }

  /** LPUSH or RPUSH (3 arguments) at `at`, followed by CRLF. */
  private name5(at: number): number {
    const buf = this.buf;
    if ((buf[at + 1] | 0x20) !== 0x70 || (buf[at + 2] | 0x20) !== 0x75 || (buf[at + 3] | 0x20) !== 0x73) return SIMPLE_NONE;
    if ((buf[at + 4] | 0x20) !== 0x68 || buf[at + 5] !== 0x0d || buf[at + 6] !== 0x0a) return SIMPLE_NONE;
    const first = buf[at] | 0x20;
    if (first === 0x6c) return SIMPLE_LPUSH;
    if (first === 0x72) return SIMPLE_RPUSH;
    return SIMPLE_NONE;
  }

  /** Key of the request nextSimple() consumed (the previous one's string when the bytes are the same). */
  simpleKey = '';
  /**
   * The last argument of the SET, LPUSH, RPUSH, SADD, HSET or ZADD nextSimple() consumed: simpleBuf[simpleValueAt,
   * + simpleValueLen), valid until the next call (no view is made unless asked for: making one was ~10% of LPUSH
   * -P 16, which copies the bytes from where they are).
   */
  simpleBuf: Buffer = EMPTY;
  simpleValueAt = 0;
  simpleValueLen = 0;

  /** The last argument as a view of the input (made on each call). */
  get simpleValue(): Buffer {
    return this.simpleBuf.subarray(this.simpleValueAt, this.simpleValueAt + this.simpleValueLen);
  }

  /** The field of the HSET, or the score of the ZADD, nextSimple() consumed: simpleBuf[simpleFieldAt, + simpleFieldLen). */
  simpleFieldAt = 0;
  simpleFieldLen = 0;

  /** That field or score as a view of the input (made on each call; empty for the other commands). */
  get simpleField(): Buffer {
    return this.simpleBuf.subarray(this.simpleFieldAt, this.simpleFieldAt + this.simpleFieldLen);
  }
  private simpleLen = 0;

  /** At `p`, "$<len>\r\n<len bytes>\r\n" wholly present with a small canonical length: the data start, else -1. */
  private simpleBulk(p: number): number {
    const buf = this.buf;
    const end = this.end;
    if (p >= end || buf[p] !== 0x24) return -1;
    let i = p + 1;
    let len = 0;
    const digitsEnd = Math.min(end, i + 5);
    for (; i < digitsEnd; i++) {
      const d = buf[i] - 0x30;
      if (d < 0 || d > 9) break;
      len = len * 10 + d;
    }
    if (i === p + 1 || i + 1 >= end || buf[i] !== 0x0d || buf[i + 1] !== 0x0a) return -1;
    if ((buf[p + 1] === 0x30 && i > p + 2) || len >= BIG_ARG || len > this.limits.maxBulk) return -1;
    const start = i + 2;
    if (start + len + 2 > end || buf[start + len] !== 0x0d || buf[start + len + 1] !== 0x0a) return -1;
    this.simpleLen = len;
    return start;
  }

  /** Drops the reference to a fully parsed buffer so an idle connection holds no input memory. */
  private release(): void {
    this.buf = EMPTY;
    // Views pin the input they came in: an idle connection keeps none.
    this.recentName = null;
    this.recentKey = null;
    this.simpleBuf = EMPTY;
    this.simpleValueAt = 0;
    this.simpleValueLen = 0;
    this.simpleFieldAt = 0;
    this.simpleFieldLen = 0;
    this.pos = 0;
    this.end = 0;
    this.owned = false;
  }

  /**
   * The bulk at pos as an argument: for the first two (the command's name and, mostly, its key), the previous
   * command's own view when the bytes are the same. Why: a view costs ~50 ns to make (4–12% of HSET, LPUSH and SADD
   * at -P 16), and pipelines repeat names and keys. Arguments are never written to, so sharing one is safe.
   */
  private argView(buf: Buffer): Buffer {
    const len = this.bulkLen;
    const k = this.argv.length;
    if (k > 1 || len > RECENT_MAX) return buf.subarray(this.pos, this.pos + len);
    const recent = k === 0 ? this.recentName : this.recentKey;
    if (recent !== null && recent.length === len) {
      let i = 0;
      const at = this.pos;
      while (i < len && recent[i] === buf[at + i]) i++;
      if (i === len) return recent;
    }
    const view = buf.subarray(this.pos, this.pos + len);
    if (k === 0) this.recentName = view;
    else this.recentKey = view;
    return view;
  }

  private pushArg(arg: Buffer): void {
    this.argv.push(arg);
  }

  private finish(): Buffer[] {
    const argv = this.argv;
    this.argv = [];
    return argv;
  }

  private parseInline(): Buffer[] | null | ProtocolError {
    const buf = this.buf;
    let nl = this.find(0x0a, this.pos);
    if (nl < 0 || nl - this.pos >= PROTO_LINE_REFUSED_AT) {
      if (this.end - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(ERR_PROTO_TOO_BIG_INLINE);
      return null;
    }
    const next = nl + 1;
    if (nl !== this.pos && buf[nl - 1] === 0x0d) nl--;
    const args = splitInlineArgs(buf.subarray(this.pos, nl));
    if (args === null) return new ProtocolError(ERR_PROTO_UNBALANCED_QUOTES);
    this.pos = next;
    this.inline = false;
    return args;
  }

  private parseMultibulk(): Buffer[] | null | ProtocolError {
    if (this.multibulkLen === 0 && !this.shortCount()) {
      const r = this.readCount();
      if (r !== 0) return r;
    }
    const buf = this.buf;
    while (this.multibulkLen > 0) {
      if (this.bulkLen === -1 && !this.shortBulkHeader()) {
        const r = this.readBulkHeader();
        if (r !== 0) return r;
        if (this.big !== null) return null;
      }
      if (this.end - this.pos < this.bulkLen + 2) return null;
      this.pushArg(this.argView(buf));
      this.pos += this.bulkLen + 2;
      this.bulkLen = -1;
      this.multibulkLen--;
    }
    return this.finish();
  }

  /**
   * The common headers in one pass over their bytes (findCR then parseStrictInt was two, ~5% of LPUSH -P 16 in
   * process): "*<count>\r" plus the byte after it, with a canonical count from 1 to 9999 that needs no
   * authentication check. True when it was one and was consumed; false leaves everything to readCount(), which
   * applies every rule and error.
   */
  private shortCount(): boolean {
    const n = this.shortNumber(0x2a, 4);
    if (n <= 0 || (n > UNAUTH_MAX_ARGS && this.limits.authRequired())) return false;
    this.pos = this.shortEnd + 2;
    this.multibulkLen = n;
    this.bulkLen = -1;
    return true;
  }

  /** As shortCount, for "$<len>\r": lengths up to UNAUTH_MAX_BULK (so neither big nor limited before AUTH). */
  private shortBulkHeader(): boolean {
    const n = this.shortNumber(0x24, 5);
    if (n < 0 || n > UNAUTH_MAX_BULK || n > this.limits.maxBulk) return false;
    this.pos = this.shortEnd + 2;
    this.bulkLen = n;
    return true;
  }

  /** Where shortNumber's CR is. */
  private shortEnd = 0;

  /**
   * At pos: `prefix`, 1 to `maxDigits` digits without a leading zero (or a lone "0"), CR, and at least one more
   * byte received. The number, with its CR's index in shortEnd; -1 when the input is anything else.
   */
  private shortNumber(prefix: number, maxDigits: number): number {
    const buf = this.buf;
    const end = this.end;
    const start = this.pos + 1;
    if (start >= end || buf[this.pos] !== prefix) return -1;
    let n = buf[start] - 0x30;
    if (n < 0 || n > 9) return -1;
    let i = start + 1;
    if (n !== 0) {
      const stop = Math.min(end, start + maxDigits);
      for (; i < stop; i++) {
        const d = buf[i] - 0x30;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
    }
    if (i + 1 >= end || buf[i] !== 0x0d) return -1;
    this.shortEnd = i;
    return n;
  }

  /**
   * Reads "*<count>\r\n". Returns 0 when a count was read and arguments follow; [] for a count <= 0 (an empty
   * command); null when the line is incomplete; a ProtocolError.
   */
  private readCount(): 0 | [] | null | ProtocolError {
    const cr = this.findCR(this.pos);
    if (cr < 0 || cr - this.pos >= PROTO_LINE_REFUSED_AT) {
      if (this.end - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(ERR_PROTO_TOO_BIG_MBULK);
      return null;
    }
    // Redis needs one byte after the CR and skips it without looking (it need not be LF).
    if (cr + 1 >= this.end) return null;
    const ll = parseStrictInt(this.buf, this.pos + 1, cr);
    if (Number.isNaN(ll) || ll > INT_MAX) return new ProtocolError(ERR_PROTO_INVALID_MBULK);
    if (ll > UNAUTH_MAX_ARGS && this.limits.authRequired()) return new ProtocolError(ERR_PROTO_UNAUTH_MBULK);
    this.pos = cr + 2;
    if (ll <= 0) return [];
    this.multibulkLen = ll;
    this.bulkLen = -1;
    return 0;
  }

  /** Reads "$<len>\r\n" into bulkLen, switching to a buffer of its own for a big bulk not yet all here. */
  private readBulkHeader(): 0 | null | ProtocolError {
    const buf = this.buf;
    const cr = this.findCR(this.pos);
    if (cr < 0 || cr - this.pos >= PROTO_LINE_REFUSED_AT) {
      if (this.end - this.pos > PROTO_INLINE_MAX_SIZE) return new ProtocolError(ERR_PROTO_TOO_BIG_BULK);
      return null;
    }
    if (cr + 1 >= this.end) return null;
    if (buf[this.pos] !== 0x24) return new ProtocolError(errProtoExpectedDollar(buf[this.pos]));
    const ll = parseStrictInt(buf, this.pos + 1, cr);
    if (Number.isNaN(ll) || ll < 0 || ll > this.limits.maxBulk || ll > MAX_BULK) {
      return new ProtocolError(ERR_PROTO_INVALID_BULK);
    }
    if (ll > UNAUTH_MAX_BULK && this.limits.authRequired()) return new ProtocolError(ERR_PROTO_UNAUTH_BULK);
    this.pos = cr + 2;
    this.bulkLen = ll;
    const have = this.end - this.pos;
    if (ll >= BIG_ARG && have < ll + 2) {
      // Collect the rest of this bulk in one buffer instead of re-joining every chunk with it.
      this.big = Buffer.allocUnsafe(Math.min(ll + 2, Math.max(BIG_INITIAL, have)));
      buf.copy(this.big, 0, this.pos, this.end);
      this.bigFill = have;
      this.pos = this.end;
    }
    return 0;
  }

  /** Index of byte `c` in [from, end), or -1; like strchr, a NUL byte before it ends the search. */
  private find(c: number, from: number): number {
    const buf = this.buf;
    const end = this.end;
    const i = buf.indexOf(c, from);
    if (i < 0 || i >= end) return -1;
    if (i - from <= 32) {
      for (let j = from; j < i; j++) if (buf[j] === 0) return -1;
      return i;
    }
    return buf.subarray(from, i).indexOf(0) >= 0 ? -1 : i;
  }

  private findCR(from: number): number {
    const buf = this.buf;
    const end = this.end;
    // Short headers dominate: a JS loop beats the native indexOf call for them.
    const stop = Math.min(end, from + 24);
    for (let i = from; i < stop; i++) {
      const c = buf[i];
      if (c === 0x0d) return i;
      if (c === 0) return -1;
    }
    return stop < end ? this.find(0x0d, stop) : -1;
  }
}
