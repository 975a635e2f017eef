// The sorted-set type's public face: the cross-type API other families call (zsetEntries, zsetFromEntries) and
// the modules commands use. Importing it registers the codec and the value-type operations.
import { ZSet } from './zset.js';

export * from './codec.js';
export * from './ops.js';
export * from './ranges.js';
export { parseScore } from './strtod.js';
export { ZSet, type AddFlags, type AddResult } from './zset.js';
export { NIL, type ZPos } from './score-tree.js';

/** (member, score) pairs of a sorted-set object in ascending order (members as latin1 strings). */
export function* zsetEntries(obj: unknown): Iterable<[string, number]> {
  const z = obj as ZSet;
  for (const n of z.ascending()) yield [z.list.member(n), z.list.score(n)];
}

/**
 * A new sorted-set object holding `entries` (a repeated member keeps its last score), encoded as Redis encodes a
 * set it loads whole: listpack when small enough in members and member length, skiplist otherwise.
 */
export function zsetFromEntries(entries: Iterable<[string, number]>): unknown {
  const z = new ZSet(false);
  for (const [member, score] of entries) z.set(member, score);
  z.listpackIfSmall();
  return z;
}
