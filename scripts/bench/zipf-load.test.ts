// Tests of the benchmarks' bulk loader and Zipfian closed-loop load against a real faha, with string keys and with
// hashes: every key loaded, every reply counted and checked, wrong replies caught.
import { expect } from 'chai';
import { startFaha, type RunningServer } from '../../server/testing/servers.js';
import { keyName } from './key-commands.js';
import { preload } from './preload.js';
import { rawCommand } from './raw-command.js';
import { ZipfLoad, type ZipfLoadParams } from './zipf-load.js';
import { ScrambledZipfianGenerator, seededRandom, UniformGenerator } from './zipfian.js';

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
    port: faha.port, valueSize: VALUE, fields: 0, readRatio: 0.9, clients: 4, pipeline: 8, warmupSeconds: 0, seconds: 1,
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
    expect(r.reads + r.writes).to.equal(r.ops);
    expect(r.latency.count).to.equal(r.ops);
    expect(r.reads / r.ops).to.be.closeTo(0.9, 0.03);
    expect(r.opsPerSecond).to.be.closeTo(r.ops, r.ops * 0.1);
  });

  it('a GET whose bulk is not of the loaded size is reported as a wrong reply', async () => {
    const r = await new ZipfLoad(params({ valueSize: VALUE + 10, readRatio: 1 })).run();
    expect(r.reads).to.be.greaterThan(0);
    expect(r.wrongReplies).to.be.at.least(r.reads);
    expect(r.firstProblem).to.equal(`GET replied type $ length ${VALUE}`);
  });
});

describe('benchmark loader and zipfian load on hashes', function () {
  this.timeout(30000);
  const HASHES = 1000;
  const FIELDS = 12;
  let faha: RunningServer;
  before(async () => {
    faha = await startFaha({ args: ['--appendfsync', 'no'] });
    await preload({ port: faha.port, keys: HASHES, valueSize: VALUE, fields: FIELDS, connections: 3, batch: 50 });
  });
  after(async () => {
    await faha.stop(true);
  });

  const params = (over: Partial<ZipfLoadParams>): ZipfLoadParams => ({
    port: faha.port, valueSize: VALUE, fields: FIELDS, readRatio: 0.5, clients: 4, pipeline: 8, warmupSeconds: 0, seconds: 1,
    keys: new ScrambledZipfianGenerator(HASHES, 0.99, seededRandom(1), 2), random: seededRandom(3), ...over,
  });

  it('the loader makes every key a hash of fields f0..f{F-1}, each value of the asked size', async () => {
    expect(await rawCommand(faha.port, ['DBSIZE'])).to.equal(`:${HASHES}`);
    expect(await rawCommand(faha.port, ['TYPE', keyName(HASHES - 1)])).to.equal('+hash');
    expect(await rawCommand(faha.port, ['HLEN', keyName(HASHES - 1)])).to.equal(`:${FIELDS}`);
    expect(await rawCommand(faha.port, ['HSTRLEN', keyName(0), `f${FIELDS - 1}`])).to.equal(`:${VALUE}`);
    expect(await rawCommand(faha.port, ['HEXISTS', keyName(0), `f${FIELDS}`])).to.equal(':0');
  });

  it('the loader fails when a hash HSET does not reply the number of fields it created', async () => {
    const failure = await preload({ port: faha.port, keys: 10, valueSize: VALUE, fields: FIELDS, connections: 1 }).then(() => null, (e: Error) => e);
    expect(failure?.message).to.equal(`HSET on port ${faha.port} replied type : 0`);
  });

  it('the hash load mixes HGETs and HSETs on existing fields, every reply checked, and adds no field', async () => {
    const r = await new ZipfLoad(params({ keys: new UniformGenerator(HASHES, seededRandom(4)) })).run();
    expect(r.errors, r.firstProblem).to.equal(0);
    expect(r.wrongReplies, r.firstProblem).to.equal(0);
    expect(r.ops).to.be.greaterThan(1000);
    expect(r.reads + r.writes).to.equal(r.ops);
    expect(r.reads / r.ops).to.be.closeTo(0.5, 0.05);
    for (const k of [0, HASHES / 2, HASHES - 1]) expect(await rawCommand(faha.port, ['HLEN', keyName(k)])).to.equal(`:${FIELDS}`);
    expect(await rawCommand(faha.port, ['DBSIZE'])).to.equal(`:${HASHES}`);
  });

  it('an HGET whose bulk is not of the loaded size is reported as a wrong reply', async () => {
    const r = await new ZipfLoad(params({ valueSize: VALUE + 1, readRatio: 1 })).run();
    expect(r.reads).to.be.greaterThan(0);
    expect(r.wrongReplies).to.be.at.least(r.reads);
    expect(r.firstProblem).to.equal(`HGET replied type $ length ${VALUE}`);
  });

  it('an HSET that creates a field (reply :1, not :0) is reported as a wrong reply', async () => {
    const r = await new ZipfLoad(params({ fields: FIELDS * 10, readRatio: 0 })).run();
    expect(r.writes).to.be.greaterThan(0);
    expect(r.wrongReplies).to.be.greaterThan(0);
    expect(r.firstProblem).to.equal('HSET replied type : length 1');
  });
});
