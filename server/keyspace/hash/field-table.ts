// A hash's fields and values in insertion order (the order a listpack keeps and HGETALL replies): an index from
// field bytes to position (keyspace/byte-key-index.ts, which holds the fields) whose slots also say where each value
// lies in one value buffer. It only stores: encodings, limits and logging are the caller's. A Buffer it returns is a
// view, valid until the table's next write.
import { copyBytes } from '../../engine/bytes.js';
import { ByteKeyIndex, hashBytes, hashString } from '../byte-key-index.js';

/** The index's words of ours in each slot: where the field's value is in `bytes`, and its length. */
const VALUE_AT = 0;
const VALUE_LEN = 1;
/**
 * The table is rebuilt (positions renumbered, dead value bytes dropped) once holes outnumber live fields or dead
 * bytes outweigh live ones, and there are at least this many of either.
 */
const MIN_REBUILD = 32;
const MIN_VALUES = 64;

export class FieldTable {
  /** Field bytes → position, each slot also holding its value's place in `bytes`. */
  private index = new ByteKeyIndex(2);
  /** Positions handed out, holes included (a deleted field's position holds nothing until a rebuild). */
  private positions = 0;
  /** The values' bytes, back to back; overwritten in place when the length stays. */
  private bytes = Buffer.allocUnsafeSlow(0);
  private valuesTop = 0;
  private valuesDead = 0;

  get size(): number {
    return this.index.size;
  }

  /** A view of the field's value, valid until this table's next write. */
  get(field: string): Buffer | undefined {
    const j = this.index.findString(field, hashString(field));
    return j < 0 ? undefined : this.valueIn(j);
  }

  /** Sets a field to a copy of `value`; true when the field is new. */
  set(field: string, value: Uint8Array): boolean {
    const h = hashString(field);
    const j = this.index.findString(field, h);
    if (j >= 0) {
      this.overwrite(j, value, 0, value.length);
      return false;
    }
    this.store(this.index.addString(field, h, this.positions++), value, 0, value.length);
    return true;
  }

  /**
   * Sets a field, given as its bytes, to a copy of `value` (both views the caller may reuse); true when the field
   * is new. Why bytes, and values in one buffer: HSET over 100k existing fields (redis-benchmark -r 100000) spent
   * ~450 ns a field in an in-process loop, most of it cache misses on the way to the old value (the value array,
   * the Buffer, its bytes) after the field's own; now the slot names the value's bytes (figures in
   * docs/performance.md).
   */
  setCopy(field: Uint8Array, value: Uint8Array): boolean {
    return this.setFrom(field, 0, field.length, value, 0, value.length);
  }

  /** setCopy() for a field and value given by place (src[at, at + len)), as the hot path's HSET has them. */
  setFrom(fsrc: Uint8Array, fAt: number, fLen: number, vsrc: Uint8Array, vAt: number, vLen: number): boolean {
    const h = hashBytes(fsrc, fAt, fLen);
    const j = this.index.find(fsrc, fAt, fLen, h);
    if (j >= 0) {
      this.overwrite(j, vsrc, vAt, vLen);
      return false;
    }
    this.store(this.index.add(fsrc, fAt, fLen, h, this.positions++), vsrc, vAt, vLen);
    return true;
  }

  delete(field: string): boolean {
    const j = this.index.findString(field, hashString(field));
    if (j < 0) return false;
    this.valuesDead += this.index.extra(j, VALUE_LEN);
    this.index.removeAt(j);
    if (this.index.size === 0) {
      this.positions = 0;
      this.bytes = Buffer.allocUnsafeSlow(0);
      this.valuesTop = 0;
      this.valuesDead = 0;
      return true;
    }
    while (this.positions > 0 && !this.index.holds(this.positions - 1)) this.positions--;
    this.rebuildIfSparse();
    return true;
  }

  *keys(): IterableIterator<string> {
    for (let i = 0; i < this.positions; i++) if (this.index.holds(i)) yield this.index.keyAt(i)!;
  }

  /** Views of the values, valid until this table's next write. */
  *values(): IterableIterator<Buffer> {
    for (let i = 0; i < this.positions; i++) {
      const j = this.index.slotAt(i);
      if (j >= 0) yield this.valueIn(j);
    }
  }

  *entries(): IterableIterator<[string, Buffer]> {
    for (let i = 0; i < this.positions; i++) {
      const j = this.index.slotAt(i);
      if (j >= 0) yield [this.index.keyAt(i)!, this.valueIn(j)];
    }
  }

  private valueIn(j: number): Buffer {
    const at = this.index.extra(j, VALUE_AT);
    return this.bytes.subarray(at, at + this.index.extra(j, VALUE_LEN));
  }

  /** Gives the new field in slot `j` its value, src[at, at + len). */
  private store(j: number, src: Uint8Array, at: number, len: number): void {
    const to = this.allocValue(len);
    copyBytes(src, at, len, this.bytes, to);
    this.index.setExtra(j, VALUE_AT, to);
    this.index.setExtra(j, VALUE_LEN, len);
  }

  private overwrite(j: number, src: Uint8Array, at: number, len: number): void {
    const old = this.index.extra(j, VALUE_LEN);
    if (old === len) {
      copyBytes(src, at, len, this.bytes, this.index.extra(j, VALUE_AT));
      return;
    }
    this.valuesDead += old;
    this.store(j, src, at, len);
    this.rebuildIfSparse();
  }

  private allocValue(len: number): number {
    const at = this.valuesTop;
    if (at + len > this.bytes.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(MIN_VALUES, 2 * this.bytes.length, at + len));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
    }
    this.valuesTop = at + len;
    return at;
  }

  private rebuildIfSparse(): void {
    const holes = this.positions - this.index.size;
    const sparse = holes > MIN_REBUILD && holes > this.index.size;
    const dead = this.valuesDead > MIN_VALUES && 2 * this.valuesDead > this.valuesTop;
    if (sparse || dead) this.rebuild();
  }

  /** Copies the live fields, in order, into a fresh index and value buffer: no holes, no dead bytes. */
  private rebuild(): void {
    const old = this.index;
    const oldBytes = this.bytes;
    const oldPositions = this.positions;
    this.index = new ByteKeyIndex(2);
    this.positions = 0;
    this.bytes = Buffer.allocUnsafeSlow(0);
    this.valuesTop = 0;
    this.valuesDead = 0;
    for (let i = 0; i < oldPositions; i++) {
      const j = old.slotAt(i);
      if (j < 0) continue;
      const f = old.keyAt(i)!;
      const at = old.extra(j, VALUE_AT);
      const k = this.index.addString(f, hashString(f), this.positions++);
      this.store(k, oldBytes, at, old.extra(j, VALUE_LEN));
    }
  }
}
