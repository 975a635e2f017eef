// How COMMAND INFO and COMMAND DOCS spell one command: Redis 7.0's reply shapes and field order, written from the
// served table (a container lists only its served subcommands). Replies only; looks nothing up.
import type { ReplyWriter } from '../../resp/reply.js';
import type { CommandDef } from '../registry.js';
import type { ArgSpec, CommandSpec, KeySpec } from '../types.js';

function simpleSet(reply: ReplyWriter, items: readonly string[] | undefined): void {
  const list = items ?? [];
  reply.set(list.length);
  for (const s of list) reply.simple(s);
}

function beginSearch(reply: ReplyWriter, bs: KeySpec['beginSearch']): void {
  reply.map(2);
  reply.bulkString('type');
  reply.bulkString(bs.type);
  reply.bulkString('spec');
  if (bs.type === 'index') {
    reply.map(1);
    reply.bulkString('index');
    reply.integer(bs.index);
  } else if (bs.type === 'keyword') {
    reply.map(2);
    reply.bulkString('keyword');
    reply.bulkString(bs.keyword);
    reply.bulkString('startfrom');
    reply.integer(bs.startFrom);
  } else {
    reply.map(0);
  }
}

function findKeys(reply: ReplyWriter, fk: KeySpec['findKeys']): void {
  reply.map(2);
  reply.bulkString('type');
  reply.bulkString(fk.type);
  reply.bulkString('spec');
  if (fk.type === 'range') {
    reply.map(3);
    reply.bulkString('lastkey');
    reply.integer(fk.lastKey);
    reply.bulkString('keystep');
    reply.integer(fk.keyStep);
    reply.bulkString('limit');
    reply.integer(fk.limit);
  } else if (fk.type === 'keynum') {
    reply.map(3);
    reply.bulkString('keynumidx');
    reply.integer(fk.keyNumIdx);
    reply.bulkString('firstkey');
    reply.integer(fk.firstKey);
    reply.bulkString('keystep');
    reply.integer(fk.keyStep);
  } else {
    reply.map(0);
  }
}

function keySpec(reply: ReplyWriter, ks: KeySpec): void {
  reply.map(ks.notes !== undefined ? 4 : 3);
  if (ks.notes !== undefined) {
    reply.bulkString('notes');
    reply.bulkString(ks.notes);
  }
  reply.bulkString('flags');
  simpleSet(reply, ks.flags);
  reply.bulkString('begin_search');
  beginSearch(reply, ks.beginSearch);
  reply.bulkString('find_keys');
  findKeys(reply, ks.findKeys);
}

/** One entry of COMMAND / COMMAND INFO: the 10-element array, or a null for a name that is not served. */
export function writeCommandInfo(reply: ReplyWriter, def: CommandDef | undefined): void {
  if (def === undefined) {
    reply.nil();
    return;
  }
  const spec = def.spec;
  reply.array(10);
  reply.bulkString(spec.name);
  reply.integer(spec.arity);
  simpleSet(reply, spec.flags);
  reply.integer(spec.firstKey);
  reply.integer(spec.lastKey);
  reply.integer(spec.step);
  simpleSet(reply, spec.aclCategories);
  const tips = spec.tips ?? [];
  reply.set(tips.length);
  for (const t of tips) reply.bulkString(t);
  const keySpecs = spec.keySpecs ?? [];
  reply.set(keySpecs.length);
  for (const ks of keySpecs) keySpec(reply, ks);
  if (def.subcommands === null) {
    reply.set(0);
    return;
  }
  reply.array(def.subcommands.size);
  for (const sub of def.subcommands.values()) writeCommandInfo(reply, sub);
}

function argFieldCount(a: ArgSpec): number {
  let n = 2;
  if (a.keySpecIndex !== undefined) n++;
  if (a.token !== undefined) n++;
  if (a.summary !== undefined) n++;
  if (a.since !== undefined) n++;
  if (a.deprecatedSince !== undefined) n++;
  if (a.flags !== undefined && a.flags.length > 0) n++;
  if (a.arguments !== undefined) n++;
  return n;
}

function writeArgs(reply: ReplyWriter, args: readonly ArgSpec[]): void {
  reply.array(args.length);
  for (const a of args) {
    reply.map(argFieldCount(a));
    reply.bulkString('name');
    reply.bulkString(a.name);
    reply.bulkString('type');
    reply.bulkString(a.type);
    if (a.keySpecIndex !== undefined) {
      reply.bulkString('key_spec_index');
      reply.integer(a.keySpecIndex);
    }
    optionalString(reply, 'token', a.token);
    optionalString(reply, 'summary', a.summary);
    optionalString(reply, 'since', a.since);
    optionalString(reply, 'deprecated_since', a.deprecatedSince);
    if (a.flags !== undefined && a.flags.length > 0) {
      reply.bulkString('flags');
      simpleSet(reply, a.flags);
    }
    if (a.arguments !== undefined) {
      reply.bulkString('arguments');
      writeArgs(reply, a.arguments);
    }
  }
}

function optionalString(reply: ReplyWriter, field: string, value: string | undefined): void {
  if (value === undefined) return;
  reply.bulkString(field);
  reply.bulkString(value);
}

function docFieldCount(spec: CommandSpec, def: CommandDef): number {
  let n = 3;
  if (spec.complexity !== undefined) n++;
  if (spec.docFlags !== undefined && spec.docFlags.length > 0) n++;
  if (spec.deprecatedSince !== undefined) n++;
  if (spec.replacedBy !== undefined) n++;
  if (spec.history !== undefined && spec.history.length > 0) n++;
  if (spec.arguments !== undefined && spec.arguments.length > 0) n++;
  if (def.subcommands !== null) n++;
  return n;
}

/** The documentation map of one command (the value half of a COMMAND DOCS entry). */
export function writeCommandDocs(reply: ReplyWriter, def: CommandDef): void {
  const spec = def.spec;
  reply.map(docFieldCount(spec, def));
  reply.bulkString('summary');
  reply.bulkString(spec.summary);
  reply.bulkString('since');
  reply.bulkString(spec.since);
  reply.bulkString('group');
  reply.bulkString(spec.group);
  optionalString(reply, 'complexity', spec.complexity);
  if (spec.docFlags !== undefined && spec.docFlags.length > 0) {
    reply.bulkString('doc_flags');
    simpleSet(reply, spec.docFlags);
  }
  optionalString(reply, 'deprecated_since', spec.deprecatedSince);
  optionalString(reply, 'replaced_by', spec.replacedBy);
  if (spec.history !== undefined && spec.history.length > 0) {
    reply.bulkString('history');
    reply.set(spec.history.length);
    for (const [version, change] of spec.history) {
      reply.array(2);
      reply.bulkString(version);
      reply.bulkString(change);
    }
  }
  if (spec.arguments !== undefined && spec.arguments.length > 0) {
    reply.bulkString('arguments');
    writeArgs(reply, spec.arguments);
  }
  if (def.subcommands !== null) {
    reply.bulkString('subcommands');
    reply.map(def.subcommands.size);
    for (const sub of def.subcommands.values()) {
      reply.bulkString(sub.spec.name);
      writeCommandDocs(reply, sub);
    }
  }
}
