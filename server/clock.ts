// Time, injectable: tests of TTLs move this clock instead of sleeping. Everything that reads "now" for expiry
// or idle times comes through here.

let offsetMs = 0;

/** Milliseconds since the epoch (plus a test offset). */
export function now(): number {
  return Date.now() + offsetMs;
}

/** Seconds clock for access times (OBJECT IDLETIME), like Redis's LRU clock. */
export function lruSeconds(): number {
  return Math.floor(now() / 1000);
}

/** Tests only: shift the clock forward (or back) by `ms`. */
export function shiftClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
