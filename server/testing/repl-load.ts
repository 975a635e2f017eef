// Test support: two plain write loads for replication tests — pipelined overwrites that fill segments and give the
// cleaner garbage, and a one-at-a-time writer that records when each reply came (to see writes stall and resume).
import { RawClient } from './raw-client.js';
import { decodeReply } from './resp-frame.js';

export interface OverwriteOptions {
  prefix: string;
  keys: number;
  valueBytes: number;
  /** Every key is written this many times, pass after pass. */
  passes: number;
  /** Commands in flight at once. */
  depth?: number;
}

export function overwriteValue(prefix: string, key: number, pass: number, bytes: number): string {
  return `${prefix}${key}:${pass}:`.padEnd(bytes, String.fromCharCode(97 + ((key + pass) % 26)));
}

/** Writes every key `passes` times, pipelined; throws on any reply but OK. Returns key → the last value written. */
export async function overwrite(port: number, o: OverwriteOptions): Promise<Map<string, string>> {
  const depth = o.depth ?? 64;
  const last = new Map<string, string>();
  const c = await RawClient.connect(port);
  try {
    const all: [string, string][] = [];
    for (let p = 0; p < o.passes; p++) for (let k = 0; k < o.keys; k++) all.push([`${o.prefix}${k}`, overwriteValue(o.prefix, k, p, o.valueBytes)]);
    for (let i = 0; i < all.length; i += depth) {
      const chunk = all.slice(i, i + depth);
      for (const [k, v] of chunk) c.send('SET', k, v);
      for (const [k, v] of chunk) {
        const r = decodeReply(await c.readRaw(30000)).value;
        if (r !== 'OK') throw new Error(`SET ${k}: ${r instanceof Error ? r.message : String(r)}`);
        last.set(k, v);
      }
    }
  } finally {
    c.close();
  }
  return last;
}

export interface WriterReply {
  n: number;
  sentAt: number;
  at: number;
  reply: string;
}

/** SET key n, n = 1, 2, …, one at a time on one connection; every reply is recorded with the time it arrived. */
export class SequentialWriter {
  readonly replies: WriterReply[] = [];
  /** The n of the write sent and not yet answered (0 when none). */
  pending = 0;
  private stopping = false;
  private done: Promise<void> = Promise.resolve();

  constructor(
    readonly key: string,
    private readonly replyTimeoutMs = 60000,
  ) {}

  /** The highest n whose reply was OK (0 when none). */
  get lastOk(): number {
    for (let i = this.replies.length - 1; i >= 0; i--) if (this.replies[i].reply === 'OK') return this.replies[i].n;
    return 0;
  }

  get errors(): WriterReply[] {
    return this.replies.filter((r) => r.reply !== 'OK');
  }

  /** Replies that arrived in [from, to). */
  between(from: number, to: number): WriterReply[] {
    return this.replies.filter((r) => r.at >= from && r.at < to);
  }

  /** Why the loop ended early (e.g. the connection was refused), or null. */
  failure: Error | null = null;

  start(port: number): void {
    this.stopping = false;
    this.done = this.loop(port).catch((err: Error) => {
      this.failure = err;
    });
  }

  /** Returns once the write in flight has been answered (or its connection died). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.done;
  }

  private async loop(port: number): Promise<void> {
    const c = await RawClient.connect(port);
    try {
      let n = this.replies.length === 0 ? 1 : this.replies[this.replies.length - 1].n + 1;
      for (; !this.stopping; n++) {
        this.pending = n;
        const sentAt = Date.now();
        c.send('SET', this.key, String(n));
        let reply: string;
        try {
          const v = decodeReply(await c.readRaw(this.replyTimeoutMs)).value;
          reply = v instanceof Error ? `-${v.message}` : String(v);
        } catch {
          return;
        }
        this.pending = 0;
        this.replies.push({ n, sentAt, at: Date.now(), reply });
        // An error reply comes at once: pace the retries so a refusing server is not flooded.
        if (reply !== 'OK') await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      c.close();
    }
  }
}
