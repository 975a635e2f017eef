// Crash campaign: the write load. Each LoadClient owns a disjoint set of keys, runs a seeded stream of commands
// of every type (and MULTI/EXEC transactions) with one in flight at a time, and applies a command to its model
// only when the reply arrives. What was in flight when the connection died is kept as a before/after pair.
import { cloneKeys, execute, NEEDS_REPLY, replyMatches, type Db, type Expected } from './crash-model.js';
import { prng } from './prng.js';
import { RawClient } from './raw-client.js';
import { decodeReply } from './resp-frame.js';

/** Key letters by type: strings, hashes, lists, sets (t), sorted sets. */
const TYPES = ['s', 'h', 'l', 't', 'z'] as const;
const KEYS_PER_TYPE = 3;
/** Long enough that no deadline can pass during a campaign. */
const TTL_SECONDS = [86400, 200000, 1000000];
const MEMBERS = [...Array.from({ length: 20 }, (_, i) => `m${i}`), '1', '2', '17', '-5', 'x y'];
/** Lists longer than this only shrink, so every value stays small enough to read back quickly. */
const LIST_CAP = 40;
const REPLY_TIMEOUT_MS = 20000;

export function clientKeys(client: number): string[] {
  return TYPES.flatMap((t) => Array.from({ length: KEYS_PER_TYPE }, (_, j) => `c${client}:${t}${j}`));
}

/** One step of the load: a single command, or a transaction (MULTI … EXEC) of several. */
export interface Op {
  cmds: string[][];
  tx: boolean;
  keys: string[];
}

/** What may hold for the in-flight keys after a crash: the before-state, or the after-state, never a mix. */
export interface InFlight {
  op: Op;
  before: Db;
  /** The predicted after-state; null for a lone SPOP, whose effect depends on its reply. */
  after: Db | null;
}

/** The seeded command stream of one client; reads the model only to keep lists bounded. */
export class CommandStream {
  private readonly rnd: () => number;

  constructor(
    private readonly client: number,
    seed: number,
  ) {
    this.rnd = prng(seed * 1000 + client + 1);
  }

  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rnd() * (hi - lo + 1));
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }

  private key(t: (typeof TYPES)[number]): string {
    return `c${this.client}:${t}${this.int(0, KEYS_PER_TYPE - 1)}`;
  }

  private some<T>(n: number, make: () => T): T[] {
    return Array.from({ length: this.int(1, n) }, make);
  }

  /** Mostly short values; one in ten a few KiB, so the 1 MiB segments fill and the cleaner has garbage to clean. */
  private value(): string {
    const r = this.rnd();
    if (r < 0.3) return String(this.int(-1000, 1000));
    if (r < 0.9) return `v${this.int(0, 1e6)}`.padEnd(this.int(2, 40), '.');
    return `big${this.int(0, 1e6)}:`.padEnd(this.int(500, 4000), 'x');
  }

  private score(): string {
    return String(this.int(-20, 20) / 2);
  }

  private stringCmd(): string[] {
    const k = this.key('s');
    return this.pick<() => string[]>([
      () => ['SET', k, this.value()],
      () => ['SET', k, this.value(), 'EX', String(this.pick(TTL_SECONDS))],
      () => ['INCR', k],
      () => ['APPEND', k, this.pick(['1', '23', 'ab', '-'])],
      () => ['SETRANGE', k, String(this.int(0, 30)), this.pick(['zz', '7', 'range'])],
      () => ['DEL', k],
    ])();
  }

  private hashCmd(): string[] {
    const k = this.key('h');
    return this.pick<() => string[]>([
      () => ['HSET', k, ...this.some(4, () => [this.pick(MEMBERS), this.value()]).flat()],
      () => ['HSET', k, ...this.some(4, () => [this.pick(MEMBERS), this.value()]).flat()],
      () => ['HDEL', k, ...this.some(3, () => this.pick(MEMBERS))],
      () => ['HINCRBY', k, this.pick(['n0', 'n1', this.pick(MEMBERS)]), String(this.int(-50, 50))],
    ])();
  }

  private listCmd(db: Db): string[] {
    const k = this.key('l');
    const v = db.get(k)?.val;
    const len = v?.t === 'list' ? v.v.length : 0;
    const grow: (() => string[])[] = [() => [this.pick(['LPUSH', 'RPUSH']), k, ...this.some(5, () => this.value())]];
    const shrink: (() => string[])[] = [
      () => [this.pick(['LPOP', 'RPOP']), k],
      () => [this.pick(['LPOP', 'RPOP']), k, String(this.int(1, 4))],
      () => ['LSET', k, String(this.int(-len - 1, len)), this.value()],
      () => ['LTRIM', k, String(this.int(0, 3)), String(this.int(-5, 30))],
      () => ['LREM', k, String(this.int(-2, 2)), this.pick(['1', '2', '-5'])],
    ];
    return this.pick(len > LIST_CAP ? shrink : [...grow, ...grow, ...shrink])();
  }

  private setCmd(allowSpop: boolean): string[] {
    const k = this.key('t');
    const cmds: (() => string[])[] = [
      () => ['SADD', k, ...this.some(5, () => this.pick(MEMBERS))],
      () => ['SADD', k, ...this.some(5, () => this.pick(MEMBERS))],
      () => ['SREM', k, ...this.some(3, () => this.pick(MEMBERS))],
    ];
    if (allowSpop) cmds.push(() => ['SPOP', k], () => ['SPOP', k, String(this.int(1, 3))]);
    return this.pick(cmds)();
  }

  private zsetCmd(): string[] {
    const k = this.key('z');
    return this.pick<() => string[]>([
      () => ['ZADD', k, ...this.some(4, () => [this.score(), this.pick(MEMBERS)]).flat()],
      () => ['ZADD', k, ...this.some(4, () => [this.score(), this.pick(MEMBERS)]).flat()],
      () => ['ZINCRBY', k, this.pick(['1', '-0.5', '2.5']), this.pick(MEMBERS)],
      () => ['ZREM', k, ...this.some(3, () => this.pick(MEMBERS))],
      () => ['ZPOPMIN', k, ...(this.rnd() < 0.5 ? [] : [String(this.int(1, 3))])],
    ])();
  }

  private keyCmd(): string[] {
    const k = this.key(this.pick(TYPES));
    return this.pick<() => string[]>([
      () => ['EXPIRE', k, String(this.pick(TTL_SECONDS))],
      () => ['PERSIST', k],
      () => ['DEL', k, ...(this.rnd() < 0.3 ? [this.key(this.pick(TYPES))] : [])],
    ])();
  }

  private single(db: Db, allowSpop: boolean): string[] {
    const r = this.rnd();
    if (r < 0.28) return this.stringCmd();
    if (r < 0.45) return this.hashCmd();
    if (r < 0.63) return this.listCmd(db);
    if (r < 0.77) return this.setCmd(allowSpop);
    if (r < 0.92) return this.zsetCmd();
    return this.keyCmd();
  }

  next(db: Db): Op {
    const tx = this.rnd() < 0.12;
    const cmds = tx ? Array.from({ length: this.int(2, 5) }, () => this.single(db, false)) : [this.single(db, true)];
    const keys = [...new Set(cmds.flatMap(commandKeys))];
    return { cmds, tx, keys };
  }
}

/** The keys a command of the load touches (DEL may name two; every other command names one). */
function commandKeys(cmd: string[]): string[] {
  return cmd[0] === 'DEL' ? cmd.slice(1) : [cmd[1]];
}

/** The model's replies for an op, applied to a copy of its keys; null for a lone SPOP. */
function predict(db: Db, op: Op): { after: Db; replies: Expected[] } | null {
  if (op.cmds.some((c) => NEEDS_REPLY.has(c[0]))) return null;
  const after = cloneKeys(db, op.keys);
  return { after, replies: op.cmds.map((c) => execute(after, c)) };
}

/** A model and the server disagreed on a reply while both were up: a model bug or a server bug, never a crash. */
export interface Divergence {
  client: number;
  command: string;
  expected: string;
  got: string;
}

export class LoadClient {
  /** The acknowledged state of this client's keys. */
  db: Db = new Map();
  inFlight: InFlight | null = null;
  /** Commands (a transaction counts once) acknowledged since the counter was last reset. */
  acked = 0;
  readonly divergences: Divergence[] = [];
  /** Keys whose model is unknown after a divergence; the next check reads them instead of judging them. */
  readonly tainted = new Set<string>();
  private readonly stream: CommandStream;
  private stopping = false;

  constructor(
    readonly client: number,
    seed: number,
  ) {
    this.stream = new CommandStream(client, seed);
  }

  get keys(): string[] {
    return clientKeys(this.client);
  }

  /** Ask run() to return after the command in flight (used when no crash ends the round). */
  stop(): void {
    this.stopping = true;
  }

  /** Issues commands until the connection dies or stop() is called, or `maxOps` have been acknowledged. */
  async run(port: number, maxOps = Infinity): Promise<void> {
    this.stopping = false;
    let c: RawClient;
    try {
      c = await RawClient.connect(port);
    } catch {
      return;
    }
    try {
      for (let n = 0; n < maxOps && !this.stopping; n++) {
        if (!(await this.step(c))) return;
      }
    } finally {
      c.close();
    }
  }

  /** One op: false when its reply did not arrive (it stays in flight). */
  private async step(c: RawClient): Promise<boolean> {
    const op = this.stream.next(this.db);
    const predicted = predict(this.db, op);
    this.inFlight = { op, before: cloneKeys(this.db, op.keys), after: predicted?.after ?? null };
    const sent = op.tx ? [['MULTI'], ...op.cmds, ['EXEC']] : op.cmds;
    c.write(Buffer.concat(sent.map(encode)));
    const raw: Buffer[] = [];
    try {
      for (let i = 0; i < sent.length; i++) raw.push(await c.readRaw(REPLY_TIMEOUT_MS));
    } catch {
      return false;
    }
    this.acknowledge(op, raw.map((r) => decodeReply(r).value), predicted);
    this.inFlight = null;
    this.acked++;
    return true;
  }

  private acknowledge(op: Op, replies: unknown[], predicted: ReturnType<typeof predict>): void {
    const results = op.tx ? replies[replies.length - 1] : replies[0];
    const got = op.tx ? results : [results];
    if (predicted === null) {
      // A lone SPOP: its reply decides its effect.
      const expected = execute(this.db, op.cmds[0], replies[0]);
      if (!replyMatches(expected, replies[0])) this.diverged(op, op.cmds[0], expected, replies[0]);
      return;
    }
    for (const [k, s] of predicted.after) this.db.set(k, s);
    for (const k of op.keys) if (!predicted.after.has(k)) this.db.delete(k);
    const queued = op.tx ? replies.slice(0, -1).every((r, i) => (i === 0 ? r === 'OK' : r === 'QUEUED')) : true;
    if (!queued || !Array.isArray(got)) {
      this.diverged(op, ['MULTI'], predicted.replies, replies);
      return;
    }
    op.cmds.forEach((cmd, i) => {
      if (!replyMatches(predicted.replies[i], got[i])) this.diverged(op, cmd, predicted.replies[i], got[i]);
    });
  }

  private diverged(op: Op, cmd: string[], expected: unknown, got: unknown): void {
    this.divergences.push({ client: this.client, command: cmd.join(' '), expected: show(expected), got: show(got) });
    for (const k of op.keys) this.tainted.add(k);
  }

  /** After a check: the server's state (verified, or reported) becomes the model, and nothing is in flight. */
  adopt(observed: Db): void {
    this.db = observed;
    this.inFlight = null;
    this.tainted.clear();
  }
}

function encode(args: string[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const a of args) parts.push(`$${Buffer.byteLength(a, 'latin1')}\r\n${a}\r\n`);
  return Buffer.from(parts.join(''), 'latin1');
}

export function show(x: unknown): string {
  if (x instanceof Error) return `error ${JSON.stringify(x.message)}`;
  const s = JSON.stringify(x, (_k, v: unknown) => (v instanceof Error ? `error: ${v.message}` : v));
  return s === undefined ? String(x) : s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s;
}
