// Unit tests: faha-server's arguments read as redis-server's main() reads them; the line numbers and texts of
// the assembled configuration are those redis-server 7.0 prints for the same arguments.
import { expect } from 'chai';
import { assembleConfigText, parseCommandLine, reprArg } from './command-line.js';

function optionsOf(argv: string[]): string {
  const cl = parseCommandLine(argv);
  if (cl.kind !== 'run') throw new Error(cl.kind);
  return cl.options;
}

describe('command line', () => {
  it('recognises --version, -v, --help and -h only as the first argument', () => {
    expect(parseCommandLine(['-v']).kind).to.equal('version');
    expect(parseCommandLine(['--version']).kind).to.equal('version');
    expect(parseCommandLine(['-h']).kind).to.equal('help');
    expect(parseCommandLine(['--help']).kind).to.equal('help');
    expect(optionsOf(['--port', '1', '--version'])).to.equal('port "1" \nversion ');
  });

  it('takes a first argument not starting with "-" as the config file', () => {
    expect(parseCommandLine(['faha.conf', '--port', '7000'])).to.deep.equal({ kind: 'run', configFile: 'faha.conf', stdin: false, options: 'port "7000" ' });
    expect(parseCommandLine([])).to.deep.equal({ kind: 'run', configFile: null, stdin: false, options: '' });
  });

  it('reads "-" as stdin only first or last', () => {
    expect(parseCommandLine(['-']).kind === 'run' && parseCommandLine(['-'])).to.include({ stdin: true });
    expect(parseCommandLine(['a.conf', '--port', '1', '-'])).to.include({ stdin: true, options: 'port "1" ' });
    expect(parseCommandLine(['--port', '5', '-', '--bogus'])).to.include({ stdin: false, options: 'port "5" "-" \nbogus ' });
  });

  it('quotes option values and gives every word after a name to it', () => {
    expect(optionsOf(['--requirepass', 'a b', '--port', 'x"y'])).to.equal('requirepass "a b" \nport "x\\"y" ');
    expect(optionsOf(['--bind', '127.0.0.1', '::1'])).to.equal('bind "127.0.0.1" "::1" ');
    expect(optionsOf(['--port 6380', 'x'])).to.equal('port 6380 "x" ');
    expect(optionsOf(['-x'])).to.equal('"-x" ');
  });

  it('gives a lone option name the next word even when it starts with --, except --save', () => {
    expect(optionsOf(['--requirepass', '--foo', '--bogus', '1'])).to.equal('requirepass "--foo" \nbogus "1" ');
    expect(optionsOf(['--save', '--bogus', '1'])).to.equal('save ""\nbogus "1" ');
    expect(optionsOf(['--save'])).to.equal('save ""');
    expect(optionsOf(['--save', ''])).to.equal('save "" ');
  });

  it('puts options on the lines after the file and stdin, as Redis counts them', () => {
    const text = assembleConfigText('port 1\n', '', optionsOf(['--bogus', '2']));
    expect(text.split('\n')).to.deep.equal(['port 1', '', 'bogus "2" ']);
    expect(assembleConfigText('', '', optionsOf(['--port', 'abc'])).split('\n')[1]).to.equal('port "abc" ');
    expect(assembleConfigText('a\n', 'b\n', '')).to.equal('a\nb\n');
  });

  it('escapes like sdscatrepr', () => {
    expect(reprArg('a\\b"\n\r\t\x07\x08\x01é')).to.equal('"a\\\\b\\"\\n\\r\\t\\a\\b\\x01\\xc3\\xa9"');
  });
});
