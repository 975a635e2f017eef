// Command-line options of scripts/bench.ts. Parsing only: no servers, no measurements.
import { options, UsageError } from '../cli.js';
import { splitDirective } from './faha-directives.js';

export type BenchMode = 'durable' | 'memory';
export type ZipfType = 'string' | 'hash';
/** How batches reach a --replication benchmark's backups (replication-transport; rdma: through the libibverbs test double). */
export type BenchTransport = 'tcp' | 'rdma';

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
  /** String keys of the recovery dataset (collections are added: a hundredth as many hashes, lists and zsets), or
   *  of the memory and Zipfian benchmarks' datasets. */
  keys: number;
  /** NODE_OPTIONS for faha in the recovery benchmark (e.g. V8 heap flags), '' = none. */
  fahaNodeOptions: string;
  /** Only the memory benchmark: DRAM held by faha and redis-server for one dataset. */
  memory: boolean;
  /** Only the Zipfian GET/SET (or HGET/HSET) throughput benchmark against faha. */
  zipf: boolean;
  /** --zipf keys: strings, or hashes of `fields` fields. */
  type: ZipfType;
  fields: number;
  /** Value bytes of the memory and Zipfian datasets (null: 1024 for --memory, 100 for --zipf). */
  valueSize: number | null;
  theta: number;
  readRatio: number;
  uniform: boolean;
  seconds: number;
  clients: number;
  pipeline: number;
  seed: number;
  /** name=value directives passed to every faha of the memory and Zipfian benchmarks. */
  fahaArgs: string[];
  /** name=value directives of the Zipfian benchmark's compared configuration. */
  compare: string[];
  /** Only the replication benchmark: faha SET with synchronous backups, and the WAIT anchor against redis-server. */
  replication: boolean;
  /** --replication: backup counts measured, in the order given. */
  backups: number[];
  /** --replication: transports of the configurations with backups, in the order given. */
  transports: BenchTransport[];
  /** Only the join benchmark: a new backup joins a loaded primary under client load. */
  join: boolean;
  /** --join: 1 makes the primary's writes wait for the backup once it is live. */
  syncBackups: number;
  /** --join: clean the primary's whole log after loading (BGREWRITEAOF), so the backup cannot catch up from it. */
  fullSync: boolean;
}

/** Measured seconds of each --replication measurement when --seconds is not given. */
export const REPLICATION_SECONDS = 5;
/** --join defaults: a light load (a few connections, pipelined a little), half reads, half writes, and a few seconds
 *  measured before and after the join. */
export const JOIN_DEFAULTS = { clients: 8, pipeline: 4, readRatio: 0.5, seconds: 3 };
/** A few more backups than issue 6 asks for (3) is allowed; every one is a faha process on this machine. */
const MAX_BACKUPS = 8;

/** The memory datasets issue 5 names. */
const PRESETS: Record<string, { keys: number; valueSize: number }> = { '1m1k': { keys: 1_000_000, valueSize: 1024 }, '10m100': { keys: 10_000_000, valueSize: 100 } };

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
  --keys N                    keys of the --recovery, --memory or --zipf dataset (default 1000000; --recovery:
                              100-byte values, plus N/100 hashes, lists and zsets of 10)
  --faha-node-options STR     NODE_OPTIONS for faha in the recovery benchmark (e.g. --max-semi-space-size=64)
  --memory                    only the memory benchmark: --keys N values of --value-size B (default 1M x 1024)
                              loaded into faha and redis-server (memory mode), then faha's RssAnon vs redis's
                              VmRSS, baselines, bytes per key, load times
  --preset 1m1k|10m100        --memory datasets of issue 5: 1M x 1024 B, 10M x 100 B
  --zipf                      only the Zipfian benchmark: --keys N (default 1M) x --value-size B (default 100)
                              preloaded into faha (all hot: hot-cache-size 0), then closed-loop GET/SET runs on
                              scrambled-zipfian keys
  --type string|hash          --zipf keys: strings (GET/SET) or hashes of --fields fields f0..f{F-1}, preloaded
                              with one HSET per key, then HGET/HSET of a uniformly drawn field (default string)
  --fields F                  fields of each --type hash key, each of --value-size bytes (default 10)
  --value-size B              value bytes of the --memory and --zipf datasets (--type hash: of each field)
  --theta X                   zipfian skew, 0 < X < 1 (default 0.99)
  --uniform                   uniform key draws instead of zipfian
  --read-ratio X              share of GETs (HGETs), 0..1 (default 0.9)
  --replication               only the replication benchmark: SET throughput and p50/p99 of faha (appendfsync
                              always) with --backups synchronous backups on this machine, redis-benchmark -t set
                              -P 1 and -P 16; then SETs with WAIT 2 0 after each pipeline (bench/wait-load.ts)
                              against redis-server (appendfsync always) + 2 replicas and faha + 2 sync backups
  --backups a,b,...           --replication: backup counts measured (default 0,1,2,3; 0 is the ratios' base)
  --transport tcp,rdma        --replication: how batches reach the backups (default tcp): every faha node of a
                              configuration gets --replication-transport tcp or rdma; rdma runs over the libibverbs
                              test double (built with cc, not a NIC: process_vm_writev plus a socket message per
                              WRITE_WITH_IMM), so rdma/tcp shows the transport's own overhead per batch
  --seconds S                 measured seconds of each --zipf run, after 1 s of warm-up (default 10); of each
                              --replication measurement (default ${REPLICATION_SECONDS})
  --clients C                 --zipf and --replication connections (default 50)
  --pipeline P                --zipf requests in flight per connection (default 16)
  --seed N                    --zipf key and operation draws (default 1)
  --faha-arg name=value       a faha directive for --memory and --zipf (repeatable); a value N% is N% of the
                              dataset's key and value bytes (hashes: keys, field names and values), e.g.
                              hot-cache-size=10%
  --compare name=value        --zipf: also run a faha with this directive (repeatable), same preload and keys,
                              runs alternating; reports the ratio to the reference faha: all hot (hot-cache-size
                              0) unless a --faha-arg sets hot-cache-size
  --join                      only the join benchmark: a faha primary (appendfsync always) loaded with --keys N
                              (default 1M) x --value-size B (default 100), under a GET/SET load (--clients,
                              default ${JOIN_DEFAULTS.clients}; --pipeline, default ${JOIN_DEFAULTS.pipeline}; --read-ratio, default ${JOIN_DEFAULTS.readRatio}), is joined by a new
                              backup: time to master_link_status:up, full sync or catch-up, client errors and
                              throughput before / during / after (--seconds before and after, default ${JOIN_DEFAULTS.seconds}), then
                              DBSIZE and 1000 random keys compared on both
  --sync-backups 0|1          --join: 1 sets sync-backups 1 on the primary once the backup is live (default 0)
  --full-sync                 --join: BGREWRITEAOF on the primary after loading (its first segments are freed), so
                              the backup gets a full sync instead of a catch-up from the primary's log
  --help                      this text`;


export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const o: BenchOptions = { modes: ['durable', 'memory'], runs: 3, quick: false, smokeOnly: false, tmpRoot: '', keyspace: 100000, tests: DEFAULT_TESTS,
    recovery: false, keys: 1_000_000, fahaNodeOptions: '', memory: false, zipf: false, type: 'string', fields: 10, valueSize: null, theta: 0.99, readRatio: 0.9,
    uniform: false, seconds: 10, clients: 50, pipeline: 16, seed: 1, fahaArgs: [], compare: [], replication: false, backups: [0, 1, 2, 3], transports: ['tcp'],
    join: false, syncBackups: 0, fullSync: false };
  let runsGiven = false;
  let secondsGiven = false;
  let backupsGiven = false;
  let fieldsGiven = false;
  const given = new Set<string>();
  for (const [a, value] of options(argv)) {
    given.add(a);
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
        o.keys = n;
        break;
      }
      case '--memory':
        o.memory = true;
        break;
      case '--zipf':
        o.zipf = true;
        break;
      case '--type': {
        const v = value();
        if (v !== 'string' && v !== 'hash') throw new UsageError(`--type must be string or hash, not ${v}`);
        o.type = v;
        break;
      }
      case '--fields':
        o.fields = integerAtLeast(a, value(), 1);
        fieldsGiven = true;
        break;
      case '--preset': {
        const v = value();
        const p = PRESETS[v];
        if (p === undefined) throw new UsageError(`--preset must be ${Object.keys(PRESETS).join(' or ')}, not ${v}`);
        o.keys = p.keys;
        o.valueSize = p.valueSize;
        break;
      }
      case '--value-size':
        o.valueSize = integerAtLeast(a, value(), 1);
        break;
      case '--theta':
        o.theta = fraction(a, value(), false);
        break;
      case '--read-ratio':
        o.readRatio = fraction(a, value(), true);
        break;
      case '--uniform':
        o.uniform = true;
        break;
      case '--seconds':
        o.seconds = integerAtLeast(a, value(), 1);
        secondsGiven = true;
        break;
      case '--replication':
        o.replication = true;
        break;
      case '--backups':
        o.backups = backupCounts(value());
        backupsGiven = true;
        break;
      case '--transport':
        o.transports = transportList(value());
        break;
      case '--join':
        o.join = true;
        break;
      case '--sync-backups': {
        const v = value();
        if (v !== '0' && v !== '1') throw new UsageError(`--sync-backups must be 0 or 1, not ${v}`);
        o.syncBackups = Number(v);
        break;
      }
      case '--full-sync':
        o.fullSync = true;
        break;
      case '--clients':
        o.clients = integerAtLeast(a, value(), 1);
        break;
      case '--pipeline':
        o.pipeline = integerAtLeast(a, value(), 1);
        break;
      case '--seed':
        o.seed = integerAtLeast(a, value(), 0);
        break;
      case '--faha-arg':
        o.fahaArgs.push(directive(a, value()));
        break;
      case '--compare':
        o.compare.push(directive(a, value()));
        break;
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
  if ([o.recovery, o.memory, o.zipf, o.replication].filter(Boolean).length > 1) {
    throw new UsageError('--recovery, --memory, --zipf and --replication are separate benchmarks: give one');
  }
  if (o.join && (o.recovery || o.memory || o.zipf || o.replication)) throw new UsageError('--join is a separate benchmark: give it alone');
  if ((given.has('--sync-backups') || o.fullSync) && !o.join) throw new UsageError('--sync-backups and --full-sync are for --join');
  if (o.join) joinDefaults(o, given);
  if (backupsGiven && !o.replication) throw new UsageError('--backups is for --replication');
  if (given.has('--transport') && !o.replication) throw new UsageError('--transport is for --replication');
  if (o.replication && !secondsGiven) o.seconds = REPLICATION_SECONDS;
  if (o.compare.length > 0 && !o.zipf) throw new UsageError('--compare is for --zipf');
  if (o.type === 'hash' && !o.zipf) throw new UsageError('--type hash is for --zipf');
  if (fieldsGiven && o.type !== 'hash') throw new UsageError('--fields is for --zipf --type hash');
  return o;
}

/** --join's own defaults for the load options not given. */
function joinDefaults(o: BenchOptions, given: Set<string>): void {
  if (!given.has('--clients')) o.clients = JOIN_DEFAULTS.clients;
  if (!given.has('--pipeline')) o.pipeline = JOIN_DEFAULTS.pipeline;
  if (!given.has('--read-ratio')) o.readRatio = JOIN_DEFAULTS.readRatio;
  if (!given.has('--seconds')) o.seconds = JOIN_DEFAULTS.seconds;
}

/** "0,1,2,3": distinct counts from 0 to MAX_BACKUPS. */
function backupCounts(v: string): number[] {
  const counts = v.split(',').map((x) => x.trim());
  if (counts.some((x) => !/^\d+$/.test(x) || Number(x) > MAX_BACKUPS)) throw new UsageError(`--backups takes counts from 0 to ${MAX_BACKUPS} separated by commas, not ${v}`);
  const n = counts.map(Number);
  if (new Set(n).size !== n.length) throw new UsageError(`--backups lists a count twice: ${v}`);
  return n;
}

/** "tcp,rdma": distinct transports, in their order. */
function transportList(v: string): BenchTransport[] {
  const ts = v.split(',').map((x) => x.trim());
  if (ts.some((t) => t !== 'tcp' && t !== 'rdma')) throw new UsageError(`--transport takes tcp and/or rdma separated by commas, not ${v}`);
  if (new Set(ts).size !== ts.length) throw new UsageError(`--transport lists a transport twice: ${v}`);
  return ts as BenchTransport[];
}

function integerAtLeast(flag: string, v: string, min: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer >= ${min}, not ${v}`);
  return n;
}

/** A number in (0, 1), or [0, 1] when `closed`. */
function fraction(flag: string, v: string, closed: boolean): number {
  const x = Number(v);
  const ok = v.trim() !== '' && (closed ? x >= 0 && x <= 1 : x > 0 && x < 1);
  if (!ok) throw new UsageError(`${flag} must be a number ${closed ? 'from 0 to 1' : 'between 0 and 1 (exclusive)'}, not ${v}`);
  return x;
}

function directive(flag: string, v: string): string {
  if (splitDirective(v) === null) throw new UsageError(`${flag} takes name=value (e.g. hot-cache-size=64mb), not ${v}`);
  return v;
}
