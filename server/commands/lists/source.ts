// Which list a multi-key pop takes from: on a first run the first key holding a non-empty list (a key of another
// type met first is WRONGTYPE); when the blocking framework runs a blocked command again for a key signalled
// ready, that key only, and only if it now holds a non-empty list (otherwise the client stays blocked), as Redis
// 7.0 serves blocked clients per ready key.
import type { Entry } from '../../engine/entry.js';
import { listOf, lookupList } from '../../keyspace/list/ops.js';
import { WRONGTYPE } from '../../keyspace/types.js';
import type { Context } from '../types.js';

export interface Source {
  key: string;
  e: Entry;
}

/**
 * The key a blocked command is being run again for. The framework does not pass it yet (see the list helper's
 * report: Context.readyKey); until it does this is undefined and a retry scans the keys as a first run does.
 */
export function readyKeyOf(ctx: Context): string | undefined {
  return (ctx as Context & { readonly readyKey?: string }).readyKey;
}

export function popSource(ctx: Context, keys: readonly string[]): Source | null | typeof WRONGTYPE {
  const ready = readyKeyOf(ctx);
  if (ready !== undefined) return nonEmpty(ctx, ready);
  for (const key of keys) {
    const e = lookupList(ctx.ks, ctx.session.db, key, true);
    if (e === undefined) continue;
    if (e === WRONGTYPE) return WRONGTYPE;
    if (listOf(e).length > 0) return { key, e };
  }
  return null;
}

/** A retry's source: the ready key if it holds a non-empty list, else nothing (a key of another type included). */
function nonEmpty(ctx: Context, key: string): Source | null {
  const e = lookupList(ctx.ks, ctx.session.db, key, true);
  return e === undefined || e === WRONGTYPE || listOf(e).length === 0 ? null : { key, e };
}
