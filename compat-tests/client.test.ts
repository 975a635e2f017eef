// Differential: the CLIENT subcommands, byte for byte against redis-server where the replies can match (ids,
// addresses and memory figures differ by nature and are compared field by field instead).
import { expect } from 'chai';
import { differential, show, type Pair } from './harness.js';
import type { RawClient } from '../server/testing/raw-client.js';

type Arg = string | Buffer | number;

function sendBoth(p: Pair, ...args: Arg[]): void {
  p.redis.send(...args);
  p.faha.send(...args);
}

/** Runs `fn` against each server's side of the pair (e.g. with that server's own client id); replies must match. */
async function perServer(p: Pair, fn: (c: RawClient) => Promise<Buffer>): Promise<Buffer> {
  const [r, f] = await Promise.all([fn(p.redis), fn(p.faha)]);
  expect(show(f)).to.equal(show(r));
  return f;
}

/** The next reply on each side (a reply that was held back), compared. */
async function nextBoth(p: Pair): Promise<Buffer> {
  const [r, f] = await Promise.all([p.redis.readRaw(), p.faha.readRaw()]);
  expect(show(f)).to.equal(show(r));
  return f;
}

/**
 * A new pair whose connections both servers have accepted: connect() resolves on the kernel's handshake, which can
 * come before the server's event loop has taken the connection, so a filter matched by address could miss it.
 */
async function servedPair(d: { newPair(): Promise<Pair> }): Promise<Pair> {
  const p = await d.newPair();
  await p.cmd('PING');
  return p;
}

async function clientId(c: RawClient): Promise<number> {
  return (await c.decoded('CLIENT', 'ID')) as number;
}

/** "ip:port" of the client end of a connection, as the server sees it. */
function peerAddr(c: RawClient): string {
  return `${c.socket.localAddress}:${c.socket.localPort}`;
}

/** Fields whose values differ between two servers by nature: identity, and Redis's memory layout. */
const VARYING = new Set(['id', 'addr', 'laddr', 'fd', 'age', 'idle', 'qbuf-free', 'rbs', 'rbp', 'tot-mem']);

function fields(line: string): [string, string][] {
  return line.split(' ').map((kv) => {
    const i = kv.indexOf('=');
    return [kv.slice(0, i), kv.slice(i + 1)];
  });
}

/** CLIENT INFO / LIST text without its RESP2 bulk or RESP3 verbatim framing. */
function infoText(reply: Buffer): { frame: string; lines: string[] } {
  const s = reply.toString('latin1');
  const body = s.slice(s.indexOf('\r\n') + 2, -2);
  const frame = s[0];
  const text = frame === '=' ? body.slice(4) : body;
  expect(text.endsWith('\n'), `ends with a newline: ${show(reply)}`).to.equal(true);
  return { frame: frame === '=' ? `=…txt:` : frame, lines: text.slice(0, -1).split('\n').filter((l) => l !== '') };
}

/** Same framing, same fields in the same order, same values except the naturally varying ones. */
function expectSameInfo(r: Buffer, f: Buffer): void {
  const ri = infoText(r);
  const fi = infoText(f);
  expect(fi.frame).to.equal(ri.frame);
  expect(fi.lines.length, `lines of ${show(f)} vs ${show(r)}`).to.equal(ri.lines.length);
  ri.lines.forEach((rl, i) => {
    const rf = fields(rl);
    const ff = fields(fi.lines[i]);
    expect(ff.map(([k]) => k)).to.deep.equal(rf.map(([k]) => k));
    ff.forEach(([k, v], j) => {
      if (VARYING.has(k)) expect(v, k).to.match(/^\S*$/);
      else expect(`${k}=${v}`).to.equal(`${k}=${rf[j][1]}`);
    });
  });
}

describe('compat: CLIENT', () => {
  const d = differential();

  it('CLIENT HELP lists the subcommands as Redis 7.0 does', async () => {
    await d.pair.cmd('CLIENT', 'HELP');
    await d.pair.cmd('client', 'help');
    await d.pair.cmd('CLIENT', 'HELP', 'extra');
  });

  it('CLIENT without a known subcommand or with the wrong arity is refused', async () => {
    await d.pair.cmd('CLIENT');
    await d.pair.cmd('CLIENT', 'NOSUCH');
    await d.pair.cmd('CLIENT', 'ID', 'extra');
    await d.pair.cmd('CLIENT', 'GETNAME', 'extra');
    await d.pair.cmd('CLIENT', 'INFO', 'extra');
    await d.pair.cmd('CLIENT', 'UNPAUSE', 'extra');
  });

  it('CLIENT ID is an integer that CLIENT LIST ID finds', async () => {
    await d.pair.cmdLoosely('CLIENT', 'ID');
    const found = await perServer(d.pair, async (c) => {
      const id = await clientId(c);
      const line = (await c.decoded('CLIENT', 'LIST', 'ID', id)) as string;
      return Buffer.from(String(line.startsWith(`id=${id} `)));
    });
    expect(found.toString()).to.equal('true');
  });

  it('CLIENT SETNAME sets and clears the name, and refuses spaces and special characters', async () => {
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('CLIENT', 'SETNAME', 'my-client_1:!~');
    await d.pair.cmd('CLIENT', 'GETNAME');
    for (const bad of ['a b', 'a\nb', 'tab\t', Buffer.from([0x61, 0]), Buffer.from([0x7f]), Buffer.from('caf\xe9', 'latin1')]) {
      await d.pair.cmd('CLIENT', 'SETNAME', bad);
    }
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('CLIENT', 'SETNAME', '');
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('CLIENT', 'SETNAME');
    await d.pair.cmd('CLIENT', 'SETNAME', 'a', 'b');
  });

  it('CLIENT GETNAME answers the RESP3 null without a name', async () => {
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('CLIENT', 'SETNAME', 'n3');
    await d.pair.cmd('CLIENT', 'GETNAME');
  });

  it('CLIENT INFO has Redis 7.0.15 fields, in order, with the same values where they do not depend on memory layout', async () => {
    const [r, f] = await d.pair.both('CLIENT', 'INFO');
    expectSameInfo(r, f);
    await d.pair.cmd('SELECT', '2');
    await d.pair.cmd('CLIENT', 'SETNAME', 'named');
    await d.pair.cmd('CLIENT', 'NO-EVICT', 'on');
    const [r2, f2] = await d.pair.both('CLIENT', 'INFO');
    expectSameInfo(r2, f2);
  });

  it('CLIENT INFO is a verbatim string under RESP3 and reports resp=3', async () => {
    await perServer(d.pair, async (c) => Buffer.from((await c.call('HELLO', '3')).subarray(0, 4)));
    const [r, f] = await d.pair.both('CLIENT', 'INFO');
    expectSameInfo(r, f);
    expect(f.toString().startsWith('=')).to.equal(true);
  });

  it('CLIENT INFO counts the input received with it and the arguments of the command that asks', async () => {
    await d.pair.raw('*1\r\n$4\r\nPING\r\n*2\r\n$6\r\nCLIENT\r\n$4\r\nINFO\r\n');
    const [r, f] = await Promise.all([d.pair.redis.readRaw(), d.pair.faha.readRaw()]);
    expectSameInfo(r, f);
    expect(show(f)).to.include(' qbuf=40 ').and.include(' argv-mem=10 ').and.include(' obl=7 ');
  });

  it('CLIENT LIST shows a MONITOR client with flag O and the command it last ran', async () => {
    const m = await d.newPair();
    const ids = [await clientId(m.redis), await clientId(m.faha)];
    await m.cmd('MONITOR');
    const seen = await perServer(d.pair, async (c) => {
      const line = (await c.decoded('CLIENT', 'LIST', 'ID', c === d.pair.redis ? ids[0] : ids[1])) as string;
      return Buffer.from(/flags=\S+/.exec(line)![0] + ' ' + /cmd=\S+/.exec(line)![0]);
    });
    expect(seen.toString()).to.equal('flags=O cmd=monitor');
  });

  it('CLIENT LIST ID lists the given connections in the order asked, repeats included', async () => {
    const other = await d.newPair();
    await perServer(d.pair, async (c) => {
      const o = c === d.pair.redis ? other.redis : other.faha;
      const [me, them] = [await clientId(c), await clientId(o)];
      const reply = await c.call('CLIENT', 'LIST', 'ID', them, me, '999999', them);
      const ids = infoText(reply).lines.map((l) => Number(/^id=(\d+)/.exec(l)![1]));
      return Buffer.from(JSON.stringify(ids.map((i) => (i === me ? 'me' : i === them ? 'them' : i))));
    });
  });

  it('CLIENT LIST filters by type and refuses malformed options', async () => {
    for (const t of ['master', 'replica', 'slave', 'pubsub', 'MASTER']) await d.pair.cmd('CLIENT', 'LIST', 'TYPE', t);
    await d.pair.cmd('CLIENT', 'LIST', 'TYPE', 'nosuch');
    await d.pair.cmd('CLIENT', 'LIST', 'TYPE');
    await d.pair.cmd('CLIENT', 'LIST', 'TYPE', 'normal', 'x');
    await d.pair.cmd('CLIENT', 'LIST', 'x');
    await d.pair.cmd('CLIENT', 'LIST', 'ID');
    await d.pair.cmd('CLIENT', 'LIST', 'ID', 'x');
    await d.pair.cmd('CLIENT', 'LIST', 'ID', '1', '2x');
    await d.pair.cmd('CLIENT', 'LIST', 'ID', '0', '-5', '99999999');
    await d.pair.cmd('CLIENT', 'LIST', 'FOO', 'bar', 'baz');
    await perServer(d.pair, async (c) => {
      const all = infoText(await c.call('CLIENT', 'LIST')).lines.length;
      const normal = infoText(await c.call('CLIENT', 'LIST', 'TYPE', 'normal')).lines.length;
      return Buffer.from(String(all === normal && all >= 1));
    });
  });

  it('CLIENT KILL refuses bad filters in the order it reads them', async () => {
    await d.pair.cmd('CLIENT', 'KILL');
    await d.pair.cmd('CLIENT', 'KILL', '1.2.3.4:5');
    await d.pair.cmd('CLIENT', 'KILL', 'ID');
    for (const id of ['x', '0', '-1', '1.5', '99999999999999999999']) await d.pair.cmd('CLIENT', 'KILL', 'ID', id);
    await d.pair.cmd('CLIENT', 'KILL', 'TYPE', 'nosuch');
    await d.pair.cmd('CLIENT', 'KILL', 'USER', 'nobody');
    await d.pair.cmd('CLIENT', 'KILL', 'SKIPME', 'maybe');
    await d.pair.cmd('CLIENT', 'KILL', 'MAXAGE', '1');
    await d.pair.cmd('CLIENT', 'KILL', 'ID', '5', 'ID');
    await d.pair.cmd('CLIENT', 'KILL', 'TYPE', 'nosuch', 'ID', 'x');
    await d.pair.cmd('CLIENT', 'KILL', 'ID', 'x', 'TYPE', 'nosuch');
    await d.pair.cmd('CLIENT', 'KILL', 'ID', '999999');
    for (const t of ['normal', 'master', 'replica', 'slave', 'pubsub']) await d.pair.cmd('CLIENT', 'KILL', 'TYPE', t, 'ID', '999999');
    await d.pair.cmd('CLIENT', 'KILL', 'ADDR', '1.2.3.4:5', 'LADDR', '1.2.3.4:6', 'USER', 'default', 'SKIPME', 'no');
  });

  it('CLIENT KILL ID closes exactly that connection and counts it', async () => {
    const victim = await d.newPair();
    const bystander = await d.newPair();
    await perServer(d.pair, async (c) => {
      const v = c === d.pair.redis ? victim.redis : victim.faha;
      return c.call('CLIENT', 'KILL', 'ID', await clientId(v));
    });
    expect(await victim.faha.waitClosed()).to.equal(true);
    expect(await victim.redis.waitClosed()).to.equal(true);
    await bystander.cmd('PING');
    await d.pair.cmd('PING');
  });

  it('CLIENT KILL <addr> (old form) answers OK, or No such client once it is gone', async () => {
    const victim = await servedPair(d);
    await perServer(d.pair, (c) => c.call('CLIENT', 'KILL', peerAddr(c === d.pair.redis ? victim.redis : victim.faha)));
    expect(await victim.faha.waitClosed()).to.equal(true);
    await perServer(d.pair, (c) => c.call('CLIENT', 'KILL', peerAddr(c === d.pair.redis ? victim.redis : victim.faha)));
  });

  it('CLIENT KILL <own addr> (old form) kills the caller after its OK', async () => {
    await perServer(d.pair, (c) => c.call('CLIENT', 'KILL', peerAddr(c)));
    expect(await d.pair.faha.waitClosed()).to.equal(true);
    expect(await d.pair.redis.waitClosed()).to.equal(true);
  });

  it('CLIENT KILL ADDR and LADDR filter by the two ends of the connection, skipping the caller unless SKIPME no', async () => {
    const victim = await servedPair(d);
    await perServer(d.pair, (c) => c.call('CLIENT', 'KILL', 'ADDR', peerAddr(c === d.pair.redis ? victim.redis : victim.faha), 'SKIPME', 'yes'));
    expect(await victim.faha.waitClosed()).to.equal(true);
    const a = await servedPair(d);
    const b = await servedPair(d);
    // LADDR matches every connection to the server; the caller is skipped by default.
    await perServer(a, (c) => c.call('CLIENT', 'KILL', 'LADDR', `127.0.0.1:${c.socket.remotePort}`, 'TYPE', 'normal'));
    expect(await b.faha.waitClosed()).to.equal(true);
    expect(await d.pair.faha.waitClosed()).to.equal(true);
    await a.cmd('PING');
    await perServer(a, (c) => c.call('CLIENT', 'KILL', 'USER', 'default', 'SKIPME', 'no'));
    expect(await a.faha.waitClosed()).to.equal(true);
    expect(await a.redis.waitClosed()).to.equal(true);
  });

  it('CLIENT REPLY OFF drops replies, errors included, until CLIENT REPLY ON', async () => {
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'OFF');
    sendBoth(d.pair, 'PING');
    sendBoth(d.pair, 'NOSUCHCOMMAND');
    sendBoth(d.pair, 'GET');
    sendBoth(d.pair, 'SET', 'k', 'v');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    await d.pair.cmd('CLIENT', 'REPLY', 'ON');
    await d.pair.cmd('GET', 'k');
  });

  it('CLIENT REPLY SKIP drops only the reply of the next command', async () => {
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    sendBoth(d.pair, 'ECHO', 'skipped');
    await d.pair.cmd('ECHO', 'shown');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    sendBoth(d.pair, 'ECHO', 'skipped too');
    await d.pair.cmd('ECHO', 'shown too');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'ON');
    await d.pair.cmd('ECHO', 'after on');
    await d.pair.raw('*3\r\n$6\r\nCLIENT\r\n$5\r\nREPLY\r\n$4\r\nSKIP\r\n*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$1\r\nz\r\n');
  });

  it('CLIENT REPLY refuses other modes and wrong arity', async () => {
    await d.pair.cmd('CLIENT', 'REPLY', 'MAYBE');
    await d.pair.cmd('CLIENT', 'REPLY');
    await d.pair.cmd('CLIENT', 'REPLY', 'ON', 'OFF');
    await d.pair.cmd('client', 'reply', 'on');
  });

  it('CLIENT NO-EVICT switches flag e on and off', async () => {
    await d.pair.cmd('CLIENT', 'NO-EVICT', 'on');
    await d.pair.cmd('CLIENT', 'NO-EVICT', 'maybe');
    await d.pair.cmd('CLIENT', 'NO-EVICT');
    const [r, f] = await d.pair.both('CLIENT', 'INFO');
    expectSameInfo(r, f);
    await d.pair.cmd('CLIENT', 'NO-EVICT', 'OFF');
    const [r2, f2] = await d.pair.both('CLIENT', 'INFO');
    expectSameInfo(r2, f2);
  });

  it('CLIENT PAUSE checks the mode before the timeout, and refuses extra arguments', async () => {
    await d.pair.cmd('CLIENT', 'PAUSE');
    await d.pair.cmd('CLIENT', 'PAUSE', 'x', 'nosuch');
    for (const t of ['x', '-1', '1.5', '99999999999999999999']) await d.pair.cmd('CLIENT', 'PAUSE', t);
    await d.pair.cmd('CLIENT', 'PAUSE', '10', 'ALL', 'x');
    await d.pair.cmd('client', 'pause', '10', 'all', 'x');
    await d.pair.cmd('CLIENT', 'PAUSE', '0');
    await d.pair.cmd('CLIENT', 'PAUSE', '0', 'write');
    // The end overflows a signed 64-bit integer in Redis 7.0 and lands in the past: nothing is paused.
    await d.pair.cmd('CLIENT', 'PAUSE', '9223372036854775807');
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('CLIENT', 'UNPAUSE');
  });

  it('CLIENT PAUSE WRITE holds writes but not reads, and CLIENT UNPAUSE releases them in order', async () => {
    const writer = await d.newPair();
    await d.pair.cmd('CLIENT', 'PAUSE', '5000', 'WRITE');
    await writer.cmd('GET', 'k');
    await writer.cmd('NOSUCH');
    await writer.cmd('SET', 'k');
    sendBoth(writer, 'SET', 'k', 'v');
    sendBoth(writer, 'GET', 'k');
    await new Promise((r) => setTimeout(r, 150));
    expect(writer.faha.pending.length).to.equal(0);
    expect(writer.redis.pending.length).to.equal(0);
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('CLIENT', 'UNPAUSE');
    await nextBoth(writer);
    await nextBoth(writer);
  });

  it('CLIENT PAUSE ALL holds every command until it expires, even CLIENT UNPAUSE, but not a MONITOR client', async () => {
    const m = await d.newPair();
    await m.cmd('MONITOR');
    const other = await d.newPair();
    await d.pair.cmd('CLIENT', 'PAUSE', '5000');
    sendBoth(other, 'PING');
    sendBoth(d.pair, 'CLIENT', 'UNPAUSE');
    await new Promise((r) => setTimeout(r, 150));
    expect(other.faha.pending.length).to.equal(0);
    expect(d.pair.faha.pending.length).to.equal(0);
    await m.cmd('CLIENT', 'UNPAUSE');
    await nextBoth(other);
    await nextBoth(d.pair);
  });

  it('CLIENT SETINFO (Redis 7.2) is served by faha only', async () => {
    const [r, f] = await d.pair.cmdKnown('client-setinfo', 'CLIENT', 'SETINFO', 'LIB-NAME', 'ioredis');
    expect(r.toString()).to.match(/^-ERR unknown subcommand/);
    expect(f.toString()).to.equal('+OK\r\n');
    expect((await d.pair.faha.call('CLIENT', 'SETINFO', 'lib-ver', '1.2.3')).toString()).to.equal('+OK\r\n');
    expect((await d.pair.faha.call('CLIENT', 'SETINFO', 'LIB-VER', 'bad value')).toString()).to.equal('-ERR LIB-VER cannot contain spaces, newlines or special characters.\r\n');
    expect((await d.pair.faha.call('CLIENT', 'SETINFO', 'lib-other', 'x')).toString()).to.equal("-ERR Unrecognized option 'lib-other'\r\n");
    expect((await d.pair.faha.call('CLIENT', 'SETINFO', 'lib-name')).toString()).to.equal("-ERR wrong number of arguments for 'client|setinfo' command\r\n");
  });
});
