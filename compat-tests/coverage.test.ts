// Coverage rules (STYLE: "a test fails if a supported command has no test"): every served command and subcommand
// is sent by some differential test, and every command the current milestone requires is served. Reads the
// command table and the test sources; starts no server.
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_HANDLERS } from '../server/commands/handlers.js';
import { CommandTable } from '../server/commands/registry.js';
import { ALL_SPECS } from '../server/commands/specs/index.js';
import { PROJECT_ROOT } from '../server/paths.js';

/** Commands the connection, server, strings and keys milestone must serve (full names, as COMMAND LIST). */
const REQUIRED: Record<string, string[]> = {
  connection: [
    'ping', 'echo', 'quit', 'select', 'swapdb', 'hello', 'auth', 'reset', 'client|id', 'client|setname', 'client|getname',
    'client|list', 'client|info', 'client|kill', 'client|setinfo', 'client|reply', 'client|no-evict', 'client|pause',
    'client|unpause',
  ],
  server: [
    'info', 'dbsize', 'flushdb', 'flushall', 'config|get', 'config|set', 'config|resetstat', 'config|rewrite', 'time',
    'lastsave', 'save', 'bgsave', 'shutdown', 'debug', 'monitor', 'command', 'command|count', 'command|list',
    'command|info', 'command|docs', 'command|getkeys',
  ],
  strings: [
    'get', 'set', 'setnx', 'setex', 'psetex', 'getset', 'getex', 'getdel', 'mget', 'mset', 'msetnx', 'append', 'strlen',
    'incr', 'decr', 'incrby', 'decrby', 'incrbyfloat', 'getrange', 'setrange', 'substr', 'lcs',
  ],
  keys: [
    'del', 'unlink', 'exists', 'type', 'expire', 'pexpire', 'expireat', 'pexpireat', 'expiretime', 'pexpiretime', 'ttl',
    'pttl', 'persist', 'keys', 'scan', 'randomkey', 'rename', 'renamenx', 'copy', 'move', 'touch', 'object|encoding',
    'object|freq', 'object|idletime', 'object|refcount', 'object|help',
  ],
};

const Q = `['"\`]`;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/**
 * Patterns that count as a test sending the command: its name as the first quoted word of a call or array
 * (`cmd('GET', …)`, `['GET', …]`), after the id of `cmdKnown(id, …)`, or opening an inline request in `raw('GET …')`.
 * A subcommand needs its container's name followed by its own (`'CLIENT', 'ID'`, or `raw('CLIENT ID …')`).
 */
function coveragePatterns(fullName: string): RegExp[] {
  const [top, sub] = fullName.split('|').map(escape);
  const words = sub === undefined ? `(${Q})${top}\\1` : `(${Q})${top}\\1\\s*,\\s*(${Q})${sub}\\2`;
  const inline = sub === undefined ? `${top}` : `${top}\\s+${sub}`;
  const known = `cmdKnown\\(\\s*${Q}[^'"\`]*${Q}\\s*,\\s*`;
  return [
    new RegExp(`[([]\\s*${words}`, 'i'),
    new RegExp(`${known}${words}`, 'i'),
    new RegExp(`raw\\(\\s*${Q}${inline}[\\s\\\\'"\`]`, 'i'),
  ];
}

function testSources(): string {
  const dir = join(PROJECT_ROOT, 'compat-tests');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

describe('command coverage', () => {
  const table = new CommandTable(ALL_SPECS, ALL_HANDLERS);
  const served = [...table.everyCommand()].map((d) => d.spec.name);

  it('counts a command as tested only where a test sends it', () => {
    const sends = (src: string, name: string): boolean => coveragePatterns(name).some((re) => re.test(src));
    expect(sends(`await d.pair.cmd('GET', 'k')`, 'get')).to.equal(true);
    expect(sends(`await d.pair.cmd('SET', 'k', 'v', 'GET')`, 'get')).to.equal(false);
    expect(sends(`for (const c of [["incr", 'k']])`, 'incr')).to.equal(true);
    expect(sends(`d.pair.cmdKnown('some-id', 'Type', 'k')`, 'type')).to.equal(true);
    expect(sends(`d.pair.raw('PING\\r\\n')`, 'ping')).to.equal(true);
    expect(sends(`d.pair.cmd('CLIENT', 'ID')`, 'client|id')).to.equal(true);
    expect(sends(`d.pair.cmd('CLIENT', 'IDX')`, 'client|id')).to.equal(false);
    expect(sends(`d.pair.raw('client no-evict on\\r\\n')`, 'client|no-evict')).to.equal(true);
    expect(sends(`const cases = ['MSET a 1 b 2']`, 'mset')).to.equal(false);
  });

  it('every served command and subcommand is sent by some differential test in compat-tests/', () => {
    const src = testSources();
    const untested = served.filter((name) => {
      const def = table.lookupFullName(name)!;
      // A container without a handler of its own is covered through its subcommands.
      if (def.handler === null) return false;
      return !coveragePatterns(name).some((re) => re.test(src));
    });
    expect(untested, 'served commands without a differential test').to.deep.equal([]);
  });

  for (const [family, names] of Object.entries(REQUIRED)) {
    it(`every ${family} command this milestone requires is served`, () => {
      expect(names.filter((n) => !served.includes(n)), `${family} commands not served`).to.deep.equal([]);
    });
  }
});
