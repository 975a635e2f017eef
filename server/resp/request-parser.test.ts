// Unit tests of the request parser: whatever the chunking, the same commands come out; Redis's limits and
// error texts; big bulks; memory held for declared but unsent lengths.
import { expect } from 'chai';
import { BIG_ARG, parseStrictInt, ProtocolError, RequestParser, type ParserLimits } from './request-parser.js';

const MB = 1024 * 1024;

function limits(maxBulkLen = 512 * MB, auth = false): ParserLimits {
  return { maxBulk: maxBulkLen, authRequired: () => auth };
}

/** What a parse produced: commands as latin1 strings, then "ERROR <message>" if it stopped on one. */
type Outcome = (string[] | string)[];

function drain(p: RequestParser, out: Outcome): boolean {
  for (;;) {
    const r = p.next();
    if (r === null) return true;
    if (r instanceof ProtocolError) {
      out.push(`ERROR ${r.message}`);
      return false;
    }
    out.push(r.map((a) => a.toString('latin1')));
  }
}

function parseChunks(chunks: Buffer[], lim = limits()): Outcome {
  const p = new RequestParser(lim);
  const out: Outcome = [];
  for (const c of chunks) {
    p.feed(c);
    if (!drain(p, out)) break;
  }
  return out;
}

function splitAt(b: Buffer, ...cuts: number[]): Buffer[] {
  const parts: Buffer[] = [];
  let prev = 0;
  for (const c of cuts) {
    parts.push(b.subarray(prev, c));
    prev = c;
  }
  parts.push(b.subarray(prev));
  return parts;
}

function bytes(s: string): Buffer {
  return Buffer.from(s, 'latin1');
}

function mb(...args: (string | Buffer)[]): Buffer {
  const parts = [bytes(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? bytes(a) : a;
    parts.push(bytes(`$${b.length}\r\n`), b, bytes('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Asserts that `input` parses to `expected` whole, split at every boundary (twice), and a byte at a time. */
function expectEverySplit(input: Buffer, expected: Outcome, lim = limits()): void {
  expect(parseChunks([input], lim), 'whole').to.deep.equal(expected);
  for (let i = 0; i <= input.length; i++) {
    expect(parseChunks(splitAt(input, i), lim), `split at ${i}`).to.deep.equal(expected);
    const j = Math.min(input.length, i + 1 + ((i * 7) % 5));
    expect(parseChunks(splitAt(input, i, j), lim), `split at ${i} and ${j}`).to.deep.equal(expected);
  }
  const single = [...input].map((c) => Buffer.from([c]));
  expect(parseChunks(single, lim), 'one byte at a time').to.deep.equal(expected);
}

describe('RequestParser', () => {
  describe('chunking never changes the commands', () => {
    it('a multibulk command parses the same whatever the chunking', () => {
      expectEverySplit(mb('SET', 'key', 'value'), [['SET', 'key', 'value']]);
    });

    it('names and keys repeated from the command before (shared views) keep their own bytes, whatever the chunking', () => {
      const input = Buffer.concat([
        mb('GET', 'ab'),
        mb('GET', 'ac'),
        mb('GET', 'ab'),
        mb('GET', 'abc'),
        mb('SET', 'ab', 'ab'),
        mb('SET', 'ab', 'x'.repeat(70)),
        mb('SET', 'k'.repeat(70), 'v'),
        mb('SET', 'k'.repeat(70), 'w'),
        mb('GET', ''),
        mb('GET', ''),
      ]);
      expectEverySplit(input, [
        ['GET', 'ab'],
        ['GET', 'ac'],
        ['GET', 'ab'],
        ['GET', 'abc'],
        ['SET', 'ab', 'ab'],
        ['SET', 'ab', 'x'.repeat(70)],
        ['SET', 'k'.repeat(70), 'v'],
        ['SET', 'k'.repeat(70), 'w'],
        ['GET', ''],
        ['GET', ''],
      ]);
    });

    it('binary arguments holding CR, LF, NUL and high bytes parse the same whatever the chunking', () => {
      const v = Buffer.from([0, 13, 10, 255, 42, 13, 13, 10, 10, 0]);
      expectEverySplit(mb('SET', v, ''), [['SET', v.toString('latin1'), '']]);
    });

    it('a pipeline mixing inline and multibulk commands parses the same whatever the chunking', () => {
      const input = Buffer.concat([
        bytes('PING\r\n'),
        mb('GET', 'a'),
        bytes('SET "a b" \'c d\'\n'),
        bytes('*0\r\n*-1\r\n'),
        bytes('\r\n   \r\n'),
        mb('ECHO', 'x\r\ny'),
        bytes('  ECHO   "\\x41\\n"  \r\n'),
        mb('DEL', 'a', 'b', 'c'),
      ]);
      expectEverySplit(input, [
        ['PING'],
        ['GET', 'a'],
        ['SET', 'a b', 'c d'],
        ['ECHO', 'x\r\ny'],
        ['ECHO', 'A\n'],
        ['DEL', 'a', 'b', 'c'],
      ]);
    });

    it('commands before a protocol error come out, then the error, whatever the chunking', () => {
      const input = Buffer.concat([mb('PING'), bytes('PING x\r\n'), bytes('*1\r\n+OK\r\n'), mb('NEVER')]);
      expectEverySplit(input, [['PING'], ['PING', 'x'], "ERROR ERR Protocol error: expected '$', got '+'"]);
    });

    it('unbalanced quotes after good commands are reported whatever the chunking', () => {
      expectEverySplit(bytes('PING\r\nSET "a b\r\nPING\r\n'), [['PING'], 'ERROR ERR Protocol error: unbalanced quotes in request']);
    });

    it('an invalid bulk length is reported at its header whatever the chunking', () => {
      expectEverySplit(bytes('*2\r\n$3\r\nGET\r\n$-2\r\nxx\r\n'), ['ERROR ERR Protocol error: invalid bulk length']);
    });
  });

  describe('empty and odd framing', () => {
    it('*0 and *-1 are skipped as empty commands, like blank inline lines', () => {
      expect(parseChunks([bytes('*0\r\n*-1\r\n*-5\r\n\r\n\n  \t \r\nPING\r\n')])).to.deep.equal([['PING']]);
    });

    it('the byte after a header CR is skipped without being checked, as Redis does', () => {
      expect(parseChunks([bytes('*1\rX$4\rYPINGzz')])).to.deep.equal([['PING']]);
    });

    it('the two bytes after a bulk are skipped without being checked', () => {
      expect(parseChunks([bytes('*2\r\n$3\r\nGETxx$1\r\nk\n\n')])).to.deep.equal([['GET', 'k']]);
    });

    it('an inline line may end with LF alone, and a lone CR stays part of the line', () => {
      expect(parseChunks([bytes('PING a\nPING\rb\r\n')])).to.deep.equal([['PING', 'a'], ['PING', 'b']]);
    });

    it('a header waits for the byte after its CR before it is judged', () => {
      const p = new RequestParser(limits());
      p.feed(bytes('*1\r'));
      expect(p.next()).to.equal(null);
      p.feed(bytes('\n$1\r'));
      expect(p.next()).to.equal(null);
      p.feed(bytes('\nx\r\n'));
      expect((p.next() as Buffer[]).map(String)).to.deep.equal(['x']);
    });

    it('a NUL before the line end hides the line, as strchr stops at it', () => {
      expect(parseChunks([bytes('PI\0NG\r\nPING\r\n')])).to.deep.equal([]);
      expect(parseChunks([bytes('*1\r\n$1\0\r\nx\r\n')])).to.deep.equal([]);
      expect(parseChunks([bytes('*1\0\r\n')])).to.deep.equal([]);
    });

    it('a NUL inside a bulk is data', () => {
      expect(parseChunks([mb('A\0B')])).to.deep.equal([['A\0B']]);
    });

    it('a CR at the start of a bulk header reads as the byte found instead of $', () => {
      expect(parseChunks([bytes('*1\r\n\r\n')])).to.deep.equal(["ERROR ERR Protocol error: expected '$', got '\r'"]);
    });
  });

  describe('protocol errors and limits', () => {
    const err = (input: string, lim = limits()) => parseChunks([bytes(input)], lim);

    it('multibulk counts must be strict integers no larger than INT_MAX', () => {
      for (const bad of ['*x\r\n', '*\r\n', '*01\r\n', '*+1\r\n', '* 1\r\n', '*1 \r\n', '*-0\r\n', '*2147483648\r\n',
        '*-9223372036854775809\r\n', '*99999999999999999999\r\n', '*-99999999999999999999\r\n']) {
        expect(err(bad), bad).to.deep.equal(['ERROR ERR Protocol error: invalid multibulk length']);
      }
      expect(err('*2147483647\r\n')).to.deep.equal([]);
      expect(err('*-9223372036854775808\r\nPING\r\n')).to.deep.equal([['PING']]);
    });

    it('bulk lengths must be strict non-negative integers within proto-max-bulk-len', () => {
      for (const bad of ['$x', '$', '$-1', '$-0', '$00', '$+1', '$1 ', '$536870913', '$2147483647', '$9223372036854775808']) {
        expect(err(`*1\r\n${bad}\r\n`), bad).to.deep.equal(['ERROR ERR Protocol error: invalid bulk length']);
      }
      expect(err('*1\r\n$536870912\r\n')).to.deep.equal([]);
      expect(err('*1\r\n$1048577\r\n', limits(MB))).to.deep.equal(['ERROR ERR Protocol error: invalid bulk length']);
      expect(err('*1\r\n$1048576\r\n', limits(MB))).to.deep.equal([]);
    });

    it('short headers are judged by the same rules as long ones: a small proto-max-bulk-len, empty bulks, zeros', () => {
      expect(err('*1\r\n$11\r\n', limits(10))).to.deep.equal(['ERROR ERR Protocol error: invalid bulk length']);
      expect(err('*1\r\n$10\r\n0123456789\r\n', limits(10))).to.deep.equal([['0123456789']]);
      expect(err('*2\r\n$0\r\n\r\n$1\r\nx\r\n')).to.deep.equal([['', 'x']]);
      expect(err('*1\r\n$01\r\nx\r\n')).to.deep.equal(['ERROR ERR Protocol error: invalid bulk length']);
      expect(err('*00\r\n')).to.deep.equal(['ERROR ERR Protocol error: invalid multibulk length']);
      expect(err('*9999\r\n')).to.deep.equal([]);
      expect(err('*99999\r\n')).to.deep.equal([]);
    });

    it('an argument not introduced by $ names the byte found', () => {
      expect(err('*2\r\n$4\r\nPING\r\n:1\r\n')).to.deep.equal(["ERROR ERR Protocol error: expected '$', got ':'"]);
      expect(err('*1\r\n*1\r\n')).to.deep.equal(["ERROR ERR Protocol error: expected '$', got '*'"]);
      expect(err('*1\r\n\xff1\r\n')).to.deep.equal(["ERROR ERR Protocol error: expected '$', got '\xff'"]);
    });

    it('before AUTH, more than 10 arguments or a bulk over 16384 bytes is refused', () => {
      const locked = limits(512 * MB, true);
      expect(err('*11\r\n', locked)).to.deep.equal(['ERROR ERR Protocol error: unauthenticated multibulk length']);
      expect(err('*10\r\n$16385\r\n', locked)).to.deep.equal(['ERROR ERR Protocol error: unauthenticated bulk length']);
      expect(err('*10\r\n$16384\r\n', locked)).to.deep.equal([]);
      // Validity is judged before authentication.
      expect(err('*1\r\n$536870913\r\n', locked)).to.deep.equal(['ERROR ERR Protocol error: invalid bulk length']);
      expect(err('*x\r\n', locked)).to.deep.equal(['ERROR ERR Protocol error: invalid multibulk length']);
      expect(err('*11\r\n')).to.deep.equal([]);
    });

    it('the authentication limits follow the session as it authenticates', () => {
      let auth = true;
      const p = new RequestParser({ maxBulk: 512 * MB, authRequired: () => auth });
      p.feed(bytes('AUTH x\r\n'));
      expect((p.next() as Buffer[]).length).to.equal(2);
      auth = false;
      p.feed(bytes('*11\r\n'));
      expect(p.next()).to.equal(null);
    });

    it('an inline line, count or length header longer than 64 KiB without its terminator is refused', () => {
      const long = 'a'.repeat(64 * 1024);
      expect(err(long)).to.deep.equal([]);
      expect(err(long + 'a')).to.deep.equal(['ERROR ERR Protocol error: too big inline request']);
      expect(err('*' + '1'.repeat(64 * 1024 - 1))).to.deep.equal([]);
      expect(err('*' + '1'.repeat(64 * 1024))).to.deep.equal(['ERROR ERR Protocol error: too big mbulk count string']);
      expect(err('*1\r\n$' + '1'.repeat(64 * 1024))).to.deep.equal(['ERROR ERR Protocol error: too big bulk count string']);
      // A terminator within the bytes received makes a long line acceptable, up to 80 KiB from the line's start.
      expect(err('PING ' + 'b'.repeat(70000) + '\r\n')).to.deep.equal([['PING', 'b'.repeat(70000)]]);
      expect(err('PING ' + 'b'.repeat(80 * 1024 - 7) + '\r\n')).to.deep.equal([['PING', 'b'.repeat(80 * 1024 - 7)]]);
      expect(err('PING ' + 'b'.repeat(80 * 1024 - 6) + '\r\n')).to.deep.equal(['ERROR ERR Protocol error: too big inline request']);
      expect(err('*' + '1'.repeat(90000) + '\r\n')).to.deep.equal(['ERROR ERR Protocol error: too big mbulk count string']);
      expect(err('*1\r\n$' + '1'.repeat(90000) + '\r\n')).to.deep.equal(['ERROR ERR Protocol error: too big bulk count string']);
    });

    it('a NUL hiding a header counts toward the too-big limits', () => {
      expect(err('*1\0' + 'x'.repeat(64 * 1024))).to.deep.equal(['ERROR ERR Protocol error: too big mbulk count string']);
    });
  });

  describe('big bulks', () => {
    const big = Buffer.alloc(100 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 8)) & 0xff;
    const input = Buffer.concat([mb('SET', 'k', big), mb('GET', 'k')]);
    const expected: Outcome = [['SET', 'k', big.toString('latin1')], ['GET', 'k']];

    it('a bulk of at least 32 KiB parses the same split anywhere', () => {
      const header = input.indexOf(bytes('$102400')) + 10;
      const cuts = [0, 1, header - 3, header - 1, header, header + 1, header + BIG_ARG, input.length - 20, input.length - 1];
      for (let i = 0; i < 40; i++) cuts.push(Math.floor((i * 2654435761) % input.length));
      for (const c of cuts) expect(parseChunks(splitAt(input, c)), `split at ${c}`).to.deep.equal(expected);
      for (let i = 0; i + 1 < cuts.length; i++) {
        const [a, b] = [cuts[i], cuts[i + 1]].sort((x, y) => x - y);
        expect(parseChunks(splitAt(input, a, b)), `split at ${a}, ${b}`).to.deep.equal(expected);
      }
    });

    it('a bulk of at least 32 KiB parses the same fed one byte at a time', () => {
      expect(parseChunks([...input].map((c) => Buffer.from([c])))).to.deep.equal(expected);
    });

    it('a bulk exactly at the 32 KiB threshold and one byte under it parse alike', () => {
      for (const n of [BIG_ARG - 1, BIG_ARG, BIG_ARG + 1]) {
        const v = Buffer.alloc(n, 0x61);
        const b = mb('SET', 'k', v);
        expect(parseChunks(splitAt(b, 20, 1000, b.length - 1)), `length ${n}`).to.deep.equal([['SET', 'k', v.toString('latin1')]]);
      }
    });

    it('a declared length is not reserved before its bytes arrive', () => {
      const p = new RequestParser(limits());
      p.feed(bytes('*2\r\n$3\r\nSET\r\n$500000000\r\nabc'));
      expect(p.next()).to.equal(null);
      expect(p.pendingBytes).to.equal(3);
      expect(p.heldBytes).to.be.below(2 * MB);
    });

    it('a big bulk grows as it arrives and comes out exactly as sent', () => {
      const n = 3 * MB + 7;
      const v = Buffer.alloc(n);
      for (let i = 0; i < n; i += 4096) v[i] = i & 0xff;
      const b = mb('SET', 'k', v);
      const headers = b.length - n - 2;
      const p = new RequestParser(limits());
      const out: Outcome = [];
      for (let i = 0; i < b.length; i += 65536) {
        p.feed(b.subarray(i, i + 65536));
        drain(p, out);
        if (i + 65536 < b.length) expect(p.pendingBytes).to.equal(i + 65536 - headers);
      }
      expect(out).to.have.length(1);
      expect(Buffer.from((out[0] as string[])[2], 'latin1').equals(v)).to.equal(true);
    });
  });

  describe('memory', () => {
    it('an unfinished command of more than 1024 arguments counts their overhead toward heldBytes', () => {
      const p = new RequestParser(limits());
      p.feed(bytes('*5000\r\n' + '$1\r\nx\r\n'.repeat(1000)));
      expect(p.next()).to.equal(null);
      expect(p.heldBytes).to.equal(0);
      p.feed(bytes('$1\r\nx\r\n'.repeat(2000)));
      expect(p.next()).to.equal(null);
      expect(p.heldBytes).to.equal(1976 * 128);
      p.feed(bytes('$1\r\nx\r\n'.repeat(2000)));
      expect((p.next() as Buffer[]).length).to.equal(5000);
      expect(p.heldBytes).to.equal(0);
    });

    it('heldBytes of a big bulk counts the bytes received, not the length declared', () => {
      const p = new RequestParser(limits());
      p.feed(bytes('*2\r\n$4\r\nECHO\r\n$900000\r\n'));
      p.feed(Buffer.alloc(500000));
      expect(p.next()).to.equal(null);
      expect(p.heldBytes).to.equal(500000);
    });

    it('a fully parsed buffer is let go, so an idle connection holds nothing', () => {
      const p = new RequestParser(limits());
      p.feed(Buffer.concat([mb('PING'), bytes('*1\r\n$4\r\nPI')]));
      expect(p.next()).to.not.equal(null);
      expect(p.next()).to.equal(null);
      expect(p.pendingBytes).to.equal(2);
      p.feed(bytes('NG\r\n'));
      expect((p.next() as Buffer[]).map(String)).to.deep.equal(['PING']);
      expect(p.next()).to.equal(null);
      expect(p.heldBytes).to.equal(0);
    });

    it('arguments already returned stay intact while later bytes are joined after them', () => {
      const p = new RequestParser(limits());
      p.feed(bytes('*2\r\n$3\r\nGET\r\n$3\r\nabc\r\n*2\r\n$3\r\nGE'));
      const first = p.next() as Buffer[];
      expect(p.next()).to.equal(null);
      p.feed(bytes('T\r\n$3\r\nxyz\r\n'));
      const second = p.next() as Buffer[];
      p.feed(bytes('*1\r\n$4\r\nPI'));
      expect(p.next()).to.equal(null);
      p.feed(bytes('NG\r\n'));
      const third = p.next() as Buffer[];
      expect([first, second, third].map((a) => a.map(String))).to.deep.equal([['GET', 'abc'], ['GET', 'xyz'], ['PING']]);
    });
  });
});

describe('parseStrictInt', () => {
  const parse = (s: string) => parseStrictInt(bytes(s), 0, s.length);

  it('accepts what string2ll accepts', () => {
    expect(parse('0')).to.equal(0);
    expect(parse('7')).to.equal(7);
    expect(parse('-7')).to.equal(-7);
    expect(parse('2147483647')).to.equal(2147483647);
    expect(parse('9223372036854775807')).to.equal(9223372036854775807);
    expect(parse('-9223372036854775808')).to.equal(-9223372036854775808);
  });

  it('refuses what string2ll refuses', () => {
    for (const s of ['', '-', '-0', '00', '01', '+1', ' 1', '1 ', '1x', '0x10', '1e3', '1.0',
      '9223372036854775808', '-9223372036854775809', '99999999999999999999', '123456789012345678901']) {
      expect(parse(s), JSON.stringify(s)).to.be.NaN;
    }
  });

  it('reads only the given range of the buffer', () => {
    expect(parseStrictInt(bytes('x123y'), 1, 4)).to.equal(123);
  });
});
