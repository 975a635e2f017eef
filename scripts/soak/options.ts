// Command-line options of scripts/soak.ts. Parsing only: no servers, no load.
import { options, UsageError } from '../cli.js';

export type LoadTool = 'own' | 'redis-benchmark';

export interface SoakOptions {
  writes: number;
  keys: number;
  valueSize: number;
  pipeline: number;
  clients: number;
  runs: number;
  /** own: per-second latency histograms tagged with the cleaner's state; redis-benchmark: its CSV summary only. */
  load: LoadTool;
  /** Phases to run, in the order of the first run (later runs alternate the order). */
  phases: Array<'A' | 'B'>;
  /** Parent of the data directories ('' = a temp dir on the repository's filesystem, as the bench uses). */
  tmpRoot: string;
  /** faha's segment-size ('' = its default). */
  segmentSize: string;
}

export const USAGE = `Usage: npm run soak -- [options]
  --writes N        SETs per phase (default 10000000)
  --keys N          random keys over N: key:000000000000 .. (default 1000000)
  --value-size N    value bytes (default 100)
  --pipeline N      SETs in flight per connection (default 16)
  --clients N       connections (default 50)
  --runs N          runs of each phase; runs alternate which phase goes first (default 1)
  --load own|redis-benchmark
                    own (default): the soak's load generator, latency histograms per second tagged with
                    cleaner_running; redis-benchmark: -t set -r keys -d size, its CSV latency summary only
  --phase A|B|both  A: no cleaning (log-max-space-amplification 100); B: cleaning (the default bound, 2)
  --tmp DIR         put faha's data directory under DIR (default: the repository's filesystem)
  --segment-size S  faha's segment-size (default: faha's own default)
  --help            this text
faha runs with appendfsync always.`;


function positiveInt(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a positive integer`);
  return n;
}

export function parseOptions(argv: string[]): SoakOptions | 'help' {
  const o: SoakOptions = { writes: 10_000_000, keys: 1_000_000, valueSize: 100, pipeline: 16, clients: 50, runs: 1, load: 'own', phases: ['A', 'B'], tmpRoot: '', segmentSize: '' };
  for (const [a, value] of options(argv)) {
    switch (a) {
      case '--writes': o.writes = positiveInt(a, value()); break;
      case '--keys': o.keys = positiveInt(a, value()); break;
      case '--value-size': o.valueSize = positiveInt(a, value()); break;
      case '--pipeline': o.pipeline = positiveInt(a, value()); break;
      case '--clients': o.clients = positiveInt(a, value()); break;
      case '--runs': o.runs = positiveInt(a, value()); break;
      case '--load': {
        const v = value();
        if (v !== 'own' && v !== 'redis-benchmark') throw new UsageError(`--load must be own or redis-benchmark, not ${v}`);
        o.load = v;
        break;
      }
      case '--phase': {
        const v = value();
        if (v === 'both') o.phases = ['A', 'B'];
        else if (v === 'A' || v === 'B') o.phases = [v];
        else throw new UsageError(`--phase must be A, B or both, not ${v}`);
        break;
      }
      case '--tmp': o.tmpRoot = value(); break;
      case '--segment-size': o.segmentSize = value(); break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new UsageError(`unknown option ${a}`);
    }
  }
  return o;
}
