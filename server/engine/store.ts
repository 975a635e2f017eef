// The FaHA store: the log plus one DRAM index per database. Every state change goes through here as log records
// (effects) and then into the index, so persistence, recovery and (later) replication see the same records.
// Speaks keys and bytes; Redis semantics (types, expiry rules, replies) live in keyspace/.
import { lruSeconds } from '../clock.js';
import type { PersistenceBackend } from '../platform/pmem.js';
import { codecOf } from './collections.js';
import { Entry } from './entry.js';
import { EngineError } from './errors.js';
import { RecordKind } from './format.js';
import { KeyIndex } from './key-index.js';
import { Log, type FsyncPolicy, type PersistMode } from './log.js';
import type { RecordView } from './recovery.js';

/** The engine's one built-in value type: bytes that live in the log. Collections (other types) live in DRAM. */
export const BYTES_TYPE = 0;

export interface StoreOptions {
  dir: string;
  databases: number;
  segmentSize: number;
  backend: PersistenceBackend;
  fsync: FsyncPolicy;
  persistMode?: PersistMode;
  warn?: (msg: string) => void;
}

export interface RecoveryStats {
  records: number;
  keys: number;
  millis: number;
}

const SWAP_VALUE = Buffer.alloc(2);

export class Store {
  readonly dbs: KeyIndex[];
  readonly log: Log;
  readonly recovery: RecoveryStats;

  private readonly loadSeconds = lruSeconds();

  constructor(opts: StoreOptions) {
    this.dbs = Array.from({ length: opts.databases }, () => new KeyIndex());
    const started = Date.now();
    let records = 0;
    this.log = Log.open(opts, (r) => {
      records++;
      this.apply(r);
    });
    let keys = 0;
    for (const d of this.dbs) keys += d.size;
    this.recovery = { records, keys, millis: Date.now() - started };
  }

  /** The value bytes of a string entry, viewed in place in the log (no copy). */
  valueOf(e: Entry): Buffer {
    const buf = this.log.segmentById(e.seg).buf;
    return buf.subarray(e.off, e.off + e.len);
  }

  /**
   * Writes `value` as the key's whole new value (type BYTES_TYPE, encoding tag `enc`). An existing entry is
   * updated in place (no new object, one hash lookup), so a caller must read what it needs from the old entry
   * before calling this. `current`, when given, is the key's entry in `db` as just looked up (null: absent).
   */
  putBytes(db: number, key: string, value: Buffer, expireAt: number, enc: number, current?: Entry | null): Entry {
    const log = this.log;
    log.append(RecordKind.PutString, enc, db, key, value, expireAt);
    const d = this.dbs[db];
    let e = current === undefined ? d.map.get(key) : (current ?? undefined);
    if (e !== undefined) {
      if (e.expireAt !== expireAt) d.setExpire(key, e, expireAt);
      e.type = BYTES_TYPE;
      e.enc = enc;
      e.seg = log.lastSeg.id;
      e.off = log.lastValueOff;
      e.len = value.length;
      e.obj = null;
      return e;
    }
    e = new Entry(BYTES_TYPE, enc, log.lastSeg.id, log.lastValueOff, value.length, expireAt, null);
    d.set(key, e);
    return e;
  }

  /**
   * Makes `key` a new, empty collection of `type` holding `obj`, without a record: the delta the caller appends
   * next recreates it in recovery (a delta on a missing key starts from the codec's empty object).
   */
  createCollection(db: number, key: string, type: number, obj: unknown): Entry {
    const log = this.log;
    const e = new Entry(type, 0, log.lastSeg.id, log.lastValueOff, 0, 0, obj);
    this.dbs[db].set(key, e);
    return e;
  }

  /** Logs one change to the collection at `key` (type `type`); the caller has already changed the object. */
  appendDelta(db: number, key: string, type: number, payload: Buffer, e: Entry): void {
    const log = this.log;
    log.append(RecordKind.Delta, type, db, key, payload, 0);
    e.seg = log.lastSeg.id;
    e.off = log.lastValueOff;
  }

  /** Logs a collection's whole value (`image`, the type's encoding of `obj`) and makes it the key's value. */
  putCollection(db: number, key: string, type: number, obj: unknown, image: Buffer, expireAt: number): Entry {
    const log = this.log;
    log.append(RecordKind.Image, type, db, key, image, expireAt);
    const e = new Entry(type, 0, log.lastSeg.id, log.lastValueOff, 0, expireAt, obj);
    this.dbs[db].set(key, e);
    return e;
  }

  delete(db: number, key: string): boolean {
    const d = this.dbs[db];
    if (!d.map.has(key)) return false;
    this.log.append(RecordKind.Delete, 0, db, key, null, 0);
    d.delete(key);
    return true;
  }

  /** Sets an absolute deadline (ms) or removes it (0). The caller has checked the key exists. */
  setExpire(db: number, key: string, e: Entry, at: number): void {
    this.log.append(RecordKind.Expire, 0, db, key, null, at);
    this.dbs[db].setExpire(key, e, at);
  }

  flushDb(db: number): void {
    this.log.append(RecordKind.FlushDb, 0, db, '', null, 0);
    this.dbs[db].clear();
  }

  flushAll(): void {
    this.log.append(RecordKind.FlushAll, 0, 0, '', null, 0);
    for (const d of this.dbs) d.clear();
  }

  swapDb(a: number, b: number): void {
    SWAP_VALUE.writeUInt16LE(b, 0);
    this.log.append(RecordKind.SwapDb, 0, a, '', SWAP_VALUE, 0);
    this.swapIndexes(a, b);
  }

  private swapIndexes(a: number, b: number): void {
    const t = this.dbs[a];
    this.dbs[a] = this.dbs[b];
    this.dbs[b] = t;
  }

  private apply(r: RecordView): void {
    if (r.db >= this.dbs.length) {
      throw new EngineError('ERR_LOG_DATABASES', `the log holds database ${r.db} but 'databases' is ${this.dbs.length}; raise it to start`);
    }
    const d = this.dbs[r.db];
    switch (r.kind) {
      case RecordKind.PutString: {
        const e = new Entry(BYTES_TYPE, r.flags, r.seg.id, r.valueOff, r.valueLen, r.expireAt, null);
        // Loaded keys count as accessed at load time, as Redis's do (OBJECT IDLETIME after a restart).
        e.atime = this.loadSeconds;
        d.set(r.key, e);
        break;
      }
      case RecordKind.Delete:
        d.delete(r.key);
        break;
      case RecordKind.Expire: {
        const e = d.get(r.key);
        if (e !== undefined) d.setExpire(r.key, e, r.expireAt);
        break;
      }
      case RecordKind.FlushDb:
        d.clear();
        break;
      case RecordKind.FlushAll:
        for (const x of this.dbs) x.clear();
        break;
      case RecordKind.SwapDb: {
        const b = r.seg.buf.readUInt16LE(r.valueOff);
        if (b >= this.dbs.length) throw new EngineError('ERR_LOG_DATABASES', `the log swaps database ${b} but 'databases' is ${this.dbs.length}`);
        this.swapIndexes(r.db, b);
        break;
      }
      case RecordKind.Delta:
        this.applyDelta(r);
        break;
      case RecordKind.Image: {
        const e = new Entry(r.flags, 0, r.seg.id, r.valueOff, 0, r.expireAt, this.codec(r).decodeImage(payloadOf(r)));
        e.atime = this.loadSeconds;
        d.set(r.key, e);
        break;
      }
      default:
        throw new EngineError('ERR_LOG_CORRUPT', `unknown record kind ${r.kind} at LSN ${r.lsn} in ${r.seg.path}`);
    }
  }

  private applyDelta(r: RecordView): void {
    const codec = this.codec(r);
    const d = this.dbs[r.db];
    let e = d.get(r.key);
    if (e === undefined) {
      e = new Entry(r.flags, 0, r.seg.id, r.valueOff, 0, 0, codec.create());
      e.atime = this.loadSeconds;
      d.set(r.key, e);
    } else if (e.type !== r.flags) {
      throw new EngineError('ERR_LOG_CORRUPT', `a delta of type ${r.flags} for a key of type ${e.type} at LSN ${r.lsn} in ${r.seg.path}`);
    }
    codec.applyDelta(e.obj, payloadOf(r));
    e.seg = r.seg.id;
    e.off = r.valueOff;
  }

  private codec(r: RecordView) {
    const codec = codecOf(r.flags);
    if (codec === undefined) throw new EngineError('ERR_LOG_CORRUPT', `a record of unknown value type ${r.flags} at LSN ${r.lsn} in ${r.seg.path}`);
    return codec;
  }
}

function payloadOf(r: RecordView): Buffer {
  return r.seg.buf.subarray(r.valueOff, r.valueOff + r.valueLen);
}
