// DUMP key and RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f] (Redis's cluster.c), over the
// payload format of keyspace/dump-payload.ts. Works for every value type through its collection codec; knows no
// type's internals. RESTORE writes the value as one logged effect (a string PUT or a collection IMAGE).
import { lruSeconds, now } from '../../clock.js';
import { codecOf } from '../../engine/collections.js';
import { Entry } from '../../engine/entry.js';
import { decodeDump, encodeCollectionDump, encodeDump, verifyDump } from '../../keyspace/dump-payload.js';
import { readKey, writeKey } from '../../keyspace/keys.js';
import { lfuAccess, lfuCarry, lfuFrequency } from '../../keyspace/lfu.js';
import { NotifyClass } from '../../keyspace/notify.js';
import { ValueType } from '../../keyspace/types.js';
import {
  ERR_BAD_DATA_FORMAT,
  ERR_BUSYKEY,
  ERR_DUMP_PAYLOAD,
  ERR_NOT_INTEGER,
  ERR_RESTORE_FREQ,
  ERR_RESTORE_IDLETIME,
  ERR_RESTORE_TTL,
  ERR_SYNTAX,
} from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply, simpleHandler, type Context, type Handler } from '../types.js';
import { restoredObject } from './restore-encoding.js';

const dump = simpleHandler('dump', (ctx, argv) => {
  const e = readKey(ctx.ks, ctx.session.db, argv[1].toString('latin1'));
  if (e === undefined) ctx.reply.nil();
  else if (e.type === ValueType.String) ctx.reply.bulk(encodeDump(ValueType.String, ctx.ks.valueOf(e)));
  else ctx.reply.bulk(encodeCollectionDump(e.type, e.obj));
});

interface RestorePlan {
  key: string;
  ttl: Buffer;
  payload: Buffer;
  replace: boolean;
  absTtl: boolean;
  /** Seconds, or null when not given. */
  idle: bigint | null;
  /** 0..255, or -1 when not given. */
  freq: number;
}

/** getLongLongFromObjectOrReply. */
function longLong(b: Buffer): number | ErrorReply {
  const v = parseLongLong(b);
  return v === null ? new ErrorReply(ERR_NOT_INTEGER) : Number(v);
}

/** The options, checked one by one as Redis does; IDLETIME and FREQ exclude each other (a syntax error). */
function parseRestore(argv: Buffer[]): RestorePlan | ErrorReply {
  const plan: RestorePlan = { key: argv[1].toString('latin1'), ttl: argv[2], payload: argv[3], replace: false, absTtl: false, idle: null, freq: -1 };
  for (let j = 4; j < argv.length; j++) {
    const more = j + 1 < argv.length;
    if (isOption(argv[j], 'replace')) {
      plan.replace = true;
    } else if (isOption(argv[j], 'absttl')) {
      plan.absTtl = true;
    } else if (isOption(argv[j], 'idletime') && more && plan.freq === -1) {
      const v = parseLongLong(argv[++j]);
      if (v === null) return new ErrorReply(ERR_NOT_INTEGER);
      if (v < 0n) return new ErrorReply(ERR_RESTORE_IDLETIME);
      plan.idle = v;
    } else if (isOption(argv[j], 'freq') && more && plan.idle === null) {
      const v = longLong(argv[++j]);
      if (v instanceof ErrorReply) return v;
      if (v < 0 || v > 255) return new ErrorReply(ERR_RESTORE_FREQ);
      plan.freq = v;
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return plan;
}

/** Redis's LRU clock: seconds in 24 bits. */
const LRU_CLOCK_MAX = (1n << 24n) - 1n;

/**
 * The idle time OBJECT IDLETIME reports right after RESTORE IDLETIME `idle`, `clock` being the 24-bit LRU clock:
 * Redis stores clock - idle in its 24-bit field, adding LRU_CLOCK_MAX once when that is negative, and reads the
 * field back as a wrapping clock. Beyond about 194 days the answer therefore wraps (checked against 7.0.15).
 */
function restoredIdle(idle: bigint, clock: bigint): number {
  let lru = clock - idle;
  if (lru < 0n) lru += LRU_CLOCK_MAX;
  lru = BigInt.asUintN(24, lru);
  return Number(clock >= lru ? clock - lru : clock + LRU_CLOCK_MAX - lru);
}

/** objectSetLRUOrLFU: FREQ counts only under an LFU policy, IDLETIME only otherwise. */
function setAccess(ctx: Context, e: Entry, plan: RestorePlan): void {
  if (ctx.ks.lfu) {
    if (plan.freq >= 0) setFrequency(e, plan.freq);
  } else if (plan.idle !== null) {
    const clock = lruSeconds();
    e.atime = clock - restoredIdle(plan.idle, BigInt(clock) & LRU_CLOCK_MAX);
  }
}

/**
 * Gives `e` the LFU counter `freq` through lfu.ts's public operations (it offers no setter): a scratch entry,
 * backdated far enough for its counter to decay to 0, is raised by forced increments, and its counter is then
 * carried over as RENAME carries one.
 */
function setFrequency(e: Entry, freq: number): void {
  const scratch = new Entry(e.type, e.enc, 0, 0, 0, 0, null);
  scratch.atime = lruSeconds() - 60 * 60;
  lfuAccess(scratch, () => 1);
  while (lfuFrequency(scratch) < freq) lfuAccess(scratch, () => 0);
  lfuCarry(scratch, e);
}

function restore(ctx: Context, plan: RestorePlan): void {
  const { ks } = ctx;
  const db = ctx.session.db;
  if (!plan.replace && writeKey(ks, db, plan.key) !== undefined) return ctx.reply.error(ERR_BUSYKEY);
  const ttl = longLong(plan.ttl);
  if (ttl instanceof ErrorReply) return ctx.reply.error(ttl.message);
  if (ttl < 0) return ctx.reply.error(ERR_RESTORE_TTL);
  if (!verifyDump(plan.payload)) return ctx.reply.error(ERR_DUMP_PAYLOAD);
  const value = decodeDump(plan.payload);
  if (value === null) return ctx.reply.error(ERR_BAD_DATA_FORMAT);
  const expireAt = ttl !== 0 && !plan.absTtl ? ttl + now() : ttl;
  if (expireAt !== 0 && expireAt <= now()) {
    // Already expired: nothing is created, but REPLACE still removed the old key.
    if (plan.replace && ks.delete(db, plan.key)) ks.notify(NotifyClass.Generic, 'del', db, plan.key);
    return ctx.reply.ok();
  }
  let e: Entry;
  if (value.kind === 'string') {
    e = ks.setString(db, plan.key, value.bytes, expireAt);
  } else {
    // The IMAGE is encoded afresh from the stored object, so recovery rebuilds exactly what RESTORE stored.
    const obj = restoredObject(value.type, value.obj);
    e = ks.putCollection(db, plan.key, value.type, obj, codecOf(value.type)!.encodeImage(obj), expireAt);
    // dbAdd signals a new list or sorted set as ready, so clients blocked on the key are served.
    if (value.type === ValueType.List || value.type === ValueType.ZSet) ks.signalReady(db, plan.key);
  }
  setAccess(ctx, e, plan);
  ks.notify(NotifyClass.Generic, 'restore', db, plan.key);
  ctx.reply.ok();
}

export const DUMP_RESTORE_HANDLERS: Handler<any>[] = [dump, { name: 'restore', parse: parseRestore, exec: restore }];
