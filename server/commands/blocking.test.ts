// Unit tests: blocked clients are served per ready key in arrival order, once, and only when someone waits.
import { expect } from 'chai';
import { BlockingRegistry, type Waiter } from './blocking.js';

function waiter(name: string, keys: string[], log: string[], serve: () => boolean, db = 0): Waiter {
  return { db, keys, retry: (key) => (log.push(`${name}@${key}`), serve()) };
}

describe('blocking registry', () => {
  it('serves the waiters of a ready key oldest first', () => {
    const r = new BlockingRegistry();
    const log: string[] = [];
    let items = 2;
    for (const n of ['a', 'b', 'c']) r.add(waiter(n, ['k'], log, () => items-- > 0));
    r.keyReady(0, 'k');
    r.serveReady();
    expect(log).to.deep.equal(['a@k', 'b@k', 'c@k']);
    expect(r.count).to.equal(1);
  });

  it('a served waiter leaves every key it waited on', () => {
    const r = new BlockingRegistry();
    const log: string[] = [];
    r.add(waiter('a', ['k1', 'k2'], log, () => true));
    r.keyReady(0, 'k2');
    r.keyReady(0, 'k1');
    r.serveReady();
    expect(log, 'served for the key made ready first').to.deep.equal(['a@k2']);
    expect(r.count).to.equal(0);
  });

  it('a key nobody waits on, or waited on in another database, is not remembered', () => {
    const r = new BlockingRegistry();
    r.add(waiter('a', ['k'], [], () => true, 1));
    r.keyReady(0, 'k');
    expect(r.hasReady).to.equal(false);
    r.keyReady(1, 'k');
    expect(r.hasReady).to.equal(true);
  });

  it('keys made ready while serving are served in the same call', () => {
    const r = new BlockingRegistry();
    const log: string[] = [];
    r.add(waiter('mover', ['src'], log, () => (r.keyReady(0, 'dst'), true)));
    r.add(waiter('popper', ['dst'], log, () => true));
    r.keyReady(0, 'src');
    r.serveReady();
    expect(log).to.deep.equal(['mover@src', 'popper@dst']);
    expect(r.count).to.equal(0);
  });

  it('a removed waiter (timed out or disconnected) is not retried', () => {
    const r = new BlockingRegistry();
    const log: string[] = [];
    const w = waiter('gone', ['k'], log, () => true);
    r.add(w);
    r.remove(w);
    r.keyReady(0, 'k');
    r.serveReady();
    expect(log).to.deep.equal([]);
    expect(r.count).to.equal(0);
  });
});
