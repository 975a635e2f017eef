// Keyspace operations of the set type: each changes the SetValue, logs the effect (members added or removed,
// a whole result image, or the key's deletion) and raises Redis 7.0's notifications in t_set.c's order.
// Returns statuses and values, never replies.
import type { Entry } from '../../engine/entry.js';
import type { Keyspace } from '../keyspace.js';
import { NotifyClass } from '../notify.js';
import { ValueType, WRONGTYPE, type WrongType } from '../types.js';
import { encodeSetImage, SetOp, setDelta } from './codec.js';
import { randomDistinct } from './random.js';
import { SetValue } from './value.js';

const setOf = (e: Entry): SetValue => e.obj as SetValue;

/** lookupKeyRead + checkType: the set at `key`, undefined when absent, WRONGTYPE for another type. */
export function readSet(ks: Keyspace, db: number, key: string): SetValue | undefined | WrongType {
  const e = ks.readTyped(db, key, ValueType.Set);
  return e === undefined || e === WRONGTYPE ? e : setOf(e);
}

/** Every key looked up in order (missing ones are undefined); WRONGTYPE at the first key of another type. */
export function readSets(ks: Keyspace, db: number, keys: readonly string[]): (SetValue | undefined)[] | WrongType {
  const out: (SetValue | undefined)[] = [];
  for (const k of keys) {
    const s = readSet(ks, db, k);
    if (s === WRONGTYPE) return WRONGTYPE;
    out.push(s);
  }
  return out;
}

/**
 * SADD: the number of members added. A new key starts as an intset, as setTypeCreate decides. Members are the
 * argument bytes (views the set copies from), so a member already present costs no string.
 */
export function addMembers(ks: Keyspace, db: number, key: string, members: readonly Buffer[]): number | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Set);
  if (e === WRONGTYPE) return WRONGTYPE;
  const set = e === undefined ? new SetValue() : setOf(e);
  const added: Buffer[] = [];
  for (const m of members) if (set.addBytes(m)) added.push(m);
  if (added.length === 0) return 0;
  const entry = e ?? ks.createCollection(db, key, ValueType.Set, set);
  ks.logDelta(db, key, entry, setDelta(SetOp.Add, set, added));
  ks.notify(NotifyClass.Set, 'sadd', db, key);
  return added.length;
}

/** SREM: the number of members removed; the key goes when it empties (logged as its deletion). */
export function removeMembers(ks: Keyspace, db: number, key: string, members: readonly string[]): number | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Set);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? 0 : WRONGTYPE;
  const set = setOf(e);
  const removed: string[] = [];
  for (const m of members) {
    if (!set.remove(m)) continue;
    removed.push(m);
    if (set.size === 0) break;
  }
  if (removed.length === 0) return 0;
  const emptied = logRemoval(ks, db, key, e, removed);
  ks.notify(NotifyClass.Set, 'srem', db, key);
  if (emptied) ks.notify(NotifyClass.Generic, 'del', db, key);
  return removed.length;
}

/** Logs members already removed from the set at `e`; an empty set is deleted instead. True when deleted. */
function logRemoval(ks: Keyspace, db: number, key: string, e: Entry, removed: readonly string[]): boolean {
  const set = setOf(e);
  if (set.size === 0) {
    ks.delete(db, key);
    return true;
  }
  ks.logDelta(db, key, e, setDelta(SetOp.Remove, set, removed));
  return false;
}

/** SMOVE: 1 when `member` was in `src` (and is now in `dst`), 0 otherwise. */
export function moveMember(ks: Keyspace, db: number, src: string, dst: string, member: string): 0 | 1 | WrongType {
  const se = ks.lookupWrite(db, src);
  const de = ks.lookupWrite(db, dst);
  if (se === undefined) return 0;
  if (se.type !== ValueType.Set || (de !== undefined && de.type !== ValueType.Set)) return WRONGTYPE;
  if (se === de) return setOf(se).has(member) ? 1 : 0;
  if (!setOf(se).remove(member)) return 0;
  const emptied = logRemoval(ks, db, src, se, [member]);
  ks.notify(NotifyClass.Set, 'srem', db, src);
  if (emptied) ks.notify(NotifyClass.Generic, 'del', db, src);
  const dset = de === undefined ? new SetValue() : setOf(de);
  if (dset.add(member)) {
    const entry = de ?? ks.createCollection(db, dst, ValueType.Set, dset);
    ks.logDelta(db, dst, entry, setDelta(SetOp.Add, dset, [member]));
    ks.notify(NotifyClass.Set, 'sadd', db, dst);
  }
  return 1;
}

/** SPOP without a count: the popped member, null for a missing key. */
export function popOne(ks: Keyspace, db: number, key: string, rnd: () => number = Math.random): string | null | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Set);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? null : WRONGTYPE;
  const set = setOf(e);
  const m = set.random(rnd);
  set.remove(m);
  const emptied = logRemoval(ks, db, key, e, [m]);
  ks.notify(NotifyClass.Set, 'spop', db, key);
  if (emptied) ks.notify(NotifyClass.Generic, 'del', db, key);
  return m;
}

/**
 * SPOP with a count: the popped members in reply order ([] for a missing key or a zero count). Redis's three
 * strategies show in the reply order and in the encoding left behind, so each is followed.
 */
export function popMany(ks: Keyspace, db: number, key: string, count: number, rnd: () => number = Math.random): string[] | WrongType {
  const e = ks.writeTyped(db, key, ValueType.Set);
  if (e === undefined || e === WRONGTYPE) return e === undefined ? [] : WRONGTYPE;
  if (count === 0) return [];
  const set = setOf(e);
  ks.notify(NotifyClass.Set, 'spop', db, key);
  if (count >= set.size) {
    // The whole set, replied as SUNION of the one key would reply it (a fresh result set's order).
    const all = SetValue.from(set.members()).members().slice();
    ks.delete(db, key);
    ks.notify(NotifyClass.Generic, 'del', db, key);
    return all;
  }
  const remaining = set.size - count;
  const popped = remaining * 5 > count ? popRandomly(set, count, rnd) : popKeepingSurvivors(set, remaining, rnd);
  ks.logDelta(db, key, e, setDelta(SetOp.Remove, set, popped));
  return popped;
}

/** Few members popped: draw and remove one at a time. */
function popRandomly(set: SetValue, count: number, rnd: () => number): string[] {
  const popped: string[] = [];
  for (let i = 0; i < count; i++) {
    const m = set.random(rnd);
    set.remove(m);
    popped.push(m);
  }
  return popped;
}

/**
 * Most members popped: Redis draws the survivors into a new set and replies the rest in the old set's order;
 * the new set is built afresh, so it is an intset whenever its members allow.
 */
function popKeepingSurvivors(set: SetValue, remaining: number, rnd: () => number): string[] {
  const survivors = new Set(randomDistinct(set, remaining, rnd));
  const popped = set.members().filter((m) => !survivors.has(m));
  for (const m of popped) set.remove(m);
  set.setEncoding(set.fitsIntset());
  return popped;
}

/**
 * Makes `result` (a new object, shared with nothing) the value of `dst` without expiry, as setKey does, or
 * deletes `dst` when the result is empty. Returns the stored cardinality.
 */
export function storeResult(ks: Keyspace, db: number, dst: string, result: SetValue, event: string): number {
  if (result.size > 0) {
    ks.putCollection(db, dst, ValueType.Set, result, encodeSetImage(result), 0);
    ks.notify(NotifyClass.Set, event, db, dst);
    return result.size;
  }
  if (ks.delete(db, dst)) ks.notify(NotifyClass.Generic, 'del', db, dst);
  return 0;
}
