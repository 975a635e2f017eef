// Server-wide counters for INFO stats/commandstats, reset by CONFIG RESETSTAT.
import type { Stats } from './commands/types.js';

export class ServerStats implements Stats {
  totalConnections = 0;
  totalCommands = 0;
  rejectedConnections = 0;
  expiredKeys = 0;
  keyspaceHits = 0;
  keyspaceMisses = 0;
  netInputBytes = 0;
  netOutputBytes = 0;
  commands = new Map<string, { calls: number; usec: number; rejected: number; failed: number }>();

  reset(): void {
    this.totalConnections = 0;
    this.totalCommands = 0;
    this.rejectedConnections = 0;
    this.expiredKeys = 0;
    this.keyspaceHits = 0;
    this.keyspaceMisses = 0;
    this.netInputBytes = 0;
    this.netOutputBytes = 0;
    this.commands.clear();
  }
}
