// What server commands need from the running server beyond the ServerContext every command gets: save state,
// the persistence backend, process facts for INFO. The server (app.ts) implements it; commands see only this.
import type { Logger } from '../../logger.js';
import type { PersistenceBackend } from '../../platform/pmem.js';
import type { Cleaner } from '../../engine/cleaner.js';
import type { HotTier } from '../../engine/hot-tier.js';
import type { ServerStats } from '../../stats.js';
import type { ServerContext } from '../types.js';
import type { SaveState } from './save-state.js';

export interface ServerAdmin extends ServerContext {
  readonly stats: ServerStats;
  readonly saves: SaveState;
  readonly backend: PersistenceBackend;
  readonly cleaner: Cleaner;
  readonly hotTier: HotTier;
  readonly logger: Logger;
  /** Absolute path of the program (INFO executable). */
  readonly executable: string;
  /** The replication id INFO replication reports (40 hex digits). */
  readonly replId: string;
  /** used_memory at start-up (INFO used_memory_startup). */
  readonly startupMemory: number;
  /** The TCP port clients reach us on (INFO tcp_port). */
  readonly tcpPort: number;
}

/** The admin view of the server a command runs in. */
export function adminOf(server: ServerContext): ServerAdmin {
  if (!('saves' in server)) throw new Error('server commands need a server implementing ServerAdmin');
  return server as ServerAdmin;
}
