// Unit tests: the typed-array skip list keeps (score, member) order, exact spans, back links and ZSCAN slots under
// random inserts, deletions, rescoring and range removals, checked against a sorted-array model of the same set.
import { expect } from 'chai';
import { parseLexRange, parseScoreRange, type LexBound, type ScoreRange } from './ranges.js';
import { NIL, SkipList, type ZNode } from './skiplist.js';
import { prng } from '../../testing/prng.js';

type Item = [member: string, score: number];

const byOrder = (a: Item, b: Item) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function walk(l: SkipList): Item[] {
  const out: Item[] = [];
  for (let n = l.first(); n !== NIL; n = l.next(n)) out.push([l.member(n), l.score(n)]);
  return out;
}

/** Every node's rank agrees with level 0, back links mirror forward links, the tail is last, slots map back. */
function checkInvariants(l: SkipList, live: Map<string, ZNode>): void {
  const nodes: ZNode[] = [];
  for (let n = l.first(); n !== NIL; n = l.next(n)) nodes.push(n);
  expect(nodes.length).to.equal(l.length);
  nodes.forEach((n, i) => {
    expect(l.prev(n)).to.equal(i === 0 ? NIL : nodes[i - 1]);
    expect(l.rankOf(n)).to.equal(i + 1);
    expect(l.byRank(i + 1)).to.equal(n);
    expect(l.atSlot(l.slot(n))).to.equal(n);
    expect(live.get(l.member(n))).to.equal(n);
  });
  expect(l.tail).to.equal(nodes.length === 0 ? NIL : nodes[nodes.length - 1]);
  let used = 0;
  for (let s = 0; s < l.slotCount; s++) if (l.atSlot(s) !== NIL) used++;
  expect(used).to.equal(l.length);
}

/** The model's answer for a score range's first and last member. */
function scoreEnds(model: Item[], r: ScoreRange): [string | null, string | null] {
  const inside = model.filter(([, s]) => (r.minex ? s > r.min : s >= r.min) && (r.maxex ? s < r.max : s <= r.max));
  return [inside[0]?.[0] ?? null, inside[inside.length - 1]?.[0] ?? null];
}

function memberOrNull(l: SkipList, n: ZNode): string | null {
  return n === NIL ? null : l.member(n);
}

describe('keyspace: zset skip list', () => {
  it('matches a sorted-array model through random inserts, deletions, rescoring and rank removals', () => {
    const rnd = prng(7);
    const l = new SkipList();
    const live = new Map<string, ZNode>();
    let model: Item[] = [];
    for (let step = 0; step < 4000; step++) {
      const member = 'm' + Math.floor(rnd() * 300);
      // Few distinct scores, so ties (ordered by member bytes) are common.
      const score = Math.floor(rnd() * 20) - 10 + (rnd() < 0.1 ? 0.5 : 0);
      const n = live.get(member);
      const r = rnd();
      if (step % 500 === 499 && l.length > 10) {
        const start = 1 + Math.floor(rnd() * (l.length - 5));
        const end = start + Math.floor(rnd() * 5);
        const gone = l.removeRankRange(start, end);
        expect(gone).to.deep.equal(model.slice(start - 1, end).map(([m]) => m));
        for (const m of gone) live.delete(m);
        model.splice(start - 1, end - start + 1);
      } else if (n === undefined) {
        const x = l.create(member, score);
        l.insert(x);
        live.set(member, x);
        model.push([member, score]);
      } else if (r < 0.4) {
        l.delete(n);
        live.delete(member);
        model = model.filter(([m]) => m !== member);
      } else {
        l.rescore(n, score);
        model.find(([m]) => m === member)![1] = score;
      }
      model.sort(byOrder);
      if (step % 200 === 0) checkInvariants(l, live);
      if (step % 50 === 0) expect(walk(l)).to.deep.equal(model);
    }
    checkInvariants(l, live);
    expect(walk(l)).to.deep.equal(model);
    expect(l.byRank(0)).to.equal(NIL);
    expect(l.byRank(l.length + 1)).to.equal(NIL);
  });

  it('finds the ends of random score ranges as the model does', () => {
    const rnd = prng(11);
    const l = new SkipList();
    const model: Item[] = [];
    for (let i = 0; i < 500; i++) {
      const item: Item = ['k' + i, Math.floor(rnd() * 50)];
      l.insert(l.create(...item));
      model.push(item);
    }
    model.sort(byOrder);
    for (let i = 0; i < 300; i++) {
      const lo = Math.floor(rnd() * 60) - 5;
      const hi = lo + Math.floor(rnd() * 20) - 3;
      const r = parseScoreRange(Buffer.from((rnd() < 0.5 ? '(' : '') + lo), Buffer.from((rnd() < 0.5 ? '(' : '') + hi))!;
      const [first, last] = scoreEnds(model, r);
      expect(memberOrNull(l, l.firstInScore(r)), `first in ${JSON.stringify(r)}`).to.equal(first);
      expect(memberOrNull(l, l.lastInScore(r)), `last in ${JSON.stringify(r)}`).to.equal(last);
    }
  });

  it('orders members of equal score by their bytes and finds lex ranges', () => {
    const l = new SkipList();
    for (const m of ['b', 'a', 'ab', '\xff', '', 'B', 'a\x00']) l.insert(l.create(m, 0));
    expect(walk(l).map(([m]) => m)).to.deep.equal(['', 'B', 'a', 'a\x00', 'ab', 'b', '\xff']);
    const lex = (min: string, max: string): { min: LexBound; max: LexBound } => parseLexRange(Buffer.from(min, 'latin1'), Buffer.from(max, 'latin1'))!;
    const r = lex('(a', '[b');
    expect(l.member(l.firstInLex(r.min, r.max))).to.equal('a\x00');
    expect(l.member(l.lastInLex(r.min, r.max))).to.equal('b');
    const all = lex('-', '+');
    expect(l.member(l.firstInLex(all.min, all.max))).to.equal('');
    expect(l.member(l.lastInLex(all.min, all.max))).to.equal('\xff');
    const none = lex('+', '-');
    expect(l.firstInLex(none.min, none.max)).to.equal(NIL);
    const between = lex('(ab', '(b');
    expect(l.firstInLex(between.min, between.max)).to.equal(NIL);
  });

  it('keeps -0 and 0 as equal scores and moves a rescored node only across its neighbours', () => {
    const l = new SkipList();
    const a = l.create('a', -0);
    const b = l.create('b', 0);
    l.insert(b);
    l.insert(a);
    expect(walk(l).map(([m]) => m)).to.deep.equal(['a', 'b']);
    expect(Object.is(l.score(a), -0)).to.equal(true);
    l.rescore(a, 0.5);
    expect(walk(l)).to.deep.equal([['b', 0], ['a', 0.5]]);
    l.rescore(a, -Infinity);
    expect(walk(l)).to.deep.equal([['a', -Infinity], ['b', 0]]);
    expect(l.rankOf(b)).to.equal(2);
  });

  it('appends members given in order, and falls back to a search for one that is not last', () => {
    const rnd = prng(3);
    const l = new SkipList();
    const live = new Map<string, ZNode>();
    const model: Item[] = [];
    const add = (member: string, score: number, how: 'append' | 'insert') => {
      const x = l.create(member, score);
      if (how === 'append') l.append(x);
      else l.insert(x);
      live.set(member, x);
      model.push([member, score]);
      model.sort(byOrder);
    };
    for (let i = 0; i < 1500; i++) add('a' + String(i).padStart(5, '0'), Math.floor(i / 3), 'append');
    checkInvariants(l, live);
    for (let round = 0; round < 20; round++) {
      const victim = model[Math.floor(rnd() * model.length)][0];
      l.delete(live.get(victim)!);
      live.delete(victim);
      model.splice(model.findIndex(([m]) => m === victim), 1);
      for (let i = 0; i < 20; i++) add(`b${round}-${i}`, 600 + round * 20 + i, 'append');
      add(`c${round}`, Math.floor(rnd() * 700), 'append');
      add(`d${round}`, Math.floor(rnd() * 700), 'insert');
      l.rescore(l.tail, l.score(l.tail) + 0.25);
      model[model.length - 1][1] += 0.25;
      checkInvariants(l, live);
    }
    expect(walk(l)).to.deep.equal(model);
  });

  it('grows its arena past many nodes and reuses freed nodes and slots', () => {
    const l = new SkipList();
    const nodes: ZNode[] = [];
    for (let i = 0; i < 20000; i++) {
      const n = l.create('e' + i, i % 997);
      l.insert(n);
      nodes.push(n);
    }
    expect(l.length).to.equal(20000);
    expect(l.member(l.byRank(1))).to.equal('e0');
    const slots = l.slotCount;
    for (let i = 0; i < 20000; i += 2) l.delete(nodes[i]);
    for (let i = 0; i < 10000; i++) l.insert(l.create('f' + i, -i));
    expect(l.slotCount).to.equal(slots);
    expect(l.length).to.equal(20000);
    expect(l.member(l.first())).to.equal('f9999');
    expect(l.score(l.tail)).to.equal(996);
    let prev = -Infinity;
    for (let n = l.first(); n !== NIL; n = l.next(n)) {
      expect(l.score(n)).to.be.at.least(prev);
      prev = l.score(n);
    }
  });
});
