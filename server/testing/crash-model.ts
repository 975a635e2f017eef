// Crash campaign: the model of what one client's keys must hold — Redis 7.0's semantics for the write commands
// the load issues, applied to plain values, with the reply each command must get. Knows no sockets or servers.

export type Value =
  | { t: 'string'; v: string }
  | { t: 'hash'; v: Map<string, string> }
  | { t: 'list'; v: string[] }
  | { t: 'set'; v: Set<string> }
  | { t: 'zset'; v: Map<string, number> };

export interface KeyState {
  val: Value;
  /** Every TTL the load sets is long (days), so "has a deadline" is all a check can and must compare. */
  ttl: boolean;
}

/** One client's keys; an absent key has no entry. */
export type Db = Map<string, KeyState>;

/**
 * The reply a command must get: plain values as resp-frame's decodeReply gives them, `ERROR` for any error
 * reply, or `IMPOSSIBLE` when the server's reply cannot be right (e.g. SPOP returned a member the set lacks).
 */
export type Expected = null | number | string | Expected[] | typeof ERROR | typeof IMPOSSIBLE;
export const ERROR = Object.freeze({ error: true as const });
export const IMPOSSIBLE = Object.freeze({ impossible: true as const });

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/** Redis's string2ll: no sign on zero, no leading zeros, no spaces, within int64. */
export function parseInteger(s: string): bigint | null {
  if (!/^(0|-?[1-9][0-9]*)$/.test(s)) return null;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? null : n;
}

/** Scores the load uses are multiples of 0.5 of modest size, so %.17g and JS agree on their text. */
export function formatScore(x: number): string {
  return String(x);
}

export function cloneState(s: KeyState | undefined): KeyState | undefined {
  if (s === undefined) return undefined;
  const v = s.val;
  switch (v.t) {
    case 'string':
      return { ttl: s.ttl, val: { t: 'string', v: v.v } };
    case 'hash':
      return { ttl: s.ttl, val: { t: 'hash', v: new Map(v.v) } };
    case 'list':
      return { ttl: s.ttl, val: { t: 'list', v: [...v.v] } };
    case 'set':
      return { ttl: s.ttl, val: { t: 'set', v: new Set(v.v) } };
    case 'zset':
      return { ttl: s.ttl, val: { t: 'zset', v: new Map(v.v) } };
  }
}

/** The keys' states copied into a fresh Db (absent keys stay absent). */
export function cloneKeys(db: Db, keys: readonly string[]): Db {
  const out: Db = new Map();
  for (const k of keys) {
    const s = cloneState(db.get(k));
    if (s !== undefined) out.set(k, s);
  }
  return out;
}

/** Zset members in Redis's order: score, then member bytes (the load's members are ASCII). */
export function zsetOrder(z: Map<string, number>): [string, number][] {
  return [...z].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** A canonical text for a key's state, equal exactly when the states are equal. */
export function canon(s: KeyState | undefined): string {
  if (s === undefined) return 'absent';
  const v = s.val;
  const ttl = s.ttl ? ' with TTL' : '';
  switch (v.t) {
    case 'string':
      return `string${ttl} ${JSON.stringify(v.v)}`;
    case 'list':
      return `list${ttl} ${JSON.stringify(v.v)}`;
    case 'set':
      return `set${ttl} ${JSON.stringify([...v.v].sort())}`;
    case 'hash':
      return `hash${ttl} ${JSON.stringify([...v.v].sort((a, b) => (a[0] < b[0] ? -1 : 1)))}`;
    case 'zset':
      return `zset${ttl} ${JSON.stringify(zsetOrder(v.v).map(([m, sc]) => [m, formatScore(sc)]))}`;
  }
}

type Typed<T extends Value['t']> = Extract<Value, { t: T }>;

/** The key's value if it has type `t`; null if absent; 'wrong' for another type. */
function lookup<T extends Value['t']>(db: Db, key: string, t: T): Typed<T> | null | 'wrong' {
  const s = db.get(key);
  if (s === undefined) return null;
  return s.val.t === t ? (s.val as Typed<T>) : 'wrong';
}

/** The key's value of type `t`, created empty (without TTL) if absent; 'wrong' for another type. */
function obtain<T extends Value['t']>(db: Db, key: string, t: T, empty: () => Typed<T>['v']): Typed<T> | 'wrong' {
  const found = lookup(db, key, t);
  if (found !== null) return found;
  const val = { t, v: empty() } as unknown as Typed<T>;
  db.set(key, { val, ttl: false });
  return val;
}

/** A collection that has become empty no longer exists (nor does its deadline). */
function dropIfEmpty(db: Db, key: string): void {
  const v = db.get(key)?.val;
  if (v === undefined || v.t === 'string') return;
  const size = v.t === 'list' ? v.v.length : v.v.size;
  if (size === 0) db.delete(key);
}

type Handler = (db: Db, a: string[], actual?: unknown) => Expected;

function incrString(db: Db, key: string, by: bigint): Expected {
  const s = lookup(db, key, 'string');
  if (s === 'wrong') return ERROR;
  const cur = s === null ? 0n : parseInteger(s.v);
  if (cur === null) return ERROR;
  const next = cur + by;
  if (next < INT64_MIN || next > INT64_MAX) return ERROR;
  if (s === null) db.set(key, { val: { t: 'string', v: String(next) }, ttl: false });
  else s.v = String(next);
  return Number(next);
}

function setRange(db: Db, key: string, offset: number, part: string): Expected {
  const s = lookup(db, key, 'string');
  if (s === 'wrong') return ERROR;
  if (s === null && part.length === 0) return 0;
  const cur = s === null ? '' : s.v;
  const padded = cur.length < offset ? cur + '\0'.repeat(offset - cur.length) : cur;
  const next = padded.slice(0, offset) + part + padded.slice(offset + part.length);
  if (s === null) db.set(key, { val: { t: 'string', v: next }, ttl: false });
  else s.v = next;
  return next.length;
}

const strings: Record<string, Handler> = {
  SET: (db, a) => {
    db.set(a[1], { val: { t: 'string', v: a[2] }, ttl: a[3]?.toUpperCase() === 'EX' });
    return 'OK';
  },
  INCR: (db, a) => incrString(db, a[1], 1n),
  APPEND: (db, a) => {
    const s = obtain(db, a[1], 'string', () => '');
    if (s === 'wrong') return ERROR;
    s.v += a[2];
    return s.v.length;
  },
  SETRANGE: (db, a) => setRange(db, a[1], Number(a[2]), a[3]),
  DEL: (db, a) => a.slice(1).filter((k) => db.delete(k)).length,
  EXPIRE: (db, a) => {
    const s = db.get(a[1]);
    if (s === undefined) return 0;
    s.ttl = true;
    return 1;
  },
  PERSIST: (db, a) => {
    const s = db.get(a[1]);
    if (s === undefined || !s.ttl) return 0;
    s.ttl = false;
    return 1;
  },
};

const hashes: Record<string, Handler> = {
  HSET: (db, a) => {
    const h = obtain(db, a[1], 'hash', () => new Map());
    if (h === 'wrong') return ERROR;
    let added = 0;
    for (let i = 2; i + 1 < a.length; i += 2) {
      if (!h.v.has(a[i])) added++;
      h.v.set(a[i], a[i + 1]);
    }
    return added;
  },
  HDEL: (db, a) => {
    const h = lookup(db, a[1], 'hash');
    if (h === 'wrong') return ERROR;
    if (h === null) return 0;
    const n = a.slice(2).filter((f) => h.v.delete(f)).length;
    dropIfEmpty(db, a[1]);
    return n;
  },
  HINCRBY: (db, a) => {
    const h = lookup(db, a[1], 'hash');
    if (h === 'wrong') return ERROR;
    const cur = h === null || !h.v.has(a[2]) ? 0n : parseInteger(h.v.get(a[2])!);
    if (cur === null) return ERROR;
    const next = cur + BigInt(a[3]);
    if (next < INT64_MIN || next > INT64_MAX) return ERROR;
    (obtain(db, a[1], 'hash', () => new Map()) as Typed<'hash'>).v.set(a[2], String(next));
    return Number(next);
  },
};

/** A list index as Redis normalises it (negative from the tail); null when out of range. */
function listIndex(len: number, i: number): number | null {
  const j = i < 0 ? len + i : i;
  return j >= 0 && j < len ? j : null;
}

function listPop(db: Db, a: string[], fromHead: boolean): Expected {
  const l = lookup(db, a[1], 'list');
  if (l === 'wrong') return ERROR;
  if (l === null) return null;
  const take = (): string => (fromHead ? l.v.shift()! : l.v.pop()!);
  const out = a.length > 2 ? Array.from({ length: Math.min(Number(a[2]), l.v.length) }, take) : take();
  dropIfEmpty(db, a[1]);
  return out;
}

function listPush(db: Db, a: string[], toHead: boolean): Expected {
  const l = obtain(db, a[1], 'list', () => []);
  if (l === 'wrong') return ERROR;
  for (const e of a.slice(2)) {
    if (toHead) l.v.unshift(e);
    else l.v.push(e);
  }
  return l.v.length;
}

const lists: Record<string, Handler> = {
  LPUSH: (db, a) => listPush(db, a, true),
  RPUSH: (db, a) => listPush(db, a, false),
  LPOP: (db, a) => listPop(db, a, true),
  RPOP: (db, a) => listPop(db, a, false),
  LSET: (db, a) => {
    const l = lookup(db, a[1], 'list');
    if (l === 'wrong' || l === null) return ERROR;
    const j = listIndex(l.v.length, Number(a[2]));
    if (j === null) return ERROR;
    l.v[j] = a[3];
    return 'OK';
  },
  LTRIM: (db, a) => {
    const l = lookup(db, a[1], 'list');
    if (l === 'wrong') return ERROR;
    if (l === null) return 'OK';
    const len = l.v.length;
    let start = Number(a[2]);
    let end = Number(a[3]);
    if (start < 0) start += len;
    if (end < 0) end += len;
    if (start < 0) start = 0;
    l.v = start > end || start >= len ? [] : l.v.slice(start, Math.min(end, len - 1) + 1);
    dropIfEmpty(db, a[1]);
    return 'OK';
  },
  LREM: (db, a) => {
    const l = lookup(db, a[1], 'list');
    if (l === 'wrong') return ERROR;
    if (l === null) return 0;
    const count = Number(a[2]);
    const limit = count === 0 ? Infinity : Math.abs(count);
    const order = count < 0 ? [...l.v.keys()].reverse() : [...l.v.keys()];
    const drop = new Set(order.filter((i) => l.v[i] === a[3]).slice(0, limit));
    l.v = l.v.filter((_, i) => !drop.has(i));
    dropIfEmpty(db, a[1]);
    return drop.size;
  },
};

/** SPOP's effect is the reply's: every member it names must have been in the set, as many as were asked. */
function spop(db: Db, a: string[], actual: unknown): Expected {
  if (actual === undefined) throw new Error('SPOP can only be applied with its reply');
  const s = lookup(db, a[1], 'set');
  if (s === 'wrong') return ERROR;
  const counted = a.length > 2;
  if (s === null) return counted ? [] : null;
  const want = counted ? Math.min(Number(a[2]), s.v.size) : 1;
  const got = counted ? actual : [actual];
  if (!Array.isArray(got) || got.length !== want || new Set(got).size !== want || !got.every((m) => s.v.has(m as string))) return IMPOSSIBLE;
  for (const m of got) s.v.delete(m as string);
  dropIfEmpty(db, a[1]);
  return actual as Expected;
}

const sets: Record<string, Handler> = {
  SADD: (db, a) => {
    const s = obtain(db, a[1], 'set', () => new Set());
    if (s === 'wrong') return ERROR;
    const before = s.v.size;
    for (const m of a.slice(2)) s.v.add(m);
    return s.v.size - before;
  },
  SREM: (db, a) => {
    const s = lookup(db, a[1], 'set');
    if (s === 'wrong') return ERROR;
    if (s === null) return 0;
    const n = a.slice(2).filter((m) => s.v.delete(m)).length;
    dropIfEmpty(db, a[1]);
    return n;
  },
  SPOP: spop,
};

const zsets: Record<string, Handler> = {
  ZADD: (db, a) => {
    const z = obtain(db, a[1], 'zset', () => new Map());
    if (z === 'wrong') return ERROR;
    let added = 0;
    for (let i = 2; i + 1 < a.length; i += 2) {
      if (!z.v.has(a[i + 1])) added++;
      z.v.set(a[i + 1], Number(a[i]));
    }
    return added;
  },
  ZINCRBY: (db, a) => {
    const z = obtain(db, a[1], 'zset', () => new Map());
    if (z === 'wrong') return ERROR;
    const next = (z.v.get(a[3]) ?? 0) + Number(a[2]);
    z.v.set(a[3], next);
    return formatScore(next);
  },
  ZREM: (db, a) => {
    const z = lookup(db, a[1], 'zset');
    if (z === 'wrong') return ERROR;
    if (z === null) return 0;
    const n = a.slice(2).filter((m) => z.v.delete(m)).length;
    dropIfEmpty(db, a[1]);
    return n;
  },
  ZPOPMIN: (db, a) => {
    const z = lookup(db, a[1], 'zset');
    if (z === 'wrong') return ERROR;
    if (z === null) return [];
    const popped = zsetOrder(z.v).slice(0, a.length > 2 ? Number(a[2]) : 1);
    for (const [m] of popped) z.v.delete(m);
    dropIfEmpty(db, a[1]);
    return popped.flatMap(([m, sc]) => [m, formatScore(sc)]);
  },
};

const HANDLERS: Record<string, Handler> = { ...strings, ...hashes, ...lists, ...sets, ...zsets };

/** Commands whose effect cannot be predicted without their reply (never inside a transaction of the load). */
export const NEEDS_REPLY = new Set(['SPOP']);

/**
 * Applies one command to `db` and returns the reply it must get. `actual` (the server's decoded reply) is used
 * only by commands in NEEDS_REPLY.
 */
export function execute(db: Db, args: readonly string[], actual?: unknown): Expected {
  const h = HANDLERS[args[0].toUpperCase()];
  if (h === undefined) throw new Error(`the crash model does not know ${args[0]}`);
  return h(db, [...args], actual);
}

/** True when a decoded reply is what the model expected (any error reply matches ERROR). */
export function replyMatches(expected: Expected, actual: unknown): boolean {
  if (expected === ERROR) return actual instanceof Error;
  if (expected === IMPOSSIBLE) return false;
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => replyMatches(e, actual[i]));
  }
  return expected === actual;
}
