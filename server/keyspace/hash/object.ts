// The DRAM object of a Redis hash: field → value in insertion order (a JS Map keeps it, as a listpack does), and
// which encoding Redis would report. It only stores; size limits, logging and notifications are the keyspace's.
import { FieldIndex } from './field-index.js';

export class HashObject {
  /** Fields are latin1 strings (one char per byte); values are owned copies. */
  readonly map = new Map<string, Buffer>();
  /** Redis's listpack encoding; once false (hashtable) it stays false, as Redis never converts back. */
  listpack = true;
  /** Built on the first HSCAN or HRANDFIELD that needs it, then kept in step with every add and remove. */
  private index: FieldIndex | null = null;

  get size(): number {
    return this.map.size;
  }

  get(field: string): Buffer | undefined {
    return this.map.get(field);
  }

  /** Sets a field (the value is kept as given: pass a copy); true when the field is new. */
  set(field: string, value: Buffer): boolean {
    const isNew = !this.map.has(field);
    this.map.set(field, value);
    if (isNew) this.index?.add(field);
    return isNew;
  }

  delete(field: string): boolean {
    if (!this.map.delete(field)) return false;
    this.index?.remove(field);
    return true;
  }

  toHashtable(): void {
    this.listpack = false;
  }

  fieldIndex(): FieldIndex {
    if (this.index === null) this.index = new FieldIndex(this.map.keys());
    return this.index;
  }

  /** A deep copy with the same encoding (COPY: Redis duplicates the hash in its current encoding). */
  clone(): HashObject {
    const copy = new HashObject();
    for (const [f, v] of this.map) copy.map.set(f, Buffer.from(v));
    copy.listpack = this.listpack;
    return copy;
  }
}
