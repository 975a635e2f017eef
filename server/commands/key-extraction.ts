// Which arguments of a request are keys, found from the command's key specs (begin_search index/keyword,
// find_keys range/keynum) the way Redis 7.0's getKeysUsingKeySpecs does. Pure: it reads specs and argv only, so
// COMMAND GETKEYS, WATCH and cluster routing share it. It never replies; callers turn null into their error.
import type { CommandSpec, KeySpec } from './types.js';

/** A key argument: its position in argv (argv[0] is the command name) and its key-spec flags (RW, access…). */
export interface KeyRef {
  pos: number;
  flags: readonly string[];
}

export interface KeySearchOptions {
  /** Also return arguments of specs flagged not_key (Redis's GET_KEYSPEC_INCLUDE_NOT_KEYS). */
  includeNotKeys?: boolean;
  /** Skip unusable or incomplete specs and keep what the others found (GET_KEYSPEC_RETURN_PARTIAL). */
  partial?: boolean;
}

const NO_SPECS: KeySpec[] = [];

function equalsIgnoreCase(arg: Buffer, word: string): boolean {
  return arg.length === word.length && arg.toString('latin1').toLowerCase() === word.toLowerCase();
}

/** Where the keys of one spec start, 0 when its keyword is absent, -1 when the spec cannot be used. */
function beginIndex(spec: KeySpec, argv: Buffer[]): number {
  const bs = spec.beginSearch;
  if (bs.type === 'index') return bs.index;
  if (bs.type !== 'keyword') return -1;
  const argc = argv.length;
  // A positive startfrom searches forwards from there; a negative one searches backwards from the end.
  const forward = bs.startFrom > 0;
  const start = forward ? bs.startFrom : argc + bs.startFrom;
  const end = forward ? argc - 1 : 1;
  const step = start <= end ? 1 : -1;
  for (let i = start; i !== end; i += step) {
    if (i >= argc || i < 1) break;
    if (equalsIgnoreCase(argv[i], bs.keyword)) return i + 1;
  }
  return 0;
}

/** The strict decimal integer Redis's string2ll accepts, or null. */
function parseCount(arg: Buffer): number | null {
  const s = arg.toString('latin1');
  if (!/^(0|-?[1-9][0-9]*)$/.test(s) || s.length > 20) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** The [first, last, step] argument range of one spec starting at `first`, or null when the spec cannot be used. */
function keyRange(spec: KeySpec, argv: Buffer[], first: number): [number, number, number] | null {
  const fk = spec.findKeys;
  const argc = argv.length;
  if (fk.type === 'range') {
    if (fk.lastKey >= 0) return [first, first + fk.lastKey, fk.keyStep];
    if (fk.limit === 0) return [first, argc + fk.lastKey, fk.keyStep];
    // With a limit only lastkey -1 is meaningful: the keys take 1/limit of the remaining arguments.
    return [first, first + (Math.trunc((argc - first) / fk.limit) + fk.lastKey), fk.keyStep];
  }
  if (fk.type !== 'keynum') return null;
  const at = first + fk.keyNumIdx;
  if (at >= argc) return null;
  const numKeys = parseCount(argv[at]);
  if (numKeys === null || numKeys < 0) return null;
  const start = first + fk.firstKey;
  return [start, start + numKeys - 1, fk.keyStep];
}

/**
 * The keys named by `specs` in `argv`, in spec order, or null when a spec cannot be applied (a keyword-less index
 * beyond the arguments, an unparsable key count, an incomplete spec) and `partial` is not set.
 */
export function keysFromSpecs(specs: readonly KeySpec[], argv: Buffer[], opts: KeySearchOptions = {}): KeyRef[] | null {
  const keys: KeyRef[] = [];
  const argc = argv.length;
  for (const spec of specs) {
    if (spec.flags.includes('not_key') && !opts.includeNotKeys) continue;
    const first = beginIndex(spec, argv);
    if (first === 0) continue;
    const range = first < 0 ? null : keyRange(spec, argv, first);
    // Out-of-bounds first or last means the request has a syntax error; the command itself will say which.
    const usable = range !== null && range[1] < argc && range[1] >= range[0] && range[0] < argc && range[2] > 0;
    if (usable) {
      const [from, to, step] = range;
      for (let i = from; i <= to; i += step) keys.push({ pos: i, flags: spec.flags });
    }
    if (usable && !spec.flags.includes('incomplete')) continue;
    if (!opts.partial) return null;
  }
  return keys;
}

/**
 * Commands whose key flags depend on the arguments (specs flagged variable_flags): Redis asks a per-command
 * function instead of the specs. Each entry gives the same positions as the specs with the flags that apply.
 */
const VARIABLE_FLAG_FINDERS = new Map<string, (argv: Buffer[]) => KeyRef[]>([
  // SET reads the old value only with GET; otherwise it overwrites blindly.
  [
    'set',
    (argv) => {
      for (let i = 3; i < argv.length; i++) {
        if (equalsIgnoreCase(argv[i], 'get')) return [{ pos: 1, flags: ['RW', 'access', 'update'] }];
      }
      return [{ pos: 1, flags: ['OW', 'update'] }];
    },
  ],
  // BITFIELD writes only with a SET or INCRBY operation.
  [
    'bitfield',
    (argv) => {
      for (let i = 2; i < argv.length; i++) {
        if (equalsIgnoreCase(argv[i], 'set') || equalsIgnoreCase(argv[i], 'incrby')) return [{ pos: 1, flags: ['RW', 'access', 'update'] }];
      }
      return [{ pos: 1, flags: ['RO', 'access'] }];
    },
  ],
]);

/**
 * Commands whose key specs cannot be applied (SORT's STORE may come anywhere): Redis falls back to the
 * command's own key finder (sortGetKeys), and so does faha.
 */
const FALLBACK_FINDERS = new Map<string, (argv: Buffer[]) => KeyRef[]>([
  ['sort_ro', () => [{ pos: 1, flags: ['RO', 'access'] }]],
  [
    'sort',
    (argv) => {
      const keys: KeyRef[] = [{ pos: 1, flags: ['RO', 'access'] }];
      let store = -1;
      // Skips LIMIT's two numbers and the pattern after GET or BY, as sortGetKeys does; the last STORE wins.
      for (let i = 2; i < argv.length; i++) {
        if (equalsIgnoreCase(argv[i], 'limit')) i += 2;
        else if (equalsIgnoreCase(argv[i], 'get') || equalsIgnoreCase(argv[i], 'by')) i += 1;
        else if (equalsIgnoreCase(argv[i], 'store') && i + 1 < argv.length) store = i + 1;
      }
      if (store >= 0) keys.push({ pos: store, flags: ['OW', 'update'] });
      return keys;
    },
  ],
]);

/** True when the command may have key arguments (at least one spec that is not not_key), as Redis tests it. */
export function commandHasKeys(spec: CommandSpec): boolean {
  return (spec.keySpecs ?? NO_SPECS).some((k) => !k.flags.includes('not_key')) || VARIABLE_FLAG_FINDERS.has(spec.name);
}

/**
 * The keys of a request for `spec` (argv[0] is the command name; for a subcommand argv[1] is its name), like
 * Redis's getKeysFromCommandWithSpecs: the key specs, or for variable-flag commands their finder. An empty list
 * means no keys (or specs that could not be applied): callers decide whether that is an error.
 */
export function commandKeys(spec: CommandSpec, argv: Buffer[]): KeyRef[] {
  const specs = spec.keySpecs ?? NO_SPECS;
  const finder = VARIABLE_FLAG_FINDERS.get(spec.name);
  const variable = specs.some((k) => k.flags.includes('variable_flags'));
  if (finder !== undefined && (variable || specs.length === 0)) return finder(argv);
  if (!commandHasKeys(spec)) return [];
  return keysFromSpecs(specs, argv) ?? FALLBACK_FINDERS.get(spec.name)?.(argv) ?? [];
}
