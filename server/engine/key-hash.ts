// The 32-bit hash of a key, computed alike over a latin1 string and over the key's bytes in a log record. Owns only
// the hash function: it never allocates and never decides equality (the index verifies keys itself).

/**
 * MurmurHash3 x86_32 (public-domain algorithm, seed 0): four bytes per step with two Math.imul, then fmix32, whose
 * avalanche makes the LOW bits — the key table's home bucket — depend on every input bit. A per-byte FNV loop is
 * twice the multiplies and leaves poor low bits without the same finaliser. npm's murmur packages hash whole JS
 * strings or whole buffers, not a sub-range of a mapped segment, so they cannot share one definition with the
 * record path. 0 marks an empty table slot, so a hash of 0 (the empty key hashes to 0) becomes ZERO_HASH_STANDIN.
 */
export const ZERO_HASH_STANDIN = 0x9e3779b9;

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function mixTail(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  return h ^ k;
}

function finish(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? ZERO_HASH_STANDIN : h >>> 0;
}

/** Hash of a latin1 key: one char per byte. A char above 0xff would overlap its neighbour; keys never hold one. */
export function hashString(key: string): number {
  const n = key.length;
  const blocks = n & ~3;
  let h = 0;
  let i = 0;
  for (; i < blocks; i += 4) {
    const k =
      key.charCodeAt(i) | (key.charCodeAt(i + 1) << 8) | (key.charCodeAt(i + 2) << 16) | (key.charCodeAt(i + 3) << 24);
    h = mixBlock(h, k);
  }
  const rest = n - blocks;
  if (rest > 0) {
    let k = key.charCodeAt(i);
    if (rest > 1) k |= key.charCodeAt(i + 1) << 8;
    if (rest > 2) k |= key.charCodeAt(i + 2) << 16;
    h = mixTail(h, k);
  }
  return finish(h, n);
}

/** Hash of buf[start, end): equal to hashString of the same bytes read as latin1. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  const blocksEnd = start + (n & ~3);
  let h = 0;
  let i = start;
  for (; i < blocksEnd; i += 4) {
    h = mixBlock(h, buf[i] | (buf[i + 1] << 8) | (buf[i + 2] << 16) | (buf[i + 3] << 24));
  }
  const rest = end - blocksEnd;
  if (rest > 0) {
    let k = buf[i];
    if (rest > 1) k |= buf[i + 1] << 8;
    if (rest > 2) k |= buf[i + 2] << 16;
    h = mixTail(h, k);
  }
  return finish(h, n);
}
