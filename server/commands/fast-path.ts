// The hot path for plain GET, SET, INCR and DECR, the bulk of cache, counter and redis-benchmark traffic: the
// request is recognised in
// the input bytes (RequestParser.nextSimple) and run through the same keyspace code as the GET/SET handlers, but
// without building argv Buffers, looking the command up, checking arity or making a plan. Replies and stats are
// the same. It must be off whenever per-connection state changes how a command runs (not authenticated, MONITOR,
// CLIENT PAUSE, CLIENT REPLY OFF/SKIP; later MULTI, subscribed mode): the connection decides that.
// Justified by scripts/bench.ts (memory mode, SET/GET -P 16): see the measurements in server/docs/performance.md.
import { SIMPLE_DECR, SIMPLE_GET, SIMPLE_INCR, SIMPLE_SET } from '../resp/request-parser.js';
import type { Dispatcher } from './dispatcher.js';
import type { CommandDef } from './registry.js';
import { execGet } from './strings/get.js';
import { execIncrBy } from './strings/incr.js';
import { execPlainSet } from './strings/set.js';
import type { Context } from './types.js';

function runGet(ctx: Context, key: string): void {
  execGet(ctx, key);
}

function runIncr(ctx: Context, key: string): void {
  execIncrBy(ctx, key, 1);
}

function runDecr(ctx: Context, key: string): void {
  execIncrBy(ctx, key, -1);
}

export class FastPath {
  private readonly get: CommandDef | undefined;
  private readonly set: CommandDef | undefined;
  private readonly incr: CommandDef | undefined;
  private readonly decr: CommandDef | undefined;

  constructor(private readonly dispatcher: Dispatcher) {
    const t = dispatcher.table;
    this.get = t.lookup('get');
    this.set = t.lookup('set');
    this.incr = t.lookup('incr');
    this.decr = t.lookup('decr');
    this.enabled = this.get !== undefined && this.set !== undefined && this.incr !== undefined && this.decr !== undefined;
  }

  /** False when any of these commands is not served (then the recogniser is not used at all). */
  readonly enabled: boolean;

  /** Runs what nextSimple() recognised. */
  run(op: number, ctx: Context, key: string, value: Buffer): void {
    const d = this.dispatcher;
    if (op === SIMPLE_GET) d.runFast(this.get!, ctx, runGet, key, value);
    else if (op === SIMPLE_SET) d.runFast(this.set!, ctx, execPlainSet, key, value);
    else if (op === SIMPLE_INCR) d.runFast(this.incr!, ctx, runIncr, key, value);
    else if (op === SIMPLE_DECR) d.runFast(this.decr!, ctx, runDecr, key, value);
  }
}
