// INFO replication: the node's role, its primary link or its backups, in Redis 7.0's fields and order
// (genRedisInfoString), then faha's own. Reads the ReplicationView and config only; offsets are LSNs.
import type { ServerAdmin } from '../admin.js';
import type { BackupView, PrimaryLinkView, ReplicationView } from '../../../replication/types.js';
import type { Config } from '../../../config/config.js';
import { fixed, type Fields } from './format.js';

const NO_REPLID = '0'.repeat(40);
/** Redis's default repl-backlog-size (1mb): faha's backlog is its log, so the figure is only Redis's. */
const BACKLOG_SIZE = 1048576;

/** The link fields of a backup, master_host … replica_announced. */
function linkFields(link: PrimaryLinkView, offset: number, config: Config): Fields {
  const f: Fields = [
    ['master_host', link.host],
    ['master_port', link.port],
    ['master_link_status', link.up ? 'up' : 'down'],
    ['master_last_io_seconds_ago', link.lastIoSecondsAgo],
    ['master_sync_in_progress', link.syncInProgress ? 1 : 0],
    ['slave_read_repl_offset', offset],
    ['slave_repl_offset', offset],
  ];
  if (link.syncInProgress) {
    const perc = link.syncTotal > 0 ? (link.syncReceived / link.syncTotal) * 100 : 0;
    f.push(
      ['master_sync_total_bytes', link.syncTotal],
      ['master_sync_read_bytes', link.syncReceived],
      ['master_sync_left_bytes', link.syncTotal - link.syncReceived],
      ['master_sync_perc', fixed(perc)],
      ['master_sync_last_io_seconds_ago', Math.max(0, link.lastIoSecondsAgo)],
    );
  }
  if (!link.up) f.push(['master_link_down_since_seconds', link.downSinceSeconds]);
  f.push(
    ['slave_priority', config.num('replica-priority')],
    ['slave_read_only', config.bool('replica-read-only') ? 1 : 0],
    ['replica_announced', config.bool('replica-announced') ? 1 : 0],
  );
  return f;
}

/** Redis's "good" replicas for min-replicas-to-write: online and acked within min-replicas-max-lag seconds. */
export function goodBackups(backups: readonly BackupView[], maxLag: number): number {
  let n = 0;
  for (const b of backups) if (b.state === 'online' && b.lagSeconds <= maxLag) n++;
  return n;
}

/** connected_slaves, min_slaves_good_slaves (when min-replicas-* are both set) and the slaveN lines. */
function backupFields(backups: readonly BackupView[], config: Config): Fields {
  const f: Fields = [['connected_slaves', backups.length]];
  const minToWrite = config.num('min-replicas-to-write');
  const maxLag = config.num('min-replicas-max-lag');
  if (minToWrite !== 0 && maxLag !== 0) f.push(['min_slaves_good_slaves', goodBackups(backups, maxLag)]);
  backups.forEach((b, i) => {
    const lag = b.state === 'online' ? b.lagSeconds : 0;
    f.push([`slave${i}`, `ip=${b.ip},port=${b.port},state=${b.state},offset=${b.ackLSN},lag=${lag}`]);
  });
  return f;
}

/** The section for a view, config and replication id (separate from ServerAdmin so tests can drive it). */
export function replicationFields(view: ReplicationView, config: Config, replId: string): Fields {
  const f: Fields = [['role', view.role === 'primary' ? 'master' : 'slave']];
  if (view.link !== null) f.push(...linkFields(view.link, view.offset, config));
  f.push(...backupFields(view.backups, config));
  const backlogActive = view.role === 'backup' || view.backups.length > 0 ? 1 : 0;
  f.push(
    ['master_failover_state', view.failoverState],
    ['master_replid', replId],
    ['master_replid2', NO_REPLID],
    ['master_repl_offset', view.offset],
    ['second_repl_offset', -1],
    ['repl_backlog_active', backlogActive],
    ['repl_backlog_size', BACKLOG_SIZE],
    ['repl_backlog_first_byte_offset', 0],
    ['repl_backlog_histlen', 0],
    // faha's own: the fencing epoch, the configured synchronous backups, and how many backups are live now.
    ['faha_epoch', view.epoch],
    ['faha_sync_backups', config.num('sync-backups')],
    ['faha_backups_in_sync', view.backups.filter((b) => b.state === 'online').length],
  );
  // And how batches travel: per backup on a primary, the link's on a backup.
  view.backups.forEach((b, i) => f.push([`faha_backup${i}`, `ip=${b.ip},port=${b.port},transport=${b.transportInfo}`]));
  if (view.link !== null) f.push(['faha_link_transport', view.link.transportInfo]);
  return f;
}

export function replicationSection(s: ServerAdmin): Fields {
  return replicationFields(s.replication, s.config, s.replId);
}
