// How sorted sets live in the log: their DELTA payloads (members set to a score, members removed) and IMAGE
// payload (every member in order, with the encoding), registered so recovery, RENAME/MOVE/COPY and OBJECT
// ENCODING work. Keep in sync with: server/docs/log-format.md ("zset payloads").
import { registerCollectionCodec } from '../../engine/collections.js';
import type { Entry } from '../../engine/entry.js';
import { DeltaReader, deltaWriter } from '../delta.js';
import type { Keyspace } from '../keyspace.js';
import { registerValueType } from '../keys.js';
import { ValueType } from '../types.js';
import { ZSet } from './zset.js';

/** Op codes: the first byte of every zset payload. */
export const enum ZOp {
  /** u8 encoding after the change (1 listpack, 0 skiplist), u32 n, n × (member, f64 score): members now hold these scores. */
  Set = 1,
  /** u32 n, n × member: these members are gone. */
  Remove = 2,
  /** IMAGE only: u8 encoding, u32 n, n × (member, f64 score) in ascending order. */
  Image = 3,
}

/** A SET payload for members whose scores changed (resolved values: ZINCRBY logs the resulting score). */
export function setPayload(z: ZSet, changed: Iterable<[string | Buffer, number]>, count: number): Buffer {
  const w = deltaWriter(ZOp.Set).u8(z.listpack ? 1 : 0).u32(count);
  for (const [member, score] of changed) {
    if (typeof member === 'string') w.str(member);
    else w.bytes(member);
    w.f64(score);
  }
  return w.end();
}

export function removePayload(members: readonly string[]): Buffer {
  const w = deltaWriter(ZOp.Remove).u32(members.length);
  for (const m of members) w.str(m);
  return w.end();
}

export function encodeImage(obj: unknown): Buffer {
  const z = obj as ZSet;
  const w = deltaWriter(ZOp.Image).u8(z.listpack ? 1 : 0).u32(z.size);
  for (const n of z.ascending()) w.str(z.list.member(n)).f64(z.list.score(n));
  // The writer's buffer is shared: the image may be kept (DUMP) or used after another payload is built.
  return Buffer.from(w.end());
}

export function decodeImage(payload: Buffer): ZSet {
  const r = new DeltaReader(payload);
  if (r.u8() !== ZOp.Image) throw new Error('zset image: unknown op');
  const z = new ZSet(r.u8() === 1);
  for (let n = r.u32(); n > 0; n--) {
    const member = r.str();
    z.appendSorted(member, r.f64());
  }
  return z;
}

export function applyDelta(obj: unknown, payload: Buffer): void {
  const z = obj as ZSet;
  const r = new DeltaReader(payload);
  const op = r.u8();
  if (op === ZOp.Set) {
    const listpack = r.u8() === 1;
    for (let n = r.u32(); n > 0; n--) {
      const member = r.str();
      z.set(member, r.f64());
    }
    z.listpack = listpack;
  } else if (op === ZOp.Remove) {
    for (let n = r.u32(); n > 0; n--) z.remove(r.str());
  } else {
    throw new Error(`zset delta: unknown op ${op}`);
  }
}

registerCollectionCodec(ValueType.ZSet, {
  create: () => new ZSet(true),
  applyDelta,
  decodeImage,
  encodeImage,
  encodingOf: (obj) => ((obj as ZSet).listpack ? 1 : 0),
  // The encoding is a flag and members are ordered by score: SETs of one encoding, and REMOVEs, concatenate.
  concatenable: { [ZOp.Set]: 2, [ZOp.Remove]: 1 },
});

/** RENAME, MOVE, COPY: the set written whole under its new name; a zset arriving at a key may serve BZPOP* waiters. */
function write(ks: Keyspace, src: Entry, db: number, key: string, expireAt: number, independent: boolean): Entry {
  const z = independent ? (src.obj as ZSet).clone() : (src.obj as ZSet);
  const e = ks.putCollection(db, key, ValueType.ZSet, z, encodeImage(z), expireAt);
  ks.signalReady(db, key);
  return e;
}

registerValueType(ValueType.ZSet, {
  write,
  encoding: (e) => ((e.obj as ZSet).listpack ? 'listpack' : 'skiplist'),
});
