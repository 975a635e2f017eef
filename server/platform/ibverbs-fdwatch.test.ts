// watchFd (native/src/fd_watch.cc) on a FIFO standing in for a completion channel: the callback runs on the event
// loop when the fd becomes readable, never before, costs no CPU while idle, and stops at close().
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watchFd, type FdWatcher } from './ibverbs.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('platform: watchFd (uv_poll in the native addon)', () => {
  let dir = '';
  let fd = -1;
  let watcher: FdWatcher | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-fdwatch-'));
    const fifo = join(dir, 'channel');
    execFileSync('mkfifo', [fifo]);
    // Read-write, so opening does not wait for a writer and the test can write into its own FIFO.
    fd = openSync(fifo, constants.O_RDWR | constants.O_NONBLOCK);
  });

  afterEach(() => {
    watcher?.close();
    watcher = null;
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  });

  function drain(): number {
    const buf = Buffer.alloc(64);
    try {
      return readSync(fd, buf);
    } catch {
      return 0;
    }
  }

  it('calls back on the event loop once the fd is readable, and not before', async () => {
    const events: (Error | null)[] = [];
    watcher = watchFd(fd, (err) => {
      events.push(err);
      drain();
    });
    await sleep(50);
    expect(events).to.deep.equal([]);
    writeSync(fd, 'x');
    // Not from inside writeSync: only when the loop polls.
    expect(events).to.deep.equal([]);
    await sleep(50);
    expect(events).to.deep.equal([null]);
    writeSync(fd, 'yz');
    await sleep(50);
    expect(events).to.deep.equal([null, null]);
  });

  it('waits in the event loop rather than polling: an idle watch costs almost no CPU', async () => {
    let calls = 0;
    watcher = watchFd(fd, () => {
      calls++;
      drain();
    });
    const before = process.cpuUsage();
    await sleep(300);
    const used = process.cpuUsage(before);
    expect(calls).to.equal(0);
    // A busy poll would burn ~300 ms of CPU here; an idle libuv wait uses next to nothing.
    expect((used.user + used.system) / 1000).to.be.below(60);
  });

  it('keeps calling back while data stays unread (level-triggered), and stops at close()', async () => {
    let calls = 0;
    watcher = watchFd(fd, () => {
      calls++;
      if (calls === 3) watcher!.close();
    });
    writeSync(fd, 'x');
    await sleep(100);
    expect(calls).to.equal(3);
    watcher.close();
    writeSync(fd, 'more');
    await sleep(50);
    expect(calls).to.equal(3);
  });

  it('rejects a descriptor that is not open', () => {
    expect(() => watchFd(1 << 20, () => {})).to.throw(/watchFd: bad file descriptor/);
    expect(() => watchFd(-1, () => {})).to.throw(RangeError);
  });
});
