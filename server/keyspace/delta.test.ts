// Unit tests: collection payloads read back exactly what was written, field by field.
import { expect } from 'chai';
import { DeltaReader, deltaWriter } from './delta.js';

describe('collection delta payloads', () => {
  it('fields read back in order with their exact values', () => {
    const payload = Buffer.from(
      deltaWriter(7).u8(255).u32(4000000000).i64(-5).i64(2n ** 62n).f64(-0.1).bytes(Buffer.from([0, 1, 2])).str('f\xe9').end(),
    );
    const r = new DeltaReader(payload);
    expect([r.u8(), r.u8(), r.u32(), r.i64(), r.i64Big(), r.f64()]).to.deep.equal([7, 255, 4000000000, -5, 2n ** 62n, -0.1]);
    expect([...r.bytes()]).to.deep.equal([0, 1, 2]);
    expect(r.str()).to.equal('f\xe9');
    expect(r.done).to.equal(true);
  });

  it('a payload larger than the scratch buffer is written whole', () => {
    const big = Buffer.alloc(100000, 0x61);
    const payload = Buffer.from(deltaWriter(1).bytes(big).bytes(big).end());
    const r = new DeltaReader(payload);
    r.u8();
    expect(r.bytes().equals(big)).to.equal(true);
    expect(r.bytes().equals(big)).to.equal(true);
  });

  it('doubles keep their sign, infinities and every bit', () => {
    const vals = [-0, Infinity, -Infinity, 5e-324, 1.7976931348623157e308, 0.1 + 0.2];
    const w = deltaWriter(0);
    for (const v of vals) w.f64(v);
    const r = new DeltaReader(Buffer.from(w.end()));
    r.u8();
    for (const v of vals) expect(Object.is(r.f64(), v)).to.equal(true);
  });

  it('a short payload written after the scratch buffer grew reads its own bytes, not the old buffer\'s', () => {
    // end() keeps views of short lengths; growing the buffer must drop them, or they would show stale bytes.
    const before = deltaWriter(1).u32(11).end();
    expect([...before]).to.deep.equal([1, 11, 0, 0, 0]);
    deltaWriter(2).bytes(Buffer.alloc(200000, 0x62)).end();
    const after = deltaWriter(3).u32(22).end();
    expect([...after]).to.deep.equal([3, 22, 0, 0, 0]);
    expect(after.length).to.equal(5);
  });
});
