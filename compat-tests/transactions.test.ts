// Differential tests: MULTI, EXEC, DISCARD, WATCH and UNWATCH answer as Redis 7.0 does — queuing, aborts,
// per-command errors inside EXEC, WATCH failures from other clients, expiry and FLUSHDB, SELECT inside MULTI.
import { expect } from 'chai';
import { differential } from './harness.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('compat: transactions', () => {
  const d = differential();

  it('queued commands answer QUEUED and EXEC answers each in order', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('INCR', 'a');
    await d.pair.cmd('GET', 'a');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('GET', 'a');
  });

  it('an empty transaction answers an empty array', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('EXEC');
  });

  it('an unknown command or a wrong arity while queuing makes EXEC answer EXECABORT and run nothing', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('NOSUCHCMD', 'x');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('EXISTS', 'a');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('GET');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('EXISTS', 'a');
  });

  it('a bad option is queued and fails inside EXEC while the other commands run', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1', 'NX', 'XX');
    await d.pair.cmd('SET', 'b', '2');
    await d.pair.cmd('INCR', 'b');
    await d.pair.cmd('EXEC');
  });

  it('a runtime error inside EXEC stays with its command', async () => {
    await d.pair.cmd('SET', 's', 'text');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('INCR', 's');
    await d.pair.cmd('SET', 'after', 'yes');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('GET', 'after');
  });

  it('nested MULTI, WATCH inside MULTI, EXEC and DISCARD without MULTI are refused as Redis refuses them', async () => {
    await d.pair.cmd('EXEC');
    await d.pair.cmd('DISCARD');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('WATCH', 'x');
    await d.pair.cmd('SET', 'x', '1');
    await d.pair.cmd('EXEC');
  });

  it('a command flagged no-multi is refused while queuing and aborts the transaction', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SAVE');
    await d.pair.cmd('EXEC');
  });

  it('DISCARD drops the queue', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('DISCARD');
    await d.pair.cmd('EXISTS', 'a');
    await d.pair.cmd('EXEC');
  });

  it('SELECT inside MULTI switches the database for the commands after it', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SELECT', '3');
    await d.pair.cmd('SET', 'in3', 'x');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('GET', 'in3');
    await d.pair.cmd('SELECT', '0');
    await d.pair.cmd('EXISTS', 'in3');
  });

  it('EXEC fails with a null reply when another client changed a watched key', async () => {
    const other = await d.newPair();
    await d.pair.cmd('SET', 'w', '1');
    await d.pair.cmd('WATCH', 'w');
    await other.cmd('SET', 'w', '2');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'w', 'mine');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('GET', 'w');
  });

  it('EXEC succeeds when the watched key was not changed, and a later EXEC no longer watches it', async () => {
    const other = await d.newPair();
    await d.pair.cmd('WATCH', 'w');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'w', 'mine');
    await d.pair.cmd('EXEC');
    await other.cmd('SET', 'w', 'theirs');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('GET', 'w');
    await d.pair.cmd('EXEC');
  });

  it('UNWATCH and DISCARD forget watched keys', async () => {
    const other = await d.newPair();
    await d.pair.cmd('WATCH', 'w');
    await d.pair.cmd('UNWATCH');
    await other.cmd('SET', 'w', '2');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('WATCH', 'w');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('DISCARD');
    await other.cmd('SET', 'w', '3');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
  });

  it('deleting, expiring or changing the expiry of a watched key fails EXEC', async () => {
    const other = await d.newPair();
    for (const change of [['DEL', 'w'], ['EXPIRE', 'w', '100'], ['PERSIST', 'w'], ['APPEND', 'w', 'x']]) {
      await d.pair.cmd('SET', 'w', '1', 'EX', '50');
      await d.pair.cmd('WATCH', 'w');
      await other.cmd(...change);
      await d.pair.cmd('MULTI');
      await d.pair.cmd('PING');
      await d.pair.cmd('EXEC');
    }
  });

  it('a watched key that expires before EXEC fails it', async () => {
    await d.pair.cmd('SET', 'w', '1', 'PX', '100');
    await d.pair.cmd('WATCH', 'w');
    await sleep(200);
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
  });

  it('a key that had already expired when WATCH ran does not fail EXEC', async () => {
    await d.pair.cmd('SET', 'gone', '1', 'PX', '50');
    await sleep(120);
    await d.pair.cmd('WATCH', 'gone');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
  });

  it('FLUSHDB, FLUSHALL and SWAPDB fail EXEC for watched keys that existed', async () => {
    const other = await d.newPair();
    for (const change of [['FLUSHDB'], ['FLUSHALL'], ['SWAPDB', '0', '1']]) {
      await d.pair.cmd('SET', 'w', '1');
      await d.pair.cmd('WATCH', 'w');
      await other.cmd(...change);
      await d.pair.cmd('MULTI');
      await d.pair.cmd('PING');
      await d.pair.cmd('EXEC');
      await d.pair.cmd('FLUSHALL');
    }
  });

  it('FLUSHDB of a database without the watched key leaves EXEC alone', async () => {
    const other = await d.newPair();
    await d.pair.cmd('WATCH', 'absent');
    await other.cmd('FLUSHDB');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
  });

  it('a transaction inside RESP3 answers in RESP3, and a watch failure is a null', async () => {
    const other = await d.newPair();
    await d.pair.both('HELLO', '3');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1.5');
    await d.pair.cmd('INCRBYFLOAT', 'a', '1');
    await d.pair.cmd('EXEC');
    await d.pair.cmd('WATCH', 'a');
    await other.cmd('DEL', 'a');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('GET', 'a');
    await d.pair.cmd('EXEC');
  });

  it('RESET leaves an open transaction and forgets watched keys', async () => {
    const other = await d.newPair();
    await d.pair.cmd('WATCH', 'w');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'w', 'x');
    await d.pair.cmd('RESET');
    await d.pair.cmd('EXEC');
    await other.cmd('SET', 'w', '1');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('PING');
    await d.pair.cmd('EXEC');
  });

  it('CLIENT LIST shows an open transaction and its queue length', async () => {
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'a', '1');
    await d.pair.cmd('SET', 'b', '1');
    const observer = await d.newPair();
    const [r, f] = await observer.both('CLIENT', 'LIST');
    await d.pair.cmd('DISCARD');
    for (const reply of [r, f]) expect(reply.toString()).to.match(/ flags=x db=0 sub=0 psub=0 ssub=0 multi=2 /);
  });

  it('MONITOR sees queued commands when EXEC runs them, between MULTI and EXEC', async () => {
    const mon = await d.newPair();
    await mon.cmd('MONITOR');
    await d.pair.cmd('MULTI');
    await d.pair.cmd('SET', 'm', '1');
    await d.pair.cmd('EXEC');
    const lines = async (c: typeof mon.redis) => {
      const out: string[] = [];
      for (let i = 0; i < 3; i++) out.push((await c.readRaw()).toString().replace(/^\+[\d.]+ \[\d+ [^\]]+\] /, ''));
      return out;
    };
    const [r, f] = await Promise.all([lines(mon.redis), lines(mon.faha)]);
    expect(f).to.deep.equal(r);
    expect(r).to.deep.equal(['"MULTI"\r\n', '"SET" "m" "1"\r\n', '"EXEC"\r\n']);
  });
});
