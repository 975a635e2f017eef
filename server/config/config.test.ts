// Unit tests: loading redis.conf-style text (Redis's line rules and error reports) and committing changes.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config, ConfigError, ConfigFileUnreadable, strerror } from './config.js';
import { DIRECTIVE_BY_NAME } from './schema.js';

function loadError(text: string): ConfigError {
  try {
    new Config().loadText(text);
  } catch (err) {
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('Config', () => {
  it('starts from the schema defaults', () => {
    const c = new Config();
    expect(c.num('port')).to.equal(6379);
    expect(c.str('appendfsync')).to.equal('always');
    expect(c.bool('daemonize')).to.equal(false);
    expect(c.num('maxmemory')).to.equal(0);
  });

  it('reads directives in any case, quoted values, comments and blank lines', () => {
    const c = new Config();
    c.loadText('# comment\n\n  PORT 7000  \r\nrequirepass "a b\\x41"\n\tloglevel \'verbose\'\nbind 10.0.0.1 -::1\n');
    expect(c.num('port')).to.equal(7000);
    expect(c.str('requirepass')).to.equal('a bA');
    expect(c.str('loglevel')).to.equal('verbose');
    expect(c.str('bind')).to.equal('10.0.0.1 -::1');
  });

  it('reports the offending line, its text and Redis message', () => {
    let e = loadError('port 1\n# c\nbogus x\n');
    expect([e.line, e.text, e.message]).to.deep.equal([3, 'bogus x', 'Bad directive or wrong number of arguments']);
    e = loadError('\nport "abc"');
    expect([e.line, e.text, e.message]).to.deep.equal([2, 'port "abc"', "argument couldn't be parsed into an integer"]);
    e = loadError('port 1 2');
    expect(e.message).to.equal('wrong number of arguments');
    e = loadError('port');
    expect(e.message).to.equal('wrong number of arguments');
    e = loadError('requirepass "abc');
    expect(e.message).to.equal('Unbalanced quotes in configuration line');
    e = loadError('maxmemory 1x');
    expect(e.message).to.equal('argument must be a memory value');
  });

  it('skips the directives Redis 7.0 still tolerates as deprecated', () => {
    const c = new Config();
    c.loadText('list-max-ziplist-entries 512\nlua-replicate-commands yes\n');
    expect(loadError('list-max-ziplist-entries 1 2').message).to.equal('Bad directive or wrong number of arguments');
    expect(c.num('port')).to.equal(6379);
  });

  it('replaces the default save points with the first save line and adds later ones', () => {
    const c = new Config();
    c.loadText('save 900 1\nsave 300 10\nsave ""\nsave 60 100');
    expect(c.str('save')).to.equal('900 1 300 10 60 100');
    const empty = new Config();
    empty.loadText('save ""');
    expect(empty.str('save')).to.equal('');
  });

  it('follows include and reports an unreadable file the way Redis logs it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faha-conf-'));
    try {
      writeFileSync(join(dir, 'inc.conf'), 'timeout 77\n');
      const c = new Config();
      c.loadText(`include ${join(dir, 'inc.conf')}\nhz 20`);
      expect(c.num('timeout')).to.equal(77);
      expect(() => c.loadText(`include ${join(dir, 'missing.conf')}`)).to.throw(
        ConfigFileUnreadable,
        `Fatal error, can't open config file '${join(dir, 'missing.conf')}': No such file or directory`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a log file it cannot open', () => {
    const c = new Config();
    c.loadText('logfile /nonexistent-dir/x.log');
    expect(() => c.checkLoaded()).to.throw(ConfigError, "Can't open the log file: No such file or directory");
  });

  it('commit stores every value first, then runs the listeners of changed directives once', () => {
    const c = new Config();
    const seen: string[] = [];
    c.onChange('timeout', () => seen.push(`timeout saw hz=${c.num('hz')}`));
    c.onChange('hz', (v) => seen.push(`hz=${v}`));
    c.commit([
      [DIRECTIVE_BY_NAME.get('timeout')!, 5n],
      [DIRECTIVE_BY_NAME.get('hz')!, 20n],
    ]);
    c.commit([[DIRECTIVE_BY_NAME.get('hz')!, 20n]]);
    expect(seen).to.deep.equal(['timeout saw hz=20', 'hz=20']);
  });

  it('strerror turns Node error messages into C library wording', () => {
    expect(strerror(new Error("EACCES: permission denied, open '/x'"))).to.equal('Permission denied');
  });
});
