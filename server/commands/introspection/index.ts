// COMMAND and its subcommands: the command table describing itself (COUNT, LIST, INFO, DOCS, GETKEYS…). The
// table is handed to these handlers when it is built (registry.ts TableAware); they never change it.
import type { CommandDef, CommandTable, TableAware } from '../registry.js';
import type { Context, ErrorReply, Handler } from '../types.js';
import { writeCommandDocs, writeCommandInfo } from './describe.js';
import { writeGetKeys } from './getkeys.js';
import { writeCommandHelp } from './help.js';
import { parseListFilter, passesFilter, type ListFilter } from './list-filter.js';

let served: CommandTable | null = null;

function table(): CommandTable {
  if (served === null) throw new Error('COMMAND ran before the command table was built');
  return served;
}

type Parse<P> = (argv: Buffer[]) => P | ErrorReply;

function introspection<P>(name: string, parse: Parse<P>, exec: (ctx: Context, plan: P) => void): Handler<P> & TableAware {
  const bindTable = (t: CommandTable): void => {
    served = t;
  };
  return { name, parse, exec, bindTable };
}

/** The request GETKEYS asks about, copied: a plan may outlive the receive buffer argv views (MULTI). */
function request(argv: Buffer[]): Buffer[] {
  return argv.slice(2).map((b) => Buffer.from(b));
}

function writeAllInfo(ctx: Context): void {
  const t = table();
  ctx.reply.array(t.size);
  for (const def of t.all()) writeCommandInfo(ctx.reply, def);
}

function writeInfo(ctx: Context, names: string[]): void {
  if (names.length === 0) return writeAllInfo(ctx);
  ctx.reply.array(names.length);
  for (const n of names) writeCommandInfo(ctx.reply, table().lookupFullName(n));
}

function writeDocs(ctx: Context, names: string[]): void {
  const t = table();
  const defs: CommandDef[] = names.length === 0 ? [...t.all()] : [];
  for (const n of names) {
    const def = t.lookupFullName(n);
    if (def !== undefined) defs.push(def);
  }
  ctx.reply.map(defs.length);
  for (const def of defs) {
    ctx.reply.bulkString(def.spec.name);
    writeCommandDocs(ctx.reply, def);
  }
}

function writeList(ctx: Context, filter: ListFilter): void {
  const names: string[] = [];
  for (const def of table().everyCommand()) if (passesFilter(def.spec, filter)) names.push(def.spec.name);
  ctx.reply.array(names.length);
  for (const n of names) ctx.reply.bulkString(n);
}

const commandNames = (argv: Buffer[]): string[] => argv.slice(2).map((b) => b.toString('latin1'));

export const INTROSPECTION_HANDLERS: Handler<any>[] = [
  introspection('command', () => null, (ctx) => writeAllInfo(ctx)),
  introspection('command|count', () => null, (ctx) => ctx.reply.integer(table().size)),
  introspection('command|list', parseListFilter, writeList),
  introspection('command|info', commandNames, writeInfo),
  introspection('command|docs', commandNames, writeDocs),
  introspection('command|getkeys', request, (ctx, req) => writeGetKeys(ctx.reply, table(), req, false)),
  introspection('command|getkeysandflags', request, (ctx, req) => writeGetKeys(ctx.reply, table(), req, true)),
  introspection('command|help', (argv) => argv[0].toString('latin1'), (ctx, word) => writeCommandHelp(ctx.reply, word)),
];
