// Counts RESP2 replies in a byte stream split anywhere, reading only the framing (type byte, length line, bulk
// bodies skipped by length): the benchmark load generators' reply parser. Never copies or decodes a bulk's body.

const LF = 10;
const MINUS = 45;
export const SIMPLE = 43; // '+'
export const ERROR = 45; // '-'
export const INTEGER = 58; // ':'
export const BULK = 36; // '$'
export const ARRAY = 42; // '*'

/** Called once per complete top-level reply: its type byte and, for a bulk or array, its length (-1: null). */
export type ReplySink = (kind: number, length: number) => void;

export class ReplyFramer {
  errors = 0;
  firstError = '';
  /** Type byte of the header being read; 0 between replies. */
  private kind = 0;
  private num = 0;
  private negative = false;
  private errorText = '';
  /** Bulk body plus its CRLF still to skip. */
  private skip = 0;
  private bulkLength = 0;
  /** Open arrays: elements still missing, and each one's length. */
  private readonly missing: number[] = [];
  private readonly lengths: number[] = [];

  constructor(private readonly sink: ReplySink) {}

  feed(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (this.skip > 0) {
        const k = Math.min(this.skip, n - i);
        i += k;
        this.skip -= k;
        if (this.skip === 0) this.complete(BULK, this.bulkLength);
        continue;
      }
      if (this.kind === 0) {
        this.startHeader(chunk[i++]);
        continue;
      }
      const lf = chunk.indexOf(LF, i);
      const end = lf < 0 ? n : lf;
      this.readHeader(chunk, i, end);
      if (lf < 0) return;
      i = lf + 1;
      this.endHeader();
    }
  }

  private startHeader(kind: number): void {
    this.kind = kind;
    this.num = 0;
    this.negative = false;
    this.errorText = '';
  }

  private readHeader(chunk: Buffer, from: number, to: number): void {
    if (this.kind === ERROR) {
      if (this.errorText.length < 200) this.errorText += chunk.toString('latin1', from, to);
      return;
    }
    for (let j = from; j < to; j++) {
      const c = chunk[j];
      if (c >= 48 && c <= 57) this.num = this.num * 10 + (c - 48);
      else if (c === MINUS) this.negative = true;
    }
  }

  private endHeader(): void {
    const kind = this.kind;
    this.kind = 0;
    const value = this.negative ? -this.num : this.num;
    if (kind === ERROR) {
      this.errors++;
      if (this.firstError === '') this.firstError = '-' + this.errorText.replace(/\r$/, '');
      this.complete(ERROR, 0);
    } else if (kind === BULK && value >= 0) {
      this.bulkLength = value;
      this.skip = value + 2;
    } else if (kind === ARRAY && value > 0) {
      this.missing.push(value);
      this.lengths.push(value);
    } else {
      this.complete(kind, value);
    }
  }

  /** A finished value: a top-level reply, or one element of the innermost open array. */
  private complete(kind: number, length: number): void {
    let k = kind;
    let len = length;
    while (this.missing.length > 0) {
      const top = this.missing.length - 1;
      if (--this.missing[top] > 0) return;
      this.missing.pop();
      len = this.lengths.pop()!;
      k = ARRAY;
    }
    this.sink(k, len);
  }
}
