// Tests of the benchmark's option parser for the Zipfian benchmark's key types (defaults, --type and --fields) and
// for the replication benchmark (--replication, --backups, --transport, its --seconds default), and the combinations
// it refuses.
import { expect } from 'chai';
import { parseOptions, type BenchOptions } from './options.js';

function parsed(argv: string[]): BenchOptions {
  const o = parseOptions(argv);
  if (o === 'help') throw new Error('unexpected help');
  return o;
}

describe('benchmark options for --zipf key types', () => {
  it('--zipf defaults to string keys and 10 fields for hashes', () => {
    const o = parsed(['--zipf']);
    expect(o.type).to.equal('string');
    expect(o.fields).to.equal(10);
  });

  it('--type hash and --fields F are taken with --zipf', () => {
    const o = parsed(['--zipf', '--type', 'hash', '--fields', '25', '--value-size', '32']);
    expect([o.type, o.fields, o.valueSize]).to.deep.equal(['hash', 25, 32]);
  });

  it('refuses an unknown type, a field count below 1, and the options outside --zipf --type hash', () => {
    expect(() => parseOptions(['--zipf', '--type', 'list'])).to.throw('--type must be string or hash, not list');
    expect(() => parseOptions(['--zipf', '--type', 'hash', '--fields', '0'])).to.throw('--fields must be an integer >= 1, not 0');
    expect(() => parseOptions(['--memory', '--type', 'hash'])).to.throw('--type hash is for --zipf');
    expect(() => parseOptions(['--zipf', '--fields', '5'])).to.throw('--fields is for --zipf --type hash');
  });
});

describe('benchmark options for --replication', () => {
  it('--replication measures 0, 1, 2 and 3 backups for 5 s each, 3 runs, 50 connections by default', () => {
    const o = parsed(['--replication']);
    expect([o.replication, o.backups, o.seconds, o.runs, o.clients]).to.deep.equal([true, [0, 1, 2, 3], 5, 3, 50]);
  });

  it('--backups, --seconds and --runs are taken as given, backup counts in their order', () => {
    const o = parsed(['--replication', '--backups', '2,0', '--seconds', '1', '--runs', '1']);
    expect([o.backups, o.seconds, o.runs]).to.deep.equal([[2, 0], 1, 1]);
  });

  it('--replication measures over TCP only unless --transport says otherwise', () => {
    expect(parsed(['--replication']).transports).to.deep.equal(['tcp']);
  });

  it('--transport takes tcp and rdma in the order given', () => {
    expect(parsed(['--replication', '--transport', 'tcp,rdma']).transports).to.deep.equal(['tcp', 'rdma']);
    expect(parsed(['--replication', '--transport', 'rdma']).transports).to.deep.equal(['rdma']);
    expect(parsed(['--replication', '--transport', 'rdma, tcp']).transports).to.deep.equal(['rdma', 'tcp']);
  });

  it('refuses an unknown or repeated transport, an empty list, and --transport without --replication', () => {
    expect(() => parseOptions(['--replication', '--transport', 'tcp,ib'])).to.throw('--transport takes tcp and/or rdma separated by commas, not tcp,ib');
    expect(() => parseOptions(['--replication', '--transport', ''])).to.throw('--transport takes tcp and/or rdma');
    expect(() => parseOptions(['--replication', '--transport', 'rdma,rdma'])).to.throw('--transport lists a transport twice: rdma,rdma');
    expect(() => parseOptions(['--zipf', '--transport', 'rdma'])).to.throw('--transport is for --replication');
  });

  it('--seconds keeps its own default of 10 outside --replication', () => {
    expect(parsed(['--zipf']).seconds).to.equal(10);
  });

  it('refuses malformed or repeated backup counts, --backups without --replication, and two benchmarks at once', () => {
    expect(() => parseOptions(['--replication', '--backups', '1,x'])).to.throw('--backups takes counts from 0 to 8 separated by commas, not 1,x');
    expect(() => parseOptions(['--replication', '--backups', '-1'])).to.throw('--backups takes counts');
    expect(() => parseOptions(['--replication', '--backups', '9'])).to.throw('--backups takes counts');
    expect(() => parseOptions(['--replication', '--backups', ''])).to.throw('--backups takes counts');
    expect(() => parseOptions(['--replication', '--backups', '1,1'])).to.throw('--backups lists a count twice: 1,1');
    expect(() => parseOptions(['--backups', '1'])).to.throw('--backups is for --replication');
    expect(() => parseOptions(['--replication', '--zipf'])).to.throw('--recovery, --memory, --zipf and --replication are separate benchmarks: give one');
  });
});

describe('benchmark options for --join', () => {
  it('--join defaults to 1M keys of 100 B, 8 connections x 4 in flight, half GETs, 3 s before and after, sync-backups 0', () => {
    const o = parsed(['--join']);
    expect([o.join, o.keys, o.valueSize ?? 100, o.clients, o.pipeline, o.readRatio, o.seconds, o.syncBackups, o.fullSync]).to.deep.equal([true, 1_000_000, 100, 8, 4, 0.5, 3, 0, false]);
  });

  it('--join takes --keys, --value-size, --clients, --sync-backups 1, --full-sync and the load options as given', () => {
    const o = parsed(['--join', '--keys', '5000', '--value-size', '32', '--clients', '2', '--pipeline', '1', '--read-ratio', '0', '--seconds', '1', '--sync-backups', '1', '--full-sync']);
    expect([o.keys, o.valueSize, o.clients, o.pipeline, o.readRatio, o.seconds, o.syncBackups, o.fullSync]).to.deep.equal([5000, 32, 2, 1, 0, 1, 1, true]);
  });

  it('the other benchmarks keep their own defaults for the options --join changes', () => {
    const o = parsed(['--zipf']);
    expect([o.clients, o.pipeline, o.readRatio, o.seconds]).to.deep.equal([50, 16, 0.9, 10]);
  });

  it('refuses --sync-backups other than 0 or 1, --sync-backups without --join, and --join with another benchmark', () => {
    expect(() => parseOptions(['--join', '--sync-backups', '2'])).to.throw('--sync-backups must be 0 or 1, not 2');
    expect(() => parseOptions(['--sync-backups', '1'])).to.throw('--sync-backups and --full-sync are for --join');
    expect(() => parseOptions(['--zipf', '--full-sync'])).to.throw('--sync-backups and --full-sync are for --join');
    expect(() => parseOptions(['--join', '--replication'])).to.throw('--join is a separate benchmark: give it alone');
  });
});
