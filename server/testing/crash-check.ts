// Crash campaign: the check after a restart. Reads every key of every load client back (TYPE, PTTL and the whole
// value) and compares it with the client's model; what was in flight may be in its before- or its after-state,
// a transaction all in one or all in the other. Reports each difference precisely; changes nothing on the server.
import { canon, cloneKeys, type Db, type KeyState, type Value } from './crash-model.js';
import { LoadClient, show } from './crash-load.js';
import { RawClient } from './raw-client.js';
import { decodeReply } from './resp-frame.js';

export interface Mismatch {
  client: number;
  key: string;
  expected: string;
  got: string;
  /** What went wrong: a lost or unexpected write, a half-applied transaction, a server error while reading… */
  kind: string;
}

export interface CheckResult {
  keysChecked: number;
  mismatches: Mismatch[];
  /** In-flight ops found applied although their reply never arrived (allowed: it was not acknowledged). */
  inFlightApplied: number;
  /** What each client's keys hold now, for LoadClient.adopt. */
  observed: Map<number, Db>;
}

/** Sends all commands at once and returns the decoded replies in order. */
async function pipeline(c: RawClient, cmds: string[][]): Promise<unknown[]> {
  for (const cmd of cmds) c.send(...cmd);
  const out: unknown[] = [];
  for (let i = 0; i < cmds.length; i++) out.push(decodeReply(await c.readRaw(20000)).value);
  return out;
}

const READ: Record<string, (k: string) => string[]> = {
  string: (k) => ['GET', k],
  hash: (k) => ['HGETALL', k],
  list: (k) => ['LRANGE', k, '0', '-1'],
  set: (k) => ['SMEMBERS', k],
  zset: (k) => ['ZRANGE', k, '0', '-1', 'WITHSCORES'],
};

function pairs(flat: string[]): [string, string][] {
  return Array.from({ length: flat.length / 2 }, (_, i) => [flat[2 * i], flat[2 * i + 1]]);
}

function toValue(type: string, reply: unknown): Value {
  switch (type) {
    case 'string':
      return { t: 'string', v: reply as string };
    case 'hash':
      return { t: 'hash', v: new Map(pairs(reply as string[])) };
    case 'list':
      return { t: 'list', v: reply as string[] };
    case 'set':
      return { t: 'set', v: new Set(reply as string[]) };
    default:
      return { t: 'zset', v: new Map(pairs(reply as string[]).map(([m, s]) => [m, Number(s)])) };
  }
}

/** Reads one client's keys; problems reading (an unknown type, an error reply, a bad PTTL) become mismatches. */
async function observe(c: RawClient, client: number, keys: string[], bad: Mismatch[]): Promise<Db> {
  const meta = await pipeline(c, keys.flatMap((k) => [['TYPE', k], ['PTTL', k]]));
  const present = keys.map((k, i) => ({ k, type: meta[2 * i] as string, pttl: meta[2 * i + 1] as number })).filter((x) => x.type !== 'none');
  const known = present.filter((x) => {
    if (READ[x.type] !== undefined && (x.pttl === -1 || x.pttl > 0)) return true;
    bad.push({ client, key: x.k, kind: 'unreadable', expected: 'a known type with PTTL -1 or > 0', got: `TYPE ${show(x.type)} PTTL ${show(x.pttl)}` });
    return false;
  });
  const values = await pipeline(c, known.map((x) => READ[x.type](x.k)));
  const db: Db = new Map();
  known.forEach((x, i) => {
    if (values[i] instanceof Error || values[i] === null) {
      bad.push({ client, key: x.k, kind: 'unreadable', expected: `the ${x.type} value`, got: show(values[i]) });
      return;
    }
    const val = toValue(x.type, values[i]);
    // ZRANGE's order is part of what is checked: the observed order is kept, the model's is sorted by canon.
    db.set(x.k, { val, ttl: x.pttl > 0 });
    if (x.type === 'zset') zsetOrderCheck(client, x.k, values[i] as string[], bad);
  });
  return db;
}

/** ZRANGE must list members by score, then member. */
function zsetOrderCheck(client: number, key: string, flat: string[], bad: Mismatch[]): void {
  const got = pairs(flat);
  const sorted = [...got].sort((a, b) => Number(a[1]) - Number(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (JSON.stringify(got) !== JSON.stringify(sorted)) {
    bad.push({ client, key, kind: 'zset out of order', expected: show(sorted), got: show(got) });
  }
}

/** A lone SPOP in flight: the set as before, or with exactly as many members fewer as it asked, all from before. */
function spopAllows(before: KeyState | undefined, got: KeyState | undefined, count: number): boolean {
  if (canon(before) === canon(got)) return true;
  if (before?.val.t !== 'set') return got === undefined;
  const from = before.val.v;
  const left = Math.max(0, from.size - count);
  if (left === 0) return got === undefined;
  return got?.val.t === 'set' && got.ttl === before.ttl && got.val.v.size === left && [...got.val.v].every((m) => from.has(m));
}

function mismatch(client: number, key: string, kind: string, expected: KeyState | undefined | string, got: KeyState | undefined): Mismatch {
  return { client, key, kind, expected: typeof expected === 'string' ? expected : clip(canon(expected)), got: clip(canon(got)) };
}

function clip(s: string): string {
  return s.length > 400 ? `${s.slice(0, 400)}… (${s.length} chars)` : s;
}

/** How the in-flight op was found: applied though never acknowledged, not applied, either (it changed nothing), or neither. */
export type Outcome = 'applied' | 'unapplied' | 'either' | 'bad';

/** Judges the in-flight op's keys: all before-state, or all after-state (any SPOP outcome for a lone SPOP). */
function judgeInFlight(lc: LoadClient, seen: Db, out: Mismatch[]): Outcome {
  const f = lc.inFlight!;
  const keys = f.op.keys.filter((k) => !lc.tainted.has(k));
  const cmd = f.op.cmds[0];
  if (f.after === null) {
    const k = cmd[1];
    if (canon(f.before.get(k)) === canon(seen.get(k))) return 'unapplied';
    if (spopAllows(f.before.get(k), seen.get(k), cmd.length > 2 ? Number(cmd[2]) : 1)) return 'applied';
    out.push(mismatch(lc.client, k, `in-flight ${cmd.join(' ')} neither unapplied nor applied`, `${canon(f.before.get(k))} or that set less ${cmd[2] ?? 1} member(s)`, seen.get(k)));
    return 'bad';
  }
  const isBefore = (k: string) => canon(f.before.get(k)) === canon(seen.get(k));
  const isAfter = (k: string) => canon(f.after!.get(k)) === canon(seen.get(k));
  const before = keys.every(isBefore);
  const after = keys.every(isAfter);
  if (before || after) return before && after ? 'either' : before ? 'unapplied' : 'applied';
  const what = f.op.tx ? `transaction MULTI ${f.op.cmds.map((c) => c.join(' ')).join('; ')} EXEC` : cmd.join(' ');
  for (const k of keys) {
    if (isBefore(k) || isAfter(k)) {
      out.push(mismatch(lc.client, k, `half-applied ${what}`, `${clip(canon(f.before.get(k)))} (before) or ${clip(canon(f.after.get(k)))} (after), the same for all its keys`, seen.get(k)));
    } else {
      out.push(mismatch(lc.client, k, `in-flight ${what} neither unapplied nor applied`, `${clip(canon(f.before.get(k)))} (before) or ${clip(canon(f.after.get(k)))} (after)`, seen.get(k)));
    }
  }
  return 'bad';
}

/** Compares one client's observed keys with its model; `outcome` is null when nothing was in flight. */
export function compareClient(lc: LoadClient, seen: Db): { mismatches: Mismatch[]; outcome: Outcome | null } {
  const out: Mismatch[] = [];
  const inFlight = new Set(lc.inFlight?.op.keys ?? []);
  for (const k of lc.keys) {
    if (lc.tainted.has(k) || inFlight.has(k)) continue;
    if (canon(lc.db.get(k)) !== canon(seen.get(k))) {
      out.push(mismatch(lc.client, k, lc.db.has(k) ? 'acknowledged write lost or changed' : 'key exists that the model deleted or never wrote', lc.db.get(k), seen.get(k)));
    }
  }
  const outcome = lc.inFlight === null ? null : judgeInFlight(lc, seen, out);
  return { mismatches: out, outcome };
}

/** Reads every client's keys from the server on `port` and compares them with the models. */
export async function checkAll(port: number, clients: readonly LoadClient[]): Promise<CheckResult> {
  const c = await RawClient.connect(port);
  const result: CheckResult = { keysChecked: 0, mismatches: [], inFlightApplied: 0, observed: new Map() };
  try {
    for (const lc of clients) {
      const seen = await observe(c, lc.client, lc.keys, result.mismatches);
      result.keysChecked += lc.keys.length;
      const { mismatches, outcome } = compareClient(lc, seen);
      result.mismatches.push(...mismatches);
      if (outcome === 'applied') result.inFlightApplied++;
      result.observed.set(lc.client, cloneKeys(seen, [...seen.keys()]));
    }
  } finally {
    c.close();
  }
  return result;
}
