// Configuration values: loaded from redis.conf-style text (file, stdin, command-line options) with Redis's line
// rules and error reports, read by every layer, and changed at run time through commit() with listeners that
// apply the change. Knows nothing of replies: CONFIG SET's reply wording lives in the command module.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { splitInlineArgs } from '../resp/inline.js';
import { DIRECTIVES, isMultiArg, lookupDirective, type Directive } from './schema.js';
import { formatValue, isValueError, parseValue, type Value } from './values.js';

export type { Value } from './values.js';

/** A bad directive or value at start-up; main prints it the way redis-server does and exits with 1. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** 1-based line in the text being read, 0 when the problem is not on a line. */
    readonly line: number,
    readonly text: string,
  ) {
    super(message);
  }
}

/** Directives Redis 7.0 still accepts and ignores (two words on the line). */
const DEPRECATED = new Set(['list-max-ziplist-entries', 'list-max-ziplist-value', 'lua-replicate-commands']);

/** The text of a C library error (strerror) from a Node error: "ENOENT: no such file…" → "No such file…". */
export function strerror(err: unknown): string {
  const msg = (err as Error).message ?? String(err);
  const m = /^[A-Z0-9]+: ([^,]+)/.exec(msg);
  const text = m ? m[1] : msg;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class Config {
  private readonly values = new Map<string, Value>();
  /**
   * The same values as a plain object (bigints as numbers), for the hot path: `config.live['proto-max-bulk-len']` is a monomorphic
   * property load where `num()` is a Map lookup and a conversion (scripts/bench.ts SET -P 16: ~3% of the time).
   */
  readonly live: Record<string, string | number | boolean> = Object.create(null) as Record<string, string | number | boolean>;
  private readonly listeners = new Map<string, ((v: Value) => void)[]>();
  /** Absolute path of the config file the server started with, if any (CONFIG REWRITE writes it). */
  file: string | null = null;
  /** The first `save` line of a file replaces the default save points; later ones add to them. */
  private saveLoaded = false;

  constructor() {
    for (const d of DIRECTIVES) {
      const v = parseValue(d, isMultiArg(d) ? d.default.split(' ') : [d.default]);
      if (isValueError(v)) throw new Error(`schema default of ${d.name} is invalid: ${v.error}`);
      this.store(d.name, v);
    }
  }

  private store(name: string, v: Value): void {
    this.values.set(name, v);
    // Sizes are bigints (64-bit directives); as numbers they compare cheaply and stay exact below 2^53.
    this.live[name] = typeof v === 'bigint' ? Number(v) : v;
  }

  get(name: string): Value {
    const v = this.values.get(name);
    if (v === undefined) throw new Error(`unknown directive ${name}`);
    return v;
  }

  num(name: string): number {
    return Number(this.get(name));
  }

  bool(name: string): boolean {
    return this.get(name) as boolean;
  }

  str(name: string): string {
    return this.get(name) as string;
  }

  /** The value as CONFIG GET prints it. */
  text(d: Directive): string {
    const v = this.values.get(d.name)!;
    // Redis shows some values in a normal form of its own (notify-keyspace-events "KEA" reads back as "AKE").
    if (d.type.kind === 'string' && d.type.display !== undefined) return d.type.display(v as string);
    return formatValue(d, v);
  }

  onChange(name: string, fn: (v: Value) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(fn);
    this.listeners.set(name, list);
  }

  /** Parses a CONFIG SET value: multi-argument directives split it on single spaces, as Redis does. */
  parseSetValue(d: Directive, raw: string): Value | { error: string } {
    return parseValue(d, isMultiArg(d) ? raw.split(' ') : [raw]);
  }

  /**
   * Stores already validated values, then runs each changed directive's listeners once, after all are stored
   * (Redis's set-then-apply order, so listeners see the whole new configuration).
   */
  commit(changes: [Directive, Value][]): void {
    const changed: Directive[] = [];
    for (const [d, v] of changes) {
      if (this.values.get(d.name) === v) continue;
      this.store(d.name, v);
      if (!changed.includes(d)) changed.push(d);
    }
    for (const d of changed) for (const fn of this.listeners.get(d.name) ?? []) fn(this.values.get(d.name)!);
  }

  /** Sets one value from config-file words, without listeners (start-up, tests). Returns the error or null. */
  setInitial(name: string, args: string[]): string | null {
    const d = lookupDirective(name);
    if (d === undefined) return 'Bad directive or wrong number of arguments';
    const v = parseValue(d, args);
    if (isValueError(v)) return v.error;
    this.store(d.name, v);
    return null;
  }

  /**
   * Reads redis.conf-style text as Redis's loadServerConfigFromString: one directive per line, arguments split
   * like sdssplitargs, '#' comments, `include <file>`. Throws ConfigError naming the offending line.
   */
  loadText(text: string): void {
    const lines = text.split('\n').map((l) => l.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ''));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (line === '' || line.startsWith('#')) continue;
      const problem = this.loadLine(line);
      if (problem !== null) throw new ConfigError(problem, i + 1, line);
    }
  }

  private loadLine(line: string): string | null {
    const split = splitInlineArgs(Buffer.from(line, 'utf8'));
    if (split === null) return 'Unbalanced quotes in configuration line';
    if (split.length === 0) return null;
    const args = split.map((a) => a.toString('utf8'));
    const name = args[0].toLowerCase();
    const d = lookupDirective(name);
    if (d !== undefined) return this.loadDirective(d, args.slice(1));
    if (DEPRECATED.has(name) && args.length === 2) return null;
    if (name === 'include' && args.length === 2) {
      this.loadFile(args[1]);
      return null;
    }
    return 'Bad directive or wrong number of arguments';
  }

  private loadDirective(d: Directive, args: string[]): string | null {
    if (!isMultiArg(d) && args.length !== 1) return 'wrong number of arguments';
    const v = parseValue(d, args);
    if (isValueError(v)) return v.error;
    if (d.name === 'save' && this.saveLoaded) {
      // Later lines only add save points; a later `save ""` adds none (Redis resets only on the first line).
      const before = this.values.get('save') as string;
      if (v !== '') this.store('save', before === '' ? v : `${before} ${v as string}`);
      return null;
    }
    if (d.name === 'save') this.saveLoaded = true;
    this.store(d.name, v);
    return null;
  }

  /** Loads a file (also used by `include`); a missing file is fatal, as in Redis. */
  loadFile(path: string): void {
    this.loadText(readConfigFile(path));
  }

  /** Checks made once everything is loaded: the log file must be writable. */
  checkLoaded(): void {
    const logfile = this.str('logfile');
    if (logfile === '') return;
    try {
      closeSync(openSync(logfile, 'a'));
    } catch (err) {
      throw new ConfigError(`Can't open the log file: ${strerror(err)}`, 0, '');
    }
  }
}

/** A config file that cannot be read: Redis logs this (not the FATAL CONFIG banner) and exits with 1. */
export class ConfigFileUnreadable extends Error {}

export function readConfigFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigFileUnreadable(`Fatal error, can't open config file '${path}': ${strerror(err)}`);
  }
}
