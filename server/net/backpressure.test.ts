// Behaviour: output backpressure. A client that pipelines a lot and does not read its replies must neither pin
// unbounded memory in the server nor slow the other clients down, and must get every reply, in order, once it
// reads again.
import { expect } from 'chai';
import { connect, type Socket } from 'node:net';
import { RawClient } from '../testing/raw-client.js';
import { encodeCommand } from '../testing/resp-frame.js';
import { startFaha, type RunningServer } from '../testing/servers.js';

const VALUE = 64 * 1024;
const GETS = 1500;

function openPaused(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = connect({ port, host: '127.0.0.1' }, () => resolve(s));
    s.once('error', reject);
  });
}

/** The CLIENT LIST line of the connection whose client port is `port`. */
async function lineOf(observer: RawClient, port: number): Promise<string> {
  const list = (await observer.decoded('CLIENT', 'LIST')) as string;
  const line = list.split('\n').find((l) => l.includes(`addr=127.0.0.1:${port} `));
  if (line === undefined) throw new Error(`no client on port ${port} in ${list}`);
  return line;
}

function field(line: string, name: string): number {
  return Number(new RegExp(` ${name}=(\\d+)`).exec(line)![1]);
}

// Both socket layers: the epoll poller (the default on Linux) and Node's streams (elsewhere).
for (const layer of [
  { name: 'epoll sockets', env: {} },
  { name: "Node's streams", env: { FAHA_CLIENT_IO: 'streams' } },
]) describe(`net: backpressure (${layer.name})`, function () {
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ env: layer.env });
  });
  after(async () => {
    await faha.stop();
  });

  it('a client that pipelines big replies without reading is held to a bounded backlog while others are served', async () => {
    const setup = await RawClient.connect(faha.port);
    await setup.call('SET', 'big', Buffer.alloc(VALUE, 0x61));
    const slow = await openPaused(faha.port);
    slow.pause();
    const request = Buffer.concat(Array.from({ length: GETS }, () => encodeCommand(['GET', 'big'])));
    slow.write(request);
    await new Promise((r) => setTimeout(r, 300));

    const t0 = Date.now();
    for (let i = 0; i < 20; i++) expect((await setup.call('PING')).toString()).to.equal('+PONG\r\n');
    expect(Date.now() - t0, 'other clients are served promptly').to.be.below(1000);

    const line = await lineOf(setup, slow.localPort!);
    // The server stopped at about 1 MiB of queued output instead of queueing ~96 MiB of replies.
    expect(field(line, 'omem') + field(line, 'obl'), line).to.be.below(4 * 1024 * 1024);
    expect(line, 'reading from the slow client is paused').to.match(/ events=w? /);

    let received = 0;
    slow.on('data', (d: Buffer) => (received += d.length));
    slow.resume();
    const expected = GETS * (`$${VALUE}\r\n`.length + VALUE + 2);
    const deadline = Date.now() + 15000;
    while (received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received).to.equal(expected);
    slow.destroy();
    setup.close();
  });

  it('a client that pipelines many small commands without reading gets every reply once it reads', async () => {
    const n = 100000;
    const slow = await openPaused(faha.port);
    slow.pause();
    const one = encodeCommand(['ECHO', 'x']);
    slow.write(Buffer.concat(Array.from({ length: n }, () => one)));
    await new Promise((r) => setTimeout(r, 200));
    const observer = await RawClient.connect(faha.port);
    expect((await observer.call('PING')).toString()).to.equal('+PONG\r\n');
    const chunks: Buffer[] = [];
    slow.on('data', (d: Buffer) => chunks.push(d));
    slow.resume();
    const expected = n * '$1\r\nx\r\n'.length;
    const deadline = Date.now() + 15000;
    while (chunks.reduce((a, c) => a + c.length, 0) < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const all = Buffer.concat(chunks);
    expect(all.length).to.equal(expected);
    expect(all.equals(Buffer.from('$1\r\nx\r\n'.repeat(n)))).to.equal(true);
    slow.destroy();
    observer.close();
  });

  it('reading resumes after a reply over the high-water mark that the kernel took in one write', async function () {
    // One MGET answers 1.2 MB in one contiguous buffer (values under 16 KiB are copied, not referenced), which
    // pauses reading. The kernel takes it in one synchronous write, and Node follows such a write with no
    // 'drain'; the PING queued behind it must still be answered (a CI failure: reading stayed paused forever).
    this.timeout(20000);
    const c = await RawClient.connect(faha.port);
    const keys = Array.from({ length: 80 }, (_, i) => `mid-${i}`);
    for (const k of keys) await c.call('SET', k, Buffer.alloc(15000, 0x62));
    for (let round = 0; round < 5; round++) {
      c.write(Buffer.concat([encodeCommand(['MGET', ...keys]), encodeCommand(['PING'])]));
      expect((await c.readRaw(3000)).length, `round ${round}`).to.equal(`*80\r\n`.length + 80 * '$15000\r\n'.length + 80 * 15002);
      expect((await c.readRaw(3000)).toString(), `round ${round}`).to.equal('+PONG\r\n');
    }
    c.close();
  });
});
