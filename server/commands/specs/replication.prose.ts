// faha's wording for the replication commands' specs (REPLICAOF, ROLE, FAILOVER, WAIT, the stream's own PSYNC,
// SYNC and REPLCONF). Data only; specs/prose.ts merges it.
import type { CommandProse } from './prose.js';

const CONSTANT = 'O(1)';

export const REPLICATION_PROSE: Record<string, CommandProse> = {
  replicaof: { summary: 'Makes this node a backup of another primary, or a primary again (NO ONE)', complexity: CONSTANT },
  slaveof: { summary: 'Makes this node a backup of another primary, or a primary again (older name of REPLICAOF)', complexity: CONSTANT },
  role: { summary: "Reports this node's role, its replication offset and its backups or primary", complexity: CONSTANT },
  failover: { summary: 'Hands the primary role to one of its backups once it holds every write', complexity: CONSTANT },
  psync: { summary: 'Opens the replication stream a backup receives from its primary' },
  replconf: { summary: 'Tells the primary about a backup on its replication connection (internal)', complexity: CONSTANT },
  sync: { summary: 'Opens the replication stream with a full copy first (older form of PSYNC)' },
  wait: {
    summary: "Waits until the connection's earlier writes are persistent on a number of backups",
    complexity: CONSTANT,
  },
};
