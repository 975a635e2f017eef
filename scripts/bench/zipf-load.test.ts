// Tests of the benchmarks' bulk loader and Zipfian closed-loop load against a real faha: every key loaded, every
// reply counted and checked, wrong replies caught.
import { expect } from 'chai';
import { startFaha, type RunningServer } from '../../server/testing/servers.js';
import { keyName } from './key-commands.js';
import { preload } from './preload.js';
import { rawCommand } from './raw-command.js';
import { ZipfLoad, type ZipfLoadParams } from './zipf-load.js';
import { ScrambledZipfianGenerator, seededRandom } from './zipfian.js';

const KEYS = 3000;
const VALUE = 50;

describe('benchmark loader and zipfian load', function () {
  this.timeout(30000);
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ args: ['--appendfsync', 'no'] });
    await preload({ port: faha.port, keys: KEYS, valueSize: VALUE, connections: 3, batch: 100 });
  });
  after(async () => {
    await faha.stop(true);
  });

  const params = (over: Partial<ZipfLoadParams>): ZipfLoadParams => ({
    port: faha.port, valueSize: VALUE, readRatio: 0.9, clients: 4, pipeline: 8, warmupSeconds: 0, seconds: 1,
    keys: new ScrambledZipfianGenerator(KEYS, 0.99, seededRandom(1), 2), random: seededRandom(3), ...over,
  });

  it('the loader sets every key from key:000000000000 up with a value of the asked size', async () => {
    expect(await rawCommand(faha.port, ['DBSIZE'])).to.equal(`:${KEYS}`);
    expect(await rawCommand(faha.port, ['STRLEN', keyName(KEYS - 1)])).to.equal(`:${VALUE}`);
    expect(await rawCommand(faha.port, ['EXISTS', keyName(KEYS)])).to.equal(':0');
  });

  it('the zipfian load counts every measured reply, mixes GETs and SETs at the read ratio and finds no wrong reply', async () => {
    const r = await new ZipfLoad(params({})).run();
    expect(r.errors, r.firstProblem).to.equal(0);
    expect(r.wrongReplies, r.firstProblem).to.equal(0);
    expect(r.ops).to.be.greaterThan(1000);
    expect(r.gets + r.sets).to.equal(r.ops);
    expect(r.latency.count).to.equal(r.ops);
    expect(r.gets / r.ops).to.be.closeTo(0.9, 0.03);
    expect(r.opsPerSecond).to.be.closeTo(r.ops, r.ops * 0.1);
  });

  it('a GET whose bulk is not of the loaded size is reported as a wrong reply', async () => {
    const r = await new ZipfLoad(params({ valueSize: VALUE + 10, readRatio: 1 })).run();
    expect(r.gets).to.be.greaterThan(0);
    expect(r.wrongReplies).to.be.at.least(r.gets);
    expect(r.firstProblem).to.equal(`GET replied type $ length ${VALUE}`);
  });
});
