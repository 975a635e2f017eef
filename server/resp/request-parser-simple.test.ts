// The hot-path recogniser: it must take exactly the canonical plain GET/SET/INCR/DECR requests and one-element
// LPUSH/RPUSH/SADD/HSET, and leave everything else, untouched, to next() (which applies Redis's rules).
import { expect } from 'chai';
import {
  RequestParser, SIMPLE_DECR, SIMPLE_GET, SIMPLE_HSET, SIMPLE_INCR, SIMPLE_LPUSH, SIMPLE_NONE, SIMPLE_RPUSH, SIMPLE_SADD, SIMPLE_SET,
  SIMPLE_ZADD,
} from './request-parser.js';

function parser(maxBulk = 512 * 1024 * 1024): RequestParser {
  return new RequestParser({ maxBulk, authRequired: () => false });
}

describe('RequestParser.nextSimple (the hot path)', () => {
  it('takes a plain GET and a plain SET in any letter case, one request at a time', () => {
    const p = parser();
    p.feed(Buffer.from('*2\r\n$3\r\ngEt\r\n$3\r\nfoo\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nva\r\nl\r\n'));
    expect(p.nextSimple()).to.equal(SIMPLE_GET);
    expect(p.simpleKey).to.equal('foo');
    expect(p.nextSimple()).to.equal(SIMPLE_SET);
    expect(p.simpleKey).to.equal('k');
    expect(p.simpleValue.toString()).to.equal('va\r\nl');
    expect(p.nextSimple()).to.equal(SIMPLE_NONE);
    expect(p.next()).to.equal(null);
  });

  it('takes plain INCR and DECR, and not INCRBY or INCR with a value', () => {
    const p = parser();
    p.feed(Buffer.from('*2\r\n$4\r\nincr\r\n$1\r\nc\r\n*2\r\n$4\r\nDECR\r\n$1\r\nd\r\n*3\r\n$4\r\nINCR\r\n$1\r\nc\r\n$1\r\n2\r\n'));
    expect(p.nextSimple()).to.equal(SIMPLE_INCR);
    expect(p.simpleKey).to.equal('c');
    expect(p.nextSimple()).to.equal(SIMPLE_DECR);
    expect(p.simpleKey).to.equal('d');
    expect(p.nextSimple()).to.equal(SIMPLE_NONE);
    const q = parser();
    q.feed(Buffer.from('*3\r\n$6\r\nINCRBY\r\n$1\r\nc\r\n$1\r\n2\r\n*2\r\n$4\r\nINCX\r\n$1\r\nc\r\n'));
    expect(q.nextSimple()).to.equal(SIMPLE_NONE);
  });

  it('takes one-element LPUSH, RPUSH, SADD and HSET in any letter case, with their arguments as views or places in the input', () => {
    const p = parser();
    p.feed(Buffer.from(
      '*3\r\n$5\r\nlPush\r\n$2\r\nq1\r\n$3\r\none\r\n*3\r\n$5\r\nRPUSH\r\n$2\r\nq1\r\n$0\r\n\r\n' +
        '*3\r\n$4\r\nSadd\r\n$1\r\ns\r\n$2\r\nm1\r\n*4\r\n$4\r\nhset\r\n$1\r\nh\r\n$1\r\nf\r\n$5\r\nvalue\r\n' +
        '*2\r\n$4\r\nINCR\r\n$1\r\nc\r\n',
    ));
    expect(p.nextSimple()).to.equal(SIMPLE_LPUSH);
    expect([p.simpleKey, p.simpleValue.toString()]).to.deep.equal(['q1', 'one']);
    // Where the element lies, for a push that copies it without a view.
    expect(p.simpleBuf.toString('latin1', p.simpleValueAt, p.simpleValueAt + p.simpleValueLen)).to.equal('one');
    const key = p.simpleKey;
    expect(p.nextSimple()).to.equal(SIMPLE_RPUSH);
    // The same key bytes give the same string back (no new string per request).
    expect(p.simpleKey).to.equal(key);
    expect(p.simpleValue.length).to.equal(0);
    expect(p.nextSimple()).to.equal(SIMPLE_SADD);
    expect([p.simpleKey, p.simpleValue.toString()]).to.deep.equal(['s', 'm1']);
    expect(p.nextSimple()).to.equal(SIMPLE_HSET);
    expect([p.simpleKey, p.simpleField.toString(), p.simpleValue.toString()]).to.deep.equal(['h', 'f', 'value']);
    expect(p.nextSimple()).to.equal(SIMPLE_INCR);
    // A request without a value leaves none from the one before.
    expect(p.simpleValue.length).to.equal(0);
    expect(p.simpleValueLen).to.equal(0);
    expect(p.nextSimple()).to.equal(SIMPLE_NONE);
  });

  it('takes ZADD of one score and member, and leaves a score that may be an option to next()', () => {
    const p = parser();
    p.feed(Buffer.from('*4\r\n$4\r\nzAdd\r\n$1\r\nz\r\n$4\r\n-1.5\r\n$2\r\nm1\r\n*4\r\n$4\r\nZADD\r\n$1\r\nz\r\n$0\r\n\r\n$1\r\nm\r\n'));
    expect(p.nextSimple()).to.equal(SIMPLE_ZADD);
    expect([p.simpleKey, p.simpleField.toString(), p.simpleValue.toString()]).to.deep.equal(['z', '-1.5', 'm1']);
    // An empty score is no option: the hot path answers it as ZADD's parse does.
    expect(p.nextSimple()).to.equal(SIMPLE_ZADD);
    expect(p.simpleField.length).to.equal(0);
    for (const first of ['NX', 'xx', 'CH', 'incr', 'GT', 'lt', 'inf', 'Infinity']) {
      const q = parser();
      q.feed(Buffer.from(`*4\r\n$4\r\nZADD\r\n$1\r\nz\r\n$${first.length}\r\n${first}\r\n$1\r\nm\r\n`));
      expect(q.nextSimple(), first).to.equal(SIMPLE_NONE);
      expect((q.next() as Buffer[]).length).to.equal(4);
    }
  });

  it('keeps binary keys byte for byte and accepts empty keys and values', () => {
    const p = parser();
    p.feed(Buffer.concat([Buffer.from('*3\r\n$3\r\nset\r\n$2\r\n'), Buffer.from([0, 255]), Buffer.from('\r\n$0\r\n\r\n')]));
    expect(p.nextSimple()).to.equal(SIMPLE_SET);
    expect(Buffer.from(p.simpleKey, 'latin1')).to.deep.equal(Buffer.from([0, 255]));
    expect(p.simpleValue.length).to.equal(0);
  });

  const leftAlone: [string, string][] = [
    ['an incomplete request', '*2\r\n$3\r\nGET\r\n$3\r\nfo'],
    ['SET with options', '*5\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n$2\r\nEX\r\n$1\r\n5\r\n'],
    ['GET with a wrong arity', '*3\r\n$3\r\nGET\r\n$1\r\nk\r\n$1\r\nv\r\n'],
    ['a length with a leading zero', '*2\r\n$3\r\nGET\r\n$03\r\nfoo\r\n'],
    ['a bulk not followed by CRLF', '*2\r\n$3\r\nGET\r\n$3\r\nfooXY'],
    ['an inline GET', 'GET foo\r\n'],
    ['another command', '*2\r\n$3\r\nDEL\r\n$3\r\nfoo\r\n'],
    ['a non-canonical count', '*02\r\n$3\r\nGET\r\n$3\r\nfoo\r\n'],
    ['LPUSH of two elements', '*4\r\n$5\r\nLPUSH\r\n$1\r\nq\r\n$1\r\na\r\n$1\r\nb\r\n'],
    ['LPUSH without an element', '*2\r\n$5\r\nLPUSH\r\n$1\r\nq\r\n'],
    ['LPUSHX', '*3\r\n$6\r\nLPUSHX\r\n$1\r\nq\r\n$1\r\na\r\n'],
    ['XPUSH', '*3\r\n$5\r\nXPUSH\r\n$1\r\nq\r\n$1\r\na\r\n'],
    ['SADD of two members', '*4\r\n$4\r\nSADD\r\n$1\r\ns\r\n$1\r\na\r\n$1\r\nb\r\n'],
    ['HSET without a value', '*3\r\n$4\r\nHSET\r\n$1\r\nh\r\n$1\r\nf\r\n'],
    ['HSET of two pairs', '*6\r\n$4\r\nHSET\r\n$1\r\nh\r\n$1\r\nf\r\n$1\r\nv\r\n$1\r\ng\r\n$1\r\nw\r\n'],
    ['an HSET whose value is incomplete', '*4\r\n$4\r\nHSET\r\n$1\r\nh\r\n$1\r\nf\r\n$5\r\nval'],
    ['HGET', '*3\r\n$4\r\nHGET\r\n$1\r\nh\r\n$1\r\nf\r\n'],
  ];
  for (const [what, input] of leftAlone) {
    it(`leaves ${what} to next()`, () => {
      const p = parser();
      p.feed(Buffer.from(input));
      expect(p.nextSimple()).to.equal(SIMPLE_NONE);
      const q = parser();
      q.feed(Buffer.from(input));
      // What next() makes of it is unchanged by the attempt.
      expect(String(p.next())).to.equal(String(q.next()));
    });
  }

  it('leaves a bulk over proto-max-bulk-len and a big value to next()', () => {
    const small = parser(2);
    small.feed(Buffer.from('*2\r\n$3\r\nGET\r\n$3\r\nfoo\r\n'));
    expect(small.nextSimple()).to.equal(SIMPLE_NONE);
    const big = parser();
    const v = 'x'.repeat(40000);
    big.feed(Buffer.from(`*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$${v.length}\r\n${v}\r\n`));
    expect(big.nextSimple()).to.equal(SIMPLE_NONE);
    const argv = big.next() as Buffer[];
    expect(argv[2].length).to.equal(40000);
  });
});
