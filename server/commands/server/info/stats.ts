// INFO stats, commandstats, errorstats and latencystats, from the server's counters (server/stats.ts).
// Features faha does not have (defrag, tracking, io threads) report zero.
import { trimmedFixed } from '../../../config/values.js';
import type { ServerAdmin } from '../admin.js';
import { fixed, safeInfoName, type Fields } from './format.js';

export function statsSection(s: ServerAdmin): Fields {
  const st = s.stats;
  return [
    ['total_connections_received', st.totalConnections],
    ['total_commands_processed', st.totalCommands],
    ['instantaneous_ops_per_sec', st.opsPerSec.value],
    ['total_net_input_bytes', st.netInputBytes],
    ['total_net_output_bytes', st.netOutputBytes],
    ['total_net_repl_input_bytes', 0],
    ['total_net_repl_output_bytes', 0],
    ['instantaneous_input_kbps', fixed(st.inputPerSec.value / 1024)],
    ['instantaneous_output_kbps', fixed(st.outputPerSec.value / 1024)],
    ['instantaneous_input_repl_kbps', '0.00'],
    ['instantaneous_output_repl_kbps', '0.00'],
    ['rejected_connections', st.rejectedConnections],
    ['sync_full', 0],
    ['sync_partial_ok', 0],
    ['sync_partial_err', 0],
    ['expired_keys', st.expiredKeys],
    ['expired_stale_perc', '0.00'],
    ['expired_time_cap_reached_count', 0],
    ['expire_cycle_cpu_milliseconds', 0],
    ['evicted_keys', s.eviction.evictedKeys],
    ['evicted_clients', 0],
    ['total_eviction_exceeded_time', 0],
    ['current_eviction_exceeded_time', 0],
    ['keyspace_hits', st.keyspaceHits],
    ['keyspace_misses', st.keyspaceMisses],
    ['pubsub_channels', 0],
    ['pubsub_patterns', 0],
    ['pubsubshard_channels', 0],
    ['latest_fork_usec', 0],
    ['total_forks', 0],
    ['migrate_cached_sockets', 0],
    ['slave_expires_tracked_keys', 0],
    ['active_defrag_hits', 0],
    ['active_defrag_misses', 0],
    ['active_defrag_key_hits', 0],
    ['active_defrag_key_misses', 0],
    ['total_active_defrag_time', 0],
    ['current_active_defrag_time', 0],
    ['tracking_total_keys', 0],
    ['tracking_total_items', 0],
    ['tracking_total_prefixes', 0],
    ['unexpected_error_replies', 0],
    ['total_error_replies', st.totalErrorReplies],
    ['dump_payload_sanitizations', 0],
    ['total_reads_processed', 0],
    ['total_writes_processed', 0],
    ['io_threaded_reads_processed', 0],
    ['io_threaded_writes_processed', 0],
    ['reply_buffer_shrinks', 0],
    ['reply_buffer_expands', 0],
  ];
}

export function commandstatsSection(s: ServerAdmin): Fields {
  const out: Fields = [];
  for (const [name, c] of s.stats.commands) {
    if (c.calls === 0 && c.failed === 0 && c.rejected === 0) continue;
    const perCall = c.calls === 0 ? 0 : c.usec / c.calls;
    out.push([
      `cmdstat_${safeInfoName(name)}`,
      `calls=${c.calls},usec=${c.usec},usec_per_call=${fixed(perCall)},rejected_calls=${c.rejected},failed_calls=${c.failed}`,
    ]);
  }
  return out;
}

export function errorstatsSection(s: ServerAdmin): Fields {
  const codes = [...s.stats.errors.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return codes.map((code) => [`errorstat_${safeInfoName(code)}`, `count=${s.stats.errors.get(code)}`]);
}

export function latencystatsSection(s: ServerAdmin): Fields {
  if (!s.config.bool('latency-tracking')) return [];
  const wanted = s.config.str('latency-tracking-info-percentiles');
  const percentiles = wanted === '' ? [] : wanted.split(' ').map(Number);
  const out: Fields = [];
  for (const [name, h] of s.stats.latency) {
    const parts = percentiles.map((p) => `p${trimmedFixed(p)}=${fixed(h.valueAtPercentile(p) / 1000, 3)}`);
    out.push([`latency_percentiles_usec_${safeInfoName(name)}`, parts.join(',')]);
  }
  return out;
}
