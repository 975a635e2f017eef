// Parsing and printing of directive values exactly as Redis 7.0's config.c does: string2ll and memtoull for
// numbers, yes/no, enums, the save/bind/percentile lists, and the error texts each failure gives.
// Pure functions over strings; the Config class (config.ts) decides when they run.
import { resolve } from 'node:path';
import type { Directive, SpecialKind } from './schema.js';

/** Ints and memory sizes are bigints (Redis's ranges reach 2^64-1); the rest are strings or booleans. */
export type Value = string | bigint | boolean;

export interface ValueError {
  error: string;
}

export function isValueError(v: Value | ValueError): v is ValueError {
  return typeof v === 'object' && v !== null;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/** Redis's string2ll: optional '-', no '+', no leading zeros, no spaces, within a signed 64-bit integer. */
export function string2ll(s: string): bigint | null {
  if (!/^(0|-?[1-9]\d*)$/.test(s) || s.length > 20) return null;
  const v = BigInt(s);
  return v < I64_MIN || v > I64_MAX ? null : v;
}

const MEMORY_UNITS: Record<string, bigint> = {
  '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n,
};

/**
 * Redis's memtoull: digits then an optional unit (k=1000, kb=1024, … case-insensitive). No digits reads as 0
 * ("" and "kb" are 0, as strtoull makes them) and digits beyond 2^64-1 saturate, as strtoull does.
 */
export function memtoull(s: string): bigint | null {
  const m = /^(\d*)(.*)$/s.exec(s)!;
  const mul = MEMORY_UNITS[m[2].toLowerCase()];
  if (mul === undefined || m[1].length >= 128) return null;
  let v = m[1] === '' ? 0n : BigInt(m[1]);
  if (v > U64_MAX) v = U64_MAX;
  if (v > U64_MAX / mul) return null;
  return v * mul;
}

/** How Redis's C strtoll/strtod see the start of a string: leading isspace() characters are skipped. */
const C_SPACE = /^[ \t\n\v\f\r]*/;

/** strtoll with the "whole string consumed" check Redis applies to save parameters; "" reads as 0. */
function strtollWhole(s: string): bigint | null {
  if (s === '') return 0n;
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s);
  if (m === null) return null;
  const v = BigInt(m[1]);
  return v > I64_MAX ? I64_MAX : v < I64_MIN ? I64_MIN : v;
}

/** Redis's string2d: a whole decimal float, no leading space, not NaN. */
function string2d(s: string): number | null {
  if (s === '' || C_SPACE.exec(s)![0] !== '') return null;
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** printf("%f") with trailing zeros (and a bare dot) removed, as Redis's trimDoubleString. */
export function trimmedFixed(x: number): string {
  const s = x.toFixed(6);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

function parseNumber(d: Directive, raw: string, memory: boolean): bigint | ValueError {
  const t = d.type as { min: bigint; max: bigint; unsigned?: boolean };
  const parsed = memory ? memtoull(raw) : string2ll(raw);
  if (parsed === null) return { error: memory ? 'argument must be a memory value' : "argument couldn't be parsed into an integer" };
  // Redis reads every number into a long long, then checks the range in the config's own signedness.
  const ll = BigInt.asIntN(64, parsed);
  const v = t.unsigned ? BigInt.asUintN(64, ll) : ll;
  if (v < t.min || v > t.max) return { error: `argument must be between ${t.min} and ${t.max} inclusive` };
  return v;
}

function parseSave(args: string[]): string | ValueError {
  const list = args.length === 1 && args[0] === '' ? [] : args;
  if (list.length % 2 === 1) return { error: 'Invalid save parameters' };
  const nums: bigint[] = [];
  for (let j = 0; j < list.length; j++) {
    const v = strtollWhole(list[j]);
    if (v === null || (j % 2 === 0 && v < 1n) || (j % 2 === 1 && v < 0n)) return { error: 'Invalid save parameters' };
    // Changes are kept in a C int.
    nums.push(j % 2 === 1 ? BigInt.asIntN(32, v) : v);
  }
  return nums.join(' ');
}

function parsePercentiles(args: string[]): string | ValueError {
  if (args.length === 1 && args[0] === '') return '';
  const out: string[] = [];
  for (const a of args) {
    const p = string2d(a);
    if (p === null) return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    if (p > 100 || p < 0) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    out.push(trimmedFixed(p));
  }
  return out.join(' ');
}

/** Most addresses `bind` takes (Redis's CONFIG_BINDADDR_MAX). */
const BIND_MAX = 16;

/** C's strtol(s, &end, 10) with Redis's `*end == '\\0'` check, saturated to a long then cast to an int; null if rejected. */
function strtolToInt(s: string): number | null {
  // No digits at all leaves `end` at the start: accepted only when the string is empty (strtol reads 0).
  if (s === '') return 0;
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)$/.exec(s);
  if (m === null) return null;
  let v = BigInt(m[1]);
  v = v > I64_MAX ? I64_MAX : v < I64_MIN ? I64_MIN : v;
  return Number(BigInt.asIntN(32, v));
}

/** Redis's replicaof line: "no one" (any case) makes a primary, stored as ""; else "host port" with a valid port. */
function parseReplicaOf(args: string[]): string | ValueError {
  if (args.length !== 2) return { error: 'wrong number of arguments' };
  if (args[0].toLowerCase() === 'no' && args[1].toLowerCase() === 'one') return '';
  const port = strtolToInt(args[1]);
  if (port === null || port < 0 || port > 65535) return { error: 'Invalid master port' };
  return `${args[0]} ${port}`;
}

function parseSpecial(kind: SpecialKind, args: string[]): Value | ValueError {
  switch (kind) {
    case 'bind':
      if (args.length > BIND_MAX) return { error: 'Too many bind addresses specified.' };
      return args.length === 1 && args[0] === '' ? '' : args.join(' ');
    case 'save':
      return parseSave(args);
    case 'percentiles':
      return parsePercentiles(args);
    case 'dir':
      if (args.length !== 1) return { error: 'wrong number of arguments' };
      return args[0];
    case 'replicaof':
      return parseReplicaOf(args);
  }
}

/**
 * Parses the arguments of directive `d` (one for ordinary directives, any number for multi-argument ones) into
 * its stored value, or the error text Redis gives.
 */
export function parseValue(d: Directive, args: string[]): Value | ValueError {
  const t = d.type;
  const raw = args[0] ?? '';
  switch (t.kind) {
    case 'bool': {
      const v = raw.toLowerCase();
      if (v === 'yes') return true;
      if (v === 'no') return false;
      return { error: "argument must be 'yes' or 'no'" };
    }
    case 'int': {
      const v = parseNumber(d, raw, false);
      if (isValueError(v) || t.clamp === undefined) return v;
      // Redis accepts any hz and keeps it within its limits (updateHZ).
      return v < t.clamp[0] ? t.clamp[0] : v > t.clamp[1] ? t.clamp[1] : v;
    }
    case 'memory':
      return parseNumber(d, raw, true);
    case 'enum': {
      const v = raw.toLowerCase();
      if (!t.values.includes(v)) return { error: `argument(s) must be one of the following: ${t.values.join(', ')}` };
      return v;
    }
    case 'string': {
      const problem = t.check?.(raw) ?? null;
      return problem === null ? raw : { error: problem };
    }
    case 'special':
      return parseSpecial(t.special, args);
  }
}

/** The value as CONFIG GET prints it: numbers in plain digits, booleans as yes/no, `dir` as an absolute path. */
export function formatValue(d: Directive, v: Value): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (d.type.kind === 'special' && d.type.special === 'dir') return resolve(v as string);
  return String(v);
}
