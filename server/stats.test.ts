// Unit tests: the server statistics INFO reports — error codes as Redis's afterErrorReply counts them, latency
// percentiles bucketed like Redis's HdrHistogram, rates, and CONFIG RESETSTAT's in-place reset.
import { expect } from 'chai';
import { LatencyHistogram, ServerStats } from './stats.js';

describe('ServerStats', () => {
  it('counts error replies by their first word, or ERR when there is none near the start', () => {
    const s = new ServerStats();
    s.recordErrorReply('ERR syntax error');
    s.recordErrorReply('WRONGTYPE Operation against a key holding the wrong kind of value');
    s.recordErrorReply('ERR no such key');
    s.recordErrorReply('NOSPACEINTHIRTYONECHARACTERSATALL at last');
    expect([...s.errors]).to.deep.equal([['ERR', 3], ['WRONGTYPE', 1]]);
    expect(s.totalErrorReplies).to.equal(4);
  });

  it('keeps at most 128 distinct error codes', () => {
    const s = new ServerStats();
    for (let i = 0; i < 200; i++) s.recordErrorReply(`E${i} x`);
    expect(s.errors.size).to.equal(128);
    expect(s.totalErrorReplies).to.equal(200);
  });

  it('reports latency percentiles at the top of their HdrHistogram bucket, in nanoseconds', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 99; i++) h.record(8);
    h.record(1000);
    expect(h.valueAtPercentile(50)).to.equal(8031);
    expect(h.valueAtPercentile(99)).to.equal(8031);
    expect(h.valueAtPercentile(99.9)).to.equal(1_003_519);
    const small = new LatencyHistogram();
    small.record(0);
    expect(small.valueAtPercentile(50)).to.equal(1);
  });

  it('records latencies only while latency tracking is on', () => {
    let on = false;
    const s = new ServerStats(() => on);
    s.recordLatency('get', 5);
    on = true;
    s.recordLatency('get', 5);
    expect([...s.latency.keys()]).to.deep.equal(['get']);
  });

  it('averages rates over the last 16 samples, as Redis does', () => {
    const s = new ServerStats();
    const t0 = Date.now();
    s.totalCommands = 0;
    s.sampleRates(t0);
    s.totalCommands = 1600;
    s.sampleRates(t0 + 100);
    expect(s.opsPerSec.value).to.equal(1000);
  });

  it('resets counters in place so references the dispatcher holds stay live', () => {
    const s = new ServerStats();
    const get = { calls: 3, usec: 30, rejected: 1, failed: 1 };
    s.commands.set('get', get);
    s.totalCommands = 10;
    s.recordErrorReply('ERR x');
    s.recordLatency('get', 3);
    s.reset();
    expect(get).to.deep.equal({ calls: 0, usec: 0, rejected: 0, failed: 0 });
    expect(s.commands.get('get')).to.equal(get);
    expect([s.totalCommands, s.errors.size, s.latency.size, s.totalErrorReplies]).to.deep.equal([0, 0, 0, 0]);
  });
});
