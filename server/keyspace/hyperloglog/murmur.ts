// MurmurHash64A over bytes (the 64-bit MurmurHash2 Redis hashes HyperLogLog elements with), computed on 32-bit
// halves so the hot PFADD path needs no BigInt. Pure arithmetic: knows nothing of registers or keys.

/** Redis's seed for HyperLogLog element hashes. */
export const HLL_SEED = 0xadc83b19;

const M_HI = 0xc6a4a793;
const M_LO = 0x5bd1e995;

// Results of the last mul64/hash call (scratch registers, to avoid an allocation per multiplication).
let rHi = 0;
let rLo = 0;

/** (aHi:aLo * bHi:bLo) mod 2^64 into rHi:rLo. */
function mul64(aHi: number, aLo: number, bHi: number, bLo: number): void {
  const a0 = aLo & 0xffff;
  const a1 = aLo >>> 16;
  const b0 = bLo & 0xffff;
  const b1 = bLo >>> 16;
  const mid = a1 * b0 + a0 * b1; // < 2^33: exact in a double
  const low = a0 * b0 + (mid % 65536) * 65536; // < 2^33
  const carry = Math.floor(low / 4294967296);
  const hi = a1 * b1 + Math.floor(mid / 65536) + carry;
  rLo = low >>> 0;
  rHi = (hi + Math.imul(aHi, bLo) + Math.imul(aLo, bHi)) >>> 0;
}

/** The 64-bit hash of `data` as [high 32 bits, low 32 bits]. */
export function murmurHash64A(data: Uint8Array, seed: number): [number, number] {
  const len = data.length;
  mul64(0, len, M_HI, M_LO);
  let hHi = rHi;
  let hLo = (rLo ^ seed) >>> 0;
  const whole = len - (len & 7);
  for (let i = 0; i < whole; i += 8) {
    const kLo = (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24)) >>> 0;
    const kHi = (data[i + 4] | (data[i + 5] << 8) | (data[i + 6] << 16) | (data[i + 7] << 24)) >>> 0;
    mul64(kHi, kLo, M_HI, M_LO);
    // k ^= k >> 47: only the top 17 bits move, into the low half.
    mul64(rHi, (rLo ^ (rHi >>> 15)) >>> 0, M_HI, M_LO);
    mul64((hHi ^ rHi) >>> 0, (hLo ^ rLo) >>> 0, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  const rest = len & 7;
  if (rest > 0) {
    // The tail bytes are xored in little-endian order (Redis's fall-through switch).
    for (let j = rest - 1; j >= 0; j--) {
      const byte = data[whole + j];
      if (j >= 4) hHi = (hHi ^ (byte << (8 * (j - 4)))) >>> 0;
      else hLo = (hLo ^ (byte << (8 * j))) >>> 0;
    }
    mul64(hHi, hLo, M_HI, M_LO);
    hHi = rHi;
    hLo = rLo;
  }
  hLo = (hLo ^ (hHi >>> 15)) >>> 0;
  mul64(hHi, hLo, M_HI, M_LO);
  hHi = rHi;
  hLo = (rLo ^ (rHi >>> 15)) >>> 0;
  return [hHi, hLo];
}

function trailingZeros(x: number): number {
  return 31 - Math.clz32(x & -x);
}

/**
 * The register an element lands in and the length of its "000…1" pattern (hllPatLen): the low 14 bits of the
 * hash pick the register, the count is 1 + the zero bits above them (at most 50, so 1..51).
 */
export function patternOf(element: Uint8Array): { index: number; count: number } {
  const [hi, lo] = murmurHash64A(element, HLL_SEED);
  const index = lo & 0x3fff;
  const above = lo >>> 14; // hash bits 14..31
  let count: number;
  if (above !== 0) count = trailingZeros(above) + 1;
  else if (hi !== 0) count = 18 + trailingZeros(hi) + 1;
  else count = 51;
  return { index, count };
}
