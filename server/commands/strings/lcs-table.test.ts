import { expect } from 'chai';
import { computeLcs, lcsTableBytes } from './lcs-table.js';

function lcs(a: string, b: string, minMatchLen = 0) {
  const table = new Uint32Array(lcsTableBytes(a.length, b.length) / 4);
  return computeLcs(Buffer.from(a), Buffer.from(b), table, true, minMatchLen);
}

describe('strings: the LCS table and its walk', () => {
  it('finds the subsequence and the matched runs from the end backwards', () => {
    const r = lcs('ohmytext', 'mynewtext');
    expect(r.len).to.equal(6);
    expect(r.subsequence!.toString()).to.equal('mytext');
    expect(r.matches).to.deep.equal([
      { a: [4, 7], b: [5, 8], len: 4 },
      { a: [2, 3], b: [0, 1], len: 2 },
    ]);
  });

  it('drops runs shorter than MINMATCHLEN but keeps counting the length', () => {
    const r = lcs('ohmytext', 'mynewtext', 4);
    expect(r.len).to.equal(6);
    expect(r.matches.map((m) => m.len)).to.deep.equal([4]);
  });

  it('handles empty and disjoint strings', () => {
    expect(lcs('', 'abc')).to.deep.equal({ len: 0, subsequence: Buffer.alloc(0), matches: [] });
    expect(lcs('abc', 'xyz').len).to.equal(0);
  });

  it('computes only the length when no walk is asked for', () => {
    const table = new Uint32Array(lcsTableBytes(4, 2) / 4);
    expect(computeLcs(Buffer.from('aaaa'), Buffer.from('aa'), table, false, 0)).to.deep.equal({ len: 2, subsequence: null, matches: [] });
  });

  it('sizes the table as (|a|+1)(|b|+1) 32-bit cells', () => {
    expect(lcsTableBytes(600, 600)).to.equal(601 * 601 * 4);
  });
});
