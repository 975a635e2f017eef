// CRC32C (Castagnoli) of batches. @node-rs/crc32 uses the CPU's crc32 instruction (≈13 GB/s here) and is
// maintained; a hand-written table loop would be ~30× slower on the seal path.
import { crc32c as nativeCrc32c } from '@node-rs/crc32';

export function crc32c(data: Buffer, initial?: number): number {
  return initial === undefined ? nativeCrc32c(data) : nativeCrc32c(data, initial);
}
