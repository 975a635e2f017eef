// Unit tests of a hashtable set's member slots: the index agrees with a reference Set through growth, shrinking
// and emptying, and a member keeps its slot for as long as it lives.
import { expect } from 'chai';
import { MemberSlots } from './member-slots.js';
import { prng } from '../../testing/prng.js';

function slotOf(t: MemberSlots, m: string): number {
  for (let i = 0; i < t.slotBound; i++) if (t.memberAt(i) === m) return i;
  return -1;
}

/** Short members are kept inside the index's slots, long ones in its overflow arena: the test needs both. */
function member(n: number): string {
  return n % 3 === 0 ? `long member ${n} `.padEnd(40, 'x') : `m:${n}`;
}

describe('set member slots', () => {
  it('answers as a reference Set does through random adds and removes, growing, shrinking and emptying', () => {
    const rnd = prng(7);
    const t = new MemberSlots();
    const ref = new Set<string>();
    const where = new Map<string, number>();
    for (let round = 0; round < 6; round++) {
      // Fill to a few thousand members, then drain most (round 3 drains all), with look-ups of absent members.
      const target = round === 3 ? 0 : 50 + Math.floor(rnd() * 3000);
      for (let i = 0; i < 20000; i++) {
        const m = member(Math.floor(rnd() * 4000));
        const adding = ref.size < target ? rnd() < 0.8 : rnd() < 0.2;
        if (adding) {
          // Members arrive as strings (replay, conversions) and as argument bytes (SADD): both must agree.
          const added = rnd() < 0.5 ? t.add(m) : t.addBytes(Buffer.from(m, 'latin1'));
          expect(added, `add ${m}`).to.equal(!ref.has(m));
          ref.add(m);
          if (!where.has(m)) where.set(m, slotOf(t, m));
        } else {
          expect(t.remove(m), `remove ${m}`).to.equal(ref.has(m));
          ref.delete(m);
          where.delete(m);
        }
        expect(t.has(`absent:${i}`)).to.equal(false);
        expect(t.hasBytes(Buffer.from(m, 'latin1'))).to.equal(ref.has(m));
      }
      expect(t.size).to.equal(ref.size);
      expect(new Set(t.members())).to.deep.equal(ref);
      for (const m of ref) {
        expect(t.has(m), m).to.equal(true);
        expect(slotOf(t, m), `slot of ${m}`).to.equal(where.get(m));
      }
    }
  });

  it('finds every member after removals in the middle of probe runs', () => {
    // A table at most half full still has runs of neighbouring pairs; a removal inside one must shift the rest back.
    const t = new MemberSlots();
    const members = Array.from({ length: 500 }, (_, i) => String.fromCharCode(0x41 + (i % 26), 0x61 + Math.floor(i / 26)));
    for (const m of members) expect(t.add(m)).to.equal(true);
    for (let i = 0; i < members.length; i += 3) expect(t.remove(members[i])).to.equal(true);
    for (let i = 0; i < members.length; i++) expect(t.has(members[i]), members[i]).to.equal(i % 3 !== 0);
    expect(t.size).to.equal(members.length - Math.ceil(members.length / 3));
  });

  it('a clone is independent of the original', () => {
    const t = new MemberSlots();
    for (let i = 0; i < 100; i++) t.add(`x${i}`);
    const c = t.clone();
    t.remove('x1');
    c.add('y');
    expect([t.has('x1'), c.has('x1'), t.has('y'), c.has('y'), t.size, c.size]).to.deep.equal([false, true, false, true, 99, 101]);
  });
});
