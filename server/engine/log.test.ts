import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBackend, type PersistenceBackend } from '../platform/pmem.js';
import { LogCorruptError } from './errors.js';
import { BATCH_HEADER_SIZE, BH_CRC, RecordKind } from './format.js';
import { Log, type LogOptions } from './log.js';
import type { RecordView } from './recovery.js';
import { segmentFileName } from './segment.js';

interface Seen {
  kind: number;
  key: string;
  value: string;
  lsn: number;
  expireAt: number;
}

function collect(list: Seen[]) {
  return (r: RecordView) => list.push({ kind: r.kind, key: r.key, value: r.seg.buf.toString('latin1', r.valueOff, r.valueOff + r.valueLen), lsn: r.lsn, expireAt: r.expireAt });
}

describe('engine: the log', () => {
  let dir: string;
  const backend = openBackend('auto');
  const opts = (over: Partial<LogOptions> = {}): LogOptions => ({ dir, segmentSize: 1 << 20, backend, fsync: 'always', ...over });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replays the records of sealed batches in order after a restart', () => {
    const log = Log.open(opts(), () => {});
    log.append(RecordKind.PutString, 0, 0, 'a', Buffer.from('1'), 0);
    log.append(RecordKind.PutString, 0, 3, 'b\u00ff', Buffer.from([0, 255]), 1234567890123);
    log.flush();
    log.append(RecordKind.Delete, 0, 0, 'a', null, 0);
    log.close();
    const seen: Seen[] = [];
    const again = Log.open(opts(), collect(seen));
    expect(seen).to.deep.equal([
      { kind: RecordKind.PutString, key: 'a', value: '1', lsn: 1, expireAt: 0 },
      { kind: RecordKind.PutString, key: 'b\u00ff', value: '\u0000\u00ff', lsn: 2, expireAt: 1234567890123 },
      { kind: RecordKind.Delete, key: 'a', value: '', lsn: 3, expireAt: 0 },
    ]);
    expect(again.nextLSN).to.equal(4);
    again.close();
  });

  it('continues after the last batch when reopened, so old and new records both survive', () => {
    const log = Log.open(opts(), () => {});
    log.append(RecordKind.PutString, 0, 0, 'k1', Buffer.from('v1'), 0);
    log.close();
    const log2 = Log.open(opts(), () => {});
    log2.append(RecordKind.PutString, 0, 0, 'k2', Buffer.from('v2'), 0);
    log2.close();
    const seen: Seen[] = [];
    Log.open(opts(), collect(seen)).close();
    expect(seen.map((s) => [s.key, s.lsn])).to.deep.equal([
      ['k1', 1],
      ['k2', 2],
    ]);
  });

  it('keeps the open batch out of recovery until it is sealed', () => {
    const log = Log.open(opts(), () => {});
    log.append(RecordKind.PutString, 0, 0, 'sealed', Buffer.from('x'), 0);
    log.flush();
    log.append(RecordKind.PutString, 0, 0, 'unsealed', Buffer.from('y'), 0);
    // A crash now: the mapping holds the unsealed record's bytes but no batch header for them.
    const seen: Seen[] = [];
    Log.open(opts(), collect(seen)).close();
    expect(seen.map((s) => s.key)).to.deep.equal(['sealed']);
  });

  it('truncates a torn tail in the newest segment and appends cleanly after it', () => {
    const log = Log.open(opts(), () => {});
    log.append(RecordKind.PutString, 0, 0, 'good', Buffer.from('1'), 0);
    log.flush();
    log.append(RecordKind.PutString, 0, 0, 'torn', Buffer.from('2'), 0);
    log.flush();
    const seg = log.segmentById(1);
    // Flip a byte of the second batch's checksum, as a write torn by a crash would leave it.
    seg.buf[256 + BH_CRC] ^= 0xff;
    const seen: Seen[] = [];
    const warnings: string[] = [];
    const again = Log.open({ ...opts(), warn: (m) => warnings.push(m) }, collect(seen));
    expect(seen.map((s) => s.key)).to.deep.equal(['good']);
    expect(warnings.join()).to.match(/Truncated a torn tail/);
    again.append(RecordKind.PutString, 0, 0, 'after', Buffer.from('3'), 0);
    again.close();
    const seen2: Seen[] = [];
    Log.open(opts(), collect(seen2)).close();
    expect(seen2.map((s) => [s.key, s.lsn])).to.deep.equal([
      ['good', 1],
      ['after', 2],
    ]);
  });

  it('refuses to start when a batch in an older segment fails its checksum, naming file and offset', () => {
    const log = Log.open(opts({ segmentSize: 4096 }), () => {});
    for (let i = 0; i < 40; i++) {
      log.append(RecordKind.PutString, 0, 0, `key${i}`, Buffer.alloc(100, 'v'), 0);
      log.flush();
    }
    expect(log.segmentCount).to.be.greaterThan(1);
    log.segmentById(1).buf[BATCH_HEADER_SIZE + 3] ^= 0x01;
    log.close();
    let err: unknown;
    try {
      Log.open(opts({ segmentSize: 4096 }), () => {});
    } catch (e) {
      err = e;
    }
    expect(err).to.be.instanceOf(LogCorruptError);
    expect((err as LogCorruptError).message).to.contain(segmentFileName(1)).and.to.contain('offset 0');
    expect((err as LogCorruptError).code).to.equal('ERR_LOG_CORRUPT');
  });

  it('treats a bad last batch of a segment followed only by empty segments as a torn tail', () => {
    const small = opts({ segmentSize: 4096 });
    const log = Log.open(small, () => {});
    let lastOffsetInFirst = 0;
    for (let i = 0; log.segmentCount === 1; i++) {
      const start = log.segmentById(1).head;
      log.append(RecordKind.PutString, 0, 0, `k${i}`, Buffer.alloc(300, 'x'), 0);
      log.flush();
      if (log.segmentCount === 1) lastOffsetInFirst = start;
    }
    // The crash came while the first segment's last batch was being persisted and the second was still empty.
    const firstSeg = log.segmentById(1);
    const badAt = lastOffsetInFirst;
    firstSeg.buf[badAt + BH_CRC] ^= 0xff;
    log.segmentById(2).buf.fill(0);
    log.close();
    const seen: Seen[] = [];
    const again = Log.open(small, collect(seen));
    expect(again.segmentCount).to.equal(1);
    expect(readdirSync(join(dir, 'log')).filter((f) => f.endsWith('.seg'))).to.deep.equal([segmentFileName(1)]);
    const kept = seen.length;
    again.append(RecordKind.PutString, 0, 0, 'after', Buffer.from('1'), 0);
    again.close();
    const seen2: Seen[] = [];
    Log.open(small, collect(seen2)).close();
    expect(seen2.length).to.equal(kept + 1);
    expect(seen2[seen2.length - 1].key).to.equal('after');
  });

  it('applies a batch that straddles two segments only when both parts are there', () => {
    const log = Log.open(opts({ segmentSize: 4096 }), () => {});
    // One turn's records overflow the first segment: the batch continues in segment 2.
    for (let i = 0; i < 30; i++) log.append(RecordKind.PutString, 0, 0, `k${i}`, Buffer.alloc(200, 'x'), 0);
    expect(log.segmentCount).to.equal(2);
    log.flush();
    const whole: Seen[] = [];
    Log.open(opts({ segmentSize: 4096 }), collect(whole)).close();
    expect(whole.length).to.equal(30);

    // Now lose the continuation (as if the crash came before segment 2's part was written).
    const again = Log.open(opts({ segmentSize: 4096 }), () => {});
    again.segmentById(2).buf.fill(0);
    again.close();
    const partial: Seen[] = [];
    const warnings: string[] = [];
    const third = Log.open({ ...opts({ segmentSize: 4096 }), warn: (m) => warnings.push(m) }, collect(partial));
    expect(partial.length).to.equal(0);
    expect(warnings.join()).to.match(/incomplete batch part/);
    // LSNs restart where the dropped batch began and the log stays readable.
    expect(third.nextLSN).to.equal(1);
    third.append(RecordKind.PutString, 0, 0, 'fresh', Buffer.from('1'), 0);
    third.close();
    const last: Seen[] = [];
    Log.open(opts({ segmentSize: 4096 }), collect(last)).close();
    expect(last.map((s) => s.key)).to.deep.equal(['fresh']);
  });

  for (const persistMode of ['inline', 'worker'] as const)
  it(`keeps durability back while persisting fails and advances it once a retry succeeds (persist-mode ${persistMode})`, async function () {
    this.timeout(5000);
    let failing = true;
    const flaky: PersistenceBackend = {
      name: backend.name,
      description: 'test: persists fail while `failing`',
      map(path, size, create) {
        const f = backend.map(path, size, create);
        const fault = () => Object.assign(new Error('EIO (injected)'), { code: 'EIO' });
        return {
          ...f,
          buf: f.buf,
          persist: (o, n) => {
            if (failing) throw fault();
            f.persist(o, n);
          },
          persistAsync: (o, n, done) => (failing ? done(fault()) : f.persistAsync(o, n, done)),
        };
      },
    };
    const warnings: string[] = [];
    const log = Log.open({ ...opts({ persistMode }), backend: flaky, warn: (m) => warnings.push(m) }, () => {});
    const lsn = log.append(RecordKind.PutString, 0, 0, 'k', Buffer.from('v'), 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(log.durableLSN).to.be.lessThan(lsn);
    expect(log.lastPersistError?.message).to.match(/EIO/);
    expect(warnings.join()).to.match(/Persisting the log failed/);
    failing = false;
    const durable = await new Promise<number>((resolve) => {
      log.onDurable = resolve;
    });
    expect(durable).to.equal(lsn);
    expect(log.lastPersistError).to.equal(null);
    log.close();
  });

  it('gives a record larger than a segment a segment of its own', () => {
    const log = Log.open(opts({ segmentSize: 4096 }), () => {});
    const big = Buffer.alloc(20000, 'b');
    log.append(RecordKind.PutString, 0, 0, 'big', big, 0);
    log.append(RecordKind.PutString, 0, 0, 'small', Buffer.from('s'), 0);
    log.close();
    const seen: Seen[] = [];
    Log.open(opts({ segmentSize: 4096 }), collect(seen)).close();
    expect(seen.map((s) => [s.key, s.value.length])).to.deep.equal([
      ['big', 20000],
      ['small', 1],
    ]);
    expect(readdirSync(join(dir, 'log')).filter((f) => f.endsWith('.seg')).length).to.be.greaterThan(1);
  });

  for (const persistMode of ['inline', 'worker'] as const)
  it(`holds durability back until persisted under always (persist-mode ${persistMode}), and never under everysec or no`, async () => {
    const log = Log.open(opts({ persistMode }), () => {});
    const lsn = log.append(RecordKind.PutString, 0, 0, 'k', Buffer.from('v'), 0);
    expect(log.durableLSN).to.be.lessThan(lsn);
    const durable = await new Promise<number>((resolve) => {
      log.onDurable = resolve;
    });
    expect(durable).to.equal(lsn);
    expect(log.durableLSN).to.equal(lsn);
    log.setFsync('no');
    const lsn2 = log.append(RecordKind.PutString, 0, 0, 'k', Buffer.from('w'), 0);
    expect(log.durableLSN).to.equal(lsn2);
    log.setFsync('everysec');
    const lsn3 = log.append(RecordKind.PutString, 0, 0, 'k', Buffer.from('x'), 0);
    expect(log.durableLSN).to.equal(lsn3);
    log.close();
  });
  it('runs beforeSeal at the end of an appending turn under always only, its records joining that batch and flush', async () => {
    const log = Log.open(opts(), () => {});
    let calls = 0;
    let late = 0;
    log.beforeSeal = () => {
      calls++;
      // What arrived while the turn ran: appended before the seal, so it is persisted with the first record.
      late = log.append(RecordKind.PutString, 0, 0, 'late', Buffer.from('x'), 0);
    };
    const first = log.append(RecordKind.PutString, 0, 0, 'first', Buffer.from('v'), 0);
    const durable = await new Promise<number>((resolve) => {
      log.onDurable = resolve;
    });
    expect([calls, late, durable]).to.deep.equal([1, first + 1, first + 1]);
    log.setFsync('no');
    log.append(RecordKind.PutString, 0, 0, 'k', Buffer.from('w'), 0);
    await new Promise((r) => setImmediate(r));
    expect(calls, 'no persist follows the seal under appendfsync no, so nothing is gathered for it').to.equal(1);
    log.close();
    const seen: Seen[] = [];
    Log.open(opts(), collect(seen)).close();
    expect(seen.map((r) => r.key)).to.deep.equal(['first', 'late', 'k']);
  });

  describe('extendLast: a delta payload joining the record appended last', () => {
    /** A payload as the list codec writes a push: op, u32 count, then u32-length-prefixed items. */
    const push = (op: number, ...items: string[]): Buffer => {
      const parts = [Buffer.from([op]), u32(items.length)];
      for (const it of items) parts.push(u32(it.length), Buffer.from(it, 'latin1'));
      return Buffer.concat(parts);
    };
    const u32 = (n: number): Buffer => {
      const b = Buffer.alloc(4);
      b.writeUInt32LE(n);
      return b;
    };

    it('sums the counts and appends the items in order, and recovery reads one record with all of them', () => {
      const log = Log.open(opts(), () => {});
      log.append(RecordKind.Delta, 1, 2, 'list', push(1, 'a'), 0);
      expect(log.extendLast(2, 4, push(1, 'bc'), 1)).to.equal(6);
      // An item longer than the loop copies is copied too.
      const long = 'x'.repeat(100);
      expect(log.extendLast(2, 4, push(1, long, 'd'), 1)).to.equal(4 + 100 + 4 + 1);
      log.close();
      const seen: Seen[] = [];
      Log.open(opts(), collect(seen)).close();
      expect(seen).to.have.length(1);
      expect(seen[0].kind).to.equal(RecordKind.Delta);
      expect(Buffer.from(seen[0].value, 'latin1')).to.deep.equal(push(1, 'a', 'bc', long, 'd'));
    });

    it('refuses a different op, database or key length, and a record that is not a delta', () => {
      const log = Log.open(opts(), () => {});
      log.append(RecordKind.Delta, 1, 0, 'k', push(1, 'a'), 0);
      expect(log.extendLast(0, 1, push(2, 'b'), 1)).to.equal(-1);
      expect(log.extendLast(1, 1, push(1, 'b'), 1)).to.equal(-1);
      expect(log.extendLast(0, 2, push(1, 'b'), 1)).to.equal(-1);
      log.append(RecordKind.PutString, 0, 0, 'k', push(1, 'a'), 0);
      expect(log.extendLast(0, 1, push(1, 'b'), 1)).to.equal(-1);
      log.close();
      const seen: Seen[] = [];
      Log.open(opts(), collect(seen)).close();
      expect(seen.map((r) => Buffer.from(r.value, 'latin1'))).to.deep.equal([push(1, 'a'), push(1, 'a')]);
    });

    it('never reaches into a sealed batch, or into the part before a segment change', () => {
      const log = Log.open(opts({ segmentSize: 4096 }), () => {});
      log.append(RecordKind.Delta, 1, 0, 'k', push(1, 'a'), 0);
      log.flush();
      expect(log.extendLast(0, 1, push(1, 'b'), 1)).to.equal(-1);
      // The open batch's records so far stay in segment 1 when a record needs segment 2.
      log.append(RecordKind.Delta, 1, 0, 'k', push(1, 'c'), 0);
      log.append(RecordKind.PutString, 0, 0, 'big', Buffer.alloc(3900), 0);
      expect(log.segmentCount).to.equal(2);
      expect(log.extendLast(0, 1, push(1, 'd'), 1)).to.equal(-1);
      log.close();
      const seen: Seen[] = [];
      Log.open(opts({ segmentSize: 4096 }), collect(seen)).close();
      expect(seen.map((r) => r.key)).to.deep.equal(['k', 'k', 'big']);
    });

    it('does not grow a record past the end of its segment', () => {
      const log = Log.open(opts({ segmentSize: 4096 }), () => {});
      log.append(RecordKind.Delta, 1, 0, 'k', push(1, 'x'.repeat(3900)), 0);
      expect(log.extendLast(0, 1, push(1, 'y'.repeat(500)), 1)).to.equal(-1);
      expect(log.extendLast(0, 1, push(1, 'y'), 1)).to.equal(5);
      log.close();
    });
  });
});
