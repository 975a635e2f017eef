// The differential harness: the same commands go to a real redis-server (the reference, Debian's 7.0) and to
// faha, and the raw replies must be identical byte for byte. Relaxations are named methods with a reason;
// a deliberate difference must cite its entry in known-differences.json.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROJECT_ROOT } from '../server/paths.js';
import { RawClient } from '../server/testing/raw-client.js';
import { decodeReply } from '../server/testing/resp-frame.js';
import { startFaha, startRedis, type RunningServer } from '../server/testing/servers.js';

type Arg = string | Buffer | number;

const KNOWN_PATH = join(PROJECT_ROOT, 'compat-tests', 'known-differences.json');
interface KnownDifference {
  id: string;
  commands: string[];
  difference: string;
  reason: string;
}
const KNOWN: KnownDifference[] = JSON.parse(readFileSync(KNOWN_PATH, 'utf8')) as KnownDifference[];

/** Escapes a reply for failure messages. */

/**
 * Waits out the last 3 s of a wall-clock minute. LFU counters decay by whole minutes (lfu-decay-time 1), and
 * redis-server reads a cached clock up to 100 ms old: a sequence that straddles a minute can see one server decay
 * and not the other. Seen once in CI, two tests failing at 08:00:00 with faha's counter one below redis's.
 */
export async function clearOfMinuteBoundary(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 3000) await sleep(left + 200);
}

export function show(b: Buffer): string {
  return JSON.stringify(b.toString('latin1'));
}

/** One connection to each server, used in lockstep. */
export class Pair {
  constructor(
    readonly redis: RawClient,
    readonly faha: RawClient,
  ) {}

  /** Sends to both; the replies must be byte-identical. Returns the reply. */
  async cmd(...args: Arg[]): Promise<Buffer> {
    const [r, f] = await this.both(...args);
    expect(show(f), `faha vs redis for ${describe(args)}`).to.equal(show(r));
    return f;
  }

  /** Both raw replies, uncompared. */
  async both(...args: Arg[]): Promise<[Buffer, Buffer]> {
    this.redis.send(...args);
    this.faha.send(...args);
    return Promise.all([this.redis.readRaw(), this.faha.readRaw()]);
  }

  /** Raw request bytes to both; compares the next reply. */
  async raw(bytes: Buffer | string): Promise<Buffer> {
    this.redis.write(bytes);
    this.faha.write(bytes);
    const [r, f] = await Promise.all([this.redis.readRaw(), this.faha.readRaw()]);
    expect(show(f), `faha vs redis for raw ${JSON.stringify(bytes.toString())}`).to.equal(show(r));
    return f;
  }

  /**
   * doSorted: an array reply whose order Redis leaves unspecified (hash order: KEYS, SMEMBERS, SCAN pages…).
   * Elements are compared as multisets of their raw bytes.
   */
  async cmdSorted(...args: Arg[]): Promise<Buffer> {
    const [r, f] = await this.both(...args);
    expect(sortedElements(f), `faha vs redis (sorted) for ${describe(args)}`).to.deep.equal(sortedElements(r));
    return f;
  }

  /** doLoosely: only the reply's RESP type and, for errors, the error code must match (e.g. timing-dependent text). */
  async cmdLoosely(...args: Arg[]): Promise<Buffer> {
    const [r, f] = await this.both(...args);
    expect(String.fromCharCode(f[0]), `reply type for ${describe(args)}: faha ${show(f)} redis ${show(r)}`).to.equal(String.fromCharCode(r[0]));
    if (r[0] === 0x2d) expect(f.toString().split(' ')[0]).to.equal(r.toString().split(' ')[0]);
    return f;
  }

  /** A difference listed in known-differences.json: both run, the entry must exist, the replies are returned. */
  async cmdKnown(id: string, ...args: Arg[]): Promise<[Buffer, Buffer]> {
    expect(KNOWN.some((k) => k.id === id), `known-differences.json has an entry "${id}"`).to.equal(true);
    return this.both(...args);
  }

  close(): void {
    this.redis.close();
    this.faha.close();
  }
}

function describe(args: Arg[]): string {
  return args.map((a) => (Buffer.isBuffer(a) ? JSON.stringify(a.toString('latin1')) : JSON.stringify(String(a)))).join(' ');
}

/** The elements of an array/set/map reply as sorted raw strings (maps: sorted "key => value" pairs). */
export function sortedElements(reply: Buffer): string[] {
  const t = String.fromCharCode(reply[0]);
  if (!'*~%'.includes(t)) return [show(reply)];
  const { value } = decodeReply(reply);
  const flat = (v: unknown): string => JSON.stringify(v instanceof Map ? [...v] : v instanceof Set ? [...v] : v instanceof Error ? `ERR:${v.message}` : v);
  if (value instanceof Map) return [...value].map(([k, v]) => `${flat(k)} => ${flat(v)}`).sort();
  if (value instanceof Set) return [...value].map(flat).sort();
  return (value as unknown[]).map(flat).sort();
}

export interface DifferentialOptions {
  /** Extra arguments for both servers (same meaning in both: e.g. ['--requirepass', 'x']). */
  args?: string[];
  fahaArgs?: string[];
  redisArgs?: string[];
}

/**
 * Starts one redis-server and one faha for the enclosing describe() block, opens a default Pair, and FLUSHALLs
 * both before each test. Usage: `const d = differential();` then `await d.pair.cmd('SET', 'k', 'v')`.
 */
export function differential(opts: DifferentialOptions = {}) {
  const ctx = {
    redis: null as unknown as RunningServer,
    faha: null as unknown as RunningServer,
    pair: null as unknown as Pair,
    extra: [] as Pair[],
    /** Another connection to each server (closed after the test). */
    async newPair(): Promise<Pair> {
      const p = new Pair(await RawClient.connect(ctx.redis.port), await RawClient.connect(ctx.faha.port));
      ctx.extra.push(p);
      return p;
    },
  };
  before(async function () {
    this.timeout(30000);
    [ctx.redis, ctx.faha] = await Promise.all([
      startRedis({ args: [...(opts.args ?? []), ...(opts.redisArgs ?? [])] }),
      startFaha({ args: [...(opts.args ?? []), ...(opts.fahaArgs ?? [])] }),
    ]);
  });
  beforeEach(async () => {
    ctx.pair = new Pair(await RawClient.connect(ctx.redis.port), await RawClient.connect(ctx.faha.port));
    const pass = passwordIn(opts);
    if (pass !== null) await ctx.pair.cmd('AUTH', pass);
    await ctx.pair.cmd('FLUSHALL');
  });
  afterEach(() => {
    ctx.pair?.close();
    for (const p of ctx.extra) p.close();
    ctx.extra = [];
  });
  after(async function () {
    this.timeout(30000);
    await Promise.all([ctx.redis?.stop(), ctx.faha?.stop()]);
  });
  return ctx;
}

function passwordIn(opts: DifferentialOptions): string | null {
  const all = [...(opts.args ?? [])];
  const i = all.indexOf('--requirepass');
  return i >= 0 ? all[i + 1] : null;
}
