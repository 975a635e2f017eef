// Behaviour of client sockets under the epoll poller (net/epoll-sockets.ts), where it differs in mechanism from
// Node's streams: a peer that half-closes, a peer that vanishes, and many clients served in one turn.
import { expect } from 'chai';
import { connect, type Socket } from 'node:net';
import { RawClient } from '../testing/raw-client.js';
import { encodeCommand } from '../testing/resp-frame.js';
import { startFaha, type RunningServer } from '../testing/servers.js';
import { createServer, type Server } from 'node:net';
import { EpollSockets } from './epoll-sockets.js';

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function readToClose(s: Socket, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => reject(new Error(`the server did not close within ${timeoutMs} ms; got ${Buffer.concat(chunks).toString()}`)), timeoutMs);
    s.on('data', (d: Buffer) => chunks.push(d));
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

describe('net: epoll sockets', function () {
  let faha: RunningServer;
  before(async () => {
    // appendfsync always: replies wait for the msync, so they are still held when the peer's FIN is read.
    faha = await startFaha({ args: ['--appendfsync', 'always'] });
  });
  after(async () => {
    await faha.stop();
  });

  it('a client that sends commands and half-closes gets every reply, then the server closes', async () => {
    const s = await open(faha.port);
    const done = readToClose(s, 5000);
    s.end(Buffer.concat([encodeCommand(['SET', 'hc', 'v1']), encodeCommand(['APPEND', 'hc', '2']), encodeCommand(['GET', 'hc'])]));
    expect((await done).toString()).to.equal('+OK\r\n:3\r\n$3\r\nv12\r\n');
    const c = await RawClient.connect(faha.port);
    expect((await c.call('GET', 'hc')).toString(), 'the writes were applied').to.equal('$3\r\nv12\r\n');
    c.close();
  });

  it('a client that resets the connection mid-pipeline is dropped and the server serves the next one', async () => {
    const s = await open(faha.port);
    s.write(Buffer.concat(Array.from({ length: 2000 }, (_, i) => encodeCommand(['SET', `rst-${i}`, 'x']))));
    s.resetAndDestroy();
    const c = await RawClient.connect(faha.port);
    expect((await c.call('PING')).toString()).to.equal('+PONG\r\n');
    // The reset is noticed in one of the server's next turns.
    let list = '';
    for (let i = 0; i < 100; i++) {
      list = (await c.decoded('CLIENT', 'LIST')) as string;
      if (list.trim().split('\n').length === 1) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(list.trim().split('\n'), list).to.have.length(1);
    c.close();
  });

  it('clients whose big replies leave in the same turn and do not read get all of them, in order, once they read', async () => {
    const setup = await RawClient.connect(faha.port);
    const value = Buffer.alloc(64 * 1024, 0x7a);
    await setup.call('SET', 'turn-big', value);
    const gets = 200;
    const request = Buffer.concat(Array.from({ length: gets }, () => encodeCommand(['GET', 'turn-big'])));
    const slow = await Promise.all(Array.from({ length: 5 }, () => open(faha.port)));
    for (const s of slow) s.pause();
    // Written back to back, so the server reads them in one turn and their replies share one batched write.
    for (const s of slow) s.write(request);
    await new Promise((r) => setTimeout(r, 300));
    expect((await setup.call('PING')).toString(), 'others are served meanwhile').to.equal('+PONG\r\n');
    const one = Buffer.concat([Buffer.from(`$${value.length}\r\n`), value, Buffer.from('\r\n')]);
    const got = await Promise.all(
      slow.map(async (s) => {
        let n = 0;
        let ok = true;
        s.on('data', (d: Buffer) => {
          // Every byte must be where the sequence of identical replies puts it.
          for (let i = 0; i < d.length && ok; i++) ok = d[i] === one[(n + i) % one.length];
          n += d.length;
        });
        s.resume();
        const deadline = Date.now() + 15000;
        while (n < gets * one.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return { n, ok };
      }),
    );
    for (const g of got) expect(g).to.deep.equal({ n: gets * one.length, ok: true });
    for (const s of slow) s.destroy();
    setup.close();
  });

  it('200 clients pipelining at once each get their own replies, in order', async () => {
    const clients = await Promise.all(Array.from({ length: 200 }, () => RawClient.connect(faha.port)));
    const replies = await Promise.all(
      clients.map(async (c, i) => {
        c.write(Buffer.concat([encodeCommand(['SET', `many-${i}`, String(i)]), encodeCommand(['INCR', `many-${i}`]), encodeCommand(['GET', `many-${i}`])]));
        const want = `+OK\r\n:${i + 1}\r\n$${String(i + 1).length}\r\n${i + 1}\r\n`;
        let got = '';
        while (got.length < want.length) got += (await c.readRaw(5000)).toString();
        return [got, want];
      }),
    );
    for (const [got, want] of replies) expect(got).to.equal(want);
    for (const c of clients) c.close();
  });
  it('pollNow reads and delivers input that arrived during the turn, without the event loop turning', async function () {
    const hub = EpollSockets.open();
    if (hub === null) this.skip();
    const accepted: Socket[] = [];
    const server: Server = createServer({ pauseOnConnect: true }, (s) => accepted.push(s));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = await open((server.address() as { port: number }).port);
    while (accepted.length === 0) await new Promise((r) => setTimeout(r, 5));
    const received: string[] = [];
    const s = hub!.adopt(accepted[0])!;
    s.start({ data: (b) => received.push(b.toString()), drain: () => {}, full: () => {}, end: () => {}, gone: () => {} });
    try {
      client.write('PING\r\n');
      // No await from here: only pollNow can bring the bytes in. Loopback usually has them at once; allow 2 s.
      const until = Date.now() + 2000;
      while (received.length === 0 && Date.now() < until) hub!.pollNow();
      expect(received).to.deep.equal(['PING\r\n']);
    } finally {
      s.destroy();
      client.destroy();
      hub!.close();
      server.close();
    }
  });
});
