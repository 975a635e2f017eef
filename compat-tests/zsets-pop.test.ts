// Differential: ZPOPMIN, ZPOPMAX, ZMPOP and the blocking BZPOPMIN, BZPOPMAX, BZMPOP against redis-server 7.0 —
// reply shapes in RESP2 and RESP3, argument errors in Redis's order, clients blocked then served by another
// client's ZADD (first blocked, first served), fractional timeouts, MULTI/EXEC, wrong types, CLIENT LIST flags.
import { expect } from 'chai';
import { blockedClients, next, start, stillBlocked } from './blocking-helpers.js';
import { differential } from './harness.js';

describe('compat: sorted-set pops', () => {
  const d = differential();

  beforeEach(async () => {
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b', '3', 'c', '4', 'd', '5', 'e');
  });

  it('ZPOPMIN and ZPOPMAX pop from either end, with or without a count, in RESP2 and RESP3', async () => {
    await d.pair.cmd('ZPOPMIN', 'z');
    await d.pair.cmd('ZPOPMAX', 'z');
    await d.pair.cmd('ZPOPMIN', 'z', '1');
    await d.pair.cmd('ZPOPMAX', 'z', '0');
    await d.pair.cmd('ZPOPMIN', 'nokey');
    await d.pair.cmd('ZPOPMIN', 'nokey', '3');
    await d.pair.cmd('ZADD', 'y', '1', 'a', '2', 'b', '3', 'c');
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZPOPMIN', 'y');
    await d.pair.cmd('ZPOPMIN', 'y', '1');
    await d.pair.cmd('ZPOPMAX', 'z', '10');
    await d.pair.cmd('EXISTS', 'z');
    await d.pair.cmd('ZPOPMAX', 'nokey');
    await d.pair.cmd('ZPOPMAX', 'nokey', '2');
    await d.pair.cmd('ZPOPMAX', 'y', '0');
  });

  it('ZPOPMIN and ZPOPMAX check their count before the key type', async () => {
    await d.pair.cmd('SET', 's', 'v');
    const cases = [
      ['ZPOPMIN', 'z', '-1'], ['ZPOPMIN', 'z', 'x'], ['ZPOPMIN', 'z', '1', '2'], ['ZPOPMAX', 's', '-1'], ['ZPOPMAX', 's', '0'],
      ['ZPOPMAX', 's'], ['ZPOPMIN', 'z', '9223372036854775808'], ['ZPOPMIN', 'z', '1.0'],
    ];
    for (const c of cases) await d.pair.cmd(...c);
  });

  it('ZMPOP pops from the first existing key and answers [key, [[member, score]…]]', async () => {
    await d.pair.cmd('ZMPOP', '1', 'z', 'MIN');
    await d.pair.cmd('ZMPOP', '2', 'nokey', 'z', 'max', 'COUNT', '2');
    await d.pair.cmd('ZMPOP', '1', 'nokey', 'MIN');
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('ZMPOP', '1', 'z', 'MIN', 'COUNT', '10');
    await d.pair.cmd('ZMPOP', '1', 'z', 'MIN');
    await d.pair.cmd('EXISTS', 'z');
  });

  it('ZMPOP and BZMPOP check numkeys, MIN|MAX and COUNT in Redis order', async () => {
    await d.pair.cmd('SET', 's', 'v');
    const cases = [
      ['ZMPOP', '0', 'z', 'MIN'], ['ZMPOP', 'x', 'z', 'MIN'], ['ZMPOP', '2', 'z', 'MIN'], ['ZMPOP', '1', 'z', 'MID'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '0'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT', 'x'], ['ZMPOP', '1', 'z', 'MIN', 'COUNT'],
      ['ZMPOP', '1', 'z', 'MIN', 'COUNT', '1', 'COUNT', '1'], ['ZMPOP', '1', 'z', 'MIN', 'BAD'], ['ZMPOP', '2', 'nokey', 's', 'MIN'],
      ['ZMPOP', '2', 's', 'z', 'MAX'], ['BZMPOP', 'x', '1', 'z', 'MIN'], ['BZMPOP', '0', '0', 'z', 'MIN'], ['BZMPOP', '-1', '1', 'z', 'MIN'],
      ['BZMPOP', 'x', '1', 'z', 'UP'], ['BZMPOP', '0', '1', 's', 'MIN'], ['BZMPOP', '0', '2', 'z', 's', 'MIN', 'COUNT', '2'],
      ['BZPOPMIN', 'z', '-1'], ['BZPOPMIN', 'z', 'x'], ['BZPOPMIN', 's', '0'], ['BZPOPMAX', 'nokey', 's', '0'], ['BZPOPMIN', 's', 'inf'],
    ];
    for (const c of cases) await d.pair.cmd(...c);
  });

  it('BZPOPMIN, BZPOPMAX and BZMPOP serve at once from the first non-empty key', async () => {
    await d.pair.cmd('BZPOPMIN', 'nokey', 'z', '0');
    await d.pair.cmd('BZPOPMAX', 'z', '0');
    await d.pair.cmd('BZMPOP', '0', '2', 'nokey', 'z', 'MAX', 'COUNT', '2');
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('BZPOPMIN', 'z', '0');
    await d.pair.cmd('EXISTS', 'z');
    await d.pair.cmd('ZADD', 'z', '1', 'a', '2', 'b');
    await d.pair.cmd('BZMPOP', '0', '1', 'z', 'MIN');
    await d.pair.cmd('BZMPOP', '0', '1', 'z', 'MAX', 'COUNT', '5');
  });

  it('a blocked BZPOPMIN is served by a ZADD from another client, and CLIENT LIST shows it blocked', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BZPOPMIN', 'k1', 'k2', '0');
    await blockedClients(d.pair, 1);
    const [r, f] = await d.pair.both('CLIENT', 'LIST');
    for (const list of [r, f]) expect(list.toString()).to.match(/flags=b .*cmd=bzpopmin/);
    await stillBlocked(waiter);
    await d.pair.cmd('ZADD', 'k2', '5', 'x', '1', 'y');
    await next(waiter, 'BZPOPMIN served');
    await d.pair.cmd('ZRANGE', 'k2', '0', '-1', 'WITHSCORES');
    await blockedClients(d.pair, 0);
  });

  it('a blocked BZPOPMAX is served by a one-pair ZADD (the hot path) at once', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BZPOPMAX', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('ZADD', 'k', '7', 'only');
    await next(waiter, 'BZPOPMAX served');
    await d.pair.cmd('EXISTS', 'k');
  });

  it('clients blocked on one key are served in the order they blocked', async () => {
    const waiters = [await d.newPair(), await d.newPair(), await d.newPair()];
    start(waiters[0], 'BZPOPMAX', 'k', '0');
    await blockedClients(d.pair, 1);
    start(waiters[1], 'BZPOPMIN', 'other', 'k', '0');
    await blockedClients(d.pair, 2);
    start(waiters[2], 'BZMPOP', '0', '1', 'k', 'MIN', 'COUNT', '5');
    await blockedClients(d.pair, 3);
    await d.pair.cmd('ZADD', 'k', '1', 'a', '2', 'b');
    await next(waiters[0], 'first waiter');
    await next(waiters[1], 'second waiter');
    await stillBlocked(waiters[2]);
    await d.pair.cmd('ZADD', 'k', '3', 'c', '4', 'd', '5', 'e');
    await next(waiters[2], 'third waiter');
    await d.pair.cmd('EXISTS', 'k');
  });

  it('blocking pops time out with a null array after fractional seconds, in RESP2 and RESP3', async () => {
    const t0 = Date.now();
    await d.pair.cmd('BZPOPMIN', 'k', '0.05');
    await d.pair.cmd('BZPOPMAX', 'k', 'k2', '.05');
    await d.pair.cmd('BZMPOP', '0.05', '1', 'k', 'MAX');
    expect(Date.now() - t0).to.be.at.least(150);
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('BZPOPMIN', 'k', '0.02');
    await d.pair.cmd('BZMPOP', '0.02', '2', 'k', 'k2', 'MIN', 'COUNT', '3');
  });

  it('blocking pops inside MULTI answer at once as a timeout would', async () => {
    await d.pair.cmd('MULTI');
    for (const c of [['BZPOPMIN', 'k', '0'], ['BZPOPMAX', 'k', '10'], ['BZMPOP', '0', '1', 'k', 'MIN'], ['BZPOPMIN', 'z', '0']]) await d.pair.cmd(...c);
    await d.pair.cmd('EXEC');
  });

  it('a ZADD inside MULTI/EXEC wakes a blocked client once the transaction is done', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BZMPOP', '0', '2', 'k1', 'k2', 'MAX', 'COUNT', '2');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('MULTI');
    await d.pair.cmd('ZADD', 'k2', '1', 'x', '2', 'y', '3', 'z');
    await d.pair.cmd('ZADD', 'k1', '9', 'w');
    await d.pair.cmd('EXEC');
    await next(waiter, 'BZMPOP after EXEC');
    await d.pair.cmd('ZRANGE', 'k1', '0', '-1');
    await d.pair.cmd('ZRANGE', 'k2', '0', '-1');
  });

  it('a key that holds another type when served leaves the client blocked; a zset renamed onto the key serves it', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BZPOPMIN', 'k', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('MULTI');
    for (const c of [['ZADD', 'k', '1', 'x'], ['DEL', 'k'], ['SET', 'k', 'y']]) await d.pair.cmd(...c);
    await d.pair.cmd('EXEC');
    await stillBlocked(waiter);
    await d.pair.cmd('DEL', 'k');
    await d.pair.cmd('ZADD', 'tmp', '7', 'moved');
    await d.pair.cmd('RENAME', 'tmp', 'k');
    await next(waiter, 'BZPOPMIN after RENAME');
    await d.pair.cmd('EXISTS', 'k');
  });

  it('a client blocked on a missing key and a key that became a string is served from the key filled later', async () => {
    const waiter = await d.newPair();
    start(waiter, 'BZPOPMAX', 'k1', 'k2', '0');
    await blockedClients(d.pair, 1);
    await d.pair.cmd('SET', 'k1', 'v');
    await d.pair.cmd('ZADD', 'k2', '1', 'a');
    await next(waiter, 'BZPOPMAX from k2');
  });
});
