// faha-check-log's judgement on hand-built logs, for the cases a running server rarely leaves behind: CONTINUED
// batches, a wiped batch header, an LSN gap, a record that does not fit its batch, stray bytes in an older segment.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32c } from '../engine/crc.js';
import {
  BATCH_CONTINUED, BATCH_HEADER_SIZE, BATCH_MAGIC, BATCH_VERSION, BH_COUNT, BH_CRC, BH_FLAGS, BH_LENGTH, BH_VERSION,
  REC_HEADER_SIZE, REC_KEY_LEN, REC_KIND, REC_LENGTH, REC_VALUE_LEN, RecordKind, alignUp, writeU64,
} from '../engine/format.js';
import { checkLog } from './check-log.js';
import { fixLog } from './check-log-fix.js';

const SEG = 8192;

/** One batch of PUT_STRING records, CRC and padding included, as log.ts writes it. */
function batch(firstLSN: number, keys: string[], flags = 0): Buffer {
  const recs = keys.map((k) => {
    const r = Buffer.alloc(REC_HEADER_SIZE + k.length + 3);
    r.writeUInt32LE(r.length, REC_LENGTH);
    r[REC_KIND] = RecordKind.PutString;
    r.writeUInt32LE(k.length, REC_KEY_LEN);
    r.writeUInt32LE(3, REC_VALUE_LEN);
    r.write(k + 'val', REC_HEADER_SIZE, 'latin1');
    return r;
  });
  const body = Buffer.concat(recs);
  const b = Buffer.alloc(alignUp(BATCH_HEADER_SIZE + body.length));
  b.writeUInt32LE(BATCH_MAGIC, 0);
  b[BH_VERSION] = BATCH_VERSION;
  b[BH_FLAGS] = flags;
  b.writeUInt32LE(keys.length, BH_COUNT);
  writeU64(b, 16, firstLSN);
  b.writeUInt32LE(body.length, BH_LENGTH);
  body.copy(b, BATCH_HEADER_SIZE);
  b.writeUInt32LE(crc32c(body, crc32c(b.subarray(0, BH_CRC))), BH_CRC);
  return b;
}

describe('faha-check-log on hand-built logs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-check-crafted-'));
    mkdirSync(join(dir, 'log'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const segPath = (id: number) => join(dir, 'log', `${String(id).padStart(8, '0')}.seg`);

  /** Writes segments 1..n, each its batches back to back then zeros (or `tail` bytes right after them). */
  function writeLog(segments: Buffer[][]): void {
    segments.forEach((batches, i) => {
      const seg = Buffer.alloc(SEG);
      Buffer.concat(batches).copy(seg);
      writeFileSync(segPath(i + 1), seg);
    });
    writeFileSync(join(dir, 'log', 'MANIFEST'), JSON.stringify({ format: 1, epoch: 1, segments: segments.map((_, i) => i + 1) }) + '\n');
  }

  it('is OK when a CONTINUED batch is completed in the next segment', () => {
    writeLog([[batch(1, ['a', 'b']), batch(3, ['c'], BATCH_CONTINUED)], [batch(4, ['d'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('OK');
    expect(r.segments.map((s) => [s.firstLSN, s.lastLSN])).to.deep.equal([[1, 3], [4, 4]]);
  });

  it('calls a log ending in an incomplete CONTINUED batch a torn tail, and the fix erases that part', () => {
    writeLog([[batch(1, ['a', 'b']), batch(3, ['c'], BATCH_CONTINUED)], []]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('TORN TAIL');
    expect(r.bad?.reason).to.equal('the log ends in a CONTINUED batch whose final part is missing');
    expect(r.cut).to.deep.equal({ index: 0, offset: 256 });
    expect(fixLog(r).removed).to.deep.equal(['00000002.seg']);
    const after = checkLog(dir);
    expect(after.verdict).to.equal('OK');
    expect(after.segments[0].records).to.equal(2);
  });

  it('calls a wiped batch header followed by good batches CORRUPT, though recovery would stop there quietly', () => {
    const b2 = batch(3, ['c']);
    b2.fill(0, 0, 4);
    writeLog([[batch(1, ['a', 'b']), b2, batch(4, ['d'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.bad).to.deep.include({ offset: 256, reason: 'a zeroed batch header, with good batches after it' });
    expect(r.lost.records).to.equal(1);
  });

  it('calls a bad batch in the newest segment CORRUPT when a good batch follows it in that segment', () => {
    const b2 = batch(3, ['c']);
    b2[40] ^= 1;
    writeLog([[batch(1, ['a']), batch(2, ['b'])], [batch(3, ['c']), b2, batch(5, ['e', 'f'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.bad).to.deep.include({ index: 1, offset: 256 });
    expect(r.segments[1]).to.deep.include({ used: 256, batches: 1, records: 1 });
    expect(r.lost).to.deep.include({ batches: 1, records: 2, files: [] });
  });

  it('accepts LSNs that jump forward at a segment start (the cleaner frees whole segments)', () => {
    writeLog([[batch(1, ['a', 'b'])], [batch(7, ['c']), batch(8, ['d'])]]);
    expect(checkLog(dir).verdict).to.equal('OK');
  });

  it('calls LSNs that go back at a segment start CORRUPT at that batch', () => {
    writeLog([[batch(1, ['a', 'b', 'c'])], [batch(2, ['c']), batch(3, ['d'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.bad).to.deep.include({ file: '00000002.seg', offset: 0, reason: 'batch starts at LSN 2, before 4' });
  });

  it('calls a gap in the LSNs inside a segment CORRUPT at the batch that does not follow on', () => {
    writeLog([[batch(1, ['a', 'b']), batch(7, ['c']), batch(8, ['d'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.bad).to.deep.include({ file: '00000001.seg', offset: 256, reason: 'batch starts at LSN 7, expected 3' });
  });

  it('calls a whole batch out of LSN order at the very tail CORRUPT, not a torn tail: no torn write makes one', () => {
    writeLog([[batch(1, ['a', 'b']), batch(9, ['c'])]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.lost).to.deep.include({ batches: 1, records: 1 });
  });

  it('calls a record that does not fit its batch CORRUPT even at the tail, as recovery refuses to start on it', () => {
    const b = batch(2, ['b']);
    b.writeUInt32LE(99, BATCH_HEADER_SIZE + REC_LENGTH);
    b.writeUInt32LE(crc32c(b.subarray(BATCH_HEADER_SIZE, BATCH_HEADER_SIZE + b.readUInt32LE(BH_LENGTH)), crc32c(b.subarray(0, BH_CRC))), BH_CRC);
    writeLog([[batch(1, ['a']), b]]);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('CORRUPT');
    expect(r.bad?.reason).to.equal(`record at offset ${256 + BATCH_HEADER_SIZE}: record length does not match its key and value`);
  });

  it('only notes stray bytes after the data of an older segment, which recovery ignores', () => {
    writeLog([[batch(1, ['a'])], [batch(2, ['b'])]]);
    const seg = readFileSync(segPath(1));
    seg.fill(7, 1000, 1010);
    writeFileSync(segPath(1), seg);
    const r = checkLog(dir);
    expect(r.verdict).to.equal('OK');
    expect(r.notes).to.deep.equal(['00000001.seg has nonzero bytes between the end of its data (offset 256) and offset 1010; faha-server ignores them.']);
  });
});
