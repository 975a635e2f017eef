// INFO sections about the process: server, clients, cpu, modules, cluster. Field names and order are Redis
// 7.0's; values describe faha (see compat-tests/known-differences.json for the ones that must differ).
import { machine, release, type as osType } from 'node:os';
import { lruSeconds } from '../../../clock.js';
import { FAHA_VERSION, REDIS_COMPAT_VERSION } from '../../../version.js';
import type { ServerAdmin } from '../admin.js';
import { secondsMicros, type Fields } from './format.js';

/** Redis's LRU clock: seconds, 24 bits. */
const LRU_CLOCK_MASK = (1 << 24) - 1;
/** Identifies the build (Redis prints a hash of its build); ours is derived from the version. */
const BUILD_ID = Buffer.from(`faha-${FAHA_VERSION}`).toString('hex').slice(0, 15);

/** Wall-clock microseconds since the epoch. */
export function nowMicros(): number {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

export function serverSection(s: ServerAdmin): Fields {
  const uptime = Math.floor((Date.now() - s.startedAt) / 1000);
  const hz = s.config.num('hz');
  return [
    ['redis_version', REDIS_COMPAT_VERSION],
    ['redis_git_sha1', '00000000'],
    ['redis_git_dirty', 0],
    ['redis_build_id', BUILD_ID],
    ['redis_mode', 'standalone'],
    ['os', `${osType()} ${release()} ${machine()}`],
    ['arch_bits', 64],
    ['monotonic_clock', 'POSIX clock_gettime'],
    ['multiplexing_api', 'epoll'],
    ['atomicvar_api', 'c11-builtin'],
    ['gcc_version', '0.0.0'],
    ['process_id', process.pid],
    ['process_supervised', 'no'],
    ['run_id', s.runId],
    ['tcp_port', s.tcpPort],
    ['server_time_usec', nowMicros()],
    ['uptime_in_seconds', uptime],
    ['uptime_in_days', Math.floor(uptime / 86400)],
    ['hz', hz],
    ['configured_hz', hz],
    ['lru_clock', lruSeconds() & LRU_CLOCK_MASK],
    ['executable', s.executable],
    ['config_file', s.config.file ?? ''],
    ['io_threads_active', 0],
    ['faha_version', FAHA_VERSION],
  ];
}

export function clientsSection(s: ServerAdmin): Fields {
  return [
    ['connected_clients', s.clients.count],
    ['cluster_connections', 0],
    ['maxclients', s.config.num('maxclients')],
    ['client_recent_max_input_buffer', 0],
    ['client_recent_max_output_buffer', 0],
    ['blocked_clients', s.blocking.count],
    ['tracking_clients', 0],
    ['clients_in_timeout_table', 0],
  ];
}

export function cpuSection(): Fields {
  const u = process.cpuUsage();
  // Node runs commands on its main thread; the process figures are the closest to Redis's main-thread ones.
  return [
    ['used_cpu_sys', secondsMicros(u.system)],
    ['used_cpu_user', secondsMicros(u.user)],
    ['used_cpu_sys_children', '0.000000'],
    ['used_cpu_user_children', '0.000000'],
    ['used_cpu_sys_main_thread', secondsMicros(u.system)],
    ['used_cpu_user_main_thread', secondsMicros(u.user)],
  ];
}

export function clusterSection(): Fields {
  return [['cluster_enabled', 0]];
}
