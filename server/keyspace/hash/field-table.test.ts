// Unit tests of a hash's field table: it keeps a Map's insertion order and answers through growth, deletes,
// compaction and emptying; values are copies, overwritten in place only when the length allows.
import { expect } from 'chai';
import { FieldTable } from './field-table.js';
import { prng } from '../../testing/prng.js';

const text = (entries: Iterable<[string, Buffer]>) => [...entries].map(([f, v]) => [f, v.toString('latin1')]);

describe('hash field table', () => {
  it('iterates and answers exactly as a Map does through random sets and deletes, compacting and emptying', () => {
    const rnd = prng(11);
    const t = new FieldTable();
    const ref = new Map<string, string>();
    for (let round = 0; round < 6; round++) {
      // Fill to a few thousand fields, then drain most (round 2 drains all): deletes leave holes to compact.
      const target = round === 2 ? 0 : 20 + Math.floor(rnd() * 2500);
      for (let i = 0; i < 15000; i++) {
        const n = Math.floor(rnd() * 3000);
        // Short fields live inside the index's slots, long ones in its overflow arena.
        const f = n % 4 === 0 ? `a longer field name ${n}`.padEnd(36, '-') : `f:${n}`;
        if (ref.size < target ? rnd() < 0.8 : rnd() < 0.2) {
          const v = 'v'.repeat(1 + Math.floor(rnd() * 3)) + i;
          const isNew = rnd() < 0.5 ? t.setCopy(Buffer.from(f, 'latin1'), Buffer.from(v, 'latin1')) : t.set(f, Buffer.from(v, 'latin1'));
          expect(isNew, `set ${f}`).to.equal(!ref.has(f));
          ref.set(f, v);
        } else {
          expect(t.delete(f), `delete ${f}`).to.equal(ref.has(f));
          ref.delete(f);
        }
        expect(t.get(`absent:${i}`)).to.equal(undefined);
      }
      expect(t.size).to.equal(ref.size);
      expect(text(t.entries())).to.deep.equal([...ref]);
      expect([...t.keys()]).to.deep.equal([...ref.keys()]);
      expect([...t.values()].map((v) => v.toString('latin1'))).to.deep.equal([...ref.values()]);
      for (const [f, v] of ref) expect(t.get(f)?.toString('latin1'), f).to.equal(v);
    }
  });

  it('setCopy copies the argument, and overwrites in place (under an earlier view) only a value of the same length', () => {
    const t = new FieldTable();
    const arg = Buffer.from('abc');
    t.setCopy(Buffer.from('f'), arg);
    arg.write('XYZ');
    const first = t.get('f')!;
    expect(first.toString()).to.equal('abc');
    t.setCopy(Buffer.from('f'), Buffer.from('def'));
    expect([first.toString(), t.get('f')!.toString()]).to.deep.equal(['def', 'def']);
    t.setCopy(Buffer.from('f'), Buffer.from('longer'));
    expect([first.toString(), t.get('f')!.toString()]).to.deep.equal(['def', 'longer']);
  });
});
