// Test support: a client that sends raw bytes and reads raw reply bytes, for byte-exact comparisons,
// protocol-error tests and anything a real client library would smooth over.
import { connect, type Socket } from 'node:net';
import { decodeReply, encodeCommand, replyEnd, type Decoded } from './resp-frame.js';

export class RawClient {
  /** Received bytes not yet consumed are data[start, end); the array grows by doubling (no per-chunk concat). */
  private data = Buffer.alloc(64 * 1024);
  private start = 0;
  private end = 0;

  private get buf(): Buffer {
    return this.data.subarray(this.start, this.end);
  }

  private append(d: Buffer): void {
    if (this.end + d.length > this.data.length) {
      const live = this.end - this.start;
      let size = this.data.length;
      while (size < live + d.length) size *= 2;
      const next = size === this.data.length ? this.data : Buffer.alloc(size);
      this.data.copy(next, 0, this.start, this.end);
      this.data = next;
      this.start = 0;
      this.end = live;
    }
    d.copy(this.data, this.end);
    this.end += d.length;
  }
  private waiters: (() => void)[] = [];
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.on('data', (d: Buffer) => {
      this.append(d);
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => {
      this.closed = true;
      this.wake();
    });
  }

  static connect(port: number, host = '127.0.0.1'): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect({ port, host });
      s.setNoDelay(true);
      s.once('connect', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private waitForData(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  write(bytes: Buffer | string): void {
    this.socket.write(bytes);
  }

  /** Sends a command encoded as a RESP multibulk. */
  send(...args: (string | Buffer | number)[]): void {
    this.write(encodeCommand(args));
  }

  /** The raw bytes of the next complete reply; rejects on timeout or if the connection closes first. */
  async readRaw(timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = replyEnd(this.buf, 0);
      if (end > 0) {
        const out = Buffer.from(this.data.subarray(this.start, this.start + end));
        this.start += end;
        return out;
      }
      if (this.closed) throw new Error(`connection closed; unparsed bytes: ${JSON.stringify(this.buf.toString('latin1'))}`);
      const left = deadline - Date.now();
      if (left <= 0 || !(await this.waitForData(left))) {
        throw new Error(`no complete reply within ${timeoutMs} ms; have ${JSON.stringify(this.buf.toString('latin1'))}`);
      }
    }
  }

  /** Sends a command and returns its raw reply. */
  async call(...args: (string | Buffer | number)[]): Promise<Buffer> {
    this.send(...args);
    return this.readRaw();
  }

  /** Sends a command and returns its decoded reply. */
  async decoded(...args: (string | Buffer | number)[]): Promise<Decoded> {
    return decodeReply(await this.call(...args)).value;
  }

  /** Resolves true if the server closes the connection within `timeoutMs`. */
  async waitClosed(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await this.waitForData(left);
    }
    return true;
  }

  /** Everything received and not yet consumed as a reply. */
  get pending(): Buffer {
    return this.buf;
  }

  close(): void {
    this.socket.destroy();
  }
}
