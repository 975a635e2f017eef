// CLIENT PAUSE state: until when, and whether all commands or only those that may write are held back. A new
// pause only lengthens the current one or widens it from WRITE to ALL (Redis 7.0's pauseClients). Pure state;
// the registry owns the timer and the held connections.
import { CmdFlag, type CommandDef } from '../commands/registry.js';

export class PauseState {
  /** Absolute end in ms; 0 when no pause is in effect. */
  private until = 0;
  private all = false;

  /** Applies CLIENT PAUSE. Returns the end of the pause now in effect (0 if none). */
  set(untilMs: number, writesOnly: boolean, nowMs: number): number {
    if (this.until !== 0 && this.until <= nowMs) this.clear();
    if (untilMs <= nowMs && this.until === 0) return 0;
    if (!writesOnly) this.all = true;
    if (untilMs > this.until) this.until = untilMs;
    return this.until;
  }

  clear(): void {
    this.until = 0;
    this.all = false;
  }

  active(nowMs: number): boolean {
    return this.until !== 0 && nowMs < this.until;
  }

  /** Whether any pause was set and not cleared (it may have run out): a check that needs no clock. */
  get pending(): boolean {
    return this.until !== 0;
  }

  get endsAt(): number {
    return this.until;
  }

  /** Whether the pause holds back `def` (already known to be runnable: it exists, has its arity, is authorised). */
  holds(def: CommandDef, nowMs: number): boolean {
    if (!this.active(nowMs)) return false;
    // CLIENT PAUSE WRITE holds back what may write or replicate (EVAL, PUBLISH…), as is_may_replicate_command.
    return this.all || (def.flags & (CmdFlag.Write | CmdFlag.MayReplicate)) !== 0;
  }
}
