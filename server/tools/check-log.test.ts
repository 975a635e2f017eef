// faha-check-log on real logs: a faha server with 1 MiB segments writes a few thousand distinct keys and is stopped;
// each test copies that log, damages it (garbage after the tail, a flipped byte, a missing file) and runs the
// compiled command as a child process. Every server is stopped by pid and every directory removed.
import { expect } from 'chai';
import { Redis } from 'ioredis';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBatchHeader, walkRecords } from '../engine/batch-walk.js';
import { BATCH_HEADER_SIZE, REC_HEADER_SIZE, alignUp } from '../engine/format.js';
import { startFaha, type RunningServer } from '../testing/servers.js';
import { FAHA_VERSION } from '../version.js';

const CLI = fileURLToPath(new URL('./check-log-main.js', import.meta.url));
const KEYS = 3500;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function checkLog(args: string[], input = ''): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 20000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const valueOf = (i: number) => `value-${i}-`.padEnd(1000, 'x');

function manifestSegments(dir: string): number[] {
  return (JSON.parse(readFileSync(join(dir, 'log', 'MANIFEST'), 'utf8')) as { segments: number[] }).segments;
}

const segPath = (dir: string, id: number) => join(dir, 'log', `${String(id).padStart(8, '0')}.seg`);

interface BatchAt {
  off: number;
  end: number;
  keys: string[];
}

/** The batches of a segment file, read independently of the tool: offsets and the keys their records hold. */
function batchesOf(path: string): BatchAt[] {
  const buf = readFileSync(path);
  const out: BatchAt[] = [];
  let off = 0;
  while (off + BATCH_HEADER_SIZE <= buf.length && buf.readUInt32LE(off) !== 0) {
    const keys: string[] = [];
    walkRecords(buf, off, (at, keyLen) => keys.push(buf.toString('latin1', at + REC_HEADER_SIZE, at + REC_HEADER_SIZE + keyLen)));
    const end = alignUp(off + BATCH_HEADER_SIZE + readBatchHeader(buf, off).length);
    out.push({ off, end, keys });
    off = end;
  }
  return out;
}

function flipByte(path: string, at: number): void {
  const buf = readFileSync(path);
  buf[at] ^= 0xff;
  writeFileSync(path, buf);
}

describe('faha-check-log', function () {
  this.timeout(30000);
  let template: string;
  let dir: string;
  let server: RunningServer | null = null;

  before(async () => {
    const s = await startFaha({ args: ['--segment-size', '1mb'] });
    const c = new Redis({ port: s.port, host: '127.0.0.1', lazyConnect: true });
    await c.connect();
    for (let from = 0; from < KEYS; from += 500) {
      const p = c.pipeline();
      for (let i = from; i < from + 500; i++) p.set(`key:${i}`, valueOf(i));
      await p.exec();
    }
    c.disconnect();
    await s.stop(false);
    template = s.dir;
  });

  after(() => rmSync(template, { recursive: true, force: true }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-check-log-'));
    cpSync(template, dir, { recursive: true });
    rmSync(join(dir, 'faha.lock'), { force: true });
  });

  afterEach(async () => {
    await server?.stop(false);
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a healthy log as OK with one line per segment, and exits 0', () => {
    const segs = manifestSegments(dir);
    expect(segs.length).to.be.at.least(3);
    const r = checkLog([dir]);
    expect(r.status).to.equal(0);
    for (const id of segs) expect(r.stdout).to.match(new RegExp(`^${String(id).padStart(8, '0')}\\.seg  size 1048576  used \\d+  batches \\d+  records \\d+  LSN \\d+-\\d+$`, 'm'));
    const records = [...r.stdout.matchAll(/records (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(records).to.equal(KEYS);
    expect(r.stdout).to.match(/^Verdict: OK \(\d+ segments, 3500 records\)$/m);
  });

  it('accepts the log directory itself as well as the data directory, and --quiet prints only the verdict', () => {
    const r = checkLog(['--quiet', join(dir, 'log')]);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.equal(`Verdict: OK (${manifestSegments(dir).length} segments, 3500 records)\n`);
  });

  it('calls garbage after the last batch of the newest segment a torn tail, exits 0, and --fix zeroes it', () => {
    const segs = manifestSegments(dir);
    const newest = segPath(dir, segs[segs.length - 1]);
    const batches = batchesOf(newest);
    const tail = batches[batches.length - 1].end;
    const buf = readFileSync(newest);
    buf.fill(0xab, tail, tail + 700);
    writeFileSync(newest, buf);
    const r = checkLog([dir]);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.include(`Verdict: TORN TAIL at ${newest.slice(-12)} offset ${tail}: bad batch magic`);
    const fixed = checkLog(['--fix', dir]);
    expect(fixed.status, fixed.stderr).to.equal(0);
    expect(fixed.stdout).to.include('Verdict: OK');
    expect(readFileSync(newest).subarray(tail).every((b) => b === 0)).to.equal(true);
  });

  it('calls a flipped byte inside a batch of the first segment CORRUPT, naming the file and the batch offset, and exits 1', () => {
    const first = segPath(dir, manifestSegments(dir)[0]);
    const bad = batchesOf(first)[1];
    flipByte(first, bad.off + BATCH_HEADER_SIZE + 40);
    const r = checkLog([dir]);
    expect(r.status).to.equal(1);
    expect(r.stdout).to.include(`Verdict: CORRUPT at ${first.slice(-12)} offset ${bad.off}: batch checksum mismatch`);
    const after = /After the bad spot: (\d+) good batch(?:es)?, (\d+) records?,/.exec(r.stdout);
    expect(after, r.stdout).to.not.equal(null);
    const firstBatchKeys = batchesOf(first)[0].keys.length;
    expect(Number(after![2])).to.equal(KEYS - firstBatchKeys - bad.keys.length);
  });

  it('refuses --fix without a terminal and without --yes, and leaves the log alone', () => {
    const first = segPath(dir, manifestSegments(dir)[0]);
    flipByte(first, batchesOf(first)[1].off + BATCH_HEADER_SIZE + 40);
    const before = readFileSync(join(dir, 'log', 'MANIFEST'), 'utf8');
    const r = checkLog(['--fix', dir], 'y\n');
    expect(r.status).to.equal(1);
    expect(r.stdout).to.match(/This will truncate the log at \S+ offset \d+, discarding \d+ bytes of data from there on: \d+ good batch(es)?, \d+ records? are lost\./);
    expect(r.stderr).to.include('Refusing to truncate without confirmation: stdin is not a terminal');
    expect(readFileSync(join(dir, 'log', 'MANIFEST'), 'utf8')).to.equal(before);
    expect(checkLog([dir]).stdout).to.include('Verdict: CORRUPT');
  });

  it('--fix --yes truncates at the bad batch; the tool then says OK and faha serves the keys written before it', async () => {
    const segs = manifestSegments(dir);
    const first = segPath(dir, segs[0]);
    const [kept, bad] = batchesOf(first);
    expect(kept.keys.length).to.be.at.least(1);
    flipByte(first, bad.off + BATCH_HEADER_SIZE + 40);
    const r = checkLog(['--fix', '--yes', dir]);
    expect(r.status, r.stdout + r.stderr).to.equal(0);
    expect(r.stdout).to.include(`Successfully truncated the log at ${first.slice(-12)} offset ${bad.off}`);
    expect(manifestSegments(dir)).to.deep.equal([segs[0]]);
    for (const id of segs.slice(1)) expect(existsSync(segPath(dir, id))).to.equal(false);
    expect(checkLog([dir]).stdout).to.match(/^Verdict: OK \(1 segment, \d+ records?\)$/m);

    server = await startFaha({ dir, args: ['--segment-size', '1mb'] });
    const c = new Redis({ port: server.port, host: '127.0.0.1', lazyConnect: true });
    await c.connect();
    try {
      expect(await c.dbsize()).to.equal(kept.keys.length);
      for (const k of kept.keys) expect(await c.get(k)).to.equal(valueOf(Number(k.slice(4))));
      expect(await c.get(bad.keys[0])).to.equal(null);
    } finally {
      c.disconnect();
    }
  });

  it('calls a log whose MANIFEST names a missing segment file CORRUPT and exits 1', () => {
    const segs = manifestSegments(dir);
    const gone = segPath(dir, segs[1]);
    rmSync(gone);
    const r = checkLog([dir]);
    expect(r.status).to.equal(1);
    expect(r.stdout).to.match(new RegExp(`^${gone.slice(-12)}  MISSING$`, 'm'));
    expect(r.stdout).to.include(`Verdict: CORRUPT at ${gone.slice(-12)} offset 0: segment file named by the MANIFEST is missing`);
  });

  it('reports a segment file the MANIFEST does not name as a stray, and warns that its id may be reused', () => {
    writeFileSync(join(dir, 'log', '00000999.seg'), Buffer.alloc(4096));
    const r = checkLog([dir]);
    expect(r.status).to.equal(0);
    expect(r.stdout).to.include('Stray segment file 00000999.seg is not named by the MANIFEST');
    expect(r.stdout).to.include('Note: stray 00000999.seg has an id faha-server may reuse for a new segment');
    expect(r.stdout).to.include('Verdict: OK');
  });

  it('refuses --fix while a faha server holds the data directory', async () => {
    server = await startFaha({ dir, args: ['--segment-size', '1mb'] });
    const r = checkLog(['--fix', '--yes', dir]);
    expect(r.status).to.equal(1);
    expect(r.stderr).to.include(`Refusing to fix: a faha server (pid ${server.pid}) holds this data directory`);
  });

  it('asks "Continue? [y/N]: " on a terminal and aborts unless the answer is yes', function () {
    if (spawnSync('script', ['--version']).status !== 0) this.skip(); // util-linux's script gives the tool a TTY
    const first = segPath(dir, manifestSegments(dir)[0]);
    flipByte(first, batchesOf(first)[1].off + BATCH_HEADER_SIZE + 40);
    const tty = (answer: string) => spawnSync('script', ['-qec', `${process.execPath} ${CLI} --fix ${dir}`, '/dev/null'], { input: answer, encoding: 'utf8', timeout: 20000 });
    const no = tty('n\n');
    expect(no.stdout).to.include('Continue? [y/N]: ');
    expect(no.stdout).to.include('Aborting...');
    expect(no.status).to.equal(1);
    const yes = tty('y\n');
    expect(yes.stdout).to.include('Successfully truncated the log');
    expect(yes.status).to.equal(0);
  });

  it('prints its version with --version and its usage on stderr with --help, like faha-server', () => {
    const v = checkLog(['--version']);
    expect(v.status).to.equal(0);
    expect(v.stdout).to.match(new RegExp(`^faha-check-log v=${FAHA_VERSION.replace(/\./g, '\\.')} redis-compat=7\\.0\\.15 node=v[\\d.]+ bits=64\\n$`));
    const h = checkLog(['--help']);
    expect(h.status).to.equal(1);
    expect(h.stderr).to.match(/^Usage: faha-check-log \[--fix\] \[--yes\] \[--quiet\]/);
    const none = checkLog([]);
    expect(none.status).to.equal(1);
    expect(none.stderr).to.include('No log path given');
  });
});
