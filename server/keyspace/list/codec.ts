// The list's DELTA and IMAGE payloads: op codes, how each is written, and how recovery applies them. Positions
// are always resolved (the index an element went to, the indexes removed), never the command's arguments.
// Keep in sync with: server/docs/log-format.md (list payloads).
import { DeltaReader, deltaWriter } from '../delta.js';
import { ListObject } from './deque.js';

export const enum ListOp {
  /** u32 n, then n byte strings, each pushed at the head in that order. */
  PushHead = 1,
  /** u32 n, then n byte strings, each pushed at the tail in that order. */
  PushTail = 2,
  /** u32 n: that many elements removed from the head. */
  PopHead = 3,
  /** u32 n: that many elements removed from the tail. */
  PopTail = 4,
  /** i64 index (0-based, resolved), byte string: the element at index replaced. */
  Set = 5,
  /** i64 index, byte string: the element inserted so that it is now at index. */
  Insert = 6,
  /** u32 n, then n i64 ascending indexes (positions before the removal) of the elements removed. */
  Remove = 7,
  /** i64 left, i64 right: that many elements dropped from the head and from the tail. */
  Trim = 8,
}

/** A payload of one op over a list of byte strings (pushes). */
export function pushPayload(head: boolean, items: readonly Buffer[]): Buffer {
  const w = deltaWriter(head ? ListOp.PushHead : ListOp.PushTail).u32(items.length);
  for (const b of items) w.bytes(b);
  return w.end();
}

export function popPayload(head: boolean, n: number): Buffer {
  return deltaWriter(head ? ListOp.PopHead : ListOp.PopTail).u32(n).end();
}

export function setPayload(index: number, v: Buffer): Buffer {
  return deltaWriter(ListOp.Set).i64(index).bytes(v).end();
}

export function insertPayload(index: number, v: Buffer): Buffer {
  return deltaWriter(ListOp.Insert).i64(index).bytes(v).end();
}

export function removePayload(indexes: readonly number[]): Buffer {
  const w = deltaWriter(ListOp.Remove).u32(indexes.length);
  for (const i of indexes) w.i64(i);
  return w.end();
}

export function trimPayload(left: number, right: number): Buffer {
  return deltaWriter(ListOp.Trim).i64(left).i64(right).end();
}

/** Applies one DELTA payload (a view of the log: kept bytes are copied). */
export function applyListDelta(list: ListObject, payload: Buffer): void {
  const r = new DeltaReader(payload);
  const op = r.u8() as ListOp;
  switch (op) {
    case ListOp.PushHead:
    case ListOp.PushTail: {
      const n = r.u32();
      for (let i = 0; i < n; i++) {
        const b = Buffer.from(r.bytes());
        if (op === ListOp.PushHead) list.pushHead(b);
        else list.pushTail(b);
      }
      return;
    }
    case ListOp.PopHead:
    case ListOp.PopTail: {
      const n = r.u32();
      if (op === ListOp.PopHead) list.trim(n, 0);
      else list.trim(0, n);
      return;
    }
    case ListOp.Set: {
      const i = r.i64();
      list.set(i, Buffer.from(r.bytes()));
      return;
    }
    case ListOp.Insert: {
      const i = r.i64();
      list.insert(i, Buffer.from(r.bytes()));
      return;
    }
    case ListOp.Remove: {
      const n = r.u32();
      const idx: number[] = [];
      for (let i = 0; i < n; i++) idx.push(r.i64());
      list.removeIndexes(idx);
      return;
    }
    case ListOp.Trim: {
      const left = r.i64();
      list.trim(left, r.i64());
      return;
    }
    default:
      throw new Error(`unknown list delta op ${op as number}`);
  }
}

/** IMAGE: u32 n, then the n elements head to tail (each a u32 length and its bytes, as in deltas). */
export function encodeListImage(list: ListObject): Buffer {
  let size = 4;
  for (let i = 0; i < list.length; i++) size += 4 + list.at(i).length;
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32LE(list.length, 0);
  let at = 4;
  for (let i = 0; i < list.length; i++) {
    const b = list.at(i);
    out.writeUInt32LE(b.length, at);
    b.copy(out, at + 4);
    at += 4 + b.length;
  }
  return out;
}

export function decodeListImage(payload: Buffer): ListObject {
  const r = new DeltaReader(payload);
  const n = r.u32();
  const items: Buffer[] = new Array(n);
  for (let i = 0; i < n; i++) items[i] = Buffer.from(r.bytes());
  const list = new ListObject();
  list.reset(items);
  return list;
}
