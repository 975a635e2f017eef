// Redis's LFU access counter (evict.c): an 8-bit logarithmic counter with a minutes timestamp, decayed on read.
// Kept in the entry (and, while the key is cold, in its index slot), counted only while an *-lfu maxmemory-policy
// is active. Does not decide policies or evict anything.
import { now } from '../clock.js';
import type { Entry } from '../engine/entry.js';

/** Counter a new value starts with (LFU_INIT_VAL), so fresh keys are not evicted first. */
export const LFU_INIT_VAL = 5;
/** Redis's defaults for lfu-log-factor and lfu-decay-time (minutes), which faha does not make configurable. */
const LOG_FACTOR = 10;
const DECAY_MINUTES = 1;

function minutesNow(): number {
  return Math.floor(now() / 60000) & 0xffff;
}

function elapsed(since: number): number {
  const t = minutesNow();
  return t >= since ? t - since : 0xffff - since + t;
}

/** An entry never counted is treated as created at its last access time with the initial counter. */
function start(e: Entry): void {
  if (e.lfu >= 0) return;
  e.lfu = LFU_INIT_VAL;
  e.lfuMinutes = Math.floor(e.atime / 60) & 0xffff;
}

/** The decayed counter, as OBJECT FREQ reports it (LFUDecrAndReturn). */
export function lfuFrequency(e: Entry): number {
  start(e);
  const periods = Math.floor(elapsed(e.lfuMinutes) / DECAY_MINUTES);
  return periods > e.lfu ? 0 : e.lfu - periods;
}

/** One access: decay, then a probabilistic logarithmic increment (updateLFU / LFULogIncr). */
export function lfuAccess(e: Entry, random: () => number = Math.random): void {
  let value = lfuFrequency(e);
  if (value < 255) {
    const base = Math.max(0, value - LFU_INIT_VAL);
    if (random() < 1 / (base * LOG_FACTOR + 1)) value++;
  }
  e.lfu = value;
  e.lfuMinutes = minutesNow();
}

/** A value handed to a new entry (RENAME, MOVE) keeps its counter, as the same object would in Redis. */
export function lfuCarry(from: Entry, to: Entry): void {
  to.lfu = from.lfu;
  to.lfuMinutes = from.lfuMinutes;
}

/** The decayed counter of a value kept apart from an entry (a cold key's slot: last changed at its `atime`). */
export function lfuFrequencyOf(value: number, atime: number): number {
  const v = value < 0 ? LFU_INIT_VAL : value;
  const periods = Math.floor(elapsed(Math.floor(atime / 60) & 0xffff) / DECAY_MINUTES);
  return periods > v ? 0 : v - periods;
}
