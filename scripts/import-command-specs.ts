// Developer tool: reads the interface facts of the commands faha implements (arity, flags, key positions, ACL
// categories, key specs, argument structure, since, group) from a running redis-server 7.0 via COMMAND INFO and
// COMMAND DOCS, and writes them as spec data in server/commands/specs/<group>.facts.ts (one file per group, holding
// exactly the commands named, so name every command of a group when regenerating it).
//
// Prose is not imported: summaries, complexity texts, history descriptions, argument summaries and key-spec notes
// are written as empty strings where Redis has them, and faha's own words live in specs/prose.ts.
// Usage: node <build>/scripts/import-command-specs.js <redis-port> [--out <dir>] <command> [<command> ...]
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/paths.js';
import { RawClient } from '../server/testing/raw-client.js';
import { decodeReply, type Decoded } from '../server/testing/resp-frame.js';
import type { ArgSpec, CommandSpec, KeySpec } from '../server/commands/types.js';

const SPEC_DIR = join(PROJECT_ROOT, 'server', 'commands', 'specs') + '/';

function asMap(v: Decoded): Map<Decoded, Decoded> {
  if (!(v instanceof Map)) throw new Error(`expected a map, got ${JSON.stringify(v)}`);
  return v;
}
function list(v: Decoded): Decoded[] {
  if (v instanceof Set) return [...v];
  if (Array.isArray(v)) return v;
  if (v instanceof Map) return [...v.values()];
  return [];
}
function strs(v: Decoded): string[] {
  return list(v).map(String);
}

function keySpec(v: Decoded): KeySpec {
  const m = asMap(v);
  const bs = asMap(m.get('begin_search')!);
  const fk = asMap(m.get('find_keys')!);
  const bsSpec = asMap(bs.get('spec')!);
  const fkSpec = asMap(fk.get('spec')!);
  const beginSearch: KeySpec['beginSearch'] =
    bs.get('type') === 'index'
      ? { type: 'index', index: Number(bsSpec.get('index')) }
      : bs.get('type') === 'keyword'
        ? { type: 'keyword', keyword: String(bsSpec.get('keyword')), startFrom: Number(bsSpec.get('startfrom')) }
        : { type: 'unknown' };
  const findKeys: KeySpec['findKeys'] =
    fk.get('type') === 'range'
      ? { type: 'range', lastKey: Number(fkSpec.get('lastkey')), keyStep: Number(fkSpec.get('keystep')), limit: Number(fkSpec.get('limit')) }
      : fk.get('type') === 'keynum'
        ? { type: 'keynum', keyNumIdx: Number(fkSpec.get('keynumidx')), firstKey: Number(fkSpec.get('firstkey')), keyStep: Number(fkSpec.get('keystep')) }
        : { type: 'unknown' };
  const spec: KeySpec = { flags: strs(m.get('flags')!), beginSearch, findKeys };
  if (m.has('notes')) spec.notes = '';
  return spec;
}

function argSpec(v: Decoded): ArgSpec {
  const m = asMap(v);
  const a: ArgSpec = { name: String(m.get('name')), type: String(m.get('type')) as ArgSpec['type'] };
  if (m.has('display_text')) a.displayText = String(m.get('display_text'));
  if (m.has('key_spec_index')) a.keySpecIndex = Number(m.get('key_spec_index'));
  if (m.has('token')) a.token = String(m.get('token'));
  if (m.has('summary')) a.summary = '';
  if (m.has('since')) a.since = String(m.get('since'));
  if (m.has('flags')) a.flags = strs(m.get('flags')!) as ArgSpec['flags'];
  if (m.has('deprecated_since')) a.deprecatedSince = String(m.get('deprecated_since'));
  if (m.has('arguments')) a.arguments = list(m.get('arguments')!).map(argSpec);
  return a;
}

function buildSpec(info: Decoded[], docs: Map<Decoded, Decoded>): CommandSpec {
  const [name, arity, flags, first, last, step, acl, tips, keySpecs, subs] = info;
  const spec: CommandSpec = {
    name: String(name),
    arity: Number(arity),
    flags: strs(flags),
    firstKey: Number(first),
    lastKey: Number(last),
    step: Number(step),
    aclCategories: strs(acl),
    summary: '',
    since: String(docs.get('since')),
    group: String(docs.get('group')),
  };
  const t = strs(tips);
  if (t.length > 0) spec.tips = t;
  const ks = list(keySpecs).map(keySpec);
  if (ks.length > 0) spec.keySpecs = ks;
  if (docs.has('complexity')) spec.complexity = '';
  if (docs.has('doc_flags')) spec.docFlags = strs(docs.get('doc_flags')!);
  if (docs.has('deprecated_since')) spec.deprecatedSince = String(docs.get('deprecated_since'));
  if (docs.has('replaced_by')) spec.replacedBy = String(docs.get('replaced_by'));
  if (docs.has('history')) spec.history = list(docs.get('history')!).map((h) => [String((h as Decoded[])[0]), '']);
  if (docs.has('arguments')) spec.arguments = list(docs.get('arguments')!).map(argSpec);
  const subInfos = list(subs);
  if (subInfos.length > 0) {
    const subDocs = asMap(docs.get('subcommands')!);
    spec.subcommands = subInfos
      .map((si) => buildSpec(si as Decoded[], asMap(subDocs.get(String((si as Decoded[])[0]))!)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }
  return spec;
}

async function main(): Promise<void> {
  const [portArg, ...rest] = process.argv.slice(2);
  const outAt = rest.indexOf('--out');
  const outDir = outAt >= 0 ? rest[outAt + 1] + '/' : SPEC_DIR;
  const names = outAt >= 0 ? [...rest.slice(0, outAt), ...rest.slice(outAt + 2)] : rest;
  const c = await RawClient.connect(Number(portArg));
  await c.call('HELLO', '3');
  const byGroup = new Map<string, CommandSpec[]>();
  for (const n of names) {
    const info = (await c.decoded('COMMAND', 'INFO', n)) as Decoded[];
    if (info[0] === null) throw new Error(`redis does not know ${n}`);
    const docs = asMap(asMap(await c.decoded('COMMAND', 'DOCS', n)).get(n.toLowerCase())!);
    const spec = buildSpec(info[0] as Decoded[], docs);
    const list = byGroup.get(spec.group) ?? [];
    list.push(spec);
    byGroup.set(spec.group, list);
  }
  c.close();
  for (const [group, specs] of byGroup) {
    const file = `${outDir}${group}.facts.ts`;
    const constName = group.toUpperCase().replace(/[^A-Z]/g, '_') + '_FACTS';
    const body =
      `// Interface facts of the ${group} commands, imported from redis-server 7.0 by scripts/import-command-specs.ts.\n` +
      `// Prose fields are empty here; faha's own wording is merged in by ./prose.ts.\n` +
      `import type { CommandSpec } from '../types.js';\n\n` +
      `export const ${constName}: CommandSpec[] = ${JSON.stringify(specs, null, 2)};\n`;
    if (existsSync(file)) process.stderr.write(`overwriting ${file}\n`);
    writeFileSync(file, body);
    process.stdout.write(`${file}: ${specs.length} commands\n`);
  }
}

void main();
