// The benchmarks' bulk loader: SET key:%012d for every key 0..N-1 with B-byte values (or one HSET per key of F
// fields f0..f{F-1}), over a few connections, each keeping two batches of pipelined commands in flight. Loads only;
// fails on the first error or unexpected reply, or a lost connection.
import { connect, type Socket } from 'node:net';
import { hsetAllTemplate, put, setTemplate, type CommandTemplate } from './key-commands.js';
import { INTEGER, ReplyFramer, SIMPLE } from './resp-replies.js';

export interface PreloadParams {
  port: number;
  keys: number;
  valueSize: number;
  /** 0 or absent: string keys; F: each key a hash of F fields, written by one HSET. */
  fields?: number;
  /** Connections (default 4). */
  connections?: number;
  /** Commands per batch written at once (default 256; two batches in flight per connection). */
  batch?: number;
}

export interface PreloadResult {
  keys: number;
  seconds: number;
}

class Loader {
  private next = 0;
  private readonly t: CommandTemplate;
  private readonly batch: number;
  private readonly command: string;
  /** The reply every command must get: +OK, or :F (every field new). */
  private readonly expected: [number, number];

  constructor(private readonly p: PreloadParams) {
    const fields = p.fields ?? 0;
    this.t = fields > 0 ? hsetAllTemplate(fields, p.valueSize) : setTemplate(p.valueSize);
    this.command = fields > 0 ? 'HSET' : 'SET';
    this.expected = fields > 0 ? [INTEGER, fields] : [SIMPLE, 0];
    this.batch = p.batch ?? 256;
  }

  private unexpected(kind: number, length: number, framer: ReplyFramer): string | null {
    if (kind === this.expected[0] && length === this.expected[1]) return null;
    const got = framer.firstError !== '' ? framer.firstError : `type ${String.fromCharCode(kind)} ${length}`;
    return `${this.command} on port ${this.p.port} replied ${got}`;
  }

  /** The next batch of commands (at most `batch`), or null once every key is handed out. */
  private take(): Buffer | null {
    const n = Math.min(this.batch, this.p.keys - this.next);
    if (n <= 0) return null;
    const buf = Buffer.allocUnsafe(n * this.t.bytes.length);
    let at = 0;
    for (let i = 0; i < n; i++) at = put(buf, at, this.t, this.next + i);
    this.next += n;
    return buf;
  }

  connection(): Promise<void> {
    const per = this.t.bytes.length;
    return new Promise((resolve, reject) => {
      const sock: Socket = connect({ port: this.p.port, host: '127.0.0.1' });
      sock.setNoDelay(true);
      let sent = 0;
      let answered = 0;
      let finished = false;
      const fail = (err: Error): void => {
        if (finished) return;
        finished = true;
        sock.destroy();
        reject(err);
      };
      const framer = new ReplyFramer((kind, length) => {
        answered++;
        const bad = this.unexpected(kind, length, framer);
        if (bad !== null) fail(new Error(bad));
      });
      const refill = (): void => {
        while (sent - answered <= this.batch) {
          const buf = this.take();
          if (buf === null) break;
          sent += buf.length / per;
          sock.write(buf);
        }
        if (sent === answered && !finished) {
          finished = true;
          sock.end();
          resolve();
        }
      };
      sock.once('connect', refill);
      sock.on('data', (chunk: Buffer) => {
        framer.feed(chunk);
        if (!finished) refill();
      });
      sock.once('error', fail);
      sock.once('close', () => fail(new Error(`connection to port ${this.p.port} closed with ${sent - answered} ${this.command}s unanswered`)));
    });
  }
}

export async function preload(p: PreloadParams): Promise<PreloadResult> {
  const loader = new Loader(p);
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: p.connections ?? 4 }, () => loader.connection()));
  return { keys: p.keys, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
