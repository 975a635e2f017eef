// Every spec carries faha's own words wherever Redis's command docs have prose, and prose.ts names only real
// specs and fields: a spec imported without prose, or a history entry left undescribed, fails here.
import { expect } from 'chai';
import type { ArgSpec, CommandSpec } from '../types.js';
import { ALL_SPECS, FACTS } from './index.js';
import { PROSE } from './prose.js';

function flatten(specs: CommandSpec[]): CommandSpec[] {
  return specs.flatMap((s) => [s, ...flatten(s.subcommands ?? [])]);
}

function emptyArgSummaries(args: ArgSpec[] | undefined, prefix = ''): string[] {
  return (args ?? []).flatMap((a) => [
    ...(a.summary !== undefined && a.summary.trim() === '' ? [prefix + a.name] : []),
    ...emptyArgSummaries(a.arguments, prefix + a.name + '.'),
  ]);
}

/** What is missing from one spec's prose, as readable strings. */
function gaps(s: CommandSpec): string[] {
  const out: string[] = [];
  if (s.summary.trim() === '') out.push('summary');
  if (s.complexity !== undefined && s.complexity.trim() === '') out.push('complexity');
  (s.history ?? []).forEach(([v, text], i) => text.trim() === '' && out.push(`history[${i}] (${v})`));
  (s.keySpecs ?? []).forEach((k, i) => k.notes !== undefined && k.notes.trim() === '' && out.push(`keySpecs[${i}].notes`));
  for (const a of emptyArgSummaries(s.arguments)) out.push(`argument ${a} summary`);
  return out.map((g) => `${s.name}: ${g}`);
}

describe('command spec prose', () => {
  const all = flatten(ALL_SPECS);
  const imported = new Map(flatten(FACTS).map((s) => [s.name, s]));

  it('every spec has a summary, and a complexity, history texts, notes and argument summaries wherever Redis has them', () => {
    expect(all.flatMap(gaps)).to.deep.equal([]);
  });

  it('prose names only commands that have a spec', () => {
    expect(Object.keys(PROSE).filter((n) => !imported.has(n))).to.deep.equal([]);
  });

  it('prose gives exactly one text per history entry and no fields the facts lack', () => {
    const wrong: string[] = [];
    for (const [name, p] of Object.entries(PROSE)) {
      const f = imported.get(name);
      if (f === undefined) continue;
      if ((p.history?.length ?? 0) !== (f.history?.length ?? 0)) wrong.push(`${name}: history`);
      if (p.complexity !== undefined && f.complexity === undefined) wrong.push(`${name}: complexity`);
      for (const i of Object.keys(p.notes ?? {})) if (f.keySpecs?.[Number(i)]?.notes === undefined) wrong.push(`${name}: notes ${i}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('merging prose keeps every interface fact of the imported spec', () => {
    const prose = ['summary', 'complexity', 'notes', 'subcommands'];
    const facts = (k: string, v: unknown): unknown => {
      if (prose.includes(k)) return undefined;
      return k === 'history' ? (v as [string, string][]).map((h) => h[0]) : v;
    };
    const strip = (s: CommandSpec): string => JSON.stringify(s, facts);
    const merged = new Map(all.map((s) => [s.name, s]));
    for (const [name, f] of imported) expect(strip(merged.get(name)!), name).to.equal(strip(f));
  });
});
