// Unit tests: the order-statistic B+ tree keeps (score, member) order, exact ranks, leaf links and ZSCAN ids under
// random inserts, deletions, rescoring and rank removals, checked against a sorted-array model of the same set;
// sizes are chosen so leaves and inner nodes split, the root grows, and the tree empties and shrinks back.
import { expect } from 'chai';
import { parseLexRange, parseScoreRange, type LexBound, type ScoreRange } from './ranges.js';
import { NIL, ScoreTree, type ZPos } from './score-tree.js';
import { prng } from '../../testing/prng.js';

type Item = [member: string, score: number];

const byOrder = (a: Item, b: Item) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

function walk(t: ScoreTree): Item[] {
  const out: Item[] = [];
  for (let p = t.first(); p !== NIL; p = t.next(p)) out.push([t.member(p), t.score(p)]);
  return out;
}

/** Every position's rank agrees with the walk, prev mirrors next, ids map back to their members and scores. */
function checkInvariants(t: ScoreTree, live: Map<string, number>): void {
  const positions: ZPos[] = [];
  for (let p = t.first(); p !== NIL; p = t.next(p)) positions.push(p);
  expect(positions.length).to.equal(t.length);
  positions.forEach((p, i) => {
    expect(t.prev(p)).to.equal(i === 0 ? NIL : positions[i - 1]);
    expect(t.rankOf(p)).to.equal(i + 1);
    expect(t.byRank(i + 1)).to.equal(p);
    const id = t.idAt(p);
    expect(live.get(t.member(p))).to.equal(id);
    expect(t.memberOf(id)).to.equal(t.member(p));
    expect(Object.is(t.scoreOf(id), t.score(p))).to.equal(true);
  });
  expect(t.last()).to.equal(positions.length === 0 ? NIL : positions[positions.length - 1]);
  let used = 0;
  for (let id = 0; id < t.idCount; id++) if (t.holds(id)) used++;
  expect(used).to.equal(t.length);
}

/** The model's answer for a score range's first and last member. */
function scoreEnds(model: Item[], r: ScoreRange): [string | null, string | null] {
  const inside = model.filter(([, s]) => (r.minex ? s > r.min : s >= r.min) && (r.maxex ? s < r.max : s <= r.max));
  return [inside[0]?.[0] ?? null, inside[inside.length - 1]?.[0] ?? null];
}

function memberOrNull(t: ScoreTree, p: ZPos): string | null {
  return p === NIL ? null : t.member(p);
}

/** Random changes against the model; `members` distinct names, scores from `scores` values (ties common). */
function randomRun(seed: number, steps: number, members: number, scores: number, checkEvery: number): void {
  const rnd = prng(seed);
  const t = new ScoreTree();
  const live = new Map<string, number>();
  // The model: member → score, sorted only when compared.
  const model = new Map<string, number>();
  const sorted = (): Item[] => [...model].sort(byOrder);
  for (let step = 0; step < steps; step++) {
    const member = 'm' + Math.floor(rnd() * members);
    const score = Math.floor(rnd() * scores) - scores / 2 + (rnd() < 0.1 ? 0.5 : 0);
    const id = live.get(member);
    const r = rnd();
    if (step % 500 === 499 && t.length > 10) {
      const start = 1 + Math.floor(rnd() * (t.length - 5));
      const end = start + Math.floor(rnd() * 5);
      const gone = t.removeRankRange(start, end);
      expect(gone).to.deep.equal(sorted().slice(start - 1, end).map(([m]) => m));
      for (const m of gone) {
        live.delete(m);
        model.delete(m);
      }
    } else if (id === undefined) {
      live.set(member, t.add(member, score));
      model.set(member, score);
    } else if (r < 0.4) {
      t.remove(id);
      live.delete(member);
      model.delete(member);
    } else {
      t.rescore(id, score);
      model.set(member, score);
    }
    if (step % checkEvery === 0) {
      checkInvariants(t, live);
      expect(walk(t)).to.deep.equal(sorted());
    }
  }
  checkInvariants(t, live);
  expect(walk(t)).to.deep.equal(sorted());
  expect(t.byRank(0)).to.equal(NIL);
  expect(t.byRank(t.length + 1)).to.equal(NIL);
}

describe('keyspace: zset score tree', () => {
  it('matches a sorted-array model through random inserts, deletions, rescoring and rank removals', () => {
    randomRun(7, 4000, 300, 20, 50);
  });

  it('matches the model while leaves and inner nodes split, with scores spread and with many ties', () => {
    // ~6000 live members: about a hundred leaves, so the root is an inner node that has split at least once.
    randomRun(21, 30000, 10000, 1_000_000, 3000);
    randomRun(22, 30000, 10000, 4, 3000);
  });

  it('empties completely and grows again, ranks intact', () => {
    const t = new ScoreTree();
    const live = new Map<string, number>();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 9000; i++) live.set('e' + i, t.add('e' + i, (i * 7919) % 1000));
      checkInvariants(t, live);
      const ids = [...live.values()];
      for (let i = 0; i < ids.length; i += 2) t.remove(ids[i]);
      for (let i = 1; i < ids.length; i += 2) t.remove(ids[i]);
      live.clear();
      expect(t.length).to.equal(0);
      expect(t.first()).to.equal(NIL);
      expect(t.last()).to.equal(NIL);
      checkInvariants(t, live);
    }
  });

  it('finds the ends of random score ranges as the model does', () => {
    const rnd = prng(11);
    for (const size of [500, 5000]) {
      const t = new ScoreTree();
      const model: Item[] = [];
      for (let i = 0; i < size; i++) {
        const item: Item = ['k' + i, Math.floor(rnd() * 50)];
        t.add(...item);
        model.push(item);
      }
      model.sort(byOrder);
      for (let i = 0; i < 300; i++) {
        const lo = Math.floor(rnd() * 60) - 5;
        const hi = lo + Math.floor(rnd() * 20) - 3;
        const r = parseScoreRange(Buffer.from((rnd() < 0.5 ? '(' : '') + lo), Buffer.from((rnd() < 0.5 ? '(' : '') + hi))!;
        const [first, last] = scoreEnds(model, r);
        expect(memberOrNull(t, t.firstInScore(r)), `first in ${JSON.stringify(r)}`).to.equal(first);
        expect(memberOrNull(t, t.lastInScore(r)), `last in ${JSON.stringify(r)}`).to.equal(last);
      }
    }
  });

  it('orders members of equal score by their bytes and finds lex ranges, in one leaf and across many', () => {
    const lex = (min: string, max: string): { min: LexBound; max: LexBound } => parseLexRange(Buffer.from(min, 'latin1'), Buffer.from(max, 'latin1'))!;
    const t = new ScoreTree();
    for (const m of ['b', 'a', 'ab', '\xff', '', 'B', 'a\x00']) t.add(m, 0);
    expect(walk(t).map(([m]) => m)).to.deep.equal(['', 'B', 'a', 'a\x00', 'ab', 'b', '\xff']);
    const r = lex('(a', '[b');
    expect(t.member(t.firstInLex(r.min, r.max))).to.equal('a\x00');
    expect(t.member(t.lastInLex(r.min, r.max))).to.equal('b');
    const all = lex('-', '+');
    expect(t.member(t.firstInLex(all.min, all.max))).to.equal('');
    expect(t.member(t.lastInLex(all.min, all.max))).to.equal('\xff');
    const none = lex('+', '-');
    expect(t.firstInLex(none.min, none.max)).to.equal(NIL);
    const between = lex('(ab', '(b');
    expect(t.firstInLex(between.min, between.max)).to.equal(NIL);

    const big = new ScoreTree();
    const names = Array.from({ length: 3000 }, (_, i) => 'w' + String(i * 3).padStart(5, '0'));
    for (const m of [...names].reverse()) big.add(m, 1);
    for (let i = 0; i < 200; i++) {
      const a = (i * 37) % 9000;
      const b = a + ((i * 11) % 400);
      const q = lex('[w' + String(a).padStart(5, '0'), '(w' + String(b).padStart(5, '0'));
      const inside = names.filter((m) => m >= 'w' + String(a).padStart(5, '0') && m < 'w' + String(b).padStart(5, '0'));
      expect(memberOrNull(big, big.firstInLex(q.min, q.max))).to.equal(inside[0] ?? null);
      expect(memberOrNull(big, big.lastInLex(q.min, q.max))).to.equal(inside[inside.length - 1] ?? null);
    }
  });

  it('keeps -0 and 0 as equal scores and moves a rescored entry only across its neighbours', () => {
    const t = new ScoreTree();
    const b = t.add('b', 0);
    const a = t.add('a', -0);
    expect(walk(t).map(([m]) => m)).to.deep.equal(['a', 'b']);
    expect(Object.is(t.scoreOf(a), -0)).to.equal(true);
    t.rescore(a, 0.5);
    expect(walk(t)).to.deep.equal([['b', 0], ['a', 0.5]]);
    t.rescore(a, -Infinity);
    expect(walk(t)).to.deep.equal([['a', -Infinity], ['b', 0]]);
    expect(t.rankOfId(b)).to.equal(2);
  });

  it('fills its leaves when members come in order, and still places one that does not', () => {
    const t = new ScoreTree();
    const live = new Map<string, number>();
    const model: Item[] = [];
    for (let i = 0; i < 6400; i++) {
      const m = 'a' + String(i).padStart(5, '0');
      live.set(m, t.add(m, Math.floor(i / 3)));
      model.push([m, Math.floor(i / 3)]);
    }
    // Every leaf full: rank r sits at index (r - 1) mod 64 of its leaf (a half-split leaf would break this).
    for (let r = 1; r <= 6400; r++) expect(t.byRank(r) & 63, `rank ${r}`).to.equal((r - 1) % 64);
    live.set('mid', t.add('mid', 1000.5));
    model.push(['mid', 1000.5]);
    model.sort(byOrder);
    checkInvariants(t, live);
    expect(walk(t)).to.deep.equal(model);
  });

  it('reuses freed ids, the last freed first, so ZSCAN cursors stay small', () => {
    const t = new ScoreTree();
    const ids: number[] = [];
    for (let i = 0; i < 20000; i++) ids.push(t.add('e' + i, i % 997));
    expect(t.length).to.equal(20000);
    expect(t.member(t.byRank(1))).to.equal('e0');
    const count = t.idCount;
    for (let i = 0; i < 20000; i += 2) t.remove(ids[i]);
    expect(t.add('x', 5)).to.equal(ids[19998]);
    for (let i = 1; i < 10000; i++) t.add('f' + i, -i);
    expect(t.idCount).to.equal(count);
    expect(t.length).to.equal(20000);
    expect(t.member(t.first())).to.equal('f9999');
    expect(t.score(t.last())).to.equal(996);
    let prev = -Infinity;
    for (let p = t.first(); p !== NIL; p = t.next(p)) {
      expect(t.score(p)).to.be.at.least(prev);
      prev = t.score(p);
    }
  });
});
