import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { now, resetClock, shiftClock } from '../clock.js';
import { Entry } from '../engine/entry.js';
import { Store } from '../engine/store.js';
import { openBackend } from '../platform/pmem.js';
import { Keyspace, type KeyspaceCounters } from './keyspace.js';
import { parseLongDouble } from './number-parse.js';
import {
  NOT_FINITE, NOT_FLOAT, NOT_INTEGER, OVERFLOW, TOO_LARGE,
  append, changeExpiry, getDel, incrBy, incrByFloat, lookupStringRead, setMany, setRange, setValue,
} from './strings.js';
import { StringEncoding, ValueType, WRONGTYPE } from './types.js';

const backend = openBackend('auto');
const plain = { nx: false, xx: false, keepTtl: false, expireAt: 0 };

describe('keyspace: string operations', () => {
  let dir: string;
  let store: Store;
  let ks: Keyspace;
  let counters: KeyspaceCounters;

  const open = () => {
    store = new Store({ dir, databases: 2, segmentSize: 1 << 20, backend, fsync: 'always' });
    counters = { expiredKeys: 0, keyspaceHits: 0, keyspaceMisses: 0 };
    ks = new Keyspace(store, counters);
  };
  const value = (key: string, db = 0) => {
    const e = ks.peek(db, key);
    return e === undefined ? undefined : ks.valueOf(e).toString('latin1');
  };
  /** A key of another type, as a collection family would leave it in the index. */
  const putList = (key: string) => store.dbs[0].set(key, new Entry(ValueType.List, 0, 0, 0, 0, 0, []));
  const reopen = () => {
    store.log.close();
    open();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'faha-strings-'));
    open();
  });
  afterEach(() => {
    store.log.close();
    resetClock();
    rmSync(dir, { recursive: true, force: true });
  });

  it('setValue honours NX and XX and picks the encoding SET would', () => {
    expect(setValue(ks, 0, 'k', Buffer.from('12'), { ...plain, xx: true })).to.equal(false);
    expect(setValue(ks, 0, 'k', Buffer.from('12'), { ...plain, nx: true })).to.equal(true);
    expect(setValue(ks, 0, 'k', Buffer.from('x'), { ...plain, nx: true })).to.equal(false);
    expect(ks.peek(0, 'k')!.enc).to.equal(StringEncoding.Int);
    setValue(ks, 0, 'k', Buffer.from('x'.repeat(45)), plain);
    expect(ks.peek(0, 'k')!.enc).to.equal(StringEncoding.Raw);
  });

  it('setValue keeps the deadline only with KEEPTTL and sets a new one when given', () => {
    const at = now() + 100_000;
    setValue(ks, 0, 'k', Buffer.from('a'), { ...plain, expireAt: at });
    setValue(ks, 0, 'k', Buffer.from('b'), { ...plain, keepTtl: true });
    expect(ks.peek(0, 'k')!.expireAt).to.equal(at);
    setValue(ks, 0, 'k', Buffer.from('c'), plain);
    expect(ks.peek(0, 'k')!.expireAt).to.equal(0);
  });

  it('a value written with a deadline already past is never visible and is counted as expired when found', () => {
    setValue(ks, 0, 'k', Buffer.from('v'), { ...plain, expireAt: 1 });
    expect(lookupStringRead(ks, 0, 'k')).to.equal(undefined);
    expect(counters.expiredKeys).to.equal(1);
  });

  it('lookups for reading count hits and misses', () => {
    setValue(ks, 0, 'k', Buffer.from('v'), plain);
    lookupStringRead(ks, 0, 'k');
    lookupStringRead(ks, 0, 'missing');
    expect([counters.keyspaceHits, counters.keyspaceMisses]).to.deep.equal([1, 1]);
  });

  it('every operation reports WRONGTYPE for a key of another type and leaves it alone', () => {
    putList('l');
    expect(lookupStringRead(ks, 0, 'l')).to.equal(WRONGTYPE);
    expect(getDel(ks, 0, 'l')).to.equal(WRONGTYPE);
    expect(incrBy(ks, 0, 'l', 1n)).to.equal(WRONGTYPE);
    expect(incrByFloat(ks, 0, 'l', null)).to.equal(WRONGTYPE);
    expect(append(ks, 0, 'l', Buffer.from('x'), 100)).to.equal(WRONGTYPE);
    expect(setRange(ks, 0, 'l', 0, Buffer.alloc(0), 100)).to.equal(WRONGTYPE);
    expect(ks.peek(0, 'l')!.type).to.equal(ValueType.List);
  });

  it('setMany with nx writes nothing when any key exists, a key of another type included', () => {
    putList('l');
    expect(setMany(ks, 0, ['a', 'l'], [Buffer.from('1'), Buffer.from('2')], true)).to.equal(false);
    expect(ks.peek(0, 'a')).to.equal(undefined);
    expect(setMany(ks, 0, ['a', 'b', 'a'], [Buffer.from('1'), Buffer.from('2'), Buffer.from('3')], true)).to.equal(true);
    expect([value('a'), value('b')]).to.deep.equal(['3', '2']);
  });

  it('incrBy counts in 64 bits, keeps the deadline and stores an int', () => {
    const at = now() + 100_000;
    setValue(ks, 0, 'n', Buffer.from('9223372036854775806'), { ...plain, expireAt: at });
    expect(incrBy(ks, 0, 'n', 1n)).to.equal(9223372036854775807n);
    expect(incrBy(ks, 0, 'n', 1n)).to.equal(OVERFLOW);
    expect(ks.peek(0, 'n')!.expireAt).to.equal(at);
    expect(ks.peek(0, 'n')!.enc).to.equal(StringEncoding.Int);
    expect(incrBy(ks, 0, 'm', -9223372036854775808n)).to.equal(-9223372036854775808n);
    expect(incrBy(ks, 0, 'm', -1n)).to.equal(OVERFLOW);
    setValue(ks, 0, 's', Buffer.from('01'), plain);
    expect(incrBy(ks, 0, 's', 1n)).to.equal(NOT_INTEGER);
  });

  it('incrBy with a number delta stores each result\'s own digits, negative ones included', () => {
    expect(incrBy(ks, 0, 'a', 41)).to.equal(41);
    expect(incrBy(ks, 0, 'b', -1000)).to.equal(-1000);
    expect(incrBy(ks, 0, 'a', 1)).to.equal(42);
    expect(incrBy(ks, 0, 'c', 2 ** 52 - 1)).to.equal(2 ** 52 - 1);
    expect(incrBy(ks, 0, 'b', 1000)).to.equal(0);
    expect([value('a'), value('b'), value('c')]).to.deep.equal(['42', '0', String(2 ** 52 - 1)]);
    expect(ks.peek(0, 'b')!.enc).to.equal(StringEncoding.Int);
    setValue(ks, 0, 'n', Buffer.from('9223372036854775806'), plain);
    expect(incrBy(ks, 0, 'n', 1)).to.equal(9223372036854775807n);
    expect(incrBy(ks, 0, 'n', 1)).to.equal(OVERFLOW);
  });

  it('incrByFloat logs the printed long double result, so a restart reads "0.3"', () => {
    expect(incrByFloat(ks, 0, 'f', parseLongDouble(Buffer.from('0.1')))!.toString()).to.equal('0.1');
    expect(incrByFloat(ks, 0, 'f', parseLongDouble(Buffer.from('0.2')))!.toString()).to.equal('0.3');
    expect(ks.peek(0, 'f')!.enc).to.equal(StringEncoding.Embstr);
    reopen();
    expect(value('f')).to.equal('0.3');
  });

  it('incrByFloat checks the stored value before the increment, then refuses NaN and infinity', () => {
    setValue(ks, 0, 's', Buffer.from('abc'), plain);
    expect(incrByFloat(ks, 0, 's', parseLongDouble(Buffer.from('1')))).to.equal(NOT_FLOAT);
    expect(incrByFloat(ks, 0, 'missing', null)).to.equal(NOT_FLOAT);
    expect(incrByFloat(ks, 0, 'missing', parseLongDouble(Buffer.from('inf')))).to.equal(NOT_FINITE);
    expect(ks.peek(0, 'missing')).to.equal(undefined);
  });

  it('append creates with the argument, extends as raw and keeps the deadline', () => {
    expect(append(ks, 0, 'k', Buffer.from('12'), 100)).to.equal(2);
    expect(ks.peek(0, 'k')!.enc).to.equal(StringEncoding.Int);
    const at = now() + 100_000;
    ks.setExpire(0, 'k', ks.peek(0, 'k')!, at);
    expect(append(ks, 0, 'k', Buffer.from('34'), 100)).to.equal(4);
    expect([value('k'), ks.peek(0, 'k')!.enc, ks.peek(0, 'k')!.expireAt]).to.deep.equal(['1234', StringEncoding.Raw, at]);
    expect(append(ks, 0, 'k', Buffer.alloc(97), 100)).to.equal(TOO_LARGE);
    expect(append(ks, 0, 'k', Buffer.alloc(96), 100)).to.equal(100);
  });

  it('setRange pads with zeros, writes nothing for an empty chunk and respects the limit', () => {
    expect(setRange(ks, 0, 'k', 5, Buffer.alloc(0), 100)).to.equal(0);
    expect(ks.peek(0, 'k')).to.equal(undefined);
    expect(setRange(ks, 0, 'k', 2, Buffer.from('ab'), 100)).to.equal(4);
    expect(value('k')).to.equal('\0\0ab');
    expect(setRange(ks, 0, 'k', 0, Buffer.from('x'), 100)).to.equal(4);
    expect(value('k')).to.equal('x\0ab');
    expect(setRange(ks, 0, 'k', 99, Buffer.from('yz'), 100)).to.equal(TOO_LARGE);
    expect(setRange(ks, 0, 'k', Number.MAX_SAFE_INTEGER, Buffer.from('y'), 100)).to.equal(TOO_LARGE);
    expect(setRange(ks, 0, 'k', 50, Buffer.alloc(0), 100)).to.equal(4);
    expect(ks.peek(0, 'k')!.enc).to.equal(StringEncoding.Raw);
  });

  it('getDel answers the old bytes and logs the delete', () => {
    setValue(ks, 0, 'k', Buffer.from('v'), plain);
    expect(getDel(ks, 0, 'k')!.toString()).to.equal('v');
    expect(getDel(ks, 0, 'k')).to.equal(null);
    reopen();
    expect(ks.peek(0, 'k')).to.equal(undefined);
  });

  it('changeExpiry deletes for a past deadline without counting an expiry, persists, or sets', () => {
    setValue(ks, 0, 'k', Buffer.from('v'), { ...plain, expireAt: now() + 1000 });
    changeExpiry(ks, 0, 'k', ks.peek(0, 'k')!, 'persist');
    expect(ks.peek(0, 'k')!.expireAt).to.equal(0);
    changeExpiry(ks, 0, 'k', ks.peek(0, 'k')!, now() + 5000);
    shiftClock(6000);
    expect(ks.peek(0, 'k')).to.equal(undefined);
    setValue(ks, 0, 'j', Buffer.from('v'), plain);
    changeExpiry(ks, 0, 'j', ks.peek(0, 'j')!, now() - 1);
    expect(ks.peek(0, 'j')).to.equal(undefined);
    expect(counters.expiredKeys).to.equal(1);
    reopen();
    expect(ks.store.dbs[0].get('j')).to.equal(undefined);
  });
});
