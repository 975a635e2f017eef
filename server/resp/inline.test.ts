// Unit tests of inline splitting: quotes, escapes and blanks as Redis's sdssplitargs treats them. The same
// lines are checked against a real redis-server in compat-tests/protocol.test.ts.
import { expect } from 'chai';
import { splitInlineArgs } from './inline.js';

function split(line: string): string[] | null {
  const r = splitInlineArgs(Buffer.from(line, 'latin1'));
  return r === null ? null : r.map((b) => b.toString('latin1'));
}

/** Lines and the arguments Redis makes of them (null: "unbalanced quotes"). Shared with the differential test. */
export const INLINE_CASES: [string, string[] | null][] = [
  ['a b', ['a', 'b']],
  ['  a   b  ', ['a', 'b']],
  ['', []],
  ['   ', []],
  ['a\tb', ['a', 'b']],
  ['"a b"', ['a b']],
  ['"a\\x41b"', ['aAb']],
  ['"\\xFf\\x00"', ['\xff\x00']],
  ['"\\x4"', ['x4']],
  ['"\\xZZ"', ['xZZ']],
  ['"\\x"', ['x']],
  ['"\\n\\r\\t\\b\\a\\q\\\\"', ['\n\r\t\b\x07q\\']],
  ['"a"b', null],
  ['"a""b"', null],
  ['"a" b', ['a', 'b']],
  ['"a"\x0bb', ['a', 'b']],
  ['"a"\x0b', ['a']],
  ['"a"\rb', ['a', 'b']],
  ["'a\\'b'", ["a'b"]],
  ["'a\\nb'", ['a\\nb']],
  ["'\\\\'", null],
  ["'ab'c", null],
  ['a"b c"d', null],
  ['ab"cd"', ['abcd']],
  ["ab'c d'", ['abc d']],
  ['a\x0bb', ['a\x0bb']],
  ['a\x0cb', ['a\x0cb']],
  [' \x0c a \x0b', ['a']],
  ['"abc', null],
  ["'abc", null],
  ['"abc\\"', null],
  ['"abc\\\\"', ['abc\\']],
  ['"a\\', null],
  ['"a\\"b"', ['a"b']],
  ['""', ['']],
  ["''", ['']],
  ['"" \'\'', ['', '']],
  ["'a\"b'", ['a"b']],
  ['"a\'b"', ["a'b"]],
  ['\xff\x80 \xe9', ['\xff\x80', '\xe9']],
  ['set k v\x0b', ['set', 'k', 'v\x0b']],
];

describe('splitInlineArgs', () => {
  it('splits lines into arguments as sdssplitargs does', () => {
    for (const [line, want] of INLINE_CASES) expect(split(line), JSON.stringify(line)).to.deep.equal(want);
  });

  it('stops at a NUL byte as a C string would', () => {
    expect(split('a\0b c')).to.deep.equal(['a']);
    expect(split('"a\0b"')).to.equal(null);
    expect(split('\0a')).to.deep.equal([]);
  });

  it('returns copies, not views of the line', () => {
    const line = Buffer.from('abc def');
    const args = splitInlineArgs(line)!;
    line.fill(0x7a);
    expect(args.map(String)).to.deep.equal(['abc', 'def']);
  });
});
