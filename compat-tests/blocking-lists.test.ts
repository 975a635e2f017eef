// Differential: the blocking list commands (BLPOP, BRPOP, BLMPOP, BLMOVE, BRPOPLPUSH) against redis-server 7.0 —
// served at once, blocked then served by another client's push, first blocked first served, fractional
// timeouts, chains where a served BLMOVE wakes a BLPOP on its destination, MULTI/EXEC, and CLIENT LIST flags.
import { expect } from 'chai';
import { blockedClients, next, sleep, start, stillBlocked } from './blocking-helpers.js';
import { differential, show } from './harness.js';

describe('compat: blocking list commands', () => {
  const d = differential();

  it('BLPOP, BRPOP and BLMPOP serve at once from the first non-empty key', async () => {
    await d.pair.cmd('RPUSH', 'b', '1', '2', '3');
    await d.pair.cmd('BLPOP', 'a', 'b', '0');
    await d.pair.cmd('BRPOP', 'a', 'b', '0');
    await d.pair.cmd('BLMPOP', '0', '2', 'a', 'b', 'LEFT', 'COUNT', '5');
    await d.pair.cmd('EXISTS', 'b');
    await d.pair.cmd('RPUSH', 'src', 'x', 'y');
    await d.pair.cmd('BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0');
    await d.pair.cmd('BRPOPLPUSH', 'src', 'dst', '0');
    await d.pair.cmd('LRANGE', 'dst', '0', '-1');
    await d.pair.cmd('EXISTS', 'src');
  });

  it('blocking commands check their timeout and arguments, then key types, in Redis order', async () => {
    await d.pair.cmd('SET', 's', 'v');
    const cmds = [
      ['BLPOP', 's', '-1'], ['BLPOP', 's', 'x'], ['BLPOP', 's', 'inf'], ['BLPOP', 's', '1e100'], ['BRPOP', 'nokey', 's', '0'],
      ['BLPOP', 's', '0'], ['BLMPOP', 'x', '0', 's', 'LEFT'], ['BLMPOP', 'x', '1', 's', 'UP'], ['BLMPOP', '-1', '1', 's', 'LEFT'],
      ['BLMPOP', '0', '1', 's', 'LEFT', 'COUNT', '0'], ['BLMPOP', '0', '1', 's', 'LEFT'], ['BLMOVE', 's', 'd', 'UP', 'LEFT', 'x'],
      ['BLMOVE', 's', 'd', 'LEFT', 'LEFT', 'x'], ['BLMOVE', 's', 'd', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 's', 'd', '-0.5'],
      ['BRPOPLPUSH', 's', 'd', '0'], ['RPUSH', 'l', 'a'], ['BLMOVE', 'l', 's', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'l', 's', '0'],
      ['LRANGE', 'l', '0', '-1'], ['BLPOP', 'l', 's', '0'],
    ];
    for (const c of cmds) await d.pair.cmd(...c);
  });

  it('a blocked BLPOP is served by a push from another client, and CLIENT LIST shows it blocked', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BLPOP', 'a', 'k', '0');
    await blockedClients(d.pair, 1);
    const [r, f] = await d.pair.both('CLIENT', 'LIST');
    for (const list of [r, f]) expect(list.toString()).to.match(/flags=b .*cmd=blpop/);
    await stillBlocked(waiter);
    await d.pair.cmd('RPUSH', 'k', 'v1', 'v2');
    await next(waiter, 'BLPOP served');
    await d.pair.cmd('LRANGE', 'k', '0', '-1');
    await blockedClients(d.pair, 0);
  });

  it('SWAPDB serves a client blocked on a key that the swap brings into its database', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BLPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('SELECT', '1');
    await d.pair.cmd('RPUSH', 'k', 'from db 1');
    await d.pair.cmd('SELECT', '0');
    await stillBlocked(waiter);
    await d.pair.cmd('SWAPDB', '0', '1');
    await next(waiter, 'BLPOP served after SWAPDB');
    await d.pair.cmd('EXISTS', 'k');
    await blockedClients(d.pair, 0);
    await d.pair.cmd('SWAPDB', '0', '1');
  });

  it('clients blocked on one key are served in the order they blocked, one element each', async () => {
    const waiters = [await d.newPair(), await d.newPair(), await d.newPair()];
    start(waiters[0], 'BRPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    start(waiters[1], 'BLPOP', 'other', 'k', '0');
    await blockedClients(d.pair, 2);
    start(waiters[2], 'BLMPOP', '0', '1', 'k', 'LEFT', 'COUNT', '2');
    await blockedClients(d.pair, 3);
    await d.pair.cmd('RPUSH', 'k', 'a', 'b');
    await next(waiters[0], 'first waiter');
    await next(waiters[1], 'second waiter');
    await stillBlocked(waiters[2]);
    await d.pair.cmd('LPUSH', 'k', 'c', 'd', 'e');
    await next(waiters[2], 'third waiter');
    await d.pair.cmd('LRANGE', 'k', '0', '-1');
  });

  it('blocking commands time out with a null array after fractional seconds', async () => {
    const t0 = Date.now();
    await d.pair.cmd('BLPOP', 'k', '0.05');
    await d.pair.cmd('BRPOP', 'k', 'k2', '.05');
    await d.pair.cmd('BLMPOP', '0.05', '1', 'k', 'RIGHT');
    await d.pair.cmd('BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0.05');
    await d.pair.cmd('BRPOPLPUSH', 'k', 'd', '0.051');
    expect(Date.now() - t0).to.be.at.least(250);
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('BLPOP', 'k', '0.02');
    await d.pair.cmd('BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0.02');
  });

  it('a waiter that disconnected is skipped and the next one is served', async () => {
    const gone = await d.newPair();
    const stays = await d.newPair();
    start(gone, 'BLPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    start(stays, 'BLPOP', 'k', '10');
    await blockedClients(d.pair, 2);
    gone.close();
    await blockedClients(d.pair, 1);
    await d.pair.cmd('RPUSH', 'k', 'x', 'y');
    await next(stays, 'the remaining waiter');
    await d.pair.cmd('LRANGE', 'k', '0', '-1');
    await blockedClients(d.pair, 0);
  });

  it('BLMOVE served by a push pushes onto its destination and wakes a BLPOP blocked there', async () => {
    const mover = await d.newPair();
    const popper = await d.newPair();
    start(mover, 'BLMOVE', 'src', 'dst', 'LEFT', 'RIGHT', '0');
    await blockedClients(d.pair, 1);
    start(popper, 'BLPOP', 'dst', '0');
    await blockedClients(d.pair, 2);
    await d.pair.cmd('RPUSH', 'src', 'hello');
    await next(mover, 'BLMOVE');
    await next(popper, 'BLPOP on the destination');
    await d.pair.cmd('EXISTS', 'src', 'dst');
  });

  it('a chain of BRPOPLPUSH clients passes one element along', async () => {
    const a = await d.newPair();
    const b = await d.newPair();
    start(a, 'BRPOPLPUSH', 'l1', 'l2', '0');
    await blockedClients(d.pair, 1);
    start(b, 'BRPOPLPUSH', 'l2', 'l3', '0');
    await blockedClients(d.pair, 2);
    await d.pair.cmd('LPUSH', 'l1', 'token');
    await next(a, 'first hop');
    await next(b, 'second hop');
    await d.pair.cmd('LRANGE', 'l3', '0', '-1');
    await d.pair.cmd('EXISTS', 'l1', 'l2');
  });

  it('a BLMOVE whose destination holds another type is answered WRONGTYPE when served, and the element stays', async () => {
    const mover = await d.newPair();
    await d.pair.cmd('SET', 'dst', 'string');
    start(mover, 'BLMOVE', 'src', 'dst', 'LEFT', 'LEFT', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('RPUSH', 'src', 'x');
    await next(mover, 'BLMOVE to a string');
    await d.pair.cmd('LRANGE', 'src', '0', '-1');
  });

  it('blocking commands inside MULTI answer at once as a timeout would', async () => {
    await d.pair.cmd('MULTI');
    for (const c of [['BLPOP', 'k', '0'], ['BRPOP', 'k', '1'], ['BLMPOP', '0', '1', 'k', 'LEFT'], ['BLMOVE', 'k', 'd', 'LEFT', 'LEFT', '0'], ['BRPOPLPUSH', 'k', 'd', '0']]) {
      await d.pair.cmd(...c);
    }
    await d.pair.cmd('EXEC');
  });

  it('a push inside MULTI/EXEC wakes a blocked client once the transaction is done', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BLPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('MULTI');
    await d.pair.cmd('RPUSH', 'k', 'a', 'b');
    await d.pair.cmd('LPOP', 'k');
    await d.pair.cmd('EXEC');
    await next(waiter, 'BLPOP after EXEC');
    await d.pair.cmd('EXISTS', 'k');
  });

  it('a push that is undone in the same transaction leaves the client blocked', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BLPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('MULTI');
    await d.pair.cmd('RPUSH', 'k', 'a');
    await d.pair.cmd('DEL', 'k');
    await d.pair.cmd('EXEC');
    await stillBlocked(waiter);
    await blockedClients(d.pair, 1);
    await d.pair.cmd('LPUSH', 'k', 'b');
    await next(waiter, 'BLPOP after a later push');
  });

  it('renaming a list onto an awaited key serves the blocked client', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BLPOP', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('RPUSH', 'tmp', 'moved');
    await d.pair.cmd('RENAME', 'tmp', 'k');
    await next(waiter, 'BLPOP after RENAME');
  });

  describe('several ready keys in one transaction', () => {
    it('a client blocked on two keys filled by one transaction is served from the key filled first', async () => {
      const waiter = await d.newPair();
      start(waiter, 'BLPOP', 'k1', 'k2', '0');
      await blockedClients(d.pair, 1);
      await d.pair.cmd('MULTI');
      await d.pair.cmd('RPUSH', 'k2', 'x');
      await d.pair.cmd('RPUSH', 'k1', 'y');
      const r = await d.pair.cmd('EXEC');
      expect(r.toString()).to.equal('*2\r\n:1\r\n:1\r\n');
      const [wr, wf] = await Promise.all([waiter.redis.readRaw(), waiter.faha.readRaw()]);
      expect(show(wr)).to.equal(show(Buffer.from('*2\r\n$2\r\nk2\r\n$1\r\nx\r\n')));
      expect(show(wf)).to.equal(show(wr));
    });

    it('a client whose key becomes a string in the transaction that filled it stays blocked', async () => {
      const waiter = await d.newPair();
      start(waiter, 'BLPOP', 'k', '0');
      await blockedClients(d.pair, 1);
      await d.pair.cmd('MULTI');
      for (const c of [['RPUSH', 'k', 'x'], ['DEL', 'k'], ['SET', 'k', 'y']]) await d.pair.cmd(...c);
      await d.pair.cmd('EXEC');
      await sleep(50);
      expect(waiter.redis.pending.length).to.equal(0);
      expect(waiter.faha.pending.length).to.equal(0);
    });
  });
});
