// Bit-level reads of a byte string, numbering bits as Redis does (bit 0 is the most significant bit of byte 0):
// population count and first-bit search. Pure functions of the bytes.

const POPCOUNT = new Uint8Array(256);
for (let i = 1; i < 256; i++) POPCOUNT[i] = (i & 1) + POPCOUNT[i >>> 1];

/** Set bits in bytes [from, to). */
export function popcount(v: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += POPCOUNT[v[i]];
  return n;
}

/** Set bits among bit positions [fromBit, toBit] (inclusive; both inside `v`). */
export function popcountBits(v: Uint8Array, fromBit: number, toBit: number): number {
  const first = Math.floor(fromBit / 8);
  const last = Math.floor(toBit / 8);
  const headMask = 0xff >>> (fromBit & 7);
  const tailMask = (0xff << (7 - (toBit & 7))) & 0xff;
  if (first === last) return POPCOUNT[v[first] & headMask & tailMask];
  return POPCOUNT[v[first] & headMask] + popcount(v, first + 1, last) + POPCOUNT[v[last] & tailMask];
}

/** The first bit equal to `bit` among positions [fromBit, toBit] (inclusive, inside `v`), or -1. */
export function findBit(v: Uint8Array, fromBit: number, toBit: number, bit: 0 | 1): number {
  const skip = bit === 1 ? 0x00 : 0xff;
  let pos = fromBit;
  while (pos <= toBit) {
    const byte = Math.floor(pos / 8);
    // Whole bytes that cannot hold the bit are skipped at once.
    if ((pos & 7) === 0 && pos + 7 <= toBit && v[byte] === skip) {
      pos += 8;
      continue;
    }
    if (((v[byte] >>> (7 - (pos & 7))) & 1) === bit) return pos;
    pos++;
  }
  return -1;
}
