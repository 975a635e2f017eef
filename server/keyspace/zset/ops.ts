// Keyspace operations on sorted sets (t_zset.c's data side): each change is made to the object, logged as its
// effect, notified as Redis notifies it, and an emptied set's key deleted. Returns statuses and values, never
// replies; argument parsing and reply shapes belong to commands/sorted-sets/.
import type { Entry } from '../../engine/entry.js';
import type { Keyspace } from '../keyspace.js';
import { NotifyClass } from '../notify.js';
import { ValueType, WRONGTYPE, type WrongType } from '../types.js';
import { encodeImage, removePayload, setPayload } from './codec.js';
import type { LexBound, ScoreRange } from './ranges.js';
import { ZSet, type AddFlags, type AddResult } from './zset.js';

export interface ZaddOutcome {
  added: number;
  updated: number;
  /** Members not skipped by NX/XX/GT/LT. */
  processed: number;
  /** The last member's resulting score (ZINCRBY's reply). */
  score: number;
  /** The increment produced NaN (nothing was changed). */
  nan: boolean;
}

/** The sorted set at `key` for reading (hit/miss counted), undefined when absent, or WRONGTYPE. */
export function readZset(ks: Keyspace, db: number, key: string): ZSet | undefined | WrongType {
  const e = ks.readTyped(db, key, ValueType.ZSet);
  return e === undefined || e === WRONGTYPE ? e : (e.obj as ZSet);
}

/** As readZset, with write lookup semantics (no hit/miss accounting). */
export function writeZset(ks: Keyspace, db: number, key: string): Entry | undefined | WrongType {
  return ks.writeTyped(db, key, ValueType.ZSet);
}

/** ZADD / ZINCRBY over score-member pairs (members as argument bytes). */
export function zadd(ks: Keyspace, db: number, key: string, pairs: [number, Buffer][], f: AddFlags): ZaddOutcome | WrongType {
  const out: ZaddOutcome = { added: 0, updated: 0, processed: 0, score: 0, nan: false };
  let e = writeZset(ks, db, key);
  if (e === WRONGTYPE) return e;
  if (e === undefined && f.xx) return out;
  const z = e === undefined ? ZSet.forFirstMember(pairs[0][1]) : (e.obj as ZSet);
  const r: AddResult = { outcome: 'nop', score: 0, stored: 0 };
  // A one-pair ZADD (the common case) logs its member directly; more pairs go through a map, which keeps each
  // member once with its final score when a command names it twice.
  let one: [Buffer, number][] | null = null;
  let many: Map<string, number> | null = null;
  for (const [score, member] of pairs) {
    z.add(member, score, f, r);
    if (r.outcome === 'nan') {
      out.nan = true;
      break;
    }
    if (r.outcome === 'added') out.added++;
    else if (r.outcome === 'updated') out.updated++;
    if (r.outcome !== 'nop') out.processed++;
    if (r.outcome === 'added' || r.outcome === 'updated') {
      if (pairs.length === 1) one = [[member, r.stored]];
      else (many ??= new Map<string, number>()).set(member.toString('latin1'), r.stored);
    }
    out.score = r.score;
  }
  const count = one !== null ? 1 : many !== null ? many.size : 0;
  if (count === 0) return out;
  e ??= ks.createCollection(db, key, ValueType.ZSet, z);
  ks.logDelta(db, key, e, setPayload(z, (one ?? many)!, count));
  ks.notify(NotifyClass.ZSet, f.incr ? 'zincr' : 'zadd', db, key);
  if (out.added > 0) ks.signalReady(db, key);
  return out;
}

/** Logs removed members, then deletes the key if the set is now empty; true when it was deleted. */
function logRemoved(ks: Keyspace, db: number, key: string, e: Entry, members: string[]): boolean {
  ks.logDelta(db, key, e, removePayload(members));
  if ((e.obj as ZSet).size > 0) return false;
  ks.delete(db, key);
  return true;
}

/** ZREM: how many of `members` were removed. */
export function zrem(ks: Keyspace, db: number, key: string, members: string[]): number | WrongType {
  const e = writeZset(ks, db, key);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? 0 : e;
  const z = e.obj as ZSet;
  const gone: string[] = [];
  // Redis stops at the member that empties the set.
  for (const m of members) {
    if (z.remove(m)) gone.push(m);
    if (z.size === 0) break;
  }
  if (gone.length === 0) return 0;
  const deleted = logRemoved(ks, db, key, e, gone);
  ks.notify(NotifyClass.ZSet, 'zrem', db, key);
  if (deleted) ks.notify(NotifyClass.Generic, 'del', db, key);
  return gone.length;
}

export type RemoveRange =
  | { by: 'rank'; start: number; end: number }
  | { by: 'score'; range: ScoreRange }
  | { by: 'lex'; min: LexBound; max: LexBound };

/** ZREMRANGEBYRANK / BYSCORE / BYLEX: how many members were removed. */
export function zremRange(ks: Keyspace, db: number, key: string, how: RemoveRange): number | WrongType {
  const e = writeZset(ks, db, key);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? 0 : e;
  const z = e.obj as ZSet;
  let gone: string[];
  if (how.by === 'rank') {
    const len = z.size;
    let start = how.start < 0 ? len + how.start : how.start;
    let end = how.end < 0 ? len + how.end : how.end;
    if (start < 0) start = 0;
    if (start > end || start >= len) return 0;
    if (end >= len) end = len - 1;
    gone = z.removeRanks(start, end);
  } else if (how.by === 'score') {
    gone = z.removeScores(how.range);
  } else {
    gone = z.removeLex(how.min, how.max);
  }
  if (gone.length === 0) return 0;
  const deleted = logRemoved(ks, db, key, e, gone);
  ks.notify(NotifyClass.ZSet, `zremrangeby${how.by}`, db, key);
  if (deleted) ks.notify(NotifyClass.Generic, 'del', db, key);
  return gone.length;
}

/** ZPOPMIN/ZPOPMAX and their blocking forms: removes up to `count` members from one end of the set at `e`. */
export function zpop(ks: Keyspace, db: number, key: string, e: Entry, max: boolean, count: number): [string, number][] {
  const z = e.obj as ZSet;
  const out: [string, number][] = [];
  for (let i = Math.min(count, z.size); i > 0; i--) {
    out.push(z.popEnd(max));
  }
  const deleted = logRemoved(ks, db, key, e, out.map((p) => p[0]));
  ks.notify(NotifyClass.ZSet, max ? 'zpopmax' : 'zpopmin', db, key);
  if (deleted) ks.notify(NotifyClass.Generic, 'del', db, key);
  return out;
}

/**
 * Makes `z` the value of `dst` (ZUNIONSTORE, ZRANGESTORE …), replacing whatever it held and dropping its expiry;
 * an empty result deletes `dst` instead. Returns the stored size.
 */
export function storeZset(ks: Keyspace, db: number, dst: string, z: ZSet, event: string): number {
  if (z.size === 0) {
    if (ks.delete(db, dst)) ks.notify(NotifyClass.Generic, 'del', db, dst);
    return 0;
  }
  // setKey looks the key up for writing first, so a deadline already past expires it (and is notified) before.
  ks.peek(db, dst);
  ks.putCollection(db, dst, ValueType.ZSet, z, encodeImage(z), 0);
  ks.notify(NotifyClass.ZSet, event, db, dst);
  ks.signalReady(db, dst);
  return z.size;
}
