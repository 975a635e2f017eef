// Copying part of a byte array without making a view of it: the hot path passes arguments by place (source,
// start, length), and a `subarray` costs 50–70 ns in the server (server/docs/performance.md).

/** Parts up to this long are copied with a loop; longer ones through a view and TypedArray set. */
const SHORT = 32;

/**
 * Copies src[at, at + len) to dst at `to`: TypedArray set for a whole array (17 against 32 ns for 20 bytes), a
 * loop for a short part of one, which set would need a view of.
 */
export function copyBytes(src: Uint8Array, at: number, len: number, dst: Uint8Array, to: number): void {
  if (at === 0 && len === src.length) dst.set(src, to);
  else if (len <= SHORT) for (let i = 0; i < len; i++) dst[to + i] = src[at + i];
  else dst.set(src.subarray(at, at + len), to);
}
