// Keyspace-notification classes with Redis's bit values (notify-keyspace-events letters in comments). Commands
// say which event they caused; the pub/sub layer decides, from the config, whether anyone hears it.

export const enum NotifyClass {
  /** K: publish on __keyspace@<db>__:<key>. */
  Keyspace = 1 << 0,
  /** E: publish on __keyevent@<db>__:<event>. */
  Keyevent = 1 << 1,
  /** g: DEL, EXPIRE, RENAME, … */
  Generic = 1 << 2,
  /** $ */
  String = 1 << 3,
  /** l */
  List = 1 << 4,
  /** s */
  Set = 1 << 5,
  /** h */
  Hash = 1 << 6,
  /** z */
  ZSet = 1 << 7,
  /** x: a key expired. */
  Expired = 1 << 8,
  /** e: a key was evicted by maxmemory. */
  Evicted = 1 << 9,
  /** t */
  Stream = 1 << 10,
  /** m: a read missed (not part of A). */
  KeyMiss = 1 << 11,
  Loaded = 1 << 12,
  /** d */
  Module = 1 << 13,
  /** n: a key was created (not part of A). */
  New = 1 << 14,
}
