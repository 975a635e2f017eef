// faha's own wording for the prose fields of each command spec (summary, complexity, history notes, argument
// summaries, key-spec notes), keyed by full command name. Data only: ./index.ts merges it into the imported facts,
// and specs/prose.test.ts fails when a field the facts have is left without words here.

import { HASH_PROSE } from './hash.prose.js';
import { LIST_PROSE } from './list.prose.js';
import { SET_PROSE } from './set.prose.js';
import { SORTED_SET_PROSE } from './sorted-set.prose.js';
import { BITMAP_PROSE } from './bitmap.prose.js';
import { HYPERLOGLOG_PROSE } from './hyperloglog.prose.js';
import { PUBSUB_PROSE } from './pubsub.prose.js';
import { TRANSACTIONS_PROSE } from './transactions.prose.js';
import { REPLICATION_PROSE } from './replication.prose.js';

export interface CommandProse {
  summary: string;
  complexity?: string;
  /** One description per history entry of the spec, in the spec's order. */
  history?: string[];
  /** Argument summaries by argument path (`parent.child` for a nested argument). */
  args?: Record<string, string>;
  /** Key-spec notes by key-spec index. */
  notes?: Record<number, string>;
}

const CONSTANT = 'O(1)';
const CONTAINER = 'Depends on the subcommand used.';
const HELP = 'Lists the subcommands and what they do';

const CONNECTION: Record<string, CommandProse> = {
  ping: { summary: 'Checks that the server is alive, optionally echoing a message', complexity: CONSTANT },
  echo: { summary: 'Replies with the message it was sent', complexity: CONSTANT },
  quit: { summary: 'Asks the server to close this connection once it has replied', complexity: CONSTANT },
  select: { summary: 'Switches this connection to another numbered database', complexity: CONSTANT },
  hello: {
    summary: 'Negotiates the protocol version and optionally authenticates and names the connection',
    complexity: CONSTANT,
    history: ['The protocol version became optional; without arguments the reply describes the current connection.'],
  },
  auth: {
    summary: 'Authenticates this connection',
    complexity: 'O(N), N being the number of passwords the user has',
    history: ['A user name may be given before the password (ACL users).'],
  },
  reset: { summary: 'Returns this connection to its initial state', complexity: CONSTANT },
  client: { summary: 'Groups the commands that inspect and manage client connections', complexity: CONTAINER },
  'client|caching': { summary: 'Tells the server whether to track the keys read by the next command', complexity: CONSTANT },
  'client|getname': { summary: 'Returns the name given to this connection', complexity: CONSTANT },
  'client|getredir': { summary: 'Returns the client that receives this connection\'s tracking notifications, if any', complexity: CONSTANT },
  'client|help': { summary: HELP, complexity: CONSTANT },
  'client|id': { summary: 'Returns the unique id of this connection', complexity: CONSTANT },
  'client|info': { summary: 'Describes this connection in the format of CLIENT LIST', complexity: CONSTANT },
  'client|kill': {
    summary: 'Closes the client connections that match the given filters',
    complexity: 'O(N), N being the number of connected clients',
    history: [
      'Filters given as name/value pairs, in addition to the older single address form.',
      'The `ID` filter.',
      'The `master` value of the `TYPE` filter.',
      'The `TYPE` value `replica`, with `slave` kept as an alias.',
      'The `LADDR` filter.',
    ],
  },
  'client|list': {
    summary: 'Describes every client connection, one line each',
    complexity: 'O(N), N being the number of connected clients',
    history: [
      'Each line carries the client\'s unique `id`.',
      'The `TYPE` filter.',
      'Each line carries the authenticated `user`.',
      'The `argv-mem`, `tot-mem`, `laddr` and `redir` fields, and the `ID` filter.',
      'The `resp`, `multi-mem`, `rbs` and `rbp` fields.',
      'The `ssub` field.',
    ],
  },
  'client|no-evict': { summary: 'Exempts this connection from client eviction, or makes it eligible again', complexity: CONSTANT },
  'client|pause': {
    summary: 'Holds back the commands of all clients, or only writes, for a number of milliseconds',
    complexity: CONSTANT,
    history: ['The optional mode, with `WRITE` to hold back only commands that may write.'],
  },
  'client|reply': { summary: 'Turns the server\'s replies to this connection on or off, or skips the next one', complexity: CONSTANT },
  'client|setname': { summary: 'Gives this connection a name', complexity: CONSTANT },
  'client|tracking': {
    summary: 'Turns key tracking for client-side caching on or off for this connection',
    complexity: 'O(1); a long list of prefixes adds work proportional to its length.',
  },
  'client|trackinginfo': { summary: 'Describes the client-side caching state of this connection', complexity: CONSTANT },
  'client|unblock': {
    summary: 'Wakes up a client waiting in a blocking command',
    complexity: 'O(log N), N being the number of connected clients',
  },
  'client|unpause': { summary: 'Ends a CLIENT PAUSE early', complexity: 'O(N), N being the number of paused clients' },
};

const SERVER: Record<string, CommandProse> = {
  swapdb: {
    summary: 'Exchanges the contents of two databases',
    complexity: 'O(N), N being the number of clients watching or blocked on keys of either database',
  },
  info: {
    summary: 'Reports information and statistics about the server, by section',
    complexity: CONSTANT,
    history: ['Several sections may be named at once.'],
  },
  dbsize: { summary: 'Counts the keys of the current database', complexity: CONSTANT },
  flushdb: {
    summary: 'Deletes every key of the current database',
    complexity: 'O(N), N being the number of keys in the database',
    history: ['The `ASYNC` mode.', 'The `SYNC` mode.'],
  },
  flushall: {
    summary: 'Deletes every key of every database',
    complexity: 'O(N), N being the number of keys in all databases',
    history: ['The `ASYNC` mode.', 'The `SYNC` mode.'],
  },
  config: { summary: 'Groups the commands that read and change the server configuration', complexity: CONTAINER },
  'config|get': {
    summary: 'Returns the configuration parameters whose names match the given patterns',
    complexity: 'O(N), N being the number of patterns given',
    history: ['More than one pattern may be given.'],
  },
  'config|help': { summary: HELP, complexity: CONSTANT },
  'config|resetstat': { summary: 'Zeroes the statistics that INFO reports', complexity: CONSTANT },
  'config|rewrite': { summary: 'Writes the running configuration back to the configuration file', complexity: CONSTANT },
  'config|set': {
    summary: 'Changes configuration parameters at run time',
    complexity: 'O(N), N being the number of parameters given',
    history: ['More than one parameter may be set at once, all or none.'],
  },
  time: { summary: 'Returns the server clock as seconds and microseconds', complexity: CONSTANT },
  lastsave: { summary: 'Returns the Unix time of the last successful save', complexity: CONSTANT },
  save: { summary: 'Persists the dataset before replying', complexity: 'O(N), N being the number of keys in all databases' },
  bgsave: {
    summary: 'Starts persisting the dataset in the background',
    complexity: CONSTANT,
    history: ['The `SCHEDULE` option.'],
  },
  bgrewriteaof: {
    summary: 'Compacts the log in the background, as an append-only file rewrite would',
    complexity: 'O(N), N being the number of keys whose values live in the segments cleaned',
  },
  shutdown: {
    summary: 'Stops the server, persisting the dataset first unless told otherwise',
    complexity: 'O(N) when the dataset is saved, N being the number of keys in all databases; O(1) otherwise',
    history: ['The `NOW`, `FORCE` and `ABORT` options.'],
  },
  debug: { summary: 'Runs internal commands meant for testing and troubleshooting', complexity: CONTAINER },
  monitor: { summary: 'Streams every command the server receives to this connection' },
  command: {
    summary: 'Describes every command the server serves',
    complexity: 'O(N), N being the number of commands served',
  },
  'command|count': { summary: 'Counts the commands the server serves', complexity: CONSTANT },
  'command|docs': {
    summary: 'Returns the documentation of the named commands, or of all of them',
    complexity: 'O(N), N being the number of commands described',
  },
  'command|getkeys': {
    summary: 'Lists the key arguments of a complete command line',
    complexity: 'O(N), N being the number of arguments of that command line',
  },
  'command|getkeysandflags': {
    summary: 'Lists the key arguments of a complete command line with how each key is accessed',
    complexity: 'O(N), N being the number of arguments of that command line',
  },
  'command|help': { summary: HELP, complexity: CONSTANT },
  'command|info': {
    summary: 'Describes the named commands, or every command when none is named',
    complexity: 'O(N), N being the number of commands described',
    history: ['The command names became optional; without them every command is described.'],
  },
  'command|list': {
    summary: 'Lists the names of the commands served, optionally filtered',
    complexity: 'O(N), N being the number of commands served',
  },
};

const SUBSTRING_COST = 'O(N), N being the length of the returned part; cheap enough to count as O(1) for short strings.';

const STRING: Record<string, CommandProse> = {
  get: { summary: 'Returns the string stored at a key', complexity: CONSTANT },
  set: {
    summary: 'Stores a string at a key, with optional conditions and expiry',
    complexity: CONSTANT,
    history: [
      'The `EX`, `PX`, `NX` and `XX` options.',
      'The `KEEPTTL` option.',
      'The `GET`, `EXAT` and `PXAT` options.',
      '`NX` and `GET` may be combined.',
    ],
    notes: { 0: 'Read and write with access only when `GET` is given; otherwise an overwrite' },
  },
  setnx: { summary: 'Stores a string at a key only when the key is absent', complexity: CONSTANT },
  setex: { summary: 'Stores a string at a key with a time to live in seconds', complexity: CONSTANT },
  psetex: { summary: 'Stores a string at a key with a time to live in milliseconds', complexity: CONSTANT },
  getset: { summary: 'Stores a string at a key and returns the string it replaced', complexity: CONSTANT },
  getex: {
    summary: 'Returns the string at a key and optionally changes its expiry',
    complexity: CONSTANT,
    notes: { 0: 'Read and write: the options may change the expiry' },
  },
  getdel: { summary: 'Returns the string at a key and deletes the key', complexity: CONSTANT },
  mget: { summary: 'Returns the strings stored at several keys', complexity: 'O(N), N being the number of keys read' },
  mset: { summary: 'Stores strings at several keys at once', complexity: 'O(N), N being the number of keys written' },
  msetnx: {
    summary: 'Stores strings at several keys at once, only when none of them exists',
    complexity: 'O(N), N being the number of keys written',
  },
  append: {
    summary: 'Adds a string to the end of the string at a key',
    complexity: 'O(1) amortised: the stored string grows with spare room, so short appends rarely copy it.',
  },
  strlen: { summary: 'Returns the length in bytes of the string at a key', complexity: CONSTANT },
  incr: { summary: 'Adds one to the integer stored at a key', complexity: CONSTANT },
  decr: { summary: 'Subtracts one from the integer stored at a key', complexity: CONSTANT },
  incrby: { summary: 'Adds an integer to the integer stored at a key', complexity: CONSTANT },
  decrby: { summary: 'Subtracts an integer from the integer stored at a key', complexity: CONSTANT },
  incrbyfloat: { summary: 'Adds a floating-point number to the number stored at a key', complexity: CONSTANT },
  getrange: { summary: 'Returns the part of the string at a key between two offsets', complexity: SUBSTRING_COST },
  setrange: {
    summary: 'Overwrites the string at a key from an offset on, padding with zero bytes when needed',
    complexity: 'O(1) plus the copy of the new bytes: O(M), M being the length of the value, when it is long.',
  },
  substr: { summary: 'Returns the part of the string at a key between two offsets (old name of GETRANGE)', complexity: SUBSTRING_COST },
  lcs: {
    summary: 'Finds the longest common subsequence of the strings at two keys',
    complexity: 'O(N*M), N and M being the lengths of the two strings',
  },
};

const GENERIC: Record<string, CommandProse> = {
  del: {
    summary: 'Deletes keys',
    complexity: 'O(N), N being the number of keys deleted; a collection costs O(M) more, M being its number of elements.',
  },
  unlink: {
    summary: 'Deletes keys, reclaiming their memory in the background',
    complexity: 'O(1) per key; freeing the memory costs O(N) later, off the request path, N being the allocations freed.',
  },
  exists: {
    summary: 'Counts how many of the given keys exist',
    complexity: 'O(N), N being the number of keys given',
    history: ['More than one key may be given.'],
  },
  type: { summary: 'Returns the type of the value stored at a key', complexity: CONSTANT },
  expire: {
    summary: 'Gives a key a time to live in seconds',
    complexity: CONSTANT,
    history: ['The `NX`, `XX`, `GT` and `LT` conditions.'],
  },
  pexpire: {
    summary: 'Gives a key a time to live in milliseconds',
    complexity: CONSTANT,
    history: ['The `NX`, `XX`, `GT` and `LT` conditions.'],
  },
  expireat: {
    summary: 'Makes a key expire at a Unix time in seconds',
    complexity: CONSTANT,
    history: ['The `NX`, `XX`, `GT` and `LT` conditions.'],
  },
  pexpireat: {
    summary: 'Makes a key expire at a Unix time in milliseconds',
    complexity: CONSTANT,
    history: ['The `NX`, `XX`, `GT` and `LT` conditions.'],
  },
  expiretime: { summary: 'Returns the Unix time in seconds at which a key expires', complexity: CONSTANT },
  pexpiretime: { summary: 'Returns the Unix time in milliseconds at which a key expires', complexity: CONSTANT },
  ttl: {
    summary: 'Returns the seconds a key has left to live',
    complexity: CONSTANT,
    history: ['A missing key answers -2, distinct from -1 for a key without expiry.'],
  },
  pttl: {
    summary: 'Returns the milliseconds a key has left to live',
    complexity: CONSTANT,
    history: ['A missing key answers -2, distinct from -1 for a key without expiry.'],
  },
  persist: { summary: 'Removes the expiry of a key', complexity: CONSTANT },
  keys: {
    summary: 'Returns every key that matches a glob pattern',
    complexity: 'O(N), N being the number of keys in the database (keys and pattern assumed short)',
  },
  scan: {
    summary: 'Walks the keys of the database a few at a time with a cursor',
    complexity: 'O(1) per call; O(N) for a full walk back to cursor 0, N being the number of keys.',
    history: ['The `TYPE` filter.'],
  },
  randomkey: { summary: 'Returns a key picked at random', complexity: CONSTANT },
  rename: { summary: 'Gives a key a new name, replacing any key of that name', complexity: CONSTANT },
  renamenx: {
    summary: 'Gives a key a new name only when no key has that name',
    complexity: CONSTANT,
    history: ['Renaming a key to its own name is no longer an error.'],
  },
  copy: {
    summary: 'Copies the value of a key to another key',
    complexity: 'O(1) for a string; O(N) for a collection, N being its number of nested elements.',
  },
  move: { summary: 'Moves a key to another database', complexity: CONSTANT },
  touch: {
    summary: 'Marks keys as just accessed and counts how many exist',
    complexity: 'O(N), N being the number of keys given',
  },
  object: { summary: 'Groups the commands that inspect how a value is stored', complexity: CONTAINER },
  'object|encoding': { summary: 'Returns the internal representation of the value at a key', complexity: CONSTANT },
  'object|freq': { summary: 'Returns the logarithmic access counter of a key (LFU policies)', complexity: CONSTANT },
  'object|help': { summary: HELP, complexity: CONSTANT },
  'object|idletime': { summary: 'Returns the seconds since the key was last read or written', complexity: CONSTANT },
  'object|refcount': { summary: 'Returns the reference count of the value at a key', complexity: CONSTANT },
  sort: {
    summary: 'Sorts the elements of a list, set or sorted set, optionally by external weights, and returns or stores them',
    complexity:
      'O(N+M*log(M)), N being the number of elements to sort and M the number returned; O(N) when nothing is sorted (BY without a *).',
    notes: {
      1: 'Keys named by the BY and GET patterns: built from the sorted elements, so they cannot be found ahead of time.',
      2: 'The key named by STORE, which receives the result as a list.',
    },
  },
  sort_ro: {
    summary: 'Sorts the elements of a list, set or sorted set and returns them, never writing (SORT without STORE)',
    complexity: 'O(N+M*log(M)), N being the number of elements to sort and M the number returned.',
    notes: { 1: 'Keys named by the BY and GET patterns: built from the sorted elements, so they cannot be found ahead of time.' },
  },
  dump: {
    summary: 'Serializes the value of a key into an opaque payload that RESTORE accepts',
    complexity:
      'O(1) to find the key, then O(N*M) to serialize it, N being the number of elements and M their average size; O(1) for a short string.',
  },
  restore: {
    summary: 'Creates a key from a payload made by DUMP',
    complexity:
      'O(1) to create the key, then O(N*M) to rebuild the value, N being the number of elements and M their average size; a sorted set costs O(N*log(N)) more to order.',
    history: [
      'The `REPLACE` option.',
      'The `ABSTTL` option, which reads the TTL as an absolute Unix time in milliseconds.',
      'The `IDLETIME` and `FREQ` options, which set the access time or counter of the new key.',
    ],
  },
};

export const PROSE: Record<string, CommandProse> = {
  ...CONNECTION,
  ...SERVER,
  ...STRING,
  ...GENERIC,
  ...HASH_PROSE,
  ...LIST_PROSE,
  ...SET_PROSE,
  ...SORTED_SET_PROSE,
  ...BITMAP_PROSE,
  ...HYPERLOGLOG_PROSE,
  ...PUBSUB_PROSE,
  ...TRANSACTIONS_PROSE,
  ...REPLICATION_PROSE,
};
