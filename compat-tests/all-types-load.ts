// A seeded random write load over every type (strings, lists, sets, sorted sets, hashes, keys moved between
// databases, deadlines) and a full dump of what a server holds, for tests that must find a dataset unchanged
// after something happened underneath it (a SIGKILL and recovery, the log cleaner).
import { expect } from 'chai';
import type { RawClient } from '../server/testing/raw-client.js';
import { decodeReply } from '../server/testing/resp-frame.js';
import { show, sortedElements } from './harness.js';

/** Low encoding limits, so the dataset holds every encoding of every type. */
export const LIMITS = ['--hash-max-listpack-entries', '8', '--hash-max-listpack-value', '16', '--set-max-intset-entries', '8', '--zset-max-listpack-entries', '8', '--zset-max-listpack-value', '16'];
export const PREFIXES = ['s', 'l', 't', 'z', 'h'];
const MEMBERS = ['0', '1', '2', '7', '-3', '42', 'x', 'y', 'foo', '', 'L'.repeat(20), 'a b'];

export type Args = string[];

export class Writes {
  constructor(private readonly rnd: () => number) {}

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  private key(prefix: string): string {
    return `${this.rnd() < 0.1 ? this.pick(PREFIXES) : prefix}${this.int(1, 6)}`;
  }

  private members(n: number): string[] {
    return Array.from({ length: this.int(1, n) }, () => this.pick(MEMBERS));
  }

  private ttl(): Args {
    return this.rnd() < 0.5 ? ['EX', String(this.int(1000, 9000))] : [];
  }

  /** One random write (or a read whose only effect is the access time, which recovery does not keep). */
  next(): Args {
    let p = this.pick(PREFIXES);
    const k = () => this.key(p);
    const families: (() => Args)[][] = [
      [() => ['SET', k(), this.pick(MEMBERS), ...this.ttl()], () => ['APPEND', k(), this.pick(MEMBERS)], () => ['INCRBY', k(), String(this.int(-5, 5))], () => ['SETRANGE', k(), String(this.int(0, 30)), 'zz']],
      [() => [this.pick(['LPUSH', 'RPUSH']), k(), ...this.members(6)], () => [this.pick(['LPOP', 'RPOP']), k(), String(this.int(1, 3))], () => ['LSET', k(), String(this.int(-3, 3)), this.pick(MEMBERS)],
        () => ['LINSERT', k(), this.pick(['BEFORE', 'AFTER']), this.pick(MEMBERS), 'ins'], () => ['LREM', k(), String(this.int(-2, 2)), this.pick(MEMBERS)], () => ['LTRIM', k(), String(this.int(0, 2)), String(this.int(-3, 10))],
        () => ['LMOVE', k(), k(), 'LEFT', 'RIGHT']],
      [() => ['SADD', k(), ...this.members(10)], () => ['SREM', k(), ...this.members(3)], () => ['SPOP', k(), String(this.int(1, 2))], () => ['SMOVE', k(), k(), this.pick(MEMBERS)],
        () => [this.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), k(), k(), k()]],
      [() => ['ZADD', k(), ...Array.from({ length: this.int(1, 6) }, () => [String(this.int(-5, 5) / 2), this.pick(MEMBERS)]).flat()], () => ['ZINCRBY', k(), '1.5', this.pick(MEMBERS)],
        () => ['ZREM', k(), ...this.members(3)], () => [this.pick(['ZPOPMIN', 'ZPOPMAX']), k()], () => [this.pick(['ZUNIONSTORE', 'ZINTERSTORE']), k(), '2', k(), k()], () => ['ZREMRANGEBYSCORE', k(), '-inf', '-1']],
      [() => ['HSET', k(), ...Array.from({ length: this.int(1, 6) }, () => [this.pick(MEMBERS), this.pick(MEMBERS)]).flat()], () => ['HDEL', k(), ...this.members(3)], () => ['HINCRBY', k(), 'n', String(this.int(-9, 9))],
        () => ['HINCRBYFLOAT', k(), 'f', '0.25'], () => ['HSETNX', k(), this.pick(MEMBERS), 'nx']],
      [() => ['DEL', k()], () => ['RENAME', k(), k()], () => ['COPY', k(), k(), 'REPLACE'], () => ['COPY', k(), k(), 'DB', '1', 'REPLACE'], () => ['MOVE', k(), '1'], () => ['EXPIRE', k(), String(this.int(1000, 9000))],
        () => ['PEXPIREAT', k(), String(Date.now() + this.int(2000, 9000) * 1000)], () => ['PERSIST', k()]],
    ];
    // A family's commands mostly use its own prefix (strings s, lists l, sets t, sorted sets z, hashes h).
    const f = Math.floor(this.rnd() * families.length);
    if (f < PREFIXES.length) p = PREFIXES[f];
    return this.pick(families[f])();
  }
}

export async function call(c: RawClient, ...args: string[]): Promise<Buffer> {
  c.send(...args);
  return c.readRaw();
}

/** Sends commands pipelined in batches and waits for every reply (each one acknowledges its write). */
export async function pipeline(c: RawClient, commands: Args[]): Promise<void> {
  for (let i = 0; i < commands.length; i += 64) {
    const batch = commands.slice(i, i + 64);
    for (const args of batch) c.send(...args);
    for (const args of batch) {
      const r = await c.readRaw();
      // Errors (WRONGTYPE, no such key…) are expected; a protocol error would mean a lost reply.
      expect(r.length, `reply to ${args.join(' ')}`).to.be.greaterThan(0);
    }
  }
}

/** Every key of databases 0 and 1: type, encoding, absolute deadline and contents, as raw replies. */
export async function fullDump(c: RawClient): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const db of ['0', '1']) {
    await call(c, 'SELECT', db);
    const keys = (decodeReply(await call(c, 'KEYS', '*')).value as string[]).sort();
    for (const k of keys) {
      const type = decodeReply(await call(c, 'TYPE', k)).value as string;
      const contents: Record<string, string[]> = {
        string: ['GET', k],
        list: ['LRANGE', k, '0', '-1'],
        set: ['SMEMBERS', k],
        zset: ['ZRANGE', k, '0', '-1', 'WITHSCORES'],
        hash: ['HGETALL', k],
      };
      const value = await call(c, ...contents[type]);
      out[`${db}/${k}`] = [
        type,
        show(await call(c, 'OBJECT', 'ENCODING', k)),
        show(await call(c, 'PEXPIRETIME', k)),
        // A set's iteration order is not part of its value.
        ...(type === 'set' ? sortedElements(value) : [show(value)]),
      ];
    }
  }
  await call(c, 'SELECT', '0');
  return out;
}
