// The hot path for the single-key requests that make up most cache, counter, queue and redis-benchmark traffic:
// plain GET, SET, INCR, DECR, and LPUSH, RPUSH, SADD, HSET and ZADD (no options) of one element. The request is recognised in the input
// bytes (RequestParser.nextSimple) and run through the same execution code as its handler, but without building
// argv Buffers, looking the command up, checking arity or making a plan. Replies, stats, notifications and
// wake-ups of blocked clients are the same. It must be off whenever per-connection state changes how a command
// runs (not authenticated, MONITOR, CLIENT PAUSE, CLIENT REPLY OFF/SKIP, MULTI, subscribed mode): the connection
// decides that. Justified by scripts/bench.ts: see the measurements in server/docs/performance.md.
import {
  SIMPLE_DECR, SIMPLE_GET, SIMPLE_HSET, SIMPLE_INCR, SIMPLE_LPUSH, SIMPLE_RPUSH, SIMPLE_SADD, SIMPLE_SET, SIMPLE_ZADD,
  type SimpleArgs,
} from '../resp/request-parser.js';
import type { Dispatcher } from './dispatcher.js';
import { execHsetOne } from './hashes/set.js';
import { execPushOne } from './lists/push.js';
import type { CommandDef } from './registry.js';
import { execSadd } from './sets/add-remove.js';
import { execZaddOne } from './sorted-sets/zadd.js';
import { execGet } from './strings/get.js';
import { execIncrBy } from './strings/incr.js';
import { execPlainSet } from './strings/set.js';
import type { Context } from './types.js';

/** What a hot-path request runs: the key, and the parser's view of the rest (valid during the call). */
export type FastExec = (ctx: Context, key: string, args: SimpleArgs) => void;

const runGet: FastExec = (ctx, key) => execGet(ctx, key);
const runIncr: FastExec = (ctx, key) => execIncrBy(ctx, key, 1);
const runDecr: FastExec = (ctx, key) => execIncrBy(ctx, key, -1);
const runSet: FastExec = (ctx, key, a) => execPlainSet(ctx, key, a.simpleValue);
// Pushes copy the element from where it lies in the input: no view of it is made.
const runLpush: FastExec = (ctx, key, a) => execPushOne(ctx, key, a.simpleBuf, a.simpleValueAt, a.simpleValueLen, true);
const runRpush: FastExec = (ctx, key, a) => execPushOne(ctx, key, a.simpleBuf, a.simpleValueAt, a.simpleValueLen, false);

// HSET finds and copies its field and value where they lie in the input, as pushes do.
const runHset: FastExec = (ctx, key, a) =>
  execHsetOne(ctx, key, a.simpleBuf, a.simpleFieldAt, a.simpleFieldLen, a.simpleValueAt, a.simpleValueLen);

/**
 * SADD's argument array, reused rather than made per request: the handler reads it during the call and keeps
 * neither the array nor the view (members are copied into the set and the log). Reset to an empty buffer after
 * each call, so no view of an input chunk outlives its command; not emptied, which would drop its backing store.
 */
const NOTHING = Buffer.alloc(0);
const one: Buffer[] = [NOTHING];

const runSadd: FastExec = (ctx, key, a) => {
  one[0] = a.simpleValue;
  try {
    execSadd(ctx, key, one);
  } finally {
    one[0] = NOTHING;
  }
};
const runZadd: FastExec = (ctx, key, a) => execZaddOne(ctx, key, a.simpleField, a.simpleValue);

/** Each SIMPLE_* code: its command's name, what runs it, and whether it takes simpleField (HSET's field, ZADD's score). */
const ROUTES: [code: number, name: string, exec: FastExec, takesField: boolean][] = [
  [SIMPLE_GET, 'get', runGet, false],
  [SIMPLE_SET, 'set', runSet, false],
  [SIMPLE_INCR, 'incr', runIncr, false],
  [SIMPLE_DECR, 'decr', runDecr, false],
  [SIMPLE_LPUSH, 'lpush', runLpush, false],
  [SIMPLE_RPUSH, 'rpush', runRpush, false],
  [SIMPLE_SADD, 'sadd', runSadd, false],
  [SIMPLE_HSET, 'hset', runHset, true],
  [SIMPLE_ZADD, 'zadd', runZadd, true],
];

export class FastPath {
  /** By SIMPLE_* code, from ROUTES: the command (for stats and admission checks), what runs it, whether it takes a field. */
  private readonly defs: (CommandDef | undefined)[] = [];
  private readonly execs: FastExec[] = [];
  private readonly takesField: boolean[] = [];

  constructor(private readonly dispatcher: Dispatcher) {
    for (const [code, name, exec, takesField] of ROUTES) {
      this.defs[code] = dispatcher.table.lookup(name);
      this.execs[code] = exec;
      this.takesField[code] = takesField;
    }
    this.enabled = ROUTES.every(([code]) => this.defs[code] !== undefined);
  }

  /** False when any of these commands is not served (then the recogniser is not used at all). */
  readonly enabled: boolean;

  /** Runs what nextSimple() recognised. */
  run(op: number, ctx: Context, key: string, args: SimpleArgs): void {
    // GET and SET first and by name: the bulk of the traffic, and a direct call is one load less than the tables.
    const d = this.dispatcher;
    if (op === SIMPLE_GET) d.runFast(this.defs[SIMPLE_GET]!, ctx, runGet, key, args, false);
    else if (op === SIMPLE_SET) d.runFast(this.defs[SIMPLE_SET]!, ctx, runSet, key, args, false);
    else d.runFast(this.defs[op]!, ctx, this.execs[op], key, args, this.takesField[op]);
  }
}
