// SORT's BY and GET patterns (Redis's lookupKeyByPattern): '#' is the element itself, the first '*' takes the
// element, and a "->field" after it reads a hash field instead of a string. Reads only; never writes or replies.
import type { Keyspace } from '../../keyspace/keyspace.js';
import type { HashObject } from '../../keyspace/hash.js';
import { ValueType } from '../../keyspace/types.js';

const STAR = 0x2a;

/** A parsed pattern: the key around the '*', and the hash field when the pattern dereferences one. */
export interface SortPattern {
  /** '#': the element itself. */
  self: boolean;
  /** No '*' (before any NUL byte): the pattern names nothing, every lookup is null. */
  constant: boolean;
  prefix: string;
  suffix: string;
  field: string | null;
}

/** The length of the pattern as C sees it through `char *` (up to the first NUL). */
function cLength(b: Buffer): number {
  const z = b.indexOf(0);
  return z < 0 ? b.length : z;
}

/** True when a BY pattern contains a '*' (otherwise SORT does not sort: "BY nosort"). */
export function hasStar(pattern: Buffer): boolean {
  const star = pattern.indexOf(STAR);
  return star >= 0 && star < cLength(pattern);
}

export function parsePattern(pattern: Buffer): SortPattern {
  const clen = cLength(pattern);
  const none: SortPattern = { self: false, constant: true, prefix: '', suffix: '', field: null };
  if (clen >= 1 && pattern[0] === 0x23 && clen === 1) return { ...none, self: true, constant: false };
  const star = pattern.indexOf(STAR);
  if (star < 0 || star >= clen) return none;
  // strstr on the C string; the arrow counts only with at least one byte after it (before the NUL).
  const arrow = pattern.subarray(0, clen).indexOf('->', star + 1, 'latin1');
  const hasField = arrow >= 0 && arrow + 2 < clen;
  // The field and the key's suffix are cut by the full length, bytes after a NUL included, as Redis cuts them.
  const field = hasField ? pattern.toString('latin1', arrow + 2) : null;
  const suffixEnd = hasField ? arrow : pattern.length;
  return {
    self: false,
    constant: false,
    prefix: pattern.toString('latin1', 0, star),
    suffix: pattern.toString('latin1', star + 1, suffixEnd),
    field,
  };
}

/**
 * The value a pattern names for `element`: a string key's value or a hash field's value; null when the key is
 * missing, holds another type, or lacks the field. Lookups count hits and misses as lookupKeyRead does.
 */
export function lookupByPattern(ks: Keyspace, db: number, p: SortPattern, element: Buffer): Buffer | null {
  if (p.self) return element;
  if (p.constant) return null;
  const key = p.prefix + element.toString('latin1') + p.suffix;
  const e = ks.lookupRead(db, key);
  if (e === undefined) return null;
  if (p.field !== null) return e.type === ValueType.Hash ? ((e.obj as HashObject).get(p.field) ?? null) : null;
  return e.type === ValueType.String ? ks.valueOf(e) : null;
}
