// Differential: the bitmap commands (bitops.c) against redis-server 7.0, byte for byte — SETBIT/GETBIT, BITCOUNT
// and BITPOS with BYTE/BIT ranges, BITOP, BITFIELD/BITFIELD_RO with every overflow mode, the errors in Redis's
// order, RESP3 nulls, and a seeded random run comparing replies and resulting values.
import { differential, type Pair } from './harness.js';
import { prng } from '../server/testing/prng.js';

/** Makes `key` a list on both servers: a key of another type for the WRONGTYPE tests. */
async function makeNonString(pair: Pair, key: string): Promise<void> {
  await pair.cmd('LPUSH', key, 'x');
}

describe('compat: bitmap commands', () => {
  const d = differential();

  describe('SETBIT and GETBIT', () => {
    it('SETBIT answers the previous bit, grows the string with zero bytes and GETBIT reads it back', async () => {
      for (const [off, v] of [[7, 1], [7, 1], [7, 0], [0, 1], [100, 1], [3, 1], [100, 0]] as const) {
        await d.pair.cmd('SETBIT', 'k', off, v);
        await d.pair.cmd('GET', 'k');
      }
      for (const off of [0, 1, 3, 7, 99, 100, 101, 1000, 4294967295]) await d.pair.cmd('GETBIT', 'k', off);
      await d.pair.cmd('STRLEN', 'k');
      await d.pair.cmd('GETBIT', 'missing', 5);
      await d.pair.cmd('SETBIT', 'z', 20000, 0);
      await d.pair.cmd('STRLEN', 'z');
    });

    it('SETBIT works on strings SET wrote, int-encoded ones included, and leaves them raw', async () => {
      await d.pair.cmd('SET', 'n', '12345');
      await d.pair.cmd('OBJECT', 'ENCODING', 'n');
      await d.pair.cmd('GETBIT', 'n', 2);
      await d.pair.cmd('GETBIT', 'n', 3);
      await d.pair.cmd('SETBIT', 'n', 6, 0);
      await d.pair.cmd('GET', 'n');
      await d.pair.cmd('OBJECT', 'ENCODING', 'n');
      await d.pair.cmd('SET', 's', 'short');
      await d.pair.cmd('SETBIT', 's', 1, 1);
      await d.pair.cmd('OBJECT', 'ENCODING', 's');
      await d.pair.cmd('SETBIT', 'new', 1, 0);
      await d.pair.cmd('OBJECT', 'ENCODING', 'new');
      await d.pair.cmd('GET', 'new');
    });

    it('SETBIT keeps the deadline of the key', async () => {
      await d.pair.cmd('SET', 'k', 'v', 'EX', '1000');
      await d.pair.cmd('SETBIT', 'k', 30, 1);
      await d.pair.cmd('TTL', 'k');
    });

    it('SETBIT and GETBIT refuse bad offsets before bad bit values', async () => {
      const offsets = ['-1', 'abc', '', '1.5', ' 1', '#1', '4294967296', '9223372036854775808', '+1', '01'];
      for (const off of offsets) {
        await d.pair.cmd('SETBIT', 'k', off, '1');
        await d.pair.cmd('SETBIT', 'k', off, '2');
        await d.pair.cmd('GETBIT', 'k', off);
      }
      for (const v of ['2', '-1', 'a', '', '1.0', '01', '9223372036854775808']) await d.pair.cmd('SETBIT', 'k', '0', v);
      await d.pair.cmd('EXISTS', 'k');
      await d.pair.cmd('GETBIT', 'k', '4294967295');
    });

    it('SETBIT and GETBIT fail against a key holding another type', async function () {
      await makeNonString(d.pair, 'c');
      await d.pair.cmd('SETBIT', 'c', 1, 1);
      await d.pair.cmd('GETBIT', 'c', 1);
      await d.pair.cmd('SETBIT', 'c', -1, 1);
    });
  });

  describe('BITCOUNT', () => {
    it('BITCOUNT counts the whole value or a byte range with negative indexes', async () => {
      await d.pair.cmd('SET', 's', 'foobar');
      await d.pair.cmd('BITCOUNT', 's');
      const ranges = [[0, 0], [1, 1], [0, -1], [-2, -1], [-1, -2], [-100, -200], [0, -100], [2, 100], [5, 2], [-100, 100], [6, 6], [3, -3]];
      for (const [a, b] of ranges) {
        await d.pair.cmd('BITCOUNT', 's', a, b);
        await d.pair.cmd('BITCOUNT', 's', a, b, 'BYTE');
      }
      await d.pair.cmd('BITCOUNT', 'missing');
    });

    it('BITCOUNT counts a bit range', async () => {
      await d.pair.cmd('SET', 's', '\xff\x0f\xf0\xaa');
      const ranges = [[0, 0], [1, 5], [5, 30], [0, -1], [-5, -1], [-1, -5], [7, 8], [3, 3], [12, 11], [31, 100], [-100, 3], [9, 22]];
      for (const [a, b] of ranges) await d.pair.cmd('BITCOUNT', 's', a, b, 'bit');
      await d.pair.cmd('SET', 'n', '1234');
      await d.pair.cmd('BITCOUNT', 'n');
      await d.pair.cmd('BITCOUNT', 'n', 1, 10, 'BiT');
    });

    it('BITCOUNT reads its range only when the key exists, then checks integers before the unit', async () => {
      for (const args of [['a', 'b'], ['1', '2', 'bad'], ['1'], ['1', '2', 'BIT', 'x']]) await d.pair.cmd('BITCOUNT', 'missing', ...args);
      await d.pair.cmd('SET', 's', 'foobar');
      const bad = [['a', '1'], ['1', 'b'], ['1', '2', 'bad'], ['1'], ['1', '2', 'BIT', 'x'], ['a', '1', 'bad'], ['9223372036854775808', '1'], ['1', '2', 'bits']];
      for (const args of bad) await d.pair.cmd('BITCOUNT', 's', ...args);
      await d.pair.cmd('BITCOUNT', 's', '9223372036854775807', '-9223372036854775808');
      await d.pair.cmd('BITCOUNT', 's', '-9223372036854775808', '9223372036854775807', 'BIT');
    });

    it('BITCOUNT fails against a key holding another type', async function () {
      await makeNonString(d.pair, 'c');
      await d.pair.cmd('BITCOUNT', 'c');
      await d.pair.cmd('BITCOUNT', 'c', 'x', 'y');
    });
  });

  describe('BITPOS', () => {
    it('BITPOS finds the first set or clear bit, padding with zeros only without an explicit end', async () => {
      await d.pair.cmd('SET', 'a', '\xff\xf0\x00');
      await d.pair.cmd('SET', 'b', '\x00\x00\x00');
      await d.pair.cmd('SET', 'f', '\xff\xff\xff');
      await d.pair.cmd('SET', 'e', '');
      for (const k of ['a', 'b', 'f', 'e', 'missing']) {
        for (const bit of [0, 1]) {
          await d.pair.cmd('BITPOS', k, bit);
          await d.pair.cmd('BITPOS', k, bit, 1);
          await d.pair.cmd('BITPOS', k, bit, 2, -1);
          await d.pair.cmd('BITPOS', k, bit, -1);
          await d.pair.cmd('BITPOS', k, bit, 0, 0);
          await d.pair.cmd('BITPOS', k, bit, 3, 1);
          await d.pair.cmd('BITPOS', k, bit, -100, -200);
          await d.pair.cmd('BITPOS', k, bit, 1, 100);
        }
      }
    });

    it('BITPOS searches bit ranges', async () => {
      await d.pair.cmd('SET', 'a', '\xff\xf0\x00\x0f');
      for (const bit of [0, 1]) {
        for (const [s, e] of [[0, 3], [3, 13], [7, 9], [12, 27], [13, 31], [-5, -1], [-1, -1], [28, 31], [5, 4], [20, 100], [0, 0], [-100, 5]]) {
          await d.pair.cmd('BITPOS', 'a', bit, s, e, 'BIT');
          await d.pair.cmd('BITPOS', 'a', bit, s, e, 'byte');
        }
        await d.pair.cmd('BITPOS', 'a', bit, 3);
        await d.pair.cmd('BITPOS', 'f', bit, 3, 5, 'bit');
      }
      await d.pair.cmd('SET', 'g', '\xff\xff\xff');
      await d.pair.cmd('BITPOS', 'g', 0, 0, -1, 'BIT');
      await d.pair.cmd('BITPOS', 'g', 0, 3, 20, 'BIT');
    });

    it('BITPOS checks the bit first, then the key, then its range arguments', async () => {
      for (const bit of ['2', '-1', 'a', '']) await d.pair.cmd('BITPOS', 'missing', bit);
      await d.pair.cmd('BITPOS', 'missing', 1, 'x', 'y', 'z');
      await d.pair.cmd('BITPOS', 'missing', 0, 'x');
      await d.pair.cmd('SET', 'a', 'abc');
      const bad = [['x'], ['1', 'y'], ['1', '2', 'bad'], ['x', '2', 'bad'], ['1', 'y', 'bad'], ['1', '2', 'BIT', 'x'], ['1', '2', 'bits']];
      for (const args of bad) await d.pair.cmd('BITPOS', 'a', 1, ...args);
      await d.pair.cmd('BITPOS', 'a', 5, 'x');
    });

    it('BITPOS fails against a key holding another type', async function () {
      await makeNonString(d.pair, 'c');
      await d.pair.cmd('BITPOS', 'c', 1);
      await d.pair.cmd('BITPOS', 'c', 3);
    });
  });

  describe('BITOP', () => {
    it('BITOP AND, OR, XOR and NOT pad shorter sources with zeros and answer the result length', async () => {
      await d.pair.cmd('SET', 'a', 'foobar');
      await d.pair.cmd('SET', 'b', 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijk');
      await d.pair.cmd('SET', 'c', '\x00\xff');
      for (const op of ['AND', 'or', 'Xor']) {
        await d.pair.cmd('BITOP', op, 'dest', 'a', 'b', 'c');
        await d.pair.cmd('GET', 'dest');
        await d.pair.cmd('BITOP', op, 'dest', 'a', 'missing');
        await d.pair.cmd('GET', 'dest');
        await d.pair.cmd('BITOP', op, 'dest', 'b');
        await d.pair.cmd('GET', 'dest');
      }
      await d.pair.cmd('BITOP', 'NOT', 'dest', 'b');
      await d.pair.cmd('GET', 'dest');
      await d.pair.cmd('BITOP', 'not', 'a', 'a');
      await d.pair.cmd('GET', 'a');
      await d.pair.cmd('OBJECT', 'ENCODING', 'a');
    });

    it('BITOP over only missing or empty sources deletes the destination', async () => {
      await d.pair.cmd('SET', 'dest', 'x');
      await d.pair.cmd('SET', 'empty', '');
      await d.pair.cmd('BITOP', 'OR', 'dest', 'missing', 'empty');
      await d.pair.cmd('EXISTS', 'dest');
      await d.pair.cmd('BITOP', 'NOT', 'dest', 'missing');
      await d.pair.cmd('EXISTS', 'dest');
    });

    it('BITOP replaces the destination and drops its deadline', async () => {
      await d.pair.cmd('SET', 'dest', 'old', 'EX', '1000');
      await d.pair.cmd('SET', 'a', '12');
      await d.pair.cmd('BITOP', 'AND', 'dest', 'a', 'a');
      await d.pair.cmd('TTL', 'dest');
      await d.pair.cmd('GET', 'dest');
    });

    it('BITOP refuses unknown operations and NOT with several sources', async () => {
      await d.pair.cmd('BITOP', 'NAND', 'd', 'a');
      await d.pair.cmd('BITOP', 'ANDX', 'd', 'a');
      await d.pair.cmd('BITOP', 'NOT', 'd', 'a', 'b');
      await d.pair.cmd('BITOP', 'DIFF', 'd', 'a', 'b');
      await d.pair.cmd('BITOP', 'AND', 'd');
    });

    it('BITOP fails when a source holds another type, but overwrites a destination of another type', async function () {
      await makeNonString(d.pair, 'c');
      await d.pair.cmd('SET', 'a', 'x');
      await d.pair.cmd('BITOP', 'AND', 'd', 'a', 'c');
      await d.pair.cmd('EXISTS', 'd');
      await d.pair.cmd('BITOP', 'OR', 'c', 'a');
      await d.pair.cmd('TYPE', 'c');
      await d.pair.cmd('GET', 'c');
    });
  });

  describe('BITFIELD', () => {
    it('BITFIELD GET, SET and INCRBY work on signed and unsigned fields at any offset', async () => {
      await d.pair.cmd('BITFIELD', 'k', 'SET', 'u8', 0, 255, 'GET', 'u8', 0, 'GET', 'i8', 0, 'GET', 'u4', 4, 'GET', 'i3', 5);
      await d.pair.cmd('BITFIELD', 'k', 'SET', 'i5', 3, -7, 'GET', 'i5', 3, 'GET', 'u16', 0, 'INCRBY', 'u2', 100, 1);
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('BITFIELD', 'k', 'SET', 'i64', 7, '-9223372036854775808', 'GET', 'i64', 7, 'GET', 'u63', 8);
      await d.pair.cmd('BITFIELD', 'k', 'set', 'u63', 1, '9223372036854775807', 'get', 'u63', 1, 'get', 'i64', 0);
      await d.pair.cmd('BITFIELD', 'k', 'INCRBY', 'i64', 0, '1', 'INCRBY', 'u1', 1, 1, 'INCRBY', 'i1', 2, -1);
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('BITFIELD', 'missing', 'GET', 'u8', 0, 'GET', 'i32', 100);
      await d.pair.cmd('EXISTS', 'missing');
      await d.pair.cmd('BITFIELD', 'k');
      await d.pair.cmd('BITFIELD', 'nothing');
      await d.pair.cmd('EXISTS', 'nothing');
    });

    it('BITFIELD # offsets are multiplied by the width', async () => {
      await d.pair.cmd('BITFIELD', 'k', 'SET', 'u8', '#1', 200, 'SET', 'i4', '#3', 5, 'GET', 'u8', '#1', 'GET', 'u4', '#3', 'INCRBY', 'u8', '#0', 7);
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('BITFIELD', 'k', 'GET', 'u8', '#-1');
      await d.pair.cmd('BITFIELD', 'k', 'GET', 'u8', '##1');
      await d.pair.cmd('BITFIELD', 'k', 'GET', 'i64', '#536870912');
      await d.pair.cmd('BITFIELD', 'k', 'GET', 'i64', '#144115188075855872');
      await d.pair.cmd('BITFIELD', 'k', 'GET', 'u8', '#');
    });

    it('BITFIELD OVERFLOW WRAP, SAT and FAIL apply to the operations after them', async () => {
      const cases: (string | number)[][] = [
        ['INCRBY', 'u8', 0, 300], ['OVERFLOW', 'SAT', 'INCRBY', 'u8', 0, 300], ['OVERFLOW', 'FAIL', 'INCRBY', 'u8', 0, 300],
        ['OVERFLOW', 'SAT', 'INCRBY', 'u8', 0, -300], ['OVERFLOW', 'wrap', 'INCRBY', 'u8', 0, -300], ['OVERFLOW', 'fail', 'INCRBY', 'u8', 0, -300],
        ['INCRBY', 'i8', 8, 200], ['OVERFLOW', 'SAT', 'INCRBY', 'i8', 8, 200], ['OVERFLOW', 'SAT', 'INCRBY', 'i8', 8, -400],
        ['OVERFLOW', 'FAIL', 'INCRBY', 'i8', 8, 100, 'INCRBY', 'i8', 8, 1, 'OVERFLOW', 'WRAP', 'INCRBY', 'i8', 8, 100],
        ['SET', 'u8', 0, -1], ['OVERFLOW', 'SAT', 'SET', 'u8', 0, -1], ['OVERFLOW', 'SAT', 'SET', 'u8', 0, 256], ['OVERFLOW', 'FAIL', 'SET', 'u8', 0, 256],
        ['SET', 'i8', 0, 200], ['OVERFLOW', 'SAT', 'SET', 'i8', 0, 200], ['OVERFLOW', 'SAT', 'SET', 'i8', 0, -200],
        ['OVERFLOW', 'SAT', 'SET', 'i8', 0, '-9223372036854775808'], ['OVERFLOW', 'SAT', 'SET', 'u8', 0, '-9223372036854775808'],
        ['SET', 'i64', 0, '9223372036854775807', 'INCRBY', 'i64', 0, 1], ['OVERFLOW', 'SAT', 'INCRBY', 'i64', 0, '9223372036854775807'],
        ['OVERFLOW', 'SAT', 'INCRBY', 'i64', 0, '-9223372036854775808'], ['OVERFLOW', 'FAIL', 'INCRBY', 'i64', 0, '-9223372036854775808', 'INCRBY', 'i64', 0, -1],
        ['SET', 'u63', 0, '-1'], ['OVERFLOW', 'SAT', 'INCRBY', 'u63', 0, '9223372036854775807'], ['INCRBY', 'u63', 0, '-9223372036854775808'],
        ['SET', 'i1', 0, 1], ['OVERFLOW', 'SAT', 'INCRBY', 'i1', 0, 1], ['SET', 'u1', 0, 2], ['OVERFLOW', 'FAIL', 'SET', 'u1', 0, 1],
      ];
      for (const c of cases) {
        await d.pair.cmd('BITFIELD', 'k', ...c);
        await d.pair.cmd('GET', 'k');
      }
    });

    it('BITFIELD creates and pads the key even when every write FAILs', async () => {
      await d.pair.cmd('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u8', 100, 300);
      await d.pair.cmd('GET', 'k');
      await d.pair.cmd('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'SET', 'i8', 200, 300, 'GET', 'u8', 200);
      await d.pair.cmd('STRLEN', 'k');
      await d.pair.cmd('SET', 't', 'abc', 'EX', '1000');
      await d.pair.cmd('BITFIELD', 't', 'SET', 'u8', 0, 65, 'INCRBY', 'u8', 40, 1);
      await d.pair.cmd('GET', 't');
      await d.pair.cmd('TTL', 't');
      await d.pair.cmd('OBJECT', 'ENCODING', 't');
    });

    it('BITFIELD reports the first bad argument in order', async () => {
      const bad: (string | number)[][] = [
        ['FOO'], ['GET', 'u8'], ['SET', 'u8', 0], ['INCRBY', 'u8', 0], ['OVERFLOW'], ['OVERFLOW', 'nope'],
        ['GET', 'u64', 0], ['GET', 'i65', 0], ['GET', 'u0', 0], ['GET', 'x8', 0], ['GET', 'U8', 0], ['GET', 'u', 0], ['GET', 'i08', 0],
        ['GET', 'u8', -1], ['GET', 'u8', 'x'], ['GET', 'u8', 4294967296], ['SET', 'u8', 0, 'x'], ['INCRBY', 'i8', 0, '1.5'],
        ['SET', 'u8', -1, 'x'], ['SET', 'x8', -1, 'x'], ['GET', 'u8', 0, 'BAD'], ['OVERFLOW', 'SAT', 'GET', 'u8', 0, 'OVERFLOW', 'x'],
        ['GET', 'u8', 0, 'SET', 'u8', 0, 'x'], ['SET', 'u8', 0, 1, 'GET', 'i99', 0],
      ];
      for (const c of bad) await d.pair.cmd('BITFIELD', 'k', ...c);
      await d.pair.cmd('EXISTS', 'k');
    });

    it('BITFIELD_RO runs GETs and refuses any write after reading every argument', async () => {
      await d.pair.cmd('SET', 'k', 'hello');
      await d.pair.cmd('BITFIELD_RO', 'k', 'GET', 'u8', 0, 'GET', 'i16', '#1');
      await d.pair.cmd('BITFIELD_RO', 'k', 'SET', 'u8', 0, 1);
      await d.pair.cmd('BITFIELD_RO', 'k', 'GET', 'u8', 0, 'INCRBY', 'u8', 0, 1);
      await d.pair.cmd('BITFIELD_RO', 'k', 'OVERFLOW', 'SAT');
      await d.pair.cmd('BITFIELD_RO', 'k', 'SET', 'u8', 0, 1, 'GET', 'x', 0);
      await d.pair.cmd('BITFIELD_RO', 'missing', 'GET', 'u8', 0);
      await d.pair.cmd('BITFIELD_RO', 'k');
      await d.pair.cmd('GET', 'k');
    });

    it('BITFIELD answers a FAILed write with a null in RESP2 and RESP3', async () => {
      await d.pair.cmd('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', 0, 9, 'GET', 'u2', 0);
      await d.pair.both('HELLO', '3');
      await d.pair.cmd('BITFIELD', 'k', 'OVERFLOW', 'FAIL', 'INCRBY', 'u2', 0, 9, 'GET', 'u2', 0);
      await d.pair.cmd('BITFIELD_RO', 'k', 'GET', 'u2', 0);
    });

    it('BITFIELD fails against a key holding another type, BITFIELD_RO write check first', async function () {
      await makeNonString(d.pair, 'c');
      await d.pair.cmd('BITFIELD', 'c', 'GET', 'u8', 0);
      await d.pair.cmd('BITFIELD', 'c', 'SET', 'u8', 0, 1);
      await d.pair.cmd('BITFIELD', 'c');
      await d.pair.cmd('BITFIELD_RO', 'c', 'GET', 'u8', 0);
      await d.pair.cmd('BITFIELD_RO', 'c', 'SET', 'u8', 0, 1);
    });
  });

  it('argument errors of bitmap commands inside MULTI come back inside the EXEC reply', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SETBIT', 'k', '-1', '1');
    await d.pair.cmd('SETBIT', 'k', '3', '1');
    await d.pair.cmd('BITFIELD', 'k', 'GET', 'x8', '0');
    await d.pair.cmd('BITFIELD_RO', 'k', 'SET', 'u8', '0', '1');
    await d.pair.cmd('BITOP', 'NOT', 'd', 'k', 'k');
    await d.pair.cmd('BITPOS', 'k', '3');
    await d.pair.cmd('BITCOUNT', 'k', '0');
    await d.pair.cmd('EXEC');
  });

  it('a seeded random run of bitmap commands gets the same replies and values', async function () {
    this.timeout(20000);
    const rnd = prng(20240607);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const int = (n: number): number => Math.floor(rnd() * n);
    const keys = ['a', 'b', 'c'];
    const idx = (): number => int(80) - 40;
    const type = (): string => (rnd() < 0.5 ? 'u' + (1 + int(63)) : 'i' + (1 + int(64)));
    const val = (): string => pick(['0', '1', '-1', String(int(1000) - 500), '9223372036854775807', '-9223372036854775808', String(int(2 ** 31))]);
    for (let i = 0; i < 2500; i++) {
      const k = pick(keys);
      const r = rnd();
      if (r < 0.2) await d.pair.cmd('SETBIT', k, int(200), int(2));
      else if (r < 0.28) await d.pair.cmd('GETBIT', k, int(220));
      else if (r < 0.38) await d.pair.cmd('BITCOUNT', k, idx(), idx(), pick(['BYTE', 'BIT']));
      else if (r < 0.5) await d.pair.cmd('BITPOS', k, int(2), idx(), idx(), pick(['BYTE', 'BIT']));
      else if (r < 0.55) await d.pair.cmd('BITPOS', k, int(2), idx());
      else if (r < 0.6) await d.pair.cmd('BITPOS', k, int(2));
      else if (r < 0.67) await d.pair.cmd('BITOP', pick(['AND', 'OR', 'XOR']), pick(keys), pick(keys), pick(keys));
      else if (r < 0.7) await d.pair.cmd('BITOP', 'NOT', pick(keys), pick(keys));
      else if (r < 0.9) {
        const ops: (string | number)[] = [];
        for (let j = 0, n = 1 + int(4); j < n; j++) {
          const t = type();
          const o = rnd() < 0.3 ? '#' + int(10) : String(int(300));
          const kind = pick(['GET', 'SET', 'INCRBY', 'OVERFLOW']);
          if (kind === 'OVERFLOW') ops.push(kind, pick(['WRAP', 'SAT', 'FAIL']));
          else if (kind === 'GET') ops.push(kind, t, o);
          else ops.push(kind, t, o, val());
        }
        await d.pair.cmd('BITFIELD', k, ...ops);
      } else if (r < 0.93) await d.pair.cmd('SET', k, pick(['', 'foobar', '123', '\xff\x00\xf0']));
      else await d.pair.cmd('GET', k);
    }
    for (const k of keys) await d.pair.cmd('GET', k);
  });
});
