// Differential: COMMAND describes the served table exactly as Redis 7.0 describes the same commands. Iterates
// over whatever faha serves (its own COMMAND LIST), so the suite grows with the other families.
import { expect } from 'chai';
import { commandKeys } from '../server/commands/key-extraction.js';
import { ALL_SPECS } from '../server/commands/specs/index.js';
import { EXTRA_COMMANDS, EXTRA_SUBCOMMANDS } from '../server/commands/specs/extra.js';
import type { ArgSpec, CommandSpec } from '../server/commands/types.js';
import { differential, type Pair } from './harness.js';

/** A RESP reply as a tree that keeps every type byte, so simple vs bulk strings and sets vs arrays still differ. */
interface Node {
  t: string;
  v: string | Node[];
}

function parseNode(buf: Buffer, pos = 0): { node: Node; end: number } {
  const nl = buf.indexOf('\r\n', pos, 'latin1');
  const t = String.fromCharCode(buf[pos]);
  const line = buf.toString('latin1', pos + 1, nl);
  if ('$=!'.includes(t) && Number(line) >= 0) {
    const n = Number(line);
    return { node: { t, v: buf.toString('latin1', nl + 2, nl + 2 + n) }, end: nl + 4 + n };
  }
  if (!'*~%>'.includes(t) || Number(line) < 0) return { node: { t, v: line }, end: nl + 2 };
  const items: Node[] = [];
  let p = nl + 2;
  for (let i = 0; i < Number(line) * (t === '%' ? 2 : 1); i++) {
    const r = parseNode(buf, p);
    items.push(r.node);
    p = r.end;
  }
  return { node: { t, v: items }, end: p };
}

const tree = (b: Buffer): Node => parseNode(b).node;
const kids = (n: Node): Node[] => n.v as Node[];
const text = (n: Node): string => n.v as string;
const blank = (n: Node): Node => ({ t: n.t, v: '' });

/** Map-shaped nodes (RESP3 maps, RESP2 flat arrays) as [key, value] pairs. */
function pairs(n: Node): [Node, Node][] {
  const out: [Node, Node][] = [];
  for (let i = 0; i < kids(n).length; i += 2) out.push([kids(n)[i], kids(n)[i + 1]]);
  return out;
}

/** A map node with each value replaced by `field(key, value)`. */
function blankFields(map: Node, field: (key: string, val: Node) => Node): Node {
  return { t: map.t, v: pairs(map).flatMap(([k, val]) => [k, field(text(k), val)]) };
}

function sortedByJson(nodes: Node[]): Node[] {
  return [...nodes].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/**
 * One COMMAND INFO entry made comparable: key-spec notes blanked (faha's own words), subcommands restricted to
 * `served` and sorted (Redis lists them in its per-process dict order).
 */
function canonicalInfo(n: Node, served: Set<string>): Node {
  if (!Array.isArray(n.v)) return n;
  const v = [...kids(n)];
  const specs = v[8];
  v[8] = { t: specs.t, v: kids(specs).map((m) => blankFields(m, (key, val) => (key === 'notes' ? blank(val) : val))) };
  const subs = kids(v[9]).filter((s) => served.has(text(kids(s)[0])));
  v[9] = { t: v[9].t, v: sortedByJson(subs.map((s) => canonicalInfo(s, served))) };
  return { t: n.t, v };
}

function blankArgs(args: Node): Node {
  const field = (key: string, val: Node): Node => (key === 'summary' ? blank(val) : key === 'arguments' ? blankArgs(val) : val);
  return { t: args.t, v: kids(args).map((a) => blankFields(a, field)) };
}

/** One COMMAND DOCS map made comparable: prose blanked, subcommands restricted to `served` and sorted. */
function canonicalDocs(n: Node, served: Set<string>): Node {
  const out: Node[] = [];
  for (const [k, val] of pairs(n)) {
    const key = text(k);
    let v = val;
    if (key === 'summary' || key === 'complexity') v = blank(val);
    if (key === 'history') v = { t: val.t, v: kids(val).map((h) => ({ t: h.t, v: [kids(h)[0], blank(kids(h)[1])] })) };
    if (key === 'arguments') v = blankArgs(val);
    if (key === 'subcommands') {
      const subs = pairs(val).filter(([name]) => served.has(text(name)));
      const flat = subs.map(([name, docs]) => ({ t: '*', v: [name, canonicalDocs(docs, served)] }));
      v = { t: val.t, v: sortedByJson(flat) };
    }
    out.push(k, v);
  }
  return { t: n.t, v: out };
}

const EXTRAS = new Set([...EXTRA_SUBCOMMANDS.map((e) => e.spec.name), ...EXTRA_COMMANDS.map((s) => s.name)]);

async function servedNames(pair: Pair): Promise<string[]> {
  return kids(tree(await pair.faha.call('COMMAND', 'LIST'))).map(text);
}

/** The served commands Redis 7.0 also has: what the comparisons cover (the others are a known difference). */
async function comparableNames(pair: Pair): Promise<Set<string>> {
  return new Set((await servedNames(pair)).filter((n) => !EXTRAS.has(n)));
}

/** A minimal well-formed request for a command, built from its argument spec (keys named k1, k2…). */
function sampleRequest(spec: CommandSpec): string[] {
  let keyNo = 0;
  const value = (a: ArgSpec): string[] => {
    switch (a.type) {
      case 'key':
        return [`k${++keyNo}`];
      case 'pure-token':
        return [];
      case 'oneof':
        return one(a.arguments![0]);
      case 'block':
        return a.arguments!.filter((s) => !s.flags?.includes('optional')).flatMap(one);
      case 'integer':
      case 'unix-time':
        return ['1'];
      case 'double':
        return ['1.5'];
      case 'pattern':
        return ['*'];
      default:
        return ['v'];
    }
  };
  const one = (a: ArgSpec): string[] => [...(a.token !== undefined ? [a.token] : []), ...value(a)];
  const arg = (a: ArgSpec): string[] => {
    if (!a.flags?.includes('multiple')) return one(a);
    if (a.flags.includes('multiple_token') || a.token === undefined) return [...one(a), ...one(a)];
    return [a.token, ...value(a), ...value(a)];
  };
  const words = spec.name.split('|');
  return [...words, ...(spec.arguments ?? []).filter((a) => !a.flags?.includes('optional')).flatMap(arg)];
}

function flatSpecs(specs: CommandSpec[]): Map<string, CommandSpec> {
  return new Map(specs.flatMap((s) => [[s.name, s] as [string, CommandSpec], ...flatSpecs(s.subcommands ?? [])]));
}
const SPECS = flatSpecs(ALL_SPECS);

describe('compat: COMMAND', () => {
  const d = differential();

  /** Switches the default pair to RESP3 (HELLO itself is tested by the connection family). */
  async function resp3(): Promise<void> {
    await d.pair.both(...'HELLO 3'.split(' '));
  }

  it('COMMAND LIST names exactly the served commands, all known to Redis 7.0 except the listed newer ones', async () => {
    const [r, f] = await d.pair.cmdKnown('command-list-served-subset', 'COMMAND', 'LIST');
    const redis = new Set(kids(tree(r)).map(text));
    const faha = kids(tree(f)).map(text);
    expect(new Set(faha).size, 'no duplicates').to.equal(faha.length);
    expect(faha.filter((n) => !redis.has(n))).to.deep.equal(faha.filter((n) => EXTRAS.has(n)));
    expect(faha.every((n) => SPECS.has(n))).to.equal(true);
    const tops = faha.filter((n) => !n.includes('|'));
    for (const n of faha.filter((x) => x.includes('|'))) expect(tops, n).to.include(n.split('|')[0]);
  });

  it('COMMAND COUNT counts the served top-level commands', async () => {
    const [, f] = await d.pair.cmdKnown('command-list-served-subset', 'COMMAND', 'COUNT');
    const tops = (await servedNames(d.pair)).filter((n) => !n.includes('|'));
    expect(f.toString()).to.equal(`:${tops.length}\r\n`);
    await d.pair.cmd('COMMAND', 'COUNT', 'extra');
  });

  for (const proto of [2, 3]) {
    it(`COMMAND INFO of every served command matches Redis's (RESP${proto})`, async () => {
      if (proto === 3) await resp3();
      const served = await comparableNames(d.pair);
      for (const name of await servedNames(d.pair)) {
        if (EXTRAS.has(name)) {
          const [r] = await d.pair.cmdKnown('commands-newer-than-redis-7.0', 'COMMAND', 'INFO', name);
          expect(r.toString(), `${name} is unknown to Redis 7.0`).to.equal(proto === 3 ? '*1\r\n_\r\n' : '*1\r\n$-1\r\n');
          continue;
        }
        const spec = SPECS.get(name)!;
        const exact = spec.subcommands === undefined && !(spec.keySpecs ?? []).some((k) => k.notes !== undefined);
        if (exact) {
          await d.pair.cmd('COMMAND', 'INFO', name);
          continue;
        }
        const id = spec.subcommands !== undefined ? 'container-lists-served-subcommands' : 'keyspec-notes-in-own-words';
        const [r, f] = await d.pair.cmdKnown(id, 'COMMAND', 'INFO', name);
        expect(canonicalInfo(kids(tree(f))[0], served), name).to.deep.equal(canonicalInfo(kids(tree(r))[0], served));
      }
    });

    it(`COMMAND DOCS of every served command matches Redis's apart from faha's own prose (RESP${proto})`, async () => {
      if (proto === 3) await resp3();
      const served = await comparableNames(d.pair);
      for (const name of served) {
        const [r, f] = await d.pair.cmdKnown('command-docs-prose-in-own-words', 'COMMAND', 'DOCS', name);
        const [rName, rDocs] = kids(tree(r));
        const [fName, fDocs] = kids(tree(f));
        expect(fName, name).to.deep.equal(rName);
        expect(canonicalDocs(fDocs, served), name).to.deep.equal(canonicalDocs(rDocs, served));
        const summary = pairs(fDocs).find(([k]) => text(k) === 'summary')![1];
        expect(text(summary), `${name} has a summary`).to.not.equal('');
      }
    });
  }

  it('COMMAND INFO answers a null for each name it does not serve, in request order', async () => {
    await d.pair.cmd('COMMAND', 'INFO', 'nosuch', 'NOSUCH|x', '', '|', 'get|', 'get|x', 'client|id|x');
    await resp3();
    await d.pair.cmd('COMMAND', 'INFO', 'nosuch', 'get|x');
  });

  it('COMMAND INFO takes names in any case and repeats a repeated name', async () => {
    await d.pair.cmd('COMMAND', 'INFO', 'GET', 'nosuch', 'get', 'Type');
  });

  it('COMMAND, and COMMAND INFO without names, describe every served top-level command the way COMMAND INFO does', async () => {
    const served = await comparableNames(d.pair);
    const tops = [...served].filter((n) => !n.includes('|'));
    for (const args of [['COMMAND'], ['COMMAND', 'INFO']]) {
      const [r, f] = await d.pair.cmdKnown('command-list-served-subset', ...args);
      const redis = new Map(kids(tree(r)).map((e) => [text(kids(e)[0]), e]));
      const faha = kids(tree(f));
      expect(faha.map((e) => text(kids(e)[0])).filter((n) => !EXTRAS.has(n)).sort()).to.deep.equal([...tops].sort());
      for (const e of faha) {
        const name = text(kids(e)[0]);
        if (EXTRAS.has(name)) continue;
        expect(canonicalInfo(e, served), name).to.deep.equal(canonicalInfo(redis.get(name)!, served));
      }
    }
  });

  it('COMMAND DOCS leaves out names it does not serve, and documents every served top-level command without names', async () => {
    await d.pair.cmd('COMMAND', 'DOCS', 'nosuch');
    await d.pair.cmd('COMMAND', 'DOCS', 'nosuch', 'get|x', 'client|id|x');
    const [, f] = await d.pair.cmdKnown('command-list-served-subset', 'COMMAND', 'DOCS');
    const tops = (await servedNames(d.pair)).filter((n) => !n.includes('|'));
    expect(pairs(tree(f)).map(([k]) => text(k)).sort()).to.deep.equal([...tops].sort());
    await resp3();
    await d.pair.cmd('COMMAND', 'DOCS', 'nosuch');
  });

  it('COMMAND LIST FILTERBY selects by pattern, ACL category and module like Redis, within the served commands', async () => {
    const served = await comparableNames(d.pair);
    const filters = [['PATTERN', 'c*'], ['pattern', 'CLIENT|I[a-e]'], ['aclcat', 'keyspace'], ['ACLCAT', 'String'], ['aclcat', 'connection']];
    for (const [type, arg] of filters) {
      const [r, f] = await d.pair.cmdKnown('command-list-served-subset', 'COMMAND', 'LIST', 'FILTERBY', type, arg);
      const redis = kids(tree(r)).map(text).filter((n) => served.has(n)).sort();
      expect(kids(tree(f)).map(text).filter((n) => !EXTRAS.has(n)).sort(), `${type} ${arg}`).to.deep.equal(redis);
    }
    for (const [type, arg] of [['MODULE', 'x'], ['aclcat', 'nosuch'], ['aclcat', '@string'], ['aclcat', 'all'], ['pattern', 'zz*']]) {
      await d.pair.cmd('COMMAND', 'LIST', 'FILTERBY', type, arg);
    }
  });

  it('COMMAND LIST rejects anything but one complete FILTERBY with a syntax error', async () => {
    await d.pair.cmd('COMMAND', 'LIST', 'FILTERBY');
    await d.pair.cmd('COMMAND', 'LIST', 'FILTERBY', 'PATTERN');
    await d.pair.cmd('COMMAND', 'LIST', 'FILTERBY', 'PATTERN', 'x', 'y');
    await d.pair.cmd('COMMAND', 'LIST', 'FILTERBY', 'nosuch', 'x');
    await d.pair.cmd('COMMAND', 'LIST', 'foo');
    await d.pair.cmd('COMMAND', 'LIST', 'foo', 'bar', 'baz');
  });

  it('COMMAND GETKEYS and GETKEYSANDFLAGS agree with Redis on a request for every served command', async () => {
    for (const name of await servedNames(d.pair)) {
      const spec = SPECS.get(name)!;
      if (EXTRAS.has(name) || spec.subcommands !== undefined) continue;
      const request = sampleRequest(spec);
      await d.pair.cmd('COMMAND', 'GETKEYS', ...request);
      await d.pair.cmd('COMMAND', 'GETKEYSANDFLAGS', ...request);
      if (commandKeys(spec, request.map((w) => Buffer.from(w))).length > 0) {
        await d.pair.cmd('COMMAND', 'GETKEYS', ...request.map((w, i) => (i === 0 ? w.toUpperCase() : w)));
      }
    }
  });

  it('COMMAND GETKEYS follows variable key positions and flags (MSET, EXISTS, SET GET, COPY, LCS, OBJECT)', async () => {
    const served = new Set(await servedNames(d.pair));
    // Space-separated so the coverage scan does not mistake these requests for tests of MSET, SET…
    const cases = [
      'MSET a 1 b 2', 'MSET a 1 b', 'MSETNX a 1 b 2', 'MGET a b c', 'EXISTS a b a', 'DEL a b', 'UNLINK a', 'TOUCH a b',
      'SET k v', 'SET k v get', 'set k v EX 10 GET', 'SET k get', 'GETEX k PERSIST', 'COPY a b DB 1 REPLACE',
      'RENAME a b', 'LCS a b LEN', 'MOVE a 1', 'OBJECT ENCODING k', 'object freq k',
    ].map((c) => c.split(' '));
    const isContainer = (w: string): boolean => [...served].some((n) => n.startsWith(`${w}|`));
    const isServed = ([w0, w1]: string[]): boolean => {
      const top = w0.toLowerCase();
      return isContainer(top) ? served.has(`${top}|${w1.toLowerCase()}`) : served.has(top);
    };
    for (const c of cases.filter(isServed)) {
      await d.pair.cmd('COMMAND', 'GETKEYS', ...c);
      await d.pair.cmd('COMMAND', 'GETKEYSANDFLAGS', ...c);
    }
    await resp3();
    for (const c of ['SET k v GET', 'MGET a b'].map((x) => x.split(' ')).filter(isServed)) {
      await d.pair.cmd('COMMAND', 'GETKEYSANDFLAGS', ...c);
    }
  });

  it('COMMAND GETKEYS reports an unknown command, a command without keys and a wrong argument count, in that order', async () => {
    await d.pair.cmd('COMMAND', 'GETKEYS', 'nosuch', 'a');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'nosuch', 'a', 'b', 'c');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'get', 'a', 'b');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'get');
    await d.pair.cmd('COMMAND', 'GETKEYS');
    await d.pair.cmd('COMMAND', 'GETKEYSANDFLAGS', 'nosuch', 'x');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'command', 'info');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'command', 'nosuch');
    await d.pair.cmd('COMMAND', 'GETKEYS', 'ping', 'x', 'y');
  });

  it('COMMAND HELP lists the subcommands, and COMMAND answers unknown subcommands and wrong arity like Redis', async () => {
    await d.pair.cmd('COMMAND', 'HELP');
    await d.pair.cmd('command', 'help');
    await d.pair.cmd('COMMAND', 'HELP', 'x');
    await d.pair.cmd('COMMAND', 'NOSUCH');
    await d.pair.cmd('COMMAND', 'INFOX', 'get');
    await resp3();
    await d.pair.cmd('COMMAND', 'HELP');
  });
});
