// The log cleaner under load, seen from outside: with 1 MB segments and a bound of 1.5, overwrites make the
// cleaner free segments while clients write; the log stays within the bound, every value reads back, and a
// SIGKILL at any moment (mid-cleaning included) loses nothing: recovery finds the same dataset and the same live
// byte count the running server kept.
import { expect } from 'chai';
import { RawClient } from '../server/testing/raw-client.js';
import { prng } from '../server/testing/prng.js';
import { startFaha, type RunningServer } from '../server/testing/servers.js';
import { LIMITS, Writes, call, fullDump, pipeline, type Args } from './all-types-load.js';

const CLEANING = ['--segment-size', '1mb', '--log-max-space-amplification', '1.5', '--auto-aof-rewrite-min-size', '0'];

async function info(c: RawClient): Promise<Map<string, string>> {
  const text = (await call(c, 'INFO', 'faha')).toString('latin1');
  return new Map(text.split('\r\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
}

/** Waits until the cleaner has nothing left to do (or the time is up), and returns INFO faha. */
async function settled(c: RawClient, maxAmplification: number): Promise<Map<string, string>> {
  const until = Date.now() + 15000;
  for (;;) {
    const i = await info(c);
    const idle = i.get('cleaner_running') === '0' && (Number(i.get('log_space_amplification')) <= maxAmplification || Number(i.get('log_segments')) <= 2);
    if (idle || Date.now() > until) return i;
    await new Promise((r) => setTimeout(r, 100));
  }
}

function value(rnd: () => number, n: number): string {
  let s = '';
  while (s.length < n) s += Math.floor(rnd() * 1e9).toString(36);
  return s.slice(0, n);
}

describe('log cleaning', () => {
  let server: RunningServer | null = null;

  afterEach(async () => {
    await server?.stop(true);
    server = null;
  });

  it('overwritten strings are cleaned away: the log stays within its bound and every value survives a SIGKILL', async function () {
    this.timeout(60000);
    // The default bound, 2: with 1 MB segments 3 MB of live data leaves room for the head and the spare segment.
    const args = ['--segment-size', '1mb', '--auto-aof-rewrite-min-size', '0'];
    server = await startFaha({ args });
    const dir = server.dir;
    let c = await RawClient.connect(server.port);
    const rnd = prng(11);
    const expected = new Map<string, string>();
    for (let round = 0; round < 12; round++) {
      const writes: Args[] = [];
      for (let k = 0; k < 3000; k++) {
        const v = value(rnd, 1000);
        expected.set(`k${k}`, v);
        writes.push(['SET', `k${k}`, v]);
      }
      await pipeline(c, writes);
    }
    const before = await settled(c, 2);
    const live = Number(before.get('log_live_bytes'));
    expect(Number(before.get('cleaner_segments_freed')), 'segments freed').to.be.greaterThan(10);
    // 36 MB were written for 3 MB of live data; what remains is within the bound (the spare segment counted).
    expect(Number(before.get('log_disk_bytes')), 'log bytes on disk').to.be.at.most(2 * live);
    for (const [k, v] of expected) expect((await call(c, 'GET', k)).toString(), k).to.equal(`$${v.length}\r\n${v}\r\n`);
    c.close();

    server.kill('SIGKILL');
    await server.exited;
    server = await startFaha({ dir, args });
    c = await RawClient.connect(server.port);
    expect((await info(c)).get('log_live_bytes'), 'live bytes counted by recovery').to.equal(String(live));
    for (const [k, v] of expected) expect((await call(c, 'GET', k)).toString(), k).to.equal(`$${v.length}\r\n${v}\r\n`);
    c.close();
  });

  it('BGREWRITEAOF cleans every segment but the head even under a bound the log never reaches', async function () {
    this.timeout(60000);
    server = await startFaha({ args: ['--segment-size', '1mb', '--log-max-space-amplification', '100'] });
    const c = await RawClient.connect(server.port);
    const rnd = prng(12);
    for (let round = 0; round < 6; round++) {
      await pipeline(c, Array.from({ length: 500 }, (_, k) => ['SET', `k${k}`, value(rnd, 1000)]));
    }
    const before = await info(c);
    expect(Number(before.get('log_segments')), 'segments before the pass').to.be.greaterThan(2);
    expect((await call(c, 'BGREWRITEAOF')).toString()).to.equal('+Background append only file rewriting started\r\n');
    const until = Date.now() + 15000;
    let persistence = '';
    while (Date.now() < until) {
      persistence = (await call(c, 'INFO', 'persistence')).toString('latin1');
      if (persistence.includes('aof_rewrite_in_progress:0')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(persistence).to.include('aof_rewrite_in_progress:0').and.include('aof_rewrites:1');
    // 500 KB of live values: everything fits in what the head segment holds after the pass.
    expect((await info(c)).get('log_segments'), 'segments after the pass').to.equal('1');
    expect(Number((await call(c, 'DBSIZE')).toString().slice(1))).to.equal(500);
    c.close();
  });

  it('a full pass that cannot get a new segment stops without harm and finishes once segments can be made again', async function () {
    this.timeout(60000);
    server = await startFaha({ args: ['--enable-debug-command', 'yes', '--segment-size', '1mb', '--log-max-space-amplification', '100'] });
    const c = await RawClient.connect(server.port);
    const rnd = prng(13);
    const expected = new Map<string, string>();
    for (let round = 0; round < 5; round++) {
      const writes: Args[] = [];
      // Distinct keys: all of it lives, so the pass must copy more than the head can take.
      for (let k = 0; k < 700; k++) {
        const v = value(rnd, 1000);
        expected.set(`k${round}-${k}`, v);
        writes.push(['SET', `k${round}-${k}`, v]);
      }
      await pipeline(c, writes);
    }
    expect((await call(c, 'DEBUG', 'FAULT', 'segment-create', 'ENOSPC')).toString()).to.equal('+OK\r\n');
    await call(c, 'BGREWRITEAOF');
    await new Promise((r) => setTimeout(r, 1500));
    expect((await call(c, 'PING')).toString(), 'the server after the failed copies').to.match(/^(\+PONG|-MISCONF)/);
    expect(server.output(), 'what the cleaner said').to.include('Cleaner: copying out of segment');
    expect((await call(c, 'DEBUG', 'FAULT', 'CLEAR')).toString()).to.equal('+OK\r\n');
    const until = Date.now() + 15000;
    while (Date.now() < until && !(await call(c, 'INFO', 'persistence')).toString().includes('aof_rewrites:1')) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await call(c, 'INFO', 'persistence')).toString(), 'the pass finished').to.include('aof_rewrites:1');
    for (const [k, v] of expected) expect((await call(c, 'GET', k)).toString(), k).to.equal(`$${v.length}\r\n${v}\r\n`);
    c.close();
  });

  it('every type, swapped and flushed databases included, survives cleaning and SIGKILL exactly, round after round', async function () {
    this.timeout(90000);
    const args = [...LIMITS, ...CLEANING];
    server = await startFaha({ args });
    const dir = server.dir;
    const rnd = prng(5);
    const writes = new Writes(rnd);
    let freed = 0;
    for (let round = 0; round < 4; round++) {
      let c = await RawClient.connect(server.port);
      const batch: Args[] = [];
      for (let i = 0; i < 1200; i++) {
        // Filler overwrites make segments die quickly, so the cleaner runs under the typed writes.
        batch.push(i % 3 === 0 ? ['SET', `filler${i % 40}`, value(rnd, 8000)] : writes.next());
      }
      if (round % 2 === 1) batch.splice(400, 0, ['SWAPDB', '0', '1']);
      if (round === 3) batch.splice(800, 0, ['SELECT', '1'], ['FLUSHDB'], ['SELECT', '0']);
      await pipeline(c, batch);
      const before = await fullDump(c);
      expect(Object.keys(before).length, 'keys in the dataset').to.be.greaterThan(20);
      freed += Number((await settled(c, 1.5)).get('cleaner_segments_freed'));
      // Rewriting a collection changes its byte count (a delta chain becomes one image): hold the cleaner back so
      // the count compared across the restart is one no victim is changing.
      await call(c, 'CONFIG', 'SET', 'log-max-space-amplification', '100');
      const liveBefore = (await settled(c, 100)).get('log_live_bytes');
      c.close();

      server.kill('SIGKILL');
      await server.exited;
      server = await startFaha({ dir, args: [...args, '--log-max-space-amplification', '100'] });
      c = await RawClient.connect(server.port);
      const after = await fullDump(c);
      expect(after, `round ${round}`).to.deep.equal(before);
      expect((await info(c)).get('log_live_bytes'), `live bytes after round ${round}`).to.equal(liveBefore);
      await call(c, 'CONFIG', 'SET', 'log-max-space-amplification', '1.5');
      c.close();
    }
    expect(freed, 'segments freed by the cleaner over all rounds').to.be.greaterThan(5);

    // A full pass frees every segment but the head only if the live-byte accounting agrees with what the walks
    // found in each (a segment whose count stays above zero is kept, and said so in the server's log).
    const c = await RawClient.connect(server.port);
    const before = await fullDump(c);
    await call(c, 'BGREWRITEAOF');
    const until = Date.now() + 15000;
    while (Date.now() < until && !(await call(c, 'INFO', 'persistence')).toString().includes('aof_rewrite_in_progress:0')) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await info(c)).get('log_segments'), 'segments after a full pass').to.equal('1');
    expect(server.output(), 'server log').to.not.include('Cleaner:');
    c.close();
    server.kill('SIGKILL');
    await server.exited;
    server = await startFaha({ dir, args });
    const again = await RawClient.connect(server.port);
    expect(await fullDump(again), 'after the full pass and a restart').to.deep.equal(before);
    again.close();
  });
});
