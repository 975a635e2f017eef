// Behaviour: the connection registry against a running faha: maxclients, idle timeouts, CLIENT KILL, CLIENT
// PAUSE as other clients see it, QUIT and protocol errors closing the connection, MONITOR addresses.
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { RawClient } from '../testing/raw-client.js';
import { startFaha, type RunningServer } from '../testing/servers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A command's reply on a MONITOR connection, skipping the monitor lines that arrive around it. */
async function monitorCall(m: RawClient, ...args: string[]): Promise<string> {
  m.send(...args);
  for (;;) {
    const r = (await m.readRaw()).toString();
    if (!/^\+\d+\.\d{6} \[/.test(r)) return r;
  }
}

const haveSs = spawnSync('ss', ['-V']).status === 0;

/** The kernel's timer column for the server end of the connection from `clientPort` (ss -o). */
function serverSocketTimer(serverPort: number, clientPort: number): string {
  const out = execFileSync('ss', ['-tnoH', 'state', 'established', `( sport = :${serverPort} and dport = :${clientPort} )`]).toString();
  return /timer:\((\w+)/.exec(out)?.[1] ?? 'none';
}

async function clientLine(observer: RawClient, id: number): Promise<string> {
  return (await observer.decoded('CLIENT', 'LIST', 'ID', id)) as string;
}

describe('net: maxclients', function () {
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ args: ['--maxclients', '2', '--tcp-keepalive', '0'] });
  });
  after(async () => {
    await faha.stop();
  });

  it('a client beyond maxclients gets the error and is closed, and its place frees when another leaves', async () => {
    const a = await RawClient.connect(faha.port);
    const b = await RawClient.connect(faha.port);
    expect((await a.call('PING')).toString()).to.equal('+PONG\r\n');
    expect((await b.call('PING')).toString()).to.equal('+PONG\r\n');
    const c = await RawClient.connect(faha.port);
    expect((await c.readRaw()).toString()).to.equal('-ERR max number of clients reached\r\n');
    expect(await c.waitClosed()).to.equal(true);
    b.close();
    await sleep(100);
    const d = await RawClient.connect(faha.port);
    expect((await d.call('PING')).toString()).to.equal('+PONG\r\n');
    a.close();
    d.close();
  });

  it('tcp-keepalive 0 leaves keepalive probes off', async function () {
    if (!haveSs) this.skip(); // needs iproute2's ss to read the socket's timer
    const c = await RawClient.connect(faha.port);
    await c.call('PING');
    expect(serverSocketTimer(faha.port, c.socket.localPort!)).to.equal('none');
    c.close();
  });
});

describe('net: idle timeout', function () {
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ args: ['--timeout', '1', '--hz', '50'] });
  });
  after(async () => {
    await faha.stop();
  });

  it('closes a client idle for more than timeout seconds, but not an active one, a monitor or a paused one', async () => {
    const idle = await RawClient.connect(faha.port);
    const active = await RawClient.connect(faha.port);
    const monitor = await RawClient.connect(faha.port);
    expect((await monitor.call('MONITOR')).toString()).to.equal('+OK\r\n');
    const pauser = await RawClient.connect(faha.port);
    const paused = await RawClient.connect(faha.port);
    expect((await pauser.call('CLIENT', 'PAUSE', '2600', 'WRITE')).toString()).to.equal('+OK\r\n');
    paused.send('SET', 'k', 'v');
    const t0 = Date.now();
    const pinger = setInterval(() => active.send('PING'), 300);
    const closedIn = idle.waitClosed(4000).then((closed) => (closed ? Date.now() - t0 : -1));
    const ms = await closedIn;
    clearInterval(pinger);
    // Idle for more than one whole second (Redis compares whole seconds), noticed by the next cron.
    expect(ms).to.be.within(1000, 3000);
    expect(active.closed).to.equal(false);
    expect(monitor.closed).to.equal(false);
    expect(paused.closed).to.equal(false);
    expect((await paused.readRaw(3000)).toString()).to.equal('+OK\r\n');
    for (const c of [active, monitor, pauser, paused]) c.close();
  });
});

describe('net: connections', function () {
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha();
  });
  after(async () => {
    await faha.stop();
  });

  it('tcp-keepalive (300 s by default) turns keepalive probes on for each client', async function () {
    if (!haveSs) this.skip(); // needs iproute2's ss to read the socket's timer
    const c = await RawClient.connect(faha.port);
    await c.call('PING');
    expect(serverSocketTimer(faha.port, c.socket.localPort!)).to.equal('keepalive');
    c.close();
  });

  it('CLIENT KILL ID closes the right connection and leaves the others working', async () => {
    const [a, b, c] = await Promise.all([RawClient.connect(faha.port), RawClient.connect(faha.port), RawClient.connect(faha.port)]);
    const idB = (await b.decoded('CLIENT', 'ID')) as number;
    expect((await a.call('CLIENT', 'KILL', 'ID', idB)).toString()).to.equal(':1\r\n');
    expect(await b.waitClosed()).to.equal(true);
    expect((await c.call('PING')).toString()).to.equal('+PONG\r\n');
    expect((await a.call('CLIENT', 'LIST', 'ID', idB)).toString()).to.equal('$0\r\n\r\n');
    a.close();
    c.close();
  });

  it('QUIT sends OK, waits for the replies before it, then closes', async () => {
    const c = await RawClient.connect(faha.port);
    c.write('*3\r\n$3\r\nSET\r\n$1\r\nq\r\n$1\r\n1\r\n*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n');
    expect(await c.waitClosed()).to.equal(true);
    expect(c.pending.toString()).to.equal('+OK\r\n+OK\r\n');
  });

  it('a protocol error is answered, then the connection closes', async () => {
    const c = await RawClient.connect(faha.port);
    c.write('*1\r\n$4\r\nPING\r\n*1\r\nx\r\n');
    expect(await c.waitClosed()).to.equal(true);
    expect(c.pending.toString()).to.equal("+PONG\r\n-ERR Protocol error: expected '$', got 'x'\r\n");
  });

  it('a client held by CLIENT PAUSE shows as blocked on its command, and runs it when the pause ends', async () => {
    const pauser = await RawClient.connect(faha.port);
    const writer = await RawClient.connect(faha.port);
    const id = (await writer.decoded('CLIENT', 'ID')) as number;
    expect((await pauser.call('CLIENT', 'PAUSE', '400', 'WRITE')).toString()).to.equal('+OK\r\n');
    const t0 = Date.now();
    writer.send('SET', 'paused', 'v');
    await sleep(100);
    const line = await clientLine(pauser, id);
    expect(line).to.match(/ flags=b /).and.match(/ qbuf=0 /).and.match(/ argv-mem=10 /).and.match(/ events=r cmd=set /);
    expect((await writer.readRaw()).toString()).to.equal('+OK\r\n');
    expect(Date.now() - t0).to.be.within(300, 1500);
    expect(await clientLine(pauser, id)).to.match(/ flags=N .* argv-mem=0 .* cmd=set /);
    pauser.close();
    writer.close();
  });

  it('a later CLIENT PAUSE can lengthen a pause or widen it to ALL, but never shorten or narrow it', async () => {
    const pauser = await RawClient.connect(faha.port);
    const reader = await RawClient.connect(faha.port);
    // A MONITOR client is never paused, so it can issue the second CLIENT PAUSE during the first.
    const monitor = await RawClient.connect(faha.port);
    expect((await monitor.call('MONITOR')).toString()).to.equal('+OK\r\n');
    const t0 = Date.now();
    expect((await pauser.call('CLIENT', 'PAUSE', '500', 'ALL')).toString()).to.equal('+OK\r\n');
    expect(await monitorCall(monitor, 'CLIENT', 'PAUSE', '10', 'WRITE')).to.equal('+OK\r\n');
    expect((await reader.call('GET', 'k')).toString()).to.equal('$-1\r\n');
    expect(Date.now() - t0, 'reads stayed paused for the whole first pause').to.be.above(450);
    expect(await monitorCall(monitor, 'CLIENT', 'PAUSE', '300', 'WRITE')).to.equal('+OK\r\n');
    expect(await monitorCall(monitor, 'CLIENT', 'PAUSE', '700', 'WRITE')).to.equal('+OK\r\n');
    const t1 = Date.now();
    expect((await reader.call('GET', 'k')).toString()).to.equal('$-1\r\n');
    expect(Date.now() - t1, 'a WRITE pause lets reads through').to.be.below(200);
    reader.send('SET', 'k', 'v');
    expect((await reader.readRaw()).toString()).to.equal('+OK\r\n');
    expect(Date.now() - t1, 'the longer of the two WRITE pauses holds writes').to.be.above(600);
    for (const c of [pauser, reader, monitor]) c.close();
  });

  it('MONITOR shows the address CLIENT LIST shows for the client', async () => {
    const m = await RawClient.connect(faha.port);
    expect((await m.call('MONITOR')).toString()).to.equal('+OK\r\n');
    const c = await RawClient.connect(faha.port);
    const info = (await c.decoded('CLIENT', 'INFO')) as string;
    const addr = /addr=(\S+)/.exec(info)![1];
    expect(addr).to.equal(`127.0.0.1:${c.socket.localPort}`);
    const line = (await m.readRaw()).toString();
    expect(line).to.match(new RegExp(`^\\+\\d+\\.\\d{6} \\[0 ${addr.replace(/\./g, '\\.')}\\] "CLIENT" "INFO"\\r\\n$`));
    m.close();
    c.close();
  });

  it('a client killed while its replies wait is dropped without disturbing the killer', async () => {
    const a = await RawClient.connect(faha.port);
    const b = await RawClient.connect(faha.port);
    const idB = (await b.decoded('CLIENT', 'ID')) as number;
    b.send('SET', 'x', 'y');
    a.send('CLIENT', 'KILL', 'ID', idB);
    a.send('PING');
    expect((await a.readRaw()).toString()).to.match(/^:[01]\r\n$/);
    expect((await a.readRaw()).toString()).to.equal('+PONG\r\n');
    expect(await b.waitClosed()).to.equal(true);
    a.close();
  });
});
