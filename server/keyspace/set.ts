// The set type's public face: what commands and other types use. Importing it registers the set's codec and
// value-type operations (set/codec.ts), so recovery, RENAME/MOVE/COPY and OBJECT ENCODING know sets.
import { SetValue } from './set/value.js';
import './set/codec.js';

export { SetValue } from './set/value.js';
export { difference, intersect, union } from './set/algebra.js';
export { randomDistinct, randomWithRepeats } from './set/random.js';
export { encodeSetImage } from './set/codec.js';
export { addMembers, moveMember, popMany, popOne, readSet, readSets, removeMembers, storeResult } from './set/ops.js';

/** The members of a set object as latin1 strings, in its iteration order (ascending for an intset). */
export function setMembers(obj: unknown): Iterable<string> {
  return (obj as SetValue).members();
}

/** A new set object holding `members`, encoded as Redis encodes a set it builds (intset while it can). */
export function setFromMembers(members: Iterable<string>): unknown {
  return SetValue.from(members);
}
