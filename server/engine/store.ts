// The FaHA store: the log plus one DRAM index per database. Every state change goes through here as log records
// (effects) and then into the index, so persistence, recovery and (later) replication see the same records.
// Speaks keys and bytes; Redis semantics (types, expiry rules, replies) live in keyspace/.
import { lruSeconds } from '../clock.js';
import type { PersistenceBackend } from '../platform/pmem.js';
import { codecOf, concatCountAt, encodingTag } from './collections.js';
import { Entry } from './entry.js';
import { EngineError } from './errors.js';
import { RecordKind, REC_HEADER_SIZE, REC_VALUE_LEN } from './format.js';
import { KeyIndex } from './key-index.js';
import { Log, type FsyncPolicy, type PersistMode, type ReceivedPart } from './log.js';
import { replayBatch, type RecordView, type RecoveryProgress } from './recovery.js';
import { SegmentTable, type Segment } from './segment.js';

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
  /** Passed to the log: how far recovery has got (the server shows it for large logs). */
  onRecoveryProgress?: RecoveryProgress;
}

export interface RecoveryStats {
  records: number;
  keys: number;
  millis: number;
}

const SWAP_VALUE = Buffer.alloc(2);

/**
 * Which index object each database number named from a point of the log on: SWAPDB swaps the objects, so a record
 * written before a swap finds its key's entry in the object its database number named then.
 */
interface DbLayout {
  segId: number;
  off: number;
  dbs: KeyIndex[];
}

export class Store {
  readonly dbs: KeyIndex[];
  readonly log: Log;
  readonly recovery: RecoveryStats;
  /** Bytes of the records current values are rebuilt from: what a fully cleaned log would hold. */
  liveBytes = 0;
  /** Log bytes of the hot collections' records: the hot tier's estimate of their DRAM (see hot-tier.ts). */
  hotValueBytes = 0;
  /** Called after a cold key became hot (the hot tier hooks in here). */
  onPromote: () => void = () => {};

  private readonly loadSeconds = lruSeconds();
  private dbLayouts: DbLayout[];
  /**
   * During recovery: entries a delta could not be applied to, with why. After cleaning, deltas whose base record
   * was freed meet a missing or older value; the cleaner has rewritten every such key later in the log, so each
   * of these must be replaced by the end of recovery — one that is not is corruption.
   */
  private broken: Map<Entry, string> | null = new Map();

  constructor(opts: StoreOptions) {
    const segments = new SegmentTable();
    const hotValue = (delta: number): void => {
      this.hotValueBytes += delta;
    };
    const promoted = (): void => this.onPromote();
    this.dbs = Array.from({ length: opts.databases }, () => new KeyIndex(segments, hotValue, promoted));
    this.dbLayouts = [{ segId: 0, off: 0, dbs: this.dbs.slice() }];
    const started = Date.now();
    let records = 0;
    this.log = Log.open({ ...opts, segments }, (r) => {
      records++;
      this.apply(r);
    });
    this.checkBroken();
    let keys = 0;
    for (const d of this.dbs) keys += d.size;
    this.recovery = { records, keys, millis: Date.now() - started };
  }

  /**
   * A backup: the primary's logical batch (its pieces, each one batch) written at the same place in the log by
   * Log.receive (into `segs`), applied to the index as recovery applies records.
   */
  applyReceived(parts: readonly ReceivedPart[], segs: readonly Segment[], firstLSN: number): void {
    let lsn = firstLSN;
    for (let i = 0; i < parts.length; i++) lsn = replayBatch(segs[i], parts[i].off, lsn, this.applyNow);
  }

  private readonly applyNow = (r: RecordView): void => this.apply(r);

  /**
   * A backup whose log was replaced by a snapshot (full sync): every key is forgotten and the index is rebuilt from
   * the log, as at start-up.
   */
  reload(): RecoveryStats {
    const started = Date.now();
    this.forgetAll();
    this.broken = new Map();
    let records = 0;
    this.log.replay((r) => {
      records++;
      this.apply(r);
    });
    this.checkBroken();
    let keys = 0;
    for (const d of this.dbs) keys += d.size;
    return { records, keys, millis: Date.now() - started };
  }

  /**
   * A backup about to receive a snapshot: every key goes from the index (without logging), before the segments it
   * points into are replaced.
   */
  forgetAll(): void {
    for (const d of this.dbs) d.clear();
    this.liveBytes = 0;
    this.hotValueBytes = 0;
    this.dbLayouts = [{ segId: 0, off: 0, dbs: this.dbs.slice() }];
  }

  /** The index objects database numbers named at offset `off` of `seg` (see DbLayout). */
  dbsAt(seg: Segment, off: number): KeyIndex[] {
    const layouts = this.dbLayouts;
    for (let i = layouts.length - 1; i > 0; i--) {
      const l = layouts[i];
      if (l.segId < seg.id || (l.segId === seg.id && l.off <= off)) return l.dbs;
    }
    return layouts[0].dbs;
  }

  /** Forgets layouts older than the oldest live segment (the last of them still applies from the log's start). */
  forgetLayoutsBefore(segId: number): void {
    let keep = 0;
    while (keep + 1 < this.dbLayouts.length && this.dbLayouts[keep + 1].segId < segId) keep++;
    if (keep > 0) this.dbLayouts = [{ segId: 0, off: 0, dbs: this.dbLayouts[keep].dbs }, ...this.dbLayouts.slice(keep + 1)];
  }

  /**
   * The cleaner's copy: writes the key's whole current value as one record at the head — a string's bytes, or a
   * collection's IMAGE in place of its delta chain — keeping the entry (and so its slot, access time and waiters).
   * Admitted like a write command first, so a copy never needs a segment that cannot be made: returns the error
   * that refused it (nothing written), or null.
   */
  rewrite(db: number, key: string, e: Entry): Error | null {
    const log = this.log;
    if (e.type === BYTES_TYPE) {
      const refused = log.admitWrite(REC_HEADER_SIZE + key.length + e.len);
      if (refused === null) this.putBytes(db, key, this.valueOf(e), e.expireAt, e.enc, e);
      return refused;
    }
    const image = this.codecFor(e.type).encodeImage(e.obj);
    const refused = log.admitWrite(REC_HEADER_SIZE + key.length + image.length);
    if (refused !== null) return refused;
    log.append(RecordKind.Image, e.type, db, key, image, e.expireAt);
    this.debit(e);
    e.enc = encodingTag(e.type, e.obj);
    e.seg = log.lastSeg.id;
    e.off = log.lastValueOff;
    this.credit(e, log.lastSeg, REC_HEADER_SIZE + key.length + image.length);
    return null;
  }

  /**
   * The cleaner's copy of a cold value: its one record written again at the head (with the key's current expiry),
   * the slot pointed at the copy; the key stays cold. Admitted like rewrite(); returns the refusal or null.
   */
  rewriteCold(db: number, key: string, slot: number): Error | null {
    const d = this.dbs[db];
    const c = d.coldAt(slot);
    const refused = this.log.admitWrite(c.length);
    if (refused !== null) return refused;
    const buf = c.seg.buf;
    const valueAt = c.off + REC_HEADER_SIZE + key.length;
    const value = buf.subarray(valueAt, valueAt + buf.readUInt32LE(c.off + REC_VALUE_LEN));
    const flags = c.kind === RecordKind.PutString ? c.enc : c.type;
    this.log.append(c.kind, flags, db, key, value, c.expireAt);
    const seg = this.log.lastSeg;
    d.relocateCold(slot, seg.id, this.log.lastValueOff - key.length - REC_HEADER_SIZE);
    // The live bytes move from the old record's segment to the copy's; the total stays.
    c.seg.live -= c.length;
    seg.live += c.length;
    return null;
  }

  private credit(e: Entry, seg: Segment, bytes: number): void {
    e.base = seg;
    e.bytes = bytes;
    seg.live += bytes;
    this.liveBytes += bytes;
    if (e.type !== BYTES_TYPE) this.hotValueBytes += bytes;
  }

  /** The entry's records stop being live (it is replaced, deleted or flushed). */
  private debit(e: Entry): void {
    const b = e.base;
    if (b === null) return;
    b.live -= e.bytes;
    this.liveBytes -= e.bytes;
    if (e.type !== BYTES_TYPE) this.hotValueBytes -= e.bytes;
    e.base = null;
    e.bytes = 0;
  }

  /** One more record of a collection's chain: live as long as the chain is, counted where the chain starts. */
  private extend(e: Entry, seg: Segment, bytes: number): void {
    const b = e.base;
    if (b === null) {
      this.credit(e, seg, bytes);
      return;
    }
    e.bytes += bytes;
    b.live += bytes;
    this.liveBytes += bytes;
    if (e.type !== BYTES_TYPE) this.hotValueBytes += bytes;
  }

  /**
   * Whatever `key` holds in `d` stops being live, hot or cold, without rebuilding a cold value (a collection's
   * IMAGE is not decoded just to be replaced); false when the key is absent.
   */
  private debitKey(d: KeyIndex, key: string): boolean {
    const slot = d.slotOf(key);
    if (slot === -1) return false;
    const e = d.hotAt(slot);
    if (e !== null) this.debit(e);
    else this.debitCold(d, slot);
    return true;
  }

  /**
   * A cold value's record stops being live. Reads the slot's segment and record length only: no ColdRecord is
   * made (a backup applies a record per write; the allocation showed in its profile).
   */
  private debitCold(d: KeyIndex, slot: number): void {
    const length = d.coldLength(slot);
    d.coldSegment(slot).live -= length;
    this.liveBytes -= length;
  }

  private debitAll(d: KeyIndex): void {
    d.forEachSlot((slot) => {
      const e = d.hotAt(slot);
      if (e !== null) this.debit(e);
      else this.debitCold(d, slot);
    });
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
    let e = current === undefined ? d.get(key) : (current ?? undefined);
    const seg = log.lastSeg;
    const bytes = REC_HEADER_SIZE + key.length + value.length;
    if (e !== undefined) {
      if (e.expireAt !== expireAt) d.setExpire(key, e, expireAt);
      // Debited while it still has its old type: a collection's bytes leave the hot tier's count.
      this.debit(e);
      e.type = BYTES_TYPE;
      e.enc = enc;
      e.seg = seg.id;
      e.off = log.lastValueOff;
      e.len = value.length;
      e.obj = null;
      this.credit(e, seg, bytes);
      return e;
    }
    e = new Entry(BYTES_TYPE, enc, seg.id, log.lastValueOff, value.length, expireAt, null);
    this.credit(e, seg, bytes);
    d.add(key, e);
    return e;
  }

  /**
   * Writes `value` as the key's whole new value without making an entry (plain SET, MSET): `slot` is the key's cold
   * slot in `db`, or -1 when the key is absent. The key stays (or becomes) cold: a slot naming the record.
   */
  putBytesCold(db: number, key: string, value: Buffer, expireAt: number, enc: number, slot: number, atime: number): void {
    const log = this.log;
    log.append(RecordKind.PutString, enc, db, key, value, expireAt);
    const d = this.dbs[db];
    const seg = log.lastSeg;
    const off = log.lastValueOff - key.length - REC_HEADER_SIZE;
    if (slot === -1) {
      d.addCold(key, seg.id, off, BYTES_TYPE, enc, expireAt, atime);
    } else {
      const length = d.coldLength(slot);
      d.coldSegment(slot).live -= length;
      this.liveBytes -= length;
      d.overwriteCold(slot, key, seg.id, off, BYTES_TYPE, enc, expireAt, atime);
    }
    const bytes = REC_HEADER_SIZE + key.length + value.length;
    seg.live += bytes;
    this.liveBytes += bytes;
  }

  /**
   * Makes `key` a new, empty collection of `type` holding `obj`, without a record: the delta the caller appends
   * next recreates it in recovery (a delta on a missing key starts from the codec's empty object).
   */
  createCollection(db: number, key: string, type: number, obj: unknown): Entry {
    const log = this.log;
    const e = new Entry(type, 0, log.lastSeg.id, log.lastValueOff, 0, 0, obj);
    this.debitKey(this.dbs[db], key);
    this.dbs[db].set(key, e);
    return e;
  }

  /** Logs one change to the collection at `key` (type `type`); the caller has already changed the object. */
  appendDelta(db: number, key: string, type: number, payload: Buffer, e: Entry): void {
    const log = this.log;
    // The key's newest record is the log's last one (e.bytes: it has a record at all; a new collection's entry
    // points wherever the log was): a payload that concatenates goes into it.
    const countAt = concatCountAt(type, payload[0]);
    if (countAt > 0 && e.bytes > 0 && e.off === log.lastValueOff && e.seg === log.lastSeg.id) {
      const added = log.extendLast(db, key.length, payload, countAt);
      if (added >= 0) {
        this.extend(e, log.lastSeg, added);
        return;
      }
    }
    log.append(RecordKind.Delta, type, db, key, payload, 0);
    e.seg = log.lastSeg.id;
    e.off = log.lastValueOff;
    this.extend(e, log.lastSeg, REC_HEADER_SIZE + key.length + payload.length);
  }

  /** Logs a collection's whole value (`image`, the type's encoding of `obj`) and makes it the key's value. */
  putCollection(db: number, key: string, type: number, obj: unknown, image: Buffer, expireAt: number): Entry {
    const log = this.log;
    log.append(RecordKind.Image, type, db, key, image, expireAt);
    const e = new Entry(type, encodingTag(type, obj), log.lastSeg.id, log.lastValueOff, 0, expireAt, obj);
    const d = this.dbs[db];
    this.debitKey(d, key);
    this.credit(e, log.lastSeg, REC_HEADER_SIZE + key.length + image.length);
    d.set(key, e);
    return e;
  }

  delete(db: number, key: string): boolean {
    const d = this.dbs[db];
    if (d.slotOf(key) === -1) return false;
    this.log.append(RecordKind.Delete, 0, db, key, null, 0);
    this.debitKey(d, key);
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
    this.debitAll(this.dbs[db]);
    this.dbs[db].clear();
  }

  flushAll(): void {
    this.log.append(RecordKind.FlushAll, 0, 0, '', null, 0);
    for (const d of this.dbs) {
      this.debitAll(d);
      d.clear();
    }
  }

  swapDb(a: number, b: number): void {
    SWAP_VALUE.writeUInt16LE(b, 0);
    this.log.append(RecordKind.SwapDb, 0, a, '', SWAP_VALUE, 0);
    this.swapIndexes(a, b, this.log.lastSeg, this.log.lastValueOff);
  }

  private swapIndexes(a: number, b: number, seg: Segment, off: number): void {
    const t = this.dbs[a];
    this.dbs[a] = this.dbs[b];
    this.dbs[b] = t;
    this.dbLayouts.push({ segId: seg.id, off, dbs: this.dbs.slice() });
  }

  private apply(r: RecordView): void {
    if (r.db >= this.dbs.length) {
      throw new EngineError('ERR_LOG_DATABASES', `the log holds database ${r.db} but 'databases' is ${this.dbs.length}; raise it to start`);
    }
    const d = this.dbs[r.db];
    r.seg.kinds |= 1 << r.kind;
    r.seg.records++;
    switch (r.kind) {
      case RecordKind.PutString:
        this.applyString(d, r);
        break;
      case RecordKind.Delete:
        if (this.debitKey(d, r.key)) d.delete(r.key);
        break;
      case RecordKind.Expire: {
        const slot = d.slotOf(r.key);
        if (slot === -1) break;
        const e = d.hotAt(slot);
        if (e !== null) d.setExpire(r.key, e, r.expireAt);
        else d.expireCold(slot, r.key, r.expireAt);
        break;
      }
      case RecordKind.FlushDb:
        this.debitAll(d);
        d.clear();
        break;
      case RecordKind.FlushAll:
        for (const x of this.dbs) {
          this.debitAll(x);
          x.clear();
        }
        break;
      case RecordKind.SwapDb: {
        const b = r.seg.buf.readUInt16LE(r.valueOff);
        if (b >= this.dbs.length) throw new EngineError('ERR_LOG_DATABASES', `the log swaps database ${b} but 'databases' is ${this.dbs.length}`);
        this.swapIndexes(r.db, b, r.seg, r.valueOff);
        break;
      }
      case RecordKind.Delta:
        this.applyDelta(r);
        break;
      case RecordKind.Image: {
        const obj = this.codec(r).decodeImage(payloadOf(r));
        const e = new Entry(r.flags, encodingTag(r.flags, obj), r.seg.id, r.valueOff, 0, r.expireAt, obj);
        e.atime = this.loadSeconds;
        this.replace(d, r, e);
        break;
      }
      default:
        throw new EngineError('ERR_LOG_CORRUPT', `unknown record kind ${r.kind} at LSN ${r.lsn} in ${r.seg.path}`);
    }
  }

  /**
   * Recovery of a string: it goes in cold (a slot naming the record; no object, no key kept), so loading a large
   * log builds no entries at all. Loaded keys count as accessed at load time, as Redis's do (OBJECT IDLETIME).
   */
  private applyString(d: KeyIndex, r: RecordView): void {
    const bytes = REC_HEADER_SIZE + r.key.length + r.valueLen;
    const off = r.valueOff - r.key.length - REC_HEADER_SIZE;
    const slot = d.slotOf(r.key);
    if (slot === -1) {
      d.addCold(r.key, r.seg.id, off, BYTES_TYPE, r.flags, r.expireAt, this.loadSeconds);
    } else {
      const old = d.hotAt(slot);
      if (old !== null) {
        this.overwrite(d, r, old);
        return;
      }
      this.debitCold(d, slot);
      d.overwriteCold(slot, r.key, r.seg.id, off, BYTES_TYPE, r.flags, r.expireAt, this.loadSeconds);
    }
    r.seg.live += bytes;
    this.liveBytes += bytes;
  }

  /**
   * Recovery: a string record for a key that is hot (a collection before) updates its entry in place, as putBytes
   * does at run time.
   */
  private overwrite(d: KeyIndex, r: RecordView, e: Entry): void {
    this.debit(e);
    this.broken?.delete(e);
    if (e.expireAt !== r.expireAt) d.setExpire(r.key, e, r.expireAt);
    e.type = BYTES_TYPE;
    e.enc = r.flags;
    e.seg = r.seg.id;
    e.off = r.valueOff;
    e.len = r.valueLen;
    e.obj = null;
    e.atime = this.loadSeconds;
    this.credit(e, r.seg, REC_HEADER_SIZE + r.key.length + r.valueLen);
  }

  /** Recovery: `e` becomes the key's value, made of this one record. */
  private replace(d: KeyIndex, r: RecordView, e: Entry): void {
    const existed = this.debitKey(d, r.key);
    this.credit(e, r.seg, REC_HEADER_SIZE + r.key.length + r.valueLen);
    if (existed) d.set(r.key, e);
    else d.add(r.key, e);
  }

  private applyDelta(r: RecordView): void {
    const codec = this.codec(r);
    const d = this.dbs[r.db];
    let e = d.get(r.key);
    if (e === undefined) {
      e = new Entry(r.flags, 0, r.seg.id, r.valueOff, 0, 0, codec.create());
      e.atime = this.loadSeconds;
      d.add(r.key, e);
    }
    this.extend(e, r.seg, REC_HEADER_SIZE + r.key.length + r.valueLen);
    e.seg = r.seg.id;
    e.off = r.valueOff;
    const broken = this.broken;
    if (broken !== null && broken.has(e)) return;
    const where = `LSN ${r.lsn} in ${r.seg.path}`;
    let why: string | null = null;
    if (e.type !== r.flags) why = `a delta of type ${r.flags} for a key of type ${e.type} at ${where}`;
    else {
      try {
        codec.applyDelta(e.obj, payloadOf(r));
      } catch (err) {
        why = `a delta that does not apply at ${where}: ${(err as Error).message}`;
      }
    }
    if (why === null) return;
    // In recovery a later record may still replace the value (see `broken`); on a backup's live stream every
    // delta applies to the value the primary had, so one that does not is a diverged log.
    if (broken === null) throw new EngineError('ERR_LOG_CORRUPT', `log corrupt: ${why}`);
    broken.set(e, why);
  }

  /** After recovery: a value whose deltas did not apply and that nothing later replaced is corruption. */
  private checkBroken(): void {
    const broken = this.broken!;
    this.broken = null;
    if (broken.size === 0) return;
    for (const d of this.dbs) {
      for (const e of d.hotEntries()) {
        const why = broken.get(e);
        if (why !== undefined) throw new EngineError('ERR_LOG_CORRUPT', `log corrupt: ${why}`);
      }
    }
  }

  private codec(r: RecordView) {
    const codec = codecOf(r.flags);
    if (codec === undefined) throw new EngineError('ERR_LOG_CORRUPT', `a record of unknown value type ${r.flags} at LSN ${r.lsn} in ${r.seg.path}`);
    return codec;
  }

  private codecFor(type: number) {
    const codec = codecOf(type);
    if (codec === undefined) throw new EngineError('ERR_LOG_SEGMENT', `no codec for value type ${type}`);
    return codec;
  }
}

function payloadOf(r: RecordView): Buffer {
  return r.seg.buf.subarray(r.valueOff, r.valueOff + r.valueLen);
}
