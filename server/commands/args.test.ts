// Unit tests of the shared argument readers (string2ll, strtoul cursors, C-string words and options).
import { expect } from 'chai';
import { cString, isOption, keyString, parseCursor, parseInt32, parseLongLong, word } from './args.js';

const b = (s: string) => Buffer.from(s, 'latin1');

describe('keys args: parseLongLong', () => {
  it('accepts canonical 64-bit integers only', () => {
    expect(parseLongLong(b('0'))).to.equal(0n);
    expect(parseLongLong(b('-1'))).to.equal(-1n);
    expect(parseLongLong(b('9223372036854775807'))).to.equal(2n ** 63n - 1n);
    expect(parseLongLong(b('-9223372036854775808'))).to.equal(-(2n ** 63n));
    for (const bad of ['', '-', '-0', '+1', '01', ' 1', '1 ', '1.5', '9223372036854775808', '-9223372036854775809', '1e3', '00']) {
      expect(parseLongLong(b(bad)), bad).to.equal(null);
    }
  });
});

describe('keys args: parseInt32', () => {
  it('tells a non-integer from an integer outside the C int range', () => {
    expect(parseInt32(b('15'))).to.equal(15);
    expect(parseInt32(b('-2147483648'))).to.equal(-2147483648);
    expect(parseInt32(b('2147483648'))).to.equal('out-of-range');
    expect(parseInt32(b('x'))).to.equal('not-integer');
  });
});

describe('keys args: parseCursor', () => {
  it('reads cursors as strtoul does, refusing spaces, junk and overflow', () => {
    expect(parseCursor(b('0'))).to.equal(0n);
    expect(parseCursor(b(''))).to.equal(0n);
    expect(parseCursor(b('007'))).to.equal(7n);
    expect(parseCursor(b('+5'))).to.equal(5n);
    expect(parseCursor(b('-1'))).to.equal(2n ** 64n - 1n);
    expect(parseCursor(b('18446744073709551615'))).to.equal(2n ** 64n - 1n);
    expect(parseCursor(b('5\x00junk'))).to.equal(5n);
    for (const bad of [' 1', '1 ', 'x', '-', '+', '0x10', '18446744073709551616', '1.0']) expect(parseCursor(b(bad)), bad).to.equal(null);
  });
});

describe('keys args: options', () => {
  it('compares options case-insensitively up to a NUL byte, as strcasecmp on a C string', () => {
    expect(isOption(b('COUNT'), 'count')).to.equal(true);
    expect(isOption(b('count\x00x'), 'count')).to.equal(true);
    expect(isOption(b('counts'), 'count')).to.equal(false);
    expect(cString(b('a\x00b'))).to.equal('a');
  });
});

describe('args: words as C strings', () => {
  it('word lower-cases and stops at a NUL byte, as strcasecmp sees it', () => {
    expect(word(Buffer.from('SkipMe'))).to.equal('skipme');
    expect(word(Buffer.from('yes\0junk'))).to.equal('yes');
  });

  it('cString is the text before a NUL byte', () => {
    expect(cString(Buffer.from('abc\0def'))).to.equal('abc');
    // One char per byte: error replies quoting it are written as latin1, so the client's bytes come back exactly.
    expect(cString(Buffer.from('é'))).to.equal(Buffer.from('é').toString('latin1'));
  });

});

describe('keys args: keyString', () => {
  it('answers each argument with its own bytes as latin1, the same Buffer again included', () => {
    const first = b('key:1\u00ff');
    const second = b('key:2');
    const same = b('key:1\u00ff');
    expect([keyString(first), keyString(second), keyString(first), keyString(same), keyString(b(''))]).to.deep.equal([
      'key:1\u00ff',
      'key:2',
      'key:1\u00ff',
      'key:1\u00ff',
      '',
    ]);
  });
});
