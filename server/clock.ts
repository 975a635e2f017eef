// Time, injectable: tests of TTLs move this clock instead of sleeping. Everything that reads "now" for expiry
// or idle times comes through here. Within one command the time is read once and reused (like Redis's cached
// mstime), which keeps Date.now() off the hot path and gives a command one consistent "now".

let offsetMs = 0;
let inCommand = false;
let cachedMs = -1;

/** Milliseconds since the epoch (plus a test offset). */
export function now(): number {
  if (!inCommand) return Date.now() + offsetMs;
  if (cachedMs < 0) cachedMs = Date.now() + offsetMs;
  return cachedMs;
}

/** The dispatcher brackets each command with these. */
export function beginCommand(): void {
  inCommand = true;
  cachedMs = -1;
}

export function endCommand(): void {
  inCommand = false;
}

/**
 * Seconds clock for access times (OBJECT IDLETIME). Like Redis's LRU clock it is refreshed by a timer (every
 * 100 ms, Redis's default hz) rather than read per access: every lookup touches it, and Date.now() on each was
 * ~4% of SET -P 16 (scripts/bench.ts).
 */
let lruMs = Date.now();
setInterval(() => {
  lruMs = Date.now();
}, 100).unref();

export function lruSeconds(): number {
  return Math.floor((lruMs + offsetMs) / 1000);
}

/**
 * Milliseconds, refreshed every 100 ms: for bookkeeping that counts whole seconds (client idle time, reply peaks),
 * where reading the clock on every read and write of every connection was measurable (scripts/bench.ts, P1).
 */
export function coarseNow(): number {
  return lruMs + offsetMs;
}

/** Tests only: shift the clock forward (or back) by `ms`. */
export function shiftClock(ms: number): void {
  offsetMs += ms;
}

export function resetClock(): void {
  offsetMs = 0;
}
