// How a set is written to the log and read back: its DELTA ops and IMAGE payload (see server/docs/log-format.md,
// "set payloads"), and its registrations for recovery, RENAME/MOVE/COPY and OBJECT ENCODING. No commands here.
// Keep in sync with: server/docs/log-format.md.
import { registerCollectionCodec } from '../../engine/collections.js';
import type { Entry } from '../../engine/entry.js';
import { DeltaReader, deltaWriter } from '../delta.js';
import { registerValueType } from '../keys.js';
import { ValueType } from '../types.js';
import { SetValue } from './value.js';

/** The set's delta ops. Each payload: op, encoding after the change, member count, members. */
export const enum SetOp {
  /** Members added (in the order they were added). */
  Add = 1,
  /** Members removed (SREM, SMOVE's source, SPOP's popped members). */
  Remove = 2,
}

/** The encoding byte of payloads. */
const enum Enc {
  Hashtable = 0,
  Intset = 1,
}

/** A delta payload: the members changed and the encoding the set has afterwards (so replay needs no config). */
export function setDelta(op: SetOp, obj: SetValue, members: readonly (string | Buffer)[]): Buffer {
  const w = deltaWriter(op).u8(obj.isIntset ? Enc.Intset : Enc.Hashtable).u32(members.length);
  for (const m of members) {
    if (typeof m === 'string') w.str(m);
    else w.bytes(m);
  }
  return w.end();
}

function applyDelta(obj: unknown, payload: Buffer): void {
  const set = obj as SetValue;
  const r = new DeltaReader(payload);
  const op = r.u8();
  const enc = r.u8();
  const n = r.u32();
  if (op !== SetOp.Add && op !== SetOp.Remove) throw new Error(`unknown set delta op ${op}`);
  for (let i = 0; i < n; i++) {
    const m = r.str();
    if (op === SetOp.Add) set.add(m);
    else set.remove(m);
  }
  set.setEncoding(enc === Enc.Intset);
}

/** IMAGE payload: the encoding byte, the member count, then the members in iteration order. */
export function encodeSetImage(obj: unknown): Buffer {
  const set = obj as SetValue;
  const members = set.members();
  const w = deltaWriter(set.isIntset ? Enc.Intset : Enc.Hashtable).u32(members.length);
  for (const m of members) w.str(m);
  return w.end();
}

function decodeImage(payload: Buffer): SetValue {
  const r = new DeltaReader(payload);
  const enc = r.u8();
  const n = r.u32();
  const set = new SetValue();
  // Members go in as a hashtable first, so a large intset image is not re-sorted member by member.
  set.toHashtable();
  for (let i = 0; i < n; i++) set.add(r.str());
  set.setEncoding(enc === Enc.Intset);
  return set;
}

registerCollectionCodec(ValueType.Set, {
  create: () => new SetValue(),
  applyDelta,
  decodeImage,
  encodeImage: encodeSetImage,
  encodingOf: (obj) => ((obj as SetValue).isIntset ? 1 : 0),
  // ADDs of one encoding: replay's add() converts exactly where the live add() did, so the encoding set at a
  // payload's end changes nothing between two of them. Not REMOVE: SPOP may rebuild the set's encoding.
  concatenable: { [SetOp.Add]: 2 },
});

registerValueType(ValueType.Set, {
  write(ks, src: Entry, db, key, expireAt, independent) {
    const obj = independent ? (src.obj as SetValue).clone() : (src.obj as SetValue);
    return ks.putCollection(db, key, ValueType.Set, obj, encodeSetImage(obj), expireAt);
  },
  encoding: (e) => ((e.obj as SetValue).isIntset ? 'intset' : 'hashtable'),
});
