// Server commands (Redis's server group): INFO, CONFIG, DBSIZE, FLUSHDB/FLUSHALL, TIME, SAVE/BGSAVE/LASTSAVE,
// SHUTDOWN, DEBUG, and REPLCONF/PSYNC/SYNC (the replication handshake). One file per concept beside this one.
import type { Handler } from '../types.js';
import { CONFIG_HANDLERS } from './config-cmd.js';
import { DEBUG_HANDLER } from './debug.js';
import { FLUSH_HANDLERS } from './flush.js';
import { INFO_HANDLER } from './info/index.js';
import { REPLICATION_STREAM_HANDLERS } from './replication-stream.js';
import { SAVE_HANDLERS } from './save.js';
import { SHUTDOWN_HANDLER } from './shutdown.js';
import { TIME_HANDLER } from './time.js';

export const SERVER_HANDLERS: Handler<any>[] = [
  INFO_HANDLER,
  ...CONFIG_HANDLERS,
  ...FLUSH_HANDLERS,
  TIME_HANDLER,
  ...SAVE_HANDLERS,
  SHUTDOWN_HANDLER,
  DEBUG_HANDLER,
  ...REPLICATION_STREAM_HANDLERS,
];
