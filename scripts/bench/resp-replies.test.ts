// Tests of the benchmarks' RESP reply framer: every reply counted once with its type and length, whatever the
// chunk boundaries, and error texts kept.
import { expect } from 'chai';
import { ARRAY, BULK, ERROR, INTEGER, ReplyFramer, SIMPLE } from './resp-replies.js';

const STREAM = Buffer.from(
  '+OK\r\n$5\r\nhello\r\n$-1\r\n:42\r\n:-7\r\n-ERR wrong number of arguments\r\n$0\r\n\r\n' +
    '*2\r\n$3\r\nfoo\r\n*2\r\n:1\r\n$2\r\n\r\n\r\n*0\r\n*-1\r\n$12\r\nwith\r\nCRLF\r\n\r\n+PONG\r\n',
  'latin1',
);
const EXPECTED: [number, number][] = [
  [SIMPLE, 0], [BULK, 5], [BULK, -1], [INTEGER, 42], [INTEGER, -7], [ERROR, 0], [BULK, 0],
  [ARRAY, 2], [ARRAY, 0], [ARRAY, -1], [BULK, 12], [SIMPLE, 0],
];

function replies(chunks: Buffer[]): { got: [number, number][]; framer: ReplyFramer } {
  const got: [number, number][] = [];
  const framer = new ReplyFramer((k, n) => got.push([k, n]));
  for (const c of chunks) framer.feed(c);
  return { got, framer };
}

describe('RESP reply framer', () => {
  it('frames a stream of every reply type fed whole', () => {
    const { got, framer } = replies([STREAM]);
    expect(got).to.deep.equal(EXPECTED);
    expect(framer.errors).to.equal(1);
    expect(framer.firstError).to.equal('-ERR wrong number of arguments');
  });

  it('frames the same stream split at every byte boundary', () => {
    for (let at = 1; at < STREAM.length; at++) {
      const { got, framer } = replies([STREAM.subarray(0, at), STREAM.subarray(at)]);
      expect(got, `split at ${at}`).to.deep.equal(EXPECTED);
      expect(framer.firstError, `split at ${at}`).to.equal('-ERR wrong number of arguments');
    }
  });

  it('frames the stream fed one byte at a time', () => {
    const bytes = Array.from({ length: STREAM.length }, (_, i) => STREAM.subarray(i, i + 1));
    expect(replies(bytes).got).to.deep.equal(EXPECTED);
  });

  it('reports nothing for an unfinished reply until its last byte arrives', () => {
    const got: number[] = [];
    const f = new ReplyFramer((_, n) => got.push(n));
    f.feed(Buffer.from('$10\r\n01234'));
    f.feed(Buffer.from('56789\r'));
    expect(got).to.deep.equal([]);
    f.feed(Buffer.from('\n'));
    expect(got).to.deep.equal([10]);
  });
});
