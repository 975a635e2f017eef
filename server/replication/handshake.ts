// The handshake that turns a client connection into a replication stream, both ends: the backup's REPLCONF lines
// saying where its log stands (kept per session on the primary until its PSYNC), and their parsing. Pure data.
import type { Session } from '../commands/types.js';

/** Where a backup's log stands, as it tells its primary before PSYNC. */
export interface BackupState {
  /** The port it serves clients on (REPLCONF listening-port). */
  port: number;
  /** The newest epoch in its log (0: it wants a full sync whatever it holds), and that epoch's random id. */
  epoch: number;
  epochId: number;
  /** The LSN of its newest persisted record. */
  lsn: number;
  /** Where its log ends: the segment and offset the next batch goes to. */
  headSeg: number;
  headOff: number;
  /** Its live segment ids. */
  segments: number[];
}

/** What REPLCONF has told us so far, per connection (gone with the connection). */
const pending = new WeakMap<Session, Partial<BackupState>>();

export function noteListeningPort(s: Session, port: number): void {
  pending.set(s, { ...pending.get(s), port });
}

/** `REPLCONF faha <epoch> <lsn> <head-segment> <head-offset> <segment,ids> <epoch-id>`: false when malformed. */
export function noteLogState(s: Session, args: string[]): boolean {
  if (args.length !== 6) return false;
  const nums = [...args.slice(0, 4), args[5]].map(Number);
  if (!nums.every((n) => Number.isSafeInteger(n) && n >= 0)) return false;
  const segments = args[4] === '' ? [] : args[4].split(',').map(Number);
  if (!segments.every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const [epoch, lsn, headSeg, headOff, epochId] = nums;
  pending.set(s, { ...pending.get(s), epoch, epochId, lsn, headSeg, headOff, segments });
  return true;
}

/** The backup's state once both REPLCONFs came, else null (a plain Redis replica, or a client, sent PSYNC). */
export function takeBackupState(s: Session): BackupState | null {
  const p = pending.get(s);
  pending.delete(s);
  if (p === undefined || p.epoch === undefined) return null;
  return { port: p.port ?? 0, epoch: p.epoch, epochId: p.epochId!, lsn: p.lsn!, headSeg: p.headSeg!, headOff: p.headOff!, segments: p.segments! };
}

/** One command as a RESP multibulk, as a client sends it (the backup's handshake, the stale-primary notice). */
export function respCommand(args: readonly string[]): string {
  let s = `*${args.length}\r\n`;
  for (const a of args) s += `$${Buffer.byteLength(a)}\r\n${a}\r\n`;
  return s;
}

/** The REPLCONF line a backup sends for its log (see noteLogState). */
export function logStateArgs(st: Omit<BackupState, 'port'>): string[] {
  return ['REPLCONF', 'faha', String(st.epoch), String(st.lsn), String(st.headSeg), String(st.headOff), st.segments.join(','), String(st.epochId)];
}
