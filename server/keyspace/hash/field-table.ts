// A hash's fields and values in insertion order (the order a listpack keeps and HGETALL replies), with an index
// from field to position (keyspace/string-index.ts, chosen over a Map for speed). It only stores: encodings, limits and
// logging are the caller's. A Buffer from get() is valid until that field's next write (see setCopy).
import { hashString, StringIndex } from '../string-index.js';

/** Holes left by deletes are squeezed out once they outnumber live fields (and there are enough to bother). */
const MIN_COMPACT = 32;

export class FieldTable {
  /** Fields and values by position, oldest first; undefined at a deleted field's position. */
  private fieldAt: (string | undefined)[] = [];
  private valueAt: (Buffer | undefined)[] = [];
  private index = new StringIndex();

  get size(): number {
    return this.index.size;
  }

  get(field: string): Buffer | undefined {
    const j = this.index.find(this.fieldAt, field, hashString(field));
    return j < 0 ? undefined : this.valueAt[this.index.position(j)];
  }

  /** Sets a field to `value`, kept as given (pass a copy); true when the field is new. */
  set(field: string, value: Buffer): boolean {
    const h = hashString(field);
    const j = this.index.find(this.fieldAt, field, h);
    if (j >= 0) {
      this.valueAt[this.index.position(j)] = value;
      return false;
    }
    this.append(field, value, h);
    return true;
  }

  /**
   * Sets a field to a copy of `value` (a view the caller may reuse); true when the field is new. An existing value
   * of the same length is overwritten in place. Why: HSET over 100k existing fields (redis-benchmark -r 100000)
   * spent its time allocating each new value and promoting it past the young generation; in place, an HSET's
   * hash work fell from ~770 to ~500 ns of CPU in an in-process loop (replies copy values; nothing keeps them).
   */
  setCopy(field: string, value: Buffer): boolean {
    const h = hashString(field);
    const j = this.index.find(this.fieldAt, field, h);
    if (j < 0) {
      this.append(field, Buffer.from(value), h);
      return true;
    }
    const pos = this.index.position(j);
    const old = this.valueAt[pos]!;
    if (old.length === value.length) old.set(value);
    else this.valueAt[pos] = Buffer.from(value);
    return false;
  }

  delete(field: string): boolean {
    const j = this.index.find(this.fieldAt, field, hashString(field));
    if (j < 0) return false;
    const pos = this.index.position(j);
    this.index.removeAt(j);
    this.fieldAt[pos] = undefined;
    this.valueAt[pos] = undefined;
    if (this.index.size === 0) {
      this.fieldAt = [];
      this.valueAt = [];
      this.index.clear();
      return true;
    }
    while (this.fieldAt.length > 0 && this.fieldAt[this.fieldAt.length - 1] === undefined) {
      this.fieldAt.pop();
      this.valueAt.pop();
    }
    const holes = this.fieldAt.length - this.index.size;
    if (holes > MIN_COMPACT && holes > this.index.size) this.compact();
    return true;
  }

  *keys(): IterableIterator<string> {
    for (const f of this.fieldAt) if (f !== undefined) yield f;
  }

  *values(): IterableIterator<Buffer> {
    for (const v of this.valueAt) if (v !== undefined) yield v;
  }

  *entries(): IterableIterator<[string, Buffer]> {
    const fields = this.fieldAt;
    const values = this.valueAt;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (f !== undefined) yield [f, values[i]!];
    }
  }

  private append(field: string, value: Buffer, h: number): void {
    this.index.add(h, this.fieldAt.length);
    this.fieldAt.push(field);
    this.valueAt.push(value);
  }

  /** Rewrites the arrays without holes (same order) and re-indexes the new positions. */
  private compact(): void {
    const fields: string[] = [];
    const values: Buffer[] = [];
    for (let i = 0; i < this.fieldAt.length; i++) {
      const f = this.fieldAt[i];
      if (f === undefined) continue;
      fields.push(f);
      values.push(this.valueAt[i]!);
    }
    this.fieldAt = fields;
    this.valueAt = values;
    this.index.clear();
    for (let i = 0; i < fields.length; i++) this.index.add(hashString(fields[i]), i);
  }
}
