// The option grammar SET and GETEX share (Redis's parseExtendedStringArgumentsOrReply) and the turn of an
// EX/PX/EXAT/PXAT argument into an absolute deadline (getExpireMillisecondsOrReply). Parsing is pure; only
// resolveDeadline reads the clock, so a relative TTL is anchored when the command runs.
import { now } from '../../clock.js';
import { LLONG_MAX, parseLongLong } from '../../keyspace/number-parse.js';
import { ERR_NOT_INTEGER, ERR_SYNTAX, invalidExpireTime } from '../../resp/errors.js';
import { ErrorReply } from '../types.js';
import { optionWord } from './token.js';

export const enum Opt {
  NX = 1 << 0,
  XX = 1 << 1,
  EX = 1 << 2,
  PX = 1 << 3,
  KeepTtl = 1 << 4,
  Get = 1 << 5,
  EXAT = 1 << 6,
  PXAT = 1 << 7,
  Persist = 1 << 8,
}

const ANY_EXPIRE = Opt.EX | Opt.PX | Opt.EXAT | Opt.PXAT;

/** An expiry argument that passed the checks that need no clock: milliseconds, relative or absolute. */
export interface ExpireSpec {
  ms: bigint;
  relative: boolean;
}

export interface ExtendedOptions {
  flags: number;
  /** The EX/PX/EXAT/PXAT argument as given (the last one wins, as in Redis). */
  expireArg: Buffer | null;
}

interface Token {
  name: string;
  flag: Opt;
  /** Options this one cannot be combined with. */
  excludes: number;
  /** Takes the next argument as its value. */
  takesValue: boolean;
  forSet: boolean;
  forGet: boolean;
}

const TOKENS: Token[] = [
  { name: 'nx', flag: Opt.NX, excludes: Opt.XX, takesValue: false, forSet: true, forGet: false },
  { name: 'xx', flag: Opt.XX, excludes: Opt.NX, takesValue: false, forSet: true, forGet: false },
  { name: 'get', flag: Opt.Get, excludes: 0, takesValue: false, forSet: true, forGet: false },
  { name: 'keepttl', flag: Opt.KeepTtl, excludes: Opt.Persist | ANY_EXPIRE, takesValue: false, forSet: true, forGet: false },
  { name: 'persist', flag: Opt.Persist, excludes: Opt.KeepTtl | ANY_EXPIRE, takesValue: false, forSet: false, forGet: true },
  { name: 'ex', flag: Opt.EX, excludes: Opt.KeepTtl | Opt.Persist | (ANY_EXPIRE & ~Opt.EX), takesValue: true, forSet: true, forGet: true },
  { name: 'px', flag: Opt.PX, excludes: Opt.KeepTtl | Opt.Persist | (ANY_EXPIRE & ~Opt.PX), takesValue: true, forSet: true, forGet: true },
  { name: 'exat', flag: Opt.EXAT, excludes: Opt.KeepTtl | Opt.Persist | (ANY_EXPIRE & ~Opt.EXAT), takesValue: true, forSet: true, forGet: true },
  { name: 'pxat', flag: Opt.PXAT, excludes: Opt.KeepTtl | Opt.Persist | (ANY_EXPIRE & ~Opt.PXAT), takesValue: true, forSet: true, forGet: true },
];
const BY_NAME = new Map(TOKENS.map((t) => [t.name, t]));

/**
 * Parses options from argv[start] on, for SET (`forSet`) or GETEX. Any unknown token, a conflict with an
 * option seen before, or a value-taking option at the end is Redis's plain syntax error.
 */
export function parseExtendedOptions(argv: Buffer[], start: number, forSet: boolean): ExtendedOptions | ErrorReply {
  let flags = 0;
  let expireArg: Buffer | null = null;
  for (let j = start; j < argv.length; j++) {
    const arg = argv[j];
    const word = optionWord(arg, 7);
    const t = word === null ? undefined : BY_NAME.get(word);
    const hasNext = j < argv.length - 1;
    if (t === undefined || (flags & t.excludes) !== 0 || !(forSet ? t.forSet : t.forGet) || (t.takesValue && !hasNext)) {
      return new ErrorReply(ERR_SYNTAX);
    }
    flags |= t.flag;
    if (t.takesValue) expireArg = argv[++j];
  }
  return { flags, expireArg };
}

/**
 * The clock-free checks of an expiry argument: an integer, positive, and (in seconds) small enough to turn into
 * milliseconds. `flags` tells the unit (EX/EXAT seconds) and whether it is relative (EX/PX).
 */
export function parseExpire(arg: Buffer, flags: number, fullname: string): ExpireSpec | ErrorReply {
  const v = parseLongLong(arg);
  if (v === null) return new ErrorReply(ERR_NOT_INTEGER);
  const seconds = (flags & (Opt.EX | Opt.EXAT)) !== 0;
  if (v <= 0n || (seconds && v > LLONG_MAX / 1000n)) return new ErrorReply(invalidExpireTime(fullname));
  return { ms: seconds ? v * 1000n : v, relative: (flags & (Opt.EX | Opt.PX)) !== 0 };
}

/** The absolute deadline in ms; a relative one that would overflow 64 bits is Redis's invalid expire time. */
export function resolveDeadline(spec: ExpireSpec, fullname: string): number | ErrorReply {
  if (!spec.relative) return Number(spec.ms);
  const at = spec.ms + BigInt(now());
  if (at > LLONG_MAX) return new ErrorReply(invalidExpireTime(fullname));
  return Number(at);
}
