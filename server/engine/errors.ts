// Failures of the engine as error classes with stable codes; the command layer turns them into Redis-style replies.

export class EngineError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'EngineError';
  }
}

/** A batch in the middle of the log fails its checksum: data would be lost by going on, so start-up stops. */
export class LogCorruptError extends EngineError {
  constructor(readonly file: string, readonly offset: number, reason: string) {
    super('ERR_LOG_CORRUPT', `log corrupt in ${file} at offset ${offset}: ${reason}`);
  }
}

/** Another process holds the data directory. */
export class DirLockedError extends EngineError {
  constructor(readonly dir: string) {
    super('ERR_DIR_LOCKED', `data directory ${dir} is in use by another faha process (lock file ${dir}/faha.lock)`);
  }
}

/**
 * A command's record did not fit the head segment and no next segment could be made (admission estimated the
 * command smaller than it was): nothing of that record was written and the open batch is intact. `cause` is the
 * OS error (`osError`); the command layer answers it as a MISCONF refusal.
 */
export class LogFullError extends EngineError {
  constructor(readonly osError: Error) {
    super('ERR_LOG_FULL', `the log cannot grow: ${osError.message}`);
  }
}
