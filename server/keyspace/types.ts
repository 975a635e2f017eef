// Redis value types and string encodings as small integers stored in engine entries (Entry.type / Entry.enc).

/** The engine's BYTES_TYPE (0) is the string type. */
export const enum ValueType {
  String = 0,
  List = 1,
  Set = 2,
  ZSet = 3,
  Hash = 4,
  Stream = 5,
}

export const TYPE_NAMES: Record<number, string> = {
  [ValueType.String]: 'string',
  [ValueType.List]: 'list',
  [ValueType.Set]: 'set',
  [ValueType.ZSet]: 'zset',
  [ValueType.Hash]: 'hash',
  [ValueType.Stream]: 'stream',
};

/** OBJECT ENCODING of strings: Redis picks int / embstr / raw from the value and how it was produced. */
export const enum StringEncoding {
  Raw = 0,
  Embstr = 1,
  Int = 2,
}

/** Status returned by keyspace operations instead of a reply: WRONGTYPE is decided here, spelled in resp/. */
export const WRONGTYPE: unique symbol = Symbol('WRONGTYPE');
export type WrongType = typeof WRONGTYPE;
