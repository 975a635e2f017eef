// Walks a database's slot table (engine/key-index.ts): SCAN's cursor steps and RANDOMKEY's sampling. A live key
// keeps its slot, so a cursor that is a slot position never skips a key present during a whole scan.
// Only picks slot positions and key names; expiry and filters are the caller's business.
import type { KeyIndex } from '../engine/key-index.js';

export interface ScanStep {
  /** The cursor to continue from; 0 when the walk is complete. */
  cursor: number;
  keys: string[];
}

/**
 * Visits slots from `cursor` like Redis's SCAN loop visits buckets: stops once `count` keys are collected, after
 * about ten times `count` slots (so a sparse table cannot make one call long), or at the end of the table.
 */
export function scanSlots(idx: KeyIndex, cursor: number, count: number): ScanStep {
  const keys: string[] = [];
  if (cursor >= idx.slotCount) return { cursor: 0, keys };
  let budget = count * 10;
  do {
    const key = idx.keyAtSlot(cursor);
    if (key !== undefined) keys.push(key);
    cursor++;
    if (cursor >= idx.slotCount) cursor = 0;
  } while (cursor !== 0 && budget-- > 0 && keys.length < count);
  return { cursor, keys };
}

/** Random probes before falling back to a walk; a table at least 1/4 full almost never needs the walk. */
const PROBES = 16;

/**
 * A key chosen at random, or undefined if the database is empty. Probes random slots; when the table is sparse
 * it walks on from a random slot to the next live one, so the call always ends.
 */
export function randomSlotKey(idx: KeyIndex, random: () => number = Math.random): string | undefined {
  const n = idx.slotCount;
  if (idx.size === 0 || n === 0) return undefined;
  for (let i = 0; i < PROBES; i++) {
    const key = idx.keyAtSlot(Math.floor(random() * n));
    if (key !== undefined) return key;
  }
  const start = Math.floor(random() * n);
  for (let i = 0; i < n; i++) {
    const key = idx.keyAtSlot((start + i) % n);
    if (key !== undefined) return key;
  }
  return undefined;
}
