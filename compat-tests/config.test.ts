// Differential: CONFIG GET / SET / RESETSTAT / REWRITE / HELP against redis-server, byte for byte wherever the
// directive exists in both with the same default. CONFIG REWRITE is compared on the rewritten files.
import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from '../server/testing/raw-client.js';
import { decodeReply } from '../server/testing/resp-frame.js';
import { startFaha, startRedis, type RunningServer } from '../server/testing/servers.js';
import { differential } from './harness.js';

/** Directives both servers have, with the same default (given the harness's start-up arguments). */
const COMPARABLE = [
  'bind', 'tcp-backlog', 'timeout', 'tcp-keepalive', 'protected-mode', 'maxclients', 'proto-max-bulk-len',
  'client-query-buffer-limit', 'daemonize', 'pidfile', 'loglevel', 'logfile', 'databases', 'hz', 'requirepass',
  'lazyfree-lazy-user-flush', 'enable-debug-command', 'latency-tracking', 'latency-tracking-info-percentiles',
  'save', 'dbfilename', 'maxmemory', 'maxmemory-policy', 'hash-max-listpack-entries', 'hash-max-listpack-value',
  'set-max-intset-entries', 'zset-max-listpack-entries', 'zset-max-listpack-value', 'list-max-listpack-size',
  'list-compress-depth',
];

describe('compat: CONFIG', () => {
  const d = differential({ args: ['--save', ''] });

  it('CONFIG GET answers the same values as Redis for the directives both have', async () => {
    for (const name of COMPARABLE) await d.pair.cmd('CONFIG', 'GET', name);
    await d.pair.cmdSorted('CONFIG', 'GET', ...COMPARABLE);
  });

  it('CONFIG GET echoes an exact name as typed, matches patterns without case, and lists each directive once', async () => {
    await d.pair.cmd('CONFIG', 'GET', 'HZ');
    await d.pair.cmd('CONFIG', 'GET', 'hz', 'HZ', 'h?');
    await d.pair.cmd('CONFIG', 'GET', '[h]Z');
    await d.pair.cmdSorted('CONFIG', 'GET', 'tcp-*');
    await d.pair.cmdSorted('CONFIG', 'GET', 'latency-tracking*', 'LATENCY-TRACKING');
    await d.pair.cmdSorted('CONFIG', 'GET', 'dbfilenam?', 'client-query*', 'timeout');
    await d.pair.cmd('CONFIG', 'GET', 'nosuchdirective');
    await d.pair.cmd('CONFIG', 'GET', 'nosuch*');
    await d.pair.cmd('CONFIG', 'GET');
  });

  it('Redis 7.0\'s ziplist names are aliases of the listpack directives for CONFIG GET and SET, and patterns list both', async () => {
    await d.pair.cmd('CONFIG', 'GET', 'hash-max-ziplist-entries');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-ziplist-entries', '64');
    await d.pair.cmd('CONFIG', 'GET', 'zset-max-listpack-entries');
    await d.pair.cmd('CONFIG', 'SET', 'zset-max-listpack-entries', '128');
    // Redis lists matches in its dict's order, seeded at random per process: compared sorted.
    await d.pair.cmdSorted('CONFIG', 'GET', 'zset-max-ziplist-entries', 'zset-max-listpack-entries');
    await d.pair.cmdSorted('CONFIG', 'GET', '*ziplist*');
    await d.pair.cmdSorted('CONFIG', 'GET', 'hash-max-*');
  });

  it('CONFIG GET answers a map in RESP3', async () => {
    // HELLO's own reply names the server; only the replies after it are compared here.
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('CONFIG', 'GET', 'hz');
    await d.pair.cmdSorted('CONFIG', 'GET', 'tcp-*');
    await d.pair.cmd('CONFIG', 'GET', 'nosuch');
    await d.pair.cmd('CONFIG', 'SET', 'hz', 'x');
    await d.pair.cmd('CONFIG', 'HELP');
  });

  it('CONFIG GET dir is an absolute path, and faha knows fewer directives than Redis', async () => {
    const [r, f] = await d.pair.cmdKnown('config-directive-subset', 'CONFIG', 'GET', '*');
    expect((decodeReply(f).value as string[]).length).to.be.below((decodeReply(r).value as string[]).length);
    const dir = decodeReply(await d.pair.faha.call('CONFIG', 'GET', 'dir')).value as string[];
    expect(dir[0]).to.equal('dir');
    expect(dir[1]).to.match(/^\//);
    await d.pair.cmdKnown('config-defaults', 'CONFIG', 'GET', 'appendfsync');
  });

  it('CONFIG SET changes several directives at once and CONFIG GET sees them', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'timeout', '100', 'maxclients', '500', 'loglevel', 'WARNING');
    await d.pair.cmdSorted('CONFIG', 'GET', 'timeout', 'maxclients', 'loglevel');
    await d.pair.cmd('CONFIG', 'SET', 'timeout', '0', 'maxclients', '10000', 'loglevel', 'notice');
    await d.pair.cmd('CONFIG', 'SET', 'appendfsync', 'everysec');
    await d.pair.cmd('CONFIG', 'GET', 'appendfsync');
    await d.pair.cmd('CONFIG', 'SET', 'appendfsync', 'always');
  });

  it('CONFIG SET changes nothing when one of its values is bad', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'timeout', '7', 'maxclients', 'many');
    await d.pair.cmd('CONFIG', 'GET', 'timeout');
    await d.pair.cmd('CONFIG', 'SET', 'timeout', '7', 'nosuch', '1');
    await d.pair.cmd('CONFIG', 'GET', 'timeout');
  });

  it('CONFIG SET reports the first bad name: unknown, immutable, protected or duplicate', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'timeout');
    await d.pair.cmd('CONFIG', 'SET', 'timeout', '1', 'hz');
    await d.pair.cmd('CONFIG', 'SET', 'nosuch', '1');
    await d.pair.cmd('CONFIG', 'SET', 'nosuch', '1', 'daemonize', 'no');
    await d.pair.cmd('CONFIG', 'SET', 'daemonize', 'no', 'nosuch', '1');
    await d.pair.cmd('CONFIG', 'SET', 'DAEMONIZE', 'yes');
    await d.pair.cmd('CONFIG', 'SET', 'databases', '3');
    await d.pair.cmd('CONFIG', 'SET', 'logfile', 'x.log');
    await d.pair.cmd('CONFIG', 'SET', 'dir', '/tmp');
    await d.pair.cmd('CONFIG', 'SET', 'dbfilename', 'x.rdb');
    await d.pair.cmd('CONFIG', 'SET', 'hz', '5', 'HZ', '6');
    await d.pair.cmd('CONFIG', 'SET', 'hz', 'abc', 'daemonize', 'no');
    // Only an out-of-range port: a valid one would make the reference server move to it.
    const [, f] = await d.pair.cmdKnown('config-port-bind-immutable', 'CONFIG', 'SET', 'port', '70000');
    expect(f.toString()).to.equal("-ERR CONFIG SET failed (possibly related to argument 'port') - can't set immutable config\r\n");
  });

  it('CONFIG SET rejects bad values with Redis words for each kind of directive', async () => {
    const bad: [string, string][] = [
      ['protected-mode', 'maybe'], ['lazyfree-lazy-user-flush', ''], ['timeout', '-1'], ['timeout', '01'],
      ['timeout', '+1'], ['timeout', '1.5'], ['timeout', '99999999999999999999'], ['timeout', '2147483648'],
      ['maxclients', '0'], ['maxclients', '-1'], ['maxclients', '4294967296'], ['hz', 'x'],
      ['proto-max-bulk-len', '1k'], ['proto-max-bulk-len', '-1'], ['proto-max-bulk-len', '1.5mb'],
      ['client-query-buffer-limit', '1kb'], ['maxmemory', '1xb'], ['maxmemory', ' 1'], ['maxmemory', '1 mb'],
      ['loglevel', 'nothing'], ['loglevel', ''], ['maxmemory-policy', 'lru'], ['appendfsync', 'sometimes'],
      ['enable-debug-command', 'yes'], ['save', '1'], ['save', '0 1'], ['save', '1 -1'], ['save', 'a b'],
      ['latency-tracking-info-percentiles', '101'], ['latency-tracking-info-percentiles', 'x'],
    ];
    for (const [name, value] of bad) await d.pair.cmd('CONFIG', 'SET', name, value);
    await d.pair.cmdSorted('CONFIG', 'GET', ...COMPARABLE);
  });

  it('CONFIG SET reads numbers, sizes, booleans and enums as Redis does', async () => {
    const good: [string, string][] = [
      ['timeout', '-0'], ['maxmemory', '1kb'], ['maxmemory', '1k'], ['maxmemory', '2GB'], ['maxmemory', '3m'],
      ['maxmemory', ''], ['maxmemory', 'mb'], ['maxmemory', '18446744073709551615'], ['maxmemory', '0'],
      ['proto-max-bulk-len', '1mb'], ['protected-mode', 'NO'], ['protected-mode', 'yes'], ['hz', '0'],
      ['hz', '100000'], ['hz', '10'], ['maxmemory-policy', 'ALLKEYS-LRU'], ['maxmemory-policy', 'noeviction'],
      ['save', '100 10 200 20'], ['save', ''], ['save', '0100 +5'], ['latency-tracking-info-percentiles', '50 99.99 100 0'],
      ['latency-tracking-info-percentiles', ''], ['latency-tracking-info-percentiles', '50 99 99.9'],
      ['proto-max-bulk-len', '512mb'], ['requirepass', ''],
    ];
    for (const [name, value] of good) {
      await d.pair.cmd('CONFIG', 'SET', name, value);
      await d.pair.cmd('CONFIG', 'GET', name);
    }
  });

  it('CONFIG SET maxclients applies to the next connection, and appendfsync to the log at once', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'maxclients', '1');
    const [r, f] = await Promise.all([RawClient.connect(d.redis.port), RawClient.connect(d.faha.port)]);
    try {
      const [rr, fr] = await Promise.all([r.readRaw(), f.readRaw()]);
      expect(fr.toString()).to.equal(rr.toString());
      expect(fr.toString()).to.equal('-ERR max number of clients reached\r\n');
    } finally {
      r.close();
      f.close();
    }
    await d.pair.cmd('CONFIG', 'SET', 'maxclients', '10000');
    await d.pair.cmd('CONFIG', 'SET', 'appendfsync', 'no');
    const info = decodeReply(await d.pair.faha.call('INFO', 'faha')).value as string;
    expect(info).to.include('\r\nappendfsync:no\r\n');
    await d.pair.cmd('CONFIG', 'SET', 'appendfsync', 'always');
  });

  it('CONFIG SET requirepass keeps connected clients in and makes new ones AUTH', async () => {
    await d.pair.cmd('CONFIG', 'SET', 'requirepass', 's3cret');
    await d.pair.cmd('PING');
    const other = await d.newPair();
    await other.cmd('PING');
    await other.cmd('AUTH', 'wrong');
    await other.cmd('AUTH', 's3cret');
    await other.cmd('PING');
    await d.pair.cmd('CONFIG', 'SET', 'requirepass', '');
  });

  it('CONFIG RESETSTAT zeroes the statistics INFO reports', async () => {
    await d.pair.cmd('SET', 'k', 'v');
    await d.pair.cmd('GET', 'k');
    await d.pair.cmd('GET', 'nokey');
    await d.pair.cmd('SAVE');
    await d.pair.cmd('CONFIG', 'RESETSTAT');
    const [r, f] = await d.pair.cmdKnown('info-values', 'INFO', 'stats');
    const pick = (b: Buffer) =>
      (decodeReply(b).value as string)
        .split('\r\n')
        .filter((l) => /^(total_commands_processed|keyspace_hits|keyspace_misses|expired_keys|rejected_connections|total_error_replies):/.test(l));
    expect(pick(f)).to.deep.equal(pick(r));
    expect(pick(f)).to.include('total_commands_processed:1');
    await d.pair.cmd('CONFIG', 'RESETSTAT', 'extra');
  });

  it('CONFIG HELP, unknown subcommands and CONFIG REWRITE without a file answer as Redis', async () => {
    await d.pair.cmd('CONFIG', 'HELP');
    await d.pair.cmd('config', 'help');
    await d.pair.cmd('CONFIG', 'HELP', 'x');
    await d.pair.cmd('CONFIG', 'nosuch');
    await d.pair.cmd('CONFIG');
    await d.pair.cmd('CONFIG', 'REWRITE');
  });
});

/** The directive lines of a rewritten file that both servers know, without the per-server port and dir lines. */
function comparableLines(text: string, known: Set<string>): string[] {
  return text
    .split('\n')
    .filter((l) => {
      const name = l.split(' ')[0];
      if (l.startsWith('#') || l === '') return true;
      return known.has(name) && name !== 'port' && name !== 'dir';
    })
    .map((l) => (l.startsWith('# ???') ? '# ???' : l));
}

describe('compat: CONFIG REWRITE', () => {
  const base = [
    '# a comment that must survive',
    'timeout 10',
    '',
    '',
    '# two save lines become the current save points',
    'save 900 1',
    'save 300 10',
    'loglevel verbose',
    'maxmemory 1048576',
    'requirepass "pass word"',
    'tcp-keepalive 300',
    'timeout 20',
    '',
  ].join('\n');
  let dir: string;
  let servers: RunningServer[] = [];

  before(async function () {
    this.timeout(30000);
    dir = mkdtempSync(join(tmpdir(), 'faha-rewrite-'));
    writeFileSync(join(dir, 'redis.conf'), base);
    writeFileSync(join(dir, 'faha.conf'), base);
    servers = await Promise.all([
      startRedis({ configFile: join(dir, 'redis.conf'), args: ['--appendonly', 'yes'] }),
      startFaha({ configFile: join(dir, 'faha.conf') }),
    ]);
  });

  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps comments and order, rewrites changed directives in place, blanks orphans and appends new ones', async () => {
    const clients = await Promise.all(servers.map((s) => RawClient.connect(s.port)));
    try {
      for (const c of clients) {
        expect((await c.call('AUTH', 'pass word')).toString()).to.equal('+OK\r\n');
        expect((await c.call('CONFIG', 'SET', 'timeout', '30', 'maxmemory', '2mb', 'hz', '20', 'save', '60 5')).toString()).to.equal('+OK\r\n');
        expect((await c.call('CONFIG', 'SET', 'maxclients', '1000', 'loglevel', 'notice')).toString()).to.equal('+OK\r\n');
        expect((await c.call('CONFIG', 'REWRITE')).toString()).to.equal('+OK\r\n');
      }
      const known = new Set(['timeout', 'save', 'loglevel', 'maxmemory', 'requirepass', 'tcp-keepalive', 'hz', 'maxclients', 'bind', 'daemonize', 'latency-tracking-info-percentiles']);
      const redisText = readFileSync(join(dir, 'redis.conf'), 'utf8');
      const fahaText = readFileSync(join(dir, 'faha.conf'), 'utf8');
      const [r, f] = [comparableLines(redisText, known), comparableLines(fahaText, known)];
      const sig = (lines: string[]) => lines.indexOf('# Generated by CONFIG REWRITE');
      // Redis appends new directives in its dictionary's order: compare the kept part exactly, the rest as sets.
      expect(f.slice(0, sig(f) + 1)).to.deep.equal(r.slice(0, sig(r) + 1));
      expect(f.slice(sig(f) + 1).sort()).to.deep.equal(r.slice(sig(r) + 1).sort());
      expect(f).to.include('requirepass "pass word"');
      expect(fahaText).to.match(/^dir "\//m);
    } finally {
      for (const c of clients) c.close();
    }
  });
});
