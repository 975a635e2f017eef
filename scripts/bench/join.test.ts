// Tests of the join benchmark: its load's phase and per-second counting, how it reads the primary's log (full sync
// or catch-up), and one small end-to-end join against real faha processes that must report no client problem.
import { expect } from 'chai';
import { JoinTally, rate } from './join-load.js';
import { joinBench, syncKind } from './join.js';
import { removeSoloDirs } from './solo-server.js';
import { tmpRootFor } from './servers.js';

describe('join benchmark counting', () => {
  it('replies fall into the phase current when they arrive and into the second of their arrival', () => {
    const t = new JoinTally('before');
    t.reply(100, 1, false);
    t.reply(900, 3, true);
    t.phase('join', 1500);
    t.reply(1600, 7, false);
    t.reply(2100, 2, false);
    t.end(2500);
    const before = t.byName('before')!;
    const join = t.byName('join')!;
    expect([before.replies, before.bad, before.startMs, before.endMs]).to.deep.equal([2, 1, 0, 1500]);
    expect([join.replies, join.bad, join.startMs, join.endMs, join.latency.maxMs]).to.deep.equal([2, 0, 1500, 2500, 7]);
    expect(t.seconds).to.deep.equal([{ replies: 2, bad: 1, maxMs: 3 }, { replies: 1, bad: 0, maxMs: 7 }, { replies: 1, bad: 0, maxMs: 2 }]);
    expect(rate(join)).to.equal(2);
  });

  it('an empty phase has a rate of 0 rather than NaN', () => {
    const t = new JoinTally('join');
    t.end(0);
    expect(rate(t.current)).to.equal(0);
  });
});

describe('join benchmark log reading', () => {
  const log = [
    '1:M 30 Nov 2026 02:16:07.971 * Backup 127.0.0.1:4100 continues from LSN 1.',
    '1:M 30 Nov 2026 02:16:09.000 * Starting a full sync of 3 segments (300 bytes) to the backup at 127.0.0.1:4200.',
  ].join('\n');

  it('tells a catch-up from a full sync by the backup\'s port', () => {
    expect(syncKind(log, 4100).kind).to.equal('catch-up');
    expect(syncKind(log, 4200)).to.deep.equal({ kind: 'full sync', line: log.split('\n')[1] });
  });

  it('says unknown for a backup the log does not mention, even one whose port extends another', () => {
    expect(syncKind(log, 410).kind).to.equal('unknown');
    expect(syncKind(log, 41000).kind).to.equal('unknown');
  });
});

describe('join benchmark end to end', function () {
  this.timeout(30000);
  after(removeSoloDirs);

  it('a backup joining a small loaded primary under load leaves the clients without errors and holds the same keys', async () => {
    const lines: string[] = [];
    const bad = await joinBench({ keys: 5000, valueSize: 20, clients: 2, pipeline: 2, readRatio: 0.5, syncBackups: 1, fullSync: false, seconds: 1, sample: 200, seed: 3,
      tmpRoot: tmpRootFor(''), log: (l) => lines.push(l) });
    const text = lines.join('\n');
    expect(bad, text).to.equal(0);
    expect(text).to.match(/master_link_status:up after \d+ ms/);
    expect(text).to.match(/; (full sync|catch-up) \(/);
    expect(text).to.match(/0 error replies, 0 wrong replies, 0 connection errors, 0 unanswered at stop/);
    expect(text).to.match(/DBSIZE primary 5000, backup 5000 \(equal\); 200 random keys: all equal/);
  });
});
