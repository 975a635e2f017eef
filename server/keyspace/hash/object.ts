// The DRAM object of a Redis hash: field → value in insertion order (as a listpack keeps it), and which encoding
// Redis would report. It only stores; size limits, logging and notifications are the keyspace's.
import { FieldIndex } from './field-index.js';
import { FieldTable } from './field-table.js';

export class HashObject {
  /** Fields are latin1 strings (one char per byte); values are owned copies. */
  private readonly fields = new FieldTable();
  /** Redis's listpack encoding; once false (hashtable) it stays false, as Redis never converts back. */
  listpack = true;
  /** Built on the first HSCAN or HRANDFIELD that needs it, then kept in step with every add and remove. */
  private index: FieldIndex | null = null;

  get size(): number {
    return this.fields.size;
  }

  /** A field's value; valid until that field's next write, which may overwrite it in place. */
  get(field: string): Buffer | undefined {
    return this.fields.get(field);
  }

  /** Sets a field (the value is kept as given: pass a copy); true when the field is new. */
  set(field: string, value: Buffer): boolean {
    if (!this.fields.set(field, value)) return false;
    this.index?.add(field);
    return true;
  }

  /** Sets a field to a copy of `value` (a view the caller may reuse); true when the field is new. */
  setCopy(field: string, value: Buffer): boolean {
    if (!this.fields.setCopy(field, value)) return false;
    this.index?.add(field);
    return true;
  }

  delete(field: string): boolean {
    if (!this.fields.delete(field)) return false;
    this.index?.remove(field);
    return true;
  }

  /** Fields in the hash's order. Do not change the hash while iterating. */
  keys(): IterableIterator<string> {
    return this.fields.keys();
  }

  values(): IterableIterator<Buffer> {
    return this.fields.values();
  }

  entries(): IterableIterator<[string, Buffer]> {
    return this.fields.entries();
  }

  toHashtable(): void {
    this.listpack = false;
  }

  fieldIndex(): FieldIndex {
    if (this.index === null) this.index = new FieldIndex(this.fields.keys());
    return this.index;
  }

  /** A deep copy with the same encoding (COPY: Redis duplicates the hash in its current encoding). */
  clone(): HashObject {
    const copy = new HashObject();
    for (const [f, v] of this.fields.entries()) copy.fields.set(f, Buffer.from(v));
    copy.listpack = this.listpack;
    return copy;
  }
}
