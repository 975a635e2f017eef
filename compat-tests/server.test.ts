// Differential: server commands — INFO's structure, DBSIZE, FLUSHDB/FLUSHALL, TIME, LASTSAVE, SAVE/BGSAVE,
// SHUTDOWN's grammar and errors, DEBUG SLEEP — against redis-server, byte for byte where values are comparable.
// Also: SHUTDOWN really stops faha and leaves a log that a restart on the same directory reads back.
import { expect } from 'chai';
import { RawClient } from '../server/testing/raw-client.js';
import { decodeReply, encodeCommand } from '../server/testing/resp-frame.js';
import { startFaha } from '../server/testing/servers.js';
import { differential, show, type Pair } from './harness.js';

interface InfoSection {
  title: string;
  fields: [string, string][];
}

/** INFO text → sections of [field, value]. */
function parseInfo(reply: Buffer): InfoSection[] {
  const text = decodeReply(reply).value as string;
  const out: InfoSection[] = [];
  for (const line of text.split('\r\n')) {
    if (line.startsWith('# ')) out.push({ title: line.slice(2), fields: [] });
    else if (line !== '') out[out.length - 1].fields.push([line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)]);
  }
  return out;
}

/** faha-only parts of INFO (known difference "info-faha-additions"). */
function withoutFahaAdditions(sections: InfoSection[]): InfoSection[] {
  return sections
    .filter((s) => s.title !== 'Faha')
    .map((s) => ({ title: s.title, fields: s.fields.filter(([k]) => !k.startsWith('faha_')) }));
}

async function infoBoth(pair: Pair, ...sections: string[]): Promise<[InfoSection[], InfoSection[]]> {
  const [r, f] = await pair.cmdKnown('info-values', 'INFO', ...sections);
  return [withoutFahaAdditions(parseInfo(r)), withoutFahaAdditions(parseInfo(f))];
}

function field(sections: InfoSection[], name: string): string | undefined {
  for (const s of sections) for (const [k, v] of s.fields) if (k === name) return v;
  return undefined;
}

async function waitForNoBgsave(c: RawClient): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const info = parseInfo(await c.call('INFO', 'persistence'));
    if (field(info, 'rdb_bgsave_in_progress') === '0') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('background save did not finish');
}

describe('compat: server commands', () => {
  // The reference runs with the AOF on: faha's log is an always-on append-only file, and INFO says so.
  const d = differential({ redisArgs: ['--appendonly', 'yes'] });

  it('INFO lists the same sections, in the same order, for no argument, default, all and everything', async () => {
    for (const args of [[], ['default'], ['all'], ['everything'], ['ALL', 'server'], ['default', 'commandstats']]) {
      const [r, f] = await infoBoth(d.pair, ...args);
      expect(f.map((s) => s.title), `INFO ${args.join(' ')}`).to.deep.equal(r.map((s) => s.title));
    }
  });

  it('INFO sections carry Redis fields in Redis order', async () => {
    for (const section of ['server', 'clients', 'memory', 'persistence', 'stats', 'replication', 'cpu', 'cluster']) {
      const [r, f] = await infoBoth(d.pair, section);
      expect(f[0].fields.map(([k]) => k), `INFO ${section}`).to.deep.equal(r[0].fields.map(([k]) => k));
    }
  });

  it('INFO reports the values clients rely on exactly as Redis does', async () => {
    const [r, f] = await infoBoth(d.pair);
    for (const name of ['redis_version', 'redis_mode', 'arch_bits', 'os', 'role', 'connected_clients', 'maxclients', 'cluster_enabled', 'aof_enabled', 'loading', 'connected_slaves']) {
      expect(field(f, name), name).to.equal(field(r, name));
    }
  });

  it('INFO picks sections in any case, keeps its own order, and answers an empty text for an unknown one', async () => {
    await d.pair.cmd('INFO', 'cluster', 'modules');
    await d.pair.cmd('INFO', 'CLUSTER');
    await d.pair.cmd('INFO', 'nosuchsection');
    await d.pair.cmd('INFO', 'nosuch', 'cluster', 'nosuch');
  });

  it('INFO keyspace has one keys=,expires=,avg_ttl= line per non-empty database', async () => {
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('SET', 'b', '2');
    await d.pair.cmd('PEXPIRE', 'b', '100000');
    await d.pair.cmd('SELECT', '3');
    await d.pair.cmd('SET', 'c', '3');
    await d.pair.cmd('SELECT', '0');
    const [r, f] = await infoBoth(d.pair, 'keyspace');
    const mask = (s: InfoSection[]) => s[0].fields.map(([k, v]) => `${k}:${v.replace(/avg_ttl=\d+/, 'avg_ttl=N')}`);
    expect(mask(f)).to.deep.equal(mask(r));
    expect(mask(f)).to.deep.equal(['db0:keys=2,expires=1,avg_ttl=N', 'db3:keys=1,expires=0,avg_ttl=N']);
  });

  it('INFO commandstats counts calls and failed calls per command, subcommands by their full name', async () => {
    await d.pair.cmd('CONFIG', 'RESETSTAT');
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('FLUSHALL', 'bogus');
    const [r, f] = await infoBoth(d.pair, 'commandstats');
    const mask = (s: InfoSection[]) =>
      s[0].fields.map(([k, v]) => `${k}:${v.replace(/usec=\d+,usec_per_call=[\d.]+/, 'usec=N')}`).sort();
    expect(mask(f)).to.deep.equal(mask(r));
    expect(mask(f)).to.include('cmdstat_get:calls=2,usec=N,rejected_calls=0,failed_calls=0');
  });

  it('INFO errorstats and latencystats list the same errors and commands as Redis', async () => {
    await d.pair.cmd('CONFIG', 'RESETSTAT');
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('FLUSHALL', 'bogus');
    await d.pair.cmd('GET');
    await d.pair.cmd('LPUSHX_NO_SUCH_COMMAND');
    const [rr, fr] = await d.pair.both('INFO', 'errorstats', 'latencystats');
    const [r, f] = [parseInfo(rr), parseInfo(fr)];
    expect(f.map((s) => s.title)).to.deep.equal(r.map((s) => s.title));
    const mask = (s: InfoSection) => s.fields.map(([k, v]) => `${k}:${v.replace(/=[\d.]+/g, '=N')}`).sort();
    for (let i = 0; i < r.length; i++) expect(r[i].fields.length).to.be.above(0);
    for (let i = 0; i < f.length; i++) expect(mask(f[i])).to.deep.equal(mask(r[i]));
    const [rs, fs] = await d.pair.both('INFO', 'commandstats');
    const calls = (b: Buffer) => parseInfo(b)[0].fields.map(([k, v]) => `${k}:${v.replace(/usec=\d+,usec_per_call=[\d.]+,/, '')}`).sort();
    expect(calls(fs)).to.deep.equal(calls(rs));
  });

  it('INFO in RESP3 is a verbatim text reply', async () => {
    // HELLO's own reply names the server; only the replies after it are compared here.
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('INFO', 'cluster');
    await d.pair.cmd('INFO', 'nosuchsection');
  });

  it('DBSIZE counts the keys of the selected database', async () => {
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('SET', 'b', '1');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('SELECT', '5');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('SET', 'c', '1');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('DBSIZE', 'extra');
  });

  it('FLUSHDB empties only the selected database and FLUSHALL empties them all', async () => {
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('SELECT', '1');
    await d.pair.cmd('SET', 'b', '1');
    await d.pair.cmd('FLUSHDB');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('SELECT', '0');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('SET', 'c', '1');
    await d.pair.cmd('FLUSHALL', 'SYNC');
    await d.pair.cmd('DBSIZE');
    await d.pair.cmd('GET', 'a');
  });

  it('FLUSHDB and FLUSHALL take ASYNC or SYNC in any case and nothing else', async () => {
    for (const cmd of ['FLUSHDB', 'FLUSHALL']) {
      await d.pair.cmd(cmd, 'async');
      await d.pair.cmd(cmd, 'Sync');
      await d.pair.cmd(cmd, 'now');
      await d.pair.cmd(cmd, 'ASYNC', 'SYNC');
      await d.pair.cmd(cmd, '');
    }
  });

  it('TIME answers the current seconds and microseconds as two bulk strings', async () => {
    const [r, f] = await d.pair.both('TIME');
    for (const reply of [r, f]) expect(reply.toString('latin1')).to.match(/^\*2\r\n\$10\r\n\d{10}\r\n\$\d\r\n\d{1,6}\r\n$/);
    const secs = (b: Buffer) => Number((decodeReply(b).value as string[])[0]);
    expect(Math.abs(secs(f) - secs(r))).to.be.at.most(2);
    await d.pair.cmd('TIME', 'now');
  });

  it('LASTSAVE is the time of the last save and SAVE answers OK', async () => {
    const [r0, f0] = await d.pair.both('LASTSAVE');
    for (const b of [r0, f0]) expect(Math.abs(Number(b.toString('latin1').slice(1)) - Date.now() / 1000)).to.be.below(3600);
    await d.pair.cmd('SAVE');
    const [, f] = await d.pair.both('LASTSAVE');
    expect(Math.abs(Number(f.toString('latin1').slice(1)) - Date.now() / 1000)).to.be.at.most(2);
    await d.pair.cmd('LASTSAVE', 'x');
    await d.pair.cmd('SAVE', 'x');
  });

  it('BGSAVE starts a background save, and refuses another (or SAVE) while it runs', async () => {
    await d.pair.cmd('SET', 'k', 'v');
    // One write, so the first save is certainly still running when the next commands arrive.
    const pipeline = Buffer.concat([encodeCommand(['BGSAVE']), encodeCommand(['BGSAVE']), encodeCommand(['SAVE'])]);
    d.pair.redis.write(pipeline);
    d.pair.faha.write(pipeline);
    for (let i = 0; i < 3; i++) {
      const [r, f] = await Promise.all([d.pair.redis.readRaw(), d.pair.faha.readRaw()]);
      expect(show(f), `reply ${i + 1}`).to.equal(show(r));
    }
    await Promise.all([waitForNoBgsave(d.pair.redis), waitForNoBgsave(d.pair.faha)]);
    await d.pair.cmd('BGSAVE', 'SCHEDULE');
    await Promise.all([waitForNoBgsave(d.pair.redis), waitForNoBgsave(d.pair.faha)]);
    await d.pair.cmd('BGSAVE', 'now');
    await d.pair.cmd('BGSAVE', 'SCHEDULE', 'x');
  });

  it('BGREWRITEAOF starts a rewrite (in faha a full cleaning pass) and takes no arguments', async () => {
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('BGREWRITEAOF');
    await d.pair.cmd('BGREWRITEAOF', 'now');
  });

  it('INFO persistence counts saves and changes since the last save', async () => {
    await d.pair.cmd('CONFIG', 'RESETSTAT');
    await d.pair.cmd('SAVE');
    await d.pair.cmd('SET', 'k', 'v');
    const [r, f] = await infoBoth(d.pair, 'persistence');
    for (const name of ['rdb_saves', 'rdb_changes_since_last_save', 'rdb_last_bgsave_status', 'rdb_bgsave_in_progress']) {
      expect(field(f, name), name).to.equal(field(r, name));
    }
  });

  it('SHUTDOWN rejects unknown words and contradictory flags, and ABORT finds nothing to abort', async () => {
    await d.pair.cmd('SHUTDOWN', 'bogus');
    await d.pair.cmd('SHUTDOWN', 'NOSAVE', 'SAVE');
    await d.pair.cmd('SHUTDOWN', 'save', 'nosave', 'now');
    await d.pair.cmd('SHUTDOWN', 'ABORT');
    await d.pair.cmd('SHUTDOWN', 'abort', 'NOW');
    await d.pair.cmd('SHUTDOWN', 'FORCE', 'ABORT');
    await d.pair.cmd('SHUTDOWN', 'NOW', 'FORCE', 'x');
  });

  it('DEBUG is refused while enable-debug-command is off', async () => {
    await d.pair.cmd('CONFIG', 'GET', 'enable-debug-command');
    await d.pair.cmd('DEBUG', 'SLEEP', '0');
    await d.pair.cmd('DEBUG', 'bogus');
    await d.pair.cmd('DEBUG');
  });
});

describe('compat: DEBUG with enable-debug-command yes', () => {
  const d = differential({ args: ['--enable-debug-command', 'yes'] });

  it('DEBUG SLEEP answers OK for any number strtod reads, and DEBUG rejects unknown subcommands', async () => {
    for (const arg of ['0', '0.001', '-1', 'abc', '1e-4', 'inf', '-inf', 'nan', '0x0']) await d.pair.cmd('DEBUG', 'SLEEP', arg);
    await d.pair.cmd('DEBUG', 'SLEEP');
    await d.pair.cmd('DEBUG', 'sleep', '0', '1');
    await d.pair.cmd('DEBUG', 'bogus');
    await d.pair.cmd('DEBUG', 'help', 'extra');
    await d.pair.cmdKnown('debug-subset', 'DEBUG', 'HELP');
  });

  it('DEBUG SLEEP blocks the whole server, not only its caller', async () => {
    const other = await RawClient.connect(d.pair.faha.socket.remotePort!);
    try {
      const started = Date.now();
      d.pair.faha.send('DEBUG', 'SLEEP', '0.3');
      await new Promise((r) => setTimeout(r, 50));
      expect(await other.call('PING')).to.deep.equal(Buffer.from('+PONG\r\n'));
      expect(Date.now() - started).to.be.at.least(280);
      expect((await d.pair.faha.readRaw()).toString()).to.equal('+OK\r\n');
    } finally {
      other.close();
    }
  });
});

describe('SHUTDOWN', () => {
  it('persists the log, closes every connection and exits 0; a restart on the same directory has the keys', async function () {
    this.timeout(30000);
    const first = await startFaha({ args: ['--appendfsync', 'everysec'] });
    try {
      const c = await RawClient.connect(first.port);
      const other = await RawClient.connect(first.port);
      await c.call('SET', 'k1', 'v1');
      await c.call('SET', 'k2', Buffer.alloc(100_000, 7));
      c.send('SHUTDOWN', 'NOSAVE');
      expect(await c.waitClosed(5000)).to.equal(true);
      expect(await other.waitClosed(5000)).to.equal(true);
      expect(await first.exited).to.equal(0);
      expect(first.output()).to.include('User requested shutdown');
    } finally {
      await first.stop(false);
    }
    const second = await startFaha({ dir: first.dir });
    try {
      const c = await RawClient.connect(second.port);
      expect((await c.call('GET', 'k1')).toString()).to.equal('$2\r\nv1\r\n');
      expect((await c.call('STRLEN', 'k2')).toString()).to.equal(':100000\r\n');
      expect((await c.call('DBSIZE')).toString()).to.equal(':2\r\n');
      c.close();
    } finally {
      await second.stop(true);
    }
  });
});
