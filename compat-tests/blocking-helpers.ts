// Test support for blocking commands in the differential suites: send without waiting, wait until both servers
// count the blocked clients, and compare what each blocked client finally receives.
import { expect } from 'chai';
import { show, type Pair } from './harness.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a command to both servers without waiting for a reply (it is expected to block). */
export function start(p: Pair, ...args: string[]): void {
  p.redis.send(...args);
  p.faha.send(...args);
}

/** The next reply of each server, which must be identical. */
export async function next(p: Pair, what: string, timeoutMs = 5000): Promise<Buffer> {
  const [r, f] = await Promise.all([p.redis.readRaw(timeoutMs), p.faha.readRaw(timeoutMs)]);
  expect(show(f), `faha vs redis for ${what}`).to.equal(show(r));
  return f;
}

/** Waits until each server reports `n` blocked clients (INFO blocked_clients), so a write comes after the block. */
export async function blockedClients(p: Pair, n: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const [r, f] = await p.both('INFO', 'clients');
    const count = (b: Buffer) => Number(/blocked_clients:(\d+)/.exec(b.toString())?.[1]);
    if (count(r) === n && count(f) === n) return;
    await sleep(10);
  }
  throw new Error(`servers did not reach ${n} blocked clients`);
}

/** Nothing arrived for a client that must still be blocked. */
export async function stillBlocked(p: Pair): Promise<void> {
  await sleep(30);
  expect(show(p.faha.pending)).to.equal(show(p.redis.pending));
  expect(p.faha.pending.length).to.equal(0);
}
