// The object RESTORE stores for a decoded collection. Redis rebuilds a value read from a payload with the encoding
// its contents call for under the current limits (rdbLoadObject), whatever encoding it was dumped from; the IMAGE
// keeps the encoding the value had, so the types whose encoding depends on history are rebuilt from their contents.
import { hashEntries, hashFromEntries } from '../../keyspace/hash.js';
import { setFromMembers, setMembers } from '../../keyspace/set.js';
import { ValueType } from '../../keyspace/types.js';
import { zsetEntries, zsetFromEntries } from '../../keyspace/zset/index.js';

/** Rebuilders by type, through the cross-type APIs. Lists are always quicklists in 7.0; other types keep theirs. */
const REBUILD: Partial<Record<ValueType, (obj: unknown) => unknown>> = {
  [ValueType.Hash]: (obj) => hashFromEntries(hashEntries(obj)),
  [ValueType.Set]: (obj) => setFromMembers(setMembers(obj)),
  [ValueType.ZSet]: (obj) => zsetFromEntries(zsetEntries(obj)),
};

export function restoredObject(type: ValueType, obj: unknown): unknown {
  const rebuild = REBUILD[type];
  return rebuild === undefined ? obj : rebuild(obj);
}
