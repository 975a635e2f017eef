// The RDMA transport's own messages, carried inside Transport frames on the TCP replication connection: the queue
// pair exchange, the backup's registered log segments, and the notice that follows each batch written by RDMA.
// Byte layouts only (little-endian); server/docs/rdma.md describes them.

export const enum RdmaMsg {
  /** Either way: "here is my queue pair" (the backup first; the primary answers with its own). */
  Hello = 1,
  /** Primary → backup: no RDMA here (configured tcp, or no usable device); stay on TCP. */
  Refuse = 2,
  /** Backup → primary: a log segment registered for remote writes (address, rkey). */
  Region = 3,
  /** Primary → backup: the batch written by RDMA whose WRITE_WITH_IMM carries `seq`, with its LSNs and pieces. */
  BatchNotice = 4,
}

export interface Hello {
  qpn: number;
  psn: number;
  lid: number;
  /** The port's active MTU (an IBV.MTU_* value); both ends use the smaller. */
  mtu: number;
  gid: Uint8Array;
}

export interface Region {
  segId: number;
  size: number;
  addr: bigint;
  rkey: number;
}

export interface BatchNotice {
  seq: number;
  firstLSN: number;
  lastLSN: number;
  parts: { segId: number; segSize: number; off: number; len: number }[];
}

export type RdmaMessage =
  | { kind: RdmaMsg.Hello; hello: Hello }
  | { kind: RdmaMsg.Refuse; reason: string }
  | { kind: RdmaMsg.Region; region: Region }
  | { kind: RdmaMsg.BatchNotice; notice: BatchNotice };

export function encodeHello(h: Hello): Buffer {
  const b = Buffer.alloc(1 + 4 + 4 + 2 + 1 + 16);
  b[0] = RdmaMsg.Hello;
  b.writeUInt32LE(h.qpn, 1);
  b.writeUInt32LE(h.psn, 5);
  b.writeUInt16LE(h.lid, 9);
  b[11] = h.mtu;
  b.set(h.gid, 12);
  return b;
}

export function encodeRefuse(reason: string): Buffer {
  return Buffer.concat([Buffer.from([RdmaMsg.Refuse]), Buffer.from(reason, 'utf8')]);
}

export function encodeRegion(r: Region): Buffer {
  const b = Buffer.alloc(1 + 4 + 4 + 8 + 4);
  b[0] = RdmaMsg.Region;
  b.writeUInt32LE(r.segId, 1);
  b.writeUInt32LE(r.size, 5);
  b.writeBigUInt64LE(r.addr, 9);
  b.writeUInt32LE(r.rkey, 17);
  return b;
}

export function encodeBatchNotice(n: BatchNotice): Buffer {
  const b = Buffer.alloc(1 + 4 + 8 + 8 + 2 + 16 * n.parts.length);
  b[0] = RdmaMsg.BatchNotice;
  b.writeUInt32LE(n.seq, 1);
  b.writeDoubleLE(n.firstLSN, 5);
  b.writeDoubleLE(n.lastLSN, 13);
  b.writeUInt16LE(n.parts.length, 21);
  n.parts.forEach((p, i) => {
    const at = 23 + 16 * i;
    b.writeUInt32LE(p.segId, at);
    b.writeUInt32LE(p.segSize, at + 4);
    b.writeUInt32LE(p.off, at + 8);
    b.writeUInt32LE(p.len, at + 12);
  });
  return b;
}

export function decodeRdmaMessage(b: Buffer): RdmaMessage {
  switch (b[0] as RdmaMsg) {
    case RdmaMsg.Hello:
      return { kind: RdmaMsg.Hello, hello: { qpn: b.readUInt32LE(1), psn: b.readUInt32LE(5), lid: b.readUInt16LE(9), mtu: b[11], gid: Uint8Array.from(b.subarray(12, 28)) } };
    case RdmaMsg.Refuse:
      return { kind: RdmaMsg.Refuse, reason: b.toString('utf8', 1) };
    case RdmaMsg.Region:
      return { kind: RdmaMsg.Region, region: { segId: b.readUInt32LE(1), size: b.readUInt32LE(5), addr: b.readBigUInt64LE(9), rkey: b.readUInt32LE(17) } };
    case RdmaMsg.BatchNotice: {
      const parts: BatchNotice['parts'] = [];
      const n = b.readUInt16LE(21);
      for (let i = 0; i < n; i++) {
        const at = 23 + 16 * i;
        parts.push({ segId: b.readUInt32LE(at), segSize: b.readUInt32LE(at + 4), off: b.readUInt32LE(at + 8), len: b.readUInt32LE(at + 12) });
      }
      return { kind: RdmaMsg.BatchNotice, notice: { seq: b.readUInt32LE(1), firstLSN: b.readDoubleLE(5), lastLSN: b.readDoubleLE(13), parts } };
    }
    default:
      throw new Error(`unknown RDMA transport message ${b[0]}`);
  }
}
