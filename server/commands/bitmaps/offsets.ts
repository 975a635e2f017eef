// Argument readers shared by the bitmap commands: bit offsets (with BITFIELD's '#n' form) and the limit that
// proto-max-bulk-len puts on them. Pure; the limit is passed in because it is a live configuration value.
import { parseLongLong } from '../args.js';
import type { Context } from '../types.js';

/** The largest string a bit command may address, in bytes. */
export function maxStringBytes(ctx: Context): number {
  return ctx.server.config.num('proto-max-bulk-len');
}

/** The offset as typed (string2ll), or null. With `width` > 0 a leading '#' means "width times n". */
export function readOffset(arg: Buffer, width = 0): bigint | null {
  const hash = width > 0 && arg.length > 0 && arg[0] === 0x23;
  const n = parseLongLong(hash ? arg.subarray(1) : arg);
  if (n === null) return null;
  // C multiplies in a long long; an overflow wraps (and is then caught as negative or too large).
  return hash ? BigInt.asIntN(64, n * BigInt(width)) : n;
}

/** getBitOffsetFromArgument's range check: non-negative and inside a string of at most `maxBytes`. */
export function offsetInRange(n: bigint | null, maxBytes: number): n is bigint {
  return n !== null && n >= 0n && n >> 3n < BigInt(maxBytes);
}
