// INFO memory: Redis 7.0's fields, filled from the Node process's own accounting (V8 heap, buffers, RSS).
// Scripting and replication figures are zero: faha has neither yet.
import { totalmem } from 'node:os';
import type { ServerAdmin } from '../admin.js';
import { bytesToHuman, fixed, type Fields } from './format.js';

/**
 * What INFO calls used_memory: the V8 heap in use plus memory held outside it (buffers), less the mapped log
 * segments (`mappedBytes`), which Node counts as external memory but which live in the log files.
 */
export function usedMemory(mappedBytes: number): number {
  const m = process.memoryUsage();
  return m.heapUsed + Math.max(0, m.external - mappedBytes);
}

export function memorySection(s: ServerAdmin): Fields {
  const m = process.memoryUsage();
  const mapped = s.ks.store.log.diskBytes;
  const used = usedMemory(mapped);
  if (used > s.stats.peakMemory) s.stats.peakMemory = used;
  const peak = s.stats.peakMemory;
  const startup = Math.min(s.startupMemory, used);
  const dataset = used - startup;
  const active = m.heapTotal + Math.max(0, m.external - mapped);
  const maxmemory = s.config.num('maxmemory');
  const total = totalmem();
  return [
    ['used_memory', used],
    ['used_memory_human', bytesToHuman(used)],
    ['used_memory_rss', m.rss],
    ['used_memory_rss_human', bytesToHuman(m.rss)],
    ['used_memory_peak', peak],
    ['used_memory_peak_human', bytesToHuman(peak)],
    ['used_memory_peak_perc', `${fixed((used * 100) / peak)}%`],
    ['used_memory_overhead', startup],
    ['used_memory_startup', startup],
    ['used_memory_dataset', dataset],
    ['used_memory_dataset_perc', `${fixed(used === 0 ? 0 : (dataset * 100) / used)}%`],
    ['allocator_allocated', used],
    ['allocator_active', active],
    ['allocator_resident', m.rss],
    ['total_system_memory', total],
    ['total_system_memory_human', bytesToHuman(total)],
    ['used_memory_lua', 0],
    ['used_memory_vm_eval', 0],
    ['used_memory_lua_human', '0B'],
    ['used_memory_scripts_eval', 0],
    ['number_of_cached_scripts', 0],
    ['number_of_functions', 0],
    ['number_of_libraries', 0],
    ['used_memory_vm_functions', 0],
    ['used_memory_vm_total', 0],
    ['used_memory_vm_total_human', '0B'],
    ['used_memory_functions', 0],
    ['used_memory_scripts', 0],
    ['used_memory_scripts_human', '0B'],
    ['maxmemory', maxmemory],
    ['maxmemory_human', bytesToHuman(maxmemory)],
    ['maxmemory_policy', s.config.str('maxmemory-policy')],
    ['allocator_frag_ratio', fixed(active / used)],
    ['allocator_frag_bytes', active - used],
    ['allocator_rss_ratio', fixed(m.rss / active)],
    ['allocator_rss_bytes', m.rss - active],
    ['rss_overhead_ratio', '1.00'],
    ['rss_overhead_bytes', 0],
    ['mem_fragmentation_ratio', fixed(m.rss / used)],
    ['mem_fragmentation_bytes', m.rss - used],
    ['mem_not_counted_for_evict', 0],
    ['mem_replication_backlog', 0],
    ['mem_total_replication_buffers', 0],
    ['mem_clients_slaves', 0],
    ['mem_clients_normal', 0],
    ['mem_cluster_links', 0],
    ['mem_aof_buffer', 0],
    ['mem_allocator', 'libc'],
    ['active_defrag_running', 0],
    ['lazyfree_pending_objects', 0],
    ['lazyfreed_objects', 0],
  ];
}
