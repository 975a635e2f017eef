// Unit tests: directive value parsing and printing, against what Redis 7.0's config.c accepts and answers.
import { expect } from 'chai';
import { DIRECTIVE_BY_NAME } from './schema.js';
import { formatValue, memtoull, parseValue, string2ll, trimmedFixed } from './values.js';

const d = (name: string) => DIRECTIVE_BY_NAME.get(name)!;

describe('config values', () => {
  it('string2ll takes canonical signed 64-bit integers only', () => {
    expect(string2ll('0')).to.equal(0n);
    expect(string2ll('-12')).to.equal(-12n);
    expect(string2ll('9223372036854775807')).to.equal(9223372036854775807n);
    expect(string2ll('-9223372036854775808')).to.equal(-9223372036854775808n);
    for (const bad of ['', '-', '-0', '01', '+1', ' 1', '1 ', '1.0', '9223372036854775808', '1e3', 'x']) {
      expect(string2ll(bad), JSON.stringify(bad)).to.equal(null);
    }
  });

  it('memtoull reads digits with Redis units, no digits as 0, and saturates like strtoull', () => {
    expect(memtoull('1k')).to.equal(1000n);
    expect(memtoull('1KB')).to.equal(1024n);
    expect(memtoull('2mb')).to.equal(2n * 1024n * 1024n);
    expect(memtoull('3G')).to.equal(3_000_000_000n);
    expect(memtoull('7b')).to.equal(7n);
    expect(memtoull('')).to.equal(0n);
    expect(memtoull('gb')).to.equal(0n);
    expect(memtoull('99999999999999999999999')).to.equal(2n ** 64n - 1n);
    for (const bad of ['-1', '+1', ' 1', '1 kb', '1.5mb', '1tb', '1kbb', '99999999999999999999gb']) {
      expect(memtoull(bad), JSON.stringify(bad)).to.equal(null);
    }
  });

  it('numbers outside a directive range name the range in its signedness', () => {
    expect(parseValue(d('maxclients'), ['0'])).to.deep.equal({ error: 'argument must be between 1 and 4294967295 inclusive' });
    expect(parseValue(d('maxclients'), ['-1'])).to.deep.equal({ error: 'argument must be between 1 and 4294967295 inclusive' });
    expect(parseValue(d('timeout'), ['-1'])).to.deep.equal({ error: 'argument must be between 0 and 2147483647 inclusive' });
    expect(parseValue(d('proto-max-bulk-len'), ['18446744073709551615'])).to.deep.equal({
      error: 'argument must be between 1048576 and 9223372036854775807 inclusive',
    });
    expect(parseValue(d('timeout'), ['x'])).to.deep.equal({ error: "argument couldn't be parsed into an integer" });
    expect(parseValue(d('maxmemory'), ['x'])).to.deep.equal({ error: 'argument must be a memory value' });
    expect(parseValue(d('maxmemory'), ['18446744073709551615'])).to.equal(18446744073709551615n);
  });

  it('hz is accepted at any size and kept within 1..500', () => {
    expect(parseValue(d('hz'), ['0'])).to.equal(1n);
    expect(parseValue(d('hz'), ['100000'])).to.equal(500n);
    expect(parseValue(d('hz'), ['42'])).to.equal(42n);
  });

  it('booleans and enums ignore case; their errors list the choices in Redis order', () => {
    expect(parseValue(d('daemonize'), ['YES'])).to.equal(true);
    expect(parseValue(d('daemonize'), ['1'])).to.deep.equal({ error: "argument must be 'yes' or 'no'" });
    expect(parseValue(d('appendfsync'), ['EverySec'])).to.equal('everysec');
    expect(parseValue(d('appendfsync'), ['x'])).to.deep.equal({ error: 'argument(s) must be one of the following: everysec, always, no' });
    expect(parseValue(d('loglevel'), ['nothing'])).to.deep.equal({ error: 'argument(s) must be one of the following: debug, verbose, notice, warning' });
  });

  it('save takes pairs of seconds (at least 1) and changes (at least 0), or "" for none', () => {
    expect(parseValue(d('save'), ['3600', '1', '300', '100'])).to.equal('3600 1 300 100');
    expect(parseValue(d('save'), [''])).to.equal('');
    expect(parseValue(d('save'), ['0100', '+5'])).to.equal('100 5');
    for (const bad of [['1'], ['0', '1'], ['1', '-1'], ['a', 'b'], ['1', '2', '3']]) {
      expect(parseValue(d('save'), bad), bad.join(' ')).to.deep.equal({ error: 'Invalid save parameters' });
    }
  });

  it('bind takes up to 16 addresses, and latency percentiles numbers within [0, 100]', () => {
    expect(parseValue(d('bind'), ['127.0.0.1', '-::1'])).to.equal('127.0.0.1 -::1');
    expect(parseValue(d('bind'), Array(17).fill('1.2.3.4'))).to.deep.equal({ error: 'Too many bind addresses specified.' });
    expect(parseValue(d('latency-tracking-info-percentiles'), ['50', '99.90', '100'])).to.equal('50 99.9 100');
    expect(parseValue(d('latency-tracking-info-percentiles'), ['101'])).to.deep.equal({
      error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]',
    });
    expect(parseValue(d('latency-tracking-info-percentiles'), [' 1'])).to.deep.equal({ error: 'Invalid latency-tracking-info-percentiles parameters' });
  });

  it('dbfilename must be a bare file name', () => {
    expect(parseValue(d('dbfilename'), ['a/b.rdb'])).to.deep.equal({ error: "dbfilename can't be a path, just a filename" });
  });

  it('values print as CONFIG GET shows them, dir as an absolute path', () => {
    expect(formatValue(d('daemonize'), false)).to.equal('no');
    expect(formatValue(d('maxmemory'), 1024n)).to.equal('1024');
    expect(formatValue(d('dir'), '/tmp/x/../y')).to.equal('/tmp/y');
    expect(formatValue(d('dir'), 'data')).to.equal(`${process.cwd()}/data`);
    expect(trimmedFixed(99.9)).to.equal('99.9');
    expect(trimmedFixed(50)).to.equal('50');
  });
});
