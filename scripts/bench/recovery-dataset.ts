// The recovery benchmark's dataset and its loader: string keys with fixed-size values plus hashes, lists and zsets,
// written to one server as pipelined RESP over a plain socket. Loads only; timing restarts is recovery.ts's job.
import { connect, type Socket } from 'node:net';

export interface Dataset {
  strings: number;
  valueBytes: number;
  /** Hashes, lists and zsets each; every one holds `fields` members. */
  collections: number;
  fields: number;
}

/** issue 4 §5: 1M keys of 100 bytes, plus collections (10k hashes, lists and zsets of 10). */
export function datasetFor(strings: number): Dataset {
  return { strings, valueBytes: 100, collections: Math.max(1, Math.round(strings / 100)), fields: 10 };
}

export function datasetKeys(d: Dataset): number {
  return d.strings + 3 * d.collections;
}

/** Commands sent before waiting for replies; each reply of this dataset is one line. */
const CHUNK = 4000;

function bulk(s: string): string {
  return `$${Buffer.byteLength(s)}\r\n${s}\r\n`;
}

function command(args: string[]): string {
  return `*${args.length}\r\n${args.map(bulk).join('')}`;
}

function valueOf(i: number, bytes: number): string {
  const tag = `v${i}:`;
  return tag + 'x'.repeat(Math.max(0, bytes - tag.length));
}

/** Every command of the dataset, in order, as RESP text. */
export function* datasetCommands(d: Dataset): Generator<string> {
  for (let i = 0; i < d.strings; i++) yield command(['SET', `key:${i}`, valueOf(i, d.valueBytes)]);
  const members = Array.from({ length: d.fields }, (_, f) => f);
  for (let i = 0; i < d.collections; i++) {
    yield command(['HSET', `hash:${i}`, ...members.flatMap((f) => [`field${f}`, `value${f}`])]);
    yield command(['RPUSH', `list:${i}`, ...members.map((f) => `element${f}`)]);
    yield command(['ZADD', `zset:${i}`, ...members.flatMap((f) => [String(f), `member${f}`])]);
  }
}

/** Counts reply lines and rejects on the first error reply. */
class ReplyCounter {
  replies = 0;
  error: string | null = null;

  feed(data: Buffer): void {
    let at = data.indexOf(10);
    while (at !== -1) {
      this.replies++;
      at = data.indexOf(10, at + 1);
    }
    if (this.error === null && data.includes('-')) {
      const m = /(?:^|\n)-([^\r]*)/.exec(data.toString('latin1'));
      if (m !== null) this.error = m[1];
    }
  }
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
}

/** Sends the dataset with at most two chunks in flight; resolves once every command is answered. */
export async function loadDataset(port: number, d: Dataset): Promise<number> {
  const sock = await open(port);
  const counter = new ReplyCounter();
  let sent = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  sock.on('data', (b: Buffer) => {
    counter.feed(b);
    wake?.();
  });
  sock.on('error', (e) => {
    failure = e;
    wake?.();
  });
  const waitBelow = async (outstanding: number) => {
    while (sent - counter.replies > outstanding && failure === null && counter.error === null) {
      await new Promise<void>((r) => (wake = r));
      wake = null;
    }
    if (failure !== null) throw failure;
    if (counter.error !== null) throw new Error(`loading the dataset on port ${port}: -${counter.error}`);
  };
  let chunk: string[] = [];
  for (const cmd of datasetCommands(d)) {
    chunk.push(cmd);
    if (chunk.length === CHUNK) {
      await waitBelow(CHUNK);
      sock.write(chunk.join(''));
      sent += chunk.length;
      chunk = [];
    }
  }
  if (chunk.length > 0) sock.write(chunk.join(''));
  sent += chunk.length;
  await waitBelow(0);
  sock.destroy();
  return sent;
}
