// Redis's HyperLogLog string layout: the 16-byte header ("HYLL", encoding byte, cached cardinality) and the
// dense encoding (16384 registers of 6 bits packed LSB first), plus register histograms. Bytes only; no keys.

export const HLL_REGISTERS = 16384;
export const HLL_HEADER_SIZE = 16;
/** Header plus 16384 * 6 bits. */
export const HLL_DENSE_SIZE = HLL_HEADER_SIZE + (HLL_REGISTERS * 6) / 8;
export const HLL_DENSE = 0;
export const HLL_SPARSE = 1;
/** Largest count a register can hold from hashing (1 + the 50 hash bits above the index). */
export const HLL_Q = 50;

const ENCODING_OFFSET = 4;
const CARD_OFFSET = 8;

/** isHLLObjectOrReply's shape checks: magic, a known encoding, and the exact length when dense. */
export function isHllValue(v: Buffer): boolean {
  if (v.length < HLL_HEADER_SIZE) return false;
  if (v[0] !== 0x48 || v[1] !== 0x59 || v[2] !== 0x4c || v[3] !== 0x4c) return false;
  const enc = v[ENCODING_OFFSET];
  if (enc > HLL_SPARSE) return false;
  return enc !== HLL_DENSE || v.length === HLL_DENSE_SIZE;
}

export function encodingOf(v: Buffer): number {
  return v[ENCODING_OFFSET];
}

/** The cached cardinality's top bit marks it stale. */
export function cacheValid(v: Buffer): boolean {
  return (v[CARD_OFFSET + 7] & 0x80) === 0;
}

export function invalidateCache(v: Buffer): void {
  v[CARD_OFFSET + 7] |= 0x80;
}

/** The cached cardinality (little endian); only meaningful while cacheValid. */
export function cachedCard(v: Buffer): bigint {
  return v.readBigUInt64LE(CARD_OFFSET);
}

export function storeCard(v: Buffer, card: number): void {
  v.writeBigUInt64LE(BigInt(card), CARD_OFFSET);
}

/** A new all-zero dense value carrying `header` (magic and cached cardinality), as hllSparseToDense makes it. */
export function emptyDense(header: Buffer): Buffer {
  const v = Buffer.alloc(HLL_DENSE_SIZE);
  header.copy(v, 0, 0, HLL_HEADER_SIZE);
  v[ENCODING_OFFSET] = HLL_DENSE;
  return v;
}

export function denseGet(v: Buffer, reg: number): number {
  const byte = HLL_HEADER_SIZE + ((reg * 6) >>> 3);
  const fb = (reg * 6) & 7;
  const b1 = byte + 1 < v.length ? v[byte + 1] : 0;
  return ((v[byte] >>> fb) | (b1 << (8 - fb))) & 63;
}

export function denseSet(v: Buffer, reg: number, val: number): void {
  const byte = HLL_HEADER_SIZE + ((reg * 6) >>> 3);
  const fb = (reg * 6) & 7;
  v[byte] = (v[byte] & ~(63 << fb)) | ((val << fb) & 0xff);
  // The last register never reaches past the value (its high bits stay in its own byte).
  if (byte + 1 < v.length) v[byte + 1] = (v[byte + 1] & ~(63 >>> (8 - fb))) | (val >>> (8 - fb));
}

/** hllDenseSet: raises the register to `count` if that is larger; true when it changed. */
export function denseRaise(v: Buffer, reg: number, count: number): boolean {
  if (count <= denseGet(v, reg)) return false;
  denseSet(v, reg, count);
  return true;
}

/** How many registers hold each value 0..63. */
export function denseHistogram(v: Buffer, histo: Int32Array): void {
  for (let r = 0; r < HLL_REGISTERS; r++) histo[denseGet(v, r)]++;
}

/** Merges a dense value into one byte per register (max of both). */
export function denseMergeInto(v: Buffer, max: Uint8Array): void {
  for (let r = 0; r < HLL_REGISTERS; r++) {
    const val = denseGet(v, r);
    if (val > max[r]) max[r] = val;
  }
}

export function rawHistogram(max: Uint8Array, histo: Int32Array): void {
  for (let r = 0; r < HLL_REGISTERS; r++) histo[max[r]]++;
}
