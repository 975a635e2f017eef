// The inputs of ZUNION, ZINTER, ZDIFF and their STORE forms: a sorted set, or a plain set whose members all
// score 1 (read through the set type's setMembers). Looks keys up as lookupKeyRead does; no replies.
import { setMembers } from '../../keyspace/set.js';
import { ValueType, WRONGTYPE, type WrongType } from '../../keyspace/types.js';
import type { ZSet } from '../../keyspace/zset/index.js';
import type { Context } from '../types.js';

export interface Source {
  /** The stored object (two inputs naming the same key share it); null for a missing key. */
  readonly subject: unknown;
  readonly size: number;
  weight: number;
  entries(): Iterable<[string, number]>;
  score(member: string): number | undefined;
}

const EMPTY: Iterable<[string, number]> = [];

function zsetSource(z: ZSet): Source {
  return {
    subject: z,
    size: z.size,
    weight: 1,
    *entries() {
      for (const n of z.ascending()) yield [z.list.member(n), z.list.score(n)];
    },
    score: (m) => z.score(m),
  };
}

/** A plain set: its members are listed once, and a lookup table is built only if some member is looked up. */
function setSource(obj: unknown): Source {
  const members = [...setMembers(obj)];
  let index: Set<string> | null = null;
  return {
    subject: obj,
    size: members.length,
    weight: 1,
    *entries() {
      for (const m of members) yield [m, 1];
    },
    score(m) {
      index ??= new Set(members);
      return index.has(m) ? 1 : undefined;
    },
  };
}

function missing(): Source {
  return { subject: null, size: 0, weight: 1, entries: () => EMPTY, score: () => undefined };
}

/** The sources for `keys`, in order, or WRONGTYPE at the first key holding neither a set nor a sorted set. */
export function readSources(ctx: Context, keys: string[]): Source[] | WrongType {
  const out: Source[] = [];
  for (const key of keys) {
    const e = ctx.ks.lookupRead(ctx.session.db, key);
    if (e === undefined) out.push(missing());
    else if (e.type === ValueType.ZSet) out.push(zsetSource(e.obj as ZSet));
    else if (e.type === ValueType.Set) out.push(setSource(e.obj));
    else return WRONGTYPE;
  }
  return out;
}
