// INFO replication: a standalone primary until faha's replication exists. Redis's field names, so monitoring
// (and later redis-sentinel) reads it.
import type { ServerAdmin } from '../admin.js';
import type { Fields } from './format.js';

const NO_REPLID = '0'.repeat(40);
/** Redis's default repl-backlog-size (1mb). */
const BACKLOG_SIZE = 1048576;

export function replicationSection(s: ServerAdmin): Fields {
  return [
    ['role', 'master'],
    ['connected_slaves', 0],
    ['master_failover_state', 'no-failover'],
    ['master_replid', s.replId],
    ['master_replid2', NO_REPLID],
    ['master_repl_offset', 0],
    ['second_repl_offset', -1],
    ['repl_backlog_active', 0],
    ['repl_backlog_size', BACKLOG_SIZE],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
  ];
}
