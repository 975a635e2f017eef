// Behaviour test of the durability promise: with appendfsync always, every write whose reply reached a client
// survives a SIGKILL at any moment. Several ioredis clients pipeline SET/INCR/DEL/MSET, the server is killed at a
// random point, restarted on the same directory, and every acknowledged write is checked. A few rounds.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaha, type RunningServer } from '../testing/servers.js';

const CLIENTS = 4;
const KEYS_PER_CLIENT = 40;
const ROUNDS = 3;

type State = { kind: 'value'; v: string } | { kind: 'absent' };

/** What a key may hold after a crash: its last acknowledged state, or any state written after it. */
class KeyModel {
  acked: State = { kind: 'absent' };
  private pending: { id: number; state: State }[] = [];

  issue(id: number, state: State): void {
    this.pending.push({ id, state });
  }

  /** Replies arrive in order on a connection and each key has one writer, so earlier writes are superseded. */
  ack(id: number): void {
    const i = this.pending.findIndex((p) => p.id === id);
    this.acked = this.pending[i].state;
    this.pending = this.pending.slice(i + 1);
  }

  allowed(): State[] {
    return [this.acked, ...this.pending.map((p) => p.state)];
  }

  /** After a verified restart the recovered state is the new truth. */
  reset(state: State): void {
    this.acked = state;
    this.pending = [];
  }
}

/** An INCR counter: the acknowledged count is a lower bound, the number issued an upper bound. */
class CounterModel {
  base = 0;
  ackedMax = 0;
  issued = 0;

  reset(n: number): void {
    this.base = n;
    this.ackedMax = n;
    this.issued = 0;
  }
}

interface Model {
  keys: Map<string, KeyModel>;
  counters: Map<string, CounterModel>;
}

let nextId = 1;

function keyName(client: number, i: number): string {
  return `c${client}:k${i}`;
}

function value(client: number, seq: number): string {
  // Mostly short values, sometimes a few KiB so records of several sizes share batches.
  const pad = seq % 13 === 0 ? 'p'.repeat(1000 + (seq % 5000)) : '';
  return `v${client}.${seq}.${pad}`;
}

type Op = { args: (string | number)[]; onAck: (reply: unknown) => void };

/** One random pipelined operation for `client`, recording what it writes in the model. */
function randomOp(client: number, seq: number, model: Model): Op {
  const pick = () => keyName(client, Math.floor(Math.random() * KEYS_PER_CLIENT));
  const r = Math.random();
  if (r < 0.45) {
    const k = pick();
    const id = nextId++;
    const v = value(client, seq);
    model.keys.get(k)!.issue(id, { kind: 'value', v });
    return { args: ['set', k, v], onAck: () => model.keys.get(k)!.ack(id) };
  }
  if (r < 0.6) {
    const k = pick();
    const id = nextId++;
    model.keys.get(k)!.issue(id, { kind: 'absent' });
    return { args: ['del', k], onAck: () => model.keys.get(k)!.ack(id) };
  }
  if (r < 0.8) {
    const a = pick();
    let b = pick();
    if (b === a) b = keyName(client, (Number(a.split(':k')[1]) + 1) % KEYS_PER_CLIENT);
    const [ida, idb] = [nextId++, nextId++];
    const [va, vb] = [value(client, seq), value(client, seq + 1)];
    model.keys.get(a)!.issue(ida, { kind: 'value', v: va });
    model.keys.get(b)!.issue(idb, { kind: 'value', v: vb });
    return {
      args: ['mset', a, va, b, vb],
      onAck: () => {
        model.keys.get(a)!.ack(ida);
        model.keys.get(b)!.ack(idb);
      },
    };
  }
  const counter = `c${client}:counter`;
  const m = model.counters.get(counter)!;
  m.issued++;
  return { args: ['incr', counter], onAck: (n) => (m.ackedMax = Math.max(m.ackedMax, Number(n))) };
}

function connect(port: number): Redis {
  const c = new Redis({ port, host: '127.0.0.1', retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true });
  c.on('error', () => {});
  return c;
}

/** Runs pipelines on one client until the connection fails. Any error reply other than a lost connection is a bug. */
async function load(client: number, redis: Redis, model: Model, failures: string[]): Promise<number> {
  let seq = 0;
  let acked = 0;
  for (;;) {
    const ops: Op[] = [];
    const pipe = redis.pipeline();
    for (let n = 4 + Math.floor(Math.random() * 12); n > 0; n--) {
      const op = randomOp(client, seq, model);
      seq += 2;
      ops.push(op);
      pipe.call(String(op.args[0]), ...op.args.slice(1));
    }
    let results: [Error | null, unknown][] | null;
    try {
      results = await pipe.exec();
    } catch {
      return acked;
    }
    if (results === null) return acked;
    let lost = false;
    results.forEach(([err, reply], i) => {
      if (err === null) {
        ops[i].onAck(reply);
        acked++;
      } else if (/closed|ECONNRESET|EPIPE|Stream isn't writeable/i.test(err.message)) {
        lost = true;
      } else {
        failures.push(`${ops[i].args[0]}: ${err.message}`);
      }
    });
    if (lost) return acked;
  }
}

/** Reads back every key and counter and checks it against the model; then makes what was read the new truth. */
async function verify(port: number, model: Model): Promise<void> {
  const c = connect(port);
  await c.connect();
  try {
    const names = [...model.keys.keys()];
    const got = await c.mget(...names);
    names.forEach((k, i) => {
      const state: State = got[i] === null ? { kind: 'absent' } : { kind: 'value', v: got[i]! };
      const allowed = model.keys.get(k)!.allowed();
      const ok = allowed.some((a) => a.kind === state.kind && (a.kind === 'absent' || a.v === (state as { v: string }).v));
      expect(ok, `${k} recovered as ${JSON.stringify(state).slice(0, 80)}; acknowledged ${JSON.stringify(allowed[0]).slice(0, 80)}`).to.equal(true);
      model.keys.get(k)!.reset(state);
    });
    for (const [name, m] of model.counters) {
      const n = Number((await c.get(name)) ?? 0);
      expect(n, `${name} lost acknowledged increments`).to.be.at.least(m.ackedMax);
      expect(n, `${name} has more increments than were sent`).to.be.at.most(m.base + m.issued);
      m.reset(n);
    }
  } finally {
    c.disconnect();
  }
}

describe('crash safety: acknowledged writes survive SIGKILL (appendfsync always)', function () {
  this.timeout(60000);
  let dir = '';
  let server: RunningServer | null = null;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-crash-'));
  });

  after(async () => {
    await server?.stop(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it(`every acknowledged SET, DEL, MSET and INCR is present after ${ROUNDS} kills at random moments`, async () => {
    const model: Model = { keys: new Map(), counters: new Map() };
    for (let c = 0; c < CLIENTS; c++) {
      for (let i = 0; i < KEYS_PER_CLIENT; i++) model.keys.set(keyName(c, i), new KeyModel());
      model.counters.set(`c${c}:counter`, new CounterModel());
    }
    for (let round = 0; round < ROUNDS; round++) {
      server = await startFaha({ dir, args: ['--appendfsync', 'always'] });
      if (round > 0) await verify(server.port, model);
      const clients = Array.from({ length: CLIENTS }, () => connect(server!.port));
      await Promise.all(clients.map((c) => c.connect()));
      const failures: string[] = [];
      const loads = clients.map((c, i) => load(i, c, model, failures));
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 800));
      server.kill('SIGKILL');
      await server.exited;
      const acked = await Promise.all(loads);
      for (const c of clients) c.disconnect();
      expect(failures, 'error replies during the load').to.deep.equal([]);
      expect(acked.reduce((a, b) => a + b, 0), `writes acknowledged in round ${round}`).to.be.greaterThan(0);
    }
    server = await startFaha({ dir, args: ['--appendfsync', 'always'] });
    await verify(server.port, model);
  });
});
