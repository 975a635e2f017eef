// The faha-server command line: --version, --help, configuration errors reported like redis-server's (compared
// with redis-server's own output for the same arguments), stdin configuration, logfile/loglevel, pidfile and
// daemonize. Every server started here is stopped by its pid.
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RawClient } from './testing/raw-client.js';
import { FAHA_MAIN, freePort } from './testing/servers.js';
import { FAHA_VERSION } from './version.js';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command that must not start serving (every configuration here is invalid); killed after 10 s anyway. */
function run(cmd: string, args: string[], input = ''): Run {
  const r = spawnSync(cmd, args, { input, timeout: 10000, encoding: 'utf8', cwd: tmpdir() });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const faha = (args: string[], input?: string) => run(process.execPath, [FAHA_MAIN, ...args], input);

/** redis-server's report with its banner in faha's words. */
function asFaha(redisStderr: string): string {
  return redisStderr.replace(/\(Redis [\d.]+\)/, `(faha ${FAHA_VERSION})`);
}

async function waitFor(cond: () => boolean, ms = 10000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('faha-server command line', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--version and -v print the version and the persistence backend, and exit 0', () => {
    for (const flag of ['--version', '-v']) {
      const r = faha([flag]);
      expect(r.status).to.equal(0);
      expect(r.stdout).to.match(new RegExp(`^faha server v=${FAHA_VERSION} redis-compat=7\\.0\\.15 persistence=(libpmem|libc) node=v\\d+\\.\\d+\\.\\d+ bits=64\\n$`));
    }
  });

  it('--help and -h print the usage and every directive on stderr, and exit 1 like redis-server', () => {
    for (const flag of ['--help', '-h']) {
      const r = faha([flag]);
      expect(r.status).to.equal(1);
      expect(r.stdout).to.equal('');
      expect(r.stderr).to.match(/^Usage: faha-server \[\/path\/to\/faha\.conf\] \[options\] \[-\]\n/);
      for (const d of ['--port', '--appendfsync', '--segment-size', '--daemonize']) expect(r.stderr).to.include(`  ${d} `);
    }
  });

  it('a bad directive or value stops start-up with redis-server report and exit code 1', () => {
    const conf = join(dir, 'bad.conf');
    writeFileSync(conf, 'port 1\n# comment\nbogus x\n');
    const cases: string[][] = [
      ['--port', 'abc'],
      ['--bogus', '1'],
      ['--port'],
      ['--port', '1', '2'],
      ['--loglevel', 'nothing'],
      ['--requirepass', 'a b', '--port', 'x"y'],
      ['--requirepass', '--foo', '--bogus', '1'],
      ['--save', '--bogus', '1'],
      ['--maxmemory', '1x'],
      ['--appendfsync', 'sometimes'],
      ['-x'],
      [conf, '--port', '5'],
    ];
    for (const args of cases) {
      const f = faha(args);
      const r = run('redis-server', args);
      expect(f.status, args.join(' ')).to.equal(1);
      expect(r.status, `redis-server ${args.join(' ')}`).to.equal(1);
      expect(f.stderr, args.join(' ')).to.equal(asFaha(r.stderr));
    }
  });

  it('counts stdin lines between the file and the options, as redis-server does', () => {
    const args = ['--bogus', '2', '-'];
    const f = faha(args, 'port 1\n');
    expect(f.status).to.equal(1);
    expect(f.stderr).to.equal(asFaha(run('redis-server', args, 'port 1\n').stderr));
  });

  it('a missing config file is logged as a fatal error and exits 1', () => {
    const missing = join(dir, 'missing.conf');
    const f = faha([missing]);
    expect(f.status).to.equal(1);
    expect(f.stdout).to.match(new RegExp(`^\\d+:C \\d\\d \\w{3} \\d{4} [\\d:.]+ # Fatal error, can't open config file '${missing}': No such file or directory\\n$`));
  });

  it('refuses a log file it cannot open', () => {
    const f = faha(['--logfile', join(dir, 'no', 'such', 'x.log')]);
    expect(f.status).to.equal(1);
    expect(f.stderr).to.equal(`\n*** FATAL CONFIG FILE ERROR (faha ${FAHA_VERSION}) ***\nCan't open the log file: No such file or directory\n`);
  });

  it('reads its configuration from stdin, logs to logfile at loglevel, and writes and removes pidfile', async function () {
    this.timeout(20000);
    const port = await freePort();
    const log = join(dir, 'faha.log');
    const pidfile = join(dir, 'faha.pid');
    const proc = spawn(process.execPath, [FAHA_MAIN, '-', '--loglevel', 'warning'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let stdout = '';
    proc.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    proc.stdin.end(`port ${port}\nbind 127.0.0.1\ndir ${join(dir, 'data')}\nlogfile ${log}\nloglevel debug\npidfile ${pidfile}\n`);
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    try {
      await waitFor(() => existsSync(pidfile));
      expect(readFileSync(pidfile, 'utf8')).to.equal(`${proc.pid}\n`);
      const c = await RawClient.connect(port);
      expect((await c.call('CONFIG', 'GET', 'loglevel')).toString()).to.equal('*2\r\n$8\r\nloglevel\r\n$7\r\nwarning\r\n');
      c.send('SHUTDOWN');
      expect(await c.waitClosed(5000)).to.equal(true);
      expect(await exited).to.equal(0);
      // Until the configuration is read, the log can only go to standard output.
      expect(stdout).to.match(/^\d+:C \d\d \w{3} \d{4} [\d:.]+ # Reading config from stdin\n$/);
      const text = readFileSync(log, 'utf8');
      expect(text).to.include('# Configuration loaded');
      expect(text).to.include('# User requested shutdown...');
      // loglevel warning (the command line overrides stdin): notice lines ("*") are not written.
      expect(text).to.not.match(/ \* /);
      expect(existsSync(pidfile)).to.equal(false);
    } finally {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    }
  });

  it('daemonize yes returns once a detached server is ready, which keeps serving', async function () {
    this.timeout(20000);
    const port = await freePort();
    const pidfile = join(dir, 'faha.pid');
    const r = faha(['--daemonize', 'yes', '--port', String(port), '--bind', '127.0.0.1', '--dir', join(dir, 'data'), '--pidfile', pidfile]);
    expect(r.status).to.equal(0);
    const pid = Number(readFileSync(pidfile, 'utf8'));
    try {
      expect(alive(pid)).to.equal(true);
      const c = await RawClient.connect(port);
      expect((await c.call('PING')).toString()).to.equal('+PONG\r\n');
      expect((await c.call('CONFIG', 'GET', 'daemonize')).toString()).to.equal('*2\r\n$9\r\ndaemonize\r\n$3\r\nyes\r\n');
      c.send('SHUTDOWN');
      await c.waitClosed(5000);
      await waitFor(() => !alive(pid));
      expect(existsSync(pidfile)).to.equal(false);
    } finally {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('a server that cannot start (its port taken) exits 1 and says why, daemonized or not', async function () {
    this.timeout(20000);
    const port = await freePort();
    const blocker = spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      await new Promise((r) => blocker.stdout!.once('data', r));
      const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', join(dir, 'data')];
      const r = faha(args);
      expect(r.status).to.equal(1);
      expect(r.stdout).to.match(/ # Failed listening on port \d+ \(TCP\), aborting\.\n$/);
      const d = faha([...args, '--daemonize', 'yes']);
      expect(d.status).to.equal(1);
      expect(d.stderr).to.equal(`faha-server: Failed listening on port ${port} (TCP), aborting.\n`);
    } finally {
      blocker.kill('SIGKILL');
    }
  });
});
