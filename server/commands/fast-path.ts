// The hot path for plain GET and SET, the bulk of cache and redis-benchmark traffic: the request is recognised in
// the input bytes (RequestParser.nextSimple) and run through the same keyspace code as the GET/SET handlers, but
// without building argv Buffers, looking the command up, checking arity or making a plan. Replies and stats are
// the same. It must be off whenever per-connection state changes how a command runs (not authenticated, MONITOR,
// CLIENT PAUSE, CLIENT REPLY OFF/SKIP; later MULTI, subscribed mode): the connection decides that.
// Justified by scripts/bench.ts (memory mode, SET/GET -P 16): see the measurements in server/docs/performance.md.
import { SIMPLE_GET, SIMPLE_SET } from '../resp/request-parser.js';
import type { Dispatcher } from './dispatcher.js';
import type { CommandDef } from './registry.js';
import { execGet } from './strings/get.js';
import { execPlainSet } from './strings/set.js';
import type { Context } from './types.js';

function runGet(ctx: Context, key: string): void {
  execGet(ctx, key);
}

export class FastPath {
  private readonly get: CommandDef | undefined;
  private readonly set: CommandDef | undefined;

  constructor(private readonly dispatcher: Dispatcher) {
    this.get = dispatcher.table.lookup('get');
    this.set = dispatcher.table.lookup('set');
  }

  /** False when GET or SET is not served (then the recogniser is not used at all). */
  get enabled(): boolean {
    return this.get !== undefined && this.set !== undefined;
  }

  /** Runs what nextSimple() recognised. */
  run(op: number, ctx: Context, key: string, value: Buffer): void {
    if (op === SIMPLE_GET) this.dispatcher.runFast(this.get!, ctx, runGet, key, value);
    else if (op === SIMPLE_SET) this.dispatcher.runFast(this.set!, ctx, execPlainSet, key, value);
  }
}
