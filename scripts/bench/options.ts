// Command-line options of scripts/bench.ts. Parsing only: no servers, no measurements.
import { options, UsageError } from '../cli.js';

export type BenchMode = 'durable' | 'memory';

export interface BenchOptions {
  modes: BenchMode[];
  runs: number;
  quick: boolean;
  /** Only the redis-benchmark smoke run against faha. */
  smokeOnly: boolean;
  /** Parent of the servers' temporary data directories ('' = a temp dir on the repository's filesystem). */
  tmpRoot: string;
  /** redis-benchmark -r: random keys over this many (0: its default, one key per test). */
  keyspace: number;
  /** redis-benchmark test names measured (-t, one at a time). */
  tests: string[];
  /** Only the recovery benchmark (restart times of faha and redis-server on one dataset). */
  recovery: boolean;
  /** String keys of the recovery dataset (collections are added: a hundredth as many hashes, lists and zsets). */
  recoveryKeys: number;
  /** NODE_OPTIONS for faha in the recovery benchmark (e.g. V8 heap flags), '' = none. */
  fahaNodeOptions: string;
}

export const DEFAULT_TESTS = ['set', 'get', 'incr', 'mset'];
/** issue 3's collection commands; LRANGE_100 reads a list LPUSH filled. */
export const COLLECTION_TESTS = ['lpush', 'hset', 'zadd', 'sadd', 'lrange_100'];

export const USAGE = `Usage: npm run bench -- [options]
  --mode durable|memory|both  durable: faha appendfsync always vs redis-server appendonly yes + appendfsync always;
                              memory: faha appendfsync no vs redis-server appendonly no, save "" (default: both)
  --runs N                    runs of each test on each server, alternating servers (default 3; --quick: 1)
  --quick                     small request counts and one run: checks that the benchmark works end to end
  --smoke                     only the smoke run: redis-benchmark's default suite (-n 100000) against faha
  --tmp DIR                   put the servers' data directories under DIR (default: the repository's filesystem)
  --tests a,b,...              redis-benchmark tests to measure (default set,get,incr,mset; 'collections' for
                              lpush,hset,zadd,sadd,lrange_100)
  --keyspace N                redis-benchmark -r N: random keys over N (default 100000; 0: redis-benchmark's
                              default of one key per test)
  --recovery                  only the recovery benchmark: one dataset loaded into faha and into redis-server (AOF,
                              appendfsync always, no RDB preamble), each restarted --runs times, start → ready timed
  --keys N                    string keys of the recovery dataset (default 1000000; 100-byte values, plus N/100
                              hashes, lists and zsets of 10)
  --faha-node-options STR     NODE_OPTIONS for faha in the recovery benchmark (e.g. --max-semi-space-size=64)
  --help                      this text`;


export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const o: BenchOptions = { modes: ['durable', 'memory'], runs: 3, quick: false, smokeOnly: false, tmpRoot: '', keyspace: 100000, tests: DEFAULT_TESTS,
    recovery: false, recoveryKeys: 1_000_000, fahaNodeOptions: '' };
  let runsGiven = false;
  for (const [a, value] of options(argv)) {
    switch (a) {
      case '--mode': {
        const m = value();
        if (m === 'both') o.modes = ['durable', 'memory'];
        else if (m === 'durable' || m === 'memory') o.modes = [m];
        else throw new UsageError(`--mode must be durable, memory or both, not ${m}`);
        break;
      }
      case '--runs': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--runs must be a positive integer');
        o.runs = n;
        runsGiven = true;
        break;
      }
      case '--quick':
        o.quick = true;
        break;
      case '--smoke':
        o.smokeOnly = true;
        break;
      case '--tests': {
        const v = value();
        o.tests = v === 'collections' ? COLLECTION_TESTS : v.split(',').filter((t) => t !== '');
        if (o.tests.length === 0) throw new UsageError('--tests needs at least one test name');
        break;
      }
      case '--tmp':
        o.tmpRoot = value();
        break;
      case '--keyspace': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 0) throw new UsageError('--keyspace must be a non-negative integer');
        o.keyspace = n;
        break;
      }
      case '--recovery':
        o.recovery = true;
        break;
      case '--keys': {
        const n = Number(value());
        if (!Number.isInteger(n) || n < 1) throw new UsageError('--keys must be a positive integer');
        o.recoveryKeys = n;
        break;
      }
      case '--faha-node-options':
        o.fahaNodeOptions = value();
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  if (o.quick && !runsGiven) o.runs = 1;
  return o;
}
