// Differential: keyspace notifications (notify.c) against redis-server 7.0 — the notify-keyspace-events grammar,
// and the events the string and generic commands publish (names, order, classes, databases), including 'new',
// 'keymiss', 'expired', and where a RESP3 connection sees them relative to its own replies.
import { expect } from 'chai';
import { differential, type Pair } from './harness.js';
import { expectDelivered, expectFrames, expectQuiet, multi, sleep } from './pubsub-helpers.js';

type Arg = string | Buffer | number;

/** "channel=message" for each pmessage frame, to make expectations readable. */
function events(frames: Buffer[]): string[] {
  return frames.map((b) => {
    const parts = b.toString('latin1').split('\r\n');
    return `${parts[6]}=${parts[8]}`;
  });
}

describe('compat: keyspace notifications', () => {
  const d = differential();
  let sub: Pair;

  /** Turns notifications on with `classes` and listens to every keyspace and keyevent channel. */
  async function listen(classes: string): Promise<void> {
    await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', classes);
    sub = await d.newPair();
    await multi(sub, 1, 'PSUBSCRIBE', '__key*__:*');
  }

  /** Runs a command (replies compared) and returns the events it published (compared, in order). */
  async function ev(...args: Arg[]): Promise<string[]> {
    await d.pair.cmd(...args);
    return events(await expectDelivered(sub, args.join(' ')));
  }

  // After the harness's FLUSHALL (its beforeEach runs first): each test starts with notifications off.
  beforeEach(async () => {
    await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', '');
  });

  describe('notify-keyspace-events', () => {
    it('CONFIG GET shows the classes in Redis\'s normal form', async () => {
      for (const v of ['KEA', 'Kx', 'A', 'gA', 'Ag', '$', 'n', 'nA', 'KEm', 'Knm', 'd', 'Eg$lshzxetd', 'AKEnm', 'mnE', 'ee', '']) {
        await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', v);
        await d.pair.cmd('CONFIG', 'GET', 'notify-keyspace-events');
      }
    });

    it('CONFIG SET refuses a character that is no class, keeping the old value', async () => {
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KE$');
      for (const v of ['KEq', 'a', 'K E', 'KEA!']) await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', v);
      await d.pair.cmd('CONFIG', 'GET', 'notify-keyspace-events');
      await d.pair.cmd('CONFIG', 'GET', 'notify-*');
    });

    it('nothing is published while notifications are off, or without K or E', async () => {
      await listen('');
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('DEL', 'k');
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'A');
      await d.pair.cmd('SET', 'k', 'v');
      expect(await expectDelivered(sub)).to.deep.equal([]);
    });

    it('K publishes on the keyspace channel only, E on the keyevent channel only, for the classes chosen', async () => {
      await listen('K$');
      expect(await ev('SET', 'k', 'v')).to.deep.equal(['__keyspace@0__:k=set']);
      expect(await ev('DEL', 'k')).to.deep.equal([]);
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'Eg');
      expect(await ev('SET', 'k', 'v')).to.deep.equal([]);
      expect(await ev('DEL', 'k')).to.deep.equal(['__keyevent@0__:del=k']);
    });

    it('the database number in the channel is the command\'s, and binary keys are published byte for byte', async () => {
      await listen('KEA');
      await d.pair.cmd('SELECT', '7');
      await ev('SET', 'k', 'v');
      await ev('SET', Buffer.from([0x00, 0xff, 0x0d, 0x0a]), 'v');
      await d.pair.cmd('SELECT', '0');
    });
  });

  describe('string commands', () => {
    beforeEach(() => listen('KEAn'));

    it('SET and its variants publish new, set and, with a deadline, expire', async () => {
      expect(await ev('SET', 'k', 'v')).to.deep.equal(['__keyspace@0__:k=new', '__keyevent@0__:new=k', '__keyspace@0__:k=set', '__keyevent@0__:set=k']);
      await ev('SET', 'k', 'v2', 'EX', '100');
      await ev('SET', 'k', 'v3', 'KEEPTTL');
      await ev('SET', 'k', 'v4', 'NX');
      await ev('SET', 'j', 'v', 'XX');
      await ev('SET', 'k', 'v5', 'GET');
      await ev('SET', 'j', 'v', 'GET', 'PX', '100000');
      await ev('SETNX', 'k', 'x');
      await ev('SETNX', 'n', 'x');
      await ev('SETEX', 'k', '100', 'x');
      await ev('PSETEX', 'p', '100000', 'x');
      await ev('GETSET', 'k', 'y');
      await ev('GETSET', 'fresh', 'y');
      await ev('SET', 'k', 'v', 'EX', 'bad');
      // Active expiry may find the key before GET does: the events are compared together, in the same order either way.
      await d.pair.cmd('SET', 'past', 'v', 'PXAT', '1');
      await ev('GET', 'past');
    });

    it('MSET and MSETNX publish a set per key', async () => {
      await ev('MSET', 'a', '1', 'b', '2', 'a', '3');
      await ev('MSETNX', 'a', '1', 'c', '2');
      await ev('MSETNX', 'c', '1', 'd', '2');
    });

    it('APPEND, SETRANGE, INCR and INCRBYFLOAT publish their own events, and nothing when they change nothing', async () => {
      await ev('APPEND', 'a', 'x');
      await ev('APPEND', 'a', 'y');
      await ev('SETRANGE', 's', '0', '');
      await ev('SETRANGE', 's', '3', 'abc');
      await ev('SETRANGE', 's', '0', '');
      await ev('SETRANGE', 's', '1', 'Z');
      await ev('INCR', 'i');
      await ev('DECR', 'i');
      await ev('INCRBY', 'i', '5');
      await ev('DECRBY', 'i', '2');
      await ev('INCR', 's');
      await ev('INCRBYFLOAT', 'f', '1.5');
      await ev('INCRBYFLOAT', 'f', '1');
      await ev('INCRBYFLOAT', 's', '1');
    });

    it('GETDEL publishes del, GETEX expire, persist or (for a past deadline) del', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await expectDelivered(sub);
      await ev('GETDEL', 'k');
      await ev('GETDEL', 'k');
      await d.pair.cmd('SET', 'k', 'v');
      await expectDelivered(sub);
      await ev('GETEX', 'k');
      await ev('GETEX', 'k', 'EX', '100');
      await ev('GETEX', 'k', 'PERSIST');
      await ev('GETEX', 'k', 'PERSIST');
      await ev('GETEX', 'k', 'PXAT', '1000');
      await ev('GETEX', 'k', 'EX', '100');
    });

    it('reads of missing keys publish keymiss when m is on', async () => {
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KEm');
      await ev('GET', 'nokey');
      await ev('MGET', 'a', 'b');
      await ev('STRLEN', 'x');
      await ev('GETRANGE', 'x', '0', '1');
      await ev('SET', 'x', 'v', 'GET');
      await ev('GETEX', 'y');
      await ev('GETDEL', 'y');
      await ev('INCR', 'z');
      await ev('APPEND', 'w', 'a');
      await ev('LCS', 'p', 'q');
    });
  });

  describe('generic commands', () => {
    beforeEach(() => listen('KEAnm'));

    it('DEL and UNLINK publish del for each key that existed', async () => {
      await d.pair.cmd('MSET', 'a', '1', 'b', '2', 'c', '3');
      await expectDelivered(sub);
      await ev('DEL', 'a', 'x', 'b');
      await ev('UNLINK', 'c', 'c');
    });

    it('EXPIRE and PERSIST publish expire and persist; a deadline in the past publishes del', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await expectDelivered(sub);
      await ev('EXPIRE', 'k', '100');
      await ev('PEXPIRE', 'k', '200000', 'GT');
      await ev('EXPIRE', 'k', '1', 'GT');
      await ev('EXPIREAT', 'k', '99999999999');
      await ev('PERSIST', 'k');
      await ev('PERSIST', 'k');
      await ev('EXPIRE', 'missing', '10');
      await ev('PEXPIREAT', 'k', '1000');
      await ev('EXPIRE', 'k', '10');
    });

    it('RENAME publishes new, rename_from and rename_to, also when the target existed', async () => {
      await d.pair.cmd('MSET', 'a', '1', 'b', '2');
      await expectDelivered(sub);
      await ev('RENAME', 'a', 'c');
      await ev('RENAME', 'c', 'b');
      await ev('RENAME', 'b', 'b');
      await ev('RENAME', 'nokey', 'x');
      await d.pair.cmd('SET', 'x', '1');
      await expectDelivered(sub);
      await ev('RENAMENX', 'b', 'x');
      await ev('RENAMENX', 'b', 'y');
    });

    it('MOVE publishes move_from and move_to in their databases, COPY publishes copy_to', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await expectDelivered(sub);
      await ev('MOVE', 'k', '3');
      await ev('MOVE', 'k', '3');
      await d.pair.cmd('SET', 'k', 'v');
      await d.pair.cmd('SET', 'j', 'w');
      await expectDelivered(sub);
      await ev('COPY', 'k', 'c');
      await ev('COPY', 'k', 'c');
      await ev('COPY', 'k', 'c', 'REPLACE');
      await ev('COPY', 'k', 'c', 'DB', '5');
      await ev('COPY', 'nokey', 'c');
    });

    it('lookups that miss publish keymiss, except OBJECT', async () => {
      await ev('EXISTS', 'a', 'b');
      await ev('TYPE', 'a');
      await ev('TTL', 'a');
      await ev('PTTL', 'a');
      await ev('EXPIRETIME', 'a');
      await ev('TOUCH', 'a');
      await ev('OBJECT', 'ENCODING', 'a');
      await ev('OBJECT', 'FREQ', 'a');
      await ev('COPY', 'a', 'b');
      await ev('RENAME', 'a', 'b');
    });

    it('a key past its deadline publishes expired when a command finds it, before that command\'s own events', async () => {
      // One key at a time: whether active expiry or the command finds it first, the events come in the same order.
      for (const cmd of [['GET', 'k'], ['SET', 'k', 'new'], ['EXISTS', 'k'], ['INCR', 'k']]) {
        await d.pair.cmd('SET', 'k', 'v', 'PX', '5');
        await sleep(20);
        await ev(...cmd);
      }
    });

    it('FLUSHDB, FLUSHALL and SWAPDB publish nothing', async () => {
      await d.pair.cmd('SET', 'k', 'v');
      await expectDelivered(sub);
      await ev('SWAPDB', '0', '1');
      await ev('FLUSHDB');
      await ev('FLUSHALL');
    });
  });

  describe('RESP3 connections', () => {
    it('a connection listening to its own keys gets each event where Redis writes it among its replies', async () => {
      await d.pair.cmd('CONFIG', 'SET', 'notify-keyspace-events', 'KA');
      const s = await d.newPair();
      await s.both('HELLO', '3');
      await multi(s, 1, 'PSUBSCRIBE', '__keyspace@0__:*');
      // SET: events, then +OK; EXPIRE: :1, then the event; a past deadline: the del event, then :1.
      await multi(s, 2, 'SET', 'k', 'v');
      await multi(s, 2, 'EXPIRE', 'k', '100');
      await multi(s, 2, 'PERSIST', 'k');
      await multi(s, 2, 'GETSET', 'k', 'w');
      await multi(s, 2, 'GETDEL', 'k');
      await multi(s, 3, 'SET', 'k', 'v', 'EX', '10');
      await multi(s, 2, 'GETEX', 'k', 'EX', '20');
      await multi(s, 2, 'EXPIRE', 'k', '-1');
      await multi(s, 2, 'INCR', 'n');
      await multi(s, 3, 'RENAME', 'n', 'm');
      await expectQuiet(s);
    });
  });

  it('random string and key commands publish the same events as Redis', async function () {
    this.timeout(30000);
    await listen('KEAnm');
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const keys = ['a', 'b', 'c'];
    const k = () => keys[Math.floor(rand() * keys.length)];
    const ops: (() => Arg[])[] = [
      () => ['SET', k(), 'v'],
      () => ['SET', k(), '5', 'PX', '100000'],
      () => ['SET', k(), 'x', rand() < 0.5 ? 'NX' : 'XX'],
      () => ['GET', k()],
      () => ['DEL', k(), k()],
      () => ['INCR', k()],
      () => ['APPEND', k(), 'z'],
      () => ['EXPIRE', k(), rand() < 0.2 ? '-1' : '100'],
      () => ['PERSIST', k()],
      () => ['RENAME', k(), k()],
      () => ['COPY', k(), k(), 'REPLACE'],
      () => ['GETDEL', k()],
      () => ['EXISTS', k()],
      () => ['MSET', k(), '1', k(), '2'],
      () => ['SETRANGE', k(), '1', 'q'],
    ];
    for (let i = 0; i < 400; i++) await ev(...ops[Math.floor(rand() * ops.length)]());
  });

  it('events reach several subscribers, pattern and channel alike', async () => {
    await listen('KE$');
    const direct = await d.newPair();
    await multi(direct, 2, 'SUBSCRIBE', '__keyspace@0__:k', '__keyevent@0__:set');
    await d.pair.cmd('SET', 'k', 'v');
    await expectFrames(direct, 2);
    await expectDelivered(sub);
  });
});
