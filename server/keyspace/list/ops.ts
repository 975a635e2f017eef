// Keyspace operations on lists (Redis's t_list.c effects): each changes the ListObject, logs the resolved delta,
// raises the keyspace events Redis raises in the same order, deletes a list that became empty, and signals the
// key ready when elements were added. Returns values and statuses; never replies.
import type { Entry } from '../../engine/entry.js';
import type { Keyspace } from '../keyspace.js';
// Whoever operates on lists also needs the type registered (recovery codec, RENAME/COPY, OBJECT ENCODING).
import '../list.js';
import { NotifyClass } from '../notify.js';
import { ValueType, type WrongType } from '../types.js';
import { insertPayload, popPayload, pushOnePayload, pushPayload, removePayload, setPayload, trimPayload } from './codec.js';
import { ListObject } from './deque.js';

/** The list at `key` for a read (hits/misses counted) or a write, undefined if absent, WRONGTYPE otherwise. */
export function lookupList(ks: Keyspace, db: number, key: string, forWrite: boolean): Entry | undefined | WrongType {
  return forWrite ? ks.writeTyped(db, key, ValueType.List) : ks.readTyped(db, key, ValueType.List);
}

export function listOf(e: Entry): ListObject {
  return e.obj as ListObject;
}

/**
 * Pushes items[from..] (argv views: the list copies their bytes into its nodes) one after the other at the head
 * or the tail, creating the list when `e` is undefined. Returns the new length.
 */
export function pushItems(ks: Keyspace, db: number, key: string, e: Entry | undefined, items: readonly Buffer[], head: boolean, from = 0): number {
  const entry = e ?? ks.createCollection(db, key, ValueType.List, new ListObject());
  const list = listOf(entry);
  if (head) for (let i = from; i < items.length; i++) list.pushHead(items[i]);
  else for (let i = from; i < items.length; i++) list.pushTail(items[i]);
  return pushed(ks, db, key, entry, pushPayload(head, items, from), head);
}

/** pushItems of one element given as the `len` bytes of `src` from `at` (the hot path's LPUSH and RPUSH). */
export function pushOne(ks: Keyspace, db: number, key: string, e: Entry | undefined, src: Uint8Array, at: number, len: number, head: boolean): number {
  const entry = e ?? ks.createCollection(db, key, ValueType.List, new ListObject());
  const list = listOf(entry);
  if (head) list.pushHeadFrom(src, at, len);
  else list.pushTailFrom(src, at, len);
  return pushed(ks, db, key, entry, pushOnePayload(head, src, at, len), head);
}

/** What follows a push: its delta logged, the event raised, waiters told; the list's new length. */
function pushed(ks: Keyspace, db: number, key: string, entry: Entry, payload: Buffer, head: boolean): number {
  ks.logDelta(db, key, entry, payload);
  ks.notify(NotifyClass.List, head ? 'lpush' : 'rpush', db, key);
  ks.signalReady(db, key);
  return listOf(entry).length;
}

/**
 * Pops up to `n` elements (n ≥ 1) from a live list; they come back in pop order, as views into the list's nodes
 * that stay valid until the list next changes (reply with them at once). Deletes the key if emptied.
 */
export function popItems(ks: Keyspace, db: number, key: string, e: Entry, head: boolean, n: number): Buffer[] {
  const list = listOf(e);
  const out: Buffer[] = [];
  const take = Math.min(n, list.length);
  for (let i = 0; i < take; i++) out.push(head ? list.popHead()! : list.popTail()!);
  ks.logDelta(db, key, e, popPayload(head, take));
  removed(ks, db, key, list, head ? 'lpop' : 'rpop');
  return out;
}

/**
 * popItems of one element (LPOP and RPOP without COUNT, BLPOP, BRPOP), returned as the RESP bulk string the
 * list stores (see list/chunk.ts): the reply copies it as it is. Same validity as popItems.
 */
export function popOneEncoded(ks: Keyspace, db: number, key: string, e: Entry, head: boolean): Buffer {
  const list = listOf(e);
  const v = head ? list.popHeadEncoded() : list.popTailEncoded();
  ks.logDelta(db, key, e, popPayload(head, 1));
  removed(ks, db, key, list, head ? 'lpop' : 'rpop');
  return v;
}

/** Redis's tail of a removal: the event, then the key deleted (and 'del') when the list is empty. */
function removed(ks: Keyspace, db: number, key: string, list: ListObject, event: string): void {
  ks.notify(NotifyClass.List, event, db, key);
  deleteIfEmpty(ks, db, key, list);
}

function deleteIfEmpty(ks: Keyspace, db: number, key: string, list: ListObject): void {
  if (list.length !== 0) return;
  ks.delete(db, key);
  ks.notify(NotifyClass.Generic, 'del', db, key);
}

/** A Redis index (negative counts from the tail) resolved against `length`, or -1 when out of range. */
export function resolveIndex(index: number, length: number): number {
  const i = index < 0 ? length + index : index;
  return i >= 0 && i < length ? i : -1;
}

/** LSET: false when the index is out of range. */
export function setAt(ks: Keyspace, db: number, key: string, e: Entry, index: number, value: Buffer): boolean {
  const list = listOf(e);
  const i = resolveIndex(index, list.length);
  if (i < 0) return false;
  list.set(i, value);
  ks.logDelta(db, key, e, setPayload(i, value));
  ks.notify(NotifyClass.List, 'lset', db, key);
  return true;
}

/** LINSERT: the new length, or -1 when the pivot is not in the list. */
export function insertAtPivot(ks: Keyspace, db: number, key: string, e: Entry, pivot: Buffer, value: Buffer, after: boolean): number {
  const list = listOf(e);
  let at = -1;
  for (let i = 0; i < list.length; i++) {
    if (list.at(i).equals(pivot)) {
      at = after ? i + 1 : i;
      break;
    }
  }
  if (at < 0) return -1;
  list.insert(at, value);
  ks.logDelta(db, key, e, insertPayload(at, value));
  ks.notify(NotifyClass.List, 'linsert', db, key);
  ks.signalReady(db, key);
  return list.length;
}

/** LREM: removes up to |count| occurrences (from the head when count > 0, the tail when < 0, all when 0). */
export function removeMatching(ks: Keyspace, db: number, key: string, e: Entry, value: Buffer, count: number): number {
  const list = listOf(e);
  const limit = count === 0 ? Infinity : Math.abs(count);
  const hits: number[] = [];
  if (count >= 0) {
    for (let i = 0; i < list.length && hits.length < limit; i++) if (list.at(i).equals(value)) hits.push(i);
  } else {
    for (let i = list.length - 1; i >= 0 && hits.length < limit; i--) if (list.at(i).equals(value)) hits.push(i);
    hits.reverse();
  }
  if (hits.length === 0) return 0;
  list.removeIndexes(hits);
  ks.logDelta(db, key, e, removePayload(hits));
  removed(ks, db, key, list, 'lrem');
  return hits.length;
}

/** LTRIM with Redis's index rules; the resolved counts are what is logged. */
export function trimTo(ks: Keyspace, db: number, key: string, e: Entry, start: number, end: number): void {
  const list = listOf(e);
  const { left, right } = trimCounts(list.length, start, end);
  list.trim(left, right);
  // Logged even when nothing goes: Redis counts an LTRIM as a change of the key (WATCH) whatever it removed.
  ks.logDelta(db, key, e, trimPayload(left, right));
  removed(ks, db, key, list, 'ltrim');
}

/** How many elements LTRIM start end drops from each end of a list of `len`. */
export function trimCounts(len: number, start: number, end: number): { left: number; right: number } {
  const r = clampRange(len, start, end);
  return r === null ? { left: len, right: 0 } : { left: r.start, right: len - r.end - 1 };
}

/** LRANGE's index rules: the inclusive range within [0, len), or null when it is empty. */
export function clampRange(len: number, start: number, end: number): { start: number; end: number } | null {
  if (start < 0) start = len + start;
  if (end < 0) end = len + end;
  if (start < 0) start = 0;
  if (start > end || start >= len) return null;
  return { start, end: Math.min(end, len - 1) };
}

/**
 * LMOVE of one element from a live, non-empty source to `dst` (entry `de`, undefined to create it; the same entry
 * when both keys are one). Events as Redis: the push on the destination, then the pop on the source, then 'del'.
 */
export function moveOne(ks: Keyspace, db: number, src: string, se: Entry, dst: string, de: Entry | undefined, fromHead: boolean, toHead: boolean): Buffer {
  const list = listOf(se);
  // A copy: the push below may reuse the bytes the popped view points at when both keys are one.
  const v = Buffer.from(fromHead ? list.popHead()! : list.popTail()!);
  ks.logDelta(db, src, se, popPayload(fromHead, 1));
  pushItems(ks, db, dst, de, [v], toHead);
  removed(ks, db, src, list, fromHead ? 'lpop' : 'rpop');
  return v;
}
