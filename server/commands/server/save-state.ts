// What SAVE, BGSAVE and LASTSAVE mean in faha and the state INFO persistence reports about them. The log is
// always persistent, so a "save" persists every sealed batch now (server/docs/persistence-commands.md).
// Owns save bookkeeping only; the log does the persisting.
import type { Log } from '../../engine/log.js';


export class SaveState {
  /** Unix seconds of the last successful save (start-up time until the first one), as LASTSAVE reports. */
  lastSave = Math.floor(Date.now() / 1000);
  /** INFO rdb_saves; reset by CONFIG RESETSTAT. */
  saves = 0;
  lastBgsaveOk = true;
  /** Seconds the last background save took, -1 before the first. */
  lastBgsaveSecs = -1;
  /** ms timestamp of the running background save, or null. */
  private bgStartedAt: number | null = null;
  /** The log's applied LSN at the last save: records since then are INFO rdb_changes_since_last_save. */
  private savedLSN: number;

  constructor(
    private readonly log: Log,
    private readonly warn: (msg: string) => void,
  ) {
    this.savedLSN = log.appliedLSN;
  }

  get inProgress(): boolean {
    return this.bgStartedAt !== null;
  }

  /** Seconds the running background save has taken so far, -1 when none runs. */
  get currentBgsaveSecs(): number {
    return this.bgStartedAt === null ? -1 : Math.floor((Date.now() - this.bgStartedAt) / 1000);
  }

  get changesSinceSave(): number {
    return this.log.appliedLSN - this.savedLSN;
  }

  /** SAVE: persists everything now. Returns false when persisting failed (logged). */
  save(): boolean {
    try {
      this.log.persistAllSync();
    } catch (err) {
      this.warn(`Error persisting the log: ${(err as Error).message}`);
      return false;
    }
    this.done();
    return true;
  }

  /**
   * BGSAVE: the same persist, after the reply. One at a time, like Redis's single child: false when one is
   * already running.
   */
  bgsave(): boolean {
    if (this.bgStartedAt !== null) return false;
    this.bgStartedAt = Date.now();
    setImmediate(() => this.finishBackground());
    return true;
  }

  private finishBackground(): void {
    const started = this.bgStartedAt ?? Date.now();
    this.bgStartedAt = null;
    this.lastBgsaveOk = this.save();
    this.lastBgsaveSecs = Math.floor((Date.now() - started) / 1000);
  }

  private done(): void {
    this.lastSave = Math.floor(Date.now() / 1000);
    this.saves++;
    this.savedLSN = this.log.appliedLSN;
  }
}
