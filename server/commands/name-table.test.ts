// Unit tests of the byte-keyed command-name table: any letter case finds a name, nothing else does.
import { expect } from 'chai';
import { NameTable } from './name-table.js';

const NAMES = ['get', 'set', 'incr', 'lpush', 'client', 'restore-asking', 'georadius_ro', 'pfselftest', 'zrangebyscore'];

function table(): NameTable<string> {
  return new NameTable(NAMES.map((n) => [n, n.toUpperCase()] as const));
}

describe('NameTable', () => {
  it('finds every name in lower, upper and mixed case', () => {
    const t = table();
    for (const n of NAMES) {
      expect(t.get(Buffer.from(n))).to.equal(n.toUpperCase());
      expect(t.get(Buffer.from(n.toUpperCase()))).to.equal(n.toUpperCase());
      const mixed = [...n].map((c, i) => (i % 2 === 0 ? c.toUpperCase() : c)).join('');
      expect(t.get(Buffer.from(mixed))).to.equal(n.toUpperCase());
    }
  });

  it('finds nothing for prefixes, extensions, empty names or bytes that only look alike', () => {
    const t = table();
    for (const s of ['', 'ge', 'gets', 'lpus', 'lpushx', 'restore_asking', 'georadius-ro', 'get\0', 'g\u00c9t']) {
      expect(t.get(Buffer.from(s, 'latin1')), JSON.stringify(s)).to.equal(undefined);
    }
    // Folding applies to ASCII letters only: '-' | 0x20 is '-' but '\r' (0x0d) must not match '-' (0x2d).
    expect(t.get(Buffer.from('restore\rasking', 'latin1'))).to.equal(undefined);
    expect(t.get(Buffer.alloc(100, 0x61))).to.equal(undefined);
  });

  it('keeps every entry of a table fuller than its first size', () => {
    const names = Array.from({ length: 300 }, (_, i) => `cmd${i}`);
    const t = new NameTable(names.map((n, i) => [n, i] as const));
    names.forEach((n, i) => expect(t.get(Buffer.from(n.toUpperCase()))).to.equal(i));
    expect(t.get(Buffer.from('cmd300'))).to.equal(undefined);
  });
});
