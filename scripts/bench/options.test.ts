// Tests of the benchmark's option parser for the Zipfian benchmark's key types: defaults, --type and --fields, and
// the combinations it refuses.
import { expect } from 'chai';
import { parseOptions, type BenchOptions } from './options.js';

function parsed(argv: string[]): BenchOptions {
  const o = parseOptions(argv);
  if (o === 'help') throw new Error('unexpected help');
  return o;
}

describe('benchmark options for --zipf key types', () => {
  it('--zipf defaults to string keys and 10 fields for hashes', () => {
    const o = parsed(['--zipf']);
    expect(o.type).to.equal('string');
    expect(o.fields).to.equal(10);
  });

  it('--type hash and --fields F are taken with --zipf', () => {
    const o = parsed(['--zipf', '--type', 'hash', '--fields', '25', '--value-size', '32']);
    expect([o.type, o.fields, o.valueSize]).to.deep.equal(['hash', 25, 32]);
  });

  it('refuses an unknown type, a field count below 1, and the options outside --zipf --type hash', () => {
    expect(() => parseOptions(['--zipf', '--type', 'list'])).to.throw('--type must be string or hash, not list');
    expect(() => parseOptions(['--zipf', '--type', 'hash', '--fields', '0'])).to.throw('--fields must be an integer >= 1, not 0');
    expect(() => parseOptions(['--memory', '--type', 'hash'])).to.throw('--type hash is for --zipf');
    expect(() => parseOptions(['--zipf', '--fields', '5'])).to.throw('--fields is for --zipf --type hash');
  });
});
