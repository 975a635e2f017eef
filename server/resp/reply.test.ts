// Unit tests of the reply writer: every reply type as RESP2 and RESP3 spell it (Redis 7.0's addReply* in
// networking.c), large bulks by reference, and discarding replies (CLIENT REPLY OFF/SKIP).
import { expect } from 'chai';
import { ReplyWriter, type RespVersion } from './reply.js';

function written(resp: RespVersion, write: (w: ReplyWriter) => void): string {
  const w = new ReplyWriter();
  w.resp = resp;
  write(w);
  return Buffer.concat(w.take()).toString('latin1');
}

/** The same writes under RESP2 and RESP3. */
function both(write: (w: ReplyWriter) => void): [string, string] {
  return [written(2, write), written(3, write)];
}

describe('ReplyWriter', () => {
  it('spells status, error, integer and bulk replies the same in RESP2 and RESP3', () => {
    const same = (write: (w: ReplyWriter) => void, want: string) => expect(both(write)).to.deep.equal([want, want]);
    same((w) => w.ok(), '+OK\r\n');
    same((w) => w.simple('PONG'), '+PONG\r\n');
    same((w) => w.error('ERR syntax error'), '-ERR syntax error\r\n');
    same((w) => w.integer(0), ':0\r\n');
    same((w) => w.integer(1), ':1\r\n');
    same((w) => w.integer(-42), ':-42\r\n');
    same((w) => w.integer(9007199254740993n), ':9007199254740993\r\n');
    same((w) => w.integer(-9223372036854775808n), ':-9223372036854775808\r\n');
    same((w) => w.bulk(Buffer.from('hello')), '$5\r\nhello\r\n');
    same((w) => w.bulk(Buffer.alloc(0)), '$0\r\n\r\n');
    same((w) => w.bulkString('héllo'), '$6\r\nh\xc3\xa9llo\r\n');
    same((w) => w.bulkString('h\xe9', 'latin1'), '$2\r\nh\xe9\r\n');
    same((w) => w.array(0), '*0\r\n');
    same((w) => w.array(3), '*3\r\n');
  });

  it('writes every integer and length as the decimal String() gives, at each digit count and sign', () => {
    const values: number[] = [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31), 2 ** 31 - 1, 2 ** 31 + 1, 2 ** 32 - 1, 2 ** 32, -(2 ** 31) - 1, 1e15, 999999999999999];
    for (let p = 1; p <= 1e15; p *= 10) values.push(p - 1, p, p + 1, -p, 7 * p + 3);
    for (const v of values) {
      expect(written(2, (w) => w.integer(v))).to.equal(`:${v}\r\n`);
      expect(written(2, (w) => w.array(v))).to.equal(v === 0 ? '*0\r\n' : `*${v}\r\n`);
      expect(written(3, (w) => w.map(v))).to.equal(`%${v}\r\n`);
    }
    // Numbers that are not safe integers keep their String() spelling.
    expect(written(2, (w) => w.integer(2 ** 60))).to.equal(`:${2 ** 60}\r\n`);
    expect(written(2, (w) => w.integer(-0))).to.equal(':0\r\n');
  });

  it('replaces CR and LF inside an error with spaces', () => {
    expect(written(2, (w) => w.error("ERR Protocol error: expected '$', got '\r'"))).to.equal("-ERR Protocol error: expected '$', got ' '\r\n");
    expect(written(2, (w) => w.error('ERR a\r\nb'))).to.equal('-ERR a  b\r\n');
  });

  it('sends an error text carrying a latin1 byte as that single byte, as %c does', () => {
    // errProtoExpectedDollar(0xff) and unknown-command texts carry raw request bytes as latin1 characters.
    expect(written(2, (w) => w.error("ERR Protocol error: expected '$', got '\xff'"))).to.equal("-ERR Protocol error: expected '$', got '\xff'\r\n");
  });

  it('spells the null bulk and null array $-1 and *-1 in RESP2, _ in RESP3', () => {
    expect(both((w) => w.nil())).to.deep.equal(['$-1\r\n', '_\r\n']);
    expect(both((w) => w.nilArray())).to.deep.equal(['*-1\r\n', '_\r\n']);
  });

  it('spells maps as flat arrays in RESP2 and %n in RESP3', () => {
    const write = (w: ReplyWriter) => {
      w.map(2);
      w.bulkString('a');
      w.integer(1);
      w.bulkString('b');
      w.nil();
    };
    expect(both(write)).to.deep.equal(['*4\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n$-1\r\n', '%2\r\n$1\r\na\r\n:1\r\n$1\r\nb\r\n_\r\n']);
    expect(both((w) => w.map(0))).to.deep.equal(['*0\r\n', '%0\r\n']);
  });

  it('spells sets ~n and pushes >n in RESP3, arrays in RESP2', () => {
    expect(both((w) => w.set(2))).to.deep.equal(['*2\r\n', '~2\r\n']);
    expect(both((w) => w.set(0))).to.deep.equal(['*0\r\n', '~0\r\n']);
    expect(both((w) => w.push(3))).to.deep.equal(['*3\r\n', '>3\r\n']);
  });

  it('spells doubles as bulk strings in RESP2 and ,x in RESP3, with %.17g digits', () => {
    expect(both((w) => w.double(0.1))).to.deep.equal(['$19\r\n0.10000000000000001\r\n', ',0.10000000000000001\r\n']);
    expect(both((w) => w.double(1.5e-7))).to.deep.equal(['$22\r\n1.4999999999999999e-07\r\n', ',1.4999999999999999e-07\r\n']);
    expect(both((w) => w.double(3))).to.deep.equal(['$1\r\n3\r\n', ',3\r\n']);
    expect(both((w) => w.double(Infinity))).to.deep.equal(['$3\r\ninf\r\n', ',inf\r\n']);
    expect(both((w) => w.double(-Infinity))).to.deep.equal(['$4\r\n-inf\r\n', ',-inf\r\n']);
  });

  it('spells booleans :1/:0 in RESP2 and #t/#f in RESP3', () => {
    expect(both((w) => w.bool(true))).to.deep.equal([':1\r\n', '#t\r\n']);
    expect(both((w) => w.bool(false))).to.deep.equal([':0\r\n', '#f\r\n']);
  });

  it('spells verbatim strings as bulks in RESP2 and =len txt: in RESP3', () => {
    expect(both((w) => w.verbatim('a\r\nb'))).to.deep.equal(['$4\r\na\r\nb\r\n', '=8\r\ntxt:a\r\nb\r\n']);
    expect(both((w) => w.verbatim('# x', 'mkd'))).to.deep.equal(['$3\r\n# x\r\n', '=7\r\nmkd:# x\r\n']);
    expect(both((w) => w.verbatim('é'))).to.deep.equal(['$2\r\n\xc3\xa9\r\n', '=6\r\ntxt:\xc3\xa9\r\n']);
  });

  it('sends a large bulk as a chunk of its own holding a copy, in order with what surrounds it', () => {
    const big = Buffer.alloc(100 * 1024, 0x78);
    const w = new ReplyWriter();
    w.integer(7);
    w.bulk(big);
    w.ok();
    // The source may be a view of a log segment that goes away before the socket takes the reply.
    big.fill(0x79);
    const parts = w.take();
    expect(parts.some((p) => p.length === big.length)).to.equal(true);
    const sent = Buffer.alloc(big.length, 0x78);
    expect(Buffer.concat(parts).equals(Buffer.concat([Buffer.from(':7\r\n$102400\r\n'), sent, Buffer.from('\r\n+OK\r\n')]))).to.equal(true);
    expect(w.length).to.equal(0);
  });

  it('grows past its initial buffer without losing bytes', () => {
    const w = new ReplyWriter();
    const want: string[] = [];
    for (let i = 0; i < 5000; i++) {
      w.bulkString(`value-${i}`);
      want.push(`$${`value-${i}`.length}\r\nvalue-${i}\r\n`);
    }
    expect(w.length).to.equal(want.join('').length);
    expect(Buffer.concat(w.take()).toString()).to.equal(want.join(''));
  });

  it('discards everything written after a mark, including bulks sent by reference', () => {
    const big = Buffer.alloc(20000, 0x61);
    for (const before of [0, 3, 5000]) {
      const w = new ReplyWriter();
      const prefix = 'k'.repeat(before);
      w.bulkString(prefix);
      const mark = w.length;
      w.bulkString(prefix);
      w.bulk(big);
      w.integer(5);
      w.discardFrom(mark);
      expect(w.length, `after ${before} bytes`).to.equal(mark);
      w.ok();
      expect(Buffer.concat(w.take()).toString(), `after ${before} bytes`).to.equal(`$${before}\r\n${prefix}\r\n+OK\r\n`);
    }
  });

  it('keeps the bytes before a mark that a large bulk moved out of the buffer', () => {
    const w = new ReplyWriter();
    w.simple('first');
    const mark = w.length;
    w.bulk(Buffer.alloc(40000, 0x62));
    w.simple('dropped');
    w.discardFrom(mark);
    w.simple('second');
    expect(Buffer.concat(w.take()).toString()).to.equal('+first\r\n+second\r\n');
  });
});
