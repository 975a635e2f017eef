// Reads one batch's header fields and walks the records inside it, checking each record header against the batch's
// bounds. Shared by recovery and faha-check-log so both judge records alike; it never checks the CRC (checkBatch does).
import {
  BATCH_CONTINUED, BATCH_HEADER_SIZE, BH_COUNT, BH_FIRST_LSN_LO, BH_FLAGS, BH_LENGTH, REC_HEADER_SIZE, REC_KEY_LEN,
  REC_LENGTH, REC_VALUE_LEN, readU64,
} from './format.js';

export interface BatchHeader {
  count: number;
  /** Bytes of records after the 32-byte header. */
  length: number;
  firstLSN: number;
  continued: boolean;
}

export function readBatchHeader(buf: Buffer, off: number): BatchHeader {
  return {
    count: buf.readUInt32LE(off + BH_COUNT),
    length: buf.readUInt32LE(off + BH_LENGTH),
    firstLSN: readU64(buf, off + BH_FIRST_LSN_LO),
    continued: (buf[off + BH_FLAGS] & BATCH_CONTINUED) !== 0,
  };
}

/** Where a record inside a batch went wrong: the record's offset in `buf` and why. */
export interface RecordProblem {
  at: number;
  reason: string;
}

/**
 * Called for each record in order: its offset in `buf`, key and value lengths, and its index in the batch. The key
 * starts at `at + REC_HEADER_SIZE`, the value right after the key.
 */
export type RecordStep = (at: number, keyLen: number, valueLen: number, index: number) => void;

/**
 * Walks the records of the batch whose header is at `off` (the batch must lie inside `buf`). Records seen before a
 * problem have already been passed to `step`; callers that must be all-or-nothing check the result first. `dv`, a
 * DataView over the same bytes, lets recovery pass the segment's own (its loads are cheaper than readUInt32LE).
 */
export function walkRecords(buf: Buffer, off: number, step?: RecordStep, dv: DataView = viewOf(buf)): RecordProblem | null {
  const count = dv.getUint32(off + BH_COUNT, true);
  let at = off + BATCH_HEADER_SIZE;
  const end = at + dv.getUint32(off + BH_LENGTH, true);
  for (let i = 0; i < count; i++) {
    if (at + REC_HEADER_SIZE > end) return { at, reason: 'record header runs past its batch' };
    const recLen = dv.getUint32(at + REC_LENGTH, true);
    const keyLen = dv.getUint32(at + REC_KEY_LEN, true);
    const valueLen = dv.getUint32(at + REC_VALUE_LEN, true);
    if (recLen !== REC_HEADER_SIZE + keyLen + valueLen || at + recLen > end) {
      return { at, reason: 'record length does not match its key and value' };
    }
    step?.(at, keyLen, valueLen, i);
    at += recLen;
  }
  if (at !== end) return { at, reason: 'batch length does not match its records' };
  return null;
}

function viewOf(buf: Buffer): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The LSN rule at the first batch of a segment: it may jump forward from `expectLSN` (the cleaner frees whole
 * segments) but never go back. Within a segment checkBatch demands exact continuity.
 */
export function segmentStartLSNProblem(firstLSN: number, expectLSN: number): string | null {
  return expectLSN >= 0 && firstLSN < expectLSN ? `batch starts at LSN ${firstLSN}, before ${expectLSN}` : null;
}
