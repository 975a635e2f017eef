// Every command spec faha knows, grouped as Redis groups them, with faha's own prose merged into the imported
// facts. Only those with a handler are served. Prose fills only fields the facts have, so shapes stay Redis's.
import type { ArgSpec, CommandSpec } from '../types.js';
import { BITMAP_FACTS } from './bitmap.facts.js';
import { CONNECTION_FACTS } from './connection.facts.js';
import { EXTRA_COMMANDS, EXTRA_SUBCOMMANDS } from './extra.js';
import { GENERIC_FACTS } from './generic.facts.js';
import { HASH_FACTS } from './hash.facts.js';
import { HYPERLOGLOG_FACTS } from './hyperloglog.facts.js';
import { LIST_FACTS } from './list.facts.js';
import { PROSE, type CommandProse } from './prose.js';
import { PUBSUB_FACTS } from './pubsub.facts.js';
import { SERVER_FACTS } from './server.facts.js';
import { SET_FACTS } from './set.facts.js';
import { SORTED_SET_FACTS } from './sorted-set.facts.js';
import { STRING_FACTS } from './string.facts.js';
import { TRANSACTIONS_FACTS } from './transactions.facts.js';

function withExtras(specs: CommandSpec[]): CommandSpec[] {
  return specs.map((s) => {
    const extra = EXTRA_SUBCOMMANDS.filter((e) => e.parent === s.name).map((e) => e.spec);
    return extra.length === 0 ? s : { ...s, subcommands: [...(s.subcommands ?? []), ...extra] };
  });
}

function argsWithProse(args: ArgSpec[], summaries: Record<string, string>, prefix: string): ArgSpec[] {
  return args.map((a) => {
    const path = prefix + a.name;
    const out: ArgSpec = { ...a };
    if (a.summary !== undefined) out.summary = summaries[path] ?? a.summary;
    if (a.arguments !== undefined) out.arguments = argsWithProse(a.arguments, summaries, path + '.');
    return out;
  });
}

function applyProse(spec: CommandSpec, p: CommandProse): CommandSpec {
  const out: CommandSpec = { ...spec, summary: p.summary };
  if (spec.complexity !== undefined) out.complexity = p.complexity ?? spec.complexity;
  if (spec.history !== undefined) out.history = spec.history.map(([v, text], i) => [v, p.history?.[i] ?? text]);
  if (spec.keySpecs !== undefined) {
    out.keySpecs = spec.keySpecs.map((k, i) => (k.notes === undefined ? k : { ...k, notes: p.notes?.[i] ?? k.notes }));
  }
  if (spec.arguments !== undefined) out.arguments = argsWithProse(spec.arguments, p.args ?? {}, '');
  return out;
}

/** The spec with faha's prose from ./prose.ts, subcommands included; a spec without prose is left as it is. */
export function withProse(spec: CommandSpec): CommandSpec {
  const p = PROSE[spec.name];
  const out = p === undefined ? { ...spec } : applyProse(spec, p);
  if (spec.subcommands !== undefined) out.subcommands = spec.subcommands.map(withProse);
  return out;
}

/** The imported facts of every group, before extras and prose. */
export const FACTS: CommandSpec[] = [
  ...CONNECTION_FACTS,
  ...SERVER_FACTS,
  ...STRING_FACTS,
  ...GENERIC_FACTS,
  ...HASH_FACTS,
  ...LIST_FACTS,
  ...SET_FACTS,
  ...SORTED_SET_FACTS,
  ...BITMAP_FACTS,
  ...HYPERLOGLOG_FACTS,
  ...PUBSUB_FACTS,
  ...TRANSACTIONS_FACTS,
];

export const ALL_SPECS: CommandSpec[] = [...withExtras(FACTS), ...EXTRA_COMMANDS].map(withProse);
