// The checks a write command passes before it runs, in Redis's processCommand order: the disk-error check
// (writeCommandsDeniedByDiskError: writes, and PING, get MISCONF while the log cannot take them), then replication's
// NOREPLICAS and READONLY. Decides and words the refusal; the dispatcher replies. Never executes anything.
import { errnoOf, strerror } from '../platform/libc.js';
import type { ReplicationView } from '../replication/types.js';
import { ERR_NOREPLICAS, ERR_READONLY_REPLICA, misconfLogWrite } from '../resp/errors.js';
import { CmdFlag, type CommandDef } from './registry.js';
import type { MultiState } from './types.js';

/** What admission needs of the log (engine/log.ts). */
export interface WriteAdmission {
  /** Why writes are refused now, or null. */
  readonly writeError: Error | null;
  /** Null when a write whose records take about `bytes` may start, else why not. */
  admitWrite(bytes: number): Error | null;
}

/** At least what the log adds per record around a key or value (its record header is 24 bytes). */
const PER_ARGUMENT = 32;

/** A command's records estimated from its arguments: their bytes plus a record header for each. */
function argvBytes(argv: Buffer[]): number {
  let n = 0;
  for (let i = 1; i < argv.length; i++) n += argv[i].length + PER_ARGUMENT;
  return n;
}

/** strerror's text for an OS error (as Redis prints errno), else the error's own message. */
export function reasonOf(err: Error): string {
  const errno = errnoOf(err);
  return errno > 0 ? strerror(errno) : err.message;
}

/**
 * The MISCONF refusal for `def` with `argv`, or null when it may run. PING is refused whenever writes fail, as
 * in Redis (monitoring sees the fault); EXEC counts as a write when any queued command is one.
 */
export function writeRefusal(log: WriteAdmission, def: CommandDef, argv: Buffer[], multi: MultiState | null): string | null {
  let bytes = 0;
  if ((def.flags & CmdFlag.Write) !== 0) bytes = argvBytes(argv);
  else if (def.spec.name === 'exec' && multi !== null) {
    let writes = false;
    for (const q of multi.queue) {
      if ((q.def.flags & CmdFlag.Write) === 0) continue;
      writes = true;
      bytes += argvBytes(q.argv);
    }
    if (!writes) return null;
  } else if (def.spec.name === 'ping') {
    const err = log.writeError;
    return err === null ? null : misconfLogWrite(reasonOf(err));
  } else return null;
  const err = log.admitWrite(bytes);
  return err === null ? null : misconfLogWrite(reasonOf(err));
}

/**
 * The same for the hot path's writes: one key, the last argument's length (0 when there is none) and HSET's field
 * or ZADD's score (-1 when the command has none).
 */
export function fastWriteRefusal(log: WriteAdmission, key: string, valueLen: number, fieldLen: number): string | null {
  const fieldBytes = fieldLen < 0 ? 0 : fieldLen + PER_ARGUMENT;
  const err = log.admitWrite(key.length + valueLen + fieldBytes + 2 * PER_ARGUMENT);
  return err === null ? null : misconfLogWrite(reasonOf(err));
}

/** Redis's is_write_command: a write, or EXEC of a transaction that queued one. */
export function isWriteCommand(def: CommandDef, multi: MultiState | null): boolean {
  if ((def.flags & CmdFlag.Write) !== 0) return true;
  return def.spec.name === 'exec' && multi !== null && multi.queue.some((q) => (q.def.flags & CmdFlag.Write) !== 0);
}

/**
 * Replication's refusal of a write, or null: on a backup, READONLY while replica-read-only is set; on a primary,
 * NOREPLICAS while the view says too few backups are in sync (never on a backup, as Redis's
 * checkGoodReplicasStatus). A primary with no backups pays one property read and one cheap call.
 */
export function replicationRefusal(repl: ReplicationView, replicaReadOnly: boolean): string | null {
  if (repl.role === 'backup') return replicaReadOnly ? ERR_READONLY_REPLICA : null;
  return repl.noReplicasRefusal() ? ERR_NOREPLICAS : null;
}
