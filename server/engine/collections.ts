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
}

const codecs: (CollectionCodec | undefined)[] = [];

/** Registers the codec of value type `type` (1..255; 0 is the engine's bytes type). Done at module load. */
export function registerCollectionCodec(type: number, codec: CollectionCodec): void {
  codecs[type] = codec;
}

export function codecOf(type: number): CollectionCodec | undefined {
  return codecs[type];
}
