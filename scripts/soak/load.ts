// The soak's own SET load generator: `clients` connections, each with a pipeline of `pipeline` SETs of uniformly
// random keys (redis-benchmark's key:%012d and 'x' values) in flight, every reply's latency — from its batch's
// write to the read that brought the reply, as redis-benchmark measures it — recorded in the current tick's
// histogram, so the caller can tag each tick with what the server was doing. Load only: knows no server state.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Histogram } from './histogram.js';

export interface LoadParams {
  port: number;
  writes: number;
  keys: number;
  valueSize: number;
  pipeline: number;
  clients: number;
}

const KEY_DIGITS = 12;
const LF = 10;
const MINUS = 45;

/** One SET command with room for the key digits; returns the command and where the digits go. */
function commandTemplate(valueSize: number): { cmd: Buffer; digitsAt: number } {
  const head = `*3\r\n$3\r\nSET\r\n$${4 + KEY_DIGITS}\r\nkey:`;
  const tail = `\r\n$${valueSize}\r\n${'x'.repeat(valueSize)}\r\n`;
  return { cmd: Buffer.from(head + '0'.repeat(KEY_DIGITS) + tail, 'latin1'), digitsAt: head.length };
}

function writeDigits(buf: Buffer, at: number, n: number): void {
  for (let i = KEY_DIGITS - 1; i >= 0; i--) {
    buf[at + i] = 48 + (n % 10);
    n = Math.floor(n / 10);
  }
}

export class SetLoad {
  issued = 0;
  completed = 0;
  errors = 0;
  firstError = '';
  private tick = new Histogram();
  private readonly template: { cmd: Buffer; digitsAt: number };

  constructor(private readonly p: LoadParams) {
    this.template = commandTemplate(p.valueSize);
  }

  /** The histogram of the replies since the last call; a new one starts. */
  rotate(): Histogram {
    const h = this.tick;
    this.tick = new Histogram();
    return h;
  }

  /** Resolves once every write has its reply; rejects if a connection fails first. */
  async run(): Promise<void> {
    const clients = Math.max(1, Math.min(this.p.clients, Math.ceil(this.p.writes / this.p.pipeline)));
    await Promise.all(Array.from({ length: clients }, () => this.client()));
  }

  private client(): Promise<void> {
    const { cmd, digitsAt } = this.template;
    const batch = Buffer.alloc(cmd.length * this.p.pipeline);
    for (let i = 0; i < this.p.pipeline; i++) cmd.copy(batch, i * cmd.length);
    return new Promise((resolve, reject) => {
      const sock: Socket = connect({ port: this.p.port, host: '127.0.0.1' });
      sock.setNoDelay(true);
      let pending = 0;
      let sentAt = 0;
      let lineStart = true;
      let done = false;
      const send = (): void => {
        const n = Math.min(this.p.pipeline, this.p.writes - this.issued);
        if (n <= 0) {
          done = true;
          sock.end();
          resolve();
          return;
        }
        this.issued += n;
        for (let i = 0; i < n; i++) writeDigits(batch, i * cmd.length + digitsAt, Math.floor(Math.random() * this.p.keys));
        pending = n;
        sentAt = performance.now();
        sock.write(n === this.p.pipeline ? batch : batch.subarray(0, n * cmd.length));
      };
      sock.once('connect', send);
      sock.on('data', (chunk: Buffer) => {
        const ms = performance.now() - sentAt;
        let from = 0;
        for (;;) {
          if (lineStart && from < chunk.length && chunk[from] === MINUS) this.noteError(chunk, from);
          const lf = chunk.indexOf(LF, from);
          if (lf < 0) {
            lineStart = from >= chunk.length;
            break;
          }
          from = lf + 1;
          lineStart = true;
          this.tick.record(ms);
          this.completed++;
          if (--pending === 0) send();
        }
      });
      sock.once('error', (err) => {
        if (!done) reject(err);
      });
      sock.once('close', () => {
        if (!done) reject(new Error(`connection to port ${this.p.port} closed with ${pending} replies outstanding`));
      });
    });
  }

  private noteError(chunk: Buffer, at: number): void {
    this.errors++;
    if (this.firstError === '') {
      const lf = chunk.indexOf(LF, at);
      this.firstError = chunk.toString('latin1', at, lf < 0 ? chunk.length : lf).trim();
    }
  }
}
