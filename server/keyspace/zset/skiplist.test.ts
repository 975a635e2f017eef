// Unit tests: the skip list keeps (score, member) order and exact span counts under random inserts, removals,
// rescoring and range removals, checked against a sorted array after every step.
import { expect } from 'chai';
import { parseLexRange, parseScoreRange } from './ranges.js';
import { SkipList, type ZNode } from './skiplist.js';
import { prng } from '../../testing/prng.js';

const order = (a: ZNode, b: ZNode) => (a.score - b.score) || (a.member < b.member ? -1 : a.member > b.member ? 1 : 0);

function walk(l: SkipList): ZNode[] {
  const out: ZNode[] = [];
  for (let n = l.first(); n !== null; n = n.next[0]) out.push(n);
  return out;
}

/** Every level's links and spans agree with level 0, back links mirror forward links, the tail is last. */
function checkInvariants(l: SkipList): void {
  const all = walk(l);
  expect(all.length).to.equal(l.length);
  const pos = new Map(all.map((n, i) => [n, i + 1]));
  for (let i = 0; i < l.level; i++) {
    let at = 0;
    let n: ZNode = l.head;
    for (let f = n.next[i]; f !== null; f = n.next[i]) {
      expect(pos.get(f)! - at).to.equal(n.span[i]);
      at = pos.get(f)!;
      n = f;
    }
  }
  all.forEach((n, i) => expect(n.back).to.equal(i === 0 ? null : all[i - 1]));
  expect(l.tail).to.equal(all.length === 0 ? null : all[all.length - 1]);
}

describe('keyspace: zset skip list', () => {
  it('keeps order, ranks and spans through random inserts, removals and rescoring', () => {
    const rnd = prng(7);
    const l = new SkipList();
    const live = new Map<string, ZNode>();
    for (let step = 0; step < 3000; step++) {
      const member = 'm' + Math.floor(rnd() * 300);
      const score = Math.floor(rnd() * 20) - 10;
      const n = live.get(member);
      const r = rnd();
      if (n === undefined) {
        const x = SkipList.node(member, score);
        l.insert(x);
        live.set(member, x);
      } else if (r < 0.4) {
        l.remove(n);
        live.delete(member);
      } else {
        l.rescore(n, score);
      }
      if (step % 100 === 0) checkInvariants(l);
    }
    checkInvariants(l);
    const sorted = [...live.values()].sort(order);
    expect(walk(l).map((n) => n.member)).to.deep.equal(sorted.map((n) => n.member));
    sorted.forEach((n, i) => {
      expect(l.rankOf(n.score, n.member)).to.equal(i + 1);
      expect(l.byRank(i + 1)).to.equal(n);
    });
    expect(l.rankOf(0, 'absent')).to.equal(0);
    expect(l.byRank(0)).to.equal(null);
    expect(l.byRank(sorted.length + 1)).to.equal(null);
  });

  it('removes rank ranges and finds the ends of score and lex ranges', () => {
    const l = new SkipList();
    for (let i = 0; i < 100; i++) l.insert(SkipList.node(String.fromCharCode(65 + (i % 26)) + i, i % 10));
    const all = walk(l);
    const r = parseScoreRange(Buffer.from('(3'), Buffer.from('5'))!;
    const inRange = all.filter((n) => n.score > 3 && n.score <= 5);
    expect(l.firstInScore(r)).to.equal(inRange[0]);
    expect(l.lastInScore(r)).to.equal(inRange[inRange.length - 1]);
    expect(l.firstInScore(parseScoreRange(Buffer.from('10'), Buffer.from('+inf'))!)).to.equal(null);
    expect(l.lastInScore(parseScoreRange(Buffer.from('5'), Buffer.from('(5'))!)).to.equal(null);
    const removed = l.removeRankRange(11, 30);
    expect(removed).to.deep.equal(all.slice(10, 30));
    checkInvariants(l);
    expect(l.length).to.equal(80);
  });

  it('orders members of equal score by their bytes and finds lex ranges', () => {
    const l = new SkipList();
    for (const m of ['b', 'a', 'ab', '\xff', '', 'B', 'a\x00']) l.insert(SkipList.node(m, 0));
    expect(walk(l).map((n) => n.member)).to.deep.equal(['', 'B', 'a', 'a\x00', 'ab', 'b', '\xff']);
    const { min, max } = parseLexRange(Buffer.from('(a'), Buffer.from('[b'))!;
    expect(l.firstInLex(min, max)!.member).to.equal('a\x00');
    expect(l.lastInLex(min, max)!.member).to.equal('b');
    const all = parseLexRange(Buffer.from('-'), Buffer.from('+'))!;
    expect(l.firstInLex(all.min, all.max)!.member).to.equal('');
    expect(l.lastInLex(all.min, all.max)!.member).to.equal('\xff');
    const none = parseLexRange(Buffer.from('+'), Buffer.from('-'))!;
    expect(l.firstInLex(none.min, none.max)).to.equal(null);
  });
});
