// The elements SORT starts from, read through each type's cross-type API (lists head to tail, sets in their own
// iteration order, sorted sets by score), and the range SORT keeps (its LIMIT arithmetic). Reads only.
import type { Entry } from '../../engine/entry.js';
import { listItems } from '../../keyspace/list.js';
import { setMembers } from '../../keyspace/set.js';
import { ValueType } from '../../keyspace/types.js';
import { zsetEntries, type ZSet } from '../../keyspace/zset/index.js';

/** The types SORT accepts. */
export function sortable(e: Entry): boolean {
  return e.type === ValueType.List || e.type === ValueType.Set || e.type === ValueType.ZSet;
}

/** The elements of a sortable entry (none for a missing key), in the order Redis loads them. */
export function elementsOf(e: Entry | undefined): Buffer[] {
  if (e === undefined) return [];
  switch (e.type) {
    case ValueType.List:
      return listItems(e.obj);
    case ValueType.Set:
      return Array.from(setMembers(e.obj), (m) => Buffer.from(m, 'latin1'));
    default:
      return Array.from(zsetEntries(e.obj), ([m]) => Buffer.from(m, 'latin1'));
  }
}

/**
 * SORT converts a sorted set it reads to the skiplist encoding for good (zsetConvert in sortCommandGeneric), so
 * OBJECT ENCODING answers "skiplist" afterwards even for SORT_RO. Not logged: a restart re-encodes it as Redis's
 * reload does, and the next logged change of the set carries the encoding.
 */
export function convertForSort(e: Entry | undefined): void {
  if (e !== undefined && e.type === ValueType.ZSet) (e.obj as ZSet).listpack = false;
}

/** The first and last index SORT outputs (end < start: nothing), from LIMIT offset and count. */
export function limitRange(length: number, offset: number, count: number): { start: number; end: number } {
  let start = Math.min(Math.max(offset, 0), length);
  const n = Math.min(Math.max(count, -1), length);
  let end = n < 0 ? length - 1 : start + n - 1;
  if (start >= length) {
    start = length - 1;
    end = length - 2;
  }
  if (end >= length) end = length - 1;
  return { start, end };
}
