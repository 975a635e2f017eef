import { expect } from 'chai';
import { Redis } from 'ioredis';
import { Writable } from 'node:stream';
import { startFaha } from './testing/servers.js';
import { RecoveryProgressReporter, humanBytes, progressLine, summaryLine } from './recovery-progress.js';

const MB = 1024 * 1024;

/** A stream that keeps what is written; `tty` decides whether it passes for a terminal. */
class Capture extends Writable {
  text = '';
  columns = 120;
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

function reporter(tty: boolean) {
  const clock = { t: 1000 };
  const lines: string[] = [];
  const stream = new Capture(tty);
  const r = new RecoveryProgressReporter({ stream, log: (l) => lines.push(l), now: () => clock.t });
  return { r, clock, lines, stream };
}

describe('recovery progress', () => {
  it('logs a line with the percentage and bytes every two seconds for a large log when stderr is not a terminal', () => {
    const { r, clock, lines, stream } = reporter(false);
    const total = 1100 * 1e6;
    clock.t += 500;
    r.onProgress(100 * 1e6, total);
    expect(lines).to.deep.equal([]);
    clock.t += 2700;
    r.onProgress(412 * 1e6, total);
    clock.t += 100;
    r.onProgress(420 * 1e6, total);
    clock.t += 2000;
    r.onProgress(800 * 1e6, total);
    r.finish();
    expect(lines).to.deep.equal([
      'Loading the log: 37% (412 MB of 1.1 GB), 3.2 s',
      'Loading the log: 72% (800 MB of 1.1 GB), 5.3 s',
    ]);
    expect(stream.text).to.equal('');
  });

  it('stays quiet for a small log that loads within a second', () => {
    const { r, clock, lines, stream } = reporter(false);
    for (let i = 1; i <= 8; i++) {
      clock.t += 100;
      r.onProgress(i * 4 * MB, 64 * MB);
    }
    r.finish();
    expect(lines).to.deep.equal([]);
    expect(stream.text).to.equal('');
  });

  it('reports a small log too once loading has lasted over a second', () => {
    const { r, clock, lines } = reporter(false);
    clock.t += 2500;
    r.onProgress(32 * MB, 64 * MB);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.match(/^Loading the log: 50% \(34 MB of 67 MB\), 2\.5 s$/);
  });

  it('draws a progress bar on a terminal instead of logging lines', () => {
    const { r, lines, stream } = reporter(true);
    r.onProgress(100 * MB, 400 * MB);
    r.onProgress(400 * MB, 400 * MB);
    r.finish();
    expect(lines).to.deep.equal([]);
    expect(stream.text).to.include('Loading the log [');
    expect(stream.text).to.include('100% | 419 MB of 419 MB');
  });

  it('words sizes with their unit', () => {
    expect([humanBytes(999), humanBytes(12_345), humanBytes(412_000_000), humanBytes(1_100_000_000)]).to.deep.equal(['999 B', '12 kB', '412 MB', '1.1 GB']);
    expect(progressLine(0, 0, 0)).to.equal('Loading the log: 100% (0 B of 0 B), 0.0 s');
  });

  it('sums recovery up with keys, records, bytes, seconds and throughput', () => {
    expect(summaryLine({ keys: 1030000, records: 1030000, bytes: 140_000_000, millis: 1250 })).to.equal(
      'DB loaded from log: 1030000 keys from 1030000 records (140 MB) in 1.250 seconds (112 MB/s)',
    );
  });

  it("a restarted faha logs the recovery summary with the log's bytes (two 256-byte aligned batches)", async function () {
    this.timeout(20000);
    const first = await startFaha();
    try {
      const client = new Redis({ port: first.port, lazyConnect: true });
      await client.connect();
      await client.set('k', 'x'.repeat(1000));
      await client.rpush('l', 'a', 'b');
      client.disconnect();
      await first.stop(false);
      const again = await startFaha({ dir: first.dir });
      try {
        const line = /DB loaded from log: .*/.exec(again.output())?.[0] ?? '';
        expect(line, line).to.match(/^DB loaded from log: 2 keys from 2 records \(2 kB\) in \d+\.\d{3} seconds \((\d+ k?B\/s|instant)\)$/);
      } finally {
        await again.stop(false);
      }
    } finally {
      await first.stop(true);
    }
  });
});
