// The grammar of notify-keyspace-events (Redis 7.0's keyspaceEventsStringToFlags / FlagsToString): class letters
// to notification bits and back. Pure functions over strings; who publishes what is the pub/sub layer's concern.
import { NotifyClass } from '../keyspace/notify.js';

/** Redis's NOTIFY_ALL: what 'A' stands for (neither keyspace/keyevent, nor 'm' or 'n'). */
export const NOTIFY_ALL =
  NotifyClass.Generic | NotifyClass.String | NotifyClass.List | NotifyClass.Set | NotifyClass.Hash | NotifyClass.ZSet |
  NotifyClass.Expired | NotifyClass.Evicted | NotifyClass.Stream | NotifyClass.Module;

const LETTERS: Record<string, number> = {
  A: NOTIFY_ALL,
  g: NotifyClass.Generic,
  $: NotifyClass.String,
  l: NotifyClass.List,
  s: NotifyClass.Set,
  h: NotifyClass.Hash,
  z: NotifyClass.ZSet,
  x: NotifyClass.Expired,
  e: NotifyClass.Evicted,
  K: NotifyClass.Keyspace,
  E: NotifyClass.Keyevent,
  t: NotifyClass.Stream,
  m: NotifyClass.KeyMiss,
  d: NotifyClass.Module,
  n: NotifyClass.New,
};

/** Letters CONFIG GET prints for the classes 'A' does not cover at once, in Redis's order. */
const CLASS_ORDER: [string, number][] = [
  ['g', NotifyClass.Generic], ['$', NotifyClass.String], ['l', NotifyClass.List], ['s', NotifyClass.Set],
  ['h', NotifyClass.Hash], ['z', NotifyClass.ZSet], ['x', NotifyClass.Expired], ['e', NotifyClass.Evicted],
  ['t', NotifyClass.Stream], ['d', NotifyClass.Module], ['n', NotifyClass.New],
];

export const NOTIFY_EVENTS_INVALID = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

/** The class bits the letters name, or null when a character is not a class letter. */
export function notifyFlagsOf(letters: string): number | null {
  let flags = 0;
  for (const c of letters) {
    const bits = LETTERS[c];
    if (bits === undefined) return null;
    flags |= bits;
  }
  return flags;
}

/** The value as CONFIG GET shows it: 'A' when every class of it is on (then 'n' is not shown), then K, E, m. */
export function notifyLettersOf(flags: number): string {
  let out = '';
  if ((flags & NOTIFY_ALL) === NOTIFY_ALL) out = 'A';
  else for (const [letter, bit] of CLASS_ORDER) if (flags & bit) out += letter;
  if (flags & NotifyClass.Keyspace) out += 'K';
  if (flags & NotifyClass.Keyevent) out += 'E';
  if (flags & NotifyClass.KeyMiss) out += 'm';
  return out;
}

/** The schema's check: null when valid, else Redis's error text. */
export function checkNotifyEvents(v: string): string | null {
  return notifyFlagsOf(v) === null ? NOTIFY_EVENTS_INVALID : null;
}

/** CONFIG GET's form of a stored (already checked) value. */
export function displayNotifyEvents(v: string): string {
  return notifyLettersOf(notifyFlagsOf(v) ?? 0);
}
