// Helpers for the pub/sub differential tests: commands whose answer is several frames, frames that arrive on another
// connection (messages), and "nothing more arrived". Shared by pubsub.test.ts and notifications.test.ts.
import { expect } from 'chai';
import type { RawClient } from '../server/testing/raw-client.js';
import { show, sortedElements, type Pair } from './harness.js';

type Arg = string | Buffer | number;

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function frames(c: RawClient, n: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) out.push(await c.readRaw());
  return out;
}

/** The next `n` frames on both sides, byte-identical and in the same order. */
export async function expectFrames(p: Pair, n: number, what = 'frames'): Promise<Buffer[]> {
  const [r, f] = await Promise.all([frames(p.redis, n), frames(p.faha, n)]);
  expect(f.map(show), `faha vs redis: ${what}`).to.deep.equal(r.map(show));
  return f;
}

/** The next `n` frames on both sides as multisets: Redis leaves their order to its hash tables. */
export async function expectFramesSorted(p: Pair, n: number, what = 'frames'): Promise<Buffer[]> {
  const [r, f] = await Promise.all([frames(p.redis, n), frames(p.faha, n)]);
  expect(f.map(show).sort(), `faha vs redis (any order): ${what}`).to.deep.equal(r.map(show).sort());
  return f;
}

/** Sends a command whose answer is `n` frames (SUBSCRIBE a b c) and compares them all, in order. */
export async function multi(p: Pair, n: number, ...args: Arg[]): Promise<Buffer[]> {
  p.redis.send(...args);
  p.faha.send(...args);
  return expectFrames(p, n, args.join(' '));
}

/** Neither side has received anything more after a short wait. */
export async function expectQuiet(p: Pair, ms = 30): Promise<void> {
  await sleep(ms);
  expect(show(p.faha.pending), 'faha sent nothing more').to.equal(show(p.redis.pending));
  expect(p.faha.pending.length, 'nothing more arrived').to.equal(0);
}

/** Both sides' replies compared as arrays in any order (PUBSUB CHANNELS). */
export function sameElements(r: Buffer, f: Buffer): void {
  expect(sortedElements(f)).to.deep.equal(sortedElements(r));
}

const PONG_MARK = '*2\r\n$4\r\npong\r\n$0\r\n\r\n';

async function untilPong(c: RawClient): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (;;) {
    const b = await c.readRaw();
    if (b.toString('latin1') === PONG_MARK) return out;
    out.push(b);
  }
}

/**
 * Everything a RESP2 subscriber `sub` has been sent so far, in order, on both sides: a PING is sent as a marker
 * (its ["pong", ""] answer follows whatever was queued for the connection before it) and frames are read up to it.
 */
export async function expectDelivered(sub: Pair, what = 'delivered frames'): Promise<Buffer[]> {
  sub.redis.send('PING');
  sub.faha.send('PING');
  const [r, f] = await Promise.all([untilPong(sub.redis), untilPong(sub.faha)]);
  expect(f.map(show), `faha vs redis: ${what}`).to.deep.equal(r.map(show));
  return f;
}
