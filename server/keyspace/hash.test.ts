// Unit tests: hash operations change the object, log effects that rebuild it exactly through a real Store reopen
// (every op code and the image), pick the encoding Redis reports, and notify in Redis's order.
import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecOf } from '../engine/collections.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { ENCODING_LIMITS } from './encoding-limits.js';
import {
  HASH_NOT_FINITE, HASH_NOT_FLOAT, HASH_NOT_INTEGER, HASH_OVERFLOW, HashObject,
  hashDelete, hashEntries, hashFromEntries, hashIncrBy, hashIncrByFloat, hashSet, hashSetNx, hashSetOne, readHash,
} from './hash.js';
import { hashImageField } from './hash/codec.js';
import { FieldIndex } from './hash/field-index.js';
import { Keyspace } from './keyspace.js';
import { copyKey, encodingName, renameKey } from './keys.js';
import { parseLongDouble } from './number-parse.js';
import { ValueType, WRONGTYPE } from './types.js';

const backend = openBackend('auto');
const b = (s: string) => Buffer.from(s, 'latin1');
const ld = (s: string) => parseLongDouble(b(s))!;

describe('keyspace: hash operations', () => {
  let dir: string;
  let store: Store;
  let ks: Keyspace;
  let events: string[];

  const open = () => {
    store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend, fsync: 'always' });
    ks = new Keyspace(store, { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 });
    events = [];
    ks.onNotify = (_cls, event, db, key) => events.push(`${event}@${db}:${key}`);
  };
  const reopen = () => {
    store.log.close();
    open();
  };
  const contents = (key: string, db = 0): { enc: string; entries: string[][] } | undefined => {
    const h = readHash(ks, db, key);
    if (h === WRONGTYPE) throw new Error(`${key} is not a hash`);
    if (h === undefined) return undefined;
    return { enc: encodingName(ks.peek(db, key)!), entries: [...hashEntries(h)].map(([f, v]) => [f, v.toString('latin1')]) };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-hash-'));
    open();
  });
  afterEach(() => {
    store.log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every op code round-trips: a hash rebuilt from its deltas equals the hash before the reopen', () => {
    hashSet(ks, 0, 'h', [b('a'), b('1'), b('b'), b('2'), b('a'), b('3')]);
    hashSetNx(ks, 0, 'h', b('c'), b('\x00\xff'));
    hashIncrBy(ks, 0, 'h', b('n'), 41n);
    hashIncrBy(ks, 0, 'h', b('n'), 1n);
    hashIncrByFloat(ks, 0, 'h', b('f'), ld('0.1'));
    hashDelete(ks, 0, 'h', [b('b'), b('zz')]);
    hashSet(ks, 0, 'h', [b('b'), b('back')]);
    hashSet(ks, 1, 'big', [b('f'), b('x'.repeat(65))]);
    hashSet(ks, 1, 'big', [b('g'), b('short')]);
    hashSet(ks, 0, 'gone', [b('a'), b('1')]);
    hashDelete(ks, 0, 'gone', [b('a')]);
    const before = [contents('h'), contents('big', 1), contents('gone')];
    expect(before[0]).to.deep.equal({
      enc: 'listpack',
      entries: [['a', '3'], ['c', '\x00\xff'], ['n', '42'], ['f', '0.1'], ['b', 'back']],
    });
    expect(before[1]!.enc).to.equal('hashtable');
    expect(before[2]).to.equal(undefined);
    reopen();
    expect([contents('h'), contents('big', 1), contents('gone')]).to.deep.equal(before);
  });

  it('HSET of one pair given by place in a larger buffer acts as HSET of the same pair, and round-trips', () => {
    /** field and value inside one buffer with bytes around them, as the hot path finds them in its input. */
    const one = (key: string, field: string, value: string, db = 0) => {
      const src = b(`*4\r\n${field}\r\n${value}\r\n`);
      return hashSetOne(ks, db, key, src, 4, field.length, 4 + field.length + 2, value.length);
    };
    const pairs = [['a', '1'], ['b', '2'], ['a', '3'], ['long', 'x'.repeat(65)], ['b', '']];
    const created = pairs.map(([f, v]) => one('h', f, v));
    const viaArgv = pairs.map(([f, v]) => hashSet(ks, 1, 'h', [b(f), b(v)]));
    expect(created).to.deep.equal([1, 1, 0, 1, 0]);
    expect(created).to.deep.equal(viaArgv);
    const before = contents('h');
    expect(before).to.deep.equal({ enc: 'hashtable', entries: [['a', '3'], ['b', ''], ['long', 'x'.repeat(65)]] });
    expect(contents('h', 1)).to.deep.equal(before);
    expect(events.filter((e) => e.endsWith('@0:h'))).to.deep.equal(['new@0:h', ...pairs.map(() => 'hset@0:h')]);
    store.putBytes(0, 's', b('str'), 0, 0);
    expect(one('s', 'f', 'v')).to.equal(WRONGTYPE);
    reopen();
    expect(contents('h')).to.deep.equal(before);
  });

  it('the logged encoding wins on recovery, whatever the limits are then', () => {
    const saved = ENCODING_LIMITS.hashMaxListpackEntries;
    try {
      ENCODING_LIMITS.hashMaxListpackEntries = 2;
      hashSet(ks, 0, 'h', [b('a'), b('1'), b('b'), b('2'), b('c'), b('3')]);
      hashDelete(ks, 0, 'h', [b('a'), b('b')]);
      hashSet(ks, 0, 'small', [b('a'), b('1')]);
      ENCODING_LIMITS.hashMaxListpackEntries = 0;
      reopen();
      expect(contents('h')).to.deep.equal({ enc: 'hashtable', entries: [['c', '3']] });
      expect(contents('small')!.enc).to.equal('listpack');
    } finally {
      ENCODING_LIMITS.hashMaxListpackEntries = saved;
    }
  });

  it('an image (RENAME, COPY) round-trips with its order, encoding and deadline, and later deltas apply on top', () => {
    hashSet(ks, 0, 'h', [b('z'), b('1'), b('y'), b('2')]);
    hashSet(ks, 0, 'big', [b('x'.repeat(70)), b('v')]);
    ks.setExpire(0, 'h', ks.peek(0, 'h')!, 4102444800000);
    expect(copyKey(ks, 0, 'h', 1, 'copy', false)).to.equal(true);
    renameKey(ks, 0, 'big', 'big2', false);
    hashSet(ks, 1, 'copy', [b('x'), b('3')]);
    expect(contents('h')!.entries).to.have.length(2);
    reopen();
    expect(contents('copy', 1)).to.deep.equal({ enc: 'listpack', entries: [['z', '1'], ['y', '2'], ['x', '3']] });
    expect(ks.peek(1, 'copy')!.expireAt).to.equal(4102444800000);
    expect(contents('big2')!.enc).to.equal('hashtable');
    expect(contents('big')).to.equal(undefined);
  });

  it('HSET keeps copies: reusing the argument buffers, or overwriting a field in place, changes no other value', () => {
    const field = b('f');
    const value = b('abc');
    expect(hashSet(ks, 0, 'h', [field, value, b('g'), b('xyz')])).to.equal(2);
    value.write('ZZZ', 'latin1');
    expect(copyKey(ks, 0, 'h', 0, 'copy', false)).to.equal(true);
    const before = readHash(ks, 0, 'copy') as HashObject;
    const held = before.get('f')!;
    // Same length (overwritten in place), then another length (replaced), then the reused argument again.
    expect(hashSet(ks, 0, 'h', [b('f'), b('def'), b('g'), b('longer')])).to.equal(0);
    const reused = b('123');
    hashSet(ks, 0, 'h', [b('f'), reused]);
    reused.write('999', 'latin1');
    expect(contents('h')!.entries).to.deep.equal([['f', '123'], ['g', 'longer']]);
    expect(contents('copy')!.entries).to.deep.equal([['f', 'abc'], ['g', 'xyz']]);
    expect(held.toString('latin1')).to.equal('abc');
    reopen();
    expect(contents('h')!.entries).to.deep.equal([['f', '123'], ['g', 'longer']]);
  });

  it('HSET of many pairs ends in the encoding a per-pair check would leave, and counts only new fields', () => {
    const pairs: Buffer[] = [];
    for (let i = 0; i <= ENCODING_LIMITS.hashMaxListpackEntries; i++) pairs.push(b(`f${i % (ENCODING_LIMITS.hashMaxListpackEntries - 1)}`), b('v'));
    expect(hashSet(ks, 0, 'small', pairs)).to.equal(ENCODING_LIMITS.hashMaxListpackEntries - 1);
    expect(contents('small')!.enc).to.equal('listpack');
    pairs.push(b('one-more'), b('v'), b('one-more'), b('w'), b('last'), b('v'));
    expect(hashSet(ks, 0, 'small', pairs)).to.equal(2);
    expect(contents('small')!.enc).to.equal('hashtable');
  });

  it('the codec decodes what it encodes', () => {
    const obj = hashFromEntries([['a', b('1')], ['\x00', b('')]]);
    const back = codecOf(ValueType.Hash)!.decodeImage(codecOf(ValueType.Hash)!.encodeImage(obj)) as HashObject;
    expect([...back.entries()]).to.deep.equal([...obj.entries()]);
    expect(back.listpack).to.equal(true);
  });

  it('statuses: WRONGTYPE, values that are not numbers, overflow and infinite sums', () => {
    ks.setString(0, 's', b('x'), 0);
    expect(hashSet(ks, 0, 's', [b('a'), b('1')])).to.equal(WRONGTYPE);
    expect(hashDelete(ks, 0, 's', [b('a')])).to.equal(WRONGTYPE);
    expect(readHash(ks, 0, 's')).to.equal(WRONGTYPE);
    hashSet(ks, 0, 'h', [b('w'), b('abc'), b('max'), b('9223372036854775807'), b('big'), b('1e4932')]);
    expect(hashIncrBy(ks, 0, 'h', b('w'), 1n)).to.equal(HASH_NOT_INTEGER);
    expect(hashIncrBy(ks, 0, 'h', b('max'), 1n)).to.equal(HASH_OVERFLOW);
    expect(hashIncrBy(ks, 0, 'h', b('max'), -1n)).to.equal(9223372036854775806n);
    expect(hashIncrByFloat(ks, 0, 'h', b('w'), ld('1'))).to.equal(HASH_NOT_FLOAT);
    expect(hashIncrByFloat(ks, 0, 'h', b('big'), ld('1e4932'))).to.equal(HASH_NOT_FINITE);
    expect(hashSetNx(ks, 0, 'h', b('w'), b('other'))).to.equal(false);
    expect(hashDelete(ks, 0, 'nokey', [b('a')])).to.equal(0);
  });

  it('notifies as t_hash.c does: the command\'s event, then del when the hash emptied', () => {
    hashSet(ks, 0, 'h', [b('a'), b('1'), b('b'), b('2')]);
    hashSetNx(ks, 0, 'h', b('a'), b('1'));
    hashIncrBy(ks, 0, 'h', b('n'), 1n);
    hashIncrByFloat(ks, 0, 'h', b('n'), ld('1'));
    hashDelete(ks, 0, 'h', [b('zz')]);
    hashDelete(ks, 0, 'h', [b('a'), b('b'), b('n'), b('after')]);
    // 'new' (a key was created) is the keyspace's own event, not this family's.
    expect(events.filter((e) => !e.startsWith('new@'))).to.deep.equal(['hset@0:h', 'hincrby@0:h', 'hincrbyfloat@0:h', 'hdel@0:h', 'del@0:h']);
    expect(ks.peek(0, 'h')).to.equal(undefined);
  });
});

describe('keyspace: hash field index', () => {
  it('a scan visits every field present throughout, while others are removed and re-added', () => {
    const idx = new FieldIndex(Array.from({ length: 100 }, (_, i) => `f${i}`));
    const live = new Set(Array.from({ length: 100 }, (_, i) => `f${i}`));
    const seen = new Set<string>();
    let cursor = 0;
    let round = 0;
    do {
      const step = idx.scan(cursor, 7);
      step.fields.forEach((f) => seen.add(f));
      for (const f of [`f${round * 2 + 1}`, `f${(round * 2 + 51) % 100}`]) {
        idx.remove(f);
        live.delete(f);
      }
      idx.add(`new${round}`);
      cursor = step.cursor;
      round++;
    } while (cursor !== 0);
    for (let i = 0; i < 100; i += 2) expect(seen.has(`f${i}`), `f${i}`).to.equal(true);
  });

  it('compacts dead slots without losing live fields or their order', () => {
    const idx = new FieldIndex(Array.from({ length: 200 }, (_, i) => `f${i}`));
    for (let i = 0; i < 190; i++) idx.remove(`f${i}`);
    const all = idx.scan(0, 1000);
    expect(all.cursor).to.equal(0);
    expect(all.fields).to.deep.equal(Array.from({ length: 10 }, (_, i) => `f${190 + i}`));
    for (let i = 0; i < 50; i++) expect(all.fields).to.include(idx.random());
  });

  it('a field removed and added again is live once, at its new place', () => {
    const idx = new FieldIndex(['a', 'b', 'c']);
    idx.remove('a');
    idx.add('a');
    expect(idx.scan(0, 10).fields).to.deep.equal(['b', 'c', 'a']);
    const first = idx.scan(0, 1);
    expect(first.fields).to.deep.equal(['b']);
    expect(idx.scan(first.cursor, 10).fields).to.deep.equal(['c', 'a']);
  });
});

describe('keyspace: hash fields read from an IMAGE', () => {
  it('finds every field of an image (binary, empty, prefixes of each other) and nothing else', () => {
    const h = new HashObject();
    const fields: [string, string][] = [['f', 'one'], ['f1', ''], ['ff', 'x'.repeat(300)], ['', 'empty name'], ['\u0000\u00ff\r\n', 'bin\u0000']];
    for (const [f, v] of fields) h.set(f, b(v));
    const image = codecOf(ValueType.Hash)!.encodeImage(h);
    for (const [f, v] of fields) expect(hashImageField(image, b(f))?.toString('latin1'), `field ${JSON.stringify(f)}`).to.equal(v);
    for (const missing of ['F', 'f2', 'fff', 'one', '\u0000']) expect(hashImageField(image, b(missing)), missing).to.equal(undefined);
    expect(hashImageField(codecOf(ValueType.Hash)!.encodeImage(new HashObject()), b('f'))).to.equal(undefined);
  });
});
