// Case-insensitive lookup of command names straight from request bytes (Redis's dictFind with its
// case-insensitive hash): no string is made for the name. Holds names only; what they resolve to is the caller's.
// Why: converting argv[0] to a string and hashing that fresh string was ~3% of LPUSH -P 16 (scripts/bench.ts).

/** Longer names are none of ours (the longest command name has 20 characters). */
const MAX_NAME = 64;

/** ASCII upper case to lower case, other bytes as they are: what toLowerCase does to a latin1 name we hold. */
function fold(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
}

/** FNV-1a over the folded bytes. */
function hashFolded(b: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ fold(b[i]), 0x01000193);
  return h >>> 0;
}

export class NameTable<T> {
  /** Open addressing, linear probing: the lower-case name bytes in a slot, undefined when free. */
  private readonly names: (Uint8Array | undefined)[];
  private readonly values: (T | undefined)[];
  private readonly mask: number;

  /** `entries`: lower-case ASCII names, each once. */
  constructor(entries: Iterable<readonly [string, T]>) {
    const list = [...entries];
    let size = 8;
    while (size < list.length * 2) size *= 2;
    this.mask = size - 1;
    this.names = new Array<Uint8Array | undefined>(size).fill(undefined);
    this.values = new Array<T | undefined>(size).fill(undefined);
    for (const [name, value] of list) {
      const bytes = Buffer.from(name, 'latin1');
      let i = hashFolded(bytes) & this.mask;
      while (this.names[i] !== undefined) i = (i + 1) & this.mask;
      this.names[i] = bytes;
      this.values[i] = value;
    }
  }

  /** The value of the name `b` spells in any case, or undefined. */
  get(b: Uint8Array): T | undefined {
    const n = b.length;
    if (n === 0 || n > MAX_NAME) return undefined;
    const names = this.names;
    let i = hashFolded(b) & this.mask;
    for (;;) {
      const name = names[i];
      if (name === undefined) return undefined;
      if (name.length === n && sameFolded(name, b)) return this.values[i];
      i = (i + 1) & this.mask;
    }
  }
}

/** `lower` (lower case) equals `b` once b's ASCII letters are folded; same lengths. */
function sameFolded(lower: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < lower.length; i++) if (lower[i] !== fold(b[i])) return false;
  return true;
}
