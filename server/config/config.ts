// Configuration values: parsed from a redis.conf-style file and `--directive value` options, validated against
// the schema, changed at run time by CONFIG SET (all-or-nothing), with listeners that apply changes.
import { readFileSync } from 'node:fs';
import { splitInlineArgs } from '../resp/inline.js';
import { DIRECTIVES, DIRECTIVE_BY_NAME, type Directive } from './schema.js';

export type Value = string | number | boolean;

/** A bad directive or value at start-up; main prints it the way redis-server does and exits non-zero. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly text: string,
    readonly source: string,
  ) {
    super(message);
  }
}

const UNITS: Record<string, number> = { b: 1, k: 1000, kb: 1024, m: 1000 ** 2, mb: 1024 ** 2, g: 1000 ** 3, gb: 1024 ** 3 };

/** Redis's memtoull: digits with an optional unit (k=1000, kb=1024, …), case-insensitive; NaN if malformed. */
export function parseMemory(s: string): number {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(s);
  if (m === null) return NaN;
  const unit = m[2].toLowerCase();
  const mul = unit === '' ? 1 : UNITS[unit];
  if (mul === undefined) return NaN;
  return Number(m[1]) * mul;
}

/** Redis's string2ll for config integers. */
function parseInteger(s: string): number {
  return /^-?(0|[1-9]\d{0,18})$/.test(s) && s !== '-0' ? Number(s) : NaN;
}

/** Parses `raw` for directive `d`; returns the value or an error text in Redis's words. */
export function parseValue(d: Directive, raw: string): Value | { error: string } {
  const t = d.type;
  switch (t.kind) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v === 'yes') return true;
      if (v === 'no') return false;
      return { error: "argument must be 'yes' or 'no'" };
    }
    case 'int': {
      const n = parseInteger(raw);
      if (Number.isNaN(n)) return { error: "argument couldn't be parsed into an integer" };
      if (n < t.min || n > t.max) return { error: `argument must be between ${t.min} and ${t.max} inclusive` };
      return n;
    }
    case 'memory': {
      const n = parseMemory(raw);
      if (Number.isNaN(n)) return { error: 'argument must be a memory value' };
      if (n < t.min || n > t.max) return { error: `argument must be between ${t.min} and ${t.max} inclusive` };
      return n;
    }
    case 'enum': {
      const v = raw.toLowerCase();
      if (!t.values.includes(v)) return { error: `argument(s) must be one of the following: ${t.values.join(', ')}` };
      return v;
    }
    case 'string':
    case 'list':
      return raw;
  }
}

/** The value as CONFIG GET prints it (memory as a plain byte count, booleans as yes/no). */
export function formatValue(v: Value): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return String(v);
}

export class Config {
  private readonly values = new Map<string, Value>();
  private readonly listeners = new Map<string, ((v: Value) => void)[]>();
  /** Absolute path of the config file the server started with, if any (CONFIG REWRITE writes it). */
  file: string | null = null;

  constructor() {
    for (const d of DIRECTIVES) {
      const v = parseValue(d, d.default);
      if (typeof v === 'object') throw new Error(`schema default of ${d.name} is invalid: ${v.error}`);
      this.values.set(d.name, v);
    }
  }

  get(name: string): Value {
    const v = this.values.get(name);
    if (v === undefined) throw new Error(`unknown directive ${name}`);
    return v;
  }

  num(name: string): number {
    return this.get(name) as number;
  }

  bool(name: string): boolean {
    return this.get(name) as boolean;
  }

  str(name: string): string {
    return this.get(name) as string;
  }

  /** Every directive as [name, CONFIG GET text], in schema order. */
  entries(): [string, string][] {
    return DIRECTIVES.map((d) => [d.name, formatValue(this.values.get(d.name)!)]);
  }

  onChange(name: string, fn: (v: Value) => void): void {
    const list = this.listeners.get(name) ?? [];
    list.push(fn);
    this.listeners.set(name, list);
  }

  /** Sets a value without the mutability check (start-up, tests). */
  setInitial(name: string, raw: string): string | null {
    const d = DIRECTIVE_BY_NAME.get(name);
    if (d === undefined) return 'Bad directive or wrong number of arguments';
    const v = parseValue(d, raw);
    if (typeof v === 'object') return v.error;
    this.values.set(d.name, v);
    return null;
  }

  /** Applies a run-time change and notifies listeners. The caller validated it (CONFIG SET). */
  apply(name: string, v: Value): void {
    const d = DIRECTIVE_BY_NAME.get(name)!;
    this.values.set(d.name, v);
    for (const fn of this.listeners.get(d.name) ?? []) fn(v);
  }

  /**
   * Reads redis.conf-style text: one directive per line, arguments split like Redis (quotes allowed), '#'
   * comments. List directives take all their arguments; others exactly one.
   */
  loadText(text: string, source: string): void {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim();
      if (line === '' || line.startsWith('#')) continue;
      const args = splitInlineArgs(Buffer.from(line, 'utf8'));
      const fail = (msg: string) => new ConfigError(msg, i + 1, line, source);
      if (args === null) throw fail('Unbalanced quotes in configuration line');
      if (args.length === 0) continue;
      const name = args[0].toString('utf8').toLowerCase();
      const d = DIRECTIVE_BY_NAME.get(name);
      if (d === undefined) throw fail('Bad directive or wrong number of arguments');
      const rest = args.slice(1).map((a) => a.toString('utf8'));
      if (d.type.kind === 'list') {
        this.values.set(d.name, rest.join(' '));
        continue;
      }
      if (rest.length !== 1) throw fail('wrong number of arguments');
      const v = parseValue(d, rest[0]);
      if (typeof v === 'object') throw fail(v.error);
      this.values.set(d.name, v);
    }
  }

  loadFile(path: string): void {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new ConfigError(`Fatal error, can't open config file '${path}': ${(err as Error).message}`, 0, '', path);
    }
    this.loadText(text, path);
  }
}

/**
 * Turns redis-server style options (`--port 7000 --save "" --bind 127.0.0.1 ::1`) into config text: each
 * `--name` starts a line, the words up to the next `--name` are its arguments.
 */
export function optionsToConfigText(args: string[]): string {
  const lines: string[] = [];
  let cur: string[] | null = null;
  for (const a of args) {
    if (a.startsWith('--') && a.length > 2) {
      if (cur) lines.push(cur.join(' '));
      cur = [a.slice(2)];
    } else if (cur) {
      cur.push(quoteArg(a));
    } else {
      cur = [quoteArg(a)];
    }
  }
  if (cur) lines.push(cur.join(' '));
  return lines.join('\n');
}

function quoteArg(a: string): string {
  if (a !== '' && !/[\s"'\\]/.test(a)) return a;
  return '"' + a.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}
