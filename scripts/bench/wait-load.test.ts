// Tests of the replication benchmark's WAIT load: its per-pipeline reply counting (P SET replies then WAIT's integer,
// from a byte stream split anywhere), and runs against a real redis-server without and with a replica, including a
// WAIT that can never be satisfied.
import { expect } from 'chai';
import { tmpdir } from 'node:os';
import { startRedis, type RunningServer } from '../../server/testing/servers.js';
import { rawCommand } from './raw-command.js';
import { ERROR, INTEGER, ReplyFramer, SIMPLE } from './resp-replies.js';
import { startReplicaSet } from './servers.js';
import { PipelineTally, WaitLoad, type WaitLoadParams } from './wait-load.js';
import { seededRandom } from './zipfian.js';

const noText = (): string => '';

describe('WAIT load reply counting', () => {
  it('a pipeline of 3 SETs completes on WAIT\'s reply, the fourth, and not before', () => {
    const t = new PipelineTally(3, 2);
    const done = [t.reply(SIMPLE, 0, noText), t.reply(SIMPLE, 0, noText), t.reply(SIMPLE, 0, noText)];
    expect(done).to.deep.equal([false, false, false]);
    expect(t.outstanding).to.equal(1);
    expect(t.reply(INTEGER, 2, noText)).to.equal(true);
    expect([t.outstanding, t.errors, t.wrongReplies, t.firstProblem]).to.deep.equal([0, 0, 0, '']);
  });

  it('WAIT answering fewer replicas than asked, and a SET answering other than +OK, are wrong replies', () => {
    const t = new PipelineTally(1, 2);
    t.reply(SIMPLE, 0, noText);
    expect(t.reply(INTEGER, 1, noText)).to.equal(true);
    expect(t.firstProblem).to.equal('WAIT 2 0 replied integer 1');
    t.reply(INTEGER, 5, noText);
    t.reply(INTEGER, 3, noText);
    expect([t.errors, t.wrongReplies]).to.deep.equal([0, 2]);
  });

  it('an error reply is counted as an error, still ends its slot, and its text is kept', () => {
    const t = new PipelineTally(2, 0);
    t.reply(ERROR, 0, () => '-NOREPLICAS Not enough good replicas to write.');
    t.reply(SIMPLE, 0, noText);
    expect(t.reply(ERROR, 0, () => '-ERR unknown command')).to.equal(true);
    expect([t.errors, t.wrongReplies]).to.deep.equal([2, 0]);
    expect(t.firstProblem).to.equal('SET replied -NOREPLICAS Not enough good replicas to write.');
  });

  it('two pipelines of replies split at any byte complete exactly twice, each only once its last byte is in', () => {
    const stream = Buffer.from('+OK\r\n+OK\r\n:2\r\n+OK\r\n+OK\r\n:3\r\n', 'latin1');
    const pipelineBytes = stream.length / 2;
    for (let cut = 0; cut <= stream.length; cut++) {
      const t = new PipelineTally(2, 2);
      let completed = 0;
      const framer = new ReplyFramer((kind, value) => {
        if (t.reply(kind, value, () => framer.firstError)) completed++;
      });
      framer.feed(stream.subarray(0, cut));
      expect(completed, `after the first ${cut} bytes`).to.equal(Math.floor(cut / pipelineBytes));
      framer.feed(stream.subarray(cut));
      expect(completed, `cut at ${cut}`).to.equal(2);
      expect(t.errors + t.wrongReplies).to.equal(0);
    }
  });
});

describe('WAIT load against redis-server', function () {
  this.timeout(30000);
  let redis: RunningServer;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis.stop(true);
  });

  const params = (over: Partial<WaitLoadParams>): WaitLoadParams => ({
    port: redis.port, clients: 4, pipeline: 8, keyspace: 1000, valueSize: 3, waitReplicas: 0, seconds: 1, graceSeconds: 2, random: seededRandom(7), ...over,
  });

  it('without replicas, WAIT 0 0 after every 8 SETs: every reply ok, SETs counted per completed pipeline, keys written', async () => {
    const r = await new WaitLoad(params({})).run();
    expect(r.errors + r.wrongReplies + r.unanswered, r.firstProblem).to.equal(0);
    expect(r.pipelines).to.be.greaterThan(100);
    expect(r.sets).to.equal(r.pipelines * 8);
    expect(r.latency.count).to.equal(r.pipelines);
    expect(r.setsPerSecond).to.be.closeTo(r.sets, r.sets * 0.1);
    const keys = Number((await rawCommand(redis.port, ['DBSIZE'])).slice(1));
    expect(keys).to.be.greaterThan(100).and.at.most(1000);
  });

  it('WAIT 1 0 with no replica never answers: connections are cut after the grace period and nothing is counted', async () => {
    const started = Date.now();
    const r = await new WaitLoad(params({ waitReplicas: 1, clients: 3, seconds: 1, graceSeconds: 1 })).run();
    expect(Date.now() - started).to.be.below(5000);
    expect([r.sets, r.pipelines, r.unanswered]).to.deep.equal([0, 0, 3]);
  });

  it('with one linked replica, WAIT 1 0 answers 1 after every pipeline', async () => {
    const set = await startReplicaSet('redis', 1, tmpdir());
    try {
      const r = await new WaitLoad(params({ port: set.primary.port, waitReplicas: 1, pipeline: 4 })).run();
      expect(r.errors + r.wrongReplies + r.unanswered, r.firstProblem).to.equal(0);
      expect(r.pipelines).to.be.greaterThan(10);
      expect(r.sets).to.equal(r.pipelines * 4);
    } finally {
      await set.stop();
    }
  });
});
