// Differential: the connection commands (PING, ECHO, SELECT, SWAPDB, HELLO, AUTH, RESET, QUIT) and MONITOR,
// byte for byte against redis-server, in RESP2 and RESP3. CLIENT has its own file (client.test.ts).
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { differential, show, type Pair } from './harness.js';
import type { RawClient } from '../server/testing/raw-client.js';

type Arg = string | Buffer | number;

const KNOWN_IDS = (JSON.parse(readFileSync(join(PROJECT_ROOT, 'compat-tests', 'known-differences.json'), 'utf8')) as { id: string }[]).map((k) => k.id);

/** Sends a command that has no reply (CLIENT REPLY OFF…) to both servers. */
function sendBoth(p: Pair, ...args: Arg[]): void {
  p.redis.send(...args);
  p.faha.send(...args);
}

/** HELLO's map carries the connection id, which differs between the servers. */
function withoutId(reply: Buffer): string {
  return reply.toString('latin1').replace(/(\$2\r\nid\r\n):\d+\r\n/, '$1:<id>\r\n');
}

async function helloBoth(p: Pair, ...args: Arg[]): Promise<string> {
  const [r, f] = await p.both('HELLO', ...args);
  expect(withoutId(f), `HELLO ${args.join(' ')}`).to.equal(withoutId(r));
  return withoutId(f);
}

/** The value of one field of a CLIENT INFO line. */
function infoField(reply: Buffer, field: string): string {
  const m = new RegExp(`(?:^|[ :])${field}=(\\S*)`).exec(reply.toString('latin1'));
  if (m === null) throw new Error(`no ${field}= in ${show(reply)}`);
  return m[1];
}

/** Reads `n` MONITOR lines and masks what differs between servers (time, client address). */
async function monitorLines(c: RawClient, n: number): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const line = (await c.readRaw()).toString('latin1');
    out.push(line.replace(/^\+\d+\.\d{6} \[(\d+) [^\]]+\]/, '+<time> [$1 <addr>]'));
  }
  return out;
}

describe('compat: connection commands', () => {
  const d = differential();

  it('PING answers PONG or its argument, and refuses a second argument', async () => {
    await d.pair.cmd('PING');
    await d.pair.cmd('PING', '');
    await d.pair.cmd('PING', Buffer.from([0, 255, 13, 10]));
    await d.pair.cmd('PING', 'a', 'b');
    await d.pair.cmd('ping', 'a', 'b', 'c');
  });

  it('ECHO returns its argument byte for byte and needs exactly one', async () => {
    await d.pair.cmd('ECHO', 'hello world');
    await d.pair.cmd('ECHO', '');
    await d.pair.cmd('ECHO', Buffer.from([0, 1, 128, 255]));
    await d.pair.cmd('ECHO', 'x'.repeat(20000));
    await d.pair.cmd('ECHO');
    await d.pair.cmd('ECHO', 'a', 'b');
  });

  it('SELECT switches the database of the connection only', async () => {
    await d.pair.cmd('SET', 'k', 'zero');
    await d.pair.cmd('SELECT', '1');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SET', 'k', 'one');
    const other = await d.newPair();
    await other.cmd('GET', 'k');
    await d.pair.cmd('SELECT', '0');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SELECT', '15');
  });

  it('SELECT refuses indexes that are not integers or out of range', async () => {
    for (const bad of ['16', '-1', 'x', '1.0', '01', ' 1', '', '2147483648', '99999999999999999999']) await d.pair.cmd('SELECT', bad);
    await d.pair.cmd('SELECT');
    await d.pair.cmd('SELECT', '1', '2');
  });

  it('SWAPDB exchanges two databases for every connection', async () => {
    await d.pair.cmd('SET', 'k', 'in-zero');
    await d.pair.cmd('SWAPDB', '0', '1');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SELECT', '1');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SWAPDB', '1', '1');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SWAPDB', '1', '0');
    await d.pair.cmd('GET', 'k');
  });

  it('SWAPDB checks the first index, then the second, then the range', async () => {
    await d.pair.cmd('SWAPDB', 'x', 'y');
    await d.pair.cmd('SWAPDB', '0', 'y');
    await d.pair.cmd('SWAPDB', '-1', '0');
    await d.pair.cmd('SWAPDB', '0', '16');
    await d.pair.cmd('SWAPDB', '2147483648', '0');
    await d.pair.cmd('SWAPDB', '0');
  });

  it('HELLO without arguments describes the server in the current protocol', async () => {
    await helloBoth(d.pair);
    await helloBoth(d.pair, '2');
  });

  it('HELLO 3 answers with a RESP3 map and later replies use RESP3', async () => {
    const reply = await helloBoth(d.pair, '3');
    expect(reply.startsWith('%7\r\n')).to.equal(true);
    await d.pair.cmd('GET', 'missing');
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('PING');
    await helloBoth(d.pair);
    await helloBoth(d.pair, '2');
    await d.pair.cmd('GET', 'missing');
  });

  it('HELLO refuses protocol versions it does not speak before reading options', async () => {
    for (const v of ['1', '4', '0', '-3', 'x', '3.0', '99999999999999999999']) await d.pair.cmd('HELLO', v);
    await d.pair.cmd('HELLO', '4', 'SETNAME', 'never');
    await d.pair.cmd('CLIENT', 'GETNAME');
  });

  it('HELLO options are applied in order, so SETNAME before a syntax error sticks', async () => {
    await d.pair.cmd('HELLO', '2', 'SETNAME', 'first', 'BOGUS');
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('HELLO', '3', 'setname');
    await d.pair.cmd('HELLO', '3', 'AUTH', 'default');
    await d.pair.cmd('HELLO', '3', 'SETNAME', 'bad name');
    await d.pair.cmd('HELLO', '3', 'SETNAME', 'a', 'SETNAME', Buffer.from([0xff]));
    await d.pair.cmd('CLIENT', 'GETNAME');
    await helloBoth(d.pair, '2', 'setname', '', 'SETNAME', 'last');
    await d.pair.cmd('CLIENT', 'GETNAME');
  });

  it('HELLO AUTH without requirepass accepts the default user with any password, and no other user', async () => {
    await helloBoth(d.pair, '3', 'AUTH', 'default', 'anything');
    await d.pair.cmd('HELLO', '3', 'AUTH', 'nobody', 'x');
    await d.pair.cmd('HELLO', '2', 'AUTH', 'Default', 'x');
  });

  it('AUTH without requirepass explains the configuration, and checks the user in the two-argument form', async () => {
    await d.pair.cmd('AUTH', 'pw');
    await d.pair.cmd('AUTH', 'default', 'pw');
    await d.pair.cmd('AUTH', 'other', 'pw');
    await d.pair.cmd('AUTH', 'a', 'b', 'c');
    await d.pair.cmd('AUTH');
  });

  it('RESET returns to database 0, RESP2, no name and replies on, but keeps no-evict', async () => {
    await d.pair.cmd('SELECT', '3');
    await d.pair.cmd('CLIENT', 'SETNAME', 'before');
    await d.pair.cmd('CLIENT', 'NO-EVICT', 'on');
    await helloBoth(d.pair, '3');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'OFF');
    await d.pair.cmd('RESET');
    await d.pair.cmd('CLIENT', 'GETNAME');
    await d.pair.cmd('GET', 'missing');
    const [r, f] = await d.pair.both('CLIENT', 'INFO');
    for (const field of ['db', 'name', 'flags', 'resp']) expect(infoField(f, field), field).to.equal(infoField(r, field));
    expect(infoField(f, 'flags')).to.equal('e');
  });

  it('RESET under CLIENT REPLY SKIP resets silently', async () => {
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'SKIP');
    sendBoth(d.pair, 'RESET');
    await d.pair.cmd('ECHO', 'after');
    await d.pair.cmd('RESET', 'extra');
  });

  it('QUIT replies OK and closes, ignoring what was pipelined after it', async () => {
    await d.pair.raw('*1\r\n$4\r\nQUIT\r\n*1\r\n$4\r\nPING\r\n');
    const [r, f] = await Promise.all([d.pair.redis.waitClosed(), d.pair.faha.waitClosed()]);
    expect([r, f]).to.deep.equal([true, true]);
    expect(show(d.pair.faha.pending)).to.equal(show(d.pair.redis.pending));
  });

  it('QUIT accepts arguments and needs no authentication', async () => {
    const p = await d.newPair();
    await p.cmd('QUIT', 'now', 'please');
    expect(await p.faha.waitClosed()).to.equal(true);
  });

  it('QUIT under CLIENT REPLY OFF closes without a reply (Redis 7.0 leaves it open: quit-under-reply-off)', async () => {
    expect(KNOWN_IDS).to.include('quit-under-reply-off');
    sendBoth(d.pair, 'CLIENT', 'REPLY', 'OFF');
    sendBoth(d.pair, 'QUIT');
    const [r, f] = await Promise.all([d.pair.redis.waitClosed(300), d.pair.faha.waitClosed(300)]);
    expect({ redis: r, faha: f }).to.deep.equal({ redis: false, faha: true });
    expect(d.pair.faha.pending.length).to.equal(0);
  });
});

describe('compat: MONITOR', () => {
  const d = differential();

  it('MONITOR answers OK, then shows each command after it ran, with the database it left selected', async () => {
    const m = await d.newPair();
    await m.cmd('MONITOR');
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('SELECT', '5');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('SELECT', 'x');
    await d.pair.cmd('ECHO', Buffer.from('q"\\\n\r\t\x07\x08\x01\x7f\xff é', 'latin1'));
    await d.pair.cmd('RESET');
    await d.pair.cmd('PING');
    const [r, f] = await Promise.all([monitorLines(m.redis, 7), monitorLines(m.faha, 7)]);
    expect(f).to.deep.equal(r);
  });

  it('MONITOR redacts the secrets of AUTH and HELLO AUTH once their syntax is known', async () => {
    const m = await d.newPair();
    await m.cmd('MONITOR');
    await d.pair.cmd('AUTH', 'secret');
    await d.pair.cmd('AUTH', 'default', 'secret');
    await d.pair.cmd('AUTH', 'a', 'b', 'c');
    await helloBoth(d.pair, '2', 'AUTH', 'default', 'pw', 'SETNAME', 'n');
    await d.pair.cmd('HELLO', '3', 'BOGUS', 'AUTH', 'default', 'pw');
    await d.pair.cmd('HELLO', '9', 'AUTH', 'default', 'pw');
    await d.pair.cmd('PING');
    const [r, f] = await Promise.all([monitorLines(m.redis, 7), monitorLines(m.faha, 7)]);
    expect(f).to.deep.equal(r);
  });

  it('MONITOR leaves out admin commands and commands the dispatcher rejected', async () => {
    const m = await d.newPair();
    await m.cmd('MONITOR');
    await d.pair.cmd('NOSUCHCOMMAND');
    await d.pair.cmd('GET');
    await d.pair.cmd('CLIENT', 'NOSUCH');
    await d.pair.cmd('CLIENT', 'KILL', 'ID', '999999');
    // Connection ids differ between the servers; the monitor line of CLIENT ID does not.
    await d.pair.cmdLoosely('CLIENT', 'ID');
    await d.pair.cmd('MONITOR');
    await d.pair.cmd('ECHO', 'last');
    const [r, f] = await Promise.all([monitorLines(m.redis, 2), monitorLines(m.faha, 2)]);
    expect(f).to.deep.equal(r);
  });

  it('a monitor client still runs commands, sees its own, gets no reply to a second MONITOR, and RESET ends it', async () => {
    const m = await d.newPair();
    await m.cmd('MONITOR');
    await m.cmd('PING');
    const [r1, f1] = await Promise.all([monitorLines(m.redis, 1), monitorLines(m.faha, 1)]);
    expect(f1).to.deep.equal(r1);
    sendBoth(m, 'MONITOR');
    await m.cmd('RESET');
    await m.cmd('PING');
    await d.pair.cmd('ECHO', 'unseen');
    await m.cmd('ECHO', 'done');
  });

  it('MONITOR lines are simple strings under RESP3 too', async () => {
    const m = await d.newPair();
    await helloBoth(m, '3');
    await m.cmd('MONITOR');
    await d.pair.cmd('PING');
    const [r, f] = await Promise.all([monitorLines(m.redis, 1), monitorLines(m.faha, 1)]);
    expect(f).to.deep.equal(r);
  });
});

describe('compat: authentication with requirepass', () => {
  const d = differential({ args: ['--requirepass', 'secret'] });

  it('every command but the no_auth ones answers NOAUTH before AUTH', async () => {
    const p = await d.newPair();
    for (const cmd of [['PING'], ['ECHO', 'a'], ['SELECT', '1'], ['CLIENT', 'ID'], ['MONITOR'], ['SWAPDB', '0', '1'], ['NOSUCH']]) await p.cmd(...cmd);
    await p.cmd('QUIT');
  });

  it('AUTH checks the password and a failed AUTH keeps an earlier success', async () => {
    const p = await d.newPair();
    await p.cmd('AUTH', 'wrong');
    await p.cmd('AUTH', 'default', 'wrong');
    await p.cmd('AUTH', 'nobody', 'secret');
    await p.cmd('PING');
    await p.cmd('AUTH', 'secret');
    await p.cmd('PING');
    await p.cmd('AUTH', 'wrong');
    await p.cmd('PING');
    await p.cmd('AUTH', 'default', 'secret');
  });

  it('HELLO needs authentication, but sets the name it was given before saying so', async () => {
    const p = await d.newPair();
    await p.cmd('HELLO');
    await p.cmd('HELLO', '3', 'SETNAME', 'early');
    await p.cmd('HELLO', '3', 'AUTH', 'default', 'wrong');
    await p.cmd('HELLO', '4', 'AUTH', 'default', 'secret');
    await p.cmd('AUTH', 'secret');
    await p.cmd('CLIENT', 'GETNAME');
  });

  it('HELLO AUTH authenticates even when a later option is wrong', async () => {
    const p = await d.newPair();
    await p.cmd('HELLO', '3', 'AUTH', 'default', 'secret', 'BOGUS');
    await p.cmd('PING');
    await helloBoth(p, '3', 'AUTH', 'default', 'secret');
    await p.cmd('CLIENT', 'GETNAME');
  });

  it('RESET drops the authentication', async () => {
    await d.pair.cmd('PING');
    await d.pair.cmd('RESET');
    await d.pair.cmd('PING');
    await d.pair.cmd('AUTH', 'secret');
    await d.pair.cmd('PING');
  });
});
