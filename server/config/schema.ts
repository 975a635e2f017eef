// Every configuration directive faha accepts: name, type, default, whether CONFIG SET may change it, limits.
// One source for the config file, --directive command-line options, CONFIG GET/SET/REWRITE and config/faha.conf.

export type DirectiveType =
  | { kind: 'bool' }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'memory'; min: number; max: number }
  | { kind: 'enum'; values: string[] }
  | { kind: 'string' }
  /** Space-separated list kept as one string (bind, save). */
  | { kind: 'list' };

export interface Directive {
  name: string;
  type: DirectiveType;
  /** In the form the config file uses ("yes", "64mb", "127.0.0.1 -::1"). */
  default: string;
  mutable: boolean;
  aliases?: string[];
  /** One line for --help and config/faha.conf. */
  doc: string;
  /** Accepted for compatibility with redis.conf files; faha keeps the value but does not act on it. */
  compatOnly?: boolean;
}

const INT_MAX = 2147483647;
const LLONG_MAX = Number.MAX_SAFE_INTEGER;

const bool = { kind: 'bool' } as const;
const str = { kind: 'string' } as const;
const int = (min: number, max: number) => ({ kind: 'int', min, max }) as const;
const mem = (min: number, max: number) => ({ kind: 'memory', min, max }) as const;
const oneOf = (...values: string[]) => ({ kind: 'enum', values }) as const;

export const DIRECTIVES: Directive[] = [
  // Network
  { name: 'bind', type: { kind: 'list' }, default: '127.0.0.1 -::1', mutable: false, doc: 'Addresses to listen on; a leading "-" means skip it if unavailable.' },
  { name: 'port', type: int(0, 65535), default: '6379', mutable: false, doc: 'TCP port.' },
  { name: 'tcp-backlog', type: int(0, INT_MAX), default: '511', mutable: false, doc: 'listen() backlog.' },
  { name: 'timeout', type: int(0, INT_MAX), default: '0', mutable: true, doc: 'Close a client after this many idle seconds (0 = never).' },
  { name: 'tcp-keepalive', type: int(0, INT_MAX), default: '300', mutable: true, doc: 'TCP keepalive period in seconds (0 = off).' },
  { name: 'protected-mode', type: bool, default: 'yes', mutable: true, doc: 'Accepted for redis.conf compatibility.', compatOnly: true },
  { name: 'maxclients', type: int(1, INT_MAX), default: '10000', mutable: true, doc: 'Most simultaneous clients.' },
  { name: 'proto-max-bulk-len', type: mem(1024 * 1024, LLONG_MAX), default: '512mb', mutable: true, doc: 'Largest bulk string a request may carry.' },
  { name: 'client-query-buffer-limit', type: mem(1024 * 1024, LLONG_MAX), default: '1gb', mutable: true, doc: 'Largest unparsed input kept for one client before it is closed.' },
  // General
  { name: 'daemonize', type: bool, default: 'no', mutable: false, doc: 'Run in the background.' },
  { name: 'pidfile', type: str, default: '', mutable: false, doc: 'Write the process id here.' },
  { name: 'loglevel', type: oneOf('debug', 'verbose', 'notice', 'warning', 'nothing'), default: 'notice', mutable: true, doc: 'Server log verbosity.' },
  { name: 'logfile', type: str, default: '', mutable: false, doc: 'Server log file ("" = standard output).' },
  { name: 'databases', type: int(1, INT_MAX), default: '16', mutable: false, doc: 'Number of databases (SELECT 0..n-1).' },
  { name: 'hz', type: int(0, INT_MAX), default: '10', mutable: true, doc: 'Background task frequency (active expiry, timeouts).' },
  { name: 'requirepass', type: str, default: '', mutable: true, doc: 'Password of the default user ("" = none).' },
  { name: 'lazyfree-lazy-user-flush', type: bool, default: 'no', mutable: true, doc: 'FLUSHALL/FLUSHDB without a mode act as ASYNC.' },
  // Persistence: the log
  { name: 'dir', type: str, default: './data', mutable: false, doc: 'Data directory; the log lives in <dir>/log.' },
  { name: 'appendfsync', type: oneOf('always', 'everysec', 'no'), default: 'always', mutable: true, doc: 'always: a reply waits until its write is persistent; everysec: persist in the background each second; no: leave it to the kernel.' },
  { name: 'appendonly', type: bool, default: 'yes', mutable: true, doc: 'Accepted for redis.conf compatibility: the log is always on in faha.', compatOnly: true },
  { name: 'save', type: { kind: 'list' }, default: '3600 1 300 100 60 10000', mutable: true, doc: 'Accepted for redis.conf compatibility: the log makes snapshots unnecessary.', compatOnly: true },
  { name: 'dbfilename', type: str, default: 'dump.rdb', mutable: true, doc: 'Accepted for redis.conf compatibility.', compatOnly: true },
  { name: 'segment-size', type: mem(1024 * 1024, 1 << 30), default: '64mb', mutable: false, doc: 'Size of each log segment file.' },
  { name: 'persistence-backend', type: oneOf('auto', 'libpmem', 'libc'), default: 'auto', mutable: false, doc: 'auto: libpmem when installed, else libc mmap/msync.' },
  // Memory
  { name: 'maxmemory', type: mem(0, LLONG_MAX), default: '0', mutable: true, doc: 'Accepted; eviction to the cold tier arrives with the hot/cold index.', compatOnly: true },
  { name: 'maxmemory-policy', type: oneOf('volatile-lru', 'allkeys-lru', 'volatile-lfu', 'allkeys-lfu', 'volatile-random', 'allkeys-random', 'volatile-ttl', 'noeviction'), default: 'noeviction', mutable: true, doc: 'Accepted; see maxmemory.', compatOnly: true },
];

export const DIRECTIVE_BY_NAME = new Map<string, Directive>();
for (const d of DIRECTIVES) {
  DIRECTIVE_BY_NAME.set(d.name, d);
  for (const a of d.aliases ?? []) DIRECTIVE_BY_NAME.set(a, d);
}
