// A hot index entry: where a key's newest record is, plus what the keyspace keeps in DRAM for it (key-index.ts).
// `type` and `enc` are opaque small integers to the engine; the keyspace defines them.
import type { Segment } from './segment.js';

export class Entry {
  /** The key, set by the index when the entry becomes hot (a hot key is verified against it). */
  key = '';
  /** Last access, in LRU clock seconds (OBJECT IDLETIME). */
  atime = 0;
  /**
   * The segment holding the first record the value is rebuilt from (a string's record, a collection's IMAGE or
   * first DELTA): the cleaner rewrites the key when it cleans that segment. Null for entries made outside the store
   * (unit tests).
   */
  base: Segment | null = null;
  /** Log bytes that rebuild the value (its records from `base` on), counted as live in `base`. */
  bytes = 0;
  /** Small flags the keyspace keeps about the value (7 bits; kept while the key is cold). */
  flags = 0;
  /** The keyspace's LFU counter (0-255), -1 until first counted; kept while the key is cold. */
  lfu = -1;
  /** When the LFU counter last changed, in minutes (16 bits, wrapping); rebuilt from `atime` after a cold spell. */
  lfuMinutes = 0;
  constructor(
    public type: number,
    public enc: number,
    /** Segment id and offset of the value bytes of the key's newest record (strings live in the log). */
    public seg: number,
    public off: number,
    public len: number,
    /** Absolute expiry in ms since the epoch; 0 = none. */
    public expireAt: number,
    /** DRAM-resident object for collections (later issues); null for strings. */
    public obj: unknown,
  ) {}
}
