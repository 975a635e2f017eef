// SORT and SORT_RO (Redis's sort.c): options parsed in Redis's order, elements loaded from a list, set or sorted
// set, weighted by BY patterns, ordered as sortCompare orders them, projected through GET patterns, then replied
// or stored as a list (one IMAGE record; an empty result deletes the destination).
import { codecOf } from '../../engine/collections.js';
import { listFromItems } from '../../keyspace/list.js';
import { NotifyClass } from '../../keyspace/notify.js';
import { ValueType } from '../../keyspace/types.js';
import { ERR_NOT_INTEGER, ERR_SORT_SCORES, ERR_SYNTAX, ERR_WRONGTYPE } from '../../resp/errors.js';
import { isOption, parseLongLong } from '../args.js';
import { ErrorReply, type Context, type Handler } from '../types.js';
import { comparator, partialSort, sortWeight, type SortItem } from './sort-order.js';
import { hasStar, lookupByPattern, parsePattern, type SortPattern } from './sort-pattern.js';
import { convertForSort, elementsOf, limitRange, sortable } from './sort-source.js';

interface SortPlan {
  key: string;
  desc: boolean;
  alpha: boolean;
  offset: number;
  count: number;
  by: SortPattern | null;
  /** A BY pattern without '*' was given (sticky, as in Redis, even if a later BY has one). */
  dontSort: boolean;
  gets: SortPattern[];
  store: string | null;
}

function longArg(b: Buffer): number | null {
  const v = parseLongLong(b);
  return v === null ? null : Number(v);
}

function parseSort(argv: Buffer[], readonly: boolean): SortPlan | ErrorReply {
  const plan: SortPlan = { key: argv[1].toString('latin1'), desc: false, alpha: false, offset: 0, count: -1, by: null, dontSort: false, gets: [], store: null };
  for (let j = 2; j < argv.length; j++) {
    const left = argv.length - j - 1;
    const a = argv[j];
    if (isOption(a, 'asc')) {
      plan.desc = false;
    } else if (isOption(a, 'desc')) {
      plan.desc = true;
    } else if (isOption(a, 'alpha')) {
      plan.alpha = true;
    } else if (isOption(a, 'limit') && left >= 2) {
      const offset = longArg(argv[j + 1]);
      const count = offset === null ? null : longArg(argv[j + 2]);
      if (offset === null || count === null) return new ErrorReply(ERR_NOT_INTEGER);
      plan.offset = offset;
      plan.count = count;
      j += 2;
    } else if (!readonly && isOption(a, 'store') && left >= 1) {
      plan.store = argv[++j].toString('latin1');
    } else if (isOption(a, 'by') && left >= 1) {
      const pattern = argv[++j];
      plan.by = parsePattern(pattern);
      if (!hasStar(pattern)) plan.dontSort = true;
    } else if (isOption(a, 'get') && left >= 1) {
      plan.gets.push(parsePattern(argv[++j]));
    } else {
      return new ErrorReply(ERR_SYNTAX);
    }
  }
  return plan;
}

/** The weights of every item (BY or the element itself); false when one cannot be read as a number. */
function weigh(ctx: Context, items: SortItem[], by: SortPattern | null, alpha: boolean): boolean {
  let ok = true;
  for (const item of items) {
    const w = by === null ? item.element : lookupByPattern(ctx.ks, ctx.session.db, by, item.element);
    if (w === null) continue;
    if (alpha) {
      if (by !== null) item.weight = w;
      continue;
    }
    const score = sortWeight(w);
    if (score === null) ok = false;
    else item.score = score;
  }
  return ok;
}

function exec(ctx: Context, plan: SortPlan): void {
  const { ks } = ctx;
  const db = ctx.session.db;
  const e = ks.lookupRead(db, plan.key);
  if (e !== undefined && !sortable(e)) return ctx.reply.error(ERR_WRONGTYPE);
  let { dontSort, alpha, by } = plan;
  // An unsorted set would store (or replicate) in hash order: Redis sorts it ALPHA instead.
  if (dontSort && e?.type === ValueType.Set && plan.store !== null) {
    dontSort = false;
    alpha = true;
    by = null;
  }
  convertForSort(e);
  let elements = elementsOf(e);
  let { start, end } = limitRange(elements.length, plan.offset, plan.count);
  const ordered = e === undefined || e.type !== ValueType.Set;
  if (ordered && dontSort) {
    // Lists and sorted sets keep their own order, read from the requested end; LIMIT applies directly.
    if (plan.desc) elements.reverse();
    elements = end >= start ? elements.slice(start, end + 1) : [];
    end -= start;
    start = 0;
  }
  const items: SortItem[] = elements.map((element) => ({ element, score: 0, weight: null }));
  if (!dontSort) {
    if (!weigh(ctx, items, by, alpha)) return ctx.reply.error(ERR_SORT_SCORES);
    const cmp = comparator({ alpha, desc: plan.desc, byPattern: by !== null, store: plan.store !== null });
    if (by !== null && (start !== 0 || end !== items.length - 1)) partialSort(items, cmp, start, end);
    else items.sort(cmp);
  }
  const chosen = end >= start ? items.slice(start, end + 1) : [];
  if (plan.store === null) reply(ctx, chosen, plan.gets);
  else store(ctx, chosen, plan.gets, plan.store);
}

function reply(ctx: Context, items: SortItem[], gets: SortPattern[]): void {
  const r = ctx.reply;
  r.array(gets.length > 0 ? items.length * gets.length : items.length);
  for (const { element } of items) {
    if (gets.length === 0) r.bulk(element);
    for (const g of gets) {
      const v = lookupByPattern(ctx.ks, ctx.session.db, g, element);
      if (v === null) r.nil();
      else r.bulk(v);
    }
  }
}

const EMPTY = Buffer.alloc(0);

function store(ctx: Context, items: SortItem[], gets: SortPattern[], dest: string): void {
  const { ks } = ctx;
  const db = ctx.session.db;
  const out: Buffer[] = [];
  for (const { element } of items) {
    if (gets.length === 0) out.push(element);
    for (const g of gets) out.push(lookupByPattern(ks, db, g, element) ?? EMPTY);
  }
  if (out.length > 0) {
    const list = listFromItems(out);
    ks.putCollection(db, dest, ValueType.List, list, codecOf(ValueType.List)!.encodeImage(list), 0);
    ks.notify(NotifyClass.List, 'sortstore', db, dest);
    ks.signalReady(db, dest);
  } else if (ks.delete(db, dest)) {
    ks.notify(NotifyClass.Generic, 'del', db, dest);
  }
  ctx.reply.integer(out.length);
}

export const SORT_HANDLERS: Handler<any>[] = [
  { name: 'sort', parse: (argv: Buffer[]) => parseSort(argv, false), exec },
  { name: 'sort_ro', parse: (argv: Buffer[]) => parseSort(argv, true), exec },
];
