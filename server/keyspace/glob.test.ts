// Unit tests of stringMatch against Redis 7.0's stringmatchlen, including its quirks for malformed patterns
// (the case-sensitive expectations were checked against redis-server's KEYS; KEYS * itself short-cuts to
// "everything", which is why '*' against the empty key is only checked here).
import { expect } from 'chai';
import { stringMatch } from './glob.js';

type Case = [pattern: string, subject: string, expected: boolean];

function check(cases: Case[], nocase = false): void {
  for (const [p, s, want] of cases) {
    expect(stringMatch(p, s, nocase), `${JSON.stringify(p)} ~ ${JSON.stringify(s)}${nocase ? ' (nocase)' : ''}`).to.equal(want);
  }
}

describe('glob: stringMatch', () => {
  it('matches literals, ? and * like Redis', () => {
    check([
      ['hello', 'hello', true],
      ['hello', 'hell', false],
      ['hello', 'hellox', false],
      ['h?llo', 'hello', true],
      ['h?llo', 'hllo', false],
      ['h*llo', 'hllo', true],
      ['h*llo', 'heeeello', true],
      ['h*llo', 'hellox', false],
      ['*', 'anything', true],
      ['a*', 'a', true],
      ['a**', 'a', true],
      ['*a*b*', 'xxaxxbxx', true],
      ['*a*b*', 'xxbxxaxx', false],
      ['?', '', false],
      ['?', 'ab', false],
    ]);
  });

  it('never matches the empty string with a star, and the empty pattern matches only it', () => {
    check([
      ['*', '', false],
      ['**', '', false],
      ['', '', true],
      ['', 'a', false],
    ]);
  });

  it('handles classes, negation and ranges, reversed ranges included (a range may end at the closing bracket)', () => {
    check([
      ['h[ae]llo', 'hallo', true],
      ['h[ae]llo', 'hillo', false],
      ['h[^e]llo', 'hello', false],
      ['h[^e]llo', 'hallo', true],
      ['h[a-b]llo', 'hbllo', true],
      ['h[a-b]llo', 'hcllo', false],
      ['[z-a]', 'b', true],
      ['[z-a]', 'B', false],
      ['x[--z]y', 'x-y', true],
      ['[a-]', 'a', true],
      ['[a-]', '-', false],
      ['[a-]', '_', true],
      ['[!a]', '!', true],
      ['[!a]', 'b', false],
      ['[^a]*', 'b', true],
      ['[^a]*', 'a', false],
      ['[^a]*', 'x-y', true],
      ['a[\\]]', 'a]', true],
      ['a[\\]]', 'a\\', false],
      ['[\\a-c]', '-', true],
      ['[\\a-c]', 'b', false],
    ]);
  });

  it('treats unterminated and empty classes as Redis does', () => {
    check([
      ['a[', 'a[', false],
      ['a[', 'ab', false],
      ['[', '[', false],
      ['a[^', 'ab', true],
      ['a[^', 'a', false],
      ['a[^', 'abc', false],
      ['[^', 'B', true],
      ['[b', 'b', true],
      ['[b', 'c', false],
      ['[b-', 'b', true],
      ['[b-', '-', true],
      ['a[b-', 'ab', true],
      ['a[b-', 'a-', true],
      ['a[]', 'a]', false],
      ['a[]]', 'a]', false],
      ['a[]]', 'a]]', false],
      ['a[^]', 'ab', true],
      ['a[^]', 'a]', true],
    ]);
  });

  it('escapes with a backslash, and a trailing backslash is literal', () => {
    check([
      ['\\*', '*', true],
      ['\\*', 'a', false],
      ['\\?', '?', true],
      ['\\?', 'x', false],
      ['\\[a]', '[a]', true],
      ['a\\', 'a\\', true],
      ['a\\\\', 'a\\', true],
      ['*\\', 'a\\', true],
      ['\\a', 'a', true],
    ]);
  });

  it('compares bytes as signed chars in ranges', () => {
    check([
      ['[\x00-\xff]', '\x00', true],
      ['[\x00-\xff]', 'a', false],
      ['[\x00-\xff]', '\x80', false],
      ['[a-\xff]', '\xff', true],
      ['[a-\xff]', 'A', true],
      ['[a-\xff]', 'b', false],
      ['\xe9*', '\xe9t\xe9', true],
      ['?', '\xff', true],
    ]);
  });

  it('folds only ASCII letters in nocase mode, and never inside escapes', () => {
    check(
      [
        ['HELLO', 'hello', true],
        ['h[A-C]llo', 'hbllo', true],
        ['[z-a]', 'B', true],
        ['h[E]llo', 'hello', true],
        ['\xc9', '\xe9', false],
        ['[\\A]', 'a', false],
        ['\\A', 'a', true],
      ],
      true,
    );
    check([['HELLO', 'hello', false], ['\\A', 'a', false]]);
  });

  it('gives up on patterns nested more than 1000 stars deep', () => {
    const subject = 'a'.repeat(1100);
    expect(stringMatch('*a'.repeat(1000), subject)).to.equal(true);
    expect(stringMatch('*a'.repeat(1001), subject)).to.equal(false);
  });

  it('fails fast on patterns that would backtrack exponentially', () => {
    const t0 = performance.now();
    expect(stringMatch('a*a*a*a*a*a*a*a*a*a*a*a*b', 'a'.repeat(200))).to.equal(false);
    expect(performance.now() - t0).to.be.below(200);
  });
});
