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
