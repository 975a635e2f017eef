// Unit tests: how DEBUG SLEEP reads its argument (C's strtod) and turns it into a sleep, and SHUTDOWN's grammar.
import { expect } from 'chai';
import { ErrorReply } from '../types.js';
import { sleepMillis, strtodPrefix } from './debug.js';
import { parseShutdown } from './shutdown.js';

describe('DEBUG SLEEP argument', () => {
  it('reads the longest number at the start, as strtod does', () => {
    const cases: [string, number][] = [
      ['1.5', 1.5], [' 2', 2], ['1x', 1], ['abc', 0], ['', 0], ['-0.25', -0.25], ['.5', 0.5], ['1e-3', 0.001],
      ['0x10', 16], ['0x1.8', 1.5], ['0x', 0], ['+3', 3], ['inf', Infinity], ['-Infinity', -Infinity],
    ];
    for (const [s, v] of cases) expect(strtodPrefix(s), JSON.stringify(s)).to.equal(v);
    expect(strtodPrefix('nan')).to.be.NaN;
  });

  it('sleeps only for a positive number of microseconds within 64 bits', () => {
    expect(sleepMillis(0.25)).to.equal(250);
    expect(sleepMillis(0.0000004)).to.equal(0);
    for (const s of [0, -1, NaN, Infinity, -Infinity, 1e13]) expect(sleepMillis(s), String(s)).to.equal(0);
  });
});

describe('SHUTDOWN arguments', () => {
  const parse = (...words: string[]) => parseShutdown([Buffer.from('SHUTDOWN'), ...words.map((w) => Buffer.from(w))]);

  it('accepts its flags in any case and order, repeated or not', () => {
    expect(parse()).to.deep.equal({ abort: false, save: null, now: false, force: false });
    expect(parse('nosave', 'NOW', 'force', 'now')).to.deep.equal({ abort: false, save: false, now: true, force: true });
    expect(parse('SAVE')).to.deep.equal({ abort: false, save: true, now: false, force: false });
    expect(parse('abort')).to.deep.equal({ abort: true, save: null, now: false, force: false });
  });

  it('refuses unknown words, SAVE with NOSAVE, and ABORT with anything', () => {
    for (const words of [['x'], ['save', 'nosave'], ['abort', 'now'], ['force', 'abort'], ['save', 'abort']]) {
      expect(parse(...words), words.join(' ')).to.be.instanceOf(ErrorReply);
    }
  });
});
