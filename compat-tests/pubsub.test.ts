// Differential: pub/sub (pubsub.c) against redis-server 7.0, byte for byte — subscription confirmations and their
// counts, message and pmessage frames in RESP2 and RESP3, unsubscribing from everything or from nothing, RESP2
// subscribed mode, PUBSUB introspection, subscriptions ending with the connection, and a random differential run.
import { expect } from 'chai';
import { stringMatch } from '../server/keyspace/glob.js';
import { differential, show, type Pair } from './harness.js';
import { expectFrames, expectFramesSorted, expectQuiet, multi, sameElements, sleep } from './pubsub-helpers.js';
import { prng } from '../server/testing/prng.js';

describe('compat: pub/sub', () => {
  const d = differential();

  describe('SUBSCRIBE and PUBLISH', () => {
    it('SUBSCRIBE confirms each channel with the running count, a repeated channel counting once', async () => {
      await multi(d.pair, 4, 'SUBSCRIBE', 'a', 'b', 'a', 'c');
      await multi(d.pair, 1, 'SUBSCRIBE', 'b');
    });

    it('PUBLISH answers the number of receivers and delivers to every subscriber in subscription order', async () => {
      const s1 = await d.newPair();
      const s2 = await d.newPair();
      await multi(s1, 1, 'SUBSCRIBE', 'news');
      await multi(s2, 2, 'SUBSCRIBE', 'other', 'news');
      await d.pair.cmd('PUBLISH', 'news', 'hello');
      await expectFrames(s1, 1, 'message on s1');
      await expectFrames(s2, 1, 'message on s2');
      await d.pair.cmd('PUBLISH', 'nobody', 'x');
      await d.pair.cmd('PUBLISH', 'other', '');
      await expectFrames(s2, 1);
      await expectQuiet(s1);
      await expectQuiet(s2);
    });

    it('channels and payloads are binary-safe', async () => {
      const s = await d.newPair();
      const chan = Buffer.from([0x00, 0xff, 0x0d, 0x0a, 0x41]);
      await multi(s, 1, 'SUBSCRIBE', chan);
      await d.pair.cmd('PUBLISH', chan, Buffer.from([0xc3, 0x28, 0x00, 0x0d, 0x0a]));
      await expectFrames(s, 1);
      await d.pair.cmd('PUBSUB', 'NUMSUB', chan);
    });

    it('a connection subscribed to a channel and a matching pattern receives both, the channel first', async () => {
      const s = await d.newPair();
      await multi(s, 1, 'SUBSCRIBE', 'user.1');
      await multi(s, 1, 'PSUBSCRIBE', 'user.*');
      await d.pair.cmd('PUBLISH', 'user.1', 'hi');
      await expectFrames(s, 2);
      await d.pair.cmd('PUBLISH', 'user.2', 'hi');
      await expectFrames(s, 1);
      await expectQuiet(s);
    });

    it('a connection receives each matching pattern once per pattern, in either order', async () => {
      const s = await d.newPair();
      await multi(s, 3, 'PSUBSCRIBE', 'a*', '*b', 'a?b');
      await d.pair.cmd('PUBLISH', 'axb', 'm');
      await expectFramesSorted(s, 3);
      await d.pair.cmd('PUBLISH', 'ab', 'm');
      await expectFramesSorted(s, 2);
      await expectQuiet(s);
    });

    it('PSUBSCRIBE patterns follow Redis glob rules', async () => {
      const s = await d.newPair();
      await multi(s, 5, 'PSUBSCRIBE', 'h?llo', 'h[ae]llo', 'h[^e]llo', 'h\\*', '[a-c]x');
      for (const chan of ['hello', 'hallo', 'hxllo', 'h*', 'hx', 'bx', 'dx', 'hllo']) {
        const reply = await d.pair.cmd('PUBLISH', chan, 'p');
        const n = Number(reply.toString().slice(1));
        await expectFramesSorted(s, n, `pmessages for ${chan}`);
      }
      await expectQuiet(s);
    });
  });

  describe('UNSUBSCRIBE and PUNSUBSCRIBE', () => {
    it('UNSUBSCRIBE names each channel with the count left, subscribed or not, patterns counting too', async () => {
      await multi(d.pair, 2, 'SUBSCRIBE', 'a', 'b');
      await multi(d.pair, 1, 'PSUBSCRIBE', 'p*');
      await multi(d.pair, 3, 'UNSUBSCRIBE', 'a', 'zz', 'a');
      await multi(d.pair, 2, 'PUNSUBSCRIBE', 'q*', 'p*');
      // A single confirmation is one frame, compared like any reply.
      await d.pair.cmd('UNSUBSCRIBE', 'b');
      await d.pair.cmd('GET', 'k');
    });

    it('UNSUBSCRIBE without arguments leaves every channel, and answers once with a null channel when there is none', async () => {
      await multi(d.pair, 1, 'UNSUBSCRIBE');
      await multi(d.pair, 1, 'PUNSUBSCRIBE');
      await multi(d.pair, 3, 'SUBSCRIBE', 'x', 'y', 'z');
      await multi(d.pair, 1, 'PSUBSCRIBE', 'p*');
      // Redis walks its own hash table; the counts then depend on the order, so compare the channels and counts apart.
      const f = await bothUnordered(d.pair, 3, 'UNSUBSCRIBE');
      expect(f.counts).to.deep.equal(['3', '2', '1']);
      await d.pair.cmd('UNSUBSCRIBE');
      await d.pair.cmd('PUNSUBSCRIBE');
      await d.pair.cmd('PING');
    });

    it('PUNSUBSCRIBE without arguments leaves every pattern and keeps the channels', async () => {
      await multi(d.pair, 1, 'SUBSCRIBE', 'c');
      await multi(d.pair, 2, 'PSUBSCRIBE', 'a*', 'b*');
      const f = await bothUnordered(d.pair, 2, 'PUNSUBSCRIBE');
      expect(f.counts).to.deep.equal(['2', '1']);
      await d.pair.cmd('PUBSUB', 'NUMPAT');
    });

    it('an unsubscribed channel no longer receives, and an emptied channel disappears from PUBSUB CHANNELS', async () => {
      const s = await d.newPair();
      await multi(s, 2, 'SUBSCRIBE', 'a', 'b');
      await multi(s, 1, 'UNSUBSCRIBE', 'a');
      await d.pair.cmd('PUBLISH', 'a', 'x');
      await d.pair.cmd('PUBSUB', 'CHANNELS');
      await d.pair.cmd('PUBSUB', 'NUMSUB', 'a', 'b');
      await expectQuiet(s);
    });
  });

  describe('RESP2 subscribed mode', () => {
    it('refuses other commands with the command name, subcommands by their full name', async () => {
      await multi(d.pair, 1, 'SUBSCRIBE', 'a');
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('set', 'k', 'v');
      await d.pair.cmd('CLIENT', 'LIST');
      await d.pair.cmd('PUBSUB', 'NUMPAT');
      await d.pair.cmd('PUBLISH', 'a', 'b');
      await d.pair.cmd('HELLO', '2');
      await d.pair.cmd('MULTI');
      await d.pair.cmd('NOSUCHCOMMAND');
      await d.pair.cmd('GET');
    });

    it('PING answers ["pong", message] while subscribed and PONG again afterwards', async () => {
      await multi(d.pair, 1, 'PSUBSCRIBE', 'x*');
      await d.pair.cmd('PING');
      await d.pair.cmd('PING', 'hey');
      await d.pair.cmd('PING', 'a', 'b');
      await multi(d.pair, 1, 'PUNSUBSCRIBE');
      await d.pair.cmd('PING');
      await d.pair.cmd('PING', 'hey');
    });

    it('RESET leaves subscribed mode and drops the subscriptions without confirmations', async () => {
      await multi(d.pair, 2, 'SUBSCRIBE', 'a', 'b');
      await multi(d.pair, 1, 'PSUBSCRIBE', 'a*');
      await d.pair.cmd('RESET');
      await d.pair.cmd('PUBLISH', 'a', 'x');
      await d.pair.cmd('PUBSUB', 'NUMPAT');
      await d.pair.cmd('PUBSUB', 'NUMSUB', 'a', 'b');
      await expectQuiet(d.pair);
    });

    it('QUIT is allowed while subscribed and ends the subscriptions', async () => {
      const s = await d.newPair();
      await multi(s, 1, 'SUBSCRIBE', 'gone');
      await s.cmd('QUIT');
      await untilNoSubscribers(d.pair, 'gone');
      await d.pair.cmd('PUBLISH', 'gone', 'x');
    });
  });

  describe('transactions', () => {
    it('SUBSCRIBE and PUBLISH queued in MULTI run at EXEC, and the connection is in subscribed mode after it', async () => {
      const req = 'MULTI\r\nSUBSCRIBE a b\r\nPUBLISH a x\r\nEXEC\r\nGET k\r\nPING\r\n';
      d.pair.redis.write(req);
      d.pair.faha.write(req);
      // +OK, two +QUEUED, EXEC's array, the message to itself, PUBLISH's count inside EXEC, the refusal, the pong.
      await expectFrames(d.pair, 8, 'MULTI with SUBSCRIBE');
    });
  });

  describe('RESP3', () => {
    it('confirmations and messages are push frames, and other commands run while subscribed', async () => {
      const s = await d.newPair();
      await s.both('HELLO', '3');
      await multi(s, 2, 'SUBSCRIBE', 'a', 'b');
      await multi(s, 1, 'PSUBSCRIBE', 'a*');
      await s.cmd('SET', 'k', 'v');
      await s.cmd('PING');
      await d.pair.cmd('PUBLISH', 'a', 'm');
      await expectFrames(s, 2);
      await multi(s, 1, 'UNSUBSCRIBE', 'zz');
      await bothUnordered(s, 2, 'UNSUBSCRIBE');
      await multi(s, 1, 'UNSUBSCRIBE');
      await multi(s, 1, 'PUNSUBSCRIBE');
      await multi(s, 1, 'PUNSUBSCRIBE');
    });

    it('a connection publishing to its own channel gets the push before the PUBLISH reply', async () => {
      const s = await d.newPair();
      await s.both('HELLO', '3');
      await multi(s, 1, 'SUBSCRIBE', 'me');
      await multi(s, 2, 'PUBLISH', 'me', 'hello');
      await s.cmd('PUBSUB', 'NUMSUB', 'me');
    });

    it('HELLO 2 while subscribed under RESP3 enters RESP2 subscribed mode', async () => {
      const s = await d.newPair();
      await s.both('HELLO', '3');
      await multi(s, 1, 'SUBSCRIBE', 'a');
      await s.both('HELLO', '2');
      await s.cmd('GET', 'k');
      await s.cmd('PING');
      await d.pair.cmd('PUBLISH', 'a', 'm');
      await expectFrames(s, 1);
    });
  });

  describe('PUBSUB', () => {
    it('CHANNELS lists active channels, all or matching a pattern', async () => {
      const s = await d.newPair();
      await d.pair.cmd('PUBSUB', 'CHANNELS');
      await multi(s, 4, 'SUBSCRIBE', 'news.a', 'news.b', 'sport', Buffer.from([0x6e, 0xff]));
      await multi(s, 1, 'PSUBSCRIBE', 'news.*');
      sameElements(...(await d.pair.both('PUBSUB', 'CHANNELS')));
      sameElements(...(await d.pair.both('PUBSUB', 'channels', 'news.*')));
      await d.pair.cmd('PUBSUB', 'CHANNELS', 'nothing*');
      await d.pair.cmd('PUBSUB', 'CHANNELS', 'a', 'b');
    });

    it('NUMSUB counts channel subscribers only, NUMPAT counts distinct patterns', async () => {
      const s1 = await d.newPair();
      const s2 = await d.newPair();
      await multi(s1, 2, 'SUBSCRIBE', 'a', 'b');
      await multi(s2, 1, 'SUBSCRIBE', 'a');
      await multi(s1, 2, 'PSUBSCRIBE', 'a*', 'b*');
      await multi(s2, 1, 'PSUBSCRIBE', 'a*');
      await d.pair.cmd('PUBSUB', 'NUMSUB');
      await d.pair.cmd('PUBSUB', 'NUMSUB', 'a', 'b', 'c', 'a');
      await d.pair.cmd('PUBSUB', 'NUMPAT');
    });

    it('HELP, unknown subcommands and wrong argument counts answer as in Redis', async () => {
      await d.pair.cmd('PUBSUB', 'HELP');
      await d.pair.cmd('pubsub', 'help');
      await d.pair.cmd('PUBSUB', 'HELP', 'x');
      await d.pair.cmd('PUBSUB', 'NUMPAT', 'x');
      await d.pair.cmd('PUBSUB', 'NOPE');
      await d.pair.cmd('PUBSUB');
      await d.pair.cmd('PUBLISH', 'a');
      await d.pair.cmd('SUBSCRIBE');
      await d.pair.cmd('PSUBSCRIBE');
    });

    it('sharded pub/sub is not served (sharded-pubsub-unserved)', async () => {
      const [r, f] = await d.pair.cmdKnown('sharded-pubsub-unserved', 'SPUBLISH', 'a', 'b');
      expect(show(r)).to.equal(show(Buffer.from(':0\r\n')));
      expect(f.toString()).to.match(/^-ERR unknown command 'SPUBLISH'/);
      const [, f2] = await d.pair.cmdKnown('sharded-pubsub-unserved', 'PUBSUB', 'SHARDCHANNELS');
      expect(f2.toString()).to.match(/^-ERR unknown subcommand 'SHARDCHANNELS'/);
    });
  });

  describe('connections', () => {
    it('a closed connection leaves its channels and patterns', async () => {
      const s = await d.newPair();
      await multi(s, 2, 'SUBSCRIBE', 'c1', 'c2');
      await multi(s, 1, 'PSUBSCRIBE', 'c*');
      s.close();
      await untilNoSubscribers(d.pair, 'c1');
      await d.pair.cmd('PUBSUB', 'NUMSUB', 'c1', 'c2');
      await d.pair.cmd('PUBSUB', 'NUMPAT');
      await d.pair.cmd('PUBLISH', 'c1', 'x');
    });

    it('CLIENT LIST reports sub= and psub= for a subscribed connection', async () => {
      const s = await d.newPair();
      await s.both('HELLO', '3');
      await multi(s, 3, 'SUBSCRIBE', 'a', 'b', 'c');
      await multi(s, 1, 'PSUBSCRIBE', 'x*');
      const [r, f] = await s.both('CLIENT', 'INFO');
      const fields = (b: Buffer) => / sub=\d+ psub=\d+ ssub=\d+ /.exec(b.toString())?.[0];
      expect(fields(f)).to.equal(fields(r));
      expect(fields(f)).to.equal(' sub=3 psub=1 ssub=0 ');
    });
  });

  it('random subscribe, unsubscribe and publish across connections answer as Redis does', async function () {
    this.timeout(30000);
    const rand = prng(20240607);
    const subs = [d.pair, await d.newPair(), await d.newPair()];
    const publisher = await d.newPair();
    const model = new Map(subs.map((s) => [s, { channels: new Set<string>(), patterns: new Set<string>() }]));
    const channels = ['a', 'b', 'c', 'ab', 'news.1', 'news.2'];
    const patterns = ['a*', '*b', 'news.*', '?', 'n[e]ws.?'];
    const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
    const some = <T>(xs: T[]) => Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(xs));
    for (let i = 0; i < 1500; i++) {
      const s = pick(subs);
      const m = model.get(s)!;
      const op = rand();
      if (op < 0.2) {
        const names = some(channels);
        await multi(s, names.length, 'SUBSCRIBE', ...names);
        for (const c of names) m.channels.add(c);
      } else if (op < 0.35) {
        const names = some(patterns);
        await multi(s, names.length, 'PSUBSCRIBE', ...names);
        for (const p of names) m.patterns.add(p);
      } else if (op < 0.45) {
        const names = some(channels);
        await multi(s, names.length, 'UNSUBSCRIBE', ...names);
        for (const c of names) m.channels.delete(c);
      } else if (op < 0.5) {
        const names = some(patterns);
        await multi(s, names.length, 'PUNSUBSCRIBE', ...names);
        for (const p of names) m.patterns.delete(p);
      } else if (op < 0.55) {
        const own = rand() < 0.5 ? m.channels : m.patterns;
        await bothUnordered(s, Math.max(1, own.size), own === m.channels ? 'UNSUBSCRIBE' : 'PUNSUBSCRIBE');
        own.clear();
      } else if (op < 0.9) {
        const chan = pick(channels);
        await publisher.cmd('PUBLISH', chan, `m${i}`);
        // Each subscriber's share; several patterns of one connection arrive in Redis's hash order.
        for (const t of subs) {
          const tm = model.get(t)!;
          const n = (tm.channels.has(chan) ? 1 : 0) + [...tm.patterns].filter((p) => stringMatch(p, chan)).length;
          if (n > 0) await expectFramesSorted(t, n, `messages for ${chan}`);
        }
      } else if (op < 0.95) await publisher.cmd('PUBSUB', 'NUMSUB', ...some(channels));
      else await publisher.cmd('PUBSUB', 'NUMPAT');
    }
    for (const t of subs) await expectQuiet(t, 5);
  });
});

/**
 * Sends a command answered by `n` confirmation frames in Redis's hash order (UNSUBSCRIBE without arguments): the
 * frames' names must be the same set, and the counts (which fall by one each frame) the same sequence.
 */
async function bothUnordered(s: Pair, n: number, ...args: string[]): Promise<{ counts: string[] }> {
  s.redis.send(...args);
  s.faha.send(...args);
  const read = async (c: Pair['redis']) => {
    const out: Buffer[] = [];
    for (let i = 0; i < n; i++) out.push(await c.readRaw());
    return out;
  };
  const [r, f] = await Promise.all([read(s.redis), read(s.faha)]);
  const names = (xs: Buffer[]) => xs.map((b) => b.toString('latin1').replace(/:\d+\r\n$/, '')).sort();
  const counts = (xs: Buffer[]) => xs.map((b) => /:(\d+)\r\n$/.exec(b.toString('latin1'))?.[1] ?? '?');
  expect(names(f), 'the same names').to.deep.equal(names(r));
  expect(counts(f), 'the same counts in order').to.deep.equal(counts(r));
  return { counts: counts(f) };
}

/** Polls until the server side has seen a closed subscriber go (a close is noticed asynchronously). */
async function untilNoSubscribers(p: Pair, channel: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const [r, f] = await p.both('PUBSUB', 'NUMSUB', channel);
    if (r.toString().endsWith(':0\r\n') && f.toString().endsWith(':0\r\n')) return;
    await sleep(10);
  }
  throw new Error(`${channel} still has subscribers`);
}
