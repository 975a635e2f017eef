// Unit tests: the replication directives, read, shown and rewritten as Redis 7.0 does (replicaof's two-word grammar,
// the slave* aliases, ranges), and faha's sync-backups pair.
import { expect } from 'chai';
import { parseCommandLine, assembleConfigText } from './command-line.js';
import { Config } from './config.js';
import { rewriteConfigText } from './rewrite.js';
import { lookupDirective } from './schema.js';
import { isValueError, parseValue } from './values.js';

function configWith(text: string): Config {
  const c = new Config();
  c.loadText(text);
  return c;
}

function parse(name: string, ...args: string[]): unknown {
  const v = parseValue(lookupDirective(name)!, args);
  return isValueError(v) ? v.error : v;
}

describe('replication directives', () => {
  it('replicaof defaults to none and CONFIG GET shows it as an empty string', () => {
    const c = new Config();
    expect(c.text(lookupDirective('replicaof')!)).to.equal('');
  });

  it('replicaof takes "host port", shown as CONFIG GET shows it, and "no one" in any case means none', () => {
    expect(configWith('replicaof 10.0.0.1 6380').text(lookupDirective('replicaof')!)).to.equal('10.0.0.1 6380');
    expect(configWith('slaveof h 7000').str('replicaof')).to.equal('h 7000');
    expect(configWith('replicaof h 7000\nreplicaof No ONE').str('replicaof')).to.equal('');
  });

  it('replicaof refuses a bad port with "Invalid master port" and any other word count', () => {
    expect(parse('replicaof', 'h', '65536')).to.equal('Invalid master port');
    expect(parse('replicaof', 'h', '-1')).to.equal('Invalid master port');
    expect(parse('replicaof', 'h', '12x')).to.equal('Invalid master port');
    expect(parse('replicaof', 'h')).to.equal('wrong number of arguments');
    expect(parse('replicaof', 'h', '1', '2')).to.equal('wrong number of arguments');
    // strtol: leading spaces and a sign are read; the value is kept as an int.
    expect(parse('replicaof', 'h', ' +80')).to.equal('h 80');
  });

  it('--replicaof host port on the command line becomes the directive', () => {
    const cl = parseCommandLine(['--replicaof', '127.0.0.1', '7001', '--port', '7000']);
    expect(cl.kind).to.equal('run');
    const c = configWith(assembleConfigText('', '', (cl as { options: string }).options));
    expect(c.str('replicaof')).to.equal('127.0.0.1 7001');
  });

  it('CONFIG REWRITE writes replicaof for a backup and removes it for a primary', () => {
    const c = configWith('slaveof h 1');
    expect(rewriteConfigText('slaveof h 1\n', c)).to.match(/^replicaof h 1\n/);
    c.setInitial('replicaof', ['no', 'one']);
    expect(rewriteConfigText('# x\nslaveof h 1\n', c)).to.not.match(/replicaof|slaveof/);
  });

  it('the slave* names are aliases of the replica* directives', () => {
    const c = configWith('slave-read-only no\nslave-priority 5\nmin-slaves-to-write 2\nmin-slaves-max-lag 3\nrepl-ping-slave-period 4\nslave-announce-ip 1.2.3.4\nslave-announce-port 9');
    expect(c.bool('replica-read-only')).to.equal(false);
    expect(c.num('replica-priority')).to.equal(5);
    expect(c.num('min-replicas-to-write')).to.equal(2);
    expect(c.num('min-replicas-max-lag')).to.equal(3);
    expect(c.num('repl-ping-replica-period')).to.equal(4);
    expect(c.str('replica-announce-ip')).to.equal('1.2.3.4');
    expect(c.num('replica-announce-port')).to.equal(9);
  });

  it('defaults and ranges are Redis 7.0 ones', () => {
    const c = new Config();
    expect([c.bool('replica-read-only'), c.num('replica-priority'), c.num('min-replicas-to-write'), c.num('min-replicas-max-lag')]).to.deep.equal([true, 100, 0, 10]);
    expect([c.num('repl-timeout'), c.num('repl-ping-replica-period'), c.num('replica-announce-port'), c.bool('replica-announced')]).to.deep.equal([60, 10, 0, true]);
    expect([c.str('masterauth'), c.str('masteruser'), c.str('replica-announce-ip')]).to.deep.equal(['', '', '']);
    expect(parse('repl-timeout', '0')).to.equal('argument must be between 1 and 2147483647 inclusive');
    expect(parse('repl-ping-replica-period', '0')).to.equal('argument must be between 1 and 2147483647 inclusive');
    expect(parse('replica-announce-port', '-1')).to.equal('argument must be between 0 and 65535 inclusive');
    expect(parse('min-replicas-to-write', '-1')).to.equal('argument must be between 0 and 2147483647 inclusive');
  });

  it('replicaof is immutable at run time, the others are mutable', () => {
    expect(lookupDirective('slaveof')!.mutability).to.equal('immutable');
    for (const n of ['masterauth', 'masteruser', 'replica-read-only', 'min-replicas-to-write', 'sync-backups', 'sync-backups-timeout']) {
      expect(lookupDirective(n)!.mutability, n).to.equal('mutable');
    }
  });

  it('sync-backups is 0..16 (default 0) and sync-backups-timeout is milliseconds (default 10000), both faha own', () => {
    const c = new Config();
    expect([c.num('sync-backups'), c.num('sync-backups-timeout')]).to.deep.equal([0, 10000]);
    expect(parse('sync-backups', '17')).to.equal('argument must be between 0 and 16 inclusive');
    expect(parse('sync-backups', '2')).to.equal(2n);
    expect(lookupDirective('sync-backups')!.fahaOnly).to.equal(true);
    expect(lookupDirective('sync-backups-timeout')!.fahaOnly).to.equal(true);
  });
});
