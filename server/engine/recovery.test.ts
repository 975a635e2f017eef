import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend } from '../platform/pmem.js';
import { RecordKind } from './format.js';
import { Log, type LogOptions } from './log.js';
import { PROGRESS_STEP } from './recovery.js';

describe('engine: recovery progress', () => {
  let dir: string;
  const backend = openBackend('auto');

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-recovery-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes `records` records of `valueBytes` each, one batch per 64 records, and closes the log. */
  function fill(opts: LogOptions, records: number, valueBytes: number): number {
    const log = Log.open(opts, () => {});
    const value = Buffer.alloc(valueBytes, 0x61);
    for (let i = 0; i < records; i++) {
      log.append(RecordKind.PutString, 0, 0, `key:${i}`, value, 0);
      if (i % 64 === 63) log.flush();
    }
    log.flush();
    const used = log.usedBytes;
    log.close();
    return used;
  }

  it('reports scanned bytes that only grow and end at the total of the live segments', () => {
    const opts: LogOptions = { dir, segmentSize: 1 << 20, backend, fsync: 'no' };
    fill(opts, 3000, 1000);
    const calls: [number, number][] = [];
    const log = Log.open({ ...opts, onRecoveryProgress: (s, t) => calls.push([s, t]) }, () => {});
    const total = log.diskBytes;
    log.close();
    expect(log.segmentCount).to.be.greaterThan(2);
    expect(calls.length).to.be.at.least(log.segmentCount);
    for (let i = 1; i < calls.length; i++) expect(calls[i][0]).to.be.at.least(calls[i - 1][0]);
    expect(calls.every(([, t]) => t === total)).to.equal(true);
    expect(calls[calls.length - 1]).to.deep.equal([total, total]);
  });

  it('reports within a segment about every PROGRESS_STEP bytes', () => {
    const opts: LogOptions = { dir, segmentSize: 4 * PROGRESS_STEP, backend, fsync: 'no' };
    fill(opts, 3 * 4096, 1000);
    const calls: number[] = [];
    Log.open({ ...opts, onRecoveryProgress: (s) => calls.push(s) }, () => {}).close();
    expect(calls.length).to.be.within(3, 6);
    expect(calls[0]).to.be.within(PROGRESS_STEP, PROGRESS_STEP + 64 * 1100);
  });

  it("knows every segment's used bytes after a restart, not only the newest's", () => {
    const opts: LogOptions = { dir, segmentSize: 1 << 20, backend, fsync: 'no' };
    const used = fill(opts, 3000, 1000);
    const log = Log.open(opts, () => {});
    expect(log.usedBytes).to.equal(used);
    log.close();
  });
});
