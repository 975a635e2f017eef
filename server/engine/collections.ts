// How recovery rebuilds DRAM-resident collections: each collection type registers a codec that turns DELTA and
// IMAGE record payloads back into its object. The engine moves the bytes; the codecs (keyspace/) give them meaning.

export interface CollectionCodec {
  /** An empty object of this type: recovery creates a collection at its first delta. */
  create(): unknown;
  /** Applies one DELTA payload to `obj`. The payload is a view of the mapped log: copy what is kept. */
  applyDelta(obj: unknown, payload: Buffer): void;
  /** The whole object an IMAGE payload describes (same copying rule). */
  decodeImage(payload: Buffer): unknown;
  /** The IMAGE payload of `obj` (COPY, RENAME, RESTORE, *STORE commands, DUMP, and later the cleaner). */
  encodeImage(obj: unknown): Buffer;
  /**
   * A small number for the encoding `obj` is in, as far as its IMAGE records it; types whose objects hold no such
   * choice leave it out (0). The hot tier demotes a collection without writing a new IMAGE only while this is what
   * it was when the IMAGE was made: commands may change an encoding without logging anything (SORT does).
   */
  encodingOf?(obj: unknown): number;
  /**
   * The ops whose payloads concatenate, each with where its u32 item count sits: two such payloads of one key that
   * agree on every byte before the count apply as one payload with the summed count and the second's items after
   * the first's. The store then grows the key's last record rather than writing another (Log.extendLast). Only
   * ops for which applying the pair as one ends in exactly the object applying them in turn does.
   */
  concatenable?: Readonly<Record<number, number>>;
}

/** Where the item count of a payload starting with `op` sits when `type` lets such payloads concatenate, else 0. */
export function concatCountAt(type: number, op: number): number {
  return countAtByType[type]?.[op] ?? 0;
}

/** The codec's encoding tag of `obj` (0 when the type has none). */
export function encodingTag(type: number, obj: unknown): number {
  return codecs[type]?.encodingOf?.(obj) ?? 0;
}

const codecs: (CollectionCodec | undefined)[] = [];
/** Each type's `concatenable` as an array by op: looked up on every delta, so no object property walk. */
const countAtByType: (number[] | undefined)[] = [];

/** Registers the codec of value type `type` (1..255; 0 is the engine's bytes type). Done at module load. */
export function registerCollectionCodec(type: number, codec: CollectionCodec): void {
  codecs[type] = codec;
  const byOp: number[] = [];
  for (const [op, countAt] of Object.entries(codec.concatenable ?? {})) byOp[Number(op)] = countAt;
  countAtByType[type] = byOp;
}

export function codecOf(type: number): CollectionCodec | undefined {
  return codecs[type];
}
