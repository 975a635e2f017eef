// Unit tests: the node arena hands out aligned blocks, keeps their contents through growth, and reuses a freed
// block only for a node of the same level and a freed id for the next node.
import { expect } from 'chai';
import { ID, LEVEL, LINKS, NIL, NodeArena } from './arena.js';

describe('keyspace: zset node arena', () => {
  it('keeps scores, members and links of earlier nodes when it grows', () => {
    const arena = new NodeArena();
    const head = arena.allocHead();
    const nodes: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = arena.alloc(1 + (i % 5), 'm' + i, i + 0.5);
      arena.i32[n + LINKS] = i;
      nodes.push(n);
    }
    expect(head).to.not.equal(NIL);
    nodes.forEach((n, i) => {
      expect(n % 2, 'aligned').to.equal(0);
      expect(arena.f64[n >> 1]).to.equal(i + 0.5);
      expect(arena.members[arena.i32[n + ID]]).to.equal('m' + i);
      expect(arena.i32[n + LEVEL]).to.equal(1 + (i % 5));
      expect(arena.i32[n + LINKS]).to.equal(i);
    });
  });

  it('reuses a freed block for the same level only, and the last freed id first', () => {
    const arena = new NodeArena();
    arena.allocHead();
    const a = arena.alloc(2, 'a', 1);
    const b = arena.alloc(3, 'b', 2);
    const idA = arena.i32[a + ID];
    const idB = arena.i32[b + ID];
    arena.release(a);
    arena.release(b);
    expect(arena.members[idA]).to.equal('');
    expect(arena.blocks[idA]).to.equal(NIL);
    const c = arena.alloc(3, 'c', 3);
    expect(c).to.equal(b);
    expect(arena.i32[c + ID]).to.equal(idB);
    expect(arena.i32[c + LINKS + 4]).to.equal(0);
    const d = arena.alloc(1, 'd', 4);
    expect(d).to.not.equal(a);
    expect(arena.i32[d + ID]).to.equal(idA);
    expect(arena.alloc(2, 'e', 5)).to.equal(a);
    expect(arena.idCount).to.equal(3);
  });
});
