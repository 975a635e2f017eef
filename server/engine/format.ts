// Byte layout of log records and batch headers. Keep in sync with: server/docs/log-format.md,
// server/engine/log.ts (writer), server/engine/recovery.ts (reader).

/** Record kinds. Values are effects: a resolved value, an absolute deadline, never the command that made them. */
export const enum RecordKind {
  /** A string value: key, value bytes, absolute expiry (0 = none). Replaces whatever the key held. */
  PutString = 1,
  /** The key no longer exists. */
  Delete = 2,
  /** The key's absolute expiry becomes `expireAt` (0 = persist). */
  Expire = 3,
  /** Every key of `db` is gone. */
  FlushDb = 4,
  /** Every key of every database is gone. */
  FlushAll = 5,
  /** Databases `db` and the u16 in the value swap contents. */
  SwapDb = 6,
  /**
   * A change to a DRAM-resident collection (flags: its value type); the value is the type's delta payload. A delta
   * on a missing key creates the collection first. Deltas never change the key's expiry.
   */
  Delta = 7,
  /** A collection's whole value (flags: its value type) and expiry; replaces whatever the key held. */
  Image = 8,
}

// Record header, little-endian, followed by key bytes then value bytes. Records are packed (no alignment).
export const REC_LENGTH = 0; // u32: header + key + value
export const REC_KIND = 4; // u8
export const REC_FLAGS = 5; // u8: kind-specific
export const REC_DB = 6; // u16
export const REC_KEY_LEN = 8; // u32
export const REC_VALUE_LEN = 12; // u32
export const REC_EXPIRE_LO = 16; // u32 low half of expiry ms
export const REC_EXPIRE_HI = 20; // u32 high half
export const REC_HEADER_SIZE = 24;

// Batch header: one per batch, at a 256-byte aligned offset; the records follow; the batch is padded with zeros
// to the next multiple of 256 (Optane's internal write unit).
export const BATCH_MAGIC = 0x42484146; // "FAHB" read as little-endian bytes
export const BATCH_VERSION = 1;
export const BH_MAGIC = 0; // u32
export const BH_VERSION = 4; // u8
export const BH_FLAGS = 5; // u8: BATCH_CONTINUED
export const BH_RESERVED = 6; // u16, zero
export const BH_EPOCH = 8; // u32
export const BH_COUNT = 12; // u32 records in this batch
export const BH_FIRST_LSN_LO = 16; // u32
export const BH_FIRST_LSN_HI = 20; // u32
export const BH_LENGTH = 24; // u32 bytes of records after the header
export const BH_CRC = 28; // u32 CRC32C of header bytes [0, 28) then the records
export const BATCH_HEADER_SIZE = 32;
export const BATCH_ALIGN = 256;

/**
 * Set on a batch that ends a segment while the logical batch goes on in the next segment: recovery applies it
 * only together with its continuation, so a command whose records straddle two segments stays atomic.
 */
export const BATCH_CONTINUED = 1;

export function alignUp(n: number, to: number = BATCH_ALIGN): number {
  return Math.ceil(n / to) * to;
}

const TWO_32 = 0x100000000;
export function writeU64(buf: Buffer, at: number, v: number): void {
  buf.writeUInt32LE(v % TWO_32, at);
  buf.writeUInt32LE(Math.floor(v / TWO_32), at + 4);
}
export function readU64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * TWO_32;
}
