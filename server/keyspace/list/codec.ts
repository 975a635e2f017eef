// The list's DELTA and IMAGE payloads: op codes, how each is written, and how recovery applies them. Positions
// are always resolved (the index an element went to, the indexes removed), never the command's arguments.
// Keep in sync with: server/docs/log-format.md (list payloads).
import { copyBytes } from '../../engine/bytes.js';
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

/**
 * Pushes and pops at one end concatenate (collections.ts): pushing a then b is pushing [a, b], popping n then m is
 * popping n + m. The count follows the op byte.
 */
export const LIST_CONCATENABLE: Readonly<Record<number, number>> = {
  [ListOp.PushHead]: 1,
  [ListOp.PushTail]: 1,
  [ListOp.PopHead]: 1,
  [ListOp.PopTail]: 1,
};

/**
 * A push payload of items[from..] (the same bytes deltaWriter would write). Written here into a scratch buffer
 * whose views of small payload lengths are kept: a push is the most frequent list change, and making the
 * payload's view (Buffer.subarray) plus the writer's checks were ~4% of LPUSH -P 16's CPU (faha profile, h7).
 * The result is valid until the next push payload; the log copies it at once.
 */
export function pushPayload(head: boolean, items: readonly Buffer[], from = 0): Buffer {
  let size = 5;
  for (let i = from; i < items.length; i++) size += 4 + items[i].length;
  const buf = scratchFor(size);
  buf[0] = head ? ListOp.PushHead : ListOp.PushTail;
  putU32(buf, 1, items.length - from);
  let at = 5;
  for (let i = from; i < items.length; i++) {
    const b = items[i];
    putU32(buf, at, b.length);
    copyBytes(b, 0, b.length, buf, at + 4);
    at += 4 + b.length;
  }
  return payloadView(size);
}

/** pushPayload of one element given as the `len` bytes of `src` from `at`; same validity. */
export function pushOnePayload(head: boolean, src: Uint8Array, at: number, len: number): Buffer {
  const size = 9 + len;
  const buf = scratchFor(size);
  buf[0] = head ? ListOp.PushHead : ListOp.PushTail;
  putU32(buf, 1, 1);
  putU32(buf, 5, len);
  copyBytes(src, at, len, buf, 9);
  return payloadView(size);
}

/** The scratch buffer, grown to hold `size` bytes (the kept views go with the old one). */
function scratchFor(size: number): Buffer {
  if (size > scratch.length) {
    scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    views.length = 0;
  }
  return scratch;
}

/** The scratch buffer's first `size` bytes, as a kept view when small. */
function payloadView(size: number): Buffer {
  if (size >= VIEW_CACHE) return scratch.subarray(0, size);
  return (views[size] ??= scratch.subarray(0, size));
}

/** Four bytes little-endian, stored directly: Buffer's writeUInt32LE checks its arguments (4.7% of a push). */
function putU32(buf: Buffer, at: number, v: number): void {
  buf[at] = v;
  buf[at + 1] = v >>> 8;
  buf[at + 2] = v >>> 16;
  buf[at + 3] = v >>> 24;
}

/** Payload sizes below this get a kept view of the scratch buffer. */
const VIEW_CACHE = 128;
let scratch = Buffer.allocUnsafe(4096);
const views: Buffer[] = [];

export function popPayload(head: boolean, n: number): Buffer {
  if (n === 1) return head ? POP_HEAD_ONE : POP_TAIL_ONE;
  return deltaWriter(head ? ListOp.PopHead : ListOp.PopTail).u32(n).end();
}

/** The payloads of LPOP and RPOP without COUNT, built once (the log copies a payload, never keeps it). */
const POP_HEAD_ONE = Buffer.from([ListOp.PopHead, 1, 0, 0, 0]);
const POP_TAIL_ONE = Buffer.from([ListOp.PopTail, 1, 0, 0, 0]);

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
      // The list copies the bytes of each view into its nodes.
      for (let i = 0; i < n; i++) {
        if (op === ListOp.PushHead) list.pushHead(r.bytes());
        else list.pushTail(r.bytes());
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
      list.set(i, r.bytes());
      return;
    }
    case ListOp.Insert: {
      const i = r.i64();
      list.insert(i, r.bytes());
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

/**
 * IMAGE: u32 n, then the n elements head to tail (each a u32 length and its bytes, as in deltas). Written straight
 * from the list's nodes: a view per element made a list of 9M elements cost ~1 GB of garbage per IMAGE (redis-
 * benchmark LPUSH, where the cleaner and the hot tier write one now and then: 21% of the time in GC).
 */
export function encodeListImage(list: ListObject): Buffer {
  let size = 4;
  list.eachElement((_, from, to) => {
    size += 4 + to - from;
  });
  const out = Buffer.allocUnsafe(size);
  out.writeUInt32LE(list.length, 0);
  let at = 4;
  list.eachElement((buf, from, to) => {
    const n = to - from;
    out[at] = n;
    out[at + 1] = n >>> 8;
    out[at + 2] = n >>> 16;
    out[at + 3] = n >>> 24;
    copyBytes(buf, from, n, out, at + 4);
    at += 4 + n;
  });
  return out;
}

export function decodeListImage(payload: Buffer): ListObject {
  const list = new ListObject();
  list.resetFromPacked(payload, 4, payload.readUInt32LE(0));
  return list;
}
