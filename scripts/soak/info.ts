// Reads `INFO faha` from a running faha over one raw RESP connection and returns the fields the soak samples.
// Asking only: never changes the server.
import { connect, type Socket } from 'node:net';

export interface FahaSample {
  /** When the reply arrived (ms since the epoch). */
  at: number;
  diskBytes: number;
  liveBytes: number;
  segments: number;
  cleanerRunning: boolean;
  segmentsFreed: number;
  bytesCopied: number;
  keysRewritten: number;
}

function parseFields(body: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of body.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) m.set(line.slice(0, i), line.slice(i + 1));
  }
  return m;
}

function toSample(f: Map<string, string>): FahaSample {
  const num = (k: string): number => {
    const v = f.get(k);
    if (v === undefined) throw new Error(`INFO faha has no ${k}`);
    return Number(v);
  };
  return {
    at: Date.now(),
    diskBytes: num('log_disk_bytes'),
    liveBytes: num('log_live_bytes'),
    segments: num('log_segments'),
    cleanerRunning: num('cleaner_running') === 1,
    segmentsFreed: num('cleaner_segments_freed'),
    bytesCopied: num('cleaner_bytes_copied'),
    keysRewritten: num('cleaner_keys_rewritten'),
  };
}

/** One connection reused for every sample, so sampling adds no connection churn to the load. */
export class InfoClient {
  private readonly sock: Socket;
  private buf = Buffer.alloc(0);
  private waiter: { resolve: (s: FahaSample) => void; reject: (e: Error) => void } | null = null;

  constructor(port: number) {
    this.sock = connect({ port, host: '127.0.0.1' });
    this.sock.setNoDelay(true);
    this.sock.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.tryReply();
    });
    this.sock.on('error', (err) => this.fail(err));
    this.sock.on('close', () => this.fail(new Error('INFO connection closed')));
  }

  sample(): Promise<FahaSample> {
    if (this.waiter !== null) return Promise.reject(new Error('one INFO at a time'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.sock.write('*2\r\n$4\r\nINFO\r\n$4\r\nfaha\r\n');
    });
  }

  close(): void {
    this.sock.removeAllListeners('close');
    this.sock.destroy();
  }

  /** A complete bulk reply ($len CRLF body CRLF) settles the waiting sample. */
  private tryReply(): void {
    const crlf = this.buf.indexOf('\r\n');
    if (crlf < 0 || this.waiter === null) return;
    if (this.buf[0] !== 0x24) {
      this.fail(new Error(`INFO faha replied ${this.buf.toString('latin1', 0, crlf)}`));
      return;
    }
    const len = Number(this.buf.toString('latin1', 1, crlf));
    const end = crlf + 2 + len + 2;
    if (this.buf.length < end) return;
    const body = this.buf.toString('latin1', crlf + 2, crlf + 2 + len);
    this.buf = this.buf.subarray(end);
    const w = this.waiter;
    this.waiter = null;
    try {
      w.resolve(toSample(parseFields(body)));
    } catch (err) {
      w.reject(err as Error);
    }
  }

  private fail(err: Error): void {
    const w = this.waiter;
    this.waiter = null;
    w?.reject(err);
  }
}
