// Named fault points: places where a platform call can be made to fail with a chosen errno, for tests of disk
// faults where a real full or failing disk cannot be had. All off unless armed (DEBUG FAULT); never armed in use.
import { LibcError, errnoName } from './libc.js';

/** Where a fault can be injected: creating a segment file, rewriting the MANIFEST, persisting (msync / flush). */
export const FAULT_POINTS = ['segment-create', 'manifest-write', 'persist'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

interface Armed {
  errno: number;
  /** Calls left that fail; Infinity until cleared. */
  left: number;
}

const armed = new Map<FaultPoint, Armed>();

export function isFaultPoint(name: string): name is FaultPoint {
  return (FAULT_POINTS as readonly string[]).includes(name);
}

/** Makes the next `count` calls at `point` fail with `errno` (all of them until cleared when count is omitted). */
export function armFault(point: FaultPoint, errno: number, count = Infinity): void {
  armed.set(point, { errno, left: count });
}

/** Disarms one point, or every point. */
export function clearFaults(point?: FaultPoint): void {
  if (point === undefined) armed.clear();
  else armed.delete(point);
}

/** The armed points as "point=ERRNO(left)" words, for DEBUG FAULT LIST. */
export function describeFaults(): string[] {
  return [...armed].map(([p, a]) => `${p} ${errnoName(a.errno)} ${a.left === Infinity ? 'always' : String(a.left)}`);
}

/** The error `point` injects now, consuming one armed call, or null when it is not armed. */
export function injectedFault(point: FaultPoint, call: string): LibcError | null {
  if (armed.size === 0) return null;
  const a = armed.get(point);
  if (a === undefined) return null;
  if (--a.left <= 0) armed.delete(point);
  return new LibcError(`${call} (fault point ${point})`, a.errno);
}

/** Throws what `point` injects, if armed. */
export function checkFault(point: FaultPoint, call: string): void {
  const err = injectedFault(point, call);
  if (err !== null) throw err;
}
