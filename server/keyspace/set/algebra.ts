// Intersection, union and difference of sets with Redis 7.0's algorithms, which decide the result's encoding
// and so its reply order (an intset result replies in ascending order). Pure over SetValues; no keyspace.
import { SetValue } from './value.js';

/**
 * The members of the intersection in reply order: Redis walks the smallest set (the first of the smallest, as
 * its stable sort leaves them) and keeps what every other set holds. `limit` > 0 stops early (SINTERCARD).
 */
export function intersect(sets: readonly SetValue[], limit = 0): string[] {
  const bySize = sets.slice().sort((a, b) => a.size - b.size);
  const first = bySize[0];
  const out: string[] = [];
  for (const m of first.members()) {
    let everywhere = true;
    for (let j = 1; j < bySize.length; j++) {
      if (bySize[j] !== first && !bySize[j].has(m)) {
        everywhere = false;
        break;
      }
    }
    if (!everywhere) continue;
    out.push(m);
    if (limit > 0 && out.length >= limit) break;
  }
  return out;
}

/** The union, built as Redis builds it: an empty intset receiving every member of every set in argument order. */
export function union(sets: readonly (SetValue | undefined)[]): SetValue {
  const out = new SetValue();
  for (const s of sets) if (s !== undefined) for (const m of s.members()) out.add(m);
  return out;
}

/**
 * The difference of the first set and the others. Redis picks one of two algorithms by estimated work, and the
 * choice shows: the second adds the whole first set before removing, so its result is a hashtable whenever the
 * first set is one, while the first algorithm adds only the survivors.
 */
export function difference(sets: readonly (SetValue | undefined)[]): SetValue {
  const out = new SetValue();
  const first = sets[0];
  if (first === undefined) return out;
  const others = sets.slice(1).filter((s): s is SetValue => s !== undefined);
  // The first key named again: nothing can survive.
  if (others.includes(first)) return out;
  let oneWork = 0;
  let twoWork = 0;
  for (const s of [first, ...others]) {
    oneWork += first.size;
    twoWork += s.size;
  }
  if (Math.floor(oneWork / 2) <= twoWork) {
    for (const m of first.members()) if (!others.some((o) => o.has(m))) out.add(m);
    return out;
  }
  for (const m of first.members()) out.add(m);
  for (const o of others) {
    for (const m of o.members()) out.remove(m);
    if (out.size === 0) break;
  }
  return out;
}
