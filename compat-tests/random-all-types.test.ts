// Differential, across types: a seeded random sequence of a few thousand commands over strings, lists, sets,
// sorted sets, hashes and the generic key commands (so keys change type, collide, move between databases and get
// copied, renamed, dumped and restored) goes to faha and redis-server; every reply is compared byte for byte
// (as multisets where Redis leaves the order unspecified), then the whole keyspace of both databases.
import { expect } from 'chai';
import { decodeReply } from '../server/testing/resp-frame.js';
import { differential, show, type Pair } from './harness.js';
import { prng } from '../server/testing/prng.js';

/** Low encoding limits, so conversions happen with small collections. */
const LIMITS = ['--hash-max-listpack-entries', '8', '--hash-max-listpack-value', '16', '--set-max-intset-entries', '8', '--zset-max-listpack-entries', '8', '--zset-max-listpack-value', '16'];

type Mode = 'exact' | 'sorted' | 'close' | 'dump';
interface Op {
  args: string[];
  mode: Mode;
}

/** Each family mostly uses its own keys (so collections grow) and sometimes any key (so types collide). */
const PREFIXES = ['s', 'l', 't', 'z', 'h'];
const WORDS = ['x', 'y', 'z', 'foo', 'bar', '', 'L'.repeat(20), 'x y'];
const INTS = ['0', '1', '2', '3', '-1', '7', '10', '42', '100', '-5'];

class Gen {
  constructor(readonly rnd: () => number) {}

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  key(prefix?: string): string {
    const p = prefix === undefined || this.rnd() < 0.12 ? this.pick(PREFIXES) : prefix;
    return `${p}${this.int(1, 3)}`;
  }

  member(): string {
    return this.rnd() < 0.5 ? this.pick(INTS) : this.pick(WORDS);
  }

  members(max: number): string[] {
    return Array.from({ length: this.int(1, max) }, () => this.member());
  }

  score(): string {
    return this.pick(['1', '2', '2.5', '-3', '0', '10', 'inf', '-inf', '1e3', '0.1']);
  }

  index(): string {
    return String(this.int(-6, 6));
  }
}

const exact = (...args: string[]): Op => ({ args, mode: 'exact' });
const sorted = (...args: string[]): Op => ({ args, mode: 'sorted' });

/** Generators by family, each returning one command. */
const FAMILIES: ((g: Gen) => Op)[] = [
  (g) => g.pick([
    () => exact('DEL', g.key('s')),
    () => exact('SET', g.key('s'), g.member()),
    () => exact('SET', g.key('s'), g.member(), 'EX', '1000'),
    () => exact('SET', g.key('s'), g.member(), 'KEEPTTL'),
    () => exact('GET', g.key('s')),
    () => exact('APPEND', g.key('s'), g.member()),
    () => exact('INCR', g.key('s')),
    () => exact('STRLEN', g.key('s')),
    () => exact('GETDEL', g.key('s')),
  ])(),
  (g) => g.pick([
    () => exact('DEL', g.key('l')),
    () => exact(g.pick(['LPUSH', 'RPUSH']), g.key('l'), ...g.members(5)),
    () => exact(g.pick(['LPOP', 'RPOP']), g.key('l')),
    () => exact(g.pick(['LPOP', 'RPOP']), g.key('l'), String(g.int(0, 4))),
    () => exact('LRANGE', g.key('l'), g.index(), g.index()),
    () => exact('LINDEX', g.key('l'), g.index()),
    () => exact('LSET', g.key('l'), g.index(), g.member()),
    () => exact('LINSERT', g.key('l'), g.pick(['BEFORE', 'AFTER']), g.member(), g.member()),
    () => exact('LREM', g.key('l'), String(g.int(-2, 2)), g.member()),
    () => exact('LTRIM', g.key('l'), g.index(), g.index()),
    () => exact('LLEN', g.key('l')),
    () => exact('LPOS', g.key('l'), g.member()),
    () => exact('LMOVE', g.key('l'), g.key('l'), g.pick(['LEFT', 'RIGHT']), g.pick(['LEFT', 'RIGHT'])),
  ])(),
  (g) => g.pick([
    () => exact('DEL', g.key('t')),
    () => exact('SADD', g.key('t'), ...g.members(6)),
    () => exact('SREM', g.key('t'), ...g.members(3)),
    () => exact('SCARD', g.key('t')),
    () => exact('SISMEMBER', g.key('t'), g.member()),
    () => exact('SMISMEMBER', g.key('t'), g.member(), g.member()),
    () => sorted('SMEMBERS', g.key('t')),
    () => sorted(g.pick(['SINTER', 'SUNION', 'SDIFF']), g.key('t'), g.key('t')),
    () => exact(g.pick(['SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE']), g.key('t'), g.key('t'), g.key('t')),
    () => exact('SMOVE', g.key('t'), g.key('t'), g.member()),
    () => exact('SINTERCARD', '2', g.key('t'), g.key('t')),
  ])(),
  (g) => g.pick([
    () => exact('DEL', g.key('z')),
    () => exact('ZADD', g.key('z'), ...Array.from({ length: g.int(1, 4) }, () => [g.score(), g.member()]).flat()),
    () => exact('ZADD', g.key('z'), g.pick(['NX', 'XX', 'GT', 'LT', 'CH']), g.score(), g.member()),
    () => exact('ZADD', g.key('z'), 'INCR', g.score(), g.member()),
    () => exact('ZINCRBY', g.key('z'), g.score(), g.member()),
    () => exact('ZREM', g.key('z'), ...g.members(3)),
    () => exact('ZCARD', g.key('z')),
    () => exact('ZSCORE', g.key('z'), g.member()),
    () => exact('ZMSCORE', g.key('z'), g.member(), g.member()),
    () => exact('ZRANK', g.key('z'), g.member()),
    () => exact('ZRANGE', g.key('z'), g.index(), g.index(), 'WITHSCORES'),
    () => exact('ZRANGEBYSCORE', g.key('z'), '-inf', g.score()),
    () => exact('ZREVRANGE', g.key('z'), '0', '-1'),
    () => exact('ZCOUNT', g.key('z'), g.score(), '+inf'),
    () => exact(g.pick(['ZPOPMIN', 'ZPOPMAX']), g.key('z'), String(g.int(1, 3))),
    () => exact(g.pick(['ZUNIONSTORE', 'ZINTERSTORE']), g.key('z'), '2', g.key('z'), g.key('z')),
    () => exact('ZREMRANGEBYRANK', g.key('z'), g.index(), g.index()),
  ])(),
  (g) => g.pick([
    () => exact('DEL', g.key('h')),
    () => exact('HSET', g.key('h'), ...Array.from({ length: g.int(1, 4) }, () => [g.member(), g.member()]).flat()),
    () => exact('HDEL', g.key('h'), ...g.members(3)),
    () => exact('HGET', g.key('h'), g.member()),
    () => exact('HMGET', g.key('h'), g.member(), g.member()),
    () => exact('HLEN', g.key('h')),
    () => exact('HEXISTS', g.key('h'), g.member()),
    () => sorted('HGETALL', g.key('h')),
    () => sorted(g.pick(['HKEYS', 'HVALS']), g.key('h')),
    () => exact('HINCRBY', g.key('h'), g.member(), String(g.int(-3, 3))),
    () => exact('HINCRBYFLOAT', g.key('h'), g.member(), g.pick(['0.5', '-1.25', '3'])),
    () => exact('HSETNX', g.key('h'), g.member(), g.member()),
    () => exact('HSTRLEN', g.key('h'), g.member()),
  ])(),
  (g) => {
    // Both keys of a generic command mostly share a family, so values move within it more than across.
    const p = g.pick(PREFIXES);
    const k = () => g.key(p);
    return g.pick([
      () => exact(g.pick(['DEL', 'UNLINK']), k(), k()),
      () => exact('EXISTS', k(), k()),
      () => exact('TYPE', k()),
      () => exact(g.pick(['RENAME', 'RENAMENX']), k(), k()),
      () => exact('COPY', k(), k(), ...(g.rnd() < 0.5 ? ['REPLACE'] : [])),
      () => exact('COPY', k(), k(), 'DB', '1'),
      () => exact('MOVE', k(), '1'),
      () => exact('EXPIRE', k(), String(g.int(500, 2000)), ...(g.rnd() < 0.3 ? [g.pick(['NX', 'XX', 'GT', 'LT'])] : [])),
      () => exact('PERSIST', k()),
      (): Op => ({ args: [g.pick(['TTL', 'PTTL']), k()], mode: 'close' }),
      () => exact('OBJECT', 'ENCODING', k()),
      () => exact('DBSIZE'),
      () => sorted('KEYS', '*'),
      () => exact('TOUCH', k(), k()),
      () => exact('SORT', k(), ...(g.rnd() < 0.5 ? ['ALPHA'] : []), ...(g.rnd() < 0.3 ? ['DESC'] : []), ...(g.rnd() < 0.3 ? ['LIMIT', '1', '3'] : [])),
      () => exact('SORT', k(), 'ALPHA', 'STORE', k()),
      (): Op => ({ args: [k(), k()], mode: 'dump' }),
    ])();
  },
];

/** |faha - redis| within `slack` for an integer reply (the two servers' clocks differ by a few ms). */
async function close(p: Pair, args: string[]): Promise<void> {
  const [r, f] = await p.both(...args);
  if (r[0] !== 0x3a) return void expect(show(f)).to.equal(show(r));
  const slack = args[0] === 'PTTL' ? 200 : 1;
  expect(Math.abs(Number(decodeReply(f).value) - Number(decodeReply(r).value)), `${args.join(' ')}: faha ${show(f)} redis ${show(r)}`).to.be.at.most(slack);
}

function bulkBytes(reply: Buffer): Buffer | null {
  if (reply[0] !== 0x24) return null;
  const nl = reply.indexOf('\r\n');
  const n = Number(reply.toString('latin1', 1, nl));
  return n < 0 ? null : reply.subarray(nl + 2, nl + 2 + n);
}

/** DUMP `from` on each server and RESTORE it as `to` with REPLACE there: the RESTORE replies must match. */
async function dumpRestore(p: Pair, from: string, to: string): Promise<void> {
  const [rd, fd] = await p.cmdKnown('dump-payload-format', 'DUMP', from);
  const [rp, fp] = [bulkBytes(rd), bulkBytes(fd)];
  expect(rp === null, `DUMP ${from}: faha ${show(fd)}`).to.equal(fp === null);
  if (rp === null || fp === null) return;
  p.redis.send('RESTORE', to, '0', rp, 'REPLACE');
  p.faha.send('RESTORE', to, '0', fp, 'REPLACE');
  const [r, f] = await Promise.all([p.redis.readRaw(), p.faha.readRaw()]);
  expect(show(f), `RESTORE ${to}`).to.equal(show(r));
}

async function run(p: Pair, op: Op): Promise<void> {
  if (op.mode === 'exact') await p.cmd(...op.args);
  else if (op.mode === 'sorted') await p.cmdSorted(...op.args);
  else if (op.mode === 'close') await close(p, op.args);
  else await dumpRestore(p, op.args[0], op.args[1]);
}

/** Every key of the selected database, with its type, encoding, deadline and contents, compared. */
async function compareKeyspace(p: Pair): Promise<void> {
  const keys = decodeReply(await p.cmdSorted('KEYS', '*')).value as string[];
  for (const k of keys) {
    const type = decodeReply(await p.cmd('TYPE', k)).value as string;
    await p.cmd('OBJECT', 'ENCODING', k);
    await close(p, ['TTL', k]);
    if (type === 'string') await p.cmd('GET', k);
    else if (type === 'list') await p.cmd('LRANGE', k, '0', '-1');
    else if (type === 'set') await p.cmdSorted('SMEMBERS', k);
    else if (type === 'zset') await p.cmd('ZRANGE', k, '0', '-1', 'WITHSCORES');
    else if (type === 'hash') await p.cmdSorted('HGETALL', k);
  }
}

describe('compat: a random mix of every type and the generic commands', () => {
  const d = differential({ args: LIMITS });

  for (const seed of [1, 2]) {
    it(`seed ${seed}: 1500 random commands over all types give identical replies and keyspaces`, async function () {
      this.timeout(30000);
      const g = new Gen(prng(seed));
      for (let i = 0; i < 1500; i++) {
        const op = g.pick(FAMILIES)(g);
        try {
          await run(d.pair, op);
        } catch (err) {
          (err as Error).message = `step ${i} (seed ${seed}): ${(err as Error).message}`;
          throw err;
        }
      }
      for (const db of ['0', '1']) {
        await d.pair.cmd('SELECT', db);
        await compareKeyspace(d.pair);
      }
    });
  }
});
