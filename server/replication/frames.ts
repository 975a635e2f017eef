// The persist-RPC frames (server/docs/replication-protocol.md): their binary layout, an encoder per frame and an
// incremental decoder. Knows bytes and field meanings, not what the roles do with them.
import type { EpochStart, ReceivedPart } from '../engine/log.js';
import type { Segment } from '../engine/segment.js';

export const enum FrameType {
  /** Primary → backup: one logical batch, each piece at its segment and offset. */
  Batch = 1,
  /** Primary → backup: a segment the primary has freed. */
  Free = 2,
  /** Primary → backup: a full sync starts; the primary's live segments and how many bytes of each follow. */
  SnapshotBegin = 3,
  /** Primary → backup: bytes of a segment at an offset (full sync). */
  SnapshotChunk = 4,
  /** Primary → backup: the snapshot is complete; replay it. */
  SnapshotEnd = 5,
  /** Primary → backup: the primary's epoch history (first frame of every stream). */
  History = 6,
  /** Primary → backup: keepalive carrying the primary's newest LSN; answered by an ack. */
  Ping = 7,
  /** Primary → backup: FAILOVER: become the primary now (every write is on you). */
  Promote = 8,
  /** Backup → primary: "persisted up to LSN x". The only acknowledgement there is. */
  Ack = 16,
  /**
   * Either way: a message of the transport itself (an RDMA transport's connection set-up, memory regions, batch
   * notices), opaque here; a transport consumes its own and passes every other frame on.
   */
  Transport = 32,
}

/** Every frame starts with its length (u32, bytes after this field) and its type (u8). */
const HEAD = 5;

export interface BatchFrame {
  type: FrameType.Batch;
  firstLSN: number;
  lastLSN: number;
  parts: ReceivedPart[];
}
export interface SnapshotSegment {
  id: number;
  size: number;
  /** Bytes of it the snapshot sends (its sealed head when the sync began). */
  length: number;
}
export type Frame =
  | BatchFrame
  | { type: FrameType.Free; segId: number }
  | { type: FrameType.SnapshotBegin; segments: SnapshotSegment[] }
  | { type: FrameType.SnapshotChunk; segId: number; off: number; bytes: Buffer }
  | { type: FrameType.SnapshotEnd }
  | { type: FrameType.History; epochs: EpochStart[] }
  | { type: FrameType.Ping; lsn: number }
  | { type: FrameType.Promote }
  | { type: FrameType.Ack; lsn: number }
  | { type: FrameType.Transport; body: Buffer };

function frame(type: FrameType, bodyLength: number): { buf: Buffer; dv: DataView } {
  const buf = Buffer.allocUnsafe(HEAD + bodyLength);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  dv.setUint32(0, 1 + bodyLength, true);
  buf[4] = type;
  return { buf, dv };
}

/** A logical batch as one frame: its pieces' bytes are copied out of the log (the mapping may go before the send). */
export function encodeBatch(firstLSN: number, lastLSN: number, parts: readonly { segId: number; segSize: number; off: number; bytes: Buffer }[]): Buffer {
  let n = 18;
  for (const p of parts) n += 16 + p.bytes.length;
  const { buf, dv } = frame(FrameType.Batch, n);
  dv.setFloat64(HEAD, firstLSN, true);
  dv.setFloat64(HEAD + 8, lastLSN, true);
  dv.setUint16(HEAD + 16, parts.length, true);
  let at = HEAD + 18;
  for (const p of parts) {
    dv.setUint32(at, p.segId, true);
    dv.setUint32(at + 4, p.segSize, true);
    dv.setUint32(at + 8, p.off, true);
    dv.setUint32(at + 12, p.bytes.length, true);
    p.bytes.copy(buf, at + 16);
    at += 16 + p.bytes.length;
  }
  return buf;
}

/**
 * A logical batch to ship, read in place from the log: its LSNs and its pieces. A TCP transport sends it as one
 * Batch frame (encoded once however many backups get it); an RDMA transport writes the pieces straight from the
 * log's mapping.
 */
export interface OutgoingBatch {
  readonly firstLSN: number;
  readonly lastLSN: number;
  readonly parts: readonly { seg: Segment; from: number; to: number }[];
  frame(): Buffer;
}

export function outgoingBatch(firstLSN: number, lastLSN: number, parts: readonly { seg: Segment; from: number; to: number }[]): OutgoingBatch {
  let encoded: Buffer | null = null;
  return {
    firstLSN,
    lastLSN,
    parts,
    frame: () => (encoded ??= encodeBatch(firstLSN, lastLSN, parts.map((p) => ({ segId: p.seg.id, segSize: p.seg.size, off: p.from, bytes: p.seg.buf.subarray(p.from, p.to) })))),
  };
}

export function encodeFree(segId: number): Buffer {
  const { buf, dv } = frame(FrameType.Free, 4);
  dv.setUint32(HEAD, segId, true);
  return buf;
}

export function encodeSnapshotBegin(segments: readonly SnapshotSegment[]): Buffer {
  const { buf, dv } = frame(FrameType.SnapshotBegin, 4 + 12 * segments.length);
  dv.setUint32(HEAD, segments.length, true);
  segments.forEach((s, i) => {
    dv.setUint32(HEAD + 4 + 12 * i, s.id, true);
    dv.setUint32(HEAD + 8 + 12 * i, s.size, true);
    dv.setUint32(HEAD + 12 + 12 * i, s.length, true);
  });
  return buf;
}

export function encodeSnapshotChunk(segId: number, off: number, bytes: Buffer): Buffer {
  const { buf, dv } = frame(FrameType.SnapshotChunk, 8 + bytes.length);
  dv.setUint32(HEAD, segId, true);
  dv.setUint32(HEAD + 4, off, true);
  bytes.copy(buf, HEAD + 8);
  return buf;
}

export function encodeEmpty(type: FrameType.SnapshotEnd | FrameType.Promote): Buffer {
  return frame(type, 0).buf;
}

export function encodeHistory(epochs: readonly EpochStart[]): Buffer {
  const { buf, dv } = frame(FrameType.History, 4 + 16 * epochs.length);
  dv.setUint32(HEAD, epochs.length, true);
  epochs.forEach((e, i) => {
    dv.setUint32(HEAD + 4 + 16 * i, e.epoch, true);
    dv.setUint32(HEAD + 8 + 16 * i, e.id, true);
    dv.setFloat64(HEAD + 12 + 16 * i, e.start, true);
  });
  return buf;
}

export function encodeTransport(body: Buffer): Buffer {
  const { buf } = frame(FrameType.Transport, body.length);
  body.copy(buf, HEAD);
  return buf;
}

export function encodeLSN(type: FrameType.Ping | FrameType.Ack, lsn: number): Buffer {
  const { buf, dv } = frame(type, 8);
  dv.setFloat64(HEAD, lsn, true);
  return buf;
}

/**
 * Frames larger than this are a broken stream, not data: a batch is at most a few segments' worth (a CONTINUED one
 * spans two, an oversized record gets a segment of its own size), far below it.
 */
const MAX_FRAME = 2 ** 31;

/** Cuts a byte stream into frames. Bytes that arrive are appended; complete frames come out in order. */
export class FrameDecoder {
  private pending: Buffer | null = null;

  /** Adds bytes and returns every frame now complete. Throws on a malformed frame (the stream is then useless). */
  push(chunk: Buffer): Frame[] {
    const buf = this.pending === null ? chunk : Buffer.concat([this.pending, chunk]);
    const out: Frame[] = [];
    let at = 0;
    while (buf.length - at >= 4) {
      const len = buf.readUInt32LE(at);
      if (len < 1 || len > MAX_FRAME) throw new Error(`bad replication frame length ${len}`);
      if (buf.length - at - 4 < len) break;
      out.push(decode(buf.subarray(at + 4, at + 4 + len)));
      at += 4 + len;
    }
    // What decode() returned may point into `buf`: keep the remainder in its own copy.
    this.pending = at === buf.length ? null : Buffer.from(buf.subarray(at));
    return out;
  }
}

function decode(b: Buffer): Frame {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = b[0] as FrameType;
  const at = 1;
  switch (type) {
    case FrameType.Batch: {
      const firstLSN = dv.getFloat64(at, true);
      const lastLSN = dv.getFloat64(at + 8, true);
      const n = dv.getUint16(at + 16, true);
      const parts: ReceivedPart[] = [];
      let p = at + 18;
      for (let i = 0; i < n; i++) {
        const len = dv.getUint32(p + 12, true);
        parts.push({ segId: dv.getUint32(p, true), segSize: dv.getUint32(p + 4, true), off: dv.getUint32(p + 8, true), bytes: b.subarray(p + 16, p + 16 + len) });
        p += 16 + len;
      }
      return { type, firstLSN, lastLSN, parts };
    }
    case FrameType.Free:
      return { type, segId: dv.getUint32(at, true) };
    case FrameType.SnapshotBegin: {
      const n = dv.getUint32(at, true);
      const segments: SnapshotSegment[] = [];
      for (let i = 0; i < n; i++) {
        segments.push({ id: dv.getUint32(at + 4 + 12 * i, true), size: dv.getUint32(at + 8 + 12 * i, true), length: dv.getUint32(at + 12 + 12 * i, true) });
      }
      return { type, segments };
    }
    case FrameType.SnapshotChunk:
      return { type, segId: dv.getUint32(at, true), off: dv.getUint32(at + 4, true), bytes: b.subarray(at + 8) };
    case FrameType.SnapshotEnd:
    case FrameType.Promote:
      return { type };
    case FrameType.History: {
      const n = dv.getUint32(at, true);
      const epochs: EpochStart[] = [];
      for (let i = 0; i < n; i++) {
        epochs.push({ epoch: dv.getUint32(at + 4 + 16 * i, true), id: dv.getUint32(at + 8 + 16 * i, true), start: dv.getFloat64(at + 12 + 16 * i, true) });
      }
      return { type, epochs };
    }
    case FrameType.Ping:
    case FrameType.Ack:
      return { type, lsn: dv.getFloat64(at, true) };
    case FrameType.Transport:
      return { type, body: b.subarray(at) };
    default:
      throw new Error(`unknown replication frame type ${type as number}`);
  }
}
