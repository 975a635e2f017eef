// Unit tests of the packed list storage: long lists spanning many nodes against a plain array model, elements of
// every size (empty, and larger than a node), the RESP-encoded runs LRANGE sends, and queue-like use.
import { expect } from 'chai';
import { decodeListImage, encodeListImage } from './codec.js';
import { ListObject } from './deque.js';

function prng(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

/** An element whose size is usually tiny, sometimes empty, now and then larger than a node. */
function element(rnd: (n: number) => number, tag: number): string {
  const kind = rnd(50);
  if (kind === 0) return '';
  const len = kind === 1 ? 9000 + rnd(4000) : kind < 5 ? 100 + rnd(400) : 1 + rnd(12);
  return `${tag}:`.padEnd(len, String.fromCharCode(97 + (tag % 26)));
}

const bulk = (s: string): string => `$${Buffer.byteLength(s)}\r\n${s}\r\n`;

function contents(list: ListObject): string[] {
  return list.toArray().map((b) => b.toString());
}

describe('keyspace: packed list storage', () => {
  it('a long list under random operations at both ends and in the middle matches an array', () => {
    const rnd = prng(7);
    const list = new ListObject();
    const model: string[] = [];
    for (let step = 0; step < 30000; step++) {
      const v = element(rnd, step);
      const op = rnd(100);
      if (op < 35) (list.pushHead(Buffer.from(v)), model.unshift(v));
      else if (op < 70) (list.pushTail(Buffer.from(v)), model.push(v));
      else if (op < 80) expect(list.popHead()?.toString()).to.equal(model.shift());
      else if (op < 90) expect(list.popTail()?.toString()).to.equal(model.pop());
      else if (op < 94 && model.length > 0) {
        const i = rnd(model.length);
        list.set(i, Buffer.from(v));
        model[i] = v;
      } else if (op < 98) {
        const i = rnd(model.length + 1);
        list.insert(i, Buffer.from(v));
        model.splice(i, 0, v);
      } else if (model.length > 0) {
        const i = rnd(model.length);
        expect(list.at(i).toString(), `element ${i}`).to.equal(model[i]);
      }
      expect(list.length).to.equal(model.length);
    }
    expect(contents(list)).to.deep.equal(model);
  });

  it('stepping through every index forwards and backwards reads each element once in order', () => {
    const list = new ListObject();
    const model: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const v = `e${i}`;
      if (i % 3 === 0) (list.pushHead(Buffer.from(v)), model.unshift(v));
      else (list.pushTail(Buffer.from(v)), model.push(v));
    }
    for (let i = 0; i < model.length; i++) expect(list.at(i).toString()).to.equal(model[i]);
    for (let i = model.length - 1; i >= 0; i--) expect(list.at(i).toString()).to.equal(model[i]);
  });

  it('encoded runs and encoded pops spell each element as a RESP bulk string, in order', () => {
    const rnd = prng(11);
    const list = new ListObject();
    const model: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const v = element(rnd, i);
      if (rnd(2) === 0) (list.pushHead(Buffer.from(v)), model.unshift(v));
      else (list.pushTail(Buffer.from(v)), model.push(v));
    }
    for (let t = 0; t < 200; t++) {
      const start = rnd(model.length);
      const end = Math.min(model.length - 1, start + rnd(300));
      const runs: Buffer[] = [];
      list.encodedRuns(start, end, (run) => runs.push(Buffer.from(run)));
      expect(Buffer.concat(runs).toString(), `range ${start}..${end}`).to.equal(model.slice(start, end + 1).map(bulk).join(''));
      expect(list.encodedAt(start).toString()).to.equal(bulk(model[start]));
    }
    for (let t = 0; t < 500; t++) {
      if (t % 2 === 0) expect(list.popHeadEncoded().toString()).to.equal(bulk(model.shift()!));
      else expect(list.popTailEncoded().toString()).to.equal(bulk(model.pop()!));
    }
    expect(contents(list)).to.deep.equal(model);
  });

  it('a queue (push at the head, pop at the tail) keeps its order', () => {
    const list = new ListObject();
    let pushed = 0;
    let popped = 0;
    for (let round = 0; round < 200; round++) {
      for (let i = 0; i < 500; i++) list.pushHead(Buffer.from(`q${pushed++}`));
      for (let i = 0; i < 480; i++) expect(list.popTail()!.toString()).to.equal(`q${popped++}`);
    }
    expect(list.length).to.equal(pushed - popped);
    expect(list.at(0).toString()).to.equal(`q${pushed - 1}`);
    expect(list.at(list.length - 1).toString()).to.equal(`q${popped}`);
  });

  it('runs of pushes at one end, of elements smaller or larger than the full node beside them held, keep their order', () => {
    // A node started beside a full one is given that node's slot count: these runs overflow and underuse it.
    const rnd = prng(11);
    const list = new ListObject();
    const model: string[] = [];
    for (const [atHead, maxLen] of [[true, 1], [true, 40], [true, 1], [false, 2], [false, 60], [false, 1]] as const) {
      for (let i = 0; i < 3000; i++) {
        const v = 'x'.repeat(1 + rnd(maxLen)) + i;
        if (atHead) {
          list.pushHead(Buffer.from(v));
          model.unshift(v);
        } else {
          list.pushTail(Buffer.from(v));
          model.push(v);
        }
      }
    }
    expect(contents(list)).to.deep.equal(model);
    for (let i = 0; i < 9000; i++) expect(list.popTail()!.toString()).to.equal(model.pop());
    for (let i = 0; i < 9000; i++) expect(list.popHead()!.toString()).to.equal(model.shift());
    expect(list.length).to.equal(0);
  });

  it('sets and inserts in the middle of full nodes keep every element, splitting a node that outgrows its bound', () => {
    const rnd = prng(5);
    const list = new ListObject();
    const model: string[] = [];
    for (let i = 0; i < 20000; i++) {
      list.pushTail(Buffer.from(`e${i}`));
      model.push(`e${i}`);
    }
    for (let step = 0; step < 600; step++) {
      const i = 1 + rnd(model.length - 2);
      const v = step % 7 === 0 ? 'L'.repeat(300 + rnd(3000)) : `n${step}`;
      if (step % 2 === 0) {
        list.set(i, Buffer.from(v));
        model[i] = v;
      } else {
        list.insert(i, Buffer.from(v));
        model.splice(i, 0, v);
      }
      expect(list.at(i).toString()).to.equal(v);
    }
    expect(contents(list)).to.deep.equal(model);
  });

  it('trim drops whole nodes and parts of nodes from both ends', () => {
    const list = new ListObject();
    const model: string[] = [];
    for (let i = 0; i < 20000; i++) (list.pushTail(Buffer.from(`t${i}`)), model.push(`t${i}`));
    list.trim(3001, 7777);
    expect(contents(list)).to.deep.equal(model.slice(3001, model.length - 7777));
    list.trim(list.length, 0);
    expect(list.length).to.equal(0);
    list.pushHead(Buffer.from('again'));
    expect(contents(list)).to.deep.equal(['again']);
  });

  it('elements pushed are copies: changing the pushed Buffer afterwards changes nothing', () => {
    const list = new ListObject();
    const b = Buffer.from('abc');
    list.pushTail(b);
    list.pushHead(b);
    b.write('xyz');
    expect(contents(list)).to.deep.equal(['abc', 'abc']);
  });

  it('an IMAGE written from the nodes and read back into nodes gives the same elements, short and long, across nodes', () => {
    const rnd = prng(5);
    const list = new ListObject();
    const want: string[] = [];
    for (let i = 0; i < 5000; i++) {
      // Empty, under and over the 16-byte copy threshold, and a few bigger than a node.
      const len = i % 997 === 0 ? 9000 : [0, 3, 15, 16, 40][i % 5] + rnd(3);
      const v = `${i}:`.padEnd(len, String.fromCharCode(0x61 + (i % 26))).slice(0, Math.max(len, 0));
      if (i % 3 === 0) {
        list.pushHead(Buffer.from(v, 'latin1'));
        want.unshift(v);
      } else {
        list.pushTail(Buffer.from(v, 'latin1'));
        want.push(v);
      }
    }
    const copy = decodeListImage(encodeListImage(list));
    expect(copy.length).to.equal(want.length);
    expect(contents(copy)).to.deep.equal(want);
    expect(contents(decodeListImage(encodeListImage(new ListObject())))).to.deep.equal([]);
  });
});
