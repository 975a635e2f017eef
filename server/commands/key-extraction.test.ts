// Key finding from key specs: every begin_search / find_keys form, the ways a spec can fail to apply, and the
// commands whose key flags depend on their arguments. Expected results follow Redis 7.0's getKeysUsingKeySpecs.
import { expect } from 'chai';
import { commandHasKeys, commandKeys, keysFromSpecs, type KeyRef } from './key-extraction.js';
import type { CommandSpec, KeySpec } from './types.js';

const argv = (...words: string[]): Buffer[] => words.map((w) => Buffer.from(w, 'latin1'));
const positions = (keys: KeyRef[] | null): number[] | null => (keys === null ? null : keys.map((k) => k.pos));

function range(index: number, lastKey: number, keyStep = 1, limit = 0, flags = ['RW']): KeySpec {
  return { flags, beginSearch: { type: 'index', index }, findKeys: { type: 'range', lastKey, keyStep, limit } };
}
function keyword(word: string, startFrom: number, lastKey: number, flags = ['RO']): KeySpec {
  return { flags, beginSearch: { type: 'keyword', keyword: word, startFrom }, findKeys: { type: 'range', lastKey, keyStep: 1, limit: 0 } };
}
function keynum(index: number, keyNumIdx: number, firstKey: number, keyStep = 1): KeySpec {
  return { flags: ['RO'], beginSearch: { type: 'index', index }, findKeys: { type: 'keynum', keyNumIdx, firstKey, keyStep } };
}
function cmd(name: string, keySpecs: KeySpec[] | undefined, arity = -2): CommandSpec {
  return { name, arity, flags: [], firstKey: 0, lastKey: 0, step: 0, aclCategories: [], summary: '', since: '', group: 'generic', keySpecs };
}

describe('key extraction', () => {
  it('finds one key at a fixed index (GET)', () => {
    expect(keysFromSpecs([range(1, 0)], argv('get', 'k'))).to.deep.equal([{ pos: 1, flags: ['RW'] }]);
  });

  it('finds keys up to the end of the request with a negative lastkey (DEL, EXISTS)', () => {
    expect(positions(keysFromSpecs([range(1, -1)], argv('del', 'a', 'b', 'c')))).to.deep.equal([1, 2, 3]);
  });

  it('steps over values between keys (MSET), keeping a trailing key without value', () => {
    expect(positions(keysFromSpecs([range(1, -1, 2)], argv('mset', 'a', '1', 'b', '2')))).to.deep.equal([1, 3]);
    expect(positions(keysFromSpecs([range(1, -1, 2)], argv('mset', 'a', '1', 'b')))).to.deep.equal([1, 3]);
  });

  it('divides the remaining arguments by the limit when one is set', () => {
    expect(positions(keysFromSpecs([range(1, -1, 1, 2)], argv('x', 'a', 'b', 'c', 'd')))).to.deep.equal([1, 2]);
  });

  it('concatenates the keys of several specs in spec order (COPY, RENAME)', () => {
    const keys = keysFromSpecs([range(1, 0, 1, 0, ['RO', 'access']), range(2, 0, 1, 0, ['OW', 'update'])], argv('copy', 'a', 'b', 'DB', '1'));
    expect(keys).to.deep.equal([{ pos: 1, flags: ['RO', 'access'] }, { pos: 2, flags: ['OW', 'update'] }]);
  });

  it('searches a keyword forwards from a positive startfrom, case-insensitively', () => {
    const spec = keyword('STREAMS', 1, -1);
    expect(positions(keysFromSpecs([spec], argv('xread', 'COUNT', '2', 'streams', 's1', 's2')))).to.deep.equal([4, 5]);
  });

  it('searches a keyword backwards from a negative startfrom', () => {
    const spec = keyword('STORE', -2, 0);
    expect(positions(keysFromSpecs([spec], argv('georadius', 'k', 'STORE', 'a', 'STORE', 'dst')))).to.deep.equal([5]);
  });

  it('skips a spec whose keyword is absent, keeping the other specs', () => {
    expect(positions(keysFromSpecs([range(1, 0), keyword('STORE', 2, 0)], argv('sort', 'k', 'LIMIT', '0', '1')))).to.deep.equal([1]);
  });

  it('reads the number of keys from the request (EVAL-style keynum)', () => {
    expect(positions(keysFromSpecs([keynum(2, 0, 1)], argv('eval', 's', '2', 'a', 'b', 'arg')))).to.deep.equal([3, 4]);
  });

  it('fails a keynum spec whose count is not a non-negative integer, or that has no keys', () => {
    for (const n of ['x', '-1', '01', '+1', '1.0', '']) expect(keysFromSpecs([keynum(2, 0, 1)], argv('eval', 's', n, 'a')), n).to.equal(null);
    expect(keysFromSpecs([keynum(2, 0, 1)], argv('eval', 's', '0'))).to.equal(null);
    expect(keysFromSpecs([keynum(2, 0, 1)], argv('eval', 's'))).to.equal(null);
  });

  it('fails when the keys would run past the end of the request', () => {
    expect(keysFromSpecs([range(2, 0)], argv('x', 'a'))).to.equal(null);
    expect(keysFromSpecs([keynum(2, 0, 1)], argv('eval', 's', '3', 'a'))).to.equal(null);
  });

  it('with partial, skips unusable specs and keeps the keys of the others', () => {
    const specs = [range(1, 0), keynum(2, 0, 1)];
    expect(positions(keysFromSpecs(specs, argv('x', 'a', 'bad'), { partial: true }))).to.deep.equal([1]);
    expect(keysFromSpecs(specs, argv('x', 'a', 'bad'))).to.equal(null);
  });

  it('reports the keys of an incomplete spec only when partial results are allowed', () => {
    const spec = range(1, 0, 1, 0, ['RO', 'incomplete']);
    expect(keysFromSpecs([spec], argv('x', 'a'))).to.equal(null);
    expect(positions(keysFromSpecs([spec], argv('x', 'a'), { partial: true }))).to.deep.equal([1]);
  });

  it('leaves out not_key specs unless asked for them', () => {
    const spec = range(1, 0, 1, 0, ['not_key']);
    expect(keysFromSpecs([spec], argv('x', 'a'))).to.deep.equal([]);
    expect(positions(keysFromSpecs([spec], argv('x', 'a'), { includeNotKeys: true }))).to.deep.equal([1]);
  });

  it('fails on a spec of unknown form', () => {
    const unknown: KeySpec = { flags: [], beginSearch: { type: 'unknown' }, findKeys: { type: 'unknown' } };
    expect(keysFromSpecs([unknown], argv('x', 'a'))).to.equal(null);
  });

  it('says a command has keys when it has a spec that is not not_key', () => {
    expect(commandHasKeys(cmd('get', [range(1, 0)]))).to.equal(true);
    expect(commandHasKeys(cmd('ping', undefined))).to.equal(false);
    expect(commandHasKeys(cmd('pub', [range(1, 0, 1, 0, ['not_key'])]))).to.equal(false);
  });

  it('gives SET the flags its arguments imply: read-write with GET, an overwrite without', () => {
    const set = cmd('set', [range(1, 0, 1, 0, ['RW', 'access', 'update', 'variable_flags'])], -3);
    expect(commandKeys(set, argv('set', 'k', 'v'))).to.deep.equal([{ pos: 1, flags: ['OW', 'update'] }]);
    expect(commandKeys(set, argv('set', 'k', 'v', 'NX', 'gEt'))).to.deep.equal([{ pos: 1, flags: ['RW', 'access', 'update'] }]);
    expect(commandKeys(set, argv('set', 'k', 'get'))).to.deep.equal([{ pos: 1, flags: ['OW', 'update'] }]);
  });

  it('gives no keys for a command without key specs or with specs that do not apply', () => {
    expect(commandKeys(cmd('ping', undefined), argv('ping'))).to.deep.equal([]);
    expect(commandKeys(cmd('eval', [keynum(2, 0, 1)]), argv('eval', 's', '0'))).to.deep.equal([]);
  });
});
