// Replication commands (Redis's REPLICAOF, SLAVEOF, ROLE, FAILOVER, WAIT, and 7.2's WAITAOF). PSYNC, SYNC and
// REPLCONF upgrade a connection into a replication stream and belong to replication/, not here.
import type { Handler } from '../types.js';
import { FAILOVER_HANDLER } from './failover.js';
import { REPLICAOF_HANDLER, SLAVEOF_HANDLER } from './replicaof.js';
import { ROLE_HANDLER } from './role.js';
import { WAITAOF_HANDLER, WAIT_HANDLER } from './wait.js';

export const REPLICATION_HANDLERS: Handler<any>[] = [REPLICAOF_HANDLER, SLAVEOF_HANDLER, ROLE_HANDLER, FAILOVER_HANDLER, WAIT_HANDLER, WAITAOF_HANDLER];
