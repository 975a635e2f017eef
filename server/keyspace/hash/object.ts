// The DRAM object of a Redis hash: field → value in insertion order (as a listpack keeps it), and which encoding
// Redis would report. It only stores; size limits, logging and notifications are the keyspace's.
import { FieldIndex } from './field-index.js';
import { FieldTable } from './field-table.js';

export class HashObject {
  /** Fields are handed out as latin1 strings (one char per byte); values are copies in the table's own buffer. */
  private readonly fields = new FieldTable();
  /** Redis's listpack encoding; once false (hashtable) it stays false, as Redis never converts back. */
  listpack = true;
  /** Built on the first HSCAN or HRANDFIELD that needs it, then kept in step with every add and remove. */
  private index: FieldIndex | null = null;

  get size(): number {
    return this.fields.size;
  }

  /** A view of a field's value, valid until the hash's next write (which may overwrite or move it). */
  get(field: string): Buffer | undefined {
    return this.fields.get(field);
  }

  /** Sets a field to a copy of `value`; true when the field is new. */
  set(field: string, value: Buffer): boolean {
    if (!this.fields.set(field, value)) return false;
    this.index?.add(field);
    return true;
  }

  /** Sets a field, given as its bytes, to a copy of `value` (both views the caller may reuse); true when new. */
  setCopy(field: Buffer, value: Buffer): boolean {
    return this.setFrom(field, 0, field.length, value, 0, value.length);
  }

  /** setCopy() for a field and value given by place (src[at, at + len)), as the hot path's HSET has them. */
  setFrom(fsrc: Buffer, fAt: number, fLen: number, vsrc: Buffer, vAt: number, vLen: number): boolean {
    if (!this.fields.setFrom(fsrc, fAt, fLen, vsrc, vAt, vLen)) return false;
    this.index?.add(fsrc.toString('latin1', fAt, fAt + fLen));
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
    for (const [f, v] of this.fields.entries()) copy.fields.set(f, v);
    copy.listpack = this.listpack;
    return copy;
  }
}
