// Differential: the request protocol itself. Raw bytes go to redis-server and faha; what each sends back (byte
// for byte) and whether each then closes the connection must match: protocol errors, limits, inline splitting,
// pipelines, chunked delivery.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { RawClient } from '../server/testing/raw-client.js';
import { startFaha, startRedis, type RunningServer } from '../server/testing/servers.js';
import { INLINE_CASES } from '../server/resp/inline.test.js';
import { differential, Pair, show } from './harness.js';

const MB = 1024 * 1024;

interface Seen {
  bytes: string;
  closed: boolean;
}

/**
 * Sends `input` to both servers of the pair and returns what each sent back and whether it closed. A server
 * that is expected to close is given up to 3 s; one that stays open is watched until it has sent as many bytes as
 * Redis (at least `settleMs`).
 */
async function exchange(p: Pair, input: Buffer | string, expectClose: boolean, settleMs = 150, catchUpMs = 3000): Promise<[Seen, Seen]> {
  p.redis.write(input);
  p.faha.write(input);
  if (expectClose) {
    await Promise.all([p.redis.waitClosed(3000), p.faha.waitClosed(3000)]);
  } else {
    await new Promise((r) => setTimeout(r, settleMs));
    const deadline = Date.now() + catchUpMs;
    while (p.faha.pending.length < p.redis.pending.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
  const seen = (c: RawClient): Seen => ({ bytes: show(c.pending), closed: c.closed });
  return [seen(p.redis), seen(p.faha)];
}

function bytes(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

/** The start of a request, for failure messages. */
function head(input: Buffer | string): string {
  const b = typeof input === 'string' ? bytes(input) : input;
  return show(b.subarray(0, 60)) + (b.length > 60 ? `… (${b.length} bytes)` : '');
}

/** The same bytes to both; both must answer alike and close (or stay open) alike. Returns Redis's answer. */
async function same(p: Pair, input: Buffer | string, expectClose: boolean): Promise<string> {
  const [r, f] = await exchange(p, input, expectClose);
  expect(f, `faha vs redis for ${head(input)}`).to.deep.equal(r);
  expect(r.closed, `redis closes after ${head(input)}`).to.equal(expectClose);
  return JSON.parse(r.bytes) as string;
}

/** A deliberate difference a test shows must be listed, with its reason, in known-differences.json. */
function expectKnown(id: string): void {
  const known = JSON.parse(readFileSync(join(PROJECT_ROOT, 'compat-tests', 'known-differences.json'), 'utf8')) as { id: string }[];
  expect(known.some((k) => k.id === id), `known-differences.json has an entry "${id}"`).to.equal(true);
}

describe('compat: protocol errors', () => {
  const d = differential();

  async function closesWith(input: string | Buffer, error: string): Promise<void> {
    const got = await same(await d.newPair(), input, true);
    expect(got.endsWith(`-${error}\r\n`), `ends with the error: ${JSON.stringify(got)}`).to.equal(true);
  }

  it('unbalanced quotes in an inline request are answered with an error, then the connection is closed', async () => {
    for (const line of ['SET "a b\r\n', "SET 'a\r\n", '"a"b\r\n', "GET 'k'x\r\n", 'PING "\\"\r\n']) {
      await closesWith(line, 'ERR Protocol error: unbalanced quotes in request');
    }
  });

  it('a bad multibulk length is answered with an error, then the connection is closed', async () => {
    for (const h of ['*x', '*', '*-', '*1x', '*01', '*+1', '* 1', '*-0', '*2147483648', '*-9999999999999999999', '*99999999999999999999']) {
      await closesWith(`${h}\r\n`, 'ERR Protocol error: invalid multibulk length');
    }
  });

  it("an argument that does not start with '$' is named in the error", async () => {
    await closesWith('*1\r\n+PING\r\n', "ERR Protocol error: expected '$', got '+'");
    await closesWith('*2\r\n$4\r\nECHO\r\n:1\r\n', "ERR Protocol error: expected '$', got ':'");
    await closesWith('*1\r\n*1\r\n$4\r\nPING\r\n', "ERR Protocol error: expected '$', got '*'");
    await closesWith('*1\r\nPING\r\n', "ERR Protocol error: expected '$', got 'P'");
  });

  it("a CR where '$' was expected is reported as a space", async () => {
    await closesWith('*1\r\n\r\n', "ERR Protocol error: expected '$', got ' '");
  });

  it("a non-ASCII byte where '$' was expected is reported as that byte", async () => {
    await closesWith(bytes('*1\r\n\xff4\r\n'), "ERR Protocol error: expected '$', got '\xff'");
  });

  it('an invalid bulk length is answered with an error, then the connection is closed', async () => {
    for (const h of ['$-1', '$x', '$', '$-0', '$00', '$+5', '$5 ', '$536870913', '$2147483647', '$9223372036854775808']) {
      await closesWith(`*1\r\n${h}\r\n`, 'ERR Protocol error: invalid bulk length');
    }
  });

  it('huge declared lengths within the limits wait for their data without an answer', async () => {
    for (const h of ['*2147483647\r\n', '*1\r\n$536870912\r\n', '*1048577\r\n$4\r\nPING\r\n']) {
      const got = await same(await d.newPair(), h, false);
      expect(got).to.equal('');
    }
  });

  it('an inline request longer than 64 KiB without a newline is refused', async () => {
    expect(await same(await d.newPair(), 'a'.repeat(64 * 1024), false)).to.equal('');
    await closesWith('a'.repeat(64 * 1024 + 1), 'ERR Protocol error: too big inline request');
  });

  it('a multibulk count string longer than 64 KiB is refused', async () => {
    expect(await same(await d.newPair(), '*' + '1'.repeat(64 * 1024 - 1), false)).to.equal('');
    await closesWith('*' + '1'.repeat(64 * 1024), 'ERR Protocol error: too big mbulk count string');
  });

  it('an inline line of 100 KB sent at once is refused as Redis refuses it, and by faha however it is split', async () => {
    const line = bytes(`PING ${'a'.repeat(100000)}\r\n`);
    const [r, f] = await exchange(await d.newPair(), line, true);
    expect(r).to.deep.equal({ bytes: show(bytes('-ERR Protocol error: too big inline request\r\n')), closed: true });
    expect(f).to.deep.equal(r);
    // Split, Redis's answer depends on how its reads grew (it accepts this line sent as 10000 bytes, then the rest);
    // faha's does not.
    expectKnown('inline-length-read-granularity');
    for (const firstPart of [10000, 70000]) {
      const p = await d.newPair();
      p.faha.write(line.subarray(0, firstPart));
      await new Promise((res) => setTimeout(res, 20));
      p.faha.write(line.subarray(firstPart));
      expect(await p.faha.waitClosed(3000), `faha closed (first part ${firstPart} bytes)`).to.equal(true);
      expect(show(p.faha.pending)).to.equal(show(bytes('-ERR Protocol error: too big inline request\r\n')));
    }
  });

  it('a bulk count string longer than 64 KiB is refused', async () => {
    await closesWith('*1\r\n$' + '1'.repeat(64 * 1024), 'ERR Protocol error: too big bulk count string');
  });

  it('commands before a bad one in the same packet are still answered, in order', async () => {
    const got = await same(await d.newPair(), 'PING\r\n*1\r\n$4\r\nPING\r\nSET k v\r\nGET k\r\n*2\r\n$3\r\nGET\r\n!1\r\nPING\r\n', true);
    expect(got).to.equal("+PONG\r\n+PONG\r\n+OK\r\n$1\r\nv\r\n-ERR Protocol error: expected '$', got '!'\r\n");
  });

  it('a command whose bulk is cut short by the bad part is never run', async () => {
    await same(await d.newPair(), '*3\r\n$3\r\nSET\r\n$1\r\nq\r\n*1\r\n', true);
    await d.pair.cmd('GET', 'q');
  });

  it('under RESP3 protocol errors are the same simple errors, and close the connection', async () => {
    const p = await d.newPair();
    await p.both('HELLO', '3');
    expect(await same(p, 'PING\r\n*1\r\n:1\r\n', true)).to.equal("+PONG\r\n-ERR Protocol error: expected '$', got ':'\r\n");
  });

  it('other connections keep working after one sent a protocol error', async () => {
    await closesWith('*x\r\n', 'ERR Protocol error: invalid multibulk length');
    await d.pair.cmd('PING');
  });
});

describe('compat: protocol framing', () => {
  const d = differential();

  it('empty multibulks (*0, *-1) and blank inline lines are skipped without a reply', async () => {
    expect(await same(await d.newPair(), '*0\r\n*-1\r\n*-100\r\n\r\n\n   \r\nPING\r\n', false)).to.equal('+PONG\r\n');
  });

  it('the byte after a header CR and the two after a bulk are skipped unchecked', async () => {
    expect(await same(await d.newPair(), '*1\rX$4\rYPINGxx*2\r\n$4\r\nPING\r\n$2\r\nhi\n\n', false)).to.equal('+PONG\r\n$2\r\nhi\r\n');
  });

  it('an inline line may end in a bare LF', async () => {
    expect(await same(await d.newPair(), 'PING\nPING a\n', false)).to.equal('+PONG\r\n$1\r\na\r\n');
  });

  it('a NUL before the end of an inline line keeps the line waiting', async () => {
    expect(await same(await d.newPair(), bytes('PI\0NG\r\nPING\r\n'), false)).to.equal('');
  });

  it('a pipeline mixing inline and multibulk commands is answered in order', async () => {
    const input = 'PING\r\n*3\r\n$3\r\nSET\r\n$1\r\na\r\n$3\r\nb c\r\nGET a\r\n*2\r\n$3\r\nGET\r\n$1\r\na\r\nSET "x y" \'1 2\'\nGET "x y"\r\nDEL a "x y"\r\n';
    expect(await same(await d.newPair(), input, false)).to.equal('+PONG\r\n+OK\r\n$3\r\nb c\r\n$3\r\nb c\r\n+OK\r\n$3\r\n1 2\r\n:2\r\n');
  });

  it('a pipeline delivered a few bytes at a time is answered exactly as when sent whole', async () => {
    const input = bytes('*3\r\n$3\r\nSET\r\n$2\r\nk\x00\r\n$4\r\n\r\n\xff\x00\r\nGET k\r\n*2\r\n$3\r\nGET\r\n$2\r\nk\x00\r\nPING "a b"\r\n*1\r\n$4\r\nPING\r\n');
    const p = await d.newPair();
    for (let i = 0; i < input.length; i += 3) {
      p.redis.write(input.subarray(i, i + 3));
      p.faha.write(input.subarray(i, i + 3));
      await new Promise((r) => setImmediate(r));
    }
    const [r, f] = await exchange(p, '', false, 100);
    expect(f).to.deep.equal(r);
    expect(JSON.parse(r.bytes)).to.equal('+OK\r\n$-1\r\n$4\r\n\r\n\xff\x00\r\n$3\r\na b\r\n+PONG\r\n');
  });

  it('a value of 1 MiB (the big-argument path) round-trips, also when it arrives in pieces', async () => {
    const value = Buffer.alloc(MB);
    for (let i = 0; i < value.length; i++) value[i] = (i * 7) & 0xff;
    await d.pair.cmd('SET', 'big', value);
    await d.pair.cmd('GET', 'big');
    const p = await d.newPair();
    const req = Buffer.concat([bytes(`*3\r\n$3\r\nSET\r\n$3\r\nbig\r\n$${value.length}\r\n`), value, bytes('\r\n*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n')]);
    for (const cut of [10, 40000, 500000, req.length - 3]) {
      p.redis.write(req.subarray(0, cut));
      p.faha.write(req.subarray(0, cut));
      await new Promise((r) => setTimeout(r, 5));
      p.redis.write(req.subarray(cut));
      p.faha.write(req.subarray(cut));
      const [r1, f1] = await Promise.all([p.redis.readRaw(), p.faha.readRaw()]);
      expect(show(f1)).to.equal(show(r1));
      const [r2, f2] = await Promise.all([p.redis.readRaw(), p.faha.readRaw()]);
      expect(f2.equals(r2), `GET after a cut at ${cut}`).to.equal(true);
    }
  });

  it('inline lines are split into arguments exactly as Redis splits them', async () => {
    // Unknown-command errors quote every argument, which makes the split visible.
    const printable = INLINE_CASES.map(([line]) => line).filter((l) => !/[\x00\x80-\xff]|\\x(00|[89a-fA-F])/.test(l));
    await compareInline(d, printable);
  });

  it('random inline lines of quotes, escapes and blanks are split exactly as Redis splits them', async () => {
    const alphabet = ['c', 'd', ' ', ' ', '"', '"', "'", '\\', '\\', 'n', 'r', 't', 'x', '4', '1', '\t', '\x0b', '\x0c'];
    let seed = 12345;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const lines: string[] = [];
    for (let i = 0; i < 300; i++) {
      let l = '';
      for (let j = 1 + rnd(24); j > 0; j--) l += alphabet[rnd(alphabet.length)];
      lines.push(l);
    }
    await compareInline(d, lines);
  });
});

/** Sends `X <line>` for each line; the unknown-command error (or protocol error and close) must be identical. */
async function compareInline(d: ReturnType<typeof differential>, lines: string[]): Promise<void> {
  let p = await d.newPair();
  for (const line of lines) {
    const r = await p.raw(bytes(`X ${line}\r\n`));
    if (r.toString('latin1').startsWith('-ERR Protocol error')) {
      const closed = await Promise.all([p.redis.waitClosed(), p.faha.waitClosed()]);
      expect(closed, `both close after ${JSON.stringify(line)}`).to.deep.equal([true, true]);
      p = await d.newPair();
    }
  }
}

describe('compat: proto-max-bulk-len', () => {
  const d = differential({ args: ['--proto-max-bulk-len', '1mb'] });

  it('a bulk longer than proto-max-bulk-len is refused at its header', async () => {
    await same(await d.newPair(), `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${MB + 1}\r\n`, true);
    await same(await d.newPair(), `*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${MB}\r\n`, false);
  });

  it('a bulk of exactly proto-max-bulk-len is accepted', async () => {
    const value = Buffer.alloc(MB, 0x61);
    await d.pair.cmd('SET', 'k', value);
    const [r, f] = await d.pair.both('GET', 'k');
    expect(f.equals(r)).to.equal(true);
  });
});

describe('compat: client-query-buffer-limit', () => {
  const d = differential({ args: ['--client-query-buffer-limit', '1mb'] });

  it('a client whose query buffer exceeds client-query-buffer-limit is closed without a reply', async () => {
    const p = await d.newPair();
    const input = Buffer.concat([bytes(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${2 * MB}\r\n`), Buffer.alloc(2 * MB + 2, 0x62), bytes('PING\r\n')]);
    const [r, f] = await exchange(p, input, true);
    expect(f).to.deep.equal(r);
    expect(r).to.deep.equal({ bytes: '""', closed: true });
    await d.pair.cmd('GET', 'k');
  });

  it('an unfinished command of 10000 arguments counts their memory toward the limit in faha only (known difference)', async () => {
    expectKnown('query-buffer-limit-counts-pending-arguments');
    const request = bytes('*20000\r\n' + '$1\r\nx\r\n'.repeat(10000));
    // Whole, and with most arguments in the last read (60000 bytes fit one 64 KiB read): then nothing arrives
    // after they are parsed, so the limit must be checked after parsing, not only when input comes.
    for (const firstPart of [request.length, request.length - 60000]) {
      const p = await d.newPair();
      p.redis.write(request.subarray(0, firstPart));
      p.faha.write(request.subarray(0, firstPart));
      await new Promise((r) => setTimeout(r, 50));
      const [r] = await exchange(p, request.subarray(firstPart), false, 300);
      expect(r).to.deep.equal({ bytes: '""', closed: false });
      // faha closes the connection; on a loaded machine that can take longer than the 300 ms Redis is given.
      expect(await p.faha.waitClosed(3000), `faha closed the connection (first part ${firstPart} bytes)`).to.equal(true);
      expect(show(p.faha.pending), 'what faha sent first').to.equal('""');
    }
  });

  it('a long pipeline of small commands is not limited by the query buffer limit', async () => {
    const input = 'PING\r\n'.repeat(300000);
    const p = await d.newPair();
    // Generous catch-up time: what is tested is that nothing is cut off, not how fast 300k inline commands run.
    const [r, f] = await exchange(p, input, false, 300, 15000);
    expect(f.bytes.length).to.equal(r.bytes.length);
    expect(f).to.deep.equal(r);
  });
});

describe('compat: protocol limits before AUTH', () => {
  let redis: RunningServer;
  let faha: RunningServer;
  const pairs: Pair[] = [];
  const newPair = async () => {
    const p = new Pair(await RawClient.connect(redis.port), await RawClient.connect(faha.port));
    pairs.push(p);
    return p;
  };

  before(async function () {
    this.timeout(30000);
    [redis, faha] = await Promise.all([startRedis({ args: ['--requirepass', 'pw'] }), startFaha({ args: ['--requirepass', 'pw'] })]);
  });
  afterEach(() => {
    for (const p of pairs.splice(0)) p.close();
  });
  after(async function () {
    this.timeout(30000);
    await Promise.all([redis?.stop(), faha?.stop()]);
  });

  it('an unauthenticated client may send at most 10 arguments', async () => {
    expect(await same(await newPair(), '*11\r\n', true)).to.equal('-ERR Protocol error: unauthenticated multibulk length\r\n');
    expect(await same(await newPair(), '*10\r\n', false)).to.equal('');
  });

  it('an unauthenticated client may send bulks of at most 16384 bytes', async () => {
    expect(await same(await newPair(), '*2\r\n$4\r\nPING\r\n$16385\r\n', true)).to.equal('-ERR Protocol error: unauthenticated bulk length\r\n');
    const ok = `*2\r\n$4\r\nPING\r\n$16384\r\n${'z'.repeat(16384)}\r\n`;
    expect(await same(await newPair(), ok, false)).to.match(/^-NOAUTH/);
  });

  it('an invalid length is reported as invalid, not as unauthenticated', async () => {
    await same(await newPair(), '*x\r\n', true);
    await same(await newPair(), '*1\r\n$536870913\r\n', true);
  });

  it('commands refused with NOAUTH come before the protocol error of the same packet', async () => {
    expect(await same(await newPair(), 'GET k\r\n*1\r\n$4\r\nPING\r\n*12\r\n', true)).to.match(/^-NOAUTH.*-NOAUTH.*-ERR Protocol error: unauthenticated multibulk length\r\n$/s);
  });

  it('the limits no longer apply once the client has authenticated', async function () {
    const p = await newPair();
    await p.cmd('AUTH', 'pw');
    const args = Array.from({ length: 11 }, (_, i) => `a${i}`);
    await p.cmd('DEL', ...args);
    await p.cmd('SET', 'k', 'v'.repeat(20000));
    await p.cmd('DEL', 'k');
  });
});
