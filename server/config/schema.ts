// Every configuration directive faha accepts: name, type, default, whether CONFIG SET may change it, limits.
// One source for the config file, --directive options, CONFIG GET/SET/REWRITE, --help and config/faha.conf.
// Types, ranges and error wording follow Redis 7.0's config.c; this file holds data only, no parsing.

import { checkNotifyEvents, displayNotifyEvents } from './notify-events.js';

/** Redis's C limits, as the bounds its error messages print. */
export const INT_MAX = 2147483647n;
export const UINT_MAX = 4294967295n;
export const LLONG_MAX = 9223372036854775807n;
export const ULLONG_MAX = 18446744073709551615n;

export type DirectiveType =
  | { kind: 'bool' }
  /** `unsigned`: Redis stores it in an unsigned C type, so a negative value wraps and fails the range check. */
  | { kind: 'int'; min: bigint; max: bigint; unsigned?: boolean; clamp?: [bigint, bigint] }
  | { kind: 'memory'; min: bigint; max: bigint; unsigned?: boolean }
  | { kind: 'enum'; values: string[] }
  /** `emptyIsNull`: "" means unset (Redis's EMPTY_STRING_IS_NULL), which CONFIG REWRITE drops from the file. */
  /** `display`: how CONFIG GET shows the stored value when Redis normalises it (notify-keyspace-events). */
  | { kind: 'string'; emptyIsNull?: boolean; check?: (v: string) => string | null; display?: (v: string) => string }
  /** Directives with their own grammar: several arguments on one line, or a value derived at run time. */
  | { kind: 'special'; special: SpecialKind };

/** `replicaof`: "host port" on one line, "no one" (or nothing) for a primary. */
export type SpecialKind = 'bind' | 'save' | 'dir' | 'percentiles' | 'replicaof';

/**
 * `mutable`: CONFIG SET changes it. `immutable`: only the file or command line. `protected`: Redis refuses it
 * at run time unless enable-protected-configs allows it, which faha never does.
 */
export type Mutability = 'mutable' | 'immutable' | 'protected';

export interface Directive {
  name: string;
  type: DirectiveType;
  /** In the form the config file uses ("yes", "64mb", "127.0.0.1 -::1"). */
  default: string;
  mutability: Mutability;
  /** One line for --help and config/faha.conf. */
  doc: string;
  /** Accepted for compatibility with redis.conf files; faha keeps the value but does not act on it. */
  compatOnly?: boolean;
  /** faha's own directive, unknown to Redis. */
  fahaOnly?: boolean;
  /** Redis 7.0's older name for it (a config alias): accepted wherever the name is, listed by CONFIG GET too. */
  alias?: string;
}

const bool = { kind: 'bool' } as const;
const int = (min: bigint, max: bigint, more: { unsigned?: boolean; clamp?: [bigint, bigint] } = {}) => ({ kind: 'int', min, max, ...more }) as const;
const mem = (min: bigint, max: bigint, unsigned = false) => ({ kind: 'memory', min, max, unsigned }) as const;
const oneOf = (...values: string[]) => ({ kind: 'enum', values }) as const;
const special = (s: SpecialKind) => ({ kind: 'special', special: s }) as const;
const MB = 1024n * 1024n;

function baseNameOnly(v: string): string | null {
  return v.includes('/') ? "dbfilename can't be a path, just a filename" : null;
}

/** The cleaner's bound on log bytes / live bytes: a plain decimal, at least 1.2 so cleaning can make progress. */
function spaceAmplification(v: string): string | null {
  const x = /^\d+(\.\d+)?$/.test(v) ? Number(v) : NaN;
  return x >= 1.2 && x <= 100 ? null : 'argument must be a decimal number between 1.2 and 100';
}

export const DIRECTIVES: Directive[] = [
  // Network
  { name: 'bind', type: special('bind'), default: '127.0.0.1 -::1', mutability: 'immutable', doc: 'Addresses to listen on; a leading "-" means skip it if unavailable.' },
  { name: 'port', type: int(0n, 65535n), default: '6379', mutability: 'immutable', doc: 'TCP port.' },
  { name: 'tcp-backlog', type: int(0n, INT_MAX), default: '511', mutability: 'immutable', doc: 'listen() backlog.' },
  { name: 'timeout', type: int(0n, INT_MAX), default: '0', mutability: 'mutable', doc: 'Close a client after this many idle seconds (0 = never).' },
  { name: 'tcp-keepalive', type: int(0n, INT_MAX), default: '300', mutability: 'mutable', doc: 'TCP keepalive period in seconds (0 = off).' },
  { name: 'protected-mode', type: bool, default: 'yes', mutability: 'mutable', doc: 'Accepted for redis.conf compatibility.', compatOnly: true },
  { name: 'maxclients', type: int(1n, UINT_MAX, { unsigned: true }), default: '10000', mutability: 'mutable', doc: 'Most simultaneous clients.' },
  { name: 'proto-max-bulk-len', type: mem(MB, LLONG_MAX), default: '512mb', mutability: 'mutable', doc: 'Largest bulk string a request may carry.' },
  { name: 'client-query-buffer-limit', type: mem(MB, LLONG_MAX, true), default: '1gb', mutability: 'mutable', doc: 'Largest unparsed input kept for one client before it is closed.' },
  // General
  { name: 'daemonize', type: bool, default: 'no', mutability: 'immutable', doc: 'Run in the background (the pid file defaults to /var/run/faha.pid then).' },
  { name: 'pidfile', type: { kind: 'string', emptyIsNull: true }, default: '', mutability: 'immutable', doc: 'Write the process id here ("" = none unless daemonized).' },
  { name: 'loglevel', type: oneOf('debug', 'verbose', 'notice', 'warning'), default: 'notice', mutability: 'mutable', doc: 'Server log verbosity.' },
  { name: 'logfile', type: { kind: 'string' }, default: '', mutability: 'immutable', doc: 'Server log file ("" = standard output).' },
  { name: 'databases', type: int(1n, INT_MAX), default: '16', mutability: 'immutable', doc: 'Number of databases (SELECT 0..n-1).' },
  { name: 'hz', type: int(0n, INT_MAX, { clamp: [1n, 500n] }), default: '10', mutability: 'mutable', doc: 'Background task frequency (active expiry, timeouts); kept within 1..500.' },
  { name: 'requirepass', type: { kind: 'string', emptyIsNull: true }, default: '', mutability: 'mutable', doc: 'Password of the default user ("" = none).' },
  { name: 'lazyfree-lazy-user-flush', type: bool, default: 'no', mutability: 'mutable', doc: 'FLUSHALL/FLUSHDB without a mode act as ASYNC.' },
  { name: 'enable-debug-command', type: oneOf('no', 'yes', 'local'), default: 'no', mutability: 'immutable', doc: 'Allow DEBUG: no, yes, or local (loopback clients only).' },
  { name: 'latency-tracking', type: bool, default: 'yes', mutability: 'mutable', doc: 'Track per-command latency percentiles (INFO latencystats).' },
  { name: 'latency-tracking-info-percentiles', type: special('percentiles'), default: '50 99 99.9', mutability: 'mutable', doc: 'Percentiles INFO latencystats reports.' },
  // Persistence: the log
  { name: 'dir', type: special('dir'), default: './data', mutability: 'protected', doc: 'Data directory; the log lives in <dir>/log.' },
  { name: 'appendfsync', type: oneOf('everysec', 'always', 'no'), default: 'always', mutability: 'mutable', doc: 'always: a reply waits until its write is persistent; everysec: persist in the background each second; no: leave it to the kernel.' },
  { name: 'appendonly', type: bool, default: 'yes', mutability: 'mutable', doc: 'Accepted for redis.conf compatibility: the log is always on in faha.', compatOnly: true },
  { name: 'save', type: special('save'), default: '3600 1 300 100 60 10000', mutability: 'mutable', doc: 'Accepted for redis.conf compatibility: the log makes snapshots unnecessary.', compatOnly: true },
  { name: 'dbfilename', type: { kind: 'string', check: baseNameOnly }, default: 'dump.rdb', mutability: 'protected', doc: 'Accepted for redis.conf compatibility.', compatOnly: true },
  { name: 'segment-size', type: mem(MB, 1n << 30n), default: '16mb', mutability: 'immutable', doc: 'Size of each log segment file (the unit the cleaner frees).', fahaOnly: true },
  { name: 'auto-aof-rewrite-min-size', type: mem(0n, LLONG_MAX), default: '64mb', mutability: 'mutable', doc: 'The cleaner leaves a log smaller than this alone, whatever its amplification (Redis: no automatic AOF rewrite below this size).' },
  { name: 'log-max-space-amplification', type: { kind: 'string', check: spaceAmplification }, default: '2', mutability: 'mutable', doc: 'The cleaner keeps log bytes within this multiple of live bytes (at least 1.2).', fahaOnly: true },
  { name: 'persist-mode', type: oneOf('inline', 'worker'), default: 'inline', mutability: 'mutable', doc: 'Where msync runs on an ordinary file under appendfsync always: inline at the end of each turn, or on a worker thread while the next batch executes.', fahaOnly: true },
  { name: 'persistence-backend', type: oneOf('auto', 'libpmem', 'libc'), default: 'auto', mutability: 'immutable', doc: 'auto: libpmem when installed, else libc mmap/msync.', fahaOnly: true },
  // Memory
  { name: 'hot-cache-size', type: mem(0n, ULLONG_MAX, true), default: '256mb', mutability: 'mutable', doc: 'DRAM the hot tier may take: keys beyond it keep only a 32-byte slot naming their log record (0 = no limit).', fahaOnly: true },
  { name: 'maxmemory', type: mem(0n, ULLONG_MAX, true), default: '0', mutability: 'mutable', doc: 'Bound on the dataset\'s estimated DRAM (a 48-byte slot per key plus the hot tier); 0 = none. See maxmemory-policy.' },
  { name: 'maxmemory-policy', type: oneOf('volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl', 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'noeviction'), default: 'noeviction', mutability: 'mutable', doc: 'Over maxmemory: noeviction makes hot keys cold, then refuses writes with OOM; the others delete keys as Redis does.' },
  // Collection encodings: faha keeps its own structures, but OBJECT ENCODING names the encoding Redis would use,
  // which these thresholds decide as in Redis.
  { name: 'hash-max-listpack-entries', alias: 'hash-max-ziplist-entries', type: int(0n, LLONG_MAX), default: '512', mutability: 'mutable', doc: 'A hash with more fields than this reports the hashtable encoding.' },
  { name: 'hash-max-listpack-value', alias: 'hash-max-ziplist-value', type: int(0n, LLONG_MAX), default: '64', mutability: 'mutable', doc: 'A hash with a field or value longer than this reports the hashtable encoding.' },
  { name: 'set-max-intset-entries', type: int(0n, LLONG_MAX), default: '512', mutability: 'mutable', doc: 'A set of integers with more members than this reports the hashtable encoding.' },
  { name: 'zset-max-listpack-entries', alias: 'zset-max-ziplist-entries', type: int(0n, LLONG_MAX), default: '128', mutability: 'mutable', doc: 'A sorted set with more members than this reports the skiplist encoding.' },
  { name: 'zset-max-listpack-value', alias: 'zset-max-ziplist-value', type: int(0n, LLONG_MAX), default: '64', mutability: 'mutable', doc: 'A sorted set with a member longer than this reports the skiplist encoding.' },
  { name: 'list-max-listpack-size', alias: 'list-max-ziplist-size', type: int(-2147483648n, INT_MAX), default: '-2', mutability: 'mutable', doc: 'Accepted for redis.conf compatibility (lists always report quicklist, as in Redis 7.0).', compatOnly: true },
  { name: 'list-compress-depth', type: int(0n, INT_MAX), default: '0', mutability: 'mutable', doc: 'Accepted for redis.conf compatibility.', compatOnly: true },
  // Replication: a primary and its synchronous backups (Redis's replica directives, faha's sync-backups)
  { name: 'replicaof', alias: 'slaveof', type: special('replicaof'), default: 'no one', mutability: 'immutable', doc: 'Start as a backup of the primary at "host port" (REPLICAOF changes it at run time; "no one" = a primary).' },
  { name: 'masterauth', type: { kind: 'string', emptyIsNull: true }, default: '', mutability: 'mutable', doc: 'Password a backup gives its primary ("" = none).' },
  { name: 'masteruser', type: { kind: 'string', emptyIsNull: true }, default: '', mutability: 'mutable', doc: 'User name a backup gives its primary with masterauth ("" = the default user).' },
  { name: 'replica-read-only', alias: 'slave-read-only', type: bool, default: 'yes', mutability: 'mutable', doc: 'A backup refuses write commands with READONLY.' },
  { name: 'replica-priority', alias: 'slave-priority', type: int(0n, INT_MAX), default: '100', mutability: 'mutable', doc: 'Reported in INFO replication for failover tools (lower is preferred; 0 = never promote).' },
  { name: 'replica-announce-ip', alias: 'slave-announce-ip', type: { kind: 'string', emptyIsNull: true }, default: '', mutability: 'mutable', doc: 'Address a backup reports to its primary instead of the one it connects from ("" = that one).' },
  { name: 'replica-announce-port', alias: 'slave-announce-port', type: int(0n, 65535n, { unsigned: true }), default: '0', mutability: 'mutable', doc: 'Port a backup reports to its primary (0 = its own port).' },
  { name: 'replica-announced', type: bool, default: 'yes', mutability: 'mutable', doc: 'Whether failover tools should announce this backup (INFO replica_announced).' },
  { name: 'min-replicas-to-write', alias: 'min-slaves-to-write', type: int(0n, INT_MAX), default: '0', mutability: 'mutable', doc: 'Refuse writes with NOREPLICAS unless this many backups acked within min-replicas-max-lag seconds (0 = off).' },
  { name: 'min-replicas-max-lag', alias: 'min-slaves-max-lag', type: int(0n, INT_MAX), default: '10', mutability: 'mutable', doc: 'Seconds since its last ack within which a backup counts for min-replicas-to-write (0 = off).' },
  { name: 'repl-timeout', type: int(1n, INT_MAX), default: '60', mutability: 'mutable', doc: 'Seconds of silence after which a replication link is dropped.' },
  { name: 'repl-ping-replica-period', alias: 'repl-ping-slave-period', type: int(1n, INT_MAX), default: '10', mutability: 'mutable', doc: 'Seconds between the pings a primary sends its backups when idle.' },
  { name: 'sync-backups', type: int(0n, 16n), default: '0', mutability: 'mutable', doc: 'A write is answered only once this many backups have persisted it (0 = no synchronous backups).', fahaOnly: true },
  { name: 'sync-backups-timeout', type: int(0n, INT_MAX), default: '10000', mutability: 'mutable', doc: 'Milliseconds with fewer than sync-backups backups in sync after which writes answer NOREPLICAS.', fahaOnly: true },
  { name: 'replication-transport', type: oneOf('auto', 'tcp', 'rdma'), default: 'auto', mutability: 'immutable', doc: 'How batches reach backups: rdma (RDMA WRITE into the backup\'s log; refused clearly without a usable device), tcp, or auto (rdma when both ends have a usable device).', fahaOnly: true },
  // Event notification
  {
    name: 'notify-keyspace-events',
    type: { kind: 'string', check: checkNotifyEvents, display: displayNotifyEvents },
    default: '',
    mutability: 'mutable',
    doc: 'Keyspace notifications published over pub/sub: K keyspace, E keyevent, then classes g $ l s h z x e t m d n (A = g$lshzxetd); "" = off.',
  },
];

export const DIRECTIVE_BY_NAME = new Map<string, Directive>(DIRECTIVES.flatMap((d) => (d.alias === undefined ? [[d.name, d]] : [[d.name, d], [d.alias, d]])));

/** Case-insensitive lookup, as Redis's config dictionary compares names. */
export function lookupDirective(name: string): Directive | undefined {
  return DIRECTIVE_BY_NAME.get(name.toLowerCase());
}

/** Takes every argument of its config-file line (Redis's MULTI_ARG_CONFIG); CONFIG SET splits its value on spaces. */
export function isMultiArg(d: Directive): boolean {
  return d.type.kind === 'special' && d.type.special !== 'dir';
}
