// The command table's rules: served exactly when handled, containers expose only served subcommands, a handler
// without a spec stops start-up, and the lookups COMMAND INFO/DOCS/GETKEYS need.
import { expect } from 'chai';
import { CmdFlag, CommandTable, type TableAware } from './registry.js';
import { simpleHandler, type CommandSpec, type Handler } from './types.js';

function spec(name: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { name, arity: -1, flags: [], firstKey: 0, lastKey: 0, step: 0, aclCategories: ['@slow'], summary: 's', since: '1.0.0', group: 'generic', ...extra };
}

const noop = (name: string): Handler<Buffer[]> => simpleHandler(name, () => undefined);

const SPECS: CommandSpec[] = [
  spec('get', { flags: ['readonly', 'fast'] }),
  spec('set'),
  spec('client', { subcommands: [spec('client|id'), spec('client|kill'), spec('client|list')] }),
  spec('object', { subcommands: [spec('object|help')] }),
  spec('command', { subcommands: [spec('command|count')] }),
];


const words = (...w: string[]) => w.map((x) => Buffer.from(x, 'latin1'));
describe('command table', () => {
  it('serves exactly the commands that have a handler', () => {
    const t = new CommandTable(SPECS, [noop('get'), noop('client|id')]);
    expect([...t.all()].map((d) => d.spec.name)).to.deep.equal(['get', 'client']);
    expect(t.size).to.equal(2);
    expect(t.lookup('set')).to.equal(undefined);
    expect(t.lookup('object')).to.equal(undefined);
  });

  it('a container lists only its served subcommands, and has no handler of its own unless given one', () => {
    const t = new CommandTable(SPECS, [noop('client|list'), noop('client|id')]);
    const client = t.lookup('CLIENT')!;
    expect(client.handler).to.equal(null);
    expect(client.spec.subcommands!.map((s) => s.name)).to.deep.equal(['client|id', 'client|list']);
    expect([...client.subcommands!.keys()]).to.deep.equal(['id', 'list']);
    expect(client.subcommands!.get('id')!.parent).to.equal(client);
  });

  it('a container with a handler of its own is served even before any subcommand is', () => {
    const t = new CommandTable(SPECS, [noop('command')]);
    const def = t.lookup('command')!;
    expect(def.handler!.name).to.equal('command');
    expect(def.subcommands!.size).to.equal(0);
  });

  it('refuses a handler without a spec, and two handlers for one command', () => {
    expect(() => new CommandTable(SPECS, [noop('nosuch')])).to.throw('handler nosuch has no spec');
    expect(() => new CommandTable(SPECS, [noop('get'), noop('get')])).to.throw('two handlers for command get');
    expect(() => new CommandTable([...SPECS, spec('get')], [])).to.throw('two specs for command get');
  });

  it('refuses a flag it does not know, and accepts every flag Redis 7.0 reports', () => {
    expect(() => new CommandTable([spec('x', { flags: ['bogus'] })], [noop('x')])).to.throw('unknown flag bogus');
    const t = new CommandTable([spec('x', { flags: ['movablekeys', 'no_async_loading', 'asking', 'no_mandatory_keys'] })], [noop('x')]);
    expect(t.lookup('x')!.flags & CmdFlag.MovableKeys).to.not.equal(0);
    expect(t.lookup('x')!.flags & CmdFlag.NoMandatoryKeys).to.not.equal(0);
  });

  it('looks commands up by full name, as COMMAND INFO and DOCS name them', () => {
    const t = new CommandTable(SPECS, [noop('get'), noop('client|id')]);
    expect(t.lookupFullName('GET')!.spec.name).to.equal('get');
    expect(t.lookupFullName('Client|ID')!.spec.name).to.equal('client|id');
    expect(t.lookupFullName('client')!.spec.name).to.equal('client');
    for (const n of ['client|kill', 'get|x', 'get|', 'client|id|x', '', '|', 'nosuch']) expect(t.lookupFullName(n), n).to.equal(undefined);
  });

  it('looks commands up by the words of a request, as COMMAND GETKEYS does', () => {
    const t = new CommandTable(SPECS, [noop('get'), noop('client|id')]);
    expect(t.lookupRequest(words('get', 'k'))!.spec.name).to.equal('get');
    expect(t.lookupRequest(words('CLIENT', 'Id'))!.spec.name).to.equal('client|id');
    expect(t.lookupRequest(words('client'))!.spec.name).to.equal('client');
    expect(t.lookupRequest(words('client', 'kill'))).to.equal(undefined);
    expect(t.lookupRequest(words('nosuch', 'x'))).to.equal(undefined);
  });

  it('lists every command with each container followed by its subcommands', () => {
    const t = new CommandTable(SPECS, [noop('get'), noop('client|kill'), noop('client|id'), noop('command'), noop('command|count')]);
    expect([...t.everyCommand()].map((d) => d.spec.name)).to.deep.equal(['get', 'client', 'client|id', 'client|kill', 'command', 'command|count']);
  });

  it('introduces itself to handlers that describe the table', () => {
    let seen: CommandTable | null = null;
    const h: Handler<null> & TableAware = { name: 'get', parse: () => null, exec: () => undefined, bindTable: (t) => (seen = t) };
    const t = new CommandTable(SPECS, [h]);
    expect(seen).to.equal(t);
  });
});
