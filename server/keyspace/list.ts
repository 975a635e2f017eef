// The list value type as the rest of faha sees it: the cross-type API (listItems, listFromItems), and, at module
// load, the registrations that let recovery rebuild lists and RENAME/COPY/MOVE/OBJECT ENCODING handle them.
// The object lives in ./list/deque.ts, its payloads in ./list/codec.ts, the operations in ./list/ops.ts.
import { registerCollectionCodec } from '../engine/collections.js';
import { registerValueType } from './keys.js';
import { LIST_CONCATENABLE, applyListDelta, decodeListImage, encodeListImage } from './list/codec.js';
import { ListObject } from './list/deque.js';
import { ValueType } from './types.js';

export { ListObject };

/** The elements of a list object, head to tail (views into the list: valid until it next changes). */
export function listItems(obj: unknown): Buffer[] {
  return (obj as ListObject).toArray();
}

/** A new list object holding copies of `items`, head to tail; not yet in any keyspace. */
export function listFromItems(items: Buffer[]): unknown {
  const list = new ListObject();
  list.reset(items);
  return list;
}

registerCollectionCodec(ValueType.List, {
  create: () => new ListObject(),
  applyDelta: (obj, payload) => applyListDelta(obj as ListObject, payload),
  decodeImage: decodeListImage,
  encodeImage: (obj) => encodeListImage(obj as ListObject),
  concatenable: LIST_CONCATENABLE,
});

registerValueType(ValueType.List, {
  write(ks, src, db, key, expireAt, independent) {
    const obj = independent ? (listFromItems(listItems(src.obj)) as ListObject) : (src.obj as ListObject);
    const e = ks.putCollection(db, key, ValueType.List, obj, encodeListImage(obj), expireAt);
    // Redis's dbAdd wakes clients blocked on the key whatever wrote it (RENAME, MOVE, COPY onto an awaited name).
    ks.signalReady(db, key);
    return e;
  },
  // Redis 7.0 keeps every list as a quicklist (7.2 brought small listpack lists).
  encoding: () => 'quicklist',
});
