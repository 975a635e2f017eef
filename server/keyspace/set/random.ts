// Random picks from a set for SRANDMEMBER and SPOP: with repeats, or distinct members. Pure over a SetValue;
// the caller logs what was actually chosen when the pick changes data.
import type { SetValue } from './value.js';

/** `count` members drawn independently (SRANDMEMBER with a negative count). */
export function randomWithRepeats(set: SetValue, count: number, rnd: () => number = Math.random): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(set.random(rnd));
  return out;
}

/** `count` distinct members (count < size), in no particular order. */
export function randomDistinct(set: SetValue, count: number, rnd: () => number = Math.random): string[] {
  // Near the set's size, drawing until distinct wastes draws: shuffle a prefix of all members instead.
  if (count * 3 > set.size) {
    const all = set.members().slice();
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(rnd() * (all.length - i));
      const t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return all.slice(0, count);
  }
  const picked = new Set<string>();
  while (picked.size < count) picked.add(set.random(rnd));
  return [...picked];
}
