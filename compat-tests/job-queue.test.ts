// A BullMQ-style job queue through ioredis, run against redis-server 7.0 and faha alike: a producer adds jobs with
// MULTI/EXEC (job hash, LPUSH, PUBLISH), workers blocked in BLMOVE / BRPOPLPUSH take them, finish them with
// MULTI/EXEC (hash update, LREM, INCR, PUBLISH), and a listener follows the queue's pub/sub events and keyspace
// notifications. Both servers must end in the same state and publish the same events.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { startFaha, startRedis, type RunningServer } from '../server/testing/servers.js';

const JOBS = 24;

interface Transcript {
  added: string[];
  completed: string[];
  keyevents: string[];
  counter: string | null;
  wait: number;
  active: number;
  states: string[];
  workers: number[];
}

/** Runs the whole queue against the server on `port` and reports what was seen. */
async function runQueue(port: number, subscriberProtocol: 2 | 3): Promise<Transcript> {
  const open = (protocol: 2 | 3) => new Redis({ port, host: '127.0.0.1', protocol, maxRetriesPerRequest: 1 });
  const admin = open(2);
  const listener = open(subscriberProtocol);
  const workers = [open(2), open(3)];
  const producer = open(3);
  const all = [admin, listener, ...workers, producer];
  try {
    await admin.flushall();
    await admin.config('SET', 'notify-keyspace-events', 'E$');
    const t: Transcript = { added: [], completed: [], keyevents: [], counter: null, wait: 0, active: 0, states: [], workers: [0, 0] };
    let completedCount = 0;
    let allDone: () => void = () => {};
    const finished = new Promise<void>((r) => (allDone = r));
    listener.on('message', (channel: string, message: string) => {
      const [kind, id] = message.split(':');
      if (kind === 'added') t.added.push(id);
      else t.completed.push(id);
      if (kind === 'completed' && ++completedCount === JOBS) allDone();
    });
    listener.on('pmessage', (_pattern: string, channel: string, key: string) => t.keyevents.push(`${channel} ${key}`));
    await listener.subscribe('q:events');
    await listener.psubscribe('__keyevent@0__:*');

    let stop = false;
    const work = async (i: number) => {
      const w = workers[i];
      while (!stop) {
        // One worker moves with BLMOVE, the other with the older BRPOPLPUSH, as queue libraries of both ages do.
        const id = i === 0 ? await w.blmove('q:wait', 'q:active', 'RIGHT', 'LEFT', 0.2) : await w.brpoplpush('q:wait', 'q:active', 0.2);
        if (id === null) continue;
        t.workers[i]++;
        const data = await w.hget(`job:${id}`, 'data');
        await w
          .multi()
          .hset(`job:${id}`, 'state', 'done', 'result', `${data}!`)
          .lrem('q:active', 1, id)
          .incr('q:completed')
          .publish('q:events', `completed:${id}`)
          .exec();
      }
    };
    // The workers block on the empty queue before any job exists.
    const running = [work(0), work(1)];
    await new Promise((r) => setTimeout(r, 50));
    for (let j = 0; j < JOBS; j++) {
      const replies = await producer
        .multi()
        .hset(`job:${j}`, 'data', `payload-${j}`, 'state', 'waiting')
        .lpush('q:wait', String(j))
        .publish('q:events', `added:${j}`)
        .exec();
      expect(replies!.map(([err]) => err)).to.deep.equal([null, null, null]);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, rej) => (timer = setTimeout(() => rej(new Error(`only ${completedCount} of ${JOBS} jobs completed`)), 8000)));
    await Promise.race([finished, timeout]).finally(() => {
      stop = true;
      clearTimeout(timer);
    });
    await Promise.all(running);
    t.counter = await admin.get('q:completed');
    t.wait = await admin.llen('q:wait');
    t.active = await admin.llen('q:active');
    for (let j = 0; j < JOBS; j++) t.states.push(`${await admin.hget(`job:${j}`, 'state')} ${await admin.hget(`job:${j}`, 'result')}`);
    return t;
  } finally {
    for (const c of all) c.disconnect();
  }
}

describe('compat: a job queue through ioredis', function () {
  this.timeout(30000);
  let redis: RunningServer;
  let faha: RunningServer;
  before(async () => {
    [redis, faha] = await Promise.all([startRedis(), startFaha()]);
  });
  after(async () => {
    await Promise.all([redis?.stop(), faha?.stop()]);
  });

  for (const protocol of [2, 3] as const) {
    it(`producer, blocked workers and a RESP${protocol} event listener see every job through, as on Redis`, async () => {
      const [r, f] = [await runQueue(redis.port, protocol), await runQueue(faha.port, protocol)];
      const ids = Array.from({ length: JOBS }, (_, j) => String(j));
      // What must hold on both: every job added in order, completed once, counted, and the lists emptied.
      for (const t of [r, f]) {
        expect(t.added).to.deep.equal(ids);
        expect([...t.completed].sort()).to.deep.equal([...ids].sort());
        expect(t.counter).to.equal(String(JOBS));
        expect([t.wait, t.active]).to.deep.equal([0, 0]);
        expect(t.states).to.deep.equal(ids.map((j) => `done payload-${j}!`));
        expect(t.workers[0] + t.workers[1]).to.equal(JOBS);
      }
      // Keyspace notifications for the string class: one incrby per completed job, the same on both servers.
      expect(f.keyevents).to.deep.equal(r.keyevents);
      expect(f.keyevents).to.deep.equal(ids.map(() => '__keyevent@0__:incrby q:completed'));
    });
  }
});
