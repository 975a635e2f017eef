// Redis's sparse HyperLogLog encoding (run-length opcodes ZERO 00xxxxxx, XZERO 01xxxxxx yyyyyyyy, VAL 1vvvvvxx)
// and its exact in-place update rules, so a sparse value's bytes match what Redis would hold. Bytes only.
import { HLL_HEADER_SIZE, HLL_REGISTERS, HLL_SPARSE, denseRaise, denseSet, emptyDense, invalidateCache } from './dense.js';

const VAL_MAX_VALUE = 32;
const VAL_MAX_LEN = 4;
const ZERO_MAX_LEN = 64;
const XZERO_MAX_LEN = 16384;

const isZero = (op: number): boolean => (op & 0xc0) === 0;
const isXzero = (op: number): boolean => (op & 0xc0) === 0x40;
const isVal = (op: number): boolean => (op & 0x80) !== 0;
const zeroLen = (op: number): number => (op & 0x3f) + 1;
const valValue = (op: number): number => ((op >>> 2) & 0x1f) + 1;
const valLen = (op: number): number => (op & 3) + 1;
const valOp = (val: number, len: number): number => (((val - 1) << 2) | (len - 1)) | 0x80;

/** XZERO's run length; a truncated opcode reads the byte past the end as 0, as the sds terminator does. */
function xzeroLen(v: Buffer, p: number): number {
  return (((v[p] & 0x3f) << 8) | (p + 1 < v.length ? v[p + 1] : 0)) + 1;
}

function pushZeros(seq: number[], len: number): void {
  if (len > ZERO_MAX_LEN) {
    const l = len - 1;
    seq.push((l >>> 8) | 0x40, l & 0xff);
  } else {
    seq.push(len - 1);
  }
}

/** createHLLObject: a sparse value with every register 0 (one XZERO of 16384). */
export function emptySparse(): Buffer {
  const v = Buffer.alloc(HLL_HEADER_SIZE + 2 * Math.ceil(HLL_REGISTERS / XZERO_MAX_LEN));
  v.write('HYLL', 0, 'latin1');
  v[4] = HLL_SPARSE;
  let p = HLL_HEADER_SIZE;
  for (let left = HLL_REGISTERS; left > 0; p += 2) {
    const n = Math.min(XZERO_MAX_LEN, left);
    v[p] = ((n - 1) >>> 8) | 0x40;
    v[p + 1] = (n - 1) & 0xff;
    left -= n;
  }
  return v;
}

/**
 * Calls `run(first, len, value)` for every opcode in order (value 0 for ZERO/XZERO runs); returns the number of
 * registers covered. With `stopOnOverflow`, a VAL run that would pass register 16383 ends the walk as corrupt
 * (-1), as hllSparseToDense and hllMerge do in 7.0.
 */
function walk(v: Buffer, run: (first: number, len: number, value: number) => void, stopOnOverflow: boolean): number {
  let idx = 0;
  for (let p = HLL_HEADER_SIZE; p < v.length; ) {
    const op = v[p];
    let len: number;
    let value = 0;
    if (isZero(op)) {
      len = zeroLen(op);
      p++;
    } else if (isXzero(op)) {
      len = xzeroLen(v, p);
      p += 2;
    } else {
      len = valLen(op);
      value = valValue(op);
      if (stopOnOverflow && idx + len > HLL_REGISTERS) return -1;
      p++;
    }
    run(idx, len, value);
    idx += len;
  }
  return idx;
}

/** hllSparseToDense: the dense value with the same registers and header, or null when the runs are corrupt. */
export function sparseToDense(v: Buffer): Buffer | null {
  const dense = emptyDense(v);
  const covered = walk(v, (first, len, value) => {
    if (value !== 0) for (let r = first; r < first + len; r++) denseSet(dense, r, value);
  }, true);
  return covered === HLL_REGISTERS ? dense : null;
}

/** hllSparseRegHisto: adds the runs to `histo`; false when they do not cover exactly 16384 registers. */
export function sparseHistogram(v: Buffer, histo: Int32Array): boolean {
  const covered = walk(v, (_first, len, value) => {
    histo[value] += len;
  }, false);
  return covered === HLL_REGISTERS;
}

/** hllMerge for a sparse value: max per register into `max`; false when corrupt. */
export function sparseMergeInto(v: Buffer, max: Uint8Array): boolean {
  const covered = walk(v, (first, len, value) => {
    if (value !== 0) for (let r = first; r < first + len; r++) if (value > max[r]) max[r] = value;
  }, true);
  return covered === HLL_REGISTERS;
}

/** The outcome of raising one register: the (possibly new) value and whether anything changed. */
export interface SetResult {
  value: Buffer;
  /** 1 changed, 0 unchanged, -1 corrupt. */
  status: 1 | 0 | -1;
}

/**
 * hllSparseSet: raises register `index` to `count` if larger, splitting the opcode that covers it and merging
 * equal neighbouring VALs as Redis does. Promotes to dense when `count` exceeds 32 or the value would grow past
 * `maxBytes` (hll-sparse-max-bytes).
 */
export function sparseSet(v: Buffer, index: number, count: number, maxBytes: number): SetResult {
  if (count > VAL_MAX_VALUE) return promote(v, index, count);
  let p = HLL_HEADER_SIZE;
  let first = 0;
  let prev = -1;
  let span = 0;
  while (p < v.length) {
    const op = v[p];
    let oplen = 1;
    if (isZero(op)) span = zeroLen(op);
    else if (isVal(op)) span = valLen(op);
    else {
      span = xzeroLen(v, p);
      oplen = 2;
    }
    if (index <= first + span - 1) break;
    prev = p;
    p += oplen;
    first += span;
  }
  if (span === 0 || p >= v.length) return { value: v, status: -1 };
  const op = v[p];
  const runlen = isZero(op) ? zeroLen(op) : isXzero(op) ? xzeroLen(v, p) : valLen(op);
  if (isVal(op)) {
    if (valValue(op) >= count) return { value: v, status: 0 };
    if (runlen === 1) {
      v[p] = valOp(count, 1);
      return { value: mergeAdjacent(v, prev), status: 1 };
    }
  }
  if (isZero(op) && runlen === 1) {
    v[p] = valOp(count, 1);
    return { value: mergeAdjacent(v, prev), status: 1 };
  }
  const seq = splitRun(op, index, first, first + span - 1, count);
  const oldlen = isXzero(op) ? 2 : 1;
  if (seq.length > oldlen && v.length + seq.length - oldlen > maxBytes) return promote(v, index, count);
  const next = Buffer.concat([v.subarray(0, p), Buffer.from(seq), v.subarray(Math.min(p + oldlen, v.length))]);
  return { value: mergeAdjacent(next, prev), status: 1 };
}

/** The opcodes replacing the run [first, last] once register `index` in it holds `count`. */
function splitRun(op: number, index: number, first: number, last: number, count: number): number[] {
  const seq: number[] = [];
  if (!isVal(op)) {
    if (index !== first) pushZeros(seq, index - first);
    seq.push(valOp(count, 1));
    if (index !== last) pushZeros(seq, last - index);
  } else {
    const cur = valValue(op);
    if (index !== first) seq.push(valOp(cur, index - first));
    seq.push(valOp(count, 1));
    if (index !== last) seq.push(valOp(cur, last - index));
  }
  return seq;
}

/** Redis's step 4: from the opcode before the change, up to 5 opcodes, joins equal adjacent VAL runs. */
function mergeAdjacent(v: Buffer, prev: number): Buffer {
  let p = prev >= 0 ? prev : HLL_HEADER_SIZE;
  let end = v.length;
  let scan = 5;
  while (p < end && scan-- > 0) {
    const op = v[p];
    if (isXzero(op)) {
      p += 2;
      continue;
    }
    if (isZero(op)) {
      p++;
      continue;
    }
    if (p + 1 < end && isVal(v[p + 1]) && valValue(op) === valValue(v[p + 1])) {
      const len = valLen(op) + valLen(v[p + 1]);
      if (len <= VAL_MAX_LEN) {
        v[p + 1] = valOp(valValue(op), len);
        v.copy(v, p, p + 1, end);
        end--;
        continue;
      }
    }
    p++;
  }
  const out = end === v.length ? v : v.subarray(0, end);
  invalidateCache(out);
  return out;
}

function promote(v: Buffer, index: number, count: number): SetResult {
  const dense = sparseToDense(v);
  if (dense === null) return { value: v, status: -1 };
  denseRaise(dense, index, count);
  return { value: dense, status: 1 };
}
