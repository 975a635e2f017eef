// The benchmarks' bulk loader: SET key:%012d for every key 0..N-1 with B-byte values, over a few connections, each
// keeping two batches of pipelined SETs in flight. Loads only; fails on the first error reply or lost connection.
import { connect, type Socket } from 'node:net';
import { put, setTemplate, type CommandTemplate } from './key-commands.js';
import { ReplyFramer, SIMPLE } from './resp-replies.js';

export interface PreloadParams {
  port: number;
  keys: number;
  valueSize: number;
  /** Connections (default 4). */
  connections?: number;
  /** SETs per batch written at once (default 256; two batches in flight per connection). */
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

  constructor(private readonly p: PreloadParams) {
    this.t = setTemplate(p.valueSize);
    this.batch = p.batch ?? 256;
  }

  /** The next batch of SETs (at most `batch`), or null once every key is handed out. */
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
      const framer = new ReplyFramer((kind) => {
        answered++;
        if (kind !== SIMPLE) fail(new Error(`SET on port ${this.p.port} replied ${framer.firstError || `type ${String.fromCharCode(kind)}`}`));
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
      sock.once('close', () => fail(new Error(`connection to port ${this.p.port} closed with ${sent - answered} SETs unanswered`)));
    });
  }
}

export async function preload(p: PreloadParams): Promise<PreloadResult> {
  const loader = new Loader(p);
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: p.connections ?? 4 }, () => loader.connection()));
  return { keys: p.keys, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}
